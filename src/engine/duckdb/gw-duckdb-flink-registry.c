/* What the DuckDB engine knows of Flink catalogs and databases: lookups in DuckDB's own catalog,
 * the catalog registry (default_catalog.__gateway.catalogs) that brings created catalogs back at
 * start, and the SQL helpers the catalog and database statements share. The decisions behind it
 * are in gw-duckdb-flink-catalog.h. */
#include "gw-duckdb-flink-catalog.h"
#include "gw-error.h"
#include "gw-json.h"

#include <string.h>

#define REGISTRY_TABLE "catalogs"
#define REGISTRY \
  GW_DUCKDB_DEFAULT_CATALOG ".\"" GW_DUCKDB_METADATA_SCHEMA "\"." REGISTRY_TABLE
#define FACTORY_ERROR                                                                          \
  "Could not find any factory for identifier '%s' that implements "                            \
  "'org.apache.flink.table.factories.CatalogFactory' in the classpath.\n\n"                    \
  "Available factory identifiers are:\n\nduckdb\ngeneric_in_memory"

/* ---- SQL helpers ---- */

static void
row_free (gpointer row)
{
  g_ptr_array_unref (row);
}

GPtrArray *
gw_duckdb_select (duckdb_connection connection, const char *sql, guint n_params,
                  const char *const *params, GError **error)
{
  duckdb_prepared_statement prepared = NULL;
  if (duckdb_prepare (connection, sql, &prepared) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_prepare_error (prepared));
    duckdb_destroy_prepare (&prepared);
    return NULL;
  }
  for (guint i = 0; i < n_params; i++) {
    if (params[i] != NULL)
      duckdb_bind_varchar (prepared, i + 1, params[i]);
    else
      duckdb_bind_null (prepared, i + 1);
  }
  duckdb_result result;
  gboolean ok = duckdb_execute_prepared (prepared, &result) == DuckDBSuccess;
  duckdb_destroy_prepare (&prepared);
  if (!ok) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return NULL;
  }
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  idx_t n_columns = duckdb_column_count (&result);
  duckdb_data_chunk chunk;
  while ((chunk = duckdb_fetch_chunk (result)) != NULL) {
    idx_t size = duckdb_data_chunk_get_size (chunk);
    for (idx_t r = 0; r < size; r++) {
      GPtrArray *row = g_ptr_array_new_full (n_columns, g_free);
      for (idx_t c = 0; c < n_columns; c++) {
        duckdb_vector vector = duckdb_data_chunk_get_vector (chunk, c);
        uint64_t *validity = duckdb_vector_get_validity (vector);
        duckdb_string_t *data = duckdb_vector_get_data (vector);
        if (validity != NULL && !duckdb_validity_row_is_valid (validity, r))
          g_ptr_array_add (row, NULL);
        else
          g_ptr_array_add (row, g_strndup (duckdb_string_t_data (&data[r]),
                                           duckdb_string_t_length (data[r])));
      }
      g_ptr_array_add (rows, row);
    }
    duckdb_destroy_data_chunk (&chunk);
  }
  duckdb_destroy_result (&result);
  return rows;
}

gboolean
gw_duckdb_exec (duckdb_connection connection, const char *sql, GError **error)
{
  duckdb_result result;
  gboolean ok = duckdb_query (connection, sql, &result) == DuckDBSuccess;
  if (!ok)
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_result_error (&result));
  duckdb_destroy_result (&result);
  return ok;
}

gboolean
gw_duckdb_transaction (duckdb_connection connection, const char *const *statements,
                       GError **error)
{
  if (!gw_duckdb_exec (connection, "BEGIN TRANSACTION", error))
    return FALSE;
  for (guint i = 0; statements[i] != NULL; i++) {
    if (!gw_duckdb_exec (connection, statements[i], error)) {
      gw_duckdb_exec (connection, "ROLLBACK", NULL);
      return FALSE;
    }
  }
  return gw_duckdb_exec (connection, "COMMIT", error);
}

gboolean
gw_duckdb_catalog_exists (duckdb_connection connection, const char *catalog, gboolean *exists,
                          GError **error)
{
  g_autoptr (GPtrArray) rows = gw_duckdb_select (
    connection, "SELECT database_name FROM duckdb_databases() WHERE " GW_DUCKDB_USER_CATALOGS
    " AND database_name = $1", 1, &catalog, error);
  if (rows != NULL)
    *exists = rows->len > 0;
  return rows != NULL;
}

