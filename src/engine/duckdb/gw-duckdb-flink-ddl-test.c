/* Flink DDL on a real file-backed DuckDB engine: native and connector tables, LIKE, views, DROP,
 * ALTER TABLE, temporary objects, Flink's error texts, and metadata surviving a restart. The
 * connectors themselves are tested in gw-duckdb-connector-test.c. */
#include "gw-duckdb-flink-ddl-test-util.h"
#include "gw-duckdb-flink.h"
#include "gw-duckdb-metadata.h"

/* The stored DDL of name equals expected as the formatter writes it (so the test does not depend
 * on the layout of SHOW CREATE TABLE, only on the definition). */
static void
assert_stored (Fixture *f, const char *name, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GwFlinkStatement) stmt = gw_flink_statement_parse (expected, &error);
  g_assert_no_error (error);
  GwFlinkName full = { { "default_catalog", "default_database", (gchar *) name }, 3 };
  g_autofree gchar *formatted = stmt->kind == GW_FLINK_CREATE_VIEW
                                ? gw_flink_create_view_to_sql (stmt->create_view, &full)
                                : gw_flink_create_table_to_sql (stmt->create_table, &full);
  g_autofree gchar *stored = stored_ddl (f, name);
  g_assert_cmpstr (stored, ==, formatted);
}

/* ---- native tables ---- */

static void
test_native_table (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE orders (id INT NOT NULL, name STRING, price DECIMAL(10, 2), "
          "total AS price * 2, PRIMARY KEY (id) NOT ENFORCED) COMMENT 'the orders' "
          "WITH ('k' = 'v')");
  g_autofree gchar *columns = duckdb_columns (f, "default_database", "orders");
  g_assert_cmpstr (columns, ==, "id INTEGER NOT NULL, name VARCHAR, price DECIMAL(10,2), "
                                "total DECIMAL(18,2)");
  run (f, "INSERT INTO orders (id, name, price) VALUES (1, 'a', 2.50), (1, 'b', 1)");
  /* NOT ENFORCED: duplicate keys are kept. */
  assert_scalar (f, "SELECT CAST(sum(total) AS VARCHAR) FROM orders", "7.00");
  assert_stored (f, "orders", "CREATE TABLE `default_catalog`.`default_database`.`orders` (\n"
                   "  `id` INT NOT NULL,\n"
                   "  `name` STRING,\n"
                   "  `price` DECIMAL(10, 2),\n"
                   "  `total` AS `price` * 2,\n"
                   "  CONSTRAINT `PK_id` PRIMARY KEY (`id`) NOT ENFORCED\n"
                   ")\n"
                   "COMMENT 'the orders'\n"
                   "WITH (\n"
                   "  'k' = 'v'\n"
                   ")");
}

static void
test_native_errors (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE t (a INT)");
  assert_error (f, "CREATE TABLE t (a INT)", GW_ERROR_TABLE_ALREADY_EXIST,
                "Table (or view) default_database.t already exists in Catalog default_catalog.");
  run (f, "CREATE TABLE IF NOT EXISTS t (b INT)");
  g_autofree gchar *columns = duckdb_columns (f, "default_database", "t");
  g_assert_cmpstr (columns, ==, "a INTEGER");
  assert_error (f, "CREATE TABLE nodb.t (a INT)", GW_ERROR_DATABASE_NOT_EXIST,
                "Database nodb does not exist in Catalog default_catalog.");
  assert_error (f, "CREATE TABLE nocat.db.t (a INT)", GW_ERROR_VALIDATION,
                "Catalog nocat does not exist.");
  assert_error_prefix (f, "CREATE TABLE u (a NOSUCHTYPE)", GW_ERROR_VALIDATION,
                       "Invalid data type of column `a`: ");
  assert_error (f, "CREATE TABLE u (a INT, m STRING METADATA)", GW_ERROR_VALIDATION,
                "Metadata column `m` needs a connector that provides it: a table without "
                "'connector' has no metadata to read.");
  assert_error (f, "CREATE TABLE u (a INT, PRIMARY KEY (b) NOT ENFORCED)", GW_ERROR_VALIDATION,
                "Primary key column 'b' is not defined in the schema");
  assert_error (f, "CREATE TABLE u (a INT) PARTITIONED BY (b)", GW_ERROR_VALIDATION,
                "Invalid partition key 'b'. A partition key must reference a physical column in "
                "the schema. Available columns are: [a]");
  /* Nothing of a failed CREATE stays behind. */
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM duckdb_tables() WHERE table_name = 'u'",
                 "0");
}

