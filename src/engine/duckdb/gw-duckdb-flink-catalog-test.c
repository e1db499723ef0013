/* Flink catalogs and databases on a file-backed, sandboxed DuckDB engine: CREATE/DROP/ALTER/USE,
 * SHOW and DESCRIBE with Flink's columns and error texts, the registry across restarts, and the
 * hidden schema left out of every listing. */
#include "gw-duckdb-flink.h"
#include "gw-duckdb-test-util.h"

#include <glib/gstdio.h>

typedef struct {
  gchar              *dir;   /* the engine's directory, the only allowed one */
  gchar              *path;  /* default_catalog's file */
  GwEngine           *engine;
  GwEngineConnection *conn;
} Fixture;

static void
fixture_open (Fixture *f)
{
  f->engine = test_engine_open ("sql-gateway.engine.duckdb.path", f->path,
                                "sql-gateway.engine.duckdb.allowed-directories", f->dir, NULL);
  f->conn = test_connect (f->engine);
}

static void
fixture_close (Fixture *f)
{
  gw_engine_connection_close (f->conn);
  gw_engine_close (f->engine);
  f->conn = NULL;
  f->engine = NULL;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  f->dir = g_dir_make_tmp ("gw-flink-catalog-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "gateway.duckdb", NULL);
  fixture_open (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->engine != NULL)
    fixture_close (f);
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree gchar *file = g_build_filename (f->dir, name, NULL);
    g_unlink (file);
  }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Plain DuckDB SQL, for setting up what Flink statements cannot make (or before they exist). */
static void
duckdb_sql (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  GwEngineCursor *cursor = gw_duckdb_cursor_execute_sql ((GwDuckdbConnection *) f->conn, sql,
                                                         NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GwBatch) batch = gw_batch_new (gw_engine_cursor_get_schema (cursor), 16);
  gboolean eos = FALSE;
  while (!eos) {
    g_assert_true (gw_engine_cursor_fetch (cursor, batch, G_MAXUINT, G_MAXSIZE, &eos, &error));
    g_assert_no_error (error);
  }
  gw_engine_cursor_free (cursor);
}

/* sql succeeds with Flink's OK result (no columns, kind OTHER). */
static void
assert_ok (Fixture *f, const char *sql)
{
  GwStatementKind kind;
  g_autoptr (GwBatch) batch = test_query (f->conn, sql, &kind);
  g_assert_cmpint (kind, ==, GW_STATEMENT_OTHER);
  g_assert_cmpuint (gw_result_schema_get_n_columns (batch->schema), ==, 0);
}

/* sql answers one STRING column named column with the rows (NULL-terminated). */
static void
assert_list (Fixture *f, const char *sql, const char *column, ...)
{
  GwStatementKind kind;
  g_autoptr (GwBatch) batch = test_query (f->conn, sql, &kind);
  g_assert_cmpint (kind, ==, GW_STATEMENT_CONTENT);
  g_assert_cmpuint (gw_result_schema_get_n_columns (batch->schema), ==, 1);
  g_assert_cmpstr (gw_result_schema_get_name (batch->schema, 0), ==, column);
  g_assert_cmpint (gw_logical_type_get_root (gw_result_schema_get_type (batch->schema, 0)), ==,
                   GW_TYPE_VARCHAR);
  va_list args;
  va_start (args, column);
  guint n = 0;
  for (const char *row = va_arg (args, const char *); row != NULL;
       row = va_arg (args, const char *))
    test_assert_text (batch->columns[0], n++, row);
  va_end (args);
  g_assert_cmpuint (batch->n_rows, ==, n);
}

static void
assert_error (Fixture *f, const char *sql, gint code, const char *message)
{
  g_autoptr (GError) error = test_query_error (f->conn, sql);
  g_assert_error (error, GW_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* DESCRIBE CATALOG: `info name`, `info value` rows as name, value pairs (NULL-terminated). */
static void
assert_describe (Fixture *f, const char *sql, ...)
{
  g_autoptr (GwBatch) batch = test_query (f->conn, sql, NULL);
  g_assert_cmpuint (gw_result_schema_get_n_columns (batch->schema), ==, 2);
  g_assert_cmpstr (gw_result_schema_get_name (batch->schema, 0), ==, "info name");
  g_assert_cmpstr (gw_result_schema_get_name (batch->schema, 1), ==, "info value");
  va_list args;
  va_start (args, sql);
  guint n = 0;
  for (const char *name = va_arg (args, const char *); name != NULL;
       name = va_arg (args, const char *), n++) {
    test_assert_text (batch->columns[0], n, name);
    test_assert_text (batch->columns[1], n, va_arg (args, const char *));
  }
  va_end (args);
  g_assert_cmpuint (batch->n_rows, ==, n);
}

static void
test_generic_in_memory (Fixture *f, gconstpointer data)
{
  assert_list (f, "SHOW CATALOGS", "catalog name", "default_catalog", NULL);
  assert_ok (f, "CREATE CATALOG c1 WITH ('type' = 'generic_in_memory')");
  assert_list (f, "SHOW CATALOGS", "catalog name", "c1", "default_catalog", NULL);
  assert_list (f, "SHOW CURRENT CATALOG", "current catalog name", "default_catalog", NULL);
  assert_ok (f, "USE CATALOG c1");
  assert_list (f, "SHOW CURRENT CATALOG", "current catalog name", "c1", NULL);
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "default", NULL);
  assert_list (f, "SHOW DATABASES", "database name", "default", NULL);
  assert_ok (f, "CREATE DATABASE db1");
  assert_list (f, "SHOW DATABASES", "database name", "db1", "default", NULL);
  assert_error (f, "DROP CATALOG c1", GW_ERROR_CATALOG,
                "Cannot drop a catalog which is currently in use.");
  assert_ok (f, "USE CATALOG default_catalog");
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "default_database", NULL);
  assert_ok (f, "DROP CATALOG c1");
  assert_list (f, "SHOW CATALOGS", "catalog name", "default_catalog", NULL);

  /* the default database as an option, and IF NOT EXISTS on an existing catalog */
  assert_ok (f, "CREATE CATALOG `my cat` COMMENT 'mine' "
                "WITH ('type' = 'generic_in_memory', 'default-database' = 'mydb')");
  assert_ok (f, "CREATE CATALOG IF NOT EXISTS `my cat` WITH ('type' = 'nope')");
  assert_ok (f, "USE CATALOG `my cat`");
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "mydb", NULL);
  assert_list (f, "SHOW DATABASES", "database name", "mydb", NULL);

  /* in memory: after a restart the catalog is back, empty */
  assert_ok (f, "CREATE DATABASE gone");
  fixture_close (f);
  fixture_open (f);
  assert_list (f, "SHOW CATALOGS", "catalog name", "default_catalog", "my cat", NULL);
  assert_list (f, "SHOW DATABASES FROM `my cat`", "database name", "mydb", NULL);
  assert_describe (f, "DESCRIBE CATALOG `my cat`", "name", "my cat", "type", "generic_in_memory",
                   "comment", "mine", NULL);
}

