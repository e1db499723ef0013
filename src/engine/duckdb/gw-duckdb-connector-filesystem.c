/* The filesystem connector on DuckDB: csv / json / parquet files under 'path' read with
 * read_csv / read_json / read_parquet (Flink's layout: CSV without header, one JSON object per
 * line, k=v partition directories, hidden '.'/'_' files skipped) and written with COPY options.
 *
 * Accepted and ignored (DuckDB is a batch engine; nothing streams or rolls):
 * 'source.monitor-interval', 'sink.rolling-policy.*', 'sink.partition-commit.*',
 * 'partition.time-extractor.*', 'auto-compaction', 'compaction.file-size', 'sink.parallelism',
 * 'sink.shuffle-by-partition.enable', 'json.fail-on-missing-field' (a missing field reads as
 * NULL), 'json.timestamp-format.standard' (DuckDB reads both forms), 'json.map-null-key.*',
 * 'json.encode.*', 'csv.array-element-delimiter', 'csv.write-bigdecimal-in-scientific-notation',
 * 'parquet.*'. Relative paths are made absolute against the gateway's working directory when
 * the view is (re)created.
 *
 * The files are globbed each time the view is read, so files added later show up at once, with
 * one exception: DuckDB fails on a glob that matches nothing, so a directory without data files
 * gets a view over no rows, and a table reads files only from the directory levels that held
 * some when its view was made. The view is re-made after every INSERT into the table
 * (gw_duckdb_flink_refresh_source) and at engine start (gw_duckdb_flink_refresh_sources); files
 * copied in from outside into an empty directory appear after one of those. Glob characters in
 * the path itself are not escaped. */
#include "gw-duckdb-connector-private.h"
#include "gw-duckdb-flink.h"
#include "gw-duckdb-type-sql.h"
#include "gw-error.h"

#include <string.h>

#define DEFAULT_PARTITION_NAME "__DEFAULT_PARTITION__"

/* Directory levels searched for the data files of a table without partitions (Flink reads
 * nested directories too). */
#define MAX_NESTING 8

static const char *const filesystem_keys[] = {
  "connector", "path", "format", "source.monitor-interval", "partition.default-name",
  "auto-compaction", "compaction.file-size", "sink.parallelism",
  "sink.shuffle-by-partition.enable", "sink.rolling-policy.file-size",
  "sink.rolling-policy.rollover-interval", "sink.rolling-policy.check-interval",
  "sink.rolling-policy.inactivity-interval", "sink.partition-commit.trigger",
  "sink.partition-commit.delay", "sink.partition-commit.watermark-time-zone",
  "sink.partition-commit.policy.kind", "sink.partition-commit.policy.class",
  "sink.partition-commit.success-file.name", "partition.time-extractor.kind",
  "partition.time-extractor.class", "partition.time-extractor.timestamp-pattern",
  "partition.time-extractor.timestamp-formatter", "source.path.regex-pattern",
  "source.report-statistics", NULL,
};
static const char *const csv_keys[] = {
  "csv.field-delimiter", "csv.disable-quote-character", "csv.quote-character",
  "csv.allow-comments", "csv.ignore-parse-errors", "csv.array-element-delimiter",
  "csv.escape-character", "csv.null-literal", "csv.write-bigdecimal-in-scientific-notation", NULL,
};
static const char *const json_keys[] = {
  "json.fail-on-missing-field", "json.ignore-parse-errors", "json.timestamp-format.standard",
  "json.map-null-key.mode", "json.map-null-key.literal", "json.encode.decimal-as-plain-number",
  "json.encode.ignore-null-fields", "json.decode.json-parser.enabled", NULL,
};
static const char *const parquet_keys[] = { "parquet.utc-timezone", NULL };

