/* Flink catalogs on DuckDB: CREATE/DROP/ALTER/USE CATALOG, SHOW CATALOGS, SHOW CURRENT CATALOG,
 * DESCRIBE CATALOG and SHOW CREATE CATALOG (see gw-duckdb-flink-catalog.h for how catalogs map
 * onto attached databases). Database statements are in gw-duckdb-flink-database.c. */
#include "gw-duckdb-flink-catalog.h"
#include "gw-error.h"

#include <string.h>

static gboolean
check_catalog_name (const GwFlinkName *name, GError **error)
{
  if (name->n_parts == 1)
    return TRUE;
  g_autofree gchar *text = gw_flink_name_to_string (name);
  g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
               "Catalog name '%s' must be a simple identifier.", text);
  return FALSE;
}

static GwEngineCursor *
create_catalog (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  const char *name = stmt->name.parts[0];
  g_autoptr (GPtrArray) same = gw_duckdb_select (
    conn->connection,
    "SELECT database_name, (" GW_DUCKDB_USER_CATALOGS ")::VARCHAR FROM duckdb_databases()"
    " WHERE lower(database_name) = lower($1) ORDER BY database_name = $1 DESC", 1, &name, error);
  if (same == NULL)
    return NULL;
  if (same->len > 0) {
    const char *existing = gw_duckdb_cell (same, 0, 0);
    gboolean user = strcmp (gw_duckdb_cell (same, 0, 1), "true") == 0;
    if (user && strcmp (existing, name) == 0) {
      if (stmt->if_not_exists)
        return gw_duckdb_flink_ok ();
      g_set_error (error, GW_ERROR, GW_ERROR_CATALOG, "Catalog %s already exists.", name);
    } else if (user) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Catalog %s conflicts with catalog %s: DuckDB compares catalog names "
                   "case-insensitively.", name, existing);
    } else {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Catalog name %s is reserved by DuckDB.", name);
    }
    return NULL;
  }

  g_autoptr (GTree) options = gw_duckdb_options_new ();
  for (guint i = 0; stmt->options.keys != NULL && stmt->options.keys[i] != NULL; i++)
    g_tree_insert (options, g_strdup (stmt->options.keys[i]), g_strdup (stmt->options.values[i]));
  const char *type = g_tree_lookup (options, "type");
  if (!gw_duckdb_catalog_check_options (type, options, error))
    return NULL;
  const char *path = g_tree_lookup (options, "path");
  if (path != NULL)
    g_tree_insert (options, g_strdup ("path"), gw_duckdb_catalog_absolute_path (path));

  if (!gw_duckdb_catalog_attach (conn->connection, name, options, error))
    return NULL;
  if (!gw_duckdb_catalog_record (conn->connection, name, stmt->comment, options, error)) {
    g_autofree gchar *name_sql = gw_duckdb_quote_identifier (name);
    g_autofree gchar *detach = g_strdup_printf ("DETACH %s", name_sql);
    gw_duckdb_exec (conn->connection, detach, NULL);
    return NULL;
  }
  return gw_duckdb_flink_ok ();
}

static GwEngineCursor *
drop_catalog (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  const char *name = stmt->name.parts[0];
  gboolean exists = FALSE;
  if (!gw_duckdb_catalog_exists (conn->connection, name, &exists, error))
    return NULL;
  if (!exists) {
    if (stmt->if_exists)
      return gw_duckdb_flink_ok ();
    g_set_error (error, GW_ERROR, GW_ERROR_CATALOG, "Catalog %s does not exist.", name);
    return NULL;
  }
  g_autofree gchar *current = NULL;
  if (!gw_duckdb_flink_current (conn, &current, NULL, error))
    return NULL;
  if (strcmp (name, current) == 0) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_CATALOG,
                         "Cannot drop a catalog which is currently in use.");
    return NULL;
  }
  if (strcmp (name, GW_DUCKDB_DEFAULT_CATALOG) == 0) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         "Cannot drop catalog " GW_DUCKDB_DEFAULT_CATALOG ": it is the gateway's "
                         "own database (option 'sql-gateway.engine.duckdb.path').");
    return NULL;
  }
  g_autofree gchar *name_sql = gw_duckdb_quote_identifier (name);
  g_autofree gchar *detach = g_strdup_printf ("DETACH %s", name_sql);
  if (!gw_duckdb_flink_run (conn, detach, error))
    return NULL;
  if (!gw_duckdb_catalog_forget (conn->connection, name, error))
    return NULL;
  return gw_duckdb_flink_ok ();
}

/* SET of options 'type' and 'path', which name the attached database itself: changing them
 * would need a detach and attach of something else under the same name. */
static gboolean
check_fixed_option (const char *name, const char *key, const char *value, GTree *options,
                    GError **error)
{
  if (strcmp (key, "type") != 0 && strcmp (key, "path") != 0)
    return TRUE;
  g_autofree gchar *wanted = strcmp (key, "path") == 0 ? gw_duckdb_catalog_absolute_path (value)
                                                       : g_strdup (value);
  if (g_strcmp0 (wanted, g_tree_lookup (options, key)) == 0)
    return TRUE;
  g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
               "Option '%s' of catalog %s cannot be changed: DuckDB cannot change an attached "
               "database. Drop the catalog and create it again.", key, name);
  return FALSE;
}

