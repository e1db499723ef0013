/* Flink databases on DuckDB (schemas of the catalog's attached database): CREATE/DROP/ALTER/USE
 * DATABASE, SHOW DATABASES and SHOW CURRENT DATABASE, with Flink's error texts. Comments and
 * options, which DuckDB schemas cannot hold, live in <catalog>.__gateway.databases. */
#include "gw-duckdb-flink-catalog.h"
#include "gw-error.h"

#include <string.h>

#define DATABASES_TABLE "databases"
/* Flink objects' metadata (gw-duckdb-metadata.c), cleared with the database on CASCADE. */
#define OBJECTS_TABLE   "flink_objects"
/* Flink's CatalogManager.getCatalogOrThrowException (no final period). */
#define CATALOG_NOT_FOUND "Catalog %s does not exist"

/* A resolved [catalog.]database whose catalog exists; *found as gw_duckdb_database_find. */
static gboolean
resolve (GwDuckdbConnection *conn, const GwFlinkName *name, GwDuckdbPath *path, gchar **found,
         GError **error)
{
  if (!gw_duckdb_path_resolve (conn, name, TRUE, path, error))
    return FALSE;
  gboolean exists = FALSE;
  if (!gw_duckdb_catalog_exists (conn->connection, path->catalog, &exists, error))
    return FALSE;
  if (!exists) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, CATALOG_NOT_FOUND, path->catalog);
    return FALSE;
  }
  return gw_duckdb_database_find (conn->connection, path->catalog, path->database, found, error);
}

static gboolean
check_found (const GwDuckdbPath *path, const char *found, GError **error)
{
  if (g_strcmp0 (found, path->database) == 0)
    return TRUE;
  if (found == NULL)
    g_set_error (error, GW_ERROR, GW_ERROR_DATABASE_NOT_EXIST, "Database %s does not exist in Catalog %s.",
                 path->database, path->catalog);
  else
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Database %s does not exist in Catalog %s (DuckDB compares database names "
                 "case-insensitively: it has %s).", path->database, path->catalog, found);
  return FALSE;
}

/* The statements that create the hidden schema and its databases table in catalog. */
static void
add_databases_table (GPtrArray *statements, const char *catalog_sql)
{
  g_ptr_array_add (statements, g_strdup_printf ("CREATE SCHEMA IF NOT EXISTS %s.\""
                                                GW_DUCKDB_METADATA_SCHEMA "\"", catalog_sql));
  g_ptr_array_add (statements, g_strdup_printf (
    "CREATE TABLE IF NOT EXISTS %s.\"" GW_DUCKDB_METADATA_SCHEMA "\"." DATABASES_TABLE
    " (name VARCHAR PRIMARY KEY, comment VARCHAR, options VARCHAR /* JSON object */)",
    catalog_sql));
}

static gchar *
record_sql (const char *catalog_sql, const char *database, const char *comment, GTree *options)
{
  g_autofree gchar *json = gw_duckdb_options_to_json (options);
  g_autofree gchar *name_sql = gw_duckdb_quote_literal (database);
  g_autofree gchar *comment_sql = comment ? gw_duckdb_quote_literal (comment) : g_strdup ("NULL");
  g_autofree gchar *json_sql = gw_duckdb_quote_literal (json);
  return g_strdup_printf ("INSERT OR REPLACE INTO %s.\"" GW_DUCKDB_METADATA_SCHEMA "\"."
                          DATABASES_TABLE " VALUES (%s, %s, %s)", catalog_sql, name_sql,
                          comment_sql, json_sql);
}