/* A format option holding one character; Flink also accepts the two characters "\t". */
static gboolean
check_char_option (const GwFlinkOptions *options, const char *key, gchar **out, GError **error)
{
  const char *value = gw_flink_options_lookup (options, key);
  *out = NULL;
  if (value == NULL)
    return TRUE;
  if (strcmp (value, "\\t") == 0) {
    *out = g_strdup ("\t");
    return TRUE;
  }
  if (g_utf8_strlen (value, -1) != 1) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Option '%s' must be a string with single character, but was: %s", key, value);
    return FALSE;
  }
  *out = g_strdup (value);
  return TRUE;
}

typedef enum { FORMAT_CSV, FORMAT_JSON, FORMAT_PARQUET } FileFormat;

/* The filesystem options resolved: what reading and writing need. */
typedef struct {
  FileFormat format;
  gchar     *path;          /* absolute, without file:// */
  gchar     *delimiter;     /* csv */
  gchar     *quote;         /* csv; "" when disabled */
  gchar     *escape;        /* csv; NULL: doubled quotes */
  gchar     *null_literal;  /* csv; NULL: empty field */
  gboolean   allow_comments;
  gboolean   ignore_errors; /* csv or json */
  const char *default_partition;
} FileOptions;

static void
file_options_clear (FileOptions *fo)
{
  g_free (fo->path);
  g_free (fo->delimiter);
  g_free (fo->quote);
  g_free (fo->escape);
  g_free (fo->null_literal);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileOptions, file_options_clear)

static gboolean
file_options_init (FileOptions *fo, const GwFlinkCreateTable *table, GError **error)
{
  const GwFlinkOptions *options = &table->options;
  memset (fo, 0, sizeof *fo);
  const char *path = gw_flink_options_lookup (options, "path");
  const char *format = gw_flink_options_lookup (options, "format");
  if (path == NULL || format == NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "One or more required options are missing.\n\nMissing required options are:\n\n%s",
                 path == NULL && format == NULL ? "format\npath"
                 : path == NULL ? "path" : "format");
    return FALSE;
  }
  const char *const *format_keys;
  if (strcmp (format, "csv") == 0) {
    fo->format = FORMAT_CSV;
    format_keys = csv_keys;
  } else if (strcmp (format, "json") == 0) {
    fo->format = FORMAT_JSON;
    format_keys = json_keys;
  } else if (strcmp (format, "parquet") == 0) {
    fo->format = FORMAT_PARQUET;
    format_keys = parquet_keys;
  } else {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Could not find any factory for identifier '%s' that implements "
                 "'org.apache.flink.table.factories.DeserializationFormatFactory' in the "
                 "classpath.\n\nAvailable factory identifiers are:\n\ncsv\njson\nparquet", format);
    return FALSE;
  }
  const char *const *lists[] = { filesystem_keys, format_keys, NULL };
  /* Parquet passes any 'parquet.*' key on to its writer configuration. */
  const char *const parquet_prefixes[] = { "parquet.", NULL };
  if (!gw_connector_check_keys (options, "filesystem", lists,
                   fo->format == FORMAT_PARQUET ? parquet_prefixes : NULL, error))
    return FALSE;

  if (g_str_has_prefix (path, "file://"))
    path += strlen ("file://");
  else if (strstr (path, "://") != NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Could not find a file system implementation for the path '%s': only local "
                 "paths are supported.", path);
    return FALSE;
  }
  if (*path == '\0') {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION, "Option 'path' must not be empty.");
    return FALSE;
  }
  /* Relative to the gateway's working directory, made absolute now: DuckDB's sandbox only
   * accepts absolute paths under allowed-directories. */
  fo->path = g_canonicalize_filename (path, NULL);
  fo->default_partition = gw_flink_options_lookup (options, "partition.default-name");
  if (fo->default_partition == NULL)
    fo->default_partition = DEFAULT_PARTITION_NAME;

  if (fo->format == FORMAT_CSV) {
    gboolean disable_quote = FALSE;
    if (!check_char_option (options, "csv.field-delimiter", &fo->delimiter, error) ||
        !check_char_option (options, "csv.quote-character", &fo->quote, error) ||
        !check_char_option (options, "csv.escape-character", &fo->escape, error) ||
        !gw_connector_bool_option (options, "csv.disable-quote-character", &disable_quote, error) ||
        !gw_connector_bool_option (options, "csv.allow-comments", &fo->allow_comments, error) ||
        !gw_connector_bool_option (options, "csv.ignore-parse-errors", &fo->ignore_errors, error))
      return FALSE;
    if (disable_quote && fo->quote != NULL) {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           "Format cannot define a quote character and disabled quote character "
                           "at the same time.");
      return FALSE;
    }
    if (fo->delimiter == NULL)
      fo->delimiter = g_strdup (",");
    if (disable_quote)
      fo->quote = g_strdup ("");
    else if (fo->quote == NULL)
      fo->quote = g_strdup ("\"");
    fo->null_literal = g_strdup (gw_flink_options_lookup (options, "csv.null-literal"));
  } else if (fo->format == FORMAT_JSON) {
    gboolean ignored;
    const char *standard = gw_flink_options_lookup (options, "json.timestamp-format.standard");
    if (!gw_connector_bool_option (options, "json.ignore-parse-errors", &fo->ignore_errors,
                                   error) ||
        !gw_connector_bool_option (options, "json.fail-on-missing-field", &ignored, error))
      return FALSE;
    if (standard != NULL && strcmp (standard, "SQL") != 0 && strcmp (standard, "ISO-8601") != 0) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Unsupported value '%s' for timestamp-format.standard. Supported values are "
                   "[SQL, ISO-8601].", standard);
      return FALSE;
    }
  }
  return TRUE;
}

