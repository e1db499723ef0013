/* Flink metadata of tables and views, kept beside DuckDB's catalog: one row of normalized Flink DDL
 * per object in "<catalog>"."__gateway"."flink_objects" (persistent, lives in the catalog's file),
 * or in temp.main."__gateway_flink_objects" for TEMPORARY objects (connection = session scoped). */
#include "gw-duckdb-metadata.h"
#include "gw-error.h"

#include <string.h>

#define OBJECTS_TABLE      "flink_objects"
#define TEMP_OBJECTS_TABLE "__gateway_flink_objects"

/* Runs sql and keeps its (materialized) result; errors are GW_ERROR_INTERNAL because every
 * statement here is ours. */
static gboolean
query (GwDuckdbConnection *conn, const char *sql, duckdb_result *result, GError **error)
{
  if (duckdb_query (conn->connection, sql, result) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Flink metadata: %s",
                 duckdb_result_error (result));
    duckdb_destroy_result (result);
    return FALSE;
  }
  return TRUE;
}

static gboolean
run (GwDuckdbConnection *conn, const char *sql, GError **error)
{
  duckdb_result result;
  if (!query (conn, sql, &result, error))
    return FALSE;
  duckdb_destroy_result (&result);
  return TRUE;
}

/* TRUE when schema.table exists in catalog. A lookup must not fail on a missing table: inside a
 * transaction any failed statement aborts the whole transaction (CTAS runs in one). */
static gboolean
table_exists (GwDuckdbConnection *conn, const char *catalog, const char *schema,
              const char *table, gboolean *exists, GError **error)
{
  g_autofree gchar *c = gw_duckdb_quote_literal (catalog);
  g_autofree gchar *s = gw_duckdb_quote_literal (schema);
  g_autofree gchar *t = gw_duckdb_quote_literal (table);
  g_autofree gchar *sql = g_strdup_printf (
      "SELECT count(*) FROM duckdb_tables() WHERE database_name = %s AND schema_name = %s "
      "AND table_name = %s", c, s, t);
  duckdb_result result;
  if (!query (conn, sql, &result, error))
    return FALSE;
  *exists = duckdb_value_int64 (&result, 0, 0) > 0;
  duckdb_destroy_result (&result);
  return TRUE;
}

static gboolean
ensure_temp_table (GwDuckdbConnection *conn, GError **error)
{
  return run (conn,
              "CREATE TEMP TABLE IF NOT EXISTS \"" TEMP_OBJECTS_TABLE "\" (catalog VARCHAR, "
              "database VARCHAR, name VARCHAR, ddl VARCHAR, PRIMARY KEY (catalog, database, name))",
              error);
}

static gboolean
ensure_table (GwDuckdbConnection *conn, const char *catalog, GError **error)
{
  g_autofree gchar *c = gw_duckdb_quote_identifier (catalog);
  g_autofree gchar *schema = g_strdup_printf ("CREATE SCHEMA IF NOT EXISTS %s.\""
                                              GW_DUCKDB_METADATA_SCHEMA "\"", c);
  g_autofree gchar *table = g_strdup_printf (
      "CREATE TABLE IF NOT EXISTS %s.\"" GW_DUCKDB_METADATA_SCHEMA "\".\"" OBJECTS_TABLE "\" "
      "(database VARCHAR, name VARCHAR, ddl VARCHAR, PRIMARY KEY (database, name))", c);
  return run (conn, schema, error) && run (conn, table, error);
}

/* The WHERE clause selecting path's row in the temporary or the catalog's table. */
static gchar *
row_condition (const GwDuckdbPath *path, gboolean temporary)
{
  g_autofree gchar *d = gw_duckdb_quote_literal (path->database);
  g_autofree gchar *n = gw_duckdb_quote_literal (path->object);
  if (!temporary)
    return g_strdup_printf ("database = %s AND name = %s", d, n);
  g_autofree gchar *c = gw_duckdb_quote_literal (path->catalog);
  return g_strdup_printf ("catalog = %s AND database = %s AND name = %s", c, d, n);
}

