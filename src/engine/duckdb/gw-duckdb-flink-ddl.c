/* Flink's CREATE / DROP of tables and views on DuckDB (the mapping is in gw-duckdb-flink.h; ALTER
 * TABLE is in gw-duckdb-flink-alter.c). Every statement changes the DuckDB object and its Flink
 * metadata in one transaction.
 *
 * A table without 'connector' is a DuckDB table: Flink's PRIMARY KEY is NOT ENFORCED, so it is
 * not a DuckDB constraint (duplicate keys are kept, as a Flink sink without upsert keeps them);
 * its columns are NOT NULL, which Flink's sinks enforce too. Computed columns become DuckDB
 * generated columns (DuckDB refuses expressions that are not over the table's columns, e.g.
 * PROCTIME()); metadata columns are refused (nothing produces their values).
 * A table with 'connector' is a DuckDB view over its source. As in Flink, CREATE TABLE checks the
 * schema but not the connector options: a table with options Flink would refuse is created and
 * fails with Flink's message when it is read (see GW_DUCKDB_VALIDATION_MARK).
 * TEMPORARY objects are DuckDB temp objects: DuckDB finds them first for an unqualified name,
 * but a qualified name (default_database.t) reaches the permanent object, and two temporary
 * objects of the same name in different Flink databases cannot coexist. DuckDB compares names
 * case-insensitively: 't' and 'T' are the same DuckDB object although Flink tells them apart. */
#include "gw-duckdb-flink-ddl-private.h"
#include "gw-duckdb-metadata.h"
#include "gw-error.h"

#include <string.h>

/* Flink's view of the object at a path: what DuckDB holds and its Flink metadata. */
typedef struct {
  GwDdlObjectType   duckdb;   /* NONE: nothing at the path */
  GwFlinkStatement *metadata; /* owned, may be NULL */
  gboolean          is_view;  /* a Flink view (a DuckDB view without CREATE TABLE metadata) */
} FlinkObject;

static void
flink_object_clear (FlinkObject *object)
{
  g_clear_pointer (&object->metadata, gw_flink_statement_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FlinkObject, flink_object_clear)

/* The temporary object of path exists only when it has metadata (made by Flink DDL). */
static gboolean
flink_object_lookup (GwDuckdbConnection *conn, const GwDuckdbPath *path, gboolean temporary,
                     FlinkObject *out, GError **error)
{
  memset (out, 0, sizeof *out);
  if (!gw_duckdb_metadata_lookup_one (conn, path, temporary, &out->metadata, error) ||
      !gw_ddl_duckdb_object (conn, path, temporary, &out->duckdb, error))
    return FALSE;
  if (temporary && out->metadata == NULL)
    out->duckdb = GW_DDL_OBJECT_NONE;
  if (out->duckdb == GW_DDL_OBJECT_NONE)
    g_clear_pointer (&out->metadata, gw_flink_statement_free);
  out->is_view = out->duckdb == GW_DDL_OBJECT_VIEW &&
                 (out->metadata == NULL || out->metadata->kind == GW_FLINK_CREATE_VIEW);
  return TRUE;
}

/* Flink's checks before creating path: the catalog and database exist (not for temporary
 * objects, which Flink keeps outside catalogs), and nothing is there yet. *exists tells
 * IF NOT EXISTS that there is nothing to do. */
static gboolean
check_create (GwDuckdbConnection *conn, const GwDuckdbPath *path, gboolean temporary,
              gboolean if_not_exists, gboolean *exists, GError **error)
{
  *exists = FALSE;
  if (temporary) {
    g_auto (FlinkObject) object = { 0 };
    if (!flink_object_lookup (conn, path, TRUE, &object, error))
      return FALSE;
    if (object.duckdb != GW_DDL_OBJECT_NONE) {
      *exists = TRUE;
      if (if_not_exists)
        return TRUE;
      g_autofree gchar *identifier = gw_ddl_identifier (path);
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, "Temporary table '%s' already exists",
                   identifier);
      return FALSE;
    }
    return TRUE;
  }
  g_autofree gchar *c = gw_duckdb_quote_literal (path->catalog);
  g_autofree gchar *d = gw_duckdb_quote_literal (path->database);
  g_autofree gchar *sql = g_strdup_printf (
      "SELECT (SELECT count(*) FROM duckdb_databases() WHERE database_name = %s), "
      "(SELECT count(*) FROM duckdb_schemas() WHERE database_name = %s AND schema_name = %s)",
      c, c, d);
  duckdb_result result;
  if (duckdb_query (conn->connection, sql, &result) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot read DuckDB's catalog: %s",
                 duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return FALSE;
  }
  gboolean has_catalog = duckdb_value_int64 (&result, 0, 0) > 0;
  gboolean has_database = duckdb_value_int64 (&result, 1, 0) > 0;
  duckdb_destroy_result (&result);
  if (!has_catalog) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, "Catalog %s does not exist.",
                 path->catalog);
    return FALSE;
  }
  if (!has_database) {
    g_set_error (error, GW_ERROR, GW_ERROR_DATABASE_NOT_EXIST,
                 "Database %s does not exist in Catalog %s.", path->database, path->catalog);
    return FALSE;
  }
  GwDdlObjectType type;
  if (!gw_ddl_duckdb_object (conn, path, FALSE, &type, error))
    return FALSE;
  if (type == GW_DDL_OBJECT_NONE)
    return TRUE;
  *exists = TRUE;
  if (if_not_exists)
    return TRUE;
  g_set_error (error, GW_ERROR, GW_ERROR_TABLE_ALREADY_EXIST,
               "Table (or view) %s.%s already exists in Catalog %s.", path->database, path->object,
               path->catalog);
  return FALSE;
}