static void
test_catalog_errors (Fixture *f, gconstpointer data)
{
  assert_ok (f, "CREATE CATALOG c1 WITH ('type' = 'generic_in_memory')");
  assert_error (f, "CREATE CATALOG c1 WITH ('type' = 'generic_in_memory')", GW_ERROR_CATALOG,
                "Catalog c1 already exists.");
  assert_error (f, "CREATE CATALOG C1 WITH ('type' = 'generic_in_memory')", GW_ERROR_VALIDATION,
                "Catalog C1 conflicts with catalog c1: DuckDB compares catalog names "
                "case-insensitively.");
  assert_error (f, "CREATE CATALOG system WITH ('type' = 'generic_in_memory')",
                GW_ERROR_VALIDATION, "Catalog name system is reserved by DuckDB.");
  assert_error (f, "CREATE CATALOG c2 WITH ('default-database' = 'x')", GW_ERROR_VALIDATION,
                "Catalog options do not contain an option key 'type' for discovering a catalog.");
  assert_error (f, "CREATE CATALOG c2 WITH ('type' = 'hive')", GW_ERROR_VALIDATION,
                "Could not find any factory for identifier 'hive' that implements "
                "'org.apache.flink.table.factories.CatalogFactory' in the classpath.\n\n"
                "Available factory identifiers are:\n\nduckdb\ngeneric_in_memory");
  assert_error (f, "CREATE CATALOG c2 WITH ('type' = 'generic_in_memory', 'b' = '1', 'a' = '2')",
                GW_ERROR_VALIDATION,
                "Unsupported options found for 'generic_in_memory'.\n\nUnsupported options:\n\n"
                "a\nb\n\nSupported options:\n\ndefault-database\nproperty-version");
  assert_error (f, "CREATE CATALOG c2 WITH ('type' = 'duckdb')", GW_ERROR_VALIDATION,
                "One or more required options are missing.\n\n"
                "Missing required options are:\n\npath");
  assert_list (f, "SHOW CATALOGS", "catalog name", "c1", "default_catalog", NULL);

  assert_error (f, "DROP CATALOG nope", GW_ERROR_CATALOG, "Catalog nope does not exist.");
  assert_error (f, "DROP CATALOG C1", GW_ERROR_CATALOG, "Catalog C1 does not exist.");
  assert_ok (f, "DROP CATALOG IF EXISTS nope");
  assert_error (f, "DROP CATALOG memory", GW_ERROR_CATALOG, "Catalog memory does not exist.");
  assert_error (f, "DROP CATALOG default_catalog", GW_ERROR_CATALOG,
                "Cannot drop a catalog which is currently in use.");
  assert_ok (f, "USE CATALOG c1");
  assert_error (f, "DROP CATALOG default_catalog", GW_ERROR_VALIDATION,
                "Cannot drop catalog default_catalog: it is the gateway's own database "
                "(option 'sql-gateway.engine.duckdb.path').");
  assert_error (f, "USE CATALOG nope", GW_ERROR_CATALOG,
                "A catalog with name [nope] does not exist.");
  assert_error (f, "USE CATALOG system", GW_ERROR_CATALOG,
                "A catalog with name [system] does not exist.");
  assert_error (f, "DESCRIBE CATALOG nope", GW_ERROR_VALIDATION,
                "Cannot obtain metadata information from Catalog nope.");
  assert_error (f, "SHOW CREATE CATALOG nope", GW_ERROR_VALIDATION,
                "Cannot obtain metadata information from Catalog nope.");
  assert_error (f, "ALTER CATALOG nope SET ('default-database' = 'x')", GW_ERROR_CATALOG,
                "Catalog nope does not exist.");
  /* a USE CATALOG that fails leaves the current catalog alone */
  assert_list (f, "SHOW CURRENT CATALOG", "current catalog name", "c1", NULL);
}