/* ---- LIKE ---- */

static void
test_like (Fixture *f, gconstpointer data)
{
  run_in_dir (f, "CREATE TABLE base (id INT, ts TIMESTAMP(3), c AS id + 1, "
                 "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, PRIMARY KEY (id) NOT ENFORCED) "
                 "COMMENT 'base' PARTITIONED BY (id) WITH ('connector' = 'filesystem', "
                 "'path' = '$DIR/base', 'format' = 'csv')");
  /* Default: INCLUDING ALL OVERWRITING OPTIONS. */
  run (f, "CREATE TABLE d1 (extra STRING) WITH ('format' = 'json') LIKE base");
  g_autofree gchar *expected1 = in_dir (f,
      "CREATE TABLE `default_catalog`.`default_database`.`d1` (\n"
      "  `id` INT NOT NULL,\n"
      "  `ts` TIMESTAMP(3),\n"
      "  `c` AS `id` + 1,\n"
      "  `extra` STRING,\n"
      "  WATERMARK FOR `ts` AS `ts` - INTERVAL '1' SECOND,\n"
      "  CONSTRAINT `PK_id` PRIMARY KEY (`id`) NOT ENFORCED\n"
      ")\n"
      "PARTITIONED BY (`id`)\n"
      "WITH (\n"
      "  'connector' = 'filesystem',\n"
      "  'format' = 'json',\n"
      "  'path' = '$DIR/base'\n"
      ")");
  assert_stored (f, "d1", expected1);
  run (f, "CREATE TABLE d2 (k INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3') "
          "LIKE base (EXCLUDING ALL)");
  assert_stored (f, "d2", "CREATE TABLE `default_catalog`.`default_database`.`d2` (\n"
                   "  `id` INT NOT NULL,\n"
                   "  `ts` TIMESTAMP(3),\n"
                   "  `k` INT\n"
                   ")\n"
                   "WITH (\n"
                   "  'connector' = 'datagen',\n"
                   "  'number-of-rows' = '3'\n"
                   ")");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM d2", "3");
  assert_error (f, "CREATE TABLE d3 WITH ('format' = 'json') LIKE base (INCLUDING OPTIONS)",
                GW_ERROR_VALIDATION,
                "There already exists an option ['format' -> 'csv']  in the base table. You might "
                "want to specify EXCLUDING OPTIONS or OVERWRITING OPTIONS.");
  assert_error (f, "CREATE TABLE d3 (PRIMARY KEY (ts) NOT ENFORCED) LIKE base",
                GW_ERROR_VALIDATION,
                "The base table already has a primary key. You might want to specify EXCLUDING "
                "CONSTRAINTS.");
  assert_error (f, "CREATE TABLE d3 (id STRING) LIKE base", GW_ERROR_VALIDATION,
                "A column named 'id' already exists in the base table.");
  assert_error (f, "CREATE TABLE d3 (c AS id + 2) LIKE base", GW_ERROR_VALIDATION,
                "A generated column named 'c' already exists in the base table. You might want "
                "to specify EXCLUDING GENERATED or OVERWRITING GENERATED.");
  run (f, "CREATE TABLE d3 (c AS id + 2) LIKE base (OVERWRITING GENERATED)");
  assert_error (f, "CREATE TABLE d4 LIKE nope", GW_ERROR_VALIDATION,
                "Source table '`default_catalog`.`default_database`.`nope`' of the LIKE clause "
                "not found in the catalog");
  /* A DuckDB table without Flink metadata is a LIKE source too. */
  run (f, "CREATE TABLE plain AS SELECT 1::BIGINT AS n, 'x' AS s");
  run (f, "CREATE TABLE d5 WITH ('connector' = 'blackhole') LIKE plain");
  assert_stored (f, "d5", "CREATE TABLE d5 (n BIGINT, s STRING) WITH ('connector' = 'blackhole')");
  run (f, "CREATE VIEW v AS SELECT 1 AS a");
  assert_error (f, "CREATE TABLE d6 LIKE v", GW_ERROR_VALIDATION,
                "Source table '`default_catalog`.`default_database`.`v`' of the LIKE clause can "
                "not be a VIEW");
}