gboolean
gw_duckdb_database_find (duckdb_connection connection, const char *catalog, const char *database,
                         gchar **found, GError **error)
{
  const char *params[] = { catalog, database };
  g_autoptr (GPtrArray) rows = gw_duckdb_select (
    connection,
    "SELECT schema_name FROM duckdb_schemas() WHERE database_name = $1"
    " AND lower(schema_name) = lower($2)"
    " AND schema_name NOT IN ('" GW_DUCKDB_METADATA_SCHEMA "', 'information_schema', 'pg_catalog')"
    " ORDER BY schema_name = $2 DESC",
    2, params, error);
  if (rows == NULL)
    return FALSE;
  *found = rows->len > 0 ? g_strdup (gw_duckdb_cell (rows, 0, 0)) : NULL;
  return TRUE;
}

gboolean
gw_duckdb_metadata_table_exists (duckdb_connection connection, const char *catalog,
                                 const char *table, gboolean *exists, GError **error)
{
  const char *params[] = { catalog, table };
  g_autoptr (GPtrArray) rows = gw_duckdb_select (
    connection,
    "SELECT table_name FROM duckdb_tables() WHERE database_name = $1"
    " AND schema_name = '" GW_DUCKDB_METADATA_SCHEMA "' AND table_name = $2",
    2, params, error);
  if (rows != NULL)
    *exists = rows->len > 0;
  return rows != NULL;
}

gchar *
gw_duckdb_like_condition (const GwFlinkLike *like, const char *column)
{
  if (like->pattern == NULL)
    return g_strdup ("");
  g_autofree gchar *pattern = gw_duckdb_quote_literal (like->pattern);
  /* Flink's SqlLikeUtils also takes '\' as the escape character. */
  return g_strdup_printf (" AND %s %s%s %s ESCAPE '\\'", column, like->negated ? "NOT " : "",
                          like->case_insensitive ? "ILIKE" : "LIKE", pattern);
}

static gint
compare_keys (gconstpointer a, gconstpointer b, gpointer data)
{
  return strcmp (a, b);
}

GTree *
gw_duckdb_options_new (void)
{
  return g_tree_new_full (compare_keys, NULL, g_free, g_free);
}

static gboolean
append_json_option (gpointer key, gpointer value, gpointer data)
{
  GString *json = data;
  if (json->len > 1)
    g_string_append_c (json, ',');
  gw_json_append_key (json, key);
  gw_json_append_string (json, value, -1);
  return FALSE;
}

