/* Catalog listings for metadata requests, read from DuckDB's duckdb_databases(), _schemas(),
 * _tables(), _views(), _columns(), _functions() and _constraints() with the filters bound as
 * parameters (LIKE ... ESCAPE '\' takes JDBC patterns as they are). Column types come from
 * preparing `SELECT * FROM <table>`, so they are mapped exactly as query results are. */
#include "gw-duckdb-metadata.h"
#include "gw-duckdb-private.h"
#include "gw-duckdb-types.h"
#include "gw-error.h"

#include <string.h>

/* The in-memory database the engine opens first and attaches default_catalog to: an
 * implementation detail, not a user catalog. */
#define HOST_CATALOG "memory"
/* The gateway's metadata schema in every catalog, and its tables in the session's temp catalog
 * (temp.main."__gateway..."): never listed. */
#define HIDDEN_SCHEMA(sch) " AND " sch " <> '" GW_DUCKDB_METADATA_SCHEMA "'"
#define HIDDEN_TEMP_TABLE(cat, tab) \
  " AND NOT (" cat " = 'temp' AND starts_with (" tab ", '" GW_DUCKDB_METADATA_SCHEMA "'))"

#define FILTERS(cat, sch, tab)                                                                 \
  " AND " cat " <> '" HOST_CATALOG "'" HIDDEN_SCHEMA (sch) HIDDEN_TEMP_TABLE (cat, tab)        \
  " AND ($1::VARCHAR IS NULL OR " cat " = $1)"                                                 \
  " AND ($2::VARCHAR IS NULL OR " sch " LIKE $2 ESCAPE '\\')"                                  \
  " AND ($3::VARCHAR IS NULL OR " tab " LIKE $3 ESCAPE '\\')"

/* $1 catalog (exact), $2 schema pattern, $3 table pattern, $4 column/function pattern; a query
 * uses only the ones it needs, all parameters up to the highest it uses are bound. */
static const char *const queries[] = {
  [GW_CATALOG_CATALOGS] =
    "SELECT database_name FROM duckdb_databases() WHERE NOT internal"
    " AND database_name <> '" HOST_CATALOG "' AND ($1::VARCHAR IS NULL OR database_name = $1)"
    " ORDER BY 1",
  [GW_CATALOG_SCHEMAS] =
    "SELECT database_name, schema_name FROM duckdb_schemas() WHERE NOT internal"
    " AND database_name <> '" HOST_CATALOG "' AND ($1::VARCHAR IS NULL OR database_name = $1)"
    HIDDEN_SCHEMA ("schema_name")
    " AND ($2::VARCHAR IS NULL OR schema_name LIKE $2 ESCAPE '\\') ORDER BY 1, 2",
  [GW_CATALOG_TABLES] =
    "SELECT * FROM ("
    " SELECT database_name, schema_name, table_name, FALSE AS is_view, comment FROM duckdb_tables()"
    "  WHERE NOT internal" FILTERS ("database_name", "schema_name", "table_name")
    " UNION ALL"
    " SELECT database_name, schema_name, view_name, TRUE, comment FROM duckdb_views()"
    "  WHERE NOT internal" FILTERS ("database_name", "schema_name", "view_name")
    ") ORDER BY 4, 1, 2, 3",
  [GW_CATALOG_COLUMNS] =
    "SELECT database_name, schema_name, table_name, column_name, column_index::BIGINT, is_nullable,"
    " column_default, comment FROM duckdb_columns() WHERE NOT internal"
    FILTERS ("database_name", "schema_name", "table_name")
    " AND ($4::VARCHAR IS NULL OR column_name LIKE $4 ESCAPE '\\') ORDER BY 1, 2, 3, 5",
  [GW_CATALOG_FUNCTIONS] =
    "SELECT DISTINCT database_name, schema_name, function_name, function_type = 'table',"
    " description FROM duckdb_functions() WHERE function_type <> 'pragma'"
    HIDDEN_SCHEMA ("schema_name")
    " AND ($1::VARCHAR IS NULL OR database_name = $1)"
    " AND ($2::VARCHAR IS NULL OR schema_name LIKE $2 ESCAPE '\\')"
    " AND ($3::VARCHAR IS NULL OR $3 IS NOT NULL)" /* no table filter; keeps $4 numbered */
    " AND ($4::VARCHAR IS NULL OR function_name LIKE $4 ESCAPE '\\') ORDER BY 1, 2, 3",
  [GW_CATALOG_PRIMARY_KEYS] =
    "SELECT database_name, schema_name, table_name, unnest (constraint_column_names),"
    " generate_subscripts (constraint_column_names, 1)::BIGINT, constraint_name"
    " FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
    FILTERS ("database_name", "schema_name", "table_name")
    " ORDER BY 1, 2, 3, 5",
  [GW_CATALOG_FOREIGN_KEYS] =
    "SELECT database_name, schema_name, table_name, unnest (constraint_column_names),"
    " generate_subscripts (constraint_column_names, 1)::BIGINT, constraint_name,"
    " referenced_table, unnest (referenced_column_names)"
    " FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
    FILTERS ("database_name", "schema_name", "table_name")
    " ORDER BY 1, 2, 3, 6, 5",
};