/* ---- CREATE TABLE ... LIKE ---- */

typedef enum {
  FEATURE_CONSTRAINTS, FEATURE_GENERATED, FEATURE_METADATA, FEATURE_OPTIONS, FEATURE_PARTITIONS,
  FEATURE_WATERMARKS, N_FEATURES,
} Feature;

static const char *const feature_names[N_FEATURES] = {
  "CONSTRAINTS", "GENERATED", "METADATA", "OPTIONS", "PARTITIONS", "WATERMARKS",
};

/* Flink's MergeTableLikeUtil: defaults, then ALL, then each named feature. */
static void
like_strategies (const GwFlinkCreateTable *table, GwFlinkLikeStrategy strategies[N_FEATURES])
{
  for (int f = 0; f < N_FEATURES; f++)
    strategies[f] = f == FEATURE_OPTIONS ? GW_FLINK_LIKE_OVERWRITING : GW_FLINK_LIKE_INCLUDING;
  for (int pass = 0; pass < 2; pass++) {
    for (guint i = 0; table->like_options != NULL && i < table->like_options->len; i++) {
      const GwFlinkLikeOption *option = table->like_options->pdata[i];
      gboolean all = g_ascii_strcasecmp (option->feature, "ALL") == 0;
      for (int f = 0; f < N_FEATURES; f++) {
        if (pass == 0 ? all : g_ascii_strcasecmp (option->feature, feature_names[f]) == 0)
          strategies[f] = option->strategy;
      }
    }
  }
}

/* The LIKE source: a Flink table (temporary first) or a DuckDB table without metadata. */
static GwDdlTable *
like_source (GwDuckdbConnection *conn, const GwFlinkCreateTable *table, GError **error)
{
  g_auto (GwDuckdbPath) path = { 0 };
  if (!gw_duckdb_path_resolve (conn, &table->like_source, FALSE, &path, error))
    return NULL;
  g_autofree gchar *identifier = gw_ddl_identifier (&path);
  g_auto (FlinkObject) object = { 0 };
  for (int temporary = 1; temporary >= 0; temporary--) {
    flink_object_clear (&object);
    if (!flink_object_lookup (conn, &path, temporary, &object, error))
      return NULL;
    if (object.duckdb != GW_DDL_OBJECT_NONE)
      break;
  }
  if (object.duckdb == GW_DDL_OBJECT_NONE) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Source table '%s' of the LIKE clause not found in the catalog", identifier);
    return NULL;
  }
  if (object.is_view) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Source table '%s' of the LIKE clause can not be a VIEW", identifier);
    return NULL;
  }
  if (object.metadata != NULL)
    return gw_ddl_table_copy (object.metadata->create_table);
  return gw_ddl_table_from_duckdb (conn, &path, error);
}

