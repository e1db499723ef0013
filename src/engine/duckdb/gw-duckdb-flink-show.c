/* Flink's SHOW TABLES / VIEWS / FUNCTIONS and EXPLAIN on DuckDB, and the helpers the DESCRIBE
 * part shares (gw-duckdb-flink-show-private.h): finding a table or view by its Flink name,
 * catalog queries, LIKE. Lists are built here rather than in SQL so that LIKE, ILIKE and the
 * order follow Flink (Java's LIKE, case-sensitive names, String order). */
#include "gw-duckdb-flink-show-private.h"
#include "gw-duckdb-metadata.h"
#include "gw-error.h"

#include <string.h>

/* Tables and views of catalog $1, schema $2: name, is_view. */
#define OBJECTS_QUERY                                                                          \
  "SELECT table_name, FALSE FROM duckdb_tables() WHERE NOT internal"                           \
  " AND database_name = $1 AND schema_name = $2"                                               \
  " UNION ALL"                                                                                 \
  " SELECT view_name, TRUE FROM duckdb_views() WHERE NOT internal"                             \
  " AND database_name = $1 AND schema_name = $2"

/* Built-in functions when $1 is not NULL, and the user's (DuckDB macros) of catalog $2, schema
 * $3 and the temporary ones. Pragmas are statements, not functions, and __internal_* are
 * DuckDB's storage helpers. */
#define FUNCTIONS_QUERY                                                                        \
  "SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type <> 'pragma'"      \
  " AND function_name NOT LIKE '\\_\\_internal%' ESCAPE '\\'"                                  \
  " AND (($1::VARCHAR IS NOT NULL AND internal AND database_name = 'system'"                   \
  "       AND schema_name = 'main')"                                                           \
  "  OR (NOT internal AND ((database_name = $2 AND schema_name = $3)"                          \
  "                        OR (database_name = 'temp' AND schema_name = 'main'))))"

/* DuckDB keeps every temporary object in its temp catalog, whatever Flink database it was
 * created in. */
#define TEMP_CATALOG "temp"
#define TEMP_SCHEMA  "main"

/* The object named $3 in catalog $1, schema $2, or (when $4 is not NULL) in the temp catalog,
 * which wins as temporary objects shadow permanent ones (the gateway's own "__gateway..."
 * tables there excepted). Names compare case-sensitively. */
#define OBJECT_QUERY                                                                           \
  "SELECT database_name, schema_name, name, is_view, comment, sql FROM ("                      \
  " SELECT database_name, schema_name, table_name AS name, FALSE AS is_view, comment,"         \
  "  NULL AS sql FROM duckdb_tables() WHERE NOT internal"                                      \
  " UNION ALL"                                                                                 \
  " SELECT database_name, schema_name, view_name, TRUE, comment, sql FROM duckdb_views()"      \
  "  WHERE NOT internal)"                                                                      \
  " WHERE name = $3 AND ((database_name = $1 AND schema_name = $2)"                            \
  "  OR ($4::VARCHAR IS NOT NULL AND database_name = '" TEMP_CATALOG "'"                       \
  "      AND schema_name = '" TEMP_SCHEMA "'"                                                  \
  "      AND NOT starts_with (name, '" GW_DUCKDB_METADATA_SCHEMA "')))"                        \
  " ORDER BY database_name = '" TEMP_CATALOG "' DESC LIMIT 1"

#define CATALOG_QUERY                                                                          \
  "SELECT 1 FROM duckdb_databases() WHERE database_name = $1 AND NOT internal"                 \
  " AND database_name NOT IN ('memory', 'temp')"

#define DATABASE_QUERY                                                                         \
  "SELECT 1 FROM duckdb_schemas() WHERE database_name = $1 AND schema_name = $2"

/* ---- helpers shared with gw-duckdb-flink-describe.c ---- */

void
gw_duckdb_object_clear (GwDuckdbObject *object)
{
  gw_duckdb_path_clear (&object->path);
  g_clear_pointer (&object->ddl, gw_flink_statement_free);
  g_clear_pointer (&object->duckdb_catalog, g_free);
  g_clear_pointer (&object->duckdb_schema, g_free);
  g_clear_pointer (&object->duckdb_name, g_free);
  g_clear_pointer (&object->comment, g_free);
  g_clear_pointer (&object->view_sql, g_free);
}

