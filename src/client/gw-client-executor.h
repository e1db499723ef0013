/* GwClientExecutor: runs one statement the way Flink's SQL client does (Printer.java): client
 * commands (HELP, QUIT/EXIT, CLEAR) locally, everything else through the gateway — submit, poll
 * while NOT_READY, fetch PLAIN_TEXT pages, print the outcome, close the operation, refresh the
 * session configuration. */
#pragma once

#include "gw-rest-client.h"

#include <stdio.h>

G_BEGIN_DECLS

/* How statements arrive (CliClient.ExecutionMode). */
typedef enum {
  GW_CLIENT_MODE_INTERACTIVE,      /* typed at the prompt */
  GW_CLIENT_MODE_NON_INTERACTIVE,  /* -f script: queries must use TABLEAU */
  GW_CLIENT_MODE_INITIALIZATION,   /* -i script: sent through configure-session, output to the log */
} GwClientMode;

/* What running a statement led to. */
typedef enum {
  GW_CLIENT_OUTCOME_OK,          /* done (including a query the user stopped with Ctrl-C) */
  GW_CLIENT_OUTCOME_FAILED,      /* the statement failed; the error was printed */
  GW_CLIENT_OUTCOME_QUIT,        /* QUIT/EXIT */
  GW_CLIENT_OUTCOME_GATEWAY_LOST,/* the gateway cannot be reached any more; the error was printed */
} GwClientOutcome;

typedef struct _GwClientExecutor GwClientExecutor;

/* client: borrowed, must outlive the executor; out: where results go (stdout). */
GwClientExecutor *gw_client_executor_new (GwRestClient *client, FILE *out);
void              gw_client_executor_free (GwClientExecutor *executor);

/* Reads the session configuration from the gateway (also done after each statement). */
gboolean          gw_client_executor_refresh_config (GwClientExecutor *executor, GError **error);
/* A session option (raw string), or the option table's default. */
const char       *gw_client_executor_get_option (GwClientExecutor *executor, const char *key);
gboolean          gw_client_executor_get_bool (GwClientExecutor *executor, const char *key);
gint64            gw_client_executor_get_int (GwClientExecutor *executor, const char *key);

/* Runs one statement (without its ';') and prints what came of it. */
GwClientOutcome   gw_client_executor_run (GwClientExecutor *executor, const char *statement,
                                          GwClientMode mode);

/* "[ERROR] Could not execute SQL statement. Reason:\n<cause>" (verbose: every error detail). */
void              gw_client_executor_print_error (GwClientExecutor *executor, const GError *error);
void              gw_client_print_info (FILE *out, const char *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwClientExecutor, gw_client_executor_free)

G_END_DECLS
