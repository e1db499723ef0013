/* Catalog listings: catalogs, schemas, tables and views, columns with mapped types, functions,
 * primary keys, and JDBC LIKE patterns with escapes. */
#include "gw-duckdb-test-util.h"

static GwEngine *engine;
static GwEngineConnection *conn;

static void
run (const char *sql)
{
  g_autoptr (GwBatch) batch = test_query (conn, sql, NULL);
  (void) batch;
}

static GPtrArray *
list (GwCatalogKind kind, const char *catalog, const char *schema, const char *table,
      const char *name)
{
  GwCatalogFilter filter = { catalog, schema, table, name };
  g_autoptr (GError) error = NULL;
  GPtrArray *objects = gw_engine_list_catalog (conn, kind, &filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (objects);
  return objects;
}

static GwCatalogObject *
at (GPtrArray *objects, guint i)
{
  g_assert_cmpuint (i, <, objects->len);
  return objects->pdata[i];
}

static void
test_catalogs_and_schemas (void)
{
  g_autoptr (GPtrArray) catalogs = list (GW_CATALOG_CATALOGS, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (catalogs->len, ==, 1); /* the host in-memory database is not listed */
  g_assert_cmpstr (at (catalogs, 0)->name, ==, "default_catalog");

  g_autoptr (GPtrArray) schemas = list (GW_CATALOG_SCHEMAS, "default_catalog", NULL, NULL, NULL);
  gboolean found = FALSE;
  for (guint i = 0; i < schemas->len; i++)
    found |= g_strcmp0 (at (schemas, i)->name, "default_database") == 0;
  g_assert_true (found);
  g_autoptr (GPtrArray) none = list (GW_CATALOG_SCHEMAS, "nope", NULL, NULL, NULL);
  g_assert_cmpuint (none->len, ==, 0);
  g_autoptr (GPtrArray) pattern = list (GW_CATALOG_SCHEMAS, NULL, "default\\_data%", NULL, NULL);
  g_assert_cmpuint (pattern->len, ==, 1);
  g_assert_cmpstr (at (pattern, 0)->catalog, ==, "default_catalog");
}

static void
test_tables_and_views (void)
{
  g_autoptr (GPtrArray) tables = list (GW_CATALOG_TABLES, "default_catalog", "default_database",
                                       "cat\\_%", NULL);
  /* tables first, then views, each by name; catXorders does not match the escaped '_' */
  g_assert_cmpuint (tables->len, ==, 3);
  g_assert_cmpstr (at (tables, 0)->name, ==, "cat_orders");
  g_assert_cmpint (at (tables, 0)->table_type, ==, GW_TABLE_TYPE_TABLE);
  g_assert_cmpstr (at (tables, 0)->comment, ==, "all orders");
  g_assert_cmpstr (at (tables, 1)->name, ==, "cat_pk");
  g_assert_cmpstr (at (tables, 2)->name, ==, "cat_view");
  g_assert_cmpint (at (tables, 2)->table_type, ==, GW_TABLE_TYPE_VIEW);
  /* '_' is a wildcard unless escaped */
  g_autoptr (GPtrArray) wild = list (GW_CATALOG_TABLES, NULL, NULL, "cat_orders", NULL);
  g_assert_cmpuint (wild->len, ==, 2);
  g_autoptr (GPtrArray) exact = list (GW_CATALOG_TABLES, NULL, NULL, "cat\\_orders", NULL);
  g_assert_cmpuint (exact->len, ==, 1);
}

static void
test_columns (void)
{
  g_autoptr (GPtrArray) columns = list (GW_CATALOG_COLUMNS, NULL, NULL, "cat\\_orders", NULL);
  g_assert_cmpuint (columns->len, ==, 4);
  GwCatalogObject *id = at (columns, 0), *amount = at (columns, 1), *tags = at (columns, 2);
  g_assert_cmpstr (id->name, ==, "id");
  g_assert_cmpint (id->position, ==, 1);
  g_assert_false (id->nullable);
  g_assert_cmpint (gw_logical_type_get_root (id->type), ==, GW_TYPE_BIGINT);
  g_assert_cmpstr (amount->name, ==, "amount");
  g_assert_true (amount->nullable);
  g_assert_cmpint (gw_logical_type_get_root (amount->type), ==, GW_TYPE_DECIMAL);
  g_assert_cmpint (gw_logical_type_get_precision (amount->type), ==, 10);
  g_assert_cmpint (gw_logical_type_get_scale (amount->type), ==, 2);
  g_assert_cmpstr (amount->default_value, ==, "0");
  g_assert_cmpint (gw_logical_type_get_root (tags->type), ==, GW_TYPE_ARRAY);
  g_assert_cmpstr (at (columns, 3)->comment, ==, "who");

  g_autoptr (GPtrArray) one = list (GW_CATALOG_COLUMNS, NULL, NULL, "cat%", "am%");
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (at (one, 0)->table, ==, "cat_orders");
}

static void
test_functions_and_keys (void)
{
  g_autoptr (GPtrArray) functions = list (GW_CATALOG_FUNCTIONS, NULL, NULL, NULL, "read\\_csv");
  g_assert_cmpuint (functions->len, >=, 1);
  g_assert_cmpstr (at (functions, 0)->name, ==, "read_csv");
  g_assert_true (at (functions, 0)->returns_table);
  g_autoptr (GPtrArray) upper = list (GW_CATALOG_FUNCTIONS, NULL, NULL, NULL, "upper");
  g_assert_cmpuint (upper->len, >=, 1);
  g_assert_false (at (upper, 0)->returns_table);

  g_autoptr (GPtrArray) fks = list (GW_CATALOG_FOREIGN_KEYS, NULL, NULL, "fk\\_child", NULL);
  g_assert_cmpuint (fks->len, ==, 2);
  g_assert_cmpstr (at (fks, 0)->name, ==, "x");
  g_assert_cmpint (at (fks, 0)->position, ==, 1);
  g_assert_cmpstr (at (fks, 0)->ref_table, ==, "cat_pk");
  g_assert_cmpstr (at (fks, 0)->ref_name, ==, "a");
  g_assert_cmpstr (at (fks, 1)->ref_name, ==, "b");
  g_assert_nonnull (at (fks, 1)->constraint_name);

  g_autoptr (GPtrArray) keys = list (GW_CATALOG_PRIMARY_KEYS, NULL, NULL, "cat\\_pk", NULL);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (at (keys, 0)->name, ==, "a");
  g_assert_cmpint (at (keys, 0)->position, ==, 1);
  g_assert_cmpstr (at (keys, 1)->name, ==, "b");
  g_assert_cmpint (at (keys, 1)->position, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  engine = test_engine_open ("sql-gateway.engine.duckdb.path", ":memory:", NULL);
  conn = test_connect (engine);
  run ("CREATE TABLE cat_orders (id BIGINT NOT NULL, amount DECIMAL(10,2) DEFAULT 0, "
       "tags VARCHAR[], who VARCHAR)");
  run ("COMMENT ON TABLE cat_orders IS 'all orders'");
  run ("COMMENT ON COLUMN cat_orders.who IS 'who'");
  run ("CREATE VIEW cat_view AS SELECT id FROM cat_orders");
  run ("CREATE TABLE catXorders (x INT)");
  run ("CREATE TABLE cat_pk (a INT, b INT, c INT, PRIMARY KEY (a, b))");
  run ("CREATE TABLE fk_child (x INT, y INT, FOREIGN KEY (x, y) REFERENCES cat_pk (a, b))");
  g_test_add_func ("/engine/duckdb/catalog/catalogs-and-schemas", test_catalogs_and_schemas);
  g_test_add_func ("/engine/duckdb/catalog/tables-and-views", test_tables_and_views);
  g_test_add_func ("/engine/duckdb/catalog/columns", test_columns);
  g_test_add_func ("/engine/duckdb/catalog/functions-and-keys", test_functions_and_keys);
  int status = g_test_run ();
  gw_engine_connection_close (conn);
  gw_engine_close (engine);
  return status;
}