gchar *
gw_duckdb_object_sql (const GwDuckdbObject *object)
{
  if (object->duckdb_name == NULL)
    return NULL;
  GwDuckdbPath path = { object->duckdb_catalog, object->duckdb_schema, object->duckdb_name };
  return gw_duckdb_path_sql (&path);
}

gboolean
gw_duckdb_object_find (GwDuckdbConnection *conn, const GwFlinkName *name, GwDuckdbObject *out,
                       gboolean *found, GError **error)
{
  memset (out, 0, sizeof *out);
  *found = FALSE;
  if (!gw_duckdb_path_resolve (conn, name, FALSE, &out->path, error))
    return FALSE;
  const GwDuckdbPath *path = &out->path;
  /* The gateway's own bookkeeping is not a Flink database. */
  if (strcmp (path->database, GW_DUCKDB_METADATA_SCHEMA) == 0)
    return TRUE;
  if (!gw_duckdb_metadata_lookup (conn, path, &out->ddl, &out->temporary, error))
    return FALSE;

  /* DuckDB keeps every temporary object in one temp schema: only the metadata says which Flink
   * database a temporary object belongs to, so one made by plain DuckDB SQL is not found. */
  gboolean with_temp = out->ddl != NULL && out->temporary;
  const char *params[] = { path->catalog, path->database, path->object, with_temp ? "t" : NULL };
  duckdb_result result;
  if (!gw_duckdb_show_select (conn, OBJECT_QUERY, G_N_ELEMENTS (params), params, &result, error))
    return FALSE;
  if (duckdb_row_count (&result) > 0) {
    out->duckdb_catalog = gw_duckdb_show_text (&result, 0, 0);
    out->duckdb_schema = gw_duckdb_show_text (&result, 1, 0);
    out->duckdb_name = gw_duckdb_show_text (&result, 2, 0);
    out->is_view = duckdb_value_boolean (&result, 3, 0);
    out->comment = gw_duckdb_show_text (&result, 4, 0);
    out->view_sql = gw_duckdb_show_text (&result, 5, 0);
    *found = TRUE;
  }
  duckdb_destroy_result (&result);
  if (out->ddl != NULL) {
    out->is_view = out->ddl->kind == GW_FLINK_CREATE_VIEW;
    *found = TRUE;
  }
  return TRUE;
}

gboolean
gw_duckdb_show_select (GwDuckdbConnection *conn, const char *sql, guint n_params,
                       const char *const *params, duckdb_result *result, GError **error)
{
  duckdb_prepared_statement prepared = NULL;
  if (duckdb_prepare (conn->connection, sql, &prepared) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_prepare_error (prepared));
    duckdb_destroy_prepare (&prepared);
    return FALSE;
  }
  for (guint i = 0; i < n_params; i++) {
    if (params[i] == NULL)
      duckdb_bind_null (prepared, i + 1);
    else
      duckdb_bind_varchar (prepared, i + 1, params[i]);
  }
  gboolean ok = duckdb_execute_prepared (prepared, result) == DuckDBSuccess;
  if (!ok) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_result_error (result));
    duckdb_destroy_result (result);
  }
  duckdb_destroy_prepare (&prepared);
  return ok;
}

gchar *
gw_duckdb_show_text (duckdb_result *result, idx_t col, idx_t row)
{
  if (duckdb_value_is_null (result, col, row))
    return NULL;
  char *value = duckdb_value_varchar (result, col, row);
  gchar *text = g_strdup (value);
  duckdb_free (value);
  return text;
}