static void
test_duckdb_file (Fixture *f, gconstpointer data)
{
  g_autofree gchar *file = g_build_filename (f->dir, "sales.duckdb", NULL);
  g_autofree gchar *create = g_strdup_printf (
    "CREATE CATALOG sales COMMENT 'it''s sales' WITH ('type' = 'duckdb', 'path' = '%s')", file);
  assert_ok (f, create);
  assert_ok (f, "USE CATALOG sales");
  /* a DuckDB file opens on main, which is then listed even while empty */
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "main", NULL);
  assert_list (f, "SHOW DATABASES", "database name", "main", NULL);
  duckdb_sql (f, "CREATE TABLE sales.main.orders AS SELECT 42 AS amount");
  assert_ok (f, "CREATE DATABASE archive");
  assert_list (f, "SHOW DATABASES", "database name", "archive", "main", NULL);
  assert_ok (f, "USE CATALOG default_catalog");

  fixture_close (f);
  fixture_open (f);
  assert_list (f, "SHOW CATALOGS", "catalog name", "default_catalog", "sales", NULL);
  g_autoptr (GwBatch) rows = test_query (f->conn, "SELECT amount FROM sales.main.orders", NULL);
  g_assert_cmpuint (rows->n_rows, ==, 1);
  test_assert_int64 (rows->columns[0], 0, 42);
  assert_list (f, "SHOW DATABASES IN sales", "database name", "archive", "main", NULL);
  assert_describe (f, "DESCRIBE CATALOG EXTENDED sales", "name", "sales", "type", "duckdb",
                   "comment", "it's sales", "option:path", file, NULL);
  g_autofree gchar *show_create = g_strdup_printf (
    "CREATE CATALOG `sales`\nCOMMENT 'it''s sales'\nWITH (\n  'path' = '%s',\n"
    "  'type' = 'duckdb'\n)\n", file);
  assert_list (f, "SHOW CREATE CATALOG sales", "result", show_create, NULL);

  /* a default database of its own is created in the file */
  g_autofree gchar *file2 = g_build_filename (f->dir, "other.duckdb", NULL);
  g_autofree gchar *create2 = g_strdup_printf (
    "CREATE CATALOG other WITH ('type' = 'duckdb', 'path' = '%s', 'default-database' = 'd')",
    file2);
  assert_ok (f, create2);
  assert_ok (f, "USE CATALOG other");
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "d", NULL);
  assert_list (f, "SHOW DATABASES", "database name", "d", NULL);
  assert_ok (f, "USE CATALOG default_catalog");
  assert_ok (f, "DROP CATALOG other");
  fixture_close (f);
  fixture_open (f);
  assert_list (f, "SHOW CATALOGS", "catalog name", "default_catalog", "sales", NULL);
  /* dropping detaches; the file stays */
  g_assert_true (g_file_test (file2, G_FILE_TEST_EXISTS));
}

