/* sql-client: the Flink SQL client (FLIP-275) in C. Both modes speak REST: gateway mode to the
 * address given by -e, embedded mode to a gateway it starts in this process on the first free
 * port in [50000, 60000]. */
#include "gw-build-config.h"
#include "gw-client-cli.h"
#include "gw-client-executor.h"
#include "gw-client-heartbeat.h"
#include "gw-client-interrupt.h"
#include "gw-client-options.h"
#include "gw-client-status.h"
#include "gw-gateway.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define EMBEDDED_PORT_RANGE "50000-60000"

static FILE *log_file;  /* owned; NULL: informational logs are dropped */

/* The client's own and the embedded gateway's log lines must not land between results: they go
 * to $GW_LOG_DIR/sql-client.log when set, and only criticals reach the terminal otherwise. */
static GLogWriterOutput
log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  if (log_file != NULL) {
    g_autofree gchar *line = g_log_writer_format_fields (level, fields, n_fields, FALSE);
    fprintf (log_file, "%s\n", line);
    fflush (log_file);
    return G_LOG_WRITER_HANDLED;
  }
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    return g_log_writer_standard_streams (level, fields, n_fields, data);
  return G_LOG_WRITER_HANDLED;
}

static void
open_log (void)
{
  const char *dir = g_getenv ("GW_LOG_DIR");
  if (dir == NULL || *dir == '\0')
    return;
  g_mkdir_with_parents (dir, 0755);
  g_autofree gchar *path = g_build_filename (dir, "sql-client.log", NULL);
  log_file = fopen (path, "a");
}

static void
tick (void)
{
  gw_client_status_tick ();
}

static gchar *
read_script (const char *path, GError **error)
{
  gchar *content = NULL;
  g_autoptr (GError) local_error = NULL;
  if (!g_file_get_contents (path, &content, NULL, &local_error)) {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT, "Cannot read SQL file %s: %s",
                 path, local_error->message);
    return NULL;
  }
  if (!g_utf8_validate (content, -1, NULL)) {
    g_free (content);
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT, "SQL file %s is not UTF-8 text.",
                 path);
    return NULL;
  }
  return content;
}

static GwConfig *
load_config (const GwClientOptions *options, GError **error)
{
  g_autoptr (GwConfig) config = gw_config_new ();
  const char *conf_dir = g_getenv ("FLINK_CONF_DIR");
  if (!gw_config_load_dir (config, conf_dir ? conf_dir : "conf", error))
    return NULL;
  for (guint i = 0; i < options->properties->len; i++)
    if (!gw_config_set_from_arg (config, options->properties->pdata[i], error))
      return NULL;
  if (!gw_config_validate (config, error))
    return NULL;
  return g_steal_pointer (&config);
}

/* Embedded mode: this process's own gateway, REST only, on loopback. */
static GwGateway *
start_embedded_gateway (GwConfig *config, gchar **endpoint, GError **error)
{
  g_autoptr (GwConfig) gateway_config = gw_config_copy (config);
  gw_config_set (gateway_config, "sql-gateway.endpoint.type", "rest");
  gw_config_set (gateway_config, "sql-gateway.endpoint.rest.address", "127.0.0.1");
  gw_config_set (gateway_config, "sql-gateway.endpoint.rest.bind-address", "127.0.0.1");
  gw_config_set (gateway_config, "sql-gateway.endpoint.rest.bind-port", EMBEDDED_PORT_RANGE);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GwGateway) gateway = gw_gateway_new (gateway_config, &local_error);
  if (gateway == NULL || !gw_gateway_start (gateway, &local_error)) {
    /* DuckDB lets one process open a database file: a running sql-gateway holds it. */
    gboolean locked = strstr (local_error->message, "lock") != NULL;
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_CONNECT,
                 "Could not start the embedded gateway: %s%s", local_error->message,
                 locked ? " (a running sql-gateway uses this database: connect to it with "
                          "'sql-client gateway -e <address>')" : "");
    return NULL;
  }
  *endpoint = g_strdup_printf ("127.0.0.1:%u", gw_gateway_get_rest_port (gateway));
  return g_steal_pointer (&gateway);
}

static gchar *
default_history_file (void)
{
  return g_build_filename (g_get_home_dir (), ".flink-sql-history", NULL);
}

/* NULL when the file cannot be created (the client then runs without history). */
static gchar *
prepare_history_file (const char *path)
{
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0755);
  FILE *f = fopen (path, "a");
  if (f == NULL) {
    printf ("Unable to create history file: %s\n", path);
    return NULL;
  }
  fclose (f);
  return g_strdup (path);
}

typedef struct {
  GwClientOptions    options;
  GwConfig          *config;     /* owned */
  GwGateway         *gateway;    /* owned, embedded mode only */
  GwRestClient      *client;     /* owned */
  GwClientExecutor  *executor;   /* owned */
  GwClientHeartbeat *heartbeat;  /* owned */
} Client;

