/* The declarative option table: every option the gateway reads, with its type, default and
 * description, the parsers for those types, and the `sql-gateway --help` and README renderings
 * of the table. Validation against it lives in gw-config.c. */
#include "gw-config.h"

#include <string.h>

/* Keys under "sql-gateway." mirror Flink's SqlGatewayServiceConfigOptions and
 * SqlGatewayRestOptions where Flink has them; the rest are this gateway's own bounds. */
static const GwOptionSpec option_table[] = {
  /* Sessions */
  { "sql-gateway.session.idle-timeout", GW_OPTION_DURATION, "10 min",
    "A session that receives no request (not even a heartbeat) for this long is closed; "
    "0 means sessions never expire.", NULL },
  { "sql-gateway.session.check-interval", GW_OPTION_DURATION, "1 min",
    "How often idle sessions are looked for and closed; 0 disables the checker.", NULL },
  { "sql-gateway.session.max-num", GW_OPTION_INT, "1000000",
    "Maximum number of open sessions; opening one more fails. 0 or less means unlimited.",
    NULL },
  { "sql-gateway.session.max-operations", GW_OPTION_INT, "1000",
    "Maximum number of operations a session may hold open at once; closed operations do not "
    "count.", NULL },
  { "sql-gateway.jobs.max-history", GW_OPTION_INT, "1000",
    "Number of ended jobs (INSERT, CTAS, statement sets) SHOW JOBS keeps listing; the oldest "
    "ended job is forgotten first. Running jobs are always listed.", NULL },
  { "sql-gateway.session.plan-cache.enabled", GW_OPTION_BOOL, "false",
    "Accepted for Flink compatibility; has no effect.", NULL },
  { "sql-gateway.session.plan-cache.size", GW_OPTION_INT, "100",
    "Accepted for Flink compatibility; has no effect.", NULL },
  { "sql-gateway.session.plan-cache.ttl", GW_OPTION_DURATION, "1 hour",
    "Accepted for Flink compatibility; has no effect.", NULL },

  /* Operation workers */
  { "sql-gateway.worker.threads.max", GW_OPTION_INT, "500",
    "Maximum number of threads executing statements; further operations wait in a queue.",
    NULL },
  { "sql-gateway.worker.threads.min", GW_OPTION_INT, "5",
    "Number of statement threads kept alive even when idle.", NULL },
  { "sql-gateway.worker.keepalive-time", GW_OPTION_DURATION, "5 min",
    "How long a statement thread above the minimum stays idle before it exits.", NULL },

  /* Statements and results */
  { "sql-gateway.statement.max-length", GW_OPTION_MEMORY, "1 mb",
    "Maximum size of one SQL statement text; longer statements are rejected.", NULL },
  { "sql-gateway.result.max-buffer-size", GW_OPTION_MEMORY, "16 mb",
    "Maximum number of bytes of one fetched result page kept in memory; a page is cut short "
    "before it grows past this.", NULL },
  { "sql-gateway.result.page-max-rows", GW_OPTION_INT, "8192",
    "Maximum number of rows returned by one fetch request.", NULL },
  { "sql-gateway.result.spool-directory", GW_OPTION_STRING, NULL,
    "Directory for temporary files holding spooled results; defaults to the system temporary "
    "directory.", NULL },

  /* Endpoints */
  { "sql-gateway.endpoint.type", GW_OPTION_LIST, "rest",
    "Endpoints to start, separated by ';' or ',': rest, hiveserver2.", NULL },
  { "sql-gateway.endpoint.rest.address", GW_OPTION_STRING, NULL,
    "Address clients use to reach the REST endpoint; required when the rest endpoint is "
    "started, as in Flink.", NULL },
  { "sql-gateway.endpoint.rest.bind-address", GW_OPTION_STRING, "127.0.0.1",
    "Local address the REST endpoint listens on.", NULL },
  { "sql-gateway.endpoint.rest.port", GW_OPTION_INT, "8083",
    "Port clients use to reach the REST endpoint; also the listening port when bind-port is "
    "not set.", NULL },
  { "sql-gateway.endpoint.rest.bind-port", GW_OPTION_STRING, NULL,
    "Port the REST endpoint listens on: a port, a list \"50100,50101\" or a range "
    "\"50100-50200\" (the first free one is used); defaults to the port option.", NULL },
  { "sql-gateway.endpoint.rest.max-content-length", GW_OPTION_MEMORY, "100 mb",
    "Maximum size of a REST request body; larger requests get 413 Payload Too Large.", NULL },
  { "sql-gateway.endpoint.rest.worker-threads", GW_OPTION_INT, "64",
    "Number of threads running REST requests that may block (statement submission, fetches).",
    NULL },

  /* Engine */
  /* HiveServer2 endpoint (identifier "hiveserver2"): Flink's names and defaults, plus ours. */
  { "sql-gateway.endpoint.hiveserver2.thrift.host", GW_OPTION_STRING, "127.0.0.1",
    "Address the HiveServer2 binary (TCP) listener binds.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.port", GW_OPTION_INT, "10000",
    "Port of the HiveServer2 binary listener (NOSASL and SASL PLAIN on one port); 0 picks a free port.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.http.port", GW_OPTION_INT, "10001",
    "Port of the HiveServer2 HTTP transport (POST /cliservice); 0 picks a free port, -1 turns it off.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.worker.threads.min", GW_OPTION_INT, "5",
    "Accepted for Flink compatibility: connection threads are started on demand.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.worker.threads.max", GW_OPTION_INT, "512",
    "Maximum number of HiveServer2 connections served at once (one thread each).", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.worker.keepalive-time", GW_OPTION_DURATION, "60 s",
    "Accepted for Flink compatibility; connection threads end with their connection.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.max.message.size", GW_OPTION_LONG, "104857600",
    "Largest Thrift frame, string or container accepted from a client, in bytes; a larger one "
    "closes that connection.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.login.timeout", GW_OPTION_DURATION, "20 s",
    "Time a new connection has to complete its SASL or first Thrift message.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.exponential.backoff.slot.length", GW_OPTION_DURATION,
    "100 ms", "Accepted for Flink compatibility; has no effect.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.resultset.default.fetch.size", GW_OPTION_INT, "1000",
    "Fetch size the server suggests to clients at OpenSession.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.resultset.max.fetch.size", GW_OPTION_INT, "10000",
    "Most rows one FetchResults returns, whatever maxRows the client asks for.", NULL },
  { "sql-gateway.endpoint.hiveserver2.thrift.long-polling.timeout", GW_OPTION_DURATION, "5 s",
    "How long GetOperationStatus waits for a running operation to finish before answering.", NULL },
  { "sql-gateway.endpoint.hiveserver2.authentication", GW_OPTION_ENUM, "NONE",
    "NONE: SASL PLAIN with any user and password (the user is recorded), and NOSASL clients too; "
    "NOSASL: raw Thrift only.", "NOSASL|NONE" },
  { "sql-gateway.endpoint.hiveserver2.catalog.hive-conf-dir", GW_OPTION_STRING, NULL,
    "Accepted for Flink compatibility; there is no Hive metastore.", NULL },
  { "sql-gateway.endpoint.hiveserver2.catalog.name", GW_OPTION_STRING, "hive",
    "Catalog HiveServer2 sessions start in; attached at start (see sql-gateway.engine.duckdb.catalogs).", NULL },
  { "sql-gateway.endpoint.hiveserver2.catalog.default-database", GW_OPTION_STRING, "default",
    "Database HiveServer2 sessions start in; created if missing.", NULL },
  { "sql-gateway.endpoint.hiveserver2.module.name", GW_OPTION_STRING, "hive",
    "Accepted for Flink compatibility; has no effect.", NULL },
  { "sql-gateway.engine.type", GW_OPTION_ENUM, "duckdb",
    "SQL engine executing the statements.", "duckdb" },
  { "sql-gateway.engine.duckdb.path", GW_OPTION_STRING, ":memory:",
    "DuckDB database file shared by all sessions; :memory: for an in-memory database.", NULL },
  { "sql-gateway.engine.duckdb.threads", GW_OPTION_INT, "0",
    "Number of DuckDB worker threads; 0 keeps DuckDB's default (one per core).", NULL },
  { "sql-gateway.engine.duckdb.memory-limit", GW_OPTION_STRING, NULL,
    "DuckDB memory_limit setting, for example \"4GB\"; defaults to DuckDB's own limit.", NULL },
  { "sql-gateway.engine.duckdb.allowed-directories", GW_OPTION_LIST, NULL,
    "The only directories SQL statements may read or write files in, separated by ';' or ','.",
    NULL },
  { "sql-gateway.engine.duckdb.catalogs", GW_OPTION_LIST, NULL,
    "More catalogs to attach at start besides default_catalog: each is a database file "
    "<name>.duckdb beside the main database (in memory when the path is :memory:). The "
    "HiveServer2 endpoint's catalog.name is added automatically.", NULL },
  { "sql-gateway.engine.duckdb.sandbox", GW_OPTION_BOOL, "true",
    "Lock DuckDB down: no extension install or autoload, external file access only under "
    "allowed-directories, and configuration locked against SET.", NULL },

  /* Table options sessions inherit */
  { "table.local-time-zone", GW_OPTION_STRING, "default",
    "Session time zone used to render TIMESTAMP_LTZ values, such as \"UTC\" or "
    "\"Europe/Berlin\"; \"default\" means the system time zone.", NULL },
  { "table.sql-dialect", GW_OPTION_ENUM, "default",
    "Dialect of the statements: default (Flink SQL) or hive (accepted; statements are still "
    "read as Flink SQL).", "default|hive" },
  { "table.dml-sync", GW_OPTION_BOOL, "false",
    "Whether an INSERT statement's operation finishes only once the data is written; false "
    "returns as soon as it is submitted.", NULL },
  { "table.display.max-column-width", GW_OPTION_INT, "30",
    "Maximum width of a column when the SQL client prints results as a table.", NULL },

  /* SQL client */
  { "sql-client.execution.result-mode", GW_OPTION_ENUM, "TABLE",
    "How the SQL client shows query results.", "TABLE|CHANGELOG|TABLEAU" },
  { "sql-client.execution.max-table-result.rows", GW_OPTION_INT, "1000000",
    "Maximum number of rows the SQL client keeps for one result in TABLE mode.", NULL },
  { "sql-client.verbose", GW_OPTION_BOOL, "false",
    "Whether the SQL client prints full error details instead of one-line messages.", NULL },
  { "sql-client.display.print-time-cost", GW_OPTION_BOOL, "true",
    "Whether the SQL client prints how long each query took.", NULL },
  { "sql-client.result.fetch-interval", GW_OPTION_DURATION, "100 ms",
    "How often the SQL client asks for a result that is not ready yet (FLIP-275).", NULL },
  { "sql-client.session.heartbeat-interval", GW_OPTION_DURATION, "60 s",
    "How often an idle SQL client sends a session heartbeat so the gateway keeps its session.", NULL },
  { "sql-client.display.show-line-numbers", GW_OPTION_BOOL, "false",
    "Whether the SQL client shows line numbers while a statement is edited.", NULL },

  { NULL, 0, NULL, NULL, NULL },
};