static GwEngineCursor *
create_database (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  g_auto (GwDuckdbPath) path = { 0 };
  g_autofree gchar *found = NULL;
  if (!resolve (conn, &stmt->name, &path, &found, error))
    return NULL;
  if (g_strcmp0 (found, path.database) == 0) {
    if (stmt->if_not_exists)
      return gw_duckdb_flink_ok ();
    g_set_error (error, GW_ERROR, GW_ERROR_DATABASE_ALREADY_EXIST, "Database %s already exists in Catalog %s.",
                 path.database, path.catalog);
    return NULL;
  }
  if (found != NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Database %s conflicts with database %s in Catalog %s: DuckDB compares database "
                 "names case-insensitively.", path.database, found, path.catalog);
    return NULL;
  }
  if (strcmp (path.database, GW_DUCKDB_METADATA_SCHEMA) == 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Database name %s is reserved by the gateway.", path.database);
    return NULL;
  }
  g_autofree gchar *catalog_sql = gw_duckdb_quote_identifier (path.catalog);
  g_autofree gchar *path_sql = gw_duckdb_path_sql (&path);
  g_autoptr (GPtrArray) statements = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_ptr_array_add (statements, g_strdup_printf ("CREATE SCHEMA %s", path_sql));
  if (stmt->comment != NULL || stmt->options.keys != NULL) {
    g_autoptr (GTree) options = gw_duckdb_options_new ();
    for (guint i = 0; stmt->options.keys != NULL && stmt->options.keys[i] != NULL; i++)
      g_tree_insert (options, g_strdup (stmt->options.keys[i]),
                     g_strdup (stmt->options.values[i]));
    add_databases_table (statements, catalog_sql);
    g_ptr_array_add (statements, record_sql (catalog_sql, path.database, stmt->comment, options));
  }
  if (!gw_duckdb_transaction (conn->connection, (const char *const *) statements->pdata, error))
    return NULL;
  return gw_duckdb_flink_ok ();
}

/* TRUE in *empty when the database holds no table, view, sequence or macro. */
static gboolean
database_is_empty (GwDuckdbConnection *conn, const GwDuckdbPath *path, gboolean *empty,
                   GError **error)
{
  const char *params[] = { path->catalog, path->database };
  g_autoptr (GPtrArray) rows = gw_duckdb_select (
    conn->connection,
    "SELECT table_name FROM duckdb_tables() WHERE database_name = $1 AND schema_name = $2"
    " UNION ALL SELECT view_name FROM duckdb_views()"
    "  WHERE NOT internal AND database_name = $1 AND schema_name = $2"
    " UNION ALL SELECT sequence_name FROM duckdb_sequences()"
    "  WHERE database_name = $1 AND schema_name = $2"
    " UNION ALL SELECT function_name FROM duckdb_functions()"
    "  WHERE NOT internal AND database_name = $1 AND schema_name = $2 LIMIT 1",
    2, params, error);
  if (rows != NULL)
    *empty = rows->len == 0;
  return rows != NULL;
}

static GwEngineCursor *
drop_database (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  g_auto (GwDuckdbPath) path = { 0 };
  g_autofree gchar *found = NULL;
  g_autofree gchar *current_catalog = NULL;
  g_autofree gchar *current_database = NULL;
  if (!resolve (conn, &stmt->name, &path, &found, error) ||
      !gw_duckdb_flink_current (conn, &current_catalog, &current_database, error))
    return NULL;
  if (strcmp (path.catalog, current_catalog) == 0 &&
      strcmp (path.database, current_database) == 0) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         "Cannot drop a database which is currently in use.");
    return NULL;
  }
  if (found == NULL && stmt->if_exists)
    return gw_duckdb_flink_ok ();
  if (!check_found (&path, found, error))
    return NULL;
  if (strcmp (path.database, "main") == 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Cannot drop database main of Catalog %s: DuckDB's main schema cannot be "
                 "dropped.", path.catalog);
    return NULL;
  }
  gboolean empty = FALSE;
  if (!stmt->cascade) {
    if (!database_is_empty (conn, &path, &empty, error))
      return NULL;
    if (!empty) {
      g_set_error (error, GW_ERROR, GW_ERROR_DATABASE_NOT_EMPTY, "Database %s in catalog %s is not empty.",
                   path.database, path.catalog);
      return NULL;
    }
  }
  gboolean has_databases = FALSE;
  gboolean has_objects = FALSE;
  if (!gw_duckdb_metadata_table_exists (conn->connection, path.catalog, DATABASES_TABLE,
                                        &has_databases, error) ||
      !gw_duckdb_metadata_table_exists (conn->connection, path.catalog, OBJECTS_TABLE,
                                        &has_objects, error))
    return NULL;
  g_autofree gchar *catalog_sql = gw_duckdb_quote_identifier (path.catalog);
  g_autofree gchar *path_sql = gw_duckdb_path_sql (&path);
  g_autofree gchar *name_sql = gw_duckdb_quote_literal (path.database);
  g_autoptr (GPtrArray) statements = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_ptr_array_add (statements, g_strdup_printf ("DROP SCHEMA %s%s", path_sql,
                                                stmt->cascade ? " CASCADE" : ""));
  if (has_databases)
    g_ptr_array_add (statements, g_strdup_printf (
      "DELETE FROM %s.\"" GW_DUCKDB_METADATA_SCHEMA "\"." DATABASES_TABLE " WHERE name = %s",
      catalog_sql, name_sql));
  if (has_objects)
    g_ptr_array_add (statements, g_strdup_printf (
      "DELETE FROM %s.\"" GW_DUCKDB_METADATA_SCHEMA "\"." OBJECTS_TABLE " WHERE \"database\" = %s",
      catalog_sql, name_sql));
  if (!gw_duckdb_transaction (conn->connection, (const char *const *) statements->pdata, error))
    return NULL;
  return gw_duckdb_flink_ok ();
}