static gboolean
like_match (const char *pattern, const char *text, gboolean fold)
{
  while (*pattern != '\0') {
    if (*pattern == '%') {
      while (*pattern == '%')
        pattern++;
      if (*pattern == '\0')
        return TRUE;
      for (const char *t = text;; t = g_utf8_next_char (t)) {
        if (like_match (pattern, t, fold))
          return TRUE;
        if (*t == '\0')
          return FALSE;
      }
    }
    if (*text == '\0')
      return FALSE;
    if (*pattern != '_') {
      if (*pattern == '\\' && pattern[1] != '\0')
        pattern++;
      gunichar p = g_utf8_get_char (pattern);
      gunichar t = g_utf8_get_char (text);
      if (fold ? g_unichar_tolower (p) != g_unichar_tolower (t) : p != t)
        return FALSE;
    }
    pattern = g_utf8_next_char (pattern);
    text = g_utf8_next_char (text);
  }
  return *text == '\0';
}

gboolean
gw_duckdb_show_like (const GwFlinkLike *like, const char *text)
{
  if (like == NULL || like->pattern == NULL)
    return TRUE;
  gboolean match = g_utf8_validate (like->pattern, -1, NULL) && g_utf8_validate (text, -1, NULL)
                   && like_match (like->pattern, text, like->case_insensitive);
  return match != like->negated;
}

GwLogicalType *
gw_duckdb_show_string_type (void)
{
  return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
}

static void
append_escaped_identifier (GString *out, const char *name)
{
  g_string_append_c (out, '`');
  for (const char *p = name; *p; p++) {
    if (*p == '`')
      g_string_append_c (out, '`');
    g_string_append_c (out, *p);
  }
  g_string_append_c (out, '`');
}

gchar *
gw_duckdb_show_serializable (const GwDuckdbPath *path)
{
  GString *s = g_string_new (NULL);
  append_escaped_identifier (s, path->catalog);
  g_string_append_c (s, '.');
  append_escaped_identifier (s, path->database);
  if (path->object != NULL) {
    g_string_append_c (s, '.');
    append_escaped_identifier (s, path->object);
  }
  return g_string_free (s, FALSE);
}

/* ---- lists ---- */

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* One STRING column of names, filtered by like and sorted as Flink's SHOW results are. */
static GwEngineCursor *
name_list_cursor (const char *column, GPtrArray *names, const GwFlinkLike *like)
{
  g_ptr_array_sort (names, compare_names);
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, column, gw_duckdb_show_string_type (), NULL);
  GwBatch *batch = gw_batch_new (schema, names->len);
  for (guint i = 0; i < names->len; i++) {
    const char *name = names->pdata[i];
    if (gw_duckdb_show_like (like, name))
      gw_column_append_bytes (batch->columns[0], name, strlen (name));
  }
  gw_batch_finish (batch);
  return gw_engine_cursor_new_rows (GW_STATEMENT_CONTENT, schema, batch);
}

static gboolean
query_has_rows (GwDuckdbConnection *conn, const char *sql, guint n_params,
                const char *const *params, gboolean *has_rows, GError **error)
{
  duckdb_result result;
  if (!gw_duckdb_show_select (conn, sql, n_params, params, &result, error))
    return FALSE;
  *has_rows = duckdb_row_count (&result) > 0;
  duckdb_destroy_result (&result);
  return TRUE;
}

/* Resolves SHOW ... FROM|IN [c.]db (the current database without one) and checks that it exists
 * as Flink does: an unknown catalog is a CatalogException, an unknown database a
 * ValidationException. */
static gboolean
resolve_database (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GwDuckdbPath *out,
                  GError **error)
{
  if (stmt->from.n_parts == 0) {
    memset (out, 0, sizeof *out);
    return gw_duckdb_flink_current (conn, &out->catalog, &out->database, error);
  }
  if (!gw_duckdb_path_resolve (conn, &stmt->from, TRUE, out, error))
    return FALSE;

  gboolean exists;
  const char *params[] = { out->catalog, out->database };
  if (!query_has_rows (conn, CATALOG_QUERY, 1, params, &exists, error))
    return FALSE;
  if (!exists) {
    g_set_error (error, GW_ERROR, GW_ERROR_CATALOG, "A catalog with name [%s] does not exist.",
                 out->catalog);
    return FALSE;
  }
  if (strcmp (out->database, GW_DUCKDB_METADATA_SCHEMA) == 0)
    exists = FALSE;
  else if (!query_has_rows (conn, DATABASE_QUERY, 2, params, &exists, error))
    return FALSE;
  if (!exists) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, "Database '%s'.'%s' doesn't exist.",
                 out->catalog, out->database);
    return FALSE;
  }
  return TRUE;
}