const GwOptionSpec *
gw_option_table (void)
{
  return option_table;
}

const GwOptionSpec *
gw_option_lookup (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  for (const GwOptionSpec *spec = option_table; spec->key != NULL; spec++) {
    if (strcmp (spec->key, key) == 0)
      return spec;
  }
  return NULL;
}

/* Value parsers for the option types, following Flink's TimeUtils, MemorySize and
 * ConfigurationUtils. */

/* Splits text into a number and a lower-cased unit the way Flink's TimeUtils and MemorySize
 * do: digits only (no sign, no fraction), optional whitespace, then the unit. */
static gboolean
split_number_unit (const char *text, guint64 *out_number, gchar **out_unit)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  const char *p = text;
  guint64 number = 0;
  for (; g_ascii_isdigit (*p); p++) {
    guint digit = (guint) (*p - '0');
    if (number > ((guint64) G_MAXINT64 - digit) / 10)
      return FALSE;
    number = number * 10 + digit;
  }
  if (p == text)
    return FALSE;
  *out_number = number;
  *out_unit = g_strstrip (g_ascii_strdown (p, -1));
  return TRUE;
}

typedef struct {
  const char *name;
  gint64 multiplier;
  gint64 divisor; /* units below a millisecond round down */
} UnitSpec;

static const UnitSpec duration_units[] = {
  { "", 1, 1 },
  { "ns", 1, 1000000 }, { "nano", 1, 1000000 }, { "nanos", 1, 1000000 },
  { "nanosecond", 1, 1000000 }, { "nanoseconds", 1, 1000000 },
  { "\u00b5s", 1, 1000 }, { "\u03bcs", 1, 1000 }, { "us", 1, 1000 }, { "micro", 1, 1000 },
  { "micros", 1, 1000 }, { "microsecond", 1, 1000 }, { "microseconds", 1, 1000 },
  { "ms", 1, 1 }, { "milli", 1, 1 }, { "millis", 1, 1 }, { "millisecond", 1, 1 },
  { "milliseconds", 1, 1 },
  { "s", 1000, 1 }, { "sec", 1000, 1 }, { "secs", 1000, 1 }, { "second", 1000, 1 },
  { "seconds", 1000, 1 },
  { "min", 60000, 1 }, { "m", 60000, 1 }, { "minute", 60000, 1 }, { "minutes", 60000, 1 },
  { "h", 3600000, 1 }, { "hour", 3600000, 1 }, { "hours", 3600000, 1 },
  { "d", 86400000, 1 }, { "day", 86400000, 1 }, { "days", 86400000, 1 },
  { NULL, 0, 0 },
};

