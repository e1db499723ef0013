/* The sinks of DML jobs: the rows a sink stores (the query projected onto the table's columns,
 * cast, NOT NULL enforced), native tables (an INSERT inside the job's transaction), print (Flink's
 * row text to a callback) and blackhole (a count); filesystem files are gw-duckdb-sink-files.c. */
#include "gw-duckdb-sink.h"
#include "gw-duckdb-row-text.h"
#include "gw-error.h"

#include <string.h>

/* Flink's sink NOT NULL enforcer (table.exec.sink.not-null-enforcer = ERROR). */
#define NOT_NULL_MESSAGE                                                                     \
  "Column '%s' is NOT NULL, however, a null value is being written into it. You can set job " \
  "configuration 'table.exec.sink.not-null-enforcer'='DROP' to suppress this exception and "  \
  "drop such records silently."
/* How DuckDB prefixes the message of error(). */
#define ERROR_FUNCTION_PREFIX "Invalid Input Error: "

/* Rows converted per fetch by the print sink. */
#define PRINT_BATCH_ROWS 1024

static void
sink_column_free (GwDuckdbSinkColumn *column)
{
  g_free (column->name);
  g_free (column->flink_type);
  g_free (column->duckdb_type);
  g_free (column);
}

void
gw_duckdb_sink_target_free (GwDuckdbSinkTarget *target)
{
  gw_duckdb_path_clear (&target->path);
  g_free (target->flink_name);
  g_free (target->sql_name);
  g_clear_pointer (&target->ddl, gw_flink_statement_free);
  g_clear_pointer (&target->columns, g_ptr_array_unref);
  g_free (target);
}

GPtrArray *
gw_duckdb_sink_columns_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) sink_column_free);
}

GwDuckdbSinkColumn *
gw_duckdb_sink_columns_add (GPtrArray *columns, const char *name, gchar *flink_type,
                            gchar *duckdb_type)
{
  GwDuckdbSinkColumn *column = g_new0 (GwDuckdbSinkColumn, 1);
  column->name = g_strdup (name);
  column->flink_type = flink_type;
  column->duckdb_type = duckdb_type;
  g_ptr_array_add (columns, column);
  return column;
}

/* ---- running queries ---- */