/* SHOW TABLES lists tables and views, as Flink's does (CatalogManager.listTables() returns both,
 * temporary ones included); SHOW VIEWS only views. A table with a connector is a DuckDB view,
 * so the Flink metadata decides the kind where there is some. Temporary objects are the Flink
 * ones, which the metadata places in their database: DuckDB keeps all temporary objects in one
 * temp schema, so one made by plain DuckDB SQL belongs to no Flink database and is not listed. */
static GwEngineCursor *
show_tables (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  gboolean views_only = stmt->kind == GW_FLINK_SHOW_VIEWS;
  g_auto (GwDuckdbPath) path = { 0 };
  if (!resolve_database (conn, stmt, &path, error))
    return NULL;

  /* name → is_view */
  g_autoptr (GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *params[] = { path.catalog, path.database };
  duckdb_result result;
  if (!gw_duckdb_show_select (conn, OBJECTS_QUERY, G_N_ELEMENTS (params), params, &result, error))
    return NULL;
  for (idx_t row = 0; row < duckdb_row_count (&result); row++)
    g_hash_table_insert (objects, gw_duckdb_show_text (&result, 0, row),
                         GINT_TO_POINTER (duckdb_value_boolean (&result, 1, row)));
  duckdb_destroy_result (&result);

  g_autoptr (GHashTable) metadata = gw_duckdb_metadata_list (conn, path.catalog, path.database,
                                                             error);
  if (metadata == NULL)
    return NULL;
  GHashTableIter iter;
  gpointer name, kind;
  g_hash_table_iter_init (&iter, metadata);
  while (g_hash_table_iter_next (&iter, &name, &kind))
    g_hash_table_insert (objects, g_strdup (name),
                         GINT_TO_POINTER (GPOINTER_TO_INT (kind) == GW_FLINK_CREATE_VIEW));

  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  gpointer is_view;
  g_hash_table_iter_init (&iter, objects);
  while (g_hash_table_iter_next (&iter, &name, &is_view)) {
    if (!views_only || GPOINTER_TO_INT (is_view))
      g_ptr_array_add (names, name);
  }
  return name_list_cursor (views_only ? "view name" : "table name", names, &stmt->like);
}

/* SHOW FUNCTIONS: Flink lists built-in and user functions; here DuckDB's built-in functions
 * and the user's macros. SHOW USER FUNCTIONS: the macros only. Like Flink's FunctionCatalog,
 * an unknown database has no user functions rather than an error. */
static GwEngineCursor *
show_functions (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  g_auto (GwDuckdbPath) path = { 0 };
  if (stmt->from.n_parts > 0) {
    if (!gw_duckdb_path_resolve (conn, &stmt->from, TRUE, &path, error))
      return NULL;
  } else if (!gw_duckdb_flink_current (conn, &path.catalog, &path.database, error)) {
    return NULL;
  }
  const char *params[] = { stmt->user_only ? NULL : "t", path.catalog, path.database };
  duckdb_result result;
  if (!gw_duckdb_show_select (conn, FUNCTIONS_QUERY, G_N_ELEMENTS (params), params, &result,
                              error))
    return NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (idx_t row = 0; row < duckdb_row_count (&result); row++)
    g_ptr_array_add (names, gw_duckdb_show_text (&result, 0, row));
  duckdb_destroy_result (&result);
  return name_list_cursor ("function name", names, &stmt->like);
}

/* ---- EXPLAIN ---- */

/* TRUE when target names a DuckDB table, which DuckDB can explain an INSERT into; a connector
 * table is a view reading its source and is written by a job instead. */
static gboolean
is_duckdb_table (GwDuckdbConnection *conn, const GwFlinkName *target, gchar **target_sql)
{
  g_auto (GwDuckdbObject) object = { 0 };
  gboolean found = FALSE;
  g_autoptr (GError) error = NULL;
  if (!gw_duckdb_object_find (conn, target, &object, &found, &error) || !found || object.is_view
      || object.duckdb_name == NULL)
    return FALSE;
  if (object.ddl != NULL && object.ddl->create_table != NULL
      && gw_flink_options_lookup (&object.ddl->create_table->options, "connector") != NULL)
    return FALSE;
  *target_sql = gw_duckdb_object_sql (&object);
  return TRUE;
}

/* The DuckDB statement to explain for EXPLAIN's inner Flink statement. */
static gchar *
explained_sql (GwDuckdbConnection *conn, const char *inner)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GwFlinkStatement) stmt = gw_flink_statement_parse (inner, &error);
  if (stmt == NULL)
    return gw_flink_sql_to_engine (inner);
  switch (stmt->kind) {
  case GW_FLINK_INSERT: {
    g_autofree gchar *query = gw_flink_sql_to_engine (stmt->insert->query);
    g_autofree gchar *target = NULL;
    if (!is_duckdb_table (conn, &stmt->insert->target, &target))
      return g_steal_pointer (&query);
    GString *sql = g_string_new ("INSERT INTO ");
    g_string_append (sql, target);
    for (guint i = 0; stmt->insert->columns != NULL && stmt->insert->columns[i] != NULL; i++) {
      g_autofree gchar *column = gw_duckdb_quote_identifier (stmt->insert->columns[i]);
      g_string_append (sql, i == 0 ? " (" : ", ");
      g_string_append (sql, column);
      if (stmt->insert->columns[i + 1] == NULL)
        g_string_append_c (sql, ')');
    }
    g_string_append_printf (sql, " %s", query);
    return g_string_free (sql, FALSE);
  }
  case GW_FLINK_CREATE_TABLE_AS:
    return gw_flink_sql_to_engine (stmt->create_table->as_query);
  default:
    return gw_flink_sql_to_engine (stmt->text);
  }
}

