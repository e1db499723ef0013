/* The DuckDB engine's Flink front-end: routes parsed Flink statements to the part that
 * translates them, and the small helpers every part shares (results, quoting, name paths). */
#include "gw-duckdb-flink.h"
#include "gw-error.h"

#include <string.h>

GwEngineCursor *
gw_duckdb_flink_ok (void)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  return gw_engine_cursor_new_rows (GW_STATEMENT_OTHER, schema, NULL);
}

GwEngineCursor *
gw_duckdb_flink_query (GwDuckdbConnection *conn, const char *sql, GwStatementKind kind,
                       GCancellable *cancellable, GError **error)
{
  GwEngineCursor *cursor = gw_duckdb_cursor_execute_sql (conn, sql, cancellable, error);
  if (cursor != NULL)
    cursor->kind = kind;
  return cursor;
}

gboolean
gw_duckdb_flink_run (GwDuckdbConnection *conn, const char *sql, GError **error)
{
  duckdb_result result;
  gboolean ok = duckdb_query (conn->connection, sql, &result) == DuckDBSuccess;
  if (!ok && !gw_duckdb_flink_translate_error (duckdb_result_error (&result), error))
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_result_error (&result));
  duckdb_destroy_result (&result);
  return ok;
}

static gchar *
quote (const char *text, char q)
{
  GString *s = g_string_sized_new (strlen (text) + 2);
  g_string_append_c (s, q);
  for (const char *p = text; *p; p++) {
    if (*p == q)
      g_string_append_c (s, q);
    g_string_append_c (s, *p);
  }
  g_string_append_c (s, q);
  return g_string_free (s, FALSE);
}

gchar *
gw_duckdb_quote_identifier (const char *name)
{
  return quote (name, '"');
}

gchar *
gw_duckdb_quote_literal (const char *text)
{
  return quote (text, '\'');
}

gboolean
gw_duckdb_flink_current (GwDuckdbConnection *conn, gchar **catalog, gchar **database,
                         GError **error)
{
  duckdb_result result;
  if (duckdb_query (conn->connection, "SELECT current_database(), current_schema()", &result)
      == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot read the current database: %s",
                 duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return FALSE;
  }
  char *c = duckdb_value_varchar (&result, 0, 0);
  char *d = duckdb_value_varchar (&result, 1, 0);
  if (catalog != NULL)
    *catalog = g_strdup (c);
  if (database != NULL)
    *database = g_strdup (d);
  duckdb_free (c);
  duckdb_free (d);
  duckdb_destroy_result (&result);
  return TRUE;
}

void
gw_duckdb_path_clear (GwDuckdbPath *path)
{
  g_clear_pointer (&path->catalog, g_free);
  g_clear_pointer (&path->database, g_free);
  g_clear_pointer (&path->object, g_free);
}

gboolean
gw_duckdb_path_resolve (GwDuckdbConnection *conn, const GwFlinkName *name, gboolean is_database,
                        GwDuckdbPath *out, GError **error)
{
  memset (out, 0, sizeof *out);
  guint max_parts = is_database ? 2 : 3;
  if (name->n_parts == 0 || name->n_parts > max_parts) {
    g_autofree gchar *text = gw_flink_name_to_string (name);
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "%s identifier '%s' is not in the format %s.", is_database ? "Database" : "Object",
                 text, is_database ? "[catalog.]database" : "[[catalog.]database.]object");
    return FALSE;
  }
  g_autofree gchar *catalog = NULL;
  g_autofree gchar *database = NULL;
  if (name->n_parts < max_parts && !gw_duckdb_flink_current (conn, &catalog, &database, error))
    return FALSE;
  guint i = 0;
  if (name->n_parts == max_parts)
    out->catalog = g_strdup (name->parts[i++]);
  else
    out->catalog = g_steal_pointer (&catalog);
  if (!is_database && name->n_parts == 1)
    out->database = g_steal_pointer (&database);
  else
    out->database = g_strdup (name->parts[i++]);
  if (!is_database)
    out->object = g_strdup (name->parts[i]);
  return TRUE;
}