static GwEngineCursor *
alter_database (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  g_auto (GwDuckdbPath) path = { 0 };
  g_autofree gchar *found = NULL;
  if (!resolve (conn, &stmt->name, &path, &found, error) || !check_found (&path, found, error))
    return NULL;
  gboolean has_databases = FALSE;
  if (!gw_duckdb_metadata_table_exists (conn->connection, path.catalog, DATABASES_TABLE,
                                        &has_databases, error))
    return NULL;
  g_autofree gchar *comment = NULL;
  g_autoptr (GTree) options = NULL;
  if (has_databases) {
    g_autofree gchar *sql = NULL;
    g_autofree gchar *catalog_sql = gw_duckdb_quote_identifier (path.catalog);
    sql = g_strdup_printf ("SELECT comment, options FROM %s.\"" GW_DUCKDB_METADATA_SCHEMA "\"."
                           DATABASES_TABLE " WHERE name = $1", catalog_sql);
    const char *database = path.database;
    g_autoptr (GPtrArray) rows = gw_duckdb_select (conn->connection, sql, 1, &database, error);
    if (rows == NULL)
      return NULL;
    if (rows->len > 0) {
      comment = g_strdup (gw_duckdb_cell (rows, 0, 0));
      options = gw_duckdb_options_from_json (conn->connection, gw_duckdb_cell (rows, 0, 1),
                                             error);
      if (options == NULL)
        return NULL;
    }
  }
  if (options == NULL)
    options = gw_duckdb_options_new ();
  for (guint i = 0; stmt->options.keys != NULL && stmt->options.keys[i] != NULL; i++)
    g_tree_insert (options, g_strdup (stmt->options.keys[i]), g_strdup (stmt->options.values[i]));
  if (stmt->comment != NULL) {
    g_free (comment);
    comment = g_strdup (stmt->comment);
  }
  g_autofree gchar *catalog_sql = gw_duckdb_quote_identifier (path.catalog);
  g_autoptr (GPtrArray) statements = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  add_databases_table (statements, catalog_sql);
  g_ptr_array_add (statements, record_sql (catalog_sql, path.database, comment, options));
  if (!gw_duckdb_transaction (conn->connection, (const char *const *) statements->pdata, error))
    return NULL;
  return gw_duckdb_flink_ok ();
}