static gboolean
fetch_all (GwEngineCursor *cursor, GwBatch *batch, GError **error)
{
  gboolean eos = FALSE;
  while (!eos) {
    if (!gw_duckdb_cursor_fetch (cursor, batch, G_MAXUINT, G_MAXSIZE, &eos, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
gw_duckdb_dml_count (GwDuckdbDmlJob *job, const char *sql, gint64 *count, GError **error)
{
  *count = 0;
  GwEngineCursor *cursor = gw_duckdb_cursor_execute_sql (job->conn, sql, job->cancellable, error);
  if (cursor == NULL)
    return FALSE;
  g_autoptr (GwBatch) batch = gw_batch_new (cursor->schema, 1);
  gboolean ok = fetch_all (cursor, batch, error);
  gw_duckdb_cursor_free (cursor);
  if (!ok || batch->n_rows == 0 || gw_result_schema_get_n_columns (batch->schema) == 0)
    return ok;
  const GwColumn *column = batch->columns[0];
  if (gw_column_is_null (column, 0))
    return TRUE;
  if (column->kind == GW_PHYSICAL_INT64) {
    *count = column->i64[0];
  } else if (column->kind == GW_PHYSICAL_BYTES) { /* HUGEINT arrives as decimal text */
    gsize len;
    const char *text = gw_column_get_bytes (column, 0, &len);
    g_autofree gchar *copy = g_strndup (text, len);
    *count = g_ascii_strtoll (copy, NULL, 10);
  }
  return TRUE;
}

/* Interrupts DuckDB while the print sink streams (execute_sql's own handler is gone by then). */
static void
on_cancelled (GCancellable *cancellable, gpointer conn)
{
  gw_engine_interrupt (conn);
}

/* ---- the rows a sink stores ---- */

static int
index_of (const char *const *names, const char *name)
{
  for (int i = 0; names[i] != NULL; i++) {
    if (strcmp (names[i], name) == 0)
      return i;
  }
  return -1;
}

/* SELECT with one column per sink column, in table order, each cast to its type: the query's
 * columns by position (or by INSERT's column list), NULL for unlisted ones. */
static gchar *
projection_sql (const GwDuckdbSinkTarget *target, const char *query, const char *const *columns)
{
  guint n_query = columns != NULL ? g_strv_length ((gchar **) columns) : target->columns->len;
  GString *sql = g_string_new ("SELECT ");
  for (guint i = 0; i < target->columns->len; i++) {
    const GwDuckdbSinkColumn *column = target->columns->pdata[i];
    int source = columns != NULL ? index_of (columns, column->name) : (int) i;
    g_autofree gchar *alias = gw_duckdb_quote_identifier (column->name);
    g_autofree gchar *value = source >= 0 ? g_strdup_printf ("q.\"#%d\"", source)
                                          : g_strdup ("NULL");
    if (i > 0)
      g_string_append (sql, ", ");
    g_autofree gchar *cast = column->duckdb_type != NULL
      ? g_strdup_printf ("CAST(%s AS %s)", value, column->duckdb_type) : g_strdup (value);
    if (column->not_null) {
      g_autofree gchar *message = g_strdup_printf (NOT_NULL_MESSAGE, column->name);
      g_autofree gchar *literal = gw_duckdb_quote_literal (message);
      g_string_append_printf (sql, "CASE WHEN %s IS NULL THEN error(%s) ELSE %s END AS %s", cast,
                              literal, cast, alias);
    } else {
      g_string_append_printf (sql, "%s AS %s", cast, alias);
    }
  }
  g_string_append_printf (sql, " FROM (%s) AS q(", query);
  for (guint i = 0; i < n_query; i++)
    g_string_append_printf (sql, i > 0 ? ", \"#%u\"" : "\"#%u\"", i);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

/* ---- native tables ---- */

static gint64
write_native (GwDuckdbDmlJob *job, GwDuckdbSinkTarget *target, const char *query,
              const char *const *columns, gboolean overwrite, GError **error)
{
  gint64 count;
  if (overwrite) {
    g_autofree gchar *delete = g_strdup_printf ("DELETE FROM %s", target->sql_name);
    if (!gw_duckdb_dml_count (job, delete, &count, error))
      return -1;
  }
  /* A Flink table lists its physical columns: DuckDB must not expect values for columns the
   * DDL made generated (computed) ones. */
  g_autoptr (GString) sql = g_string_new ("INSERT INTO ");
  g_string_append (sql, target->sql_name);
  if (columns != NULL || target->ddl != NULL) {
    g_string_append (sql, " (");
    guint n = columns != NULL ? g_strv_length ((gchar **) columns) : target->columns->len;
    for (guint i = 0; i < n; i++) {
      const char *name = columns != NULL
                         ? columns[i] : ((GwDuckdbSinkColumn *) target->columns->pdata[i])->name;
      g_autofree gchar *quoted = gw_duckdb_quote_identifier (name);
      g_string_append_printf (sql, i > 0 ? ", %s" : "%s", quoted);
    }
    g_string_append (sql, ")");
  }
  g_string_append_printf (sql, " %s", query);
  if (!gw_duckdb_dml_count (job, sql->str, &count, error))
    return -1;
  return count;
}

/* ---- print and blackhole ---- */

static gint64
write_print (GwDuckdbDmlJob *job, GwDuckdbSinkTarget *target, const char *rows_sql,
             GError **error)
{
  const char *identifier = gw_flink_options_lookup (&target->ddl->create_table->options,
                                                    "print-identifier");
  GwEngineCursor *cursor = gw_duckdb_cursor_execute_sql (job->conn, rows_sql, job->cancellable,
                                                         error);
  if (cursor == NULL)
    return -1;
  gulong handler = job->cancellable != NULL
      ? g_cancellable_connect (job->cancellable, G_CALLBACK (on_cancelled), job->conn, NULL) : 0;
  g_autoptr (GString) line = g_string_new (NULL);
  gint64 count = 0;
  gboolean eos = FALSE, ok = TRUE;
  while (ok && !eos) {
    g_autoptr (GwBatch) batch = gw_batch_new (cursor->schema, PRINT_BATCH_ROWS);
    ok = gw_duckdb_cursor_fetch (cursor, batch, PRINT_BATCH_ROWS, G_MAXSIZE, &eos, error);
    for (guint row = 0; ok && row < batch->n_rows; row++) {
      g_string_truncate (line, 0);
      if (identifier != NULL)
        g_string_append_printf (line, "%s> ", identifier);
      gw_duckdb_row_text_append (line, batch, row);
      if (job->print != NULL)
        job->print (line->str, job->print_data);
      else
        g_message ("%s", line->str);
      count++;
    }
    if (ok && g_cancellable_set_error_if_cancelled (job->cancellable, error))
      ok = FALSE;
  }
  if (handler != 0)
    g_cancellable_disconnect (job->cancellable, handler);
  gw_duckdb_cursor_free (cursor);
  return ok ? count : -1;
}

static gint64
write_blackhole (GwDuckdbDmlJob *job, const char *rows_sql, GError **error)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT count(*) FROM (%s) AS rows", rows_sql);
  gint64 count;
  return gw_duckdb_dml_count (job, sql, &count, error) ? count : -1;
}

static gint64
write_rows (GwDuckdbDmlJob *job, GwDuckdbSinkTarget *target, const char *query,
            const char *const *columns, gboolean overwrite, GError **error)
{
  if (target->connector == GW_CONNECTOR_NONE)
    return write_native (job, target, query, columns, overwrite, error);

  g_autofree gchar *rows_sql = projection_sql (target, query, columns);
  switch (target->connector) {
  case GW_CONNECTOR_FILESYSTEM:
    return gw_duckdb_sink_write_files (job, target, rows_sql, overwrite, error);
  case GW_CONNECTOR_PRINT:
    return write_print (job, target, rows_sql, error);
  case GW_CONNECTOR_BLACKHOLE:
    return write_blackhole (job, rows_sql, error);
  case GW_CONNECTOR_DATAGEN:
  case GW_CONNECTOR_NONE:
  default:
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Connector '%s' can only be used as a source. It cannot be used as a sink.",
                 gw_flink_options_lookup (&target->ddl->create_table->options, "connector"));
    return -1;
  }
}

gint64
gw_duckdb_sink_write (GwDuckdbDmlJob *job, GwDuckdbSinkTarget *target, const char *query,
                      const char *const *columns, gboolean overwrite, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 rows = write_rows (job, target, query, columns, overwrite, &local_error);
  /* The NOT NULL enforcer's message is ours: without the prefix DuckDB's error() adds. */
  if (rows < 0 && g_str_has_prefix (local_error->message, ERROR_FUNCTION_PREFIX "Column '") &&
      strstr (local_error->message, "is NOT NULL, however") != NULL) {
    gchar *message = g_strdup (local_error->message + strlen (ERROR_FUNCTION_PREFIX));
    g_free (local_error->message);
    local_error->message = message;
  }
  if (rows < 0)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return rows;
}