static gboolean
has_primary_key (const GwFlinkCreateTable *table)
{
  for (guint i = 0; table->columns != NULL && i < table->columns->len; i++) {
    if (((GwFlinkColumn *) table->columns->pdata[i])->primary_key)
      return TRUE;
  }
  return table->primary_key != NULL && table->primary_key[0] != NULL;
}

static gboolean
merge_columns (GwDdlTable *merged, const GwFlinkCreateTable *derived,
               const GwFlinkLikeStrategy strategies[N_FEATURES], GError **error)
{
  static const char *const kind_words[] = { NULL, "Computed", "Metadata" };
  static const char *const kind_names[] = { NULL, "generated", "metadata" };
  static const char *const kind_features[] = { NULL, "GENERATED", "METADATA" };
  for (guint i = 0; derived->columns != NULL && i < derived->columns->len; i++) {
    const GwFlinkColumn *column = derived->columns->pdata[i];
    int index = gw_ddl_table_find_column (merged, column->name);
    if (index < 0) {
      g_ptr_array_add (merged->columns, gw_ddl_column_copy (column));
      continue;
    }
    const GwFlinkColumn *existing = merged->columns->pdata[index];
    if (column->kind == GW_FLINK_COLUMN_PHYSICAL) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "A column named '%s' already exists in the base table.", column->name);
      return FALSE;
    }
    if (existing->kind != column->kind) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "A column named '%s' already exists in the base table. %s columns can only "
                   "overwrite other %s columns.", column->name, kind_words[column->kind],
                   column->kind == GW_FLINK_COLUMN_COMPUTED ? "computed" : "metadata");
      return FALSE;
    }
    Feature feature = column->kind == GW_FLINK_COLUMN_COMPUTED ? FEATURE_GENERATED
                                                               : FEATURE_METADATA;
    if (strategies[feature] != GW_FLINK_LIKE_OVERWRITING) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "A %s column named '%s' already exists in the base table. You might want to "
                   "specify EXCLUDING %s or OVERWRITING %s.", kind_names[column->kind],
                   column->name, kind_features[column->kind], kind_features[column->kind]);
      return FALSE;
    }
    gw_flink_column_free (merged->columns->pdata[index]);
    merged->columns->pdata[index] = gw_ddl_column_copy (column);
  }
  return TRUE;
}

static gboolean
merge_options (GwDdlTable *merged, const GwFlinkCreateTable *derived,
               GwFlinkLikeStrategy strategy, GError **error)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  for (guint i = 0; strategy != GW_FLINK_LIKE_EXCLUDING && merged->options.keys != NULL &&
                    merged->options.keys[i] != NULL; i++) {
    g_ptr_array_add (keys, merged->options.keys[i]);
    g_ptr_array_add (values, merged->options.values[i]);
  }
  for (guint i = 0; derived->options.keys != NULL && derived->options.keys[i] != NULL; i++) {
    guint at;
    if (g_ptr_array_find_with_equal_func (keys, derived->options.keys[i], g_str_equal, &at)) {
      if (strategy != GW_FLINK_LIKE_OVERWRITING) {
        g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                     "There already exists an option ['%s' -> '%s']  in the base table. You "
                     "might want to specify EXCLUDING OPTIONS or OVERWRITING OPTIONS.",
                     (const char *) keys->pdata[at], (const char *) values->pdata[at]);
        return FALSE;
      }
      values->pdata[at] = derived->options.values[i];
      continue;
    }
    g_ptr_array_add (keys, derived->options.keys[i]);
    g_ptr_array_add (values, derived->options.values[i]);
  }
  gw_ddl_options_set (&merged->options, keys, values);
  return TRUE;
}

