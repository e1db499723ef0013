/* sql-gateway: loads $FLINK_CONF_DIR configuration and -D overrides, starts the configured
 * endpoints and serves until SIGTERM/SIGINT, then shuts down cleanly (sessions closed, engine
 * checkpointed). */
#include "gw-build-config.h"
#include "gw-gateway.h"
#include "tcli-ensure-types.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void
print_usage (FILE *out)
{
  fprintf (out,
           "Usage: sql-gateway [-Dkey=value ...] [-h|--help] [--help-options-markdown] [--version]\n"
           "\n"
           "Starts the SQL gateway with the configuration in $FLINK_CONF_DIR (default: conf/):\n"
           "config.yaml (nested YAML) or flink-conf.yaml (flat keys); -D options win.\n"
           "\n"
           "Options:\n");
  g_autofree gchar *help = gw_option_table_format_help ();
  fputs (help, out);
}

static gboolean
on_signal (gpointer data)
{
  g_message ("Shutting down on signal");
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Loads the configuration, serves until a signal, shuts down. */
static gboolean
run (GwConfig *config, GPtrArray *overrides, GError **error)
{
  const char *conf_dir = g_getenv ("FLINK_CONF_DIR");
  if (!gw_config_load_dir (config, conf_dir ? conf_dir : "conf", error))
    return FALSE;
  for (guint i = 0; i < overrides->len; i++)
    if (!gw_config_set_from_arg (config, overrides->pdata[i], error))
      return FALSE;

  g_autoptr (GwGateway) gateway = gw_gateway_new (config, error);
  if (gateway == NULL || !gw_gateway_start (gateway, error))
    return FALSE;
  g_message ("sql-gateway %s started (pid %d)", GW_VERSION, (int) getpid ());

  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal, loop);
  g_unix_signal_add (SIGINT, on_signal, loop);
  g_main_loop_run (loop);
  g_clear_pointer (&gateway, gw_gateway_free);
  g_message ("sql-gateway stopped");
  return TRUE;
}

int
main (int argc, char **argv)
{
  /* The generated TCLIService types register lazily and not thread-safely: all of them now,
   * before any connection thread runs (reference stack.md §2). */
  tcli_ensure_types ();
  signal (SIGPIPE, SIG_IGN);
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GPtrArray) overrides = g_ptr_array_new ();

  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (strcmp (arg, "-h") == 0 || strcmp (arg, "--help") == 0) {
      print_usage (stdout);
      return 0;
    } else if (strcmp (arg, "--help-options-markdown") == 0) {
      g_autofree gchar *table = gw_option_table_format_markdown ();
      fputs (table, stdout);
      return 0;
    } else if (strcmp (arg, "--version") == 0) {
      printf ("sql-gateway %s\n", GW_VERSION);
      return 0;
    } else if (strcmp (arg, "-D") == 0 && i + 1 < argc) {
      g_ptr_array_add (overrides, argv[++i]);
    } else if (g_str_has_prefix (arg, "-D") && arg[2] != '\0') {
      g_ptr_array_add (overrides, (gpointer) (arg + 2));
    } else {
      fprintf (stderr, "sql-gateway: unknown argument '%s'\n\n", arg);
      print_usage (stderr);
      return 2;
    }
  }

  g_autoptr (GError) error = NULL;
  if (!run (config, overrides, &error)) {
    fprintf (stderr, "sql-gateway: %s\n", error->message);
    return 1;
  }
  return 0;
}
