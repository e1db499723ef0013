/* Tests for the option table, value parsers, config file loading and validation. */
#include "gw-config.h"
#include "gw-error.h"

#include <glib/gstdio.h>
#include <string.h>

/* A temporary $FLINK_CONF_DIR, removed with its files when the test ends. */
typedef struct {
  gchar *dir;
} ConfDir;

static void
conf_dir_write (ConfDir *conf, const char *name, const char *contents)
{
  g_autofree gchar *path = g_build_filename (conf->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
conf_dir_init (ConfDir *conf)
{
  g_autoptr (GError) error = NULL;
  conf->dir = g_dir_make_tmp ("gw-config-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
conf_dir_clear (ConfDir *conf)
{
  static const char *const names[] = { "config.yaml", "flink-conf.yaml", "other.yaml" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree gchar *path = g_build_filename (conf->dir, names[i], NULL);
    g_unlink (path);
  }
  g_assert_cmpint (g_rmdir (conf->dir), ==, 0);
  g_clear_pointer (&conf->dir, g_free);
}

static gint64
duration (const char *text)
{
  gint64 ms = -42;
  g_assert_true (gw_parse_duration_ms (text, &ms));
  return ms;
}

static void
test_duration (void)
{
  g_assert_cmpint (duration ("5 min"), ==, 5 * 60000);
  g_assert_cmpint (duration ("10 s"), ==, 10000);
  g_assert_cmpint (duration ("100ms"), ==, 100);
  g_assert_cmpint (duration ("1h"), ==, 3600000);
  g_assert_cmpint (duration ("2 d"), ==, 2 * 86400000LL);
  g_assert_cmpint (duration ("500"), ==, 500);
  g_assert_cmpint (duration ("0"), ==, 0);
  g_assert_cmpint (duration ("  7  SEC  "), ==, 7000);
  g_assert_cmpint (duration ("3 secs"), ==, 3000);
  g_assert_cmpint (duration ("1 second"), ==, 1000);
  g_assert_cmpint (duration ("4 seconds"), ==, 4000);
  g_assert_cmpint (duration ("2m"), ==, 120000);
  g_assert_cmpint (duration ("1 minute"), ==, 60000);
  g_assert_cmpint (duration ("3 Minutes"), ==, 180000);
  g_assert_cmpint (duration ("1 hour"), ==, 3600000);
  g_assert_cmpint (duration ("2 hours"), ==, 7200000);
  g_assert_cmpint (duration ("1 day"), ==, 86400000);
  g_assert_cmpint (duration ("3 days"), ==, 3 * 86400000LL);
  g_assert_cmpint (duration ("250 milli"), ==, 250);
  g_assert_cmpint (duration ("250 millis"), ==, 250);
  g_assert_cmpint (duration ("250 millisecond"), ==, 250);
  g_assert_cmpint (duration ("250 milliseconds"), ==, 250);
  /* Below a millisecond rounds down. */
  g_assert_cmpint (duration ("1500us"), ==, 1);
  g_assert_cmpint (duration ("1500 \u00b5s"), ==, 1);
  g_assert_cmpint (duration ("2500 micro"), ==, 2);
  g_assert_cmpint (duration ("999 micros"), ==, 0);
  g_assert_cmpint (duration ("3000 microsecond"), ==, 3);
  g_assert_cmpint (duration ("3000 microseconds"), ==, 3);
  g_assert_cmpint (duration ("2000000ns"), ==, 2);
  g_assert_cmpint (duration ("2999999 nano"), ==, 2);
  g_assert_cmpint (duration ("5000000 nanos"), ==, 5);
  g_assert_cmpint (duration ("1000000 nanosecond"), ==, 1);
  g_assert_cmpint (duration ("1000000 nanoseconds"), ==, 1);

  static const char *const bad[] = {
    "5 parsecs", "-1 s", "", "   ", "min", "1.5 s", "5 min x", "+5 s", "s 5",
    "99999999999999999999", "9223372036854775807 d",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++) {
    gint64 ms = -42;
    g_assert_false (gw_parse_duration_ms (bad[i], &ms));
    g_assert_cmpint (ms, ==, -42);
  }
  g_assert_false (gw_parse_duration_ms (NULL, NULL));
}

static void
test_memory (void)
{
  static const struct {
    const char *text;
    gint64 bytes;
  } good[] = {
    { "1024", 1024 }, { "0", 0 }, { "10b", 10 }, { "10 bytes", 10 }, { "1k", 1024 },
    { "2 kb", 2048 }, { "1 kibibytes", 1024 }, { "64mb", 64 << 20 }, { "1 M", 1 << 20 },
    { "3 mebibytes", 3 << 20 }, { "1 gb", 1 << 30 }, { "2G", 2LL << 30 },
    { "4 gibibytes", 4LL << 30 }, { "1 tb", 1LL << 40 }, { "1t", 1LL << 40 },
    { "2 tebibytes", 2LL << 40 }, { " 16 MB ", 16 << 20 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++) {
    gint64 bytes = -1;
    g_assert_true (gw_parse_memory_bytes (good[i].text, &bytes));
    g_assert_cmpint (bytes, ==, good[i].bytes);
  }
  static const char *const bad[] = { "", "mb", "-1 mb", "1.5 gb", "12 parsecs", "1 pb",
                                     "99999999999 tb" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (gw_parse_memory_bytes (bad[i], NULL));
}

static void
test_bool (void)
{
  gboolean value = FALSE;
  g_assert_true (gw_parse_bool ("true", &value));
  g_assert_true (value);
  g_assert_true (gw_parse_bool ("FALSE", &value));
  g_assert_false (value);
  g_assert_true (gw_parse_bool ("True", &value));
  g_assert_true (value);
  g_assert_false (gw_parse_bool ("yes", NULL));
  g_assert_false (gw_parse_bool ("1", NULL));
  g_assert_false (gw_parse_bool ("", NULL));
  g_assert_false (gw_parse_bool (NULL, NULL));
}

static void
test_list (void)
{
  g_autoptr (GwConfig) config = gw_config_new ();
  gw_config_set (config, "sql-gateway.endpoint.type", " rest ; hiveserver2,;extra , ");
  g_auto (GStrv) items = gw_config_get_list (config, "sql-gateway.endpoint.type");
  g_assert_cmpuint (g_strv_length (items), ==, 3);
  g_assert_cmpstr (items[0], ==, "rest");
  g_assert_cmpstr (items[1], ==, "hiveserver2");
  g_assert_cmpstr (items[2], ==, "extra");

  /* No default and nothing set: an empty list, not NULL. */
  g_auto (GStrv) none = gw_config_get_list (config, "sql-gateway.engine.duckdb.allowed-directories");
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_defaults (void)
{
  g_autoptr (GwConfig) config = gw_config_new ();
  g_assert_cmpint (gw_config_get_duration_ms (config, "sql-gateway.session.idle-timeout"), ==,
                   600000);
  g_assert_cmpint (gw_config_get_duration_ms (config, "sql-gateway.session.check-interval"), ==,
                   60000);
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.session.max-num"), ==, 1000000);
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.endpoint.rest.port"), ==, 8083);
  g_assert_cmpint (gw_config_get_memory_bytes (config, "sql-gateway.result.max-buffer-size"), ==,
                   16 << 20);
  g_assert_cmpint (gw_config_get_memory_bytes (config,
                                               "sql-gateway.endpoint.rest.max-content-length"),
                   ==, 100 << 20);
  g_assert_true (gw_config_get_bool (config, "sql-gateway.engine.duckdb.sandbox"));
  g_assert_false (gw_config_get_bool (config, "table.dml-sync"));
  g_assert_cmpstr (gw_config_get_string (config, "sql-gateway.engine.duckdb.path"), ==,
                   ":memory:");
  g_assert_cmpstr (gw_config_get_string (config, "sql-client.execution.result-mode"), ==,
                   "TABLE");
  g_assert_null (gw_config_get_string (config, "sql-gateway.endpoint.rest.address"));
  g_assert_null (gw_config_get_string (config, "pipeline.name"));
  g_assert_false (gw_config_contains (config, "sql-gateway.endpoint.rest.port"));

  /* An invalid set value falls back to the default; a valid one wins. */
  gw_config_set (config, "sql-gateway.endpoint.rest.port", "not-a-port");
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.endpoint.rest.port"), ==, 8083);
  gw_config_set (config, "sql-gateway.endpoint.rest.port", "9091");
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.endpoint.rest.port"), ==, 9091);
  g_assert_true (gw_config_contains (config, "sql-gateway.endpoint.rest.port"));
  gw_config_unset (config, "sql-gateway.endpoint.rest.port");
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.endpoint.rest.port"), ==, 8083);
  g_assert_true (gw_config_validate (config, NULL));
}

static void
test_flat_file (void)
{
  ConfDir conf;
  conf_dir_init (&conf);
  conf_dir_write (&conf, "flink-conf.yaml",
                  "# Flink legacy configuration\n"
                  "\n"
                  "sql-gateway.session.idle-timeout: 5 min\n"
                  "   # an indented comment\n"
                  "sql-gateway.endpoint.rest.address:   localhost   # trailing comment\n"
                  "sql-gateway.endpoint.rest.bind-address: \"0.0.0.0\"\n"
                  "pipeline.name: 'my job' # quoted, then a comment\n"
                  "table.exec.secret: abc#def\r\n"
                  "sql-gateway.endpoint.type: rest;hiveserver2\n");
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (gw_config_load_dir (config, conf.dir, &error));
  g_assert_no_error (error);
  g_assert_true (gw_config_validate (config, &error));

  g_assert_cmpint (gw_config_get_duration_ms (config, "sql-gateway.session.idle-timeout"), ==,
                   300000);
  g_assert_cmpstr (gw_config_get_string (config, "sql-gateway.endpoint.rest.address"), ==,
                   "localhost");
  g_assert_cmpstr (gw_config_get_string (config, "sql-gateway.endpoint.rest.bind-address"), ==,
                   "0.0.0.0");
  g_assert_cmpstr (gw_config_get_string (config, "pipeline.name"), ==, "my job");
  g_assert_cmpstr (gw_config_get_string (config, "table.exec.secret"), ==, "abc#def");
  g_auto (GStrv) endpoints = gw_config_get_list (config, "sql-gateway.endpoint.type");
  g_assert_cmpuint (g_strv_length (endpoints), ==, 2);
  g_assert_cmpstr (endpoints[1], ==, "hiveserver2");

  g_autoptr (GHashTable) all = gw_config_to_hash_table (config);
  g_assert_cmpuint (g_hash_table_size (all), ==, 6);
  g_autoptr (GHashTable) rest = gw_config_get_prefixed (config, "sql-gateway.endpoint.rest.");
  g_assert_cmpuint (g_hash_table_size (rest), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (rest, "sql-gateway.endpoint.rest.address"), ==,
                   "localhost");
  conf_dir_clear (&conf);
}

static void
test_flat_file_bad_line (void)
{
  ConfDir conf;
  conf_dir_init (&conf);
  conf_dir_write (&conf, "flink-conf.yaml",
                  "sql-gateway.session.max-num: 10\n"
                  "# fine so far\n"
                  "this line has no separator\n");
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  g_assert_false (gw_config_load_dir (config, conf.dir, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_nonnull (strstr (error->message, "flink-conf.yaml"));
  /* A file with an error sets nothing. */
  g_assert_false (gw_config_contains (config, "sql-gateway.session.max-num"));
  conf_dir_clear (&conf);
}

static const char nested_yaml[] =
  "# Flink 1.19+ standard YAML\n"
  "sql-gateway:\n"
  "  session:\n"
  "    idle-timeout: 5 min\n"
  "    max-num: 20\n"
  "  endpoint:\n"
  "    type: [rest, hiveserver2]\n"
  "    rest:\n"
  "      address: localhost\n"
  "      port: 9000\n"
  "  engine:\n"
  "    duckdb:\n"
  "      allowed-directories:\n"
  "        - /data/in\n"
  "        - /data/out\n"
  "      memory-limit: ~\n"
  "table.dml-sync: true\n"
  "pipeline:\n"
  "  name: \"quoted: value\"\n";

static void
test_nested_yaml (void)
{
  ConfDir conf;
  conf_dir_init (&conf);
  conf_dir_write (&conf, "config.yaml", nested_yaml);
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (gw_config_load_dir (config, conf.dir, &error));
  g_assert_no_error (error);
  g_assert_true (gw_config_validate (config, &error));
  g_assert_no_error (error);

  g_assert_cmpint (gw_config_get_duration_ms (config, "sql-gateway.session.idle-timeout"), ==,
                   300000);
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.session.max-num"), ==, 20);
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.endpoint.rest.port"), ==, 9000);
  g_assert_cmpstr (gw_config_get_string (config, "sql-gateway.endpoint.type"), ==,
                   "rest;hiveserver2");
  g_assert_cmpstr (gw_config_get_string (config, "sql-gateway.engine.duckdb.allowed-directories"),
                   ==, "/data/in;/data/out");
  g_auto (GStrv) dirs = gw_config_get_list (config, "sql-gateway.engine.duckdb.allowed-directories");
  g_assert_cmpuint (g_strv_length (dirs), ==, 2);
  g_assert_cmpstr (dirs[0], ==, "/data/in");
  g_assert_cmpstr (dirs[1], ==, "/data/out");
  /* YAML null leaves the key unset. */
  g_assert_false (gw_config_contains (config, "sql-gateway.engine.duckdb.memory-limit"));
  g_assert_true (gw_config_get_bool (config, "table.dml-sync"));
  g_assert_cmpstr (gw_config_get_string (config, "pipeline.name"), ==, "quoted: value");
  conf_dir_clear (&conf);
}

static void
test_yaml_preferred (void)
{
  ConfDir conf;
  conf_dir_init (&conf);
  conf_dir_write (&conf, "config.yaml", "sql-gateway:\n  session:\n    max-num: 7\n");
  conf_dir_write (&conf, "flink-conf.yaml", "sql-gateway.session.max-num: 99\n"
                                           "pipeline.name: legacy\n");
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (gw_config_load_dir (config, conf.dir, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.session.max-num"), ==, 7);
  g_assert_false (gw_config_contains (config, "pipeline.name"));
  conf_dir_clear (&conf);
}

static void
test_yaml_syntax_error (void)
{
  ConfDir conf;
  conf_dir_init (&conf);
  conf_dir_write (&conf, "config.yaml",
                  "sql-gateway:\n"
                  "  session:\n"
                  "    max-num: [1, 2\n"
                  "table.dml-sync: true\n");
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  g_assert_false (gw_config_load_dir (config, conf.dir, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "config.yaml"));
  g_assert_nonnull (strstr (error->message, "at line 4"));
  g_assert_false (gw_config_contains (config, "table.dml-sync"));
  g_clear_error (&error);

  /* Indentation error: a mapping value where none may start. */
  conf_dir_write (&conf, "config.yaml", "a: b\nc: d: e\n");
  g_assert_false (gw_config_load_dir (config, conf.dir, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "at line 2"));
  g_assert_nonnull (strstr (error->message, "mapping values are not allowed"));
  g_clear_error (&error);

  /* A list of mappings has no flat form. */
  conf_dir_write (&conf, "config.yaml", "a:\n  - b: c\n");
  g_assert_false (gw_config_load_dir (config, conf.dir, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "at line 2"));
  conf_dir_clear (&conf);
}

static void
test_missing (void)
{
  ConfDir conf;
  conf_dir_init (&conf);
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  /* An empty directory and a missing one are not errors. */
  g_assert_true (gw_config_load_dir (config, conf.dir, &error));
  g_assert_no_error (error);
  g_autofree gchar *missing = g_build_filename (conf.dir, "nope", NULL);
  g_assert_true (gw_config_load_dir (config, missing, &error));
  g_assert_no_error (error);
  /* An explicitly named file that is missing is. */
  g_autofree gchar *file = g_build_filename (conf.dir, "other.yaml", NULL);
  g_assert_false (gw_config_load_file (config, file, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
  g_clear_error (&error);
  /* Other file names are standard YAML; an empty document sets nothing. */
  conf_dir_write (&conf, "other.yaml", "# only a comment\n");
  g_assert_true (gw_config_load_file (config, file, &error));
  g_assert_no_error (error);
  conf_dir_write (&conf, "other.yaml", "just a scalar\n");
  g_assert_false (gw_config_load_file (config, file, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
  conf_dir_clear (&conf);
}

static void
test_dynamic_override (void)
{
  ConfDir conf;
  conf_dir_init (&conf);
  conf_dir_write (&conf, "flink-conf.yaml", "sql-gateway.endpoint.rest.port: 9000\n"
                                           "sql-gateway.session.max-num: 5\n");
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (gw_config_load_dir (config, conf.dir, &error));
  g_assert_true (gw_config_set_from_arg (config, "sql-gateway.endpoint.rest.port=9100", &error));
  g_assert_true (gw_config_set_from_arg (config, "pipeline.name=a=b", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.endpoint.rest.port"), ==, 9100);
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.session.max-num"), ==, 5);
  g_assert_cmpstr (gw_config_get_string (config, "pipeline.name"), ==, "a=b");

  g_assert_false (gw_config_set_from_arg (config, "no-equals-sign", &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
  g_clear_error (&error);
  g_assert_false (gw_config_set_from_arg (config, "=value", &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);

  /* A copy is independent of its original. */
  g_autoptr (GwConfig) copy = gw_config_copy (config);
  gw_config_set (copy, "sql-gateway.endpoint.rest.port", "1");
  g_assert_cmpint (gw_config_get_int (config, "sql-gateway.endpoint.rest.port"), ==, 9100);
  g_assert_cmpint (gw_config_get_int (copy, "sql-gateway.endpoint.rest.port"), ==, 1);
  g_assert_cmpstr (gw_config_get_string (copy, "pipeline.name"), ==, "a=b");
  conf_dir_clear (&conf);
}

static void
assert_invalid (const char *key, const char *value, const char *expected_message)
{
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  gw_config_set (config, key, value);
  g_assert_false (gw_config_validate (config, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
assert_valid (const char *key, const char *value)
{
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  gw_config_set (config, key, value);
  g_assert_true (gw_config_validate (config, &error));
  g_assert_no_error (error);
}

static void
test_validate (void)
{
  assert_invalid ("sql-gateway.session.max-num", "abc",
                  "Invalid value 'abc' for option 'sql-gateway.session.max-num': "
                  "expected an integer");
  assert_invalid ("sql-gateway.session.max-num", "3000000000",
                  "Invalid value '3000000000' for option 'sql-gateway.session.max-num': "
                  "expected an integer between -2147483648 and 2147483647");
  assert_invalid ("sql-gateway.session.idle-timeout", "5 parsecs",
                  "Invalid value '5 parsecs' for option 'sql-gateway.session.idle-timeout': "
                  "expected a non-negative duration such as '10 min', '30 s' or '500 ms'");
  assert_invalid ("sql-gateway.session.idle-timeout", "-1 s",
                  "Invalid value '-1 s' for option 'sql-gateway.session.idle-timeout': "
                  "expected a non-negative duration such as '10 min', '30 s' or '500 ms'");
  assert_invalid ("sql-gateway.result.max-buffer-size", "lots",
                  "Invalid value 'lots' for option 'sql-gateway.result.max-buffer-size': "
                  "expected a non-negative memory size such as '64 mb', '1 gb' or '1024'");
  assert_invalid ("table.dml-sync", "yes",
                  "Invalid value 'yes' for option 'table.dml-sync': expected 'true' or 'false'");
  assert_invalid ("sql-client.execution.result-mode", "grid",
                  "Invalid value 'grid' for option 'sql-client.execution.result-mode': "
                  "expected one of TABLE, CHANGELOG, TABLEAU");
  assert_invalid ("sql-gateway.endpoint.rest.bogus", "1",
                  "Unknown option 'sql-gateway.endpoint.rest.bogus'");
  assert_invalid ("sql-gateway.foo", "1", "Unknown option 'sql-gateway.foo'");

  assert_valid ("table.foo", "anything");
  assert_valid ("pipeline.name", "job");
  assert_valid ("sql-client.execution.result-mode", "tableau");
  assert_valid ("sql-gateway.engine.type", "DuckDB");
  assert_valid ("sql-gateway.session.max-num", "-1");
  assert_valid ("sql-gateway.session.idle-timeout", "0");
  assert_valid ("sql-gateway.endpoint.rest.bind-port", "50100-50200");
}

static void
test_format (void)
{
  g_autofree gchar *help = gw_option_table_format_help ();
  g_autofree gchar *markdown = gw_option_table_format_markdown ();
  g_assert_true (g_str_has_prefix (markdown, "| Key | Type | Default | Description |\n"));
  guint count = 0;
  for (const GwOptionSpec *spec = gw_option_table (); spec->key != NULL; spec++, count++) {
    g_assert_nonnull (strstr (help, spec->key));
    g_autofree gchar *cell = g_strdup_printf ("| `%s` |", spec->key);
    g_assert_nonnull (strstr (markdown, cell));
    g_assert_true (gw_option_lookup (spec->key) == spec);
    g_assert_nonnull (spec->description);
    /* Every default must itself be valid, or the getters' fallback would be 0. */
    assert_valid (spec->key, spec->default_value != NULL ? spec->default_value : "x");
  }
  g_assert_cmpuint (count, >=, 35);
  g_assert_null (gw_option_lookup ("sql-gateway.no-such-key"));

  /* One header line, one separator line, one row per option. */
  g_auto (GStrv) rows = g_strsplit (markdown, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, count + 3);
  /* Help lines are wrapped for an 80-column terminal. */
  g_auto (GStrv) lines = g_strsplit (help, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpuint (g_utf8_strlen (lines[i], -1), <=, 79);
  g_assert_nonnull (strstr (help, "Default: 10 min"));
  g_assert_nonnull (strstr (markdown, "`TABLE`, `CHANGELOG`, `TABLEAU`"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/config/duration", test_duration);
  g_test_add_func ("/common/config/memory", test_memory);
  g_test_add_func ("/common/config/bool", test_bool);
  g_test_add_func ("/common/config/list", test_list);
  g_test_add_func ("/common/config/defaults", test_defaults);
  g_test_add_func ("/common/config/flat-file", test_flat_file);
  g_test_add_func ("/common/config/flat-file-bad-line", test_flat_file_bad_line);
  g_test_add_func ("/common/config/nested-yaml", test_nested_yaml);
  g_test_add_func ("/common/config/yaml-preferred", test_yaml_preferred);
  g_test_add_func ("/common/config/yaml-syntax-error", test_yaml_syntax_error);
  g_test_add_func ("/common/config/missing", test_missing);
  g_test_add_func ("/common/config/dynamic-override", test_dynamic_override);
  g_test_add_func ("/common/config/validate", test_validate);
  g_test_add_func ("/common/config/format", test_format);
  return g_test_run ();
}