/* Flink's CREATE TABLE ... LIKE: the source's features merged with the new table's. */
static GwDdlTable *
merge_like (GwDuckdbConnection *conn, const GwFlinkCreateTable *derived, GError **error)
{
  g_autoptr (GwDdlTable) merged = like_source (conn, derived, error);
  if (merged == NULL)
    return NULL;
  GwFlinkLikeStrategy strategies[N_FEATURES];
  like_strategies (derived, strategies);

  /* Source columns: physical always, the others unless excluded. */
  for (guint i = merged->columns->len; i > 0; i--) {
    const GwFlinkColumn *column = merged->columns->pdata[i - 1];
    if ((column->kind == GW_FLINK_COLUMN_COMPUTED &&
         strategies[FEATURE_GENERATED] == GW_FLINK_LIKE_EXCLUDING) ||
        (column->kind == GW_FLINK_COLUMN_METADATA &&
         strategies[FEATURE_METADATA] == GW_FLINK_LIKE_EXCLUDING))
      g_ptr_array_remove_index (merged->columns, i - 1);
  }
  if (!merge_columns (merged, derived, strategies, error))
    return NULL;

  if (strategies[FEATURE_WATERMARKS] == GW_FLINK_LIKE_EXCLUDING) {
    g_clear_pointer (&merged->watermark_column, g_free);
    g_clear_pointer (&merged->watermark_expression, g_free);
  }
  if (derived->watermark_column != NULL) {
    if (merged->watermark_column != NULL &&
        strcmp (merged->watermark_column, derived->watermark_column) == 0 &&
        strategies[FEATURE_WATERMARKS] != GW_FLINK_LIKE_OVERWRITING) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "There already exists a watermark spec for column '%s' in the base table. You "
                   "might want to specify EXCLUDING WATERMARKS or OVERWRITING WATERMARKS.",
                   derived->watermark_column);
      return NULL;
    }
    if (merged->watermark_column != NULL &&
        strcmp (merged->watermark_column, derived->watermark_column) != 0) {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           "Multiple watermark definitions are not supported yet.");
      return NULL;
    }
    g_free (merged->watermark_column);
    g_free (merged->watermark_expression);
    merged->watermark_column = g_strdup (derived->watermark_column);
    merged->watermark_expression = g_strdup (derived->watermark_expression);
  }

  if (strategies[FEATURE_CONSTRAINTS] != GW_FLINK_LIKE_INCLUDING) {
    g_clear_pointer (&merged->primary_key, g_strfreev);
    g_clear_pointer (&merged->constraint_name, g_free);
  }
  if (has_primary_key (derived)) {
    if (merged->primary_key != NULL) {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           "The base table already has a primary key. You might want to specify "
                           "EXCLUDING CONSTRAINTS.");
      return NULL;
    }
    merged->primary_key = g_strdupv (derived->primary_key);
    merged->constraint_name = g_strdup (derived->constraint_name);
  }

  gboolean derived_partitions = derived->partition_keys != NULL && derived->partition_keys[0];
  if (derived_partitions && merged->partition_keys != NULL && merged->partition_keys[0] &&
      strategies[FEATURE_PARTITIONS] != GW_FLINK_LIKE_EXCLUDING) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         "The base table already has partitions defined. You might want to "
                         "specify EXCLUDING PARTITIONS.");
    return NULL;
  }
  if (derived_partitions || strategies[FEATURE_PARTITIONS] == GW_FLINK_LIKE_EXCLUDING) {
    g_strfreev (merged->partition_keys);
    merged->partition_keys = g_strdupv (derived->partition_keys);
  }

  if (!merge_options (merged, derived, strategies[FEATURE_OPTIONS], error))
    return NULL;

  /* The rest is the new table's own. */
  for (guint i = 0; i < 3; i++) {
    g_free (merged->name.parts[i]);
    merged->name.parts[i] = g_strdup (derived->name.parts[i]);
  }
  merged->name.n_parts = derived->name.n_parts;
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&merged->like_source.parts[i], g_free);
  merged->like_source.n_parts = 0;
  g_free (merged->comment);
  merged->comment = g_strdup (derived->comment);
  merged->temporary = derived->temporary;
  merged->if_not_exists = derived->if_not_exists;
  return g_steal_pointer (&merged);
}