/* The cell's data array, or NULL when the cell is NULL. */
static void *
cell_data (duckdb_data_chunk chunk, idx_t col, idx_t row)
{
  duckdb_vector vector = duckdb_data_chunk_get_vector (chunk, col);
  uint64_t *validity = duckdb_vector_get_validity (vector);
  if (validity != NULL && !duckdb_validity_row_is_valid (validity, row))
    return NULL;
  return duckdb_vector_get_data (vector);
}

static gchar *
cell_string (duckdb_data_chunk chunk, idx_t col, idx_t row)
{
  duckdb_string_t *data = cell_data (chunk, col, row);
  return data ? g_strndup (duckdb_string_t_data (&data[row]), duckdb_string_t_length (data[row]))
              : NULL;
}

/* BIGINT cells only: the queries cast integer columns to BIGINT. */
static gint64
cell_int (duckdb_data_chunk chunk, idx_t col, idx_t row)
{
  gint64 *data = cell_data (chunk, col, row);
  return data ? data[row] : 0;
}

static gboolean
cell_bool (duckdb_data_chunk chunk, idx_t col, idx_t row)
{
  bool *data = cell_data (chunk, col, row);
  return data ? data[row] : FALSE;
}

static void
bind_optional (duckdb_prepared_statement prepared, idx_t index, const char *value)
{
  if (value == NULL || *value == '\0')
    duckdb_bind_null (prepared, index);
  else
    duckdb_bind_varchar (prepared, index, value);
}

/* One row of the listing query → one object. */
static GwCatalogObject *
object_from_row (GwCatalogKind kind, duckdb_data_chunk chunk, idx_t row)
{
  GwCatalogObject *o = gw_catalog_object_new ();
  switch (kind) {
  case GW_CATALOG_CATALOGS:
    o->name = cell_string (chunk, 0, row);
    break;
  case GW_CATALOG_SCHEMAS:
    o->catalog = cell_string (chunk, 0, row);
    o->name = cell_string (chunk, 1, row);
    break;
  case GW_CATALOG_TABLES:
    o->catalog = cell_string (chunk, 0, row);
    o->schema = cell_string (chunk, 1, row);
    o->name = cell_string (chunk, 2, row);
    o->table_type = cell_bool (chunk, 3, row) ? GW_TABLE_TYPE_VIEW : GW_TABLE_TYPE_TABLE;
    o->comment = cell_string (chunk, 4, row);
    break;
  case GW_CATALOG_COLUMNS:
    o->catalog = cell_string (chunk, 0, row);
    o->schema = cell_string (chunk, 1, row);
    o->table = cell_string (chunk, 2, row);
    o->name = cell_string (chunk, 3, row);
    o->position = (gint) cell_int (chunk, 4, row);
    o->nullable = cell_bool (chunk, 5, row);
    o->default_value = cell_string (chunk, 6, row);
    o->comment = cell_string (chunk, 7, row);
    break;
  case GW_CATALOG_FUNCTIONS:
    o->catalog = cell_string (chunk, 0, row);
    o->schema = cell_string (chunk, 1, row);
    o->name = cell_string (chunk, 2, row);
    o->returns_table = cell_bool (chunk, 3, row);
    o->comment = cell_string (chunk, 4, row);
    break;
  case GW_CATALOG_FOREIGN_KEYS:
    o->ref_table = cell_string (chunk, 6, row);
    o->ref_name = cell_string (chunk, 7, row);
    /* the rest is laid out as for primary keys */
    G_GNUC_FALLTHROUGH;
  case GW_CATALOG_PRIMARY_KEYS:
    o->catalog = cell_string (chunk, 0, row);
    o->schema = cell_string (chunk, 1, row);
    o->table = cell_string (chunk, 2, row);
    o->name = cell_string (chunk, 3, row);
    o->position = (gint) cell_int (chunk, 4, row);
    o->constraint_name = cell_string (chunk, 5, row);
    break;
  }
  return o;
}