static const UnitSpec memory_units[] = {
  { "", 1, 1 }, { "b", 1, 1 }, { "bytes", 1, 1 },
  { "k", G_GINT64_CONSTANT (1) << 10, 1 }, { "kb", G_GINT64_CONSTANT (1) << 10, 1 },
  { "kibibytes", G_GINT64_CONSTANT (1) << 10, 1 },
  { "m", G_GINT64_CONSTANT (1) << 20, 1 }, { "mb", G_GINT64_CONSTANT (1) << 20, 1 },
  { "mebibytes", G_GINT64_CONSTANT (1) << 20, 1 },
  { "g", G_GINT64_CONSTANT (1) << 30, 1 }, { "gb", G_GINT64_CONSTANT (1) << 30, 1 },
  { "gibibytes", G_GINT64_CONSTANT (1) << 30, 1 },
  { "t", G_GINT64_CONSTANT (1) << 40, 1 }, { "tb", G_GINT64_CONSTANT (1) << 40, 1 },
  { "tebibytes", G_GINT64_CONSTANT (1) << 40, 1 },
  { NULL, 0, 0 },
};

static gboolean
parse_with_units (const char *text, const UnitSpec *units, gint64 *out)
{
  guint64 number;
  g_autofree gchar *unit = NULL;
  if (!split_number_unit (text, &number, &unit))
    return FALSE;
  for (const UnitSpec *u = units; u->name != NULL; u++) {
    if (strcmp (u->name, unit) != 0)
      continue;
    if (number > (guint64) (G_MAXINT64 / u->multiplier))
      return FALSE;
    if (out != NULL)
      *out = (gint64) number * u->multiplier / u->divisor;
    return TRUE;
  }
  return FALSE;
}