/* ---- CREATE TABLE ---- */

/* CREATE TABLE inside the caller's transaction. */
static gboolean
create_table (GwDuckdbConnection *conn, const GwFlinkCreateTable *table, GError **error)
{
  g_auto (GwDuckdbPath) path = { 0 };
  gboolean exists = FALSE;
  if (!gw_duckdb_path_resolve (conn, &table->name, FALSE, &path, error) ||
      !check_create (conn, &path, table->temporary, table->if_not_exists, &exists, error))
    return FALSE;
  if (exists)
    return TRUE;
  g_autoptr (GwDdlTable) definition = table->like_source.n_parts > 0
                                      ? merge_like (conn, table, error)
                                      : gw_ddl_table_copy (table);
  if (definition == NULL || !gw_ddl_table_normalize (definition, error))
    return FALSE;
  g_clear_pointer (&definition->as_query, g_free);

  gboolean ok;
  if (gw_flink_options_lookup (&definition->options, "connector") == NULL)
    ok = gw_ddl_create_native_table (conn, &path, definition, definition->temporary, error);
  else
    ok = gw_ddl_create_connector_view (conn, &path, definition, definition->temporary, FALSE,
                                       error);
  return ok && gw_ddl_store_table (conn, &path, definition, definition->temporary, error);
}

gboolean
gw_duckdb_flink_create_table (GwDuckdbConnection *conn, const GwFlinkCreateTable *table,
                              GError **error)
{
  g_return_val_if_fail (conn != NULL && table != NULL, FALSE);
  return create_table (conn, table, error);
}

gboolean
gw_duckdb_flink_refresh_source (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                const GwFlinkCreateTable *table, gboolean temporary,
                                GError **error)
{
  g_return_val_if_fail (conn != NULL && path != NULL && table != NULL, FALSE);
  if (gw_flink_options_lookup (&table->options, "connector") == NULL)
    return TRUE;
  return gw_ddl_create_connector_view (conn, path, table, temporary, TRUE, error);
}

/* ---- CREATE VIEW ---- */

static gboolean
create_view (GwDuckdbConnection *conn, const GwFlinkCreateView *view, GError **error)
{
  g_auto (GwDuckdbPath) path = { 0 };
  gboolean exists = FALSE;
  if (!gw_duckdb_path_resolve (conn, &view->name, FALSE, &path, error) ||
      !check_create (conn, &path, view->temporary, view->if_not_exists, &exists, error))
    return FALSE;
  if (exists)
    return TRUE;
  g_autofree gchar *object = gw_ddl_object_sql (&path, view->temporary);
  g_autofree gchar *query = gw_flink_sql_to_engine (view->query);
  GString *sql = g_string_new (NULL);
  g_string_append_printf (sql, "CREATE %sVIEW %s", view->temporary ? "TEMP " : "", object);
  for (guint i = 0; view->column_names != NULL && view->column_names[i] != NULL; i++) {
    g_autofree gchar *name = gw_duckdb_quote_identifier (view->column_names[i]);
    g_string_append_printf (sql, "%s%s", i == 0 ? " (" : ", ", name);
    if (view->column_names[i + 1] == NULL)
      g_string_append_c (sql, ')');
  }
  g_string_append_printf (sql, " AS %s", query);
  gboolean ok = gw_duckdb_flink_run (conn, sql->str, error);
  g_string_free (sql, TRUE);
  if (!ok)
    return FALSE;

  GwFlinkName full = { { path.catalog, path.database, path.object }, 3 };
  GwFlinkCreateView stored = *view;
  stored.if_not_exists = FALSE;
  g_autofree gchar *ddl = gw_flink_create_view_to_sql (&stored, &full);
  return gw_duckdb_metadata_store (conn, &path, view->temporary, ddl, error);
}

