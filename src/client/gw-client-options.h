/* The sql-client command line (reference flink-rest.md §12.2): `sql-client [embedded|gateway]
 * [options]` with Flink's option names, single-dash long ones (-hist, -pyfs) included. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef enum {
  GW_CLIENT_EMBEDDED,  /* start a gateway in this process (default) */
  GW_CLIENT_GATEWAY,   /* connect to the gateway named by -e */
} GwClientDeployment;

typedef struct {
  GwClientDeployment deployment;
  gboolean           help;
  gboolean           version;
  gchar             *endpoint;      /* -e, --endpoint */
  gchar             *session_id;    /* -s, --session (default "default") */
  gchar             *file;          /* -f, --file */
  gchar             *init_file;     /* -i, --init */
  gchar             *history_file;  /* -hist, --history (default ~/.flink-sql-history) */
  GPtrArray         *properties;    /* -D key=value, in order (owned strings) */
  GPtrArray         *ignored;       /* accepted Flink options this client cannot honour (jars, python) */
} GwClientOptions;

/* FALSE with a one-line message in error (GW_CLIENT_ERROR_INPUT) for a bad command line. */
gboolean gw_client_options_parse (GwClientOptions *options, int argc, char **argv, GError **error);
void     gw_client_options_clear (GwClientOptions *options);
void     gw_client_options_print_usage (FILE *out);

G_END_DECLS