static gchar *
quote_identifier (const char *name)
{
  GString *s = g_string_new ("\"");
  for (const char *p = name; *p; p++) {
    if (*p == '"')
      g_string_append_c (s, '"');
    g_string_append_c (s, *p);
  }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* Fills the type of every column object from the prepared `SELECT * FROM table`. */
static gboolean
resolve_column_types (GwDuckdbConnection *conn, GPtrArray *columns, GError **error)
{
  for (guint i = 0; i < columns->len;) {
    GwCatalogObject *first = columns->pdata[i];
    g_autofree gchar *c = quote_identifier (first->catalog);
    g_autofree gchar *s = quote_identifier (first->schema);
    g_autofree gchar *t = quote_identifier (first->table);
    g_autofree gchar *sql = g_strdup_printf ("SELECT * FROM %s.%s.%s", c, s, t);
    duckdb_prepared_statement prepared = NULL;
    gboolean prepared_ok = duckdb_prepare (conn->connection, sql, &prepared) == DuckDBSuccess;
    idx_t n = prepared_ok ? duckdb_prepared_statement_column_count (prepared) : 0;
    guint j = i;
    for (; j < columns->len; j++) {
      GwCatalogObject *o = columns->pdata[j];
      if (g_strcmp0 (o->catalog, first->catalog) || g_strcmp0 (o->schema, first->schema) ||
          g_strcmp0 (o->table, first->table))
        break;
      idx_t index = (idx_t) (o->position - 1);
      if (index < n) {
        duckdb_logical_type type = duckdb_prepared_statement_column_logical_type (prepared, index);
        g_autoptr (GwDuckdbConverter) converter = gw_duckdb_converter_new (type);
        o->type = gw_logical_type_ref (gw_duckdb_converter_get_type (converter));
        duckdb_destroy_logical_type (&type);
      } else {
        /* A table that cannot be read (e.g. a view over a dropped table): say so as a type. */
        o->type = gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
      }
    }
    duckdb_destroy_prepare (&prepared);
    i = j;
  }
  return TRUE;
}

GPtrArray *
gw_duckdb_list_catalog (GwEngineConnection *base, GwCatalogKind kind, const GwCatalogFilter *filter,
                        GError **error)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (queries), NULL);
  if (!gw_duckdb_connection_check_idle (conn, error))
    return NULL;

  duckdb_prepared_statement prepared = NULL;
  if (duckdb_prepare (conn->connection, queries[kind], &prepared) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Catalog listing failed: %s",
                 duckdb_prepare_error (prepared));
    duckdb_destroy_prepare (&prepared);
    return NULL;
  }
  const char *values[] = { filter->catalog, filter->schema_pattern, filter->table_pattern,
                           filter->name_pattern };
  for (idx_t i = 1; i <= duckdb_nparams (prepared) && i <= G_N_ELEMENTS (values); i++)
    bind_optional (prepared, i, values[i - 1]);
  duckdb_result result;
  gboolean ok = duckdb_execute_prepared (prepared, &result) == DuckDBSuccess;
  duckdb_destroy_prepare (&prepared);
  if (!ok) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "Catalog listing failed: %s",
                 duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return NULL;
  }
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_catalog_object_free);
  for (;;) {
    duckdb_data_chunk chunk = duckdb_fetch_chunk (result);
    if (chunk == NULL)
      break;
    idx_t rows = duckdb_data_chunk_get_size (chunk);
    for (idx_t r = 0; r < rows; r++)
      g_ptr_array_add (objects, object_from_row (kind, chunk, r));
    duckdb_destroy_data_chunk (&chunk);
  }
  duckdb_destroy_result (&result);
  if (kind == GW_CATALOG_COLUMNS && !resolve_column_types (conn, objects, error)) {
    g_ptr_array_unref (objects);
    return NULL;
  }
  return objects;
}