/* Partition keys must be physical columns (Flink's CatalogManager check). */
static gboolean
check_partition_keys (const GwFlinkCreateTable *table, const GwConnectorColumns *columns,
                      GError **error)
{
  for (guint i = 0; table->partition_keys != NULL && table->partition_keys[i] != NULL; i++) {
    if (gw_connector_columns_find (columns, table->partition_keys[i]) >= 0)
      continue;
    GString *available = g_string_new ("[");
    for (guint c = 0; c < columns->names->len; c++)
      g_string_append_printf (available, "%s%s", c > 0 ? ", " : "",
                              (const char *) columns->names->pdata[c]);
    g_string_append_c (available, ']');
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Invalid partition key '%s'. A partition key must reference a physical column "
                 "in the schema. Available columns are: %s", table->partition_keys[i],
                 available->str);
    g_string_free (available, TRUE);
    return FALSE;
  }
  return TRUE;
}

/* ---- filesystem source ---- */

static gboolean
is_hidden (const char *name)
{
  return name[0] == '.' || name[0] == '_';
}

/* Sets bit d of *depths for every depth d (0 = directly in dir) holding a visible regular file,
 * looking through visible directories only, as Flink's file enumerator does. */
static void
find_data_depths (const char *dir, guint depth, guint32 *depths)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return;
  const char *name;
  while ((name = g_dir_read_name (handle)) != NULL) {
    if (is_hidden (name))
      continue;
    g_autofree gchar *child = g_build_filename (dir, name, NULL);
    if (g_file_test (child, G_FILE_TEST_IS_DIR)) {
      if (depth + 1 < MAX_NESTING)
        find_data_depths (child, depth + 1, depths);
    } else if (g_file_test (child, G_FILE_TEST_IS_REGULAR)) {
      *depths |= 1u << depth;
    }
  }
}

