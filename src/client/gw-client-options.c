/* Command-line parsing by hand: Flink's options mix short (-e), single-dash long (-hist) and
 * double-dash long (--history) names, which GOption cannot express. */
#include "gw-client-options.h"
#include "gw-rest-client.h"

#include <stdio.h>
#include <string.h>

typedef enum {
  OPT_HELP, OPT_VERSION, OPT_DEFINE, OPT_FILE, OPT_HISTORY, OPT_INIT, OPT_SESSION, OPT_ENDPOINT,
  OPT_JAR, OPT_LIBRARY, OPT_PYTHON,
} OptionId;

typedef struct {
  OptionId    id;
  const char *short_name;  /* with its dash */
  const char *long_name;
  gboolean    has_value;
} OptionSpec;

static const OptionSpec option_specs[] = {
  { OPT_HELP, "-h", "--help", FALSE },
  { OPT_VERSION, NULL, "--version", FALSE },
  { OPT_DEFINE, "-D", NULL, TRUE },
  { OPT_FILE, "-f", "--file", TRUE },
  { OPT_HISTORY, "-hist", "--history", TRUE },
  { OPT_INIT, "-i", "--init", TRUE },
  { OPT_SESSION, "-s", "--session", TRUE },
  { OPT_ENDPOINT, "-e", "--endpoint", TRUE },
  { OPT_JAR, "-j", "--jar", TRUE },
  { OPT_LIBRARY, "-l", "--library", TRUE },
  { OPT_PYTHON, "-pyfs", "--pyFiles", TRUE },
  { OPT_PYTHON, "-pyreq", "--pyRequirements", TRUE },
  { OPT_PYTHON, "-pyarch", "--pyArchives", TRUE },
  { OPT_PYTHON, "-pyexec", "--pyExecutable", TRUE },
  { OPT_PYTHON, "-pyclientexec", "--pyClientExecutable", TRUE },
  { OPT_PYTHON, "-pypath", "--pyPythonPath", TRUE },
};

void
gw_client_options_print_usage (FILE *out)
{
  fputs ("Usage: sql-client [MODE] [OPTIONS]\n"
         "\n"
         "Modes:\n"
         "  embedded (default)  start a gateway in this process (REST on the first free port in\n"
         "                      50000-60000) and talk to it over REST\n"
         "  gateway             talk to the SQL Gateway given by -e\n"
         "\n"
         "Options:\n"
         "  -D <key=value>                  session configuration (repeatable); wins over\n"
         "                                  $FLINK_CONF_DIR/flink-conf.yaml\n"
         "  -e,--endpoint <address>         gateway mode: host:port or http(s)://host:port[/path]\n"
         "  -f,--file <script>              run the statements of a file and exit; stops at the\n"
         "                                  first error (exit 1)\n"
         "  -i,--init <script>              set up the session first (SET/RESET/DDL/USE through\n"
         "                                  configure-session)\n"
         "  -s,--session <id>               session name, [a-zA-Z0-9_-.]+ (default 'default')\n"
         "  -hist,--history <file>          history file (default ~/.flink-sql-history)\n"
         "  -h,--help                       this help\n"
         "  --version                       print the version\n"
         "Accepted for Flink compatibility and ignored (no Java runs here): -j,--jar, -l,--library,\n"
         "-pyfs, -pyreq, -pyarch, -pyexec, -pyclientexec, -pypath.\n", out);
}

static const OptionSpec *
lookup (const char *arg, const char **inline_value)
{
  *inline_value = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (option_specs); i++) {
    const OptionSpec *spec = &option_specs[i];
    if ((spec->short_name && strcmp (arg, spec->short_name) == 0) ||
        (spec->long_name && strcmp (arg, spec->long_name) == 0))
      return spec;
    if (spec->long_name && spec->has_value && g_str_has_prefix (arg, spec->long_name) &&
        arg[strlen (spec->long_name)] == '=') {
      *inline_value = arg + strlen (spec->long_name) + 1;
      return spec;
    }
  }
  if (g_str_has_prefix (arg, "-D") && arg[2] != '\0') {  /* -Dkey=value */
    *inline_value = arg + 2;
    return &option_specs[2];
  }
  return NULL;
}

static gboolean
valid_session_id (const char *id)
{
  if (*id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

gboolean
gw_client_options_parse (GwClientOptions *options, int argc, char **argv, GError **error)
{
  memset (options, 0, sizeof *options);
  options->properties = g_ptr_array_new_with_free_func (g_free);
  options->ignored = g_ptr_array_new_with_free_func (g_free);
  int i = 1;
  if (argc > 1 && argv[1][0] != '-') {
    if (strcmp (argv[1], "embedded") == 0) {
      options->deployment = GW_CLIENT_EMBEDDED;
    } else if (strcmp (argv[1], "gateway") == 0) {
      options->deployment = GW_CLIENT_GATEWAY;
    } else {
      g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT,
                   "Unknown mode '%s': use 'embedded' or 'gateway'.", argv[1]);
      return FALSE;
    }
    i = 2;
  }
  for (; i < argc; i++) {
    const char *value = NULL;
    const OptionSpec *spec = lookup (argv[i], &value);
    if (spec == NULL) {
      g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT,
                   "Unknown option '%s' (see sql-client --help).", argv[i]);
      return FALSE;
    }
    if (spec->has_value && value == NULL) {
      if (i + 1 >= argc) {
        g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT,
                     "Option '%s' needs a value.", argv[i]);
        return FALSE;
      }
      value = argv[++i];
    }
    switch (spec->id) {
    case OPT_HELP: options->help = TRUE; break;
    case OPT_VERSION: options->version = TRUE; break;
    case OPT_DEFINE: g_ptr_array_add (options->properties, g_strdup (value)); break;
    case OPT_FILE: g_free (options->file); options->file = g_strdup (value); break;
    case OPT_HISTORY: g_free (options->history_file); options->history_file = g_strdup (value); break;
    case OPT_INIT: g_free (options->init_file); options->init_file = g_strdup (value); break;
    case OPT_SESSION: g_free (options->session_id); options->session_id = g_strdup (value); break;
    case OPT_ENDPOINT: g_free (options->endpoint); options->endpoint = g_strdup (value); break;
    case OPT_JAR:
    case OPT_LIBRARY:
    case OPT_PYTHON:
      g_ptr_array_add (options->ignored, g_strdup (spec->long_name));
      break;
    }
  }
  if (options->session_id == NULL)
    options->session_id = g_strdup ("default");
  if (!valid_session_id (options->session_id)) {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT,
                 "Invalid session identifier '%s': use letters, digits, '_', '-' and '.'.",
                 options->session_id);
    return FALSE;
  }
  if (options->deployment == GW_CLIENT_GATEWAY && options->endpoint == NULL && !options->help &&
      !options->version) {
    g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT,
                         "Please specify the address of the SQL Gateway with command line option "
                         "'-e,--endpoint <SQL Gateway address>' in the gateway mode.");
    return FALSE;
  }
  if (options->deployment == GW_CLIENT_EMBEDDED && options->endpoint != NULL) {
    g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT,
                         "Option '-e,--endpoint' is only used in the gateway mode: run "
                         "'sql-client gateway -e <address>'.");
    return FALSE;
  }
  return TRUE;
}

void
gw_client_options_clear (GwClientOptions *options)
{
  g_free (options->endpoint);
  g_free (options->session_id);
  g_free (options->file);
  g_free (options->init_file);
  g_free (options->history_file);
  g_clear_pointer (&options->properties, g_ptr_array_unref);
  g_clear_pointer (&options->ignored, g_ptr_array_unref);
}