static gchar *
quote_pair (const char *catalog, const char *database)
{
  g_autofree gchar *c = quote_identifier (catalog);
  g_autofree gchar *d = quote_identifier (database);
  return g_strdup_printf ("%s.%s", c, d);
}

static gboolean
run (GwDuckdbConnection *conn, const char *sql, GError **error)
{
  duckdb_result result;
  gboolean ok = duckdb_query (conn->connection, sql, &result) == DuckDBSuccess;
  if (!ok)
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_result_error (&result));
  duckdb_destroy_result (&result);
  return ok;
}

/* TRUE in *exists when catalog has a schema named database exactly (Flink names are
 * case-sensitive; DuckDB's USE would also take another case). The hidden schema never exists. */
static gboolean
database_exists (GwDuckdbConnection *conn, const char *catalog, const char *database,
                 gboolean *exists, GError **error)
{
  duckdb_prepared_statement prepared = NULL;
  duckdb_result result;
  if (duckdb_prepare (conn->connection,
                      "SELECT count(*)::BIGINT FROM duckdb_schemas() WHERE database_name = $1"
                      " AND schema_name = $2" HIDDEN_SCHEMA ("schema_name"),
                      &prepared) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot look up database %s: %s", database,
                 duckdb_prepare_error (prepared));
    duckdb_destroy_prepare (&prepared);
    return FALSE;
  }
  duckdb_bind_varchar (prepared, 1, catalog);
  duckdb_bind_varchar (prepared, 2, database);
  gboolean ok = duckdb_execute_prepared (prepared, &result) == DuckDBSuccess;
  duckdb_destroy_prepare (&prepared);
  if (!ok)
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_result_error (&result));
  else
    *exists = duckdb_value_int64 (&result, 0, 0) > 0;
  duckdb_destroy_result (&result);
  return ok;
}

gboolean
gw_duckdb_use_database (GwEngineConnection *base, const char *catalog, const char *database,
                        gboolean create, GError **error)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  if (!gw_duckdb_connection_check_idle (conn, error))
    return FALSE;
  GwCatalogFilter filter = { catalog, NULL, NULL, NULL };
  g_autoptr (GPtrArray) catalogs =
    gw_duckdb_list_catalog (base, GW_CATALOG_CATALOGS, &filter, error);
  if (catalogs == NULL)
    return FALSE;
  /* Flink's CatalogManager texts (setCurrentCatalog / setCurrentDatabase). */
  if (catalogs->len == 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_CATALOG, "A catalog with name [%s] does not exist.",
                 catalog);
    return FALSE;
  }
  gboolean exists = FALSE;
  if (!database_exists (conn, catalog, database, &exists, error))
    return FALSE;
  if (!exists && (!create || strcmp (database, GW_DUCKDB_METADATA_SCHEMA) == 0)) {
    g_set_error (error, GW_ERROR, GW_ERROR_CATALOG,
                 "A database with name [%s] does not exist in the catalog: [%s].", database,
                 catalog);
    return FALSE;
  }
  g_autofree gchar *qualified = quote_pair (catalog, database);
  g_autofree gchar *create_sql = g_strdup_printf ("CREATE SCHEMA IF NOT EXISTS %s", qualified);
  g_autofree gchar *use_sql = g_strdup_printf ("USE %s", qualified);
  return (exists || run (conn, create_sql, error)) && run (conn, use_sql, error);
}