/* Flink answers with its plans' sections in one `result` cell. DuckDB has only a physical plan
 * (the optimized one it would run), so that is the one section. */
static GwEngineCursor *
explain (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  g_autofree gchar *inner = explained_sql (conn, stmt->query != NULL ? stmt->query : "");
  g_autofree gchar *sql = g_strdup_printf ("EXPLAIN %s", inner);
  duckdb_result result;
  if (duckdb_query (conn->connection, sql, &result) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return NULL;
  }
  g_autoptr (GString) text = g_string_new ("== Physical Plan ==\n");
  idx_t plan_column = duckdb_column_count (&result) > 1 ? 1 : 0;
  for (idx_t row = 0; row < duckdb_row_count (&result); row++) {
    g_autofree gchar *plan = gw_duckdb_show_text (&result, plan_column, row);
    if (plan == NULL)
      continue;
    g_string_append (text, g_strchomp (plan));
    g_string_append_c (text, '\n');
  }
  duckdb_destroy_result (&result);

  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "result", gw_duckdb_show_string_type (), NULL);
  GwBatch *batch = gw_batch_new (schema, 1);
  gw_column_append_bytes (batch->columns[0], text->str, text->len);
  gw_batch_finish (batch);
  return gw_engine_cursor_new_rows (GW_STATEMENT_CONTENT, schema, batch);
}

GwEngineCursor *
gw_duckdb_flink_show_statement (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                                GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (conn != NULL && stmt != NULL, NULL);
  switch (stmt->kind) {
  case GW_FLINK_SHOW_TABLES:
  case GW_FLINK_SHOW_VIEWS:
    return show_tables (conn, stmt, error);
  case GW_FLINK_SHOW_FUNCTIONS:
    return show_functions (conn, stmt, error);
  case GW_FLINK_SHOW_COLUMNS:
  case GW_FLINK_DESCRIBE_TABLE:
    return gw_duckdb_flink_describe (conn, stmt, error);
  case GW_FLINK_SHOW_CREATE_TABLE:
  case GW_FLINK_SHOW_CREATE_VIEW:
    return gw_duckdb_flink_show_create (conn, stmt, error);
  case GW_FLINK_EXPLAIN:
    return explain (conn, stmt, error);
  default:
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL,
                 "Statement kind %d is not a SHOW, DESCRIBE or EXPLAIN", stmt->kind);
    return NULL;
  }
}