static GwEngineCursor *
use_database (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  g_auto (GwDuckdbPath) path = { 0 };
  if (!gw_duckdb_path_resolve (conn, &stmt->name, TRUE, &path, error))
    return NULL;
  gboolean exists = FALSE;
  g_autofree gchar *found = NULL;
  if (!gw_duckdb_catalog_exists (conn->connection, path.catalog, &exists, error))
    return NULL;
  if (!exists) {
    g_set_error (error, GW_ERROR, GW_ERROR_CATALOG, "A catalog with name [%s] does not exist.",
                 path.catalog);
    return NULL;
  }
  if (!gw_duckdb_database_find (conn->connection, path.catalog, path.database, &found, error))
    return NULL;
  if (g_strcmp0 (found, path.database) != 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_CATALOG,
                 "A database with name [%s] does not exist in the catalog: [%s].", path.database,
                 path.catalog);
    return NULL;
  }
  g_autofree gchar *path_sql = gw_duckdb_path_sql (&path);
  g_autofree gchar *use = g_strdup_printf ("USE %s", path_sql);
  return gw_duckdb_flink_run (conn, use, error) ? gw_duckdb_flink_ok () : NULL;
}

static GwEngineCursor *
show_databases (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  g_autofree gchar *catalog = NULL;
  if (stmt->from.n_parts > 0) {
    gboolean exists = FALSE;
    catalog = g_strdup (stmt->from.parts[0]);
    if (!gw_duckdb_catalog_exists (conn->connection, catalog, &exists, error))
      return NULL;
    if (stmt->from.n_parts > 1 || !exists) {
      g_autofree gchar *text = gw_flink_name_to_string (&stmt->from);
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, CATALOG_NOT_FOUND,
                   stmt->from.n_parts > 1 ? text : catalog);
      return NULL;
    }
  } else if (!gw_duckdb_flink_current (conn, &catalog, NULL, error)) {
    return NULL;
  }
  g_autofree gchar *default_database = gw_duckdb_catalog_default_database (conn->connection,
                                                                           catalog, error);
  if (default_database == NULL)
    return NULL;
  g_autofree gchar *catalog_sql = gw_duckdb_quote_literal (catalog);
  g_autofree gchar *default_sql = gw_duckdb_quote_literal (default_database);
  g_autofree gchar *like = gw_duckdb_like_condition (&stmt->like, "schema_name");
  /* `main` is always there in DuckDB but means nothing to a Flink user until it holds objects. */
  g_autofree gchar *sql = g_strdup_printf (
    "SELECT schema_name AS \"database name\" FROM duckdb_schemas() s"
    " WHERE database_name = %s"
    " AND schema_name NOT IN ('" GW_DUCKDB_METADATA_SCHEMA "', 'information_schema', 'pg_catalog')"
    " AND (NOT internal OR schema_name = 'main')"
    " AND (schema_name <> 'main' OR %s = 'main'"
    "  OR (current_database() = database_name AND current_schema() = 'main')"
    "  OR EXISTS (SELECT 1 FROM duckdb_tables() t"
    "   WHERE t.database_name = s.database_name AND t.schema_name = 'main')"
    "  OR EXISTS (SELECT 1 FROM duckdb_views() v"
    "   WHERE NOT v.internal AND v.database_name = s.database_name AND v.schema_name = 'main'))"
    "%s ORDER BY 1",
    catalog_sql, default_sql, like);
  return gw_duckdb_flink_query (conn, sql, GW_STATEMENT_CONTENT, NULL, error);
}

GwEngineCursor *
gw_duckdb_flink_database_statement (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                                    GError **error)
{
  switch (stmt->kind) {
  case GW_FLINK_CREATE_DATABASE:
    return create_database (conn, stmt, error);
  case GW_FLINK_DROP_DATABASE:
    return drop_database (conn, stmt, error);
  case GW_FLINK_ALTER_DATABASE:
    return alter_database (conn, stmt, error);
  case GW_FLINK_USE_DATABASE:
    return use_database (conn, stmt, error);
  case GW_FLINK_SHOW_DATABASES:
    return show_databases (conn, stmt, error);
  case GW_FLINK_SHOW_CURRENT_DATABASE:
    return gw_duckdb_flink_query (conn, "SELECT current_schema() AS \"current database name\"",
                                  GW_STATEMENT_CONTENT, NULL, error);
  default:
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL,
                 "Statement kind %d is not a catalog or database statement", stmt->kind);
    return NULL;
  }
}