static GwEngineCursor *
alter_catalog (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  const char *name = stmt->name.parts[0];
  g_auto (GwDuckdbCatalogInfo) info = { 0 };
  if (!gw_duckdb_catalog_info_load (conn->connection, name, &info, error))
    return NULL;
  if (!info.exists) {
    g_set_error (error, GW_ERROR, GW_ERROR_CATALOG, "Catalog %s does not exist.", name);
    return NULL;
  }
  if (!info.recorded) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Catalog %s is attached by the gateway's configuration and cannot be altered.",
                 name);
    return NULL;
  }
  g_autofree gchar *comment = g_strdup (info.comment);
  g_autofree gchar *old_database =
    g_strdup (gw_duckdb_catalog_options_default_database (info.options));
  if (stmt->reset_keys != NULL) {
    /* Flink's AlterCatalogResetOperation checks */
    if (stmt->reset_keys[0] == NULL) {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           "ALTER CATALOG RESET does not support empty key");
      return NULL;
    }
    for (guint i = 0; stmt->reset_keys[i] != NULL; i++) {
      const char *key = stmt->reset_keys[i];
      if (strcmp (key, "type") == 0 || strcmp (key, "path") == 0) {
        g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                     "ALTER CATALOG RESET does not support changing '%s'", key);
        return NULL;
      }
      g_tree_remove (info.options, key);
    }
  } else if (stmt->options.keys != NULL) {
    for (guint i = 0; stmt->options.keys[i] != NULL; i++) {
      const char *key = stmt->options.keys[i];
      if (!check_fixed_option (name, key, stmt->options.values[i], info.options, error))
        return NULL;
      if (strcmp (key, "path") != 0)
        g_tree_insert (info.options, g_strdup (key), g_strdup (stmt->options.values[i]));
    }
  } else {
    g_free (comment);
    comment = g_strdup (stmt->comment);
  }
  if (!gw_duckdb_catalog_check_options (g_tree_lookup (info.options, "type"), info.options, error))
    return NULL;
  /* A new default database must exist for USE CATALOG to reach it. */
  const char *database = gw_duckdb_catalog_options_default_database (info.options);
  if (strcmp (database, old_database) != 0 && strcmp (database, "main") != 0) {
    g_autofree gchar *name_sql = gw_duckdb_quote_identifier (name);
    g_autofree gchar *database_sql = gw_duckdb_quote_identifier (database);
    g_autofree gchar *create = g_strdup_printf ("CREATE SCHEMA IF NOT EXISTS %s.%s", name_sql,
                                                database_sql);
    if (!gw_duckdb_flink_run (conn, create, error))
      return NULL;
  }
  if (!gw_duckdb_catalog_record (conn->connection, name, comment, info.options, error))
    return NULL;
  return gw_duckdb_flink_ok ();
}

static GwEngineCursor *
use_catalog (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  const char *name = stmt->name.parts[0];
  gboolean exists = FALSE;
  if (!gw_duckdb_catalog_exists (conn->connection, name, &exists, error))
    return NULL;
  if (!exists) {
    g_set_error (error, GW_ERROR, GW_ERROR_CATALOG, "A catalog with name [%s] does not exist.",
                 name);
    return NULL;
  }
  g_autofree gchar *database = gw_duckdb_catalog_default_database (conn->connection, name, error);
  g_autofree gchar *found = NULL;
  if (database == NULL ||
      !gw_duckdb_database_find (conn->connection, name, database, &found, error))
    return NULL;
  if (g_strcmp0 (found, database) != 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_CATALOG,
                 "A database with name [%s] does not exist in the catalog: [%s].", database, name);
    return NULL;
  }
  GwDuckdbPath path = { .catalog = (gchar *) name, .database = database };
  g_autofree gchar *path_sql = gw_duckdb_path_sql (&path);
  g_autofree gchar *use = g_strdup_printf ("USE %s", path_sql);
  return gw_duckdb_flink_run (conn, use, error) ? gw_duckdb_flink_ok () : NULL;
}

/* A cursor over string rows: names n_columns column names, cells n_columns per row. */
static GwEngineCursor *
string_rows (const char *const *names, guint n_columns, GPtrArray *cells)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  for (guint c = 0; c < n_columns; c++)
    gw_result_schema_add_column (
      schema, names[c], gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH),
      NULL);
  GwBatch *batch = gw_batch_new (schema, cells->len / n_columns);
  for (guint i = 0; i < cells->len; i++) {
    const char *cell = cells->pdata[i];
    if (cell == NULL)
      gw_column_append_null (batch->columns[i % n_columns]);
    else
      gw_column_append_bytes (batch->columns[i % n_columns], cell, strlen (cell));
  }
  gw_batch_finish (batch);
  return gw_engine_cursor_new_rows (GW_STATEMENT_CONTENT, schema, batch);
}

