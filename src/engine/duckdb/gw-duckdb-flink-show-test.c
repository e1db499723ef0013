/* Tests of SHOW TABLES / VIEWS / COLUMNS / FUNCTIONS, DESCRIBE, SHOW CREATE and EXPLAIN on a
 * real DuckDB engine: objects made by plain DuckDB SQL and by Flink DDL (with metadata). */
#include "gw-duckdb-metadata.h"
#include "gw-duckdb-private.h"
#include "gw-duckdb-test-util.h"

typedef struct {
  GwEngine           *engine;
  GwEngineConnection *conn;
} Fixture;

/* Runs DuckDB SQL directly, past the Flink parser: objects without Flink metadata. */
static void
duck_run (Fixture *f, const char *sql)
{
  duckdb_result result;
  duckdb_state state = duckdb_query (((GwDuckdbConnection *) f->conn)->connection, sql, &result);
  if (state == DuckDBError)
    g_error ("%s: %s", sql, duckdb_result_error (&result));
  duckdb_destroy_result (&result);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->engine = test_engine_open (NULL, NULL);
  f->conn = test_connect (f->engine);
  duck_run (f, "CREATE TABLE default_catalog.default_database.orders (id BIGINT PRIMARY KEY,"
               " product VARCHAR NOT NULL, amount DECIMAL(10, 2), note VARCHAR)");
  duck_run (f, "COMMENT ON COLUMN default_catalog.default_database.orders.note IS 'free text'");
  duck_run (f, "CREATE TABLE default_catalog.default_database.items (a INTEGER, b DOUBLE)");
  duck_run (f, "CREATE TABLE default_catalog.default_database.pairs (a INTEGER, b VARCHAR,"
               " c BOOLEAN, PRIMARY KEY (b, a))");
  duck_run (f, "CREATE VIEW default_catalog.default_database.big_orders AS"
               " SELECT id, amount FROM default_catalog.default_database.orders");
  duck_run (f, "CREATE SCHEMA default_catalog.other");
  duck_run (f, "CREATE TABLE default_catalog.other.t1 (x INTEGER)");
  duck_run (f, "CREATE VIEW default_catalog.other.v1 AS SELECT 1 AS one");
  duck_run (f, "CREATE MACRO default_catalog.default_database.add_one(x) AS x + 1");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gw_engine_connection_close (f->conn);
  gw_engine_close (f->engine);
}

/* The names of a one-column result, "a,b,c". */
static gchar *
names_of (GwBatch *batch)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; i < batch->n_rows; i++) {
    gsize len;
    const char *data = gw_column_get_bytes (batch->columns[0], i, &len);
    if (i > 0)
      g_string_append_c (s, ',');
    g_string_append_len (s, data, len);
  }
  return g_strdup (s->str);
}

/* Runs a SHOW list statement and checks its one column's name and the rows. */
static void
assert_list (Fixture *f, const char *sql, const char *column, const char *expected)
{
  GwStatementKind kind;
  g_autoptr (GwBatch) batch = test_query (f->conn, sql, &kind);
  g_assert_cmpint (kind, ==, GW_STATEMENT_CONTENT);
  g_assert_cmpuint (gw_result_schema_get_n_columns (batch->schema), ==, 1);
  g_assert_cmpstr (gw_result_schema_get_name (batch->schema, 0), ==, column);
  g_autofree gchar *type = gw_logical_type_to_string (gw_result_schema_get_type (batch->schema, 0));
  g_assert_cmpstr (type, ==, "STRING");
  g_autofree gchar *names = names_of (batch);
  if (g_strcmp0 (names, expected) != 0)
    g_error ("%s: got [%s], expected [%s]", sql, names, expected);
}