gchar *
gw_duckdb_options_to_json (GTree *options)
{
  GString *json = g_string_new ("{");
  g_tree_foreach (options, append_json_option, json);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

GTree *
gw_duckdb_options_from_json (duckdb_connection connection, const char *json, GError **error)
{
  g_autoptr (GTree) options = gw_duckdb_options_new ();
  if (json == NULL)
    return g_steal_pointer (&options);
  g_autoptr (GPtrArray) rows = gw_duckdb_select (
    connection, "SELECT key, value ->> '$' FROM json_each($1::JSON)", 1, &json, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    g_tree_insert (options, g_strdup (gw_duckdb_cell (rows, i, 0)),
                   g_strdup (gw_duckdb_cell (rows, i, 1)));
  return g_steal_pointer (&options);
}

/* ---- the registry ---- */

void
gw_duckdb_catalog_info_clear (GwDuckdbCatalogInfo *info)
{
  g_clear_pointer (&info->comment, g_free);
  g_clear_pointer (&info->options, g_tree_unref);
}

gboolean
gw_duckdb_catalog_info_load (duckdb_connection connection, const char *name,
                             GwDuckdbCatalogInfo *info, GError **error)
{
  memset (info, 0, sizeof *info);
  g_autoptr (GPtrArray) attached = gw_duckdb_select (
    connection,
    "SELECT coalesce(path, ':memory:') FROM duckdb_databases() WHERE " GW_DUCKDB_USER_CATALOGS
    " AND database_name = $1", 1, &name, error);
  gboolean has_registry = FALSE;
  if (attached == NULL ||
      !gw_duckdb_metadata_table_exists (connection, GW_DUCKDB_DEFAULT_CATALOG, REGISTRY_TABLE,
                                        &has_registry, error))
    return FALSE;
  info->exists = attached->len > 0;
  if (!info->exists)
    return TRUE;
  g_autoptr (GPtrArray) rows = NULL;
  if (has_registry) {
    rows = gw_duckdb_select (connection,
                             "SELECT comment, options FROM " REGISTRY " WHERE name = $1", 1, &name,
                             error);
    if (rows == NULL)
      return FALSE;
  }
  if (rows != NULL && rows->len > 0) {
    info->recorded = TRUE;
    info->comment = g_strdup (gw_duckdb_cell (rows, 0, 0));
    info->options = gw_duckdb_options_from_json (connection, gw_duckdb_cell (rows, 0, 1), error);
    return info->options != NULL;
  }
  info->options = gw_duckdb_options_new ();
  g_tree_insert (info->options, g_strdup ("type"), g_strdup ("duckdb"));
  g_tree_insert (info->options, g_strdup ("path"), g_strdup (gw_duckdb_cell (attached, 0, 0)));
  return TRUE;
}

/* The default database of a recorded catalog from its options (see the header comment). */
const char *
gw_duckdb_catalog_options_default_database (GTree *options)
{
  const char *database = g_tree_lookup (options, "default-database");
  if (database != NULL)
    return database;
  return g_strcmp0 (g_tree_lookup (options, "type"), "generic_in_memory") == 0 ? "default"
                                                                             : "main";
}

gchar *
gw_duckdb_catalog_default_database (duckdb_connection connection, const char *catalog,
                                    GError **error)
{
  g_auto (GwDuckdbCatalogInfo) info = { 0 };
  if (!gw_duckdb_catalog_info_load (connection, catalog, &info, error))
    return NULL;
  if (info.recorded)
    return g_strdup (gw_duckdb_catalog_options_default_database (info.options));
  g_autofree gchar *found = NULL;
  if (!gw_duckdb_database_find (connection, catalog, "default_database", &found, error))
    return NULL;
  return g_strdup (g_strcmp0 (found, "default_database") == 0 ? "default_database" : "main");
}

/* Writes (replaces) the registry row of name, in one transaction with the hidden schema. */
gboolean
gw_duckdb_catalog_record (duckdb_connection connection, const char *name, const char *comment,
                          GTree *options, GError **error)
{
  g_autofree gchar *json = gw_duckdb_options_to_json (options);
  g_autofree gchar *name_sql = gw_duckdb_quote_literal (name);
  g_autofree gchar *comment_sql = comment ? gw_duckdb_quote_literal (comment) : g_strdup ("NULL");
  g_autofree gchar *json_sql = gw_duckdb_quote_literal (json);
  g_autofree gchar *insert = g_strdup_printf ("INSERT OR REPLACE INTO " REGISTRY
                                              " VALUES (%s, %s, %s)", name_sql, comment_sql,
                                              json_sql);
  const char *statements[] = {
    "CREATE SCHEMA IF NOT EXISTS " GW_DUCKDB_DEFAULT_CATALOG ".\"" GW_DUCKDB_METADATA_SCHEMA "\"",
    "CREATE TABLE IF NOT EXISTS " REGISTRY
    " (name VARCHAR PRIMARY KEY, comment VARCHAR, options VARCHAR /* JSON object */)",
    insert,
    NULL,
  };
  return gw_duckdb_transaction (connection, statements, error);
}

/* ---- attaching ---- */

/* ATTACHes the catalog's database and creates its default database. Only the type and the path
 * (already absolute) matter here. */
gboolean
gw_duckdb_catalog_attach (duckdb_connection connection, const char *name, GTree *options,
                          GError **error)
{
  const char *type = g_tree_lookup (options, "type");
  const char *path = g_strcmp0 (type, "duckdb") == 0 ? g_tree_lookup (options, "path")
                                                     : ":memory:";
  /* only a damaged registry row gets here without them */
  if (path == NULL || (g_strcmp0 (type, "duckdb") != 0 &&
                       g_strcmp0 (type, "generic_in_memory") != 0)) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Catalog %s has no valid 'type' and 'path' options.", name);
    return FALSE;
  }
  g_autofree gchar *path_sql = gw_duckdb_quote_literal (path);
  g_autofree gchar *name_sql = gw_duckdb_quote_identifier (name);
  g_autofree gchar *attach = g_strdup_printf ("ATTACH %s AS %s", path_sql, name_sql);
  duckdb_result result;
  if (duckdb_query (connection, attach, &result) == DuckDBError) {
    if (duckdb_result_error_type (&result) == DUCKDB_ERROR_PERMISSION)
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Cannot open the DuckDB file '%s' of catalog %s: the gateway may only open "
                   "files inside the directories of option "
                   "'sql-gateway.engine.duckdb.allowed-directories'.", path, name);
    else
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Cannot open the DuckDB database '%s' of catalog %s: %s", path, name,
                   duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return FALSE;
  }
  duckdb_destroy_result (&result);
  const char *database = gw_duckdb_catalog_options_default_database (options);
  if (strcmp (database, "main") == 0)
    return TRUE;
  g_autofree gchar *database_sql = gw_duckdb_quote_identifier (database);
  g_autofree gchar *create = g_strdup_printf ("CREATE SCHEMA IF NOT EXISTS %s.%s", name_sql,
                                              database_sql);
  if (!gw_duckdb_exec (connection, create, error)) {
    g_autofree gchar *detach = g_strdup_printf ("DETACH %s", name_sql);
    gw_duckdb_exec (connection, detach, NULL);
    return FALSE;
  }
  return TRUE;
}

