/* The SQL client's two ways of reading statements: the interactive prompt (libedit: line editing,
 * history file, multi-line statements, Ctrl-C, tab completion through the gateway) and scripts
 * (-f runs and echoes each statement, stops at the first error; -i configures the session). */
#pragma once

#include "gw-client-executor.h"

G_BEGIN_DECLS

/* Returns the process exit status: 0 after QUIT/EXIT/Ctrl-D, 1 when the gateway was lost. */
int gw_client_cli_run_interactive (GwClientExecutor *executor, GwRestClient *client,
                                   const char *history_file, const char *banner);

/* Runs a script's statements in mode NON_INTERACTIVE (-f) or INITIALIZATION (-i). Returns 0
 * when every statement succeeded (or QUIT ended it), 1 at the first failure. */
int gw_client_cli_run_script (GwClientExecutor *executor, const char *script, GwClientMode mode,
                              FILE *out);

G_END_DECLS