static void
assert_error (Fixture *f, const char *sql, GwErrorCode code, const char *message)
{
  g_autoptr (GError) error = test_query_error (f->conn, sql);
  g_assert_error (error, GW_ERROR, (gint) code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_tables (Fixture *f, gconstpointer data)
{
  /* Flink's SHOW TABLES lists views too. */
  assert_list (f, "SHOW TABLES", "table name", "big_orders,items,orders,pairs");
  assert_list (f, "show tables;", "table name", "big_orders,items,orders,pairs");
  assert_list (f, "SHOW VIEWS", "view name", "big_orders");
  /* A DuckDB temporary object belongs to no Flink database. */
  duck_run (f, "CREATE TEMP TABLE scratch (x INTEGER)");
  assert_list (f, "SHOW TABLES", "table name", "big_orders,items,orders,pairs");
  assert_list (f, "SHOW TABLES FROM other", "table name", "t1,v1");
}

static void
test_tables_like (Fixture *f, gconstpointer data)
{
  assert_list (f, "SHOW TABLES LIKE '%orders'", "table name", "big_orders,orders");
  assert_list (f, "SHOW TABLES NOT LIKE '%orders'", "table name", "items,pairs");
  assert_list (f, "SHOW TABLES LIKE '%ORDERS'", "table name", "");
  assert_list (f, "SHOW TABLES ILIKE '%ORDERS'", "table name", "big_orders,orders");
  assert_list (f, "SHOW TABLES NOT ILIKE '%ORDERS'", "table name", "items,pairs");
  assert_list (f, "SHOW TABLES LIKE 'i_ems'", "table name", "items");
  assert_list (f, "SHOW TABLES LIKE 'big\\_%'", "table name", "big_orders");
  assert_list (f, "SHOW TABLES LIKE 'big\\%'", "table name", "");
  assert_list (f, "SHOW VIEWS LIKE 'big%'", "view name", "big_orders");
  assert_list (f, "SHOW VIEWS NOT LIKE 'big%'", "view name", "");
  assert_list (f, "SHOW VIEWS ILIKE 'BIG%'", "view name", "big_orders");
}

static void
test_tables_from (Fixture *f, gconstpointer data)
{
  assert_list (f, "SHOW TABLES FROM other", "table name", "t1,v1");
  assert_list (f, "SHOW TABLES IN default_catalog.other", "table name", "t1,v1");
  assert_list (f, "SHOW TABLES IN default_catalog.other LIKE 't%'", "table name", "t1");
  assert_list (f, "SHOW TABLES FROM `other` NOT LIKE 't%'", "table name", "v1");
  assert_list (f, "SHOW VIEWS FROM other", "view name", "v1");
  assert_list (f, "SHOW VIEWS IN default_catalog.default_database", "view name", "big_orders");

  assert_error (f, "SHOW TABLES FROM nope", GW_ERROR_VALIDATION,
                "Database 'default_catalog'.'nope' doesn't exist.");
  assert_error (f, "SHOW VIEWS IN default_catalog.nope", GW_ERROR_VALIDATION,
                "Database 'default_catalog'.'nope' doesn't exist.");
  assert_error (f, "SHOW TABLES FROM nocat.db", GW_ERROR_CATALOG,
                "A catalog with name [nocat] does not exist.");
  /* The gateway's bookkeeping schema is not a Flink database. */
  assert_error (f, "SHOW TABLES FROM __gateway", GW_ERROR_VALIDATION,
                "Database 'default_catalog'.'__gateway' doesn't exist.");
}

/* One DESCRIBE row; the comment is checked only when the result has the column. */
static void
assert_column_row (GwBatch *batch, guint row, const char *name, const char *type,
                   gboolean nullable, const char *key, const char *extras, const char *watermark,
                   const char *comment)
{
  test_assert_text (batch->columns[0], row, name);
  test_assert_text (batch->columns[1], row, type);
  g_assert_false (gw_column_is_null (batch->columns[2], row));
  g_assert_cmpint (batch->columns[2]->bools[row], ==, nullable);
  test_assert_text (batch->columns[3], row, key);
  test_assert_text (batch->columns[4], row, extras);
  test_assert_text (batch->columns[5], row, watermark);
  if (gw_result_schema_get_n_columns (batch->schema) == 7)
    test_assert_text (batch->columns[6], row, comment);
}

static void
assert_describe_schema (GwBatch *batch, gboolean with_comment)
{
  static const char *const names[] = { "name", "type", "null", "key", "extras", "watermark",
                                       "comment" };
  static const char *const types[] = { "STRING", "STRING", "BOOLEAN", "STRING", "STRING",
                                       "STRING", "STRING" };
  guint n = with_comment ? 7 : 6;
  g_assert_cmpuint (gw_result_schema_get_n_columns (batch->schema), ==, n);
  for (guint i = 0; i < n; i++) {
    g_assert_cmpstr (gw_result_schema_get_name (batch->schema, i), ==, names[i]);
    g_autofree gchar *type = gw_logical_type_to_string (gw_result_schema_get_type (batch->schema,
                                                                                   i));
    g_assert_cmpstr (type, ==, types[i]);
  }
}

static void
test_describe (Fixture *f, gconstpointer data)
{
  GwStatementKind kind;
  g_autoptr (GwBatch) orders = test_query (f->conn, "DESCRIBE orders", &kind);
  g_assert_cmpint (kind, ==, GW_STATEMENT_CONTENT);
  assert_describe_schema (orders, TRUE);
  g_assert_cmpuint (orders->n_rows, ==, 4);
  assert_column_row (orders, 0, "id", "BIGINT", FALSE, "PRI(id)", NULL, NULL, NULL);
  assert_column_row (orders, 1, "product", "STRING", FALSE, NULL, NULL, NULL, NULL);
  assert_column_row (orders, 2, "amount", "DECIMAL(10, 2)", TRUE, NULL, NULL, NULL, NULL);
  assert_column_row (orders, 3, "note", "STRING", TRUE, NULL, NULL, NULL, "free text");

  /* No comment anywhere: no comment column. */
  g_autoptr (GwBatch) items = test_query (f->conn, "DESC default_catalog.default_database.items",
                                          NULL);
  assert_describe_schema (items, FALSE);
  g_assert_cmpuint (items->n_rows, ==, 2);
  assert_column_row (items, 0, "a", "INT", TRUE, NULL, NULL, NULL, NULL);
  assert_column_row (items, 1, "b", "DOUBLE", TRUE, NULL, NULL, NULL, NULL);

  /* A composite key is shown in its declared order on every key column. */
  g_autoptr (GwBatch) pairs = test_query (f->conn, "DESCRIBE EXTENDED pairs", NULL);
  assert_describe_schema (pairs, FALSE);
  assert_column_row (pairs, 0, "a", "INT", FALSE, "PRI(b, a)", NULL, NULL, NULL);
  assert_column_row (pairs, 1, "b", "STRING", FALSE, "PRI(b, a)", NULL, NULL, NULL);
  assert_column_row (pairs, 2, "c", "BOOLEAN", TRUE, NULL, NULL, NULL, NULL);

  g_autoptr (GwBatch) view = test_query (f->conn, "DESCRIBE big_orders", NULL);
  assert_describe_schema (view, FALSE);
  g_assert_cmpuint (view->n_rows, ==, 2);
  assert_column_row (view, 0, "id", "BIGINT", TRUE, NULL, NULL, NULL, NULL);
  assert_column_row (view, 1, "amount", "DECIMAL(10, 2)", TRUE, NULL, NULL, NULL, NULL);

  g_autoptr (GwBatch) other = test_query (f->conn, "DESCRIBE other.v1", NULL);
  assert_column_row (other, 0, "one", "INT", TRUE, NULL, NULL, NULL, NULL);
}

static void
test_show_columns (Fixture *f, gconstpointer data)
{
  /* The comment column stays even when the commented column is filtered out. */
  g_autoptr (GwBatch) like = test_query (f->conn, "SHOW COLUMNS FROM orders LIKE '%d%'", NULL);
  assert_describe_schema (like, TRUE);
  g_assert_cmpuint (like->n_rows, ==, 2);
  assert_column_row (like, 0, "id", "BIGINT", FALSE, "PRI(id)", NULL, NULL, NULL);
  assert_column_row (like, 1, "product", "STRING", FALSE, NULL, NULL, NULL, NULL);

  g_autoptr (GwBatch) not_like = test_query (f->conn, "SHOW COLUMNS IN orders NOT LIKE '%t%'",
                                             NULL);
  assert_describe_schema (not_like, TRUE);
  g_assert_cmpuint (not_like->n_rows, ==, 1);
  assert_column_row (not_like, 0, "id", "BIGINT", FALSE, "PRI(id)", NULL, NULL, NULL);

  g_autoptr (GwBatch) ilike = test_query (f->conn, "SHOW COLUMNS FROM orders ILIKE 'ID'", NULL);
  g_assert_cmpuint (ilike->n_rows, ==, 1);
  g_autoptr (GwBatch) none = test_query (f->conn, "SHOW COLUMNS FROM orders LIKE 'ID'", NULL);
  assert_describe_schema (none, TRUE);
  g_assert_cmpuint (none->n_rows, ==, 0);

  g_autoptr (GwBatch) other = test_query (f->conn, "SHOW COLUMNS IN default_catalog.other.t1",
                                          NULL);
  g_assert_cmpuint (other->n_rows, ==, 1);
  assert_column_row (other, 0, "x", "INT", TRUE, NULL, NULL, NULL, NULL);
}

static void
test_describe_errors (Fixture *f, gconstpointer data)
{
  assert_error (f, "DESCRIBE nope", GW_ERROR_VALIDATION,
                "Tables or views with the identifier 'default_catalog.default_database.nope' "
                "doesn't exist.");
  /* Flink names are case-sensitive, although DuckDB would find "orders". */
  assert_error (f, "DESC ORDERS", GW_ERROR_VALIDATION,
                "Tables or views with the identifier 'default_catalog.default_database.ORDERS' "
                "doesn't exist.");
  assert_error (f, "SHOW COLUMNS FROM other.nope", GW_ERROR_VALIDATION,
                "Tables or views with the identifier 'default_catalog.other.nope' doesn't "
                "exist.");
  assert_error (f, "DESCRIBE nocat.db.t", GW_ERROR_VALIDATION,
                "Tables or views with the identifier 'nocat.db.t' doesn't exist.");
}

static gchar *
single_result (Fixture *f, const char *sql)
{
  GwStatementKind kind;
  g_autoptr (GwBatch) batch = test_query (f->conn, sql, &kind);
  g_assert_cmpint (kind, ==, GW_STATEMENT_CONTENT);
  g_assert_cmpuint (gw_result_schema_get_n_columns (batch->schema), ==, 1);
  g_assert_cmpstr (gw_result_schema_get_name (batch->schema, 0), ==, "result");
  g_autofree gchar *type = gw_logical_type_to_string (gw_result_schema_get_type (batch->schema, 0));
  g_assert_cmpstr (type, ==, "STRING");
  g_assert_cmpuint (batch->n_rows, ==, 1);
  gsize len;
  const char *data = gw_column_get_bytes (batch->columns[0], 0, &len);
  return g_strndup (data, len);
}

static void
test_show_create (Fixture *f, gconstpointer data)
{
  g_autofree gchar *table = single_result (f, "SHOW CREATE TABLE orders");
  g_assert_cmpstr (table, ==,
                   "CREATE TABLE `default_catalog`.`default_database`.`orders` (\n"
                   "  `id` BIGINT NOT NULL,\n"
                   "  `product` VARCHAR(2147483647) NOT NULL,\n"
                   "  `amount` DECIMAL(10, 2),\n"
                   "  `note` VARCHAR(2147483647) COMMENT 'free text',\n"
                   "  CONSTRAINT `PK_id` PRIMARY KEY (`id`) NOT ENFORCED\n"
                   ")");
  /* A DuckDB view: its columns and DuckDB's query, in the formatter's CREATE VIEW layout. */
  g_autofree gchar *view = single_result (f, "SHOW CREATE VIEW other.v1");
  const char *columns[] = { "one", NULL };
  GwFlinkCreateView expected_view = { .column_names = (GStrv) columns,
                                      .query = (gchar *) "SELECT 1 AS one" };
  GwFlinkName full_name = { { (gchar *) "default_catalog", (gchar *) "other", (gchar *) "v1" }, 3 };
  g_autofree gchar *expected = gw_flink_create_view_to_sql (&expected_view, &full_name);
  g_assert_cmpstr (view, ==, expected);
  g_assert_true (g_str_has_prefix (view, "CREATE VIEW `default_catalog`.`other`.`v1` ("));

  assert_error (f, "SHOW CREATE TABLE big_orders", GW_ERROR_SQL,
                "SHOW CREATE TABLE is only supported for tables, but "
                "`default_catalog`.`default_database`.`big_orders` is a view. Please use SHOW "
                "CREATE VIEW instead.");
  assert_error (f, "SHOW CREATE VIEW orders", GW_ERROR_SQL,
                "SHOW CREATE VIEW is only supported for views, but "
                "`default_catalog`.`default_database`.`orders` is a table. Please use SHOW "
                "CREATE TABLE instead.");
  assert_error (f, "SHOW CREATE TABLE nope", GW_ERROR_VALIDATION,
                "Could not execute SHOW CREATE TABLE. Table with identifier "
                "`default_catalog`.`default_database`.`nope` does not exist.");
  assert_error (f, "SHOW CREATE VIEW other.nope", GW_ERROR_VALIDATION,
                "Could not execute SHOW CREATE VIEW. View with identifier "
                "`default_catalog`.`other`.`nope` does not exist.");
}

static void
test_functions (Fixture *f, gconstpointer data)
{
  assert_list (f, "SHOW USER FUNCTIONS", "function name", "add_one");
  assert_list (f, "SHOW USER FUNCTIONS FROM other", "function name", "");
  duck_run (f, "CREATE TEMP MACRO twice(x) AS x * 2");
  /* Temporary functions belong to every database, as Flink's temporary system functions. */
  assert_list (f, "SHOW USER FUNCTIONS IN default_catalog.other", "function name", "twice");
  assert_list (f, "SHOW USER FUNCTIONS ILIKE 'ADD%'", "function name", "add_one");
  assert_list (f, "SHOW USER FUNCTIONS NOT LIKE 'add%'", "function name", "twice");
  assert_list (f, "SHOW FUNCTIONS LIKE 'add\\_one'", "function name", "add_one");
  assert_list (f, "SHOW FUNCTIONS ILIKE 'LOWE_'", "function name", "lower");

  g_autoptr (GwBatch) all = test_query (f->conn, "SHOW FUNCTIONS", NULL);
  g_assert_cmpuint (all->n_rows, >, 100);
  gboolean abs_found = FALSE, add_one_found = FALSE;
  for (guint i = 0; i < all->n_rows; i++) {
    gsize len;
    const char *data = gw_column_get_bytes (all->columns[0], i, &len);
    g_autofree gchar *name = g_strndup (data, len);
    abs_found |= g_str_equal (name, "abs");
    add_one_found |= g_str_equal (name, "add_one");
    g_assert_false (g_str_has_prefix (name, "__internal"));
    if (i > 0) {
      /* sorted, each name once */
      const char *prev = gw_column_get_bytes (all->columns[0], i - 1, &len);
      g_autofree gchar *previous = g_strndup (prev, len);
      g_assert_cmpint (strcmp (previous, name), <, 0);
    }
  }
  g_assert_true (abs_found && add_one_found);
}

static void
test_explain (Fixture *f, gconstpointer data)
{
  g_autofree gchar *select = single_result (f, "EXPLAIN SELECT id FROM orders WHERE id > 1");
  g_assert_true (g_str_has_prefix (select, "== Physical Plan ==\n"));
  g_assert_nonnull (strstr (select, "SEQ_SCAN"));
  g_autofree gchar *plan_for = single_result (f, "EXPLAIN PLAN FOR SELECT `a` FROM items");
  g_assert_true (g_str_has_prefix (plan_for, "== Physical Plan ==\n"));
  /* An INSERT into a DuckDB table is explained as DuckDB would run it. */
  g_autofree gchar *insert = single_result (f, "EXPLAIN PLAN FOR INSERT INTO items SELECT 1, 2.0");
  g_assert_nonnull (strstr (insert, "INSERT"));
  g_autoptr (GError) error = test_query_error (f->conn, "EXPLAIN SELECT * FROM nope");
  g_assert_error (error, GW_ERROR, GW_ERROR_SQL);
}

/* ---- objects with Flink metadata ---- */

#define CLICKS_DDL                                                                             \
  "CREATE TABLE `default_catalog`.`default_database`.`clicks` (\n"                              \
  "  `user` BIGINT NOT NULL,\n"                                                                \
  "  `product` VARCHAR(32),\n"                                                                 \
  "  `amount` INT,\n"                                                                          \
  "  `ts` TIMESTAMP(3),\n"                                                                     \
  "  `ptime` AS PROCTIME(),\n"                                                                 \
  "  `doubled` AS `amount` * 2,\n"                                                             \
  "  `meta` STRING METADATA FROM 'k' VIRTUAL,\n"                                               \
  "  `note` STRING COMMENT 'a note',\n"                                                        \
  "  WATERMARK FOR `ts` AS `ts` - INTERVAL '1' SECOND,\n"                                      \
  "  CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED\n"                                 \
  ") WITH (\n"                                                                                 \
  "  'connector' = 'datagen'\n"                                                                \
  ")"

/* Records Flink metadata as the DDL part does, for an object made here by DuckDB SQL. */
static void
store_metadata (Fixture *f, const char *database, const char *name, gboolean temporary,
                const char *ddl)
{
  GwDuckdbPath path = { (gchar *) "default_catalog", (gchar *) database, (gchar *) name };
  g_autoptr (GError) error = NULL;
  gboolean ok = gw_duckdb_metadata_store ((GwDuckdbConnection *) f->conn, &path, temporary, ddl,
                                          &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* What SHOW CREATE must answer for stored DDL: the formatter's text of it (a view with the
 * columns view_columns). */
static gchar *
formatted (const char *ddl, const char *database, const char *name, gboolean temporary,
           const char *const *view_columns)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GwFlinkStatement) stmt = gw_flink_statement_parse (ddl, &error);
  g_assert_no_error (error);
  GwFlinkName full_name = { { (gchar *) "default_catalog", (gchar *) database, (gchar *) name },
                            3 };
  if (stmt->create_view != NULL) {
    stmt->create_view->temporary = temporary;
    if (view_columns != NULL && stmt->create_view->column_names == NULL)
      stmt->create_view->column_names = g_strdupv ((GStrv) view_columns);
    return gw_flink_create_view_to_sql (stmt->create_view, &full_name);
  }
  stmt->create_table->temporary = temporary;
  return gw_flink_create_table_to_sql (stmt->create_table, &full_name);
}

static void
metadata_set_up (Fixture *f, gconstpointer data)
{
  fixture_set_up (f, data);
  /* A connector table is a DuckDB view reading its source. */
  duck_run (f, "CREATE VIEW default_catalog.default_database.clicks AS SELECT 1::BIGINT AS"
               " \"user\", 'p' AS product, 2 AS amount, TIMESTAMP '2024-01-01' AS ts");
  store_metadata (f, "default_database", "clicks", FALSE, CLICKS_DDL);
  duck_run (f, "CREATE VIEW default_catalog.default_database.fv AS SELECT \"user\" FROM clicks");
  store_metadata (f, "default_database", "fv", FALSE,
                  "CREATE VIEW `default_catalog`.`default_database`.`fv` AS SELECT `user` FROM "
                  "`clicks`");
  duck_run (f, "CREATE TEMP VIEW tmp_clicks AS SELECT 1 AS x");
  store_metadata (f, "default_database", "tmp_clicks", TRUE,
                  "CREATE TEMPORARY TABLE `default_catalog`.`default_database`.`tmp_clicks` "
                  "(`x` INT) WITH ('connector' = 'datagen')");
  duck_run (f, "CREATE TEMP TABLE tmp_other (y BIGINT)");
  store_metadata (f, "other", "tmp_other", TRUE,
                  "CREATE TEMPORARY TABLE `default_catalog`.`other`.`tmp_other` (`y` BIGINT)");
}

static void
test_metadata_lists (Fixture *f, gconstpointer data)
{
  /* A connector table is a table although DuckDB holds a view; temporary objects are listed in
   * their own database only. */
  assert_list (f, "SHOW TABLES", "table name",
               "big_orders,clicks,fv,items,orders,pairs,tmp_clicks");
  assert_list (f, "SHOW VIEWS", "view name", "big_orders,fv");
  assert_list (f, "SHOW TABLES FROM other", "table name", "t1,tmp_other,v1");
  assert_list (f, "SHOW TABLES LIKE 'tmp%'", "table name", "tmp_clicks");
  assert_list (f, "SHOW VIEWS FROM other", "view name", "v1");
}

static void
test_metadata_describe (Fixture *f, gconstpointer data)
{
  g_autoptr (GwBatch) clicks = test_query (f->conn, "DESCRIBE clicks", NULL);
  assert_describe_schema (clicks, TRUE);
  g_assert_cmpuint (clicks->n_rows, ==, 8);
  assert_column_row (clicks, 0, "user", "BIGINT", FALSE, "PRI(user)", NULL, NULL, NULL);
  assert_column_row (clicks, 1, "product", "VARCHAR(32)", TRUE, NULL, NULL, NULL, NULL);
  assert_column_row (clicks, 2, "amount", "INT", TRUE, NULL, NULL, NULL, NULL);
  assert_column_row (clicks, 3, "ts", "TIMESTAMP(3) *ROWTIME*", TRUE, NULL, NULL,
                     "`ts` - INTERVAL '1' SECOND", NULL);
  assert_column_row (clicks, 4, "ptime", "TIMESTAMP_LTZ(3) *PROCTIME*", FALSE, NULL,
                     "AS PROCTIME()", NULL, NULL);
  /* Typed by DuckDB from the expression over the source. */
  assert_column_row (clicks, 5, "doubled", "INT", TRUE, NULL, "AS `amount` * 2", NULL, NULL);
  assert_column_row (clicks, 6, "meta", "STRING", TRUE, NULL, "METADATA FROM 'k' VIRTUAL", NULL,
                     NULL);
  assert_column_row (clicks, 7, "note", "STRING", TRUE, NULL, NULL, NULL, "a note");

  g_autoptr (GwBatch) like = test_query (f->conn, "SHOW COLUMNS FROM clicks NOT LIKE '%t%'",
                                         NULL);
  assert_describe_schema (like, TRUE);
  g_assert_cmpuint (like->n_rows, ==, 2);
  assert_column_row (like, 0, "user", "BIGINT", FALSE, "PRI(user)", NULL, NULL, NULL);
  assert_column_row (like, 1, "doubled", "INT", TRUE, NULL, "AS `amount` * 2", NULL, NULL);

  /* A Flink view's columns come from its DuckDB view. */
  g_autoptr (GwBatch) view = test_query (f->conn, "DESCRIBE fv", NULL);
  assert_describe_schema (view, FALSE);
  g_assert_cmpuint (view->n_rows, ==, 1);
  assert_column_row (view, 0, "user", "BIGINT", TRUE, NULL, NULL, NULL, NULL);

  g_autoptr (GwBatch) temporary = test_query (f->conn, "DESC tmp_clicks", NULL);
  g_assert_cmpuint (temporary->n_rows, ==, 1);
  assert_column_row (temporary, 0, "x", "INT", TRUE, NULL, NULL, NULL, NULL);
  g_autoptr (GwBatch) other = test_query (f->conn, "DESC other.tmp_other", NULL);
  assert_column_row (other, 0, "y", "BIGINT", TRUE, NULL, NULL, NULL, NULL);
  assert_error (f, "DESCRIBE tmp_other", GW_ERROR_VALIDATION,
                "Tables or views with the identifier 'default_catalog.default_database.tmp_other' "
                "doesn't exist.");
  assert_error (f, "DESCRIBE scratch_nope", GW_ERROR_VALIDATION,
                "Tables or views with the identifier "
                "'default_catalog.default_database.scratch_nope' doesn't exist.");
}

static void
test_metadata_show_create (Fixture *f, gconstpointer data)
{
  g_autofree gchar *clicks = single_result (f, "SHOW CREATE TABLE clicks");
  g_autofree gchar *clicks_expected = formatted (CLICKS_DDL, "default_database", "clicks", FALSE,
                                                 NULL);
  g_assert_cmpstr (clicks, ==, clicks_expected);
  g_assert_nonnull (strstr (clicks, "'connector' = 'datagen'"));

  /* Flink lists a view's columns even when CREATE VIEW did not name them. */
  g_autofree gchar *view = single_result (f, "SHOW CREATE VIEW fv");
  const char *const columns[] = { "user", NULL };
  g_autofree gchar *view_expected = formatted (
      "CREATE VIEW `default_catalog`.`default_database`.`fv` AS SELECT `user` FROM `clicks`",
      "default_database", "fv", FALSE, columns);
  g_assert_cmpstr (view, ==, view_expected);
  g_assert_nonnull (strstr (view, "SELECT `user` FROM `clicks`"));

  g_autofree gchar *temporary = single_result (f, "SHOW CREATE TABLE tmp_clicks");
  g_assert_true (g_str_has_prefix (
      temporary, "CREATE TEMPORARY TABLE `default_catalog`.`default_database`.`tmp_clicks` ("));

  assert_error (f, "SHOW CREATE VIEW clicks", GW_ERROR_SQL,
                "SHOW CREATE VIEW is only supported for views, but "
                "`default_catalog`.`default_database`.`clicks` is a table. Please use SHOW "
                "CREATE TABLE instead.");
  assert_error (f, "SHOW CREATE TABLE fv", GW_ERROR_SQL,
                "SHOW CREATE TABLE is only supported for tables, but "
                "`default_catalog`.`default_database`.`fv` is a view. Please use SHOW "
                "CREATE VIEW instead.");
}

static void
test_metadata_explain (Fixture *f, gconstpointer data)
{
  /* Writing a connector table is a job, not DuckDB's INSERT: its source query is explained. */
  g_autofree gchar *insert = single_result (
      f, "EXPLAIN PLAN FOR INSERT INTO clicks SELECT `user`, product, amount, ts FROM clicks");
  g_assert_true (g_str_has_prefix (insert, "== Physical Plan ==\n"));
  g_assert_null (strstr (insert, "INSERT"));
}

/* ---- through Flink DDL (Flink's own table.q / view.q scenarios) ---- */

static void
empty_set_up (Fixture *f, gconstpointer data)
{
  f->engine = test_engine_open (NULL, NULL);
  f->conn = test_connect (f->engine);
}

static void
test_flink_ddl (Fixture *f, gconstpointer data)
{
  test_run (f->conn, "CREATE TABLE IF NOT EXISTS orders (\n `user` BIGINT NOT NULl,\n"
                     " product VARCHAR(32),\n amount INT,\n ts TIMESTAMP(3),\n"
                     " ptime AS PROCTIME(),\n PRIMARY KEY(`user`) NOT ENFORCED,\n"
                     " WATERMARK FOR ts AS `ts` - INTERVAL '1' SECOND\n"
                     ") with (\n 'connector' = 'datagen'\n)");
  assert_list (f, "show tables", "table name", "orders");

  g_autoptr (GwBatch) describe = test_query (f->conn, "describe orders", NULL);
  assert_describe_schema (describe, FALSE);
  g_assert_cmpuint (describe->n_rows, ==, 5);
  assert_column_row (describe, 0, "user", "BIGINT", FALSE, "PRI(user)", NULL, NULL, NULL);
  assert_column_row (describe, 1, "product", "VARCHAR(32)", TRUE, NULL, NULL, NULL, NULL);
  assert_column_row (describe, 2, "amount", "INT", TRUE, NULL, NULL, NULL, NULL);
  assert_column_row (describe, 3, "ts", "TIMESTAMP(3) *ROWTIME*", TRUE, NULL, NULL,
                     "`ts` - INTERVAL '1' SECOND", NULL);
  assert_column_row (describe, 4, "ptime", "TIMESTAMP_LTZ(3) *PROCTIME*", FALSE, NULL,
                     "AS PROCTIME()", NULL, NULL);

  g_autoptr (GwBatch) like = test_query (f->conn, "show columns from orders like '%r'", NULL);
  g_assert_cmpuint (like->n_rows, ==, 1);
  assert_column_row (like, 0, "user", "BIGINT", FALSE, "PRI(user)", NULL, NULL, NULL);
  g_autoptr (GwBatch) not_like = test_query (f->conn, "show columns in orders not like 'use_'",
                                             NULL);
  g_assert_cmpuint (not_like->n_rows, ==, 4);
  test_assert_text (not_like->columns[0], 0, "product");
  g_autoptr (GwBatch) empty = test_query (f->conn, "show columns from orders like '%u'", NULL);
  g_assert_cmpuint (empty->n_rows, ==, 0);

  g_autofree gchar *create = single_result (f, "show create table orders");
  g_assert_true (g_str_has_prefix (create,
                                   "CREATE TABLE `default_catalog`.`default_database`.`orders` (\n"
                                   "  `user` BIGINT NOT NULL,\n"
                                   "  `product` VARCHAR(32),\n"));
  g_assert_nonnull (strstr (create, "  CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED\n"));
  g_assert_nonnull (strstr (create, "'connector' = 'datagen'"));

  test_run (f->conn, "create temporary view v1 as select * from orders");
  test_run (f->conn, "create view v2 as select `user`, amount from orders");
  assert_list (f, "show tables", "table name", "orders,v1,v2");
  assert_list (f, "show views", "view name", "v1,v2");
  g_autofree gchar *v1 = single_result (f, "show create view v1");
  g_assert_true (g_str_has_prefix (
      v1, "CREATE TEMPORARY VIEW `default_catalog`.`default_database`.`v1` ("));
  g_autoptr (GwBatch) v2 = test_query (f->conn, "desc v2", NULL);
  g_assert_cmpuint (v2->n_rows, ==, 2);
  test_assert_text (v2->columns[0], 0, "user");
  test_assert_text (v2->columns[0], 1, "amount");
  assert_error (f, "show create table v1", GW_ERROR_SQL,
                "SHOW CREATE TABLE is only supported for tables, but "
                "`default_catalog`.`default_database`.`v1` is a view. Please use SHOW CREATE VIEW "
                "instead.");
  assert_error (f, "show create view orders", GW_ERROR_SQL,
                "SHOW CREATE VIEW is only supported for views, but "
                "`default_catalog`.`default_database`.`orders` is a table. Please use SHOW CREATE "
                "TABLE instead.");

  test_run (f->conn, "create temporary table tbl1 (`user` BIGINT NOT NULl, product VARCHAR(32))"
                     " with ('connector' = 'datagen')");
  g_autofree gchar *tbl1 = single_result (f, "show create table tbl1");
  g_assert_true (g_str_has_prefix (
      tbl1, "CREATE TEMPORARY TABLE `default_catalog`.`default_database`.`tbl1` (\n"));
  test_run (f->conn, "create table `mod` (`table` string, `database` string)"
                     " with ('connector' = 'datagen')");
  g_autoptr (GwBatch) mod = test_query (f->conn, "describe `mod`", NULL);
  assert_describe_schema (mod, FALSE);
  assert_column_row (mod, 0, "table", "STRING", TRUE, NULL, NULL, NULL, NULL);
  assert_column_row (mod, 1, "database", "STRING", TRUE, NULL, NULL, NULL, NULL);
  assert_list (f, "show tables", "table name", "mod,orders,tbl1,v1,v2");
}

#define ADD(path, func)                                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/duckdb-flink/show/tables", test_tables);
  ADD ("/duckdb-flink/show/tables-like", test_tables_like);
  ADD ("/duckdb-flink/show/tables-from", test_tables_from);
  ADD ("/duckdb-flink/show/describe", test_describe);
  ADD ("/duckdb-flink/show/columns-like", test_show_columns);
  ADD ("/duckdb-flink/show/describe-errors", test_describe_errors);
  ADD ("/duckdb-flink/show/create", test_show_create);
  ADD ("/duckdb-flink/show/functions", test_functions);
  ADD ("/duckdb-flink/show/explain", test_explain);
  g_test_add ("/duckdb-flink/show/metadata-lists", Fixture, NULL, metadata_set_up,
              test_metadata_lists, fixture_tear_down);
  g_test_add ("/duckdb-flink/show/metadata-describe", Fixture, NULL, metadata_set_up,
              test_metadata_describe, fixture_tear_down);
  g_test_add ("/duckdb-flink/show/metadata-create", Fixture, NULL, metadata_set_up,
              test_metadata_show_create, fixture_tear_down);
  g_test_add ("/duckdb-flink/show/flink-ddl", Fixture, NULL, empty_set_up, test_flink_ddl,
              fixture_tear_down);
  g_test_add ("/duckdb-flink/show/metadata-explain", Fixture, NULL, metadata_set_up,
              test_metadata_explain, fixture_tear_down);
  return g_test_run ();
}