/* ---- DROP TABLE / DROP VIEW ---- */

static gboolean
drop_object (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  gboolean drop_view = stmt->kind == GW_FLINK_DROP_VIEW;
  const char *what = drop_view ? "view" : "table";
  g_auto (GwDuckdbPath) path = { 0 };
  if (!gw_duckdb_path_resolve (conn, &stmt->name, FALSE, &path, error))
    return FALSE;
  g_autofree gchar *flink_path = gw_duckdb_path_flink (&path);
  g_auto (FlinkObject) temporary = { 0 };
  if (!flink_object_lookup (conn, &path, TRUE, &temporary, error))
    return FALSE;
  gboolean temporary_matches = temporary.duckdb != GW_DDL_OBJECT_NONE &&
                               temporary.is_view == drop_view;

  g_auto (FlinkObject) object = { 0 };
  if (stmt->temporary) {
    if (!temporary_matches) {
      if (stmt->if_exists)
        return TRUE;
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Temporary table or view with identifier '%s' does not exist.", flink_path);
      return FALSE;
    }
    object = temporary;
    memset (&temporary, 0, sizeof temporary);
  } else {
    if (temporary_matches) {
      g_autofree gchar *identifier = gw_ddl_identifier (&path);
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Temporary %s with identifier '%s' exists. Drop it first before removing the "
                   "permanent %s.", what, identifier, what);
      return FALSE;
    }
    if (!flink_object_lookup (conn, &path, FALSE, &object, error))
      return FALSE;
    if (object.duckdb == GW_DDL_OBJECT_NONE || object.is_view != drop_view) {
      if (stmt->if_exists)
        return TRUE;
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, "%s with identifier '%s' does not exist.",
                   drop_view ? "View" : "Table", flink_path);
      return FALSE;
    }
  }
  /* A connector table is a DuckDB view. */
  g_autofree gchar *name = gw_ddl_object_sql (&path, stmt->temporary);
  g_autofree gchar *sql = g_strdup_printf (
      "DROP %s %s%s", object.duckdb == GW_DDL_OBJECT_TABLE ? "TABLE" : "VIEW",
      stmt->temporary ? "temp.main." : "", name);
  return gw_duckdb_flink_run (conn, sql, error) &&
         gw_duckdb_metadata_delete (conn, &path, stmt->temporary, error);
}

GwEngineCursor *
gw_duckdb_flink_ddl_statement (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                               GError **error)
{
  g_return_val_if_fail (conn != NULL && stmt != NULL, NULL);

  if (stmt->kind == GW_FLINK_ALTER_TABLE)
    return gw_ddl_alter_table (conn, stmt, error);

  gboolean began = FALSE;
  gboolean ok;
  if (!gw_ddl_begin (conn, &began, error))
    return NULL;
  switch (stmt->kind) {
  case GW_FLINK_CREATE_TABLE:
    ok = create_table (conn, stmt->create_table, error);
    break;
  case GW_FLINK_CREATE_VIEW:
    ok = create_view (conn, stmt->create_view, error);
    break;
  case GW_FLINK_DROP_TABLE:
  case GW_FLINK_DROP_VIEW:
    ok = drop_object (conn, stmt, error);
    break;
  default:
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Not a DDL statement: %s", stmt->text);
    ok = FALSE;
    break;
  }
  if (!gw_ddl_end (conn, began, ok, error))
    return NULL;
  return gw_duckdb_flink_ok ();
}