gboolean
gw_duckdb_flink_restore_catalogs (duckdb_connection connection, GError **error)
{
  gboolean has_registry = FALSE;
  if (!gw_duckdb_metadata_table_exists (connection, GW_DUCKDB_DEFAULT_CATALOG, REGISTRY_TABLE,
                                        &has_registry, error))
    return FALSE;
  if (!has_registry)
    return TRUE;
  g_autoptr (GPtrArray) rows = gw_duckdb_select (
    connection, "SELECT name, options FROM " REGISTRY " ORDER BY name", 0, NULL, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++) {
    const char *name = gw_duckdb_cell (rows, i, 0);
    g_autoptr (GError) local_error = NULL;
    g_autoptr (GTree) options = gw_duckdb_options_from_json (connection,
                                                             gw_duckdb_cell (rows, i, 1),
                                                             &local_error);
    gboolean attached = FALSE;
    /* One catalog that cannot come back (its file gone) must not keep the gateway down. */
    if (options == NULL || !gw_duckdb_catalog_exists (connection, name, &attached, &local_error))
      g_warning ("Cannot restore catalog %s: %s", name, local_error->message);
    else if (attached)
      g_warning ("Catalog %s is also configured in sql-gateway.engine.duckdb.catalogs; the "
                 "configured one is used", name);
    else if (!gw_duckdb_catalog_attach (connection, name, options, &local_error))
      g_warning ("Cannot restore catalog %s: %s", name, local_error->message);
  }
  return TRUE;
}

/* ---- options as Flink's catalog factories check them ---- */

typedef struct {
  const char *const *supported;
  GString           *list;  /* the unsupported keys, sorted, one a line */
} UnsupportedKeys;

static gboolean
collect_unsupported (gpointer key, gpointer value, gpointer data)
{
  UnsupportedKeys *keys = data;
  if (strcmp (key, "type") != 0 && !g_strv_contains (keys->supported, key))
    g_string_append_printf (keys->list, "%s%s", keys->list->len ? "\n" : "", (const char *) key);
  return FALSE;
}

gboolean
gw_duckdb_catalog_check_options (const char *type, GTree *options, GError **error)
{
  static const char *const generic_keys[] = { "default-database", "property-version", NULL };
  static const char *const duckdb_keys[] = { "default-database", "path", "property-version",
                                             NULL };
  if (type == NULL) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         "Catalog options do not contain an option key 'type' for discovering a "
                         "catalog.");
    return FALSE;
  }
  gboolean is_duckdb = strcmp (type, "duckdb") == 0;
  if (!is_duckdb && strcmp (type, "generic_in_memory") != 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, FACTORY_ERROR, type);
    return FALSE;
  }
  UnsupportedKeys unsupported = { is_duckdb ? duckdb_keys : generic_keys, g_string_new (NULL) };
  g_tree_foreach (options, collect_unsupported, &unsupported);
  g_autoptr (GString) list_text = unsupported.list;
  if (list_text->len > 0) {
    g_autofree gchar *supported = g_strjoinv ("\n", (gchar **) unsupported.supported);
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Unsupported options found for '%s'.\n\nUnsupported options:\n\n%s\n\n"
                 "Supported options:\n\n%s", type, list_text->str, supported);
    return FALSE;
  }
  const char *path = g_tree_lookup (options, "path");
  if (is_duckdb && (path == NULL || *path == '\0')) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         "One or more required options are missing.\n\n"
                         "Missing required options are:\n\npath");
    return FALSE;
  }
  const char *database = g_tree_lookup (options, "default-database");
  if (database != NULL &&
      (*database == '\0' || strcmp (database, GW_DUCKDB_METADATA_SCHEMA) == 0)) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Invalid value '%s' for option 'default-database'.", database);
    return FALSE;
  }
  return TRUE;
}

/* 'path' made absolute against the working directory; ':memory:' stays. */
gchar *
gw_duckdb_catalog_absolute_path (const char *path)
{
  if (strcmp (path, ":memory:") == 0)
    return g_strdup (path);
  g_autofree gchar *cwd = g_get_current_dir ();
  return g_canonicalize_filename (path, cwd);
}

gboolean
gw_duckdb_catalog_forget (duckdb_connection connection, const char *catalog, GError **error)
{
  gboolean has_registry = FALSE;
  if (!gw_duckdb_metadata_table_exists (connection, GW_DUCKDB_DEFAULT_CATALOG, REGISTRY_TABLE,
                                        &has_registry, error))
    return FALSE;
  if (!has_registry)
    return TRUE;
  g_autoptr (GPtrArray) deleted = gw_duckdb_select (
    connection, "DELETE FROM " REGISTRY " WHERE name = $1 RETURNING name", 1, &catalog, error);
  return deleted != NULL;
}