static gchar *
table_sql (const char *catalog, gboolean temporary)
{
  if (temporary)
    return g_strdup ("temp.main.\"" TEMP_OBJECTS_TABLE "\"");
  g_autofree gchar *c = gw_duckdb_quote_identifier (catalog);
  return g_strdup_printf ("%s.\"" GW_DUCKDB_METADATA_SCHEMA "\".\"" OBJECTS_TABLE "\"", c);
}

/* *ddl = the stored DDL of path, or NULL. */
static gboolean
read_ddl (GwDuckdbConnection *conn, const GwDuckdbPath *path, gboolean temporary, gchar **ddl,
          GError **error)
{
  *ddl = NULL;
  gboolean exists = FALSE;
  if (!table_exists (conn, temporary ? "temp" : path->catalog,
                     temporary ? "main" : GW_DUCKDB_METADATA_SCHEMA,
                     temporary ? TEMP_OBJECTS_TABLE : OBJECTS_TABLE, &exists, error))
    return FALSE;
  if (!exists)
    return TRUE;
  g_autofree gchar *table = table_sql (path->catalog, temporary);
  g_autofree gchar *condition = row_condition (path, temporary);
  g_autofree gchar *sql = g_strdup_printf ("SELECT ddl FROM %s WHERE %s", table, condition);
  duckdb_result result;
  if (!query (conn, sql, &result, error))
    return FALSE;
  if (duckdb_row_count (&result) > 0) {
    char *text = duckdb_value_varchar (&result, 0, 0);
    *ddl = g_strdup (text);
    duckdb_free (text);
  }
  duckdb_destroy_result (&result);
  return TRUE;
}

gboolean
gw_duckdb_metadata_lookup_one (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                               gboolean temporary, GwFlinkStatement **out, GError **error)
{
  g_return_val_if_fail (conn != NULL && path != NULL && path->object != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  g_autofree gchar *ddl = NULL;
  if (!read_ddl (conn, path, temporary, &ddl, error))
    return FALSE;
  if (ddl == NULL)
    return TRUE;
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GwFlinkStatement) stmt = gw_flink_statement_parse (ddl, &parse_error);
  if (stmt == NULL || (stmt->kind != GW_FLINK_CREATE_TABLE && stmt->kind != GW_FLINK_CREATE_VIEW)) {
    g_autofree gchar *name = gw_duckdb_path_flink (path);
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL,
                 "The stored Flink definition of %s does not parse: %s", name,
                 parse_error != NULL ? parse_error->message : ddl);
    return FALSE;
  }
  *out = g_steal_pointer (&stmt);
  return TRUE;
}

gboolean
gw_duckdb_metadata_lookup (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                           GwFlinkStatement **out, gboolean *temporary, GError **error)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (temporary != NULL)
    *temporary = FALSE;
  /* A temporary object shadows the permanent one of the same path. */
  if (!gw_duckdb_metadata_lookup_one (conn, path, TRUE, out, error))
    return FALSE;
  if (*out != NULL) {
    if (temporary != NULL)
      *temporary = TRUE;
    return TRUE;
  }
  return gw_duckdb_metadata_lookup_one (conn, path, FALSE, out, error);
}

gboolean
gw_duckdb_metadata_store (GwDuckdbConnection *conn, const GwDuckdbPath *path, gboolean temporary,
                          const char *ddl, GError **error)
{
  g_return_val_if_fail (conn != NULL && path != NULL && path->object != NULL, FALSE);
  g_return_val_if_fail (ddl != NULL, FALSE);

  if (!(temporary ? ensure_temp_table (conn, error) : ensure_table (conn, path->catalog, error)))
    return FALSE;
  g_autofree gchar *table = table_sql (path->catalog, temporary);
  g_autofree gchar *c = gw_duckdb_quote_literal (path->catalog);
  g_autofree gchar *d = gw_duckdb_quote_literal (path->database);
  g_autofree gchar *n = gw_duckdb_quote_literal (path->object);
  g_autofree gchar *text = gw_duckdb_quote_literal (ddl);
  g_autofree gchar *sql = temporary
      ? g_strdup_printf ("INSERT OR REPLACE INTO %s VALUES (%s, %s, %s, %s)", table, c, d, n, text)
      : g_strdup_printf ("INSERT OR REPLACE INTO %s VALUES (%s, %s, %s)", table, d, n, text);
  return run (conn, sql, error);
}