/* ---- views ---- */

static void
test_view (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE t (a INT, b STRING)");
  run (f, "INSERT INTO t VALUES (1, 'x'), (2, 'y')");
  run (f, "CREATE VIEW v (n, `Name`) COMMENT 'my view' AS SELECT a, b FROM `t` WHERE a > 1");
  assert_scalar (f, "SELECT \"Name\" || n FROM v", "y2");
  assert_stored (f, "v", "CREATE VIEW `default_catalog`.`default_database`.`v` (`n`, `Name`)\n"
                            "COMMENT 'my view'\n"
                            "AS SELECT a, b FROM `t` WHERE a > 1");
  assert_error (f, "CREATE VIEW v AS SELECT 1", GW_ERROR_TABLE_ALREADY_EXIST,
                "Table (or view) default_database.v already exists in Catalog default_catalog.");
  assert_error (f, "CREATE VIEW t AS SELECT 1", GW_ERROR_TABLE_ALREADY_EXIST,
                "Table (or view) default_database.t already exists in Catalog default_catalog.");
  run (f, "CREATE VIEW IF NOT EXISTS v AS SELECT 42 AS z");
  assert_scalar (f, "SELECT \"Name\" FROM v", "y");
  assert_error (f, "CREATE VIEW nodb.v AS SELECT 1", GW_ERROR_DATABASE_NOT_EXIST,
                "Database nodb does not exist in Catalog default_catalog.");
}

/* ---- DROP ---- */

static void
test_drop (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE t (a INT)");
  run (f, "CREATE TABLE g (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
  run (f, "CREATE VIEW v AS SELECT 1 AS a");
  assert_error (f, "DROP TABLE v", GW_ERROR_VALIDATION,
                "Table with identifier 'default_catalog.default_database.v' does not exist.");
  assert_error (f, "DROP VIEW t", GW_ERROR_VALIDATION,
                "View with identifier 'default_catalog.default_database.t' does not exist.");
  assert_error (f, "DROP VIEW g", GW_ERROR_VALIDATION,
                "View with identifier 'default_catalog.default_database.g' does not exist.");
  assert_error (f, "DROP TABLE nope", GW_ERROR_VALIDATION,
                "Table with identifier 'default_catalog.default_database.nope' does not exist.");
  assert_error (f, "DROP TEMPORARY TABLE t", GW_ERROR_VALIDATION,
                "Temporary table or view with identifier 'default_catalog.default_database.t' "
                "does not exist.");
  run (f, "DROP TABLE IF EXISTS nope");
  run (f, "DROP VIEW IF EXISTS nope");
  run (f, "DROP TABLE IF EXISTS nodb.nope");
  run (f, "DROP TABLE t");
  run (f, "DROP TABLE g");
  run (f, "DROP VIEW v");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM duckdb_tables() WHERE schema_name = "
                    "'default_database'", "0");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM duckdb_views() WHERE schema_name = "
                    "'default_database'", "0");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM default_catalog.__gateway.flink_objects",
                 "0");
  /* A table made by plain DuckDB SQL drops too. */
  run (f, "CREATE TABLE plain AS SELECT 1 AS x");
  run (f, "DROP TABLE plain");
}

/* ---- temporary objects ---- */