static gboolean
connect_session (Client *c, GError **error)
{
  g_autofree gchar *endpoint = NULL;
  if (c->options.deployment == GW_CLIENT_EMBEDDED) {
    c->gateway = start_embedded_gateway (c->config, &endpoint, error);
    if (c->gateway == NULL)
      return FALSE;
  } else {
    endpoint = g_strdup (c->options.endpoint);
  }
  c->client = gw_rest_client_new (endpoint, error);
  if (c->client == NULL || !gw_rest_client_negotiate (c->client, error))
    return FALSE;
  g_autoptr (GHashTable) properties = gw_config_to_hash_table (c->config);
  if (!gw_rest_client_open_session (c->client, c->options.session_id, properties, error))
    return FALSE;
  c->executor = gw_client_executor_new (c->client, stdout);
  if (!gw_client_executor_refresh_config (c->executor, error))
    return FALSE;
  /* A client-side setting: read from the client's own configuration, whatever the gateway
   * echoes back in the session's. */
  c->heartbeat = gw_client_heartbeat_start (
    c->client, gw_config_get_duration_ms (c->config, "sql-client.session.heartbeat-interval"));
  return TRUE;
}

static int
run (Client *c)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *init_script = NULL;
  g_autofree gchar *script = NULL;
  if (c->options.init_file && !(init_script = read_script (c->options.init_file, &error)))
    goto fail;
  if (c->options.file && !(script = read_script (c->options.file, &error)))
    goto fail;
  if (!(c->config = load_config (&c->options, &error)))
    goto fail;
  for (guint i = 0; i < c->options.ignored->len; i++)
    fprintf (stderr, "[WARNING] Option %s is ignored: this client runs no Java or Python.\n",
             (const char *) c->options.ignored->pdata[i]);
  gw_client_interrupt_install (tick);
  if (!connect_session (c, &error))
    goto fail;

  int status = 0;
  if (init_script != NULL) {
    status = gw_client_cli_run_script (c->executor, init_script, GW_CLIENT_MODE_INITIALIZATION, stdout);
    if (status != 0) {
      fprintf (stdout, "Failed to initialize from sql script: %s\n", c->options.init_file);
      return status;
    }
  }
  if (script != NULL) {
    status = gw_client_cli_run_script (c->executor, script, GW_CLIENT_MODE_NON_INTERACTIVE, stdout);
  } else {
    g_autofree gchar *history = prepare_history_file (
      c->options.history_file ? c->options.history_file : default_history_file ());
    g_autofree gchar *banner = g_strdup_printf (
      "sql-client %s, %s mode, connected to %s (REST V%d), session '%s'.\n\n"
      "Welcome! Enter 'HELP;' to list all available commands. 'QUIT;' to exit.\n\n",
      GW_VERSION, c->options.deployment == GW_CLIENT_EMBEDDED ? "embedded" : "gateway",
      gw_rest_client_get_base_url (c->client), (int) gw_rest_client_get_version (c->client),
      c->options.session_id);
    status = gw_client_cli_run_interactive (c->executor, c->client, history, banner);
  }
  return status;

fail:
  fprintf (stderr, "sql-client: %s\n", error->message);
  return 1;
}

static void
shut_down (Client *c)
{
  gw_client_heartbeat_stop (c->heartbeat);
  if (c->client != NULL && gw_rest_client_get_session_handle (c->client) != NULL) {
    printf ("\nShutting down the session...\n");
    g_autoptr (GError) error = NULL;
    gw_rest_client_close_session (c->client, &error);
    printf ("done.\n");
    fflush (stdout);
  }
  g_clear_pointer (&c->executor, gw_client_executor_free);
  g_clear_pointer (&c->client, gw_rest_client_free);
  g_clear_pointer (&c->gateway, gw_gateway_free);
  g_clear_pointer (&c->config, gw_config_unref);
  gw_client_options_clear (&c->options);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");  /* libedit decodes typed UTF-8 through the locale */
  signal (SIGPIPE, SIG_IGN);
  g_log_set_writer_func (log_writer, NULL, NULL);
  open_log ();

  Client c = { 0 };
  g_autoptr (GError) error = NULL;
  if (!gw_client_options_parse (&c.options, argc, argv, &error)) {
    fprintf (stderr, "sql-client: %s\n", error->message);
    gw_client_options_clear (&c.options);
    return 1;
  }
  if (c.options.help) {
    gw_client_options_print_usage (stdout);
    gw_client_options_clear (&c.options);
    return 0;
  }
  if (c.options.version) {
    printf ("sql-client %s\n", GW_VERSION);
    gw_client_options_clear (&c.options);
    return 0;
  }
  int status = run (&c);
  shut_down (&c);
  return status;
}