gboolean
gw_parse_duration_ms (const char *text, gint64 *out_ms)
{
  return parse_with_units (text, duration_units, out_ms);
}

gboolean
gw_parse_memory_bytes (const char *text, gint64 *out_bytes)
{
  return parse_with_units (text, memory_units, out_bytes);
}

gboolean
gw_parse_bool (const char *text, gboolean *out)
{
  if (text == NULL)
    return FALSE;
  g_autofree gchar *trimmed = g_strstrip (g_strdup (text));
  gboolean value;
  if (g_ascii_strcasecmp (trimmed, "true") == 0)
    value = TRUE;
  else if (g_ascii_strcasecmp (trimmed, "false") == 0)
    value = FALSE;
  else
    return FALSE;
  if (out != NULL)
    *out = value;
  return TRUE;
}

/* Type names as Flink's generated configuration docs spell them. */
static const char *
option_type_name (GwOptionType type)
{
  switch (type) {
  case GW_OPTION_STRING:
    return "String";
  case GW_OPTION_INT:
    return "Integer";
  case GW_OPTION_LONG:
    return "Long";
  case GW_OPTION_BOOL:
    return "Boolean";
  case GW_OPTION_DURATION:
    return "Duration";
  case GW_OPTION_MEMORY:
    return "MemorySize";
  case GW_OPTION_LIST:
    return "List<String>";
  case GW_OPTION_ENUM:
    return "Enum";
  }
  return "?";
}