static gboolean
add_option_row (gpointer key, gpointer value, gpointer data)
{
  GPtrArray *cells = data;
  if (strcmp (key, "type") != 0) {
    g_ptr_array_add (cells, g_strdup_printf ("option:%s", (const char *) key));
    g_ptr_array_add (cells, g_strdup (value));
  }
  return FALSE;
}

static gchar *
escape_quotes (const char *text, const char *quote)
{
  g_auto (GStrv) parts = g_strsplit (text, quote, -1);
  g_autofree gchar *doubled = g_strconcat (quote, quote, NULL);
  return g_strjoinv (doubled, parts);
}

static gboolean
add_option_line (gpointer key, gpointer value, gpointer data)
{
  g_autofree gchar *k = escape_quotes (key, "'");
  g_autofree gchar *v = escape_quotes (value, "'");
  g_ptr_array_add (data, g_strdup_printf ("  '%s' = '%s'", k, v));
  return FALSE;
}

static gint
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* DESCRIBE CATALOG and SHOW CREATE CATALOG, laid out as Flink's DescribeCatalogOperation and
 * ShowCreateUtil.buildShowCreateCatalogRow do. */
static GwEngineCursor *
describe_catalog (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  const char *name = stmt->name.parts[0];
  g_auto (GwDuckdbCatalogInfo) info = { 0 };
  if (!gw_duckdb_catalog_info_load (conn->connection, name, &info, error))
    return NULL;
  if (!info.exists) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Cannot obtain metadata information from Catalog %s.", name);
    return NULL;
  }
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  if (stmt->kind == GW_FLINK_DESCRIBE_CATALOG) {
    const char *type = g_tree_lookup (info.options, "type");
    /* Flink shows a catalog without comment with an empty one */
    const char *rows[] = { "name", name, "type", type ? type : "", "comment",
                           info.comment ? info.comment : "" };
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_ptr_array_add (cells, g_strdup (rows[i]));
    if (stmt->extended)
      g_tree_foreach (info.options, add_option_row, cells);
    const char *names[] = { "info name", "info value" };
    return string_rows (names, 2, cells);
  }
  g_autofree gchar *quoted = escape_quotes (name, "`");
  g_autoptr (GString) text = g_string_new (NULL);
  g_string_append_printf (text, "CREATE CATALOG `%s`\n", quoted);
  if (info.comment != NULL) {
    g_autofree gchar *comment = escape_quotes (info.comment, "'");
    g_string_append_printf (text, "COMMENT '%s'\n", comment);
  }
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_tree_foreach (info.options, add_option_line, lines);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  if (lines->len > 1) {
    g_autofree gchar *body = g_strjoinv (",\n", (gchar **) lines->pdata);
    g_string_append_printf (text, "WITH (\n%s\n)\n", body);
  }
  g_ptr_array_add (cells, g_strdup (text->str));
  const char *names[] = { "result" };
  return string_rows (names, 1, cells);
}

static GwEngineCursor *
show_catalogs (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  g_autofree gchar *like = gw_duckdb_like_condition (&stmt->like, "database_name");
  g_autofree gchar *sql = g_strdup_printf (
    "SELECT database_name AS \"catalog name\" FROM duckdb_databases()"
    " WHERE " GW_DUCKDB_USER_CATALOGS "%s ORDER BY 1", like);
  return gw_duckdb_flink_query (conn, sql, GW_STATEMENT_CONTENT, NULL, error);
}

GwEngineCursor *
gw_duckdb_flink_catalog_statement (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                                   GError **error)
{
  g_return_val_if_fail (conn != NULL && stmt != NULL, NULL);
  switch (stmt->kind) {
  case GW_FLINK_SHOW_CATALOGS:
    return show_catalogs (conn, stmt, error);
  case GW_FLINK_SHOW_CURRENT_CATALOG:
    return gw_duckdb_flink_query (conn, "SELECT current_database() AS \"current catalog name\"",
                                  GW_STATEMENT_CONTENT, NULL, error);
  case GW_FLINK_CREATE_CATALOG:
  case GW_FLINK_DROP_CATALOG:
  case GW_FLINK_ALTER_CATALOG:
  case GW_FLINK_USE_CATALOG:
  case GW_FLINK_DESCRIBE_CATALOG:
  case GW_FLINK_SHOW_CREATE_CATALOG:
    break;
  default:
    return gw_duckdb_flink_database_statement (conn, stmt, error);
  }
  if (!check_catalog_name (&stmt->name, error))
    return NULL;
  switch (stmt->kind) {
  case GW_FLINK_CREATE_CATALOG:
    return create_catalog (conn, stmt, error);
  case GW_FLINK_DROP_CATALOG:
    return drop_catalog (conn, stmt, error);
  case GW_FLINK_ALTER_CATALOG:
    return alter_catalog (conn, stmt, error);
  case GW_FLINK_USE_CATALOG:
    return use_catalog (conn, stmt, error);
  default:
    return describe_catalog (conn, stmt, error);
  }
}