static void
test_duckdb_file_paths (Fixture *f, gconstpointer data)
{
  /* relative to the working directory, recorded absolute */
  g_autofree gchar *cwd = g_get_current_dir ();
  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  assert_ok (f, "CREATE CATALOG rel WITH ('type' = 'duckdb', 'path' = 'rel.duckdb')");
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_autofree gchar *file = g_build_filename (f->dir, "rel.duckdb", NULL);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  assert_describe (f, "DESCRIBE CATALOG EXTENDED rel", "name", "rel", "type", "duckdb",
                   "comment", "", "option:path", file, NULL);

  /* outside the allowed directories */
  g_autofree gchar *outside = g_strdup_printf ("%s-outside.duckdb", f->dir);
  g_autofree gchar *create = g_strdup_printf (
    "CREATE CATALOG outside WITH ('type' = 'duckdb', 'path' = '%s')", outside);
  g_autofree gchar *message = g_strdup_printf (
    "Cannot open the DuckDB file '%s' of catalog outside: the gateway may only open files inside "
    "the directories of option 'sql-gateway.engine.duckdb.allowed-directories'.", outside);
  assert_error (f, create, GW_ERROR_VALIDATION, message);
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  assert_list (f, "SHOW CATALOGS", "catalog name", "default_catalog", "rel", NULL);
}

static void
test_alter_catalog (Fixture *f, gconstpointer data)
{
  assert_ok (f, "CREATE CATALOG c WITH ('type' = 'generic_in_memory')");
  assert_ok (f, "ALTER CATALOG c SET ('default-database' = 'x', 'property-version' = '1')");
  assert_ok (f, "ALTER CATALOG c COMMENT 'new'");
  assert_describe (f, "DESC CATALOG EXTENDED c", "name", "c", "type", "generic_in_memory",
                   "comment", "new", "option:default-database", "x", "option:property-version",
                   "1", NULL);
  assert_ok (f, "ALTER CATALOG c RESET ('property-version')");
  assert_ok (f, "ALTER CATALOG c SET ('type' = 'generic_in_memory')");
  assert_error (f, "ALTER CATALOG c SET ('type' = 'duckdb')", GW_ERROR_VALIDATION,
                "Option 'type' of catalog c cannot be changed: DuckDB cannot change an attached "
                "database. Drop the catalog and create it again.");
  assert_error (f, "ALTER CATALOG c RESET ('type')", GW_ERROR_VALIDATION,
                "ALTER CATALOG RESET does not support changing 'type'");
  assert_ok (f, "ALTER CATALOG c RESET ('not-set')");
  {
    /* RESET () (an empty key list) */
    g_autoptr (GError) error = NULL;
    g_autoptr (GwFlinkStatement) reset = gw_flink_statement_parse ("ALTER CATALOG c RESET ('x')",
                                                                   &error);
    g_assert_no_error (error);
    g_strfreev (reset->reset_keys);
    reset->reset_keys = g_new0 (gchar *, 1);
    GwEngineCursor *cursor = gw_duckdb_flink_catalog_statement ((GwDuckdbConnection *) f->conn,
                                                                reset, &error);
    g_assert_null (cursor);
    g_assert_error (error, GW_ERROR, GW_ERROR_VALIDATION);
    g_assert_cmpstr (error->message, ==, "ALTER CATALOG RESET does not support empty key");
  }
  assert_error (f, "ALTER CATALOG c SET ('path' = 'x.duckdb')", GW_ERROR_VALIDATION,
                "Option 'path' of catalog c cannot be changed: DuckDB cannot change an attached "
                "database. Drop the catalog and create it again.");
  assert_error (f, "ALTER CATALOG c SET ('colour' = 'red')", GW_ERROR_VALIDATION,
                "Unsupported options found for 'generic_in_memory'.\n\nUnsupported options:\n\n"
                "colour\n\nSupported options:\n\ndefault-database\nproperty-version");
  assert_error (f, "ALTER CATALOG default_catalog COMMENT 'x'", GW_ERROR_VALIDATION,
                "Catalog default_catalog is attached by the gateway's configuration and cannot "
                "be altered.");
  /* the new default database exists at once, and everything survives a restart */
  assert_ok (f, "USE CATALOG c");
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "x", NULL);
  assert_ok (f, "USE CATALOG default_catalog");
  fixture_close (f);
  fixture_open (f);
  assert_describe (f, "DESCRIBE CATALOG EXTENDED c", "name", "c", "type", "generic_in_memory",
                   "comment", "new", "option:default-database", "x", NULL);
  assert_list (f, "SHOW CREATE CATALOG c", "result",
               "CREATE CATALOG `c`\nCOMMENT 'new'\nWITH (\n  'default-database' = 'x',\n"
               "  'type' = 'generic_in_memory'\n)\n", NULL);
}