gboolean
gw_duckdb_metadata_delete (GwDuckdbConnection *conn, const GwDuckdbPath *path, gboolean temporary,
                           GError **error)
{
  g_return_val_if_fail (conn != NULL && path != NULL && path->object != NULL, FALSE);

  gboolean exists = FALSE;
  if (!table_exists (conn, temporary ? "temp" : path->catalog,
                     temporary ? "main" : GW_DUCKDB_METADATA_SCHEMA,
                     temporary ? TEMP_OBJECTS_TABLE : OBJECTS_TABLE, &exists, error))
    return FALSE;
  if (!exists)
    return TRUE;
  g_autofree gchar *table = table_sql (path->catalog, temporary);
  g_autofree gchar *condition = row_condition (path, temporary);
  g_autofree gchar *sql = g_strdup_printf ("DELETE FROM %s WHERE %s", table, condition);
  return run (conn, sql, error);
}

/* Adds the objects of one metadata table (rows of name, ddl) to names. */
static gboolean
list_into (GwDuckdbConnection *conn, const char *sql, GHashTable *names, GError **error)
{
  duckdb_result result;
  if (!query (conn, sql, &result, error))
    return FALSE;
  idx_t rows = duckdb_row_count (&result);
  for (idx_t row = 0; row < rows; row++) {
    char *name = duckdb_value_varchar (&result, 0, row);
    char *ddl = duckdb_value_varchar (&result, 1, row);
    g_autoptr (GwFlinkStatement) stmt = gw_flink_statement_parse (ddl, NULL);
    if (stmt != NULL && (stmt->kind == GW_FLINK_CREATE_TABLE || stmt->kind == GW_FLINK_CREATE_VIEW))
      g_hash_table_insert (names, g_strdup (name), GINT_TO_POINTER (stmt->kind));
    duckdb_free (name);
    duckdb_free (ddl);
  }
  duckdb_destroy_result (&result);
  return TRUE;
}

GHashTable *
gw_duckdb_metadata_list (GwDuckdbConnection *conn, const char *catalog, const char *database,
                         GError **error)
{
  g_return_val_if_fail (conn != NULL && catalog != NULL && database != NULL, NULL);

  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gchar *c = gw_duckdb_quote_literal (catalog);
  g_autofree gchar *d = gw_duckdb_quote_literal (database);
  gboolean exists = FALSE;

  if (!table_exists (conn, catalog, GW_DUCKDB_METADATA_SCHEMA, OBJECTS_TABLE, &exists, error))
    return NULL;
  if (exists) {
    g_autofree gchar *table = table_sql (catalog, FALSE);
    g_autofree gchar *sql = g_strdup_printf ("SELECT name, ddl FROM %s WHERE database = %s",
                                             table, d);
    if (!list_into (conn, sql, names, error))
      return NULL;
  }
  /* Temporary objects last: they shadow permanent ones of the same name. */
  if (!table_exists (conn, "temp", "main", TEMP_OBJECTS_TABLE, &exists, error))
    return NULL;
  if (exists) {
    g_autofree gchar *sql = g_strdup_printf (
        "SELECT name, ddl FROM temp.main.\"" TEMP_OBJECTS_TABLE "\" "
        "WHERE catalog = %s AND database = %s", c, d);
    if (!list_into (conn, sql, names, error))
      return NULL;
  }
  return g_steal_pointer (&names);
}