/* Appends text word by word, breaking lines before width, each line starting with indent
 * spaces. A word longer than the line stays whole rather than being cut. */
static void
append_wrapped (GString *out, const char *text, guint indent, guint width)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n", -1);
  guint column = 0;
  for (guint i = 0; words[i] != NULL; i++) {
    gsize len = strlen (words[i]);
    if (len == 0)
      continue;
    if (column == 0) {
      g_string_append_printf (out, "%*s", (int) indent, "");
      column = indent;
    } else if (column + 1 + len > width) {
      g_string_append_printf (out, "\n%*s", (int) indent, "");
      column = indent;
    } else {
      g_string_append_c (out, ' ');
      column++;
    }
    g_string_append (out, words[i]);
    column += len;
  }
  if (column > 0)
    g_string_append_c (out, '\n');
}

gchar *
gw_option_table_format_help (void)
{
  GString *out = g_string_new (NULL);
  for (const GwOptionSpec *spec = option_table; spec->key != NULL; spec++) {
    g_autoptr (GString) line = g_string_new (NULL);
    g_string_append_printf (line, "Type: %s", option_type_name (spec->type));
    if (spec->type == GW_OPTION_ENUM && spec->enum_values != NULL) {
      g_auto (GStrv) values = g_strsplit (spec->enum_values, "|", -1);
      g_autofree gchar *joined = g_strjoinv (", ", values);
      g_string_append_printf (line, " (one of %s)", joined);
    }
    g_string_append_printf (line, "   Default: %s",
                            spec->default_value != NULL ? spec->default_value : "(none)");

    g_string_append_printf (out, "  %s\n      %s\n", spec->key, line->str);
    append_wrapped (out, spec->description, 6, 79);
    if (spec[1].key != NULL)
      g_string_append_c (out, '\n');
  }
  return g_string_free (out, FALSE);
}

/* A '|' inside a cell would end the cell early (GFM wants "\\|" even inside code spans), and
 * "<String>" outside a code span would be taken for an HTML tag. */
static void
append_markdown_cell (GString *out, const char *text, gboolean in_code)
{
  for (const char *p = text; *p != '\0'; p++) {
    if (*p == '|')
      g_string_append (out, "\\|");
    else if (*p == '<' && !in_code)
      g_string_append (out, "&lt;");
    else if (*p == '>' && !in_code)
      g_string_append (out, "&gt;");
    else
      g_string_append_c (out, *p);
  }
}

gchar *
gw_option_table_format_markdown (void)
{
  GString *out = g_string_new ("| Key | Type | Default | Description |\n"
                               "|---|---|---|---|\n");
  for (const GwOptionSpec *spec = option_table; spec->key != NULL; spec++) {
    g_string_append_printf (out, "| `%s` | ", spec->key);
    append_markdown_cell (out, option_type_name (spec->type), FALSE);
    if (spec->type == GW_OPTION_ENUM && spec->enum_values != NULL) {
      g_auto (GStrv) values = g_strsplit (spec->enum_values, "|", -1);
      g_autofree gchar *joined = g_strjoinv ("`, `", values);
      g_string_append_printf (out, " (`%s`)", joined);
    }
    g_string_append (out, " | ");
    if (spec->default_value != NULL) {
      g_string_append_c (out, '`');
      append_markdown_cell (out, spec->default_value, TRUE);
      g_string_append_c (out, '`');
    } else {
      g_string_append (out, "(none)");
    }
    g_string_append (out, " | ");
    append_markdown_cell (out, spec->description, FALSE);
    g_string_append (out, " |\n");
  }
  return g_string_free (out, FALSE);
}