static void
test_describe_default_catalog (Fixture *f, gconstpointer data)
{
  assert_describe (f, "DESCRIBE CATALOG default_catalog", "name", "default_catalog", "type",
                   "duckdb", "comment", "", NULL);
  assert_describe (f, "DESCRIBE CATALOG EXTENDED default_catalog", "name", "default_catalog",
                   "type", "duckdb", "comment", "", "option:path", f->path, NULL);
  g_autofree gchar *text = g_strdup_printf (
    "CREATE CATALOG `default_catalog`\nWITH (\n  'path' = '%s',\n  'type' = 'duckdb'\n)\n",
    f->path);
  assert_list (f, "SHOW CREATE CATALOG default_catalog", "result", text, NULL);
  assert_ok (f, "CREATE CATALOG `a``b` WITH ('type' = 'generic_in_memory')");
  assert_list (f, "SHOW CREATE CATALOG `a``b`", "result",
               "CREATE CATALOG `a``b`\nWITH (\n  'type' = 'generic_in_memory'\n)\n", NULL);
}

static void
test_show_like (Fixture *f, gconstpointer data)
{
  assert_ok (f, "CREATE CATALOG cat_a WITH ('type' = 'generic_in_memory')");
  assert_ok (f, "CREATE CATALOG CatB WITH ('type' = 'generic_in_memory')");
  assert_ok (f, "CREATE CATALOG catxc WITH ('type' = 'generic_in_memory')");
  assert_list (f, "SHOW CATALOGS", "catalog name", "CatB", "cat_a", "catxc", "default_catalog",
               NULL);
  assert_list (f, "SHOW CATALOGS LIKE 'cat%'", "catalog name", "cat_a", "catxc", NULL);
  assert_list (f, "SHOW CATALOGS LIKE 'cat\\_%'", "catalog name", "cat_a", NULL);
  assert_list (f, "SHOW CATALOGS ILIKE 'cat%'", "catalog name", "CatB", "cat_a", "catxc", NULL);
  assert_list (f, "SHOW CATALOGS NOT LIKE 'cat%'", "catalog name", "CatB", "default_catalog",
               NULL);
  assert_list (f, "SHOW CATALOGS NOT ILIKE 'CAT%'", "catalog name", "default_catalog", NULL);

  assert_ok (f, "CREATE DATABASE db1");
  assert_ok (f, "CREATE DATABASE Db2");
  assert_ok (f, "CREATE DATABASE other");
  assert_list (f, "SHOW DATABASES", "database name", "Db2", "db1", "default_database", "other",
               NULL);
  assert_list (f, "SHOW DATABASES LIKE 'db%'", "database name", "db1", NULL);
  assert_list (f, "SHOW DATABASES ILIKE 'db%'", "database name", "Db2", "db1", NULL);
  assert_list (f, "SHOW DATABASES NOT LIKE 'd%'", "database name", "Db2", "other", NULL);
  assert_list (f, "SHOW DATABASES FROM cat_a NOT ILIKE 'x%'", "database name", "default", NULL);
  assert_error (f, "SHOW DATABASES FROM nope", GW_ERROR_VALIDATION, "Catalog nope does not exist");
}