/* TRUE when dir/k1=*\/.../kn=*\/ holds a visible data file. */
static gboolean
has_partition_data (const char *dir, const char *const *keys)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return FALSE;
  const char *name;
  while ((name = g_dir_read_name (handle)) != NULL) {
    if (is_hidden (name))
      continue;
    g_autofree gchar *child = g_build_filename (dir, name, NULL);
    gboolean is_dir = g_file_test (child, G_FILE_TEST_IS_DIR);
    if (keys[0] == NULL) {
      if (!is_dir && g_file_test (child, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    } else if (is_dir && g_str_has_prefix (name, keys[0]) && name[strlen (keys[0])] == '=' &&
               has_partition_data (child, keys + 1)) {
      return TRUE;
    }
  }
  return FALSE;
}

static void
append_literal (GString *sql, const char *text)
{
  g_autofree gchar *literal = gw_duckdb_quote_literal (text);
  g_string_append (sql, literal);
}

/* The file list argument of read_*(): a single file, or one glob per directory level that holds
 * data, or NULL when there is no data file yet. Names starting with '.' or '_' are hidden (sinks
 * write in-progress files that way). */
static gchar *
files_argument (const FileOptions *fo, const GwFlinkCreateTable *table)
{
  if (g_file_test (fo->path, G_FILE_TEST_IS_REGULAR)) {
    GString *sql = g_string_new (NULL);
    append_literal (sql, fo->path);
    return g_string_free (sql, FALSE);
  }
  if (!g_file_test (fo->path, G_FILE_TEST_IS_DIR))
    return NULL;
  GString *pattern = g_string_new (fo->path);
  if (table->partition_keys != NULL && table->partition_keys[0] != NULL) {
    if (!has_partition_data (fo->path, (const char *const *) table->partition_keys)) {
      g_string_free (pattern, TRUE);
      return NULL;
    }
    for (guint i = 0; table->partition_keys[i] != NULL; i++)
      g_string_append_printf (pattern, "/%s=*", table->partition_keys[i]);
    g_string_append (pattern, "/[!._]*");
    GString *sql = g_string_new (NULL);
    append_literal (sql, pattern->str);
    g_string_free (pattern, TRUE);
    return g_string_free (sql, FALSE);
  }
  guint32 depths = 0;
  find_data_depths (fo->path, 0, &depths);
  if (depths == 0) {
    g_string_free (pattern, TRUE);
    return NULL;
  }
  GString *sql = g_string_new ("[");
  gboolean first = TRUE;
  for (guint d = 0; d < MAX_NESTING; d++) {
    g_string_append (pattern, "/[!._]*");
    if ((depths & (1u << d)) == 0)
      continue;
    if (!first)
      g_string_append (sql, ", ");
    append_literal (sql, pattern->str);
    first = FALSE;
  }
  g_string_append_c (sql, ']');
  g_string_free (pattern, TRUE);
  return g_string_free (sql, FALSE);
}

static gboolean
is_partition_key (const GwFlinkCreateTable *table, const char *name)
{
  return table->partition_keys != NULL &&
         g_strv_contains ((const char *const *) table->partition_keys, name);
}

gchar *
gw_connector_filesystem_source_sql (const GwFlinkCreateTable *table,
                                    const GwConnectorColumns *columns, GError **error)
{
  g_auto (FileOptions) fo = { 0 };
  if (!file_options_init (&fo, table, error) || !check_partition_keys (table, columns, error))
    return NULL;
  g_autofree gchar *files = files_argument (&fo, table);
  if (files == NULL)
    return gw_connector_empty_select (columns);

  gboolean partitioned = table->partition_keys != NULL && table->partition_keys[0] != NULL;
  GString *sql = g_string_new ("SELECT ");
  for (guint i = 0; i < columns->names->len; i++) {
    const char *name = columns->names->pdata[i];
    g_autofree gchar *type = gw_duckdb_type_sql (columns->types->pdata[i]);
    g_autofree gchar *quoted = gw_duckdb_quote_identifier (name);
    if (i > 0)
      g_string_append (sql, ", ");
    if (is_partition_key (table, name)) {
      /* Partition values come from the k=v directory names, as text. */
      g_autofree gchar *default_name = gw_duckdb_quote_literal (fo.default_partition);
      g_string_append_printf (sql, "CAST(NULLIF(%s, %s) AS %s) AS %s", quoted, default_name, type,
                              quoted);
    } else {
      g_string_append_printf (sql, "CAST(%s AS %s) AS %s", quoted, type, quoted);
    }
  }
  if (columns->names->len == 0)
    g_string_append (sql, "NULL AS \"EXPR$0\"");

  /* The declared columns of the data files (partition columns are not in the files). */
  GString *struct_sql = g_string_new ("{");
  gboolean first = TRUE;
  for (guint i = 0; i < columns->names->len; i++) {
    if (is_partition_key (table, columns->names->pdata[i]))
      continue;
    g_autofree gchar *type = gw_duckdb_type_sql (columns->types->pdata[i]);
    g_autofree gchar *key = gw_duckdb_quote_literal (columns->names->pdata[i]);
    g_autofree gchar *value = gw_duckdb_quote_literal (type);
    g_string_append_printf (struct_sql, "%s%s: %s", first ? "" : ", ", key, value);
    first = FALSE;
  }
  g_string_append_c (struct_sql, '}');

  const char *hive = partitioned ? "hive_partitioning = true, hive_types_autocast = false"
                                 : "hive_partitioning = false";
  switch (fo.format) {
  case FORMAT_CSV:
    g_string_append_printf (sql, " FROM read_csv(%s, header = false, auto_detect = false, "
                            "columns = %s, delim = ", files, struct_sql->str);
    append_literal (sql, fo.delimiter);
    g_string_append (sql, ", quote = ");
    append_literal (sql, fo.quote);
    g_string_append (sql, ", escape = ");
    append_literal (sql, fo.escape != NULL ? fo.escape : fo.quote);
    if (fo.null_literal != NULL) {
      g_string_append (sql, ", nullstr = ");
      append_literal (sql, fo.null_literal);
    }
    if (fo.allow_comments)
      g_string_append (sql, ", comment = '#'");
    if (fo.ignore_errors)
      g_string_append (sql, ", ignore_errors = true");
    g_string_append_printf (sql, ", %s)", hive);
    break;
  case FORMAT_JSON:
    g_string_append_printf (sql, " FROM read_json(%s, format = 'newline_delimited', "
                            "columns = %s%s, %s)", files, struct_sql->str,
                            fo.ignore_errors ? ", ignore_errors = true" : "", hive);
    break;
  case FORMAT_PARQUET:
  default:
    g_string_append_printf (sql, " FROM read_parquet(%s, %s)", files, hive);
    break;
  }
  g_string_free (struct_sql, TRUE);
  return g_string_free (sql, FALSE);
}

gchar *
gw_duckdb_connector_copy_options (const GwFlinkCreateTable *table, const char **extension,
                                  GError **error)
{
  g_return_val_if_fail (table != NULL, NULL);

  if (gw_duckdb_connector_kind (&table->options) != GW_CONNECTOR_FILESYSTEM) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         "Only 'filesystem' tables are written as files.");
    return NULL;
  }
  g_auto (FileOptions) fo = { 0 };
  if (!file_options_init (&fo, table, error))
    return NULL;
  GString *sql = g_string_new (NULL);
  switch (fo.format) {
  case FORMAT_CSV:
    g_string_append (sql, "FORMAT csv, HEADER false, DELIMITER ");
    append_literal (sql, fo.delimiter);
    g_string_append (sql, ", QUOTE ");
    append_literal (sql, fo.quote);
    g_string_append (sql, ", ESCAPE ");
    append_literal (sql, fo.escape != NULL ? fo.escape : fo.quote);
    g_string_append (sql, ", NULLSTR ");
    append_literal (sql, fo.null_literal != NULL ? fo.null_literal : "");
    if (extension != NULL)
      *extension = "csv";
    break;
  case FORMAT_JSON:
    /* DuckDB writes newline-delimited JSON by default (ARRAY false), Flink's layout. */
    g_string_append (sql, "FORMAT json");
    if (extension != NULL)
      *extension = "json";
    break;
  case FORMAT_PARQUET:
  default:
    g_string_append (sql, "FORMAT parquet");
    if (extension != NULL)
      *extension = "parquet";
    break;
  }
  return g_string_free (sql, FALSE);
}

gboolean
gw_connector_filesystem_validate (const GwFlinkCreateTable *table,
                                  const GwConnectorColumns *columns, GError **error)
{
  g_auto (FileOptions) fo = { 0 };
  return file_options_init (&fo, table, error) && check_partition_keys (table, columns, error);
}