static void
test_temporary (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE t (a INT)");
  run (f, "INSERT INTO t VALUES (1)");
  run (f, "CREATE TEMPORARY TABLE t (a INT, b STRING) WITH ('connector' = 'datagen', "
          "'number-of-rows' = '5')");
  /* The temporary table shadows the permanent one for unqualified names. */
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM t", "5");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM default_database.t", "1");
  assert_error (f, "CREATE TEMPORARY TABLE t (x INT)", GW_ERROR_VALIDATION,
                "Temporary table '`default_catalog`.`default_database`.`t`' already exists");
  run (f, "CREATE TEMPORARY TABLE IF NOT EXISTS t (x INT)");

  GwDuckdbConnection *conn = (GwDuckdbConnection *) f->conn;
  GwDuckdbPath path = { "default_catalog", "default_database", "t" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GwFlinkStatement) stmt = NULL;
  gboolean temporary = FALSE;
  g_assert_true (gw_duckdb_metadata_lookup (conn, &path, &stmt, &temporary, &error));
  g_assert_no_error (error);
  g_assert_true (temporary);
  g_assert_true (stmt->create_table->temporary);
  g_autoptr (GHashTable) names = gw_duckdb_metadata_list (conn, "default_catalog",
                                                          "default_database", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (names), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (names, "t")), ==, GW_FLINK_CREATE_TABLE);

  assert_error (f, "ALTER TABLE t RENAME TO t2", GW_ERROR_VALIDATION,
                "Table `default_catalog`.`default_database`.`t` doesn't exist or is a temporary "
                "table.");
  assert_error (f, "DROP TABLE t", GW_ERROR_VALIDATION,
                "Temporary table with identifier '`default_catalog`.`default_database`.`t`' "
                "exists. Drop it first before removing the permanent table.");
  run (f, "CREATE TEMPORARY VIEW tv AS SELECT 7 AS seven");
  assert_scalar (f, "SELECT CAST(seven AS VARCHAR) FROM tv", "7");
  assert_error (f, "DROP TEMPORARY TABLE tv", GW_ERROR_VALIDATION,
                "Temporary table or view with identifier 'default_catalog.default_database.tv' "
                "does not exist.");
  run (f, "DROP TEMPORARY VIEW tv");
  run (f, "DROP TEMPORARY TABLE t");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM t", "1");
  run (f, "DROP TEMPORARY TABLE IF EXISTS t");

  /* Temporary objects belong to the connection (the session). */
  run (f, "CREATE TEMPORARY TABLE tmp (a INT)");
  GwEngineConnection *other = test_connect (f->engine);
  g_autoptr (GError) other_error = test_query_error (other, "SELECT * FROM tmp");
  gw_engine_connection_close (other);
}

/* ---- ALTER TABLE ---- */

static void
test_alter_native (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE t (a INT, b STRING, c AS a * 10)");
  run (f, "INSERT INTO t (a, b) VALUES (1, '5')");
  run (f, "ALTER TABLE t ADD d DOUBLE");
  run (f, "ALTER TABLE t ADD (e INT, PRIMARY KEY (a) NOT ENFORCED)");
  g_autofree gchar *columns = duckdb_columns (f, "default_database", "t");
  g_assert_cmpstr (columns, ==, "a INTEGER NOT NULL, b VARCHAR, c INTEGER, d DOUBLE, e INTEGER");
  run (f, "ALTER TABLE t MODIFY b INT");
  run (f, "ALTER TABLE t RENAME d TO dd");
  run (f, "ALTER TABLE t DROP (dd, e)");
  run (f, "ALTER TABLE t SET ('k1' = 'v1', 'k2' = 'v2')");
  run (f, "ALTER TABLE t RESET ('k1')");
  g_autofree gchar *columns2 = duckdb_columns (f, "default_database", "t");
  g_assert_cmpstr (columns2, ==, "a INTEGER NOT NULL, b INTEGER, c INTEGER");
  assert_stored (f, "t", "CREATE TABLE `default_catalog`.`default_database`.`t` (\n"
                            "  `a` INT NOT NULL,\n"
                            "  `b` INT,\n"
                            "  `c` AS `a` * 10,\n"
                            "  CONSTRAINT `PK_a` PRIMARY KEY (`a`) NOT ENFORCED\n"
                            ")\n"
                            "WITH (\n"
                            "  'k2' = 'v2'\n"
                            ")");
  /* What DuckDB cannot ALTER rebuilds the table, keeping its rows. */
  run (f, "ALTER TABLE t ADD (first_col STRING FIRST)");
  run (f, "ALTER TABLE t ADD half AS a / 2 AFTER a");
  run (f, "ALTER TABLE t MODIFY b BIGINT AFTER first_col");
  g_autofree gchar *columns3 = duckdb_columns (f, "default_database", "t");
  g_assert_cmpstr (columns3, ==, "first_col VARCHAR, b BIGINT, a INTEGER NOT NULL, half DOUBLE, "
                                 "c INTEGER");
  assert_scalar (f, "SELECT concat_ws(',', first_col, b, a, half, c) FROM t", "5,1,0.5,10");
  run (f, "ALTER TABLE t DROP (first_col, half)");
  run (f, "ALTER TABLE t MODIFY b INT AFTER a");
  run (f, "ALTER TABLE t DROP PRIMARY KEY");
  assert_error (f, "ALTER TABLE t DROP PRIMARY KEY", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe base table does not define any "
                "primary key.");
  run (f, "ALTER TABLE t RENAME TO t2");
  assert_scalar (f, "SELECT CAST(c AS VARCHAR) FROM t2", "10");
  assert_stored (f, "t2", "CREATE TABLE t2 (a INT NOT NULL, b INT, c AS `a` * 10) "
                          "WITH ('k2' = 'v2')");
  g_autofree gchar *gone = stored_ddl (f, "t");
  g_assert_null (gone);
  run (f, "ALTER TABLE IF EXISTS nope RENAME TO x");
}