gchar *
gw_duckdb_path_sql (const GwDuckdbPath *path)
{
  g_autofree gchar *c = gw_duckdb_quote_identifier (path->catalog);
  g_autofree gchar *d = gw_duckdb_quote_identifier (path->database);
  if (path->object == NULL)
    return g_strdup_printf ("%s.%s", c, d);
  g_autofree gchar *o = gw_duckdb_quote_identifier (path->object);
  return g_strdup_printf ("%s.%s.%s", c, d, o);
}

gchar *
gw_duckdb_path_flink (const GwDuckdbPath *path)
{
  if (path->object == NULL)
    return g_strdup_printf ("%s.%s", path->catalog, path->database);
  return g_strdup_printf ("%s.%s.%s", path->catalog, path->database, path->object);
}

/* DML reaching execute directly (not through the service's jobs): run it as a job here and
 * answer DuckDB-style with the number of rows written. */
static GwEngineCursor *
run_dml (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GCancellable *cancellable,
         GError **error)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  if (stmt->kind == GW_FLINK_EXECUTE_STATEMENT_SET) {
    for (guint i = 0; i < stmt->statements->len; i++)
      g_ptr_array_add (texts, ((GwFlinkStatement *) stmt->statements->pdata[i])->text);
  } else {
    g_ptr_array_add (texts, stmt->text);
  }
  gint64 rows = gw_duckdb_execute_dml ((GwEngineConnection *) conn,
                                       (const char *const *) texts->pdata, NULL, NULL,
                                       cancellable, error);
  if (rows < 0)
    return NULL;
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "Count", gw_logical_type_new (GW_TYPE_BIGINT, TRUE), NULL);
  GwBatch *batch = gw_batch_new (schema, 1);
  gw_column_append_int64 (batch->columns[0], rows);
  gw_batch_finish (batch);
  return gw_engine_cursor_new_rows (GW_STATEMENT_MODIFY, schema, batch);
}

GwEngineCursor *
gw_duckdb_flink_execute (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                         GCancellable *cancellable, GError **error)
{
  switch (stmt->kind) {
  case GW_FLINK_CREATE_CATALOG:
  case GW_FLINK_DROP_CATALOG:
  case GW_FLINK_ALTER_CATALOG:
  case GW_FLINK_USE_CATALOG:
  case GW_FLINK_SHOW_CATALOGS:
  case GW_FLINK_SHOW_CURRENT_CATALOG:
  case GW_FLINK_DESCRIBE_CATALOG:
  case GW_FLINK_SHOW_CREATE_CATALOG:
  case GW_FLINK_CREATE_DATABASE:
  case GW_FLINK_DROP_DATABASE:
  case GW_FLINK_ALTER_DATABASE:
  case GW_FLINK_USE_DATABASE:
  case GW_FLINK_SHOW_DATABASES:
  case GW_FLINK_SHOW_CURRENT_DATABASE:
    return gw_duckdb_flink_catalog_statement (conn, stmt, error);
  case GW_FLINK_SHOW_TABLES:
  case GW_FLINK_SHOW_VIEWS:
  case GW_FLINK_SHOW_COLUMNS:
  case GW_FLINK_SHOW_FUNCTIONS:
  case GW_FLINK_DESCRIBE_TABLE:
  case GW_FLINK_SHOW_CREATE_TABLE:
  case GW_FLINK_SHOW_CREATE_VIEW:
  case GW_FLINK_EXPLAIN:
    return gw_duckdb_flink_show_statement (conn, stmt, cancellable, error);
  case GW_FLINK_CREATE_TABLE:
  case GW_FLINK_CREATE_VIEW:
  case GW_FLINK_DROP_TABLE:
  case GW_FLINK_DROP_VIEW:
  case GW_FLINK_ALTER_TABLE:
    return gw_duckdb_flink_ddl_statement (conn, stmt, error);
  case GW_FLINK_INSERT:
  case GW_FLINK_CREATE_TABLE_AS:
  case GW_FLINK_EXECUTE_STATEMENT_SET:
    return run_dml (conn, stmt, cancellable, error);
  case GW_FLINK_PASSTHROUGH:
  case GW_FLINK_QUERY:
  default: {
    /* Gateway-level statements reach an engine only when a caller skipped the service; DuckDB
     * then sees them as its own (SET x = y). */
    g_autofree gchar *sql = gw_flink_sql_to_engine (stmt->text);
    return gw_duckdb_cursor_execute_sql (conn, sql, cancellable, error);
  }
  }
}