static void
test_databases (Fixture *f, gconstpointer data)
{
  assert_ok (f, "CREATE DATABASE db1 COMMENT 'first' WITH ('k' = 'v')");
  assert_error (f, "CREATE DATABASE db1", GW_ERROR_DATABASE_ALREADY_EXIST,
                "Database db1 already exists in Catalog default_catalog.");
  assert_ok (f, "CREATE DATABASE IF NOT EXISTS db1");
  assert_error (f, "CREATE DATABASE DB1", GW_ERROR_VALIDATION,
                "Database DB1 conflicts with database db1 in Catalog default_catalog: DuckDB "
                "compares database names case-insensitively.");
  assert_error (f, "CREATE DATABASE nope.db", GW_ERROR_VALIDATION, "Catalog nope does not exist");
  assert_ok (f, "ALTER DATABASE db1 SET ('k' = 'w', 'k2' = 'x')");
  assert_error (f, "ALTER DATABASE nodb SET ('k' = 'v')", GW_ERROR_DATABASE_NOT_EXIST,
                "Database nodb does not exist in Catalog default_catalog.");
  g_autoptr (GwBatch) record = test_query (
    f->conn, "SELECT comment, options FROM default_catalog.__gateway.databases", NULL);
  g_assert_cmpuint (record->n_rows, ==, 1);
  test_assert_text (record->columns[0], 0, "first");
  test_assert_text (record->columns[1], 0, "{\"k\":\"w\",\"k2\":\"x\"}");

  assert_ok (f, "USE db1");
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "db1", NULL);
  assert_error (f, "DROP DATABASE db1", GW_ERROR_VALIDATION,
                "Cannot drop a database which is currently in use.");
  assert_error (f, "USE nodb", GW_ERROR_CATALOG,
                "A database with name [nodb] does not exist in the catalog: [default_catalog].");
  assert_error (f, "USE DB1", GW_ERROR_CATALOG,
                "A database with name [DB1] does not exist in the catalog: [default_catalog].");
  assert_error (f, "USE nope.db1", GW_ERROR_CATALOG, "A catalog with name [nope] does not exist.");
  assert_ok (f, "USE default_catalog.default_database");
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "default_database", NULL);

  /* a table made by Flink DDL, whose metadata CASCADE removes as well */
  assert_ok (f, "CREATE TABLE db1.t (a INT COMMENT 'x')");
  g_autoptr (GwBatch) metadata = test_query (
    f->conn, "SELECT name FROM default_catalog.__gateway.flink_objects", NULL);
  g_assert_cmpuint (metadata->n_rows, ==, 1);
  assert_error (f, "DROP DATABASE db1", GW_ERROR_DATABASE_NOT_EMPTY,
                "Database db1 in catalog default_catalog is not empty.");
  assert_error (f, "DROP DATABASE db1 RESTRICT", GW_ERROR_DATABASE_NOT_EMPTY,
                "Database db1 in catalog default_catalog is not empty.");
  assert_ok (f, "DROP DATABASE db1 CASCADE");
  assert_list (f, "SHOW DATABASES", "database name", "default_database", NULL);
  g_autoptr (GwBatch) gone = test_query (
    f->conn, "SELECT name FROM default_catalog.__gateway.databases UNION ALL "
    "SELECT name FROM default_catalog.__gateway.flink_objects", NULL);
  g_assert_cmpuint (gone->n_rows, ==, 0);
  assert_error (f, "DROP DATABASE db1", GW_ERROR_DATABASE_NOT_EXIST,
                "Database db1 does not exist in Catalog default_catalog.");
  assert_ok (f, "DROP DATABASE IF EXISTS db1");
  assert_ok (f, "CREATE DATABASE empty");
  assert_ok (f, "DROP DATABASE empty");

  /* in another catalog */
  assert_ok (f, "CREATE CATALOG c WITH ('type' = 'generic_in_memory')");
  assert_ok (f, "CREATE DATABASE c.x");
  assert_list (f, "SHOW DATABASES FROM c", "database name", "default", "x", NULL);
  assert_ok (f, "USE c.x");
  assert_list (f, "SHOW CURRENT CATALOG", "current catalog name", "c", NULL);
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "x", NULL);
  assert_error (f, "USE c.nodb", GW_ERROR_CATALOG,
                "A database with name [nodb] does not exist in the catalog: [c].");
  assert_ok (f, "DROP DATABASE c.default");
  assert_error (f, "USE CATALOG c", GW_ERROR_CATALOG,
                "A database with name [default] does not exist in the catalog: [c].");
}