static void
test_alter_errors (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE t (a INT, b STRING, c AS a + 1, ts TIMESTAMP(3), "
          "WATERMARK FOR ts AS ts, PRIMARY KEY (a) NOT ENFORCED) PARTITIONED BY (b)");
  run (f, "CREATE TABLE other (z INT)");
  run (f, "CREATE VIEW v AS SELECT 1 AS x");
  assert_error (f, "ALTER TABLE nope RENAME TO x", GW_ERROR_VALIDATION,
                "Table `default_catalog`.`default_database`.`nope` doesn't exist or is a "
                "temporary table.");
  assert_error (f, "ALTER TABLE v SET ('a' = 'b')", GW_ERROR_VALIDATION,
                "ALTER TABLE for a view is not allowed");
  assert_error (f, "ALTER TABLE t RENAME TO other", GW_ERROR_TABLE_ALREADY_EXIST,
                "Table (or view) default_database.other already exists in Catalog "
                "default_catalog.");
  assert_error (f, "ALTER TABLE t ADD a INT", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nTry to add a column `a` which already "
                "exists in the table.");
  assert_error (f, "ALTER TABLE t ADD PRIMARY KEY (b) NOT ENFORCED", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe base table has already defined "
                "the primary key constraint [`a`]. You might want to drop it before adding a new "
                "one.");
  assert_error (f, "ALTER TABLE t MODIFY nope INT", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nTry to modify a column `nope` which "
                "does not exist in the table.");
  assert_error (f, "ALTER TABLE t DROP nope", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe column `nope` does not exist in "
                "the base table.");
  assert_error (f, "ALTER TABLE t DROP a", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe column `a` is referenced by "
                "computed column `c`.");
  assert_error (f, "ALTER TABLE t DROP b", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe column `b` is used as the "
                "partition keys.");
  assert_error (f, "ALTER TABLE t DROP ts", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe column `ts` is referenced by "
                "watermark expression.");
  assert_error (f, "ALTER TABLE t DROP (c, c)", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nDuplicate column `c`.");
  assert_error (f, "ALTER TABLE t RENAME c TO ts", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe column `ts` already existed in "
                "table schema.");
  assert_error (f, "ALTER TABLE t SET ('connector' = 'datagen')", GW_ERROR_VALIDATION, NULL);
  assert_error (f, "ALTER TABLE t RESET ('connector')", GW_ERROR_VALIDATION,
                "ALTER TABLE RESET does not support changing 'connector'");
  assert_error (f, "ALTER TABLE t ADD d INT AFTER nope", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nReferenced column `nope` by 'AFTER' "
                "does not exist in the table.");
  run (f, "ALTER TABLE t DROP WATERMARK");
  assert_error (f, "ALTER TABLE t DROP WATERMARK", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe base table does not define any "
                "watermark strategy.");
  run (f, "ALTER TABLE t DROP ts");
  /* Failed ALTERs changed nothing. */
  g_autofree gchar *columns = duckdb_columns (f, "default_database", "t");
  g_assert_cmpstr (columns, ==, "a INTEGER NOT NULL, b VARCHAR, c INTEGER");
}

static void
test_alter_connector (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE g (id INT, name STRING) WITH ('connector' = 'datagen', "
          "'number-of-rows' = '5', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
          "'fields.id.end' = '100')");
  run (f, "ALTER TABLE g SET ('number-of-rows' = '3')");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM g", "3");
  run (f, "ALTER TABLE g RESET ('number-of-rows')");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM g", "100");
  /* As in Flink, options are checked when the table is read. */
  run (f, "ALTER TABLE g SET ('bogus' = '1')");
  assert_error_prefix (f, "SELECT * FROM g", GW_ERROR_VALIDATION,
                       "Unsupported options found for 'datagen'.");
  run (f, "ALTER TABLE g RESET ('bogus')");
  run (f, "ALTER TABLE g ADD twice AS id * 2 FIRST");
  run (f, "ALTER TABLE g MODIFY name STRING AFTER twice");
  g_autofree gchar *columns = duckdb_columns (f, "default_database", "g");
  g_assert_cmpstr (columns, ==, "twice INTEGER, name VARCHAR, id INTEGER");
  run (f, "ALTER TABLE g ADD (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)");
  assert_error (f, "ALTER TABLE g ADD WATERMARK FOR ts AS ts", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe base table has already defined "
                "the watermark strategy `ts` AS `ts` - INTERVAL '5' SECOND. You might want to drop "
                "it before adding a new one.");
  run (f, "ALTER TABLE g MODIFY WATERMARK FOR ts AS ts");
  assert_error (f, "ALTER TABLE g MODIFY PRIMARY KEY (id) NOT ENFORCED", GW_ERROR_VALIDATION,
                "Failed to execute ALTER TABLE statement.\nThe base table does not define any "
                "primary key constraint. You might want to add a new one.");
  run (f, "ALTER TABLE g DROP WATERMARK");
  run (f, "ALTER TABLE g DROP ts");
  run (f, "ALTER TABLE g RENAME name TO label");
  run (f, "ALTER TABLE g DROP label");
  assert_scalar (f, "SELECT CAST(max(twice) AS VARCHAR) FROM g", "200");
  run (f, "ALTER TABLE g SET ('connector' = 'blackhole')");
  assert_error_prefix (f, "SELECT * FROM g", GW_ERROR_VALIDATION,
                       "Unsupported options found for 'blackhole'.\n\nUnsupported options:\n\n"
                       "fields.id.end\nfields.id.kind\nfields.id.start\n\n");
  run (f, "ALTER TABLE g RESET ('fields.id.kind', 'fields.id.start', 'fields.id.end')");
  assert_error (f, "SELECT * FROM g", GW_ERROR_VALIDATION,
                "Connector 'blackhole' can only be used as a sink. It cannot be used as a source.");
  assert_stored (f, "g", "CREATE TABLE `default_catalog`.`default_database`.`g` (\n"
                            "  `twice` AS `id` * 2,\n"
                            "  `id` INT\n"
                            ")\n"
                            "WITH (\n"
                            "  'connector' = 'blackhole'\n"
                            ")");
}

/* ---- expressions ---- */

static void
test_expressions (Fixture *f, gconstpointer data)
{
  /* Stored the way Flink unparses them (SHOW CREATE TABLE and DESCRIBE print this text). */
  run (f, "CREATE TABLE e (amount INT, name STRING, ts TIMESTAMP(3), `user` BIGINT, "
          "cost AS amount*2, up AS upper(name), neg AS -amount + (`user` - 1), "
          "p AS PROCTIME(), s AS name || 'it''s', "
          "WATERMARK FOR ts AS ts - interval '1' seconds) "
          "WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'fields.amount.min' = '0', "
          "'fields.amount.max' = '100', 'fields.user.min' = '0', 'fields.user.max' = '100')");
  assert_stored (f, "e", "CREATE TABLE e (amount INT, name STRING, ts TIMESTAMP(3), "
                         "`user` BIGINT, cost AS `amount` * 2, up AS UPPER(`name`), "
                         "neg AS -`amount` + (`user` - 1), p AS PROCTIME(), "
                         "s AS `name` || 'it''s', "
                         "WATERMARK FOR ts AS `ts` - INTERVAL '1' SECOND) "
                         "WITH ('connector' = 'datagen', 'number-of-rows' = '3', "
                         "'fields.amount.min' = '0', 'fields.amount.max' = '100', "
                         "'fields.user.min' = '0', 'fields.user.max' = '100')");
  assert_scalar (f, "SELECT CAST(bool_and(cost = amount * 2 AND up = upper(name) AND "
                    "p IS NOT NULL AND s = name || 'it''s') AS VARCHAR) FROM e", "true");
}

/* ---- persistence ---- */

static void
test_restart (Fixture *f, gconstpointer data)
{
  write_file (f, "csv/part-0.csv", "1,a\n");
  run_in_dir (f, "CREATE TABLE c (id INT, name STRING) WITH ('connector' = 'filesystem', "
                 "'path' = '$DIR/csv', 'format' = 'csv')");
  run (f, "CREATE TABLE n (id INT PRIMARY KEY NOT ENFORCED) COMMENT 'kept'");
  run (f, "CREATE VIEW v AS SELECT id FROM n");
  run (f, "CREATE TEMPORARY TABLE gone (a INT)");
  run_in_dir (f, "CREATE TABLE empty (id INT) WITH ('connector' = 'filesystem', "
                 "'path' = '$DIR/empty', 'format' = 'csv')");
  g_autofree gchar *before = stored_ddl (f, "c");
  fixture_close (f);
  write_file (f, "empty/part-0.csv", "42\n");
  fixture_open (f);
  /* What the engine does at start: files written while it was down become visible. */
  g_autoptr (GError) refresh_error = NULL;
  g_assert_true (gw_duckdb_flink_refresh_sources (((GwDuckdbConnection *) f->conn)->connection,
                                                  &refresh_error));
  g_assert_no_error (refresh_error);
  assert_scalar (f, "SELECT CAST(id AS VARCHAR) FROM empty", "42");
  assert_stored (f, "c", before);
  assert_scalar (f, "SELECT name FROM c", "a");
  GwDuckdbConnection *conn = (GwDuckdbConnection *) f->conn;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) names = gw_duckdb_metadata_list (conn, "default_catalog",
                                                          "default_database", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (names), ==, 4);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (names, "v")), ==, GW_FLINK_CREATE_VIEW);
  /* Round trip: the stored text parses back to the same text. */
  GwDuckdbPath path = { "default_catalog", "default_database", "n" };
  g_autoptr (GwFlinkStatement) stmt = NULL;
  g_assert_true (gw_duckdb_metadata_lookup (conn, &path, &stmt, NULL, &error));
  g_assert_no_error (error);
  GwFlinkName full = { { "default_catalog", "default_database", "n" }, 3 };
  g_autofree gchar *again = gw_flink_create_table_to_sql (stmt->create_table, &full);
  g_autofree gchar *stored = stored_ddl (f, "n");
  g_assert_cmpstr (again, ==, stored);
  g_assert_cmpstr (stmt->create_table->comment, ==, "kept");
  run (f, "CREATE TEMPORARY TABLE gone (a INT)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/duckdb-flink/ddl/" path, Fixture, NULL, setup, func, teardown)
  ADD ("native-table", test_native_table);
  ADD ("native-errors", test_native_errors);
  ADD ("like", test_like);
  ADD ("view", test_view);
  ADD ("drop", test_drop);
  ADD ("temporary", test_temporary);
  ADD ("alter-native", test_alter_native);
  ADD ("alter-errors", test_alter_errors);
  ADD ("alter-connector", test_alter_connector);
  ADD ("expressions", test_expressions);
  ADD ("restart", test_restart);
#undef ADD
  return g_test_run ();
}