static void
test_hidden_schemas (Fixture *f, gconstpointer data)
{
  /* the registry lives in default_catalog.__gateway, which no listing shows */
  assert_ok (f, "CREATE CATALOG c WITH ('type' = 'generic_in_memory')");
  assert_ok (f, "CREATE DATABASE d COMMENT 'x'");
  assert_list (f, "SHOW DATABASES", "database name", "d", "default_database", NULL);
  assert_error (f, "USE __gateway", GW_ERROR_CATALOG,
                "A database with name [__gateway] does not exist in the catalog: "
                "[default_catalog].");
  assert_error (f, "CREATE DATABASE __gateway", GW_ERROR_VALIDATION,
                "Database name __gateway is reserved by the gateway.");
  /* DuckDB's main is not listed while empty, unless it is the current database */
  assert_ok (f, "USE main");
  assert_list (f, "SHOW DATABASES", "database name", "d", "default_database", "main", NULL);
  assert_ok (f, "USE default_database");

  /* the metadata of temporary objects lives in the session's temp catalog, also hidden */
  duckdb_sql (f, "CREATE TEMP TABLE __gateway_probe (a INT PRIMARY KEY)");
  g_autoptr (GError) error = NULL;
  GwCatalogFilter all = { NULL, NULL, NULL, NULL };
  g_autoptr (GPtrArray) schemas = gw_engine_list_catalog (f->conn, GW_CATALOG_SCHEMAS, &all,
                                                          &error);
  g_assert_no_error (error);
  for (guint i = 0; i < schemas->len; i++)
    g_assert_cmpstr (((GwCatalogObject *) schemas->pdata[i])->name, !=, "__gateway");
  GwCatalogKind kinds[] = { GW_CATALOG_TABLES, GW_CATALOG_COLUMNS, GW_CATALOG_PRIMARY_KEYS };
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++) {
    g_autoptr (GPtrArray) objects = gw_engine_list_catalog (f->conn, kinds[k], &all, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (objects->len, ==, 0);
  }

  /* main shows once it holds something */
  duckdb_sql (f, "CREATE TABLE default_catalog.main.t (a INT)");
  assert_list (f, "SHOW DATABASES", "database name", "d", "default_database", "main", NULL);
}

static void
test_use_database_api (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_false (gw_engine_use_database (f->conn, "nope", "x", TRUE, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CATALOG);
  g_assert_cmpstr (error->message, ==, "A catalog with name [nope] does not exist.");
  g_clear_error (&error);
  g_assert_false (gw_engine_use_database (f->conn, "default_catalog", "x", FALSE, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CATALOG);
  g_assert_cmpstr (error->message, ==,
                   "A database with name [x] does not exist in the catalog: [default_catalog].");
  g_clear_error (&error);
  g_assert_true (gw_engine_use_database (f->conn, "default_catalog", "x", TRUE, &error));
  g_assert_no_error (error);
  assert_list (f, "SHOW CURRENT DATABASE", "current database name", "x", NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/duckdb-flink/catalog/generic-in-memory", test_generic_in_memory);
  ADD ("/duckdb-flink/catalog/errors", test_catalog_errors);
  ADD ("/duckdb-flink/catalog/duckdb-file", test_duckdb_file);
  ADD ("/duckdb-flink/catalog/duckdb-file-paths", test_duckdb_file_paths);
  ADD ("/duckdb-flink/catalog/alter", test_alter_catalog);
  ADD ("/duckdb-flink/catalog/describe-default", test_describe_default_catalog);
  ADD ("/duckdb-flink/catalog/show-like", test_show_like);
  ADD ("/duckdb-flink/database/create-use-drop", test_databases);
  ADD ("/duckdb-flink/database/hidden-schemas", test_hidden_schemas);
  ADD ("/duckdb-flink/database/use-database-api", test_use_database_api);
#undef ADD
  return g_test_run ();
}
