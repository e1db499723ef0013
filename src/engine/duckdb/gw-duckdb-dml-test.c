/* DML jobs on a real file-backed DuckDB engine in a temp directory: native tables, filesystem
 * files (csv/json/parquet, partitions, overwrite, what stays hidden), print lines, blackhole
 * counts, CTAS, statement sets that fail half-way, and cancellation. */
#include "gw-duckdb-test-util.h"

#include <glib/gstdio.h>

typedef struct {
  gchar              *dir;    /* owned: the temp directory (allowed-directories) */
  gchar              *db;     /* owned: the database file */
  GwEngine           *engine;
  GwEngineConnection *conn;
} Fixture;

static void
fixture_open (Fixture *f)
{
  f->engine = test_engine_open ("sql-gateway.engine.duckdb.path", f->db,
                                "sql-gateway.engine.duckdb.allowed-directories", f->dir, NULL);
  f->conn = test_connect (f->engine);
}

static void
fixture_close (Fixture *f)
{
  g_clear_pointer (&f->conn, gw_engine_connection_close);
  g_clear_pointer (&f->engine, gw_engine_close);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  if (dir != NULL) {
    const char *name;
    while ((name = g_dir_read_name (dir)) != NULL) {
      g_autofree gchar *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
    g_dir_close (dir);
  }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  f->dir = g_dir_make_tmp ("gw-dml-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "gateway.duckdb", NULL);
  fixture_open (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  fixture_close (f);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* ---- helpers ---- */

/* Runs the statements (NULL-terminated) as one job. */
G_GNUC_NULL_TERMINATED static gint64
dml (Fixture *f, GError **error, const char *first, ...)
{
  g_autoptr (GPtrArray) statements = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  va_list args;
  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (statements, (gpointer) s);
  va_end (args);
  return gw_engine_execute_dml (f->conn, (const char *const *) statements->pdata, NULL, NULL,
                                NULL, error);
}

static gint64
dml1 (Fixture *f, const char *statement)
{
  g_autoptr (GError) error = NULL;
  gint64 rows = dml (f, &error, statement, NULL);
  g_assert_no_error (error);
  return rows;
}

static void
cell_text (GString *out, const GwColumn *column, guint row)
{
  if (gw_column_is_null (column, row)) {
    g_string_append (out, "NULL");
    return;
  }
  gsize len = 0;
  switch (column->kind) {
  case GW_PHYSICAL_BOOL:
    g_string_append (out, column->bools[row] ? "true" : "false");
    break;
  case GW_PHYSICAL_INT64:
    g_string_append_printf (out, "%" G_GINT64_FORMAT, column->i64[row]);
    break;
  case GW_PHYSICAL_DOUBLE:
    g_string_append_printf (out, "%g", column->f64[row]);
    break;
  case GW_PHYSICAL_BYTES: {
    const char *bytes = gw_column_get_bytes (column, row, &len);
    g_string_append_len (out, bytes, (gssize) len);
    break;
  }
  default:
    g_string_append (out, "?");
  }
}

/* The rows of sql as "a|b;a|b" (NULL for SQL NULL). */
static gchar *
rows_text (Fixture *f, const char *sql)
{
  g_autoptr (GwBatch) batch = test_query (f->conn, sql, NULL);
  GString *out = g_string_new (NULL);
  for (guint r = 0; r < batch->n_rows; r++) {
    if (r > 0)
      g_string_append_c (out, ';');
    for (guint c = 0; c < gw_result_schema_get_n_columns (batch->schema); c++) {
      if (c > 0)
        g_string_append_c (out, '|');
      cell_text (out, batch->columns[c], r);
    }
  }
  return g_string_free (out, FALSE);
}

static void
assert_rows (Fixture *f, const char *sql, const char *expected)
{
  g_autofree gchar *text = rows_text (f, sql);
  g_assert_cmpstr (text, ==, expected);
}

/* Every name under path (recursively, relative, sorted), hidden ones included. */
static void
collect_names (const char *root, const char *relative, GPtrArray *out)
{
  g_autofree gchar *path = g_build_filename (root, relative, NULL);
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree gchar *child = *relative ? g_build_filename (relative, name, NULL)
                                        : g_strdup (name);
    g_autofree gchar *full = g_build_filename (root, child, NULL);
    if (g_file_test (full, G_FILE_TEST_IS_DIR))
      collect_names (root, child, out);
    else
      g_ptr_array_add (out, g_steal_pointer (&child));
  }
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
list_files (Fixture *f, const char *subdir)
{
  g_autofree gchar *root = g_build_filename (f->dir, subdir, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  collect_names (root, "", names);
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* The files under subdir must match the glob patterns, one each, in order. */
static void
assert_files (Fixture *f, const char *subdir, const char *const *patterns)
{
  g_autoptr (GPtrArray) names = list_files (f, subdir);
  g_autofree gchar *joined = NULL;
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (", ", (gchar **) names->pdata);
  g_ptr_array_remove_index (names, names->len - 1);
  if (names->len != g_strv_length ((gchar **) patterns))
    g_error ("files in %s: [%s], expected %u", subdir, joined,
             g_strv_length ((gchar **) patterns));
  for (guint i = 0; i < names->len; i++) {
    if (!g_pattern_match_simple (patterns[i], names->pdata[i]))
      g_error ("files in %s: [%s], '%s' does not match '%s'", subdir, joined,
               (char *) names->pdata[i], patterns[i]);
  }
}

static void
run (Fixture *f, const char *sql)
{
  test_run (f->conn, sql);
}

/* CREATE TABLE name (columns) WITH filesystem in dir/subdir. */
static void
create_fs_table (Fixture *f, const char *name, const char *columns, const char *format,
                 const char *extra, const char *subdir)
{
  g_autofree gchar *path = g_build_filename (f->dir, subdir, NULL);
  g_autofree gchar *sql = g_strdup_printf (
    "CREATE TABLE %s (%s) %s WITH ('connector' = 'filesystem', 'path' = '%s', "
    "'format' = '%s')", name, columns, extra, path, format);
  run (f, sql);
}

/* ---- native tables ---- */

static void
test_native_insert (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE t (a INT, b STRING, c DOUBLE)");
  g_assert_cmpint (dml1 (f, "INSERT INTO t VALUES (1, 'x', 1.5), (2, 'y', NULL)"), ==, 2);
  g_assert_cmpint (dml1 (f, "INSERT INTO t SELECT a + 10, b, c FROM t"), ==, 2);
  assert_rows (f, "SELECT a, b, c FROM t ORDER BY a", "1|x|1.5;2|y|NULL;11|x|1.5;12|y|NULL");

  /* INSERT OVERWRITE replaces the rows. */
  g_assert_cmpint (dml1 (f, "INSERT OVERWRITE t VALUES (3, 'z', 0.5)"), ==, 1);
  assert_rows (f, "SELECT a, b, c FROM t", "3|z|0.5");

  /* A column list: the others get NULL, in any order. */
  g_assert_cmpint (dml1 (f, "INSERT INTO t (c, a) VALUES (2.5, 4)"), ==, 1);
  assert_rows (f, "SELECT a, b, c FROM t ORDER BY a", "3|z|0.5;4|NULL|2.5");

  /* Fully qualified, backtick-quoted target. */
  g_assert_cmpint (dml1 (f, "INSERT INTO `default_catalog`.`default_database`.`t` "
                            "SELECT 5, 'q', 0"), ==, 1);
  assert_rows (f, "SELECT count(*) FROM t", "3");
}

static void
test_native_errors (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  run (f, "CREATE TABLE t (a INT, b STRING)");

  g_assert_cmpint (dml (f, &error, "INSERT INTO t VALUES (1)", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==,
                   "Column types of query result and sink for "
                   "'default_catalog.default_database.t' do not match.\n"
                   "Cause: Different number of columns.\n\n"
                   "Query schema: [col0: INT]\n"
                   "Sink schema:  [a: INT, b: STRING]");
  g_clear_error (&error);

  g_assert_cmpint (dml (f, &error, "INSERT INTO t (a, x) VALUES (1, 2)", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Unknown target column 'x'");
  g_clear_error (&error);

  g_assert_cmpint (dml (f, &error, "INSERT INTO nope VALUES (1)", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_SQL);
  g_assert_cmpstr (error->message, ==,
                   "Cannot find table '`default_catalog`.`default_database`.`nope`' in any of "
                   "the catalogs [default_catalog], nor as a temporary table.");
  g_clear_error (&error);

  /* Flink is case-sensitive even where DuckDB is not. */
  g_assert_cmpint (dml (f, &error, "INSERT INTO T VALUES (1, 'a')", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_SQL);
  g_clear_error (&error);

  g_assert_cmpint (dml (f, &error, "SELECT 1", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_VALIDATION);
  g_clear_error (&error);

  /* A failure at run time (a cast) leaves nothing behind either. */
  g_assert_cmpint (dml (f, &error, "INSERT INTO t VALUES (1, 'a')",
                        "INSERT INTO t SELECT CAST('not a number' AS INT), 'b'", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_SQL);
  assert_rows (f, "SELECT count(*) FROM t", "0");
}

static void
test_native_other_targets (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  /* A table DuckDB SQL made (no Flink metadata). */
  run (f, "CREATE OR REPLACE TABLE plain (a INTEGER, b VARCHAR)");
  g_assert_cmpint (dml1 (f, "INSERT INTO plain (b) VALUES ('x')"), ==, 1);
  g_assert_cmpint (dml1 (f, "INSERT INTO plain VALUES (1, 'y')"), ==, 1);
  assert_rows (f, "SELECT a, b FROM plain ORDER BY b", "NULL|x;1|y");

  /* A temporary table shadows a permanent one of the same name. */
  run (f, "CREATE TABLE t (a INT)");
  run (f, "CREATE TEMPORARY TABLE t (a INT)");
  g_assert_cmpint (dml1 (f, "INSERT INTO t VALUES (7)"), ==, 1);
  assert_rows (f, "SELECT a FROM t", "7");
  run (f, "DROP TEMPORARY TABLE t");
  assert_rows (f, "SELECT count(*) FROM t", "0");

  /* Views are not sinks. */
  run (f, "CREATE VIEW v AS SELECT 1 AS a");
  g_assert_cmpint (dml (f, &error, "INSERT INTO v VALUES (1)", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "View '`default_catalog`.`default_database`.`v`' cannot "
                                       "be used as a sink: only tables can be written.");
}

/* ---- filesystem ---- */

static void
check_format (Fixture *f, const char *format)
{
  g_autofree gchar *table = g_strdup_printf ("fs_%s", format);
  g_autofree gchar *pattern = g_strdup_printf ("part-*.%s", format);
  const char *one[] = { pattern, NULL };
  const char *two[] = { pattern, pattern, NULL };
  create_fs_table (f, table, "a INT, b STRING, ts TIMESTAMP(3)", format, "", table);

  g_autofree gchar *insert = g_strdup_printf (
    "INSERT INTO %s VALUES (1, 'x,\"y\"', TIMESTAMP '2024-01-01 10:00:00'), "
    "(2, NULL, NULL)", table);
  g_assert_cmpint (dml1 (f, insert), ==, 2);
  assert_files (f, table, one);
  g_autofree gchar *select = g_strdup_printf (
    "SELECT a, b, CAST(ts AS VARCHAR) FROM %s ORDER BY a", table);
  assert_rows (f, select, "1|x,\"y\"|2024-01-01 10:00:00;2|NULL|NULL");

  g_autofree gchar *more = g_strdup_printf ("INSERT INTO %s SELECT a + 2, b, ts FROM %s", table,
                                            table);
  g_assert_cmpint (dml1 (f, more), ==, 2);
  assert_files (f, table, two);
  g_autofree gchar *count = g_strdup_printf ("SELECT count(*), sum(a) FROM %s", table);
  assert_rows (f, count, "4|10");

  /* OVERWRITE: the old files go, one new file. */
  g_autofree gchar *overwrite = g_strdup_printf ("INSERT OVERWRITE %s VALUES (7, 'o', NULL)",
                                                 table);
  g_assert_cmpint (dml1 (f, overwrite), ==, 1);
  assert_files (f, table, one);
  assert_rows (f, count, "1|7");

  /* No rows, no file. */
  g_autofree gchar *none = g_strdup_printf ("INSERT INTO %s SELECT * FROM %s WHERE a < 0", table,
                                            table);
  g_assert_cmpint (dml1 (f, none), ==, 0);
  assert_files (f, table, one);
}

static void
test_filesystem_formats (Fixture *f, gconstpointer data)
{
  check_format (f, "csv");
  check_format (f, "json");
  check_format (f, "parquet");

  /* Committed files outlive the engine. */
  fixture_close (f);
  fixture_open (f);
  assert_rows (f, "SELECT count(*), sum(a) FROM fs_csv", "1|7");
  assert_rows (f, "SELECT a, b FROM fs_parquet", "7|o");
  g_assert_cmpint (dml1 (f, "INSERT INTO fs_json VALUES (8, 'r', NULL)"), ==, 1);
  assert_rows (f, "SELECT a FROM fs_json ORDER BY a", "7;8");
}

static void
test_filesystem_existing_files (Fixture *f, gconstpointer data)
{
  /* The directory is created on the first insert. */
  create_fs_table (f, "t", "a INT, b STRING", "csv", "", "nested/t");
  g_assert_cmpint (dml1 (f, "INSERT INTO t VALUES (1, 'a')"), ==, 1);

  /* A file someone else put there is read and never replaced. */
  g_autofree gchar *mine = g_build_filename (f->dir, "nested/t/part-0.csv", NULL);
  g_assert_true (g_file_set_contents (mine, "9,own\n", -1, NULL));
  g_assert_cmpint (dml1 (f, "INSERT INTO t VALUES (2, 'b')"), ==, 1);
  const char *three[] = { "part-*.csv", "part-*.csv", "part-*.csv", NULL };
  assert_files (f, "nested/t", three);
  g_autofree gchar *contents = NULL;
  g_assert_true (g_file_get_contents (mine, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "9,own\n");
  assert_rows (f, "SELECT a, b FROM t ORDER BY a", "1|a;2|b;9|own");

  /* Outside allowed-directories nothing is created. */
  g_autoptr (GError) error = NULL;
  g_autofree gchar *outside = g_strconcat (f->dir, "-outside/t", NULL);
  g_autofree gchar *ddl = g_strdup_printf (
    "CREATE TABLE o (a INT) WITH ('connector' = 'filesystem', 'path' = '%s', "
    "'format' = 'csv')", outside);
  run (f, ddl);
  g_assert_cmpint (dml (f, &error, "INSERT INTO o VALUES (1)", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_SQL);
  g_assert_true (g_str_has_prefix (error->message, "Permission Error: "));
  g_autofree gchar *outside_parent = g_path_get_dirname (outside);
  g_assert_false (g_file_test (outside_parent, G_FILE_TEST_EXISTS));
}

static void
test_filesystem_columns (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  create_fs_table (f, "t", "a INT NOT NULL, b STRING, c BIGINT", "json", "", "t");
  g_assert_cmpint (dml1 (f, "INSERT INTO t (c, a) VALUES (3, 1)"), ==, 1);
  assert_rows (f, "SELECT a, b, c FROM t", "1|NULL|3");

  /* Flink's NOT NULL enforcer, and no file from the failed job. */
  g_assert_cmpint (dml (f, &error, "INSERT INTO t VALUES (2, 'x', 1), (NULL, 'y', 2)", NULL), ==,
                   -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_SQL);
  g_assert_cmpstr (error->message, ==,
                   "Column 'a' is NOT NULL, however, a null value is being written into it. You "
                   "can set job configuration 'table.exec.sink.not-null-enforcer'='DROP' to "
                   "suppress this exception and drop such records silently.");
  const char *one[] = { "part-*.json", NULL };
  assert_files (f, "t", one);

  /* A temporary filesystem table: its files outlive it. */
  g_autofree gchar *path = g_build_filename (f->dir, "tmp", NULL);
  g_autofree gchar *ddl = g_strdup_printf (
    "CREATE TEMPORARY TABLE tmp (a INT) WITH ('connector' = 'filesystem', 'path' = '%s', "
    "'format' = 'csv')", path);
  run (f, ddl);
  g_assert_cmpint (dml1 (f, "INSERT INTO tmp VALUES (1), (2)"), ==, 2);
  assert_rows (f, "SELECT sum(a) FROM tmp", "3");
  const char *csv[] = { "part-*.csv", NULL };
  assert_files (f, "tmp", csv);
}

/* INSERT OVERWRITE empties the table's directory, but never of the database's own files. */
static void
test_filesystem_overwrite_keeps_database (Fixture *f, gconstpointer data)
{
  g_autofree gchar *ddl = g_strdup_printf (
    "CREATE TABLE here (a INT) WITH ('connector' = 'filesystem', 'path' = '%s', "
    "'format' = 'csv')", f->dir);
  run (f, ddl);
  g_autofree gchar *other = g_build_filename (f->dir, "old.csv", NULL);
  g_assert_true (g_file_set_contents (other, "1\n", -1, NULL));
  g_assert_cmpint (dml1 (f, "INSERT OVERWRITE here VALUES (2)"), ==, 1);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));
  fixture_close (f);
  fixture_open (f);
  assert_rows (f, "SELECT count(*) FROM default_catalog.__gateway.flink_objects", "1");
}

static void
test_filesystem_partitioned (Fixture *f, gconstpointer data)
{
  create_fs_table (f, "p", "a INT, k STRING, d INT", "csv", "PARTITIONED BY (k)", "p");
  g_assert_cmpint (dml1 (f, "INSERT INTO p VALUES (1, 'x', 10), (2, 'y', 20), (3, NULL, 30), "
                            "(4, 'x', 40)"), ==, 4);
  const char *files[] = { "k=__DEFAULT_PARTITION__/part-*.csv", "k=x/part-*.csv",
                          "k=y/part-*.csv", NULL };
  assert_files (f, "p", files);
  assert_rows (f, "SELECT a, k, d FROM p ORDER BY a", "1|x|10;2|y|20;3|NULL|30;4|x|40");

  /* OVERWRITE replaces the partitions it writes, and only those. */
  g_assert_cmpint (dml1 (f, "INSERT OVERWRITE p VALUES (5, 'x', 50)"), ==, 1);
  assert_files (f, "p", files);
  assert_rows (f, "SELECT a, k, d FROM p ORDER BY a", "2|y|20;3|NULL|30;5|x|50");
}

/* ---- statement sets ---- */

static void
test_statement_set_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  run (f, "CREATE TABLE n (a INT)");
  create_fs_table (f, "fs", "a INT", "csv", "", "fs");
  create_fs_table (f, "fp", "a INT, k INT", "parquet", "PARTITIONED BY (k)", "fp");

  g_assert_cmpint (dml (f, &error, "INSERT INTO n VALUES (1)", "INSERT INTO fs VALUES (1)",
                        "INSERT INTO fp VALUES (1, 1)",
                        "INSERT INTO n SELECT CAST('x' AS INT)", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_SQL);
  g_clear_error (&error);
  assert_rows (f, "SELECT count(*) FROM n", "0");
  const char *none[] = { NULL };
  assert_files (f, "fs", none);
  assert_files (f, "fp", none);

  /* The same set without the bad statement: everything at once. */
  g_assert_cmpint (dml (f, &error, "INSERT INTO n VALUES (1)", "INSERT INTO fs VALUES (1)",
                        "INSERT INTO fp VALUES (1, 1)", NULL), ==, 3);
  g_assert_no_error (error);
  assert_rows (f, "SELECT (SELECT count(*) FROM n), (SELECT count(*) FROM fs), "
                  "(SELECT count(*) FROM fp)", "1|1|1");
}

/* ---- print, blackhole, datagen ---- */

static void
collect_line (const char *line, gpointer data)
{
  g_ptr_array_add (data, g_strdup (line));
}

static void
test_print (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  run (f, "CREATE TABLE p (a INT, b STRING, c DOUBLE, d DECIMAL(10, 2), ts TIMESTAMP(3), "
          "dt DATE, t TIME, ok BOOLEAN, arr ARRAY<INT>, m MAP<STRING, INT>, "
          "r ROW<x INT, y STRING>, bin BYTES, ltz TIMESTAMP_LTZ(3)) "
          "WITH ('connector' = 'print', 'print-identifier' = 'sink')");
  run (f, "CREATE TABLE q (a INT, b STRING) WITH ('connector' = 'print')");
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *statements[] = {
    "INSERT INTO p VALUES (1, 'abc', 1.5, 12.5, TIMESTAMP '2024-01-01 10:00:00', "
    "DATE '2024-01-02', TIME '10:30:15', true, [1, 2], MAP {'k': 1}, {'x': 1, 'y': 'z'}, "
    "'\\x01\\xFF'::BLOB, TIMESTAMPTZ '2024-01-01 10:00:00.5+00')",
    "INSERT INTO p (a, ts) VALUES (2, TIMESTAMP '2024-01-01 10:00:00.123')",
    "INSERT INTO q (b) VALUES ('only b')",
    NULL,
  };
  g_assert_cmpint (gw_engine_execute_dml (f->conn, statements, collect_line, lines, NULL,
                                          &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (lines->pdata[0], ==,
                   "sink> +I[1, abc, 1.5, 12.50, 2024-01-01T10:00, 2024-01-02, 10:30:15, true, "
                   "[1, 2], {k=1}, +I[1, z], [1, -1], 2024-01-01T10:00:00.500Z]");
  g_assert_cmpstr (lines->pdata[1], ==,
                   "sink> +I[2, null, null, null, 2024-01-01T10:00:00.123, null, null, null, "
                   "null, null, null, null, null]");
  g_assert_cmpstr (lines->pdata[2], ==, "+I[null, only b]");
}

static void
test_blackhole_and_datagen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  run (f, "CREATE TABLE b (a BIGINT, s STRING) WITH ('connector' = 'blackhole')");
  g_assert_cmpint (dml1 (f, "INSERT INTO b SELECT range, 'x' FROM range(100000)"), ==, 100000);

  run (f, "CREATE TABLE g (a INT) WITH ('connector' = 'datagen')");
  g_assert_cmpint (dml (f, &error, "INSERT INTO g VALUES (1)", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==,
                   "Connector 'datagen' can only be used as a source. It cannot be used as a "
                   "sink.");
  g_clear_error (&error);

  g_assert_cmpint (dml (f, &error, "INSERT OVERWRITE b VALUES (1, 'a')", NULL), ==, -1);
  g_assert_error (error, GW_ERROR, GW_ERROR_VALIDATION);
}

/* ---- CTAS ---- */

static void
test_ctas (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (dml1 (f, "CREATE TABLE c AS SELECT 1 AS a, 'x' AS b UNION ALL "
                            "SELECT 2, 'y'"), ==, 2);
  assert_rows (f, "SELECT a, b FROM c ORDER BY a", "1|x;2|y");
  g_assert_cmpint (dml1 (f, "INSERT INTO c VALUES (3, 'z')"), ==, 1);

  g_autofree gchar *path = g_build_filename (f->dir, "cf", NULL);
  g_autofree gchar *ctas = g_strdup_printf (
    "CREATE TABLE cf WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'json') "
    "AS SELECT a, b FROM c WHERE a > 1", path);
  g_assert_cmpint (dml1 (f, ctas), ==, 2);
  const char *one[] = { "part-*.json", NULL };
  assert_files (f, "cf", one);
  assert_rows (f, "SELECT a, b FROM cf ORDER BY a", "2|y;3|z");

  /* An existing table fails, and nothing of the job stays. */
  g_assert_cmpint (dml (f, &error, "INSERT INTO c VALUES (4, 'w')",
                        "CREATE TABLE c AS SELECT 1 AS a", NULL), ==, -1);
  g_assert_nonnull (error);
  assert_rows (f, "SELECT count(*) FROM c", "3");
}

/* ---- cancellation ---- */

typedef struct {
  Fixture      *f;
  const char   *statement;
  GCancellable *cancellable;
  GwEnginePrintFunc print;
  gpointer      print_data;
  gint64        rows;
  GError       *error;
} Job;

static gpointer
job_thread (gpointer data)
{
  Job *job = data;
  const char *statements[] = { job->statement, NULL };
  job->rows = gw_engine_execute_dml (job->f->conn, statements, job->print, job->print_data,
                                     job->cancellable, &job->error);
  return NULL;
}

/* Starts the job, waits (with a deadline) until started() says it runs, cancels it and checks
 * that it ends canceled within a second. */
static void
cancel_running_job (Job *job, gboolean (*started) (Job *job))
{
  job->cancellable = g_cancellable_new ();
  GThread *thread = g_thread_new ("dml-job", job_thread, job);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!started (job)) {
    g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    g_usleep (2000);
  }
  gint64 canceled_at = g_get_monotonic_time ();
  g_cancellable_cancel (job->cancellable);
  g_thread_join (thread);
  g_assert_cmpint (g_get_monotonic_time () - canceled_at, <, G_USEC_PER_SEC);
  g_assert_cmpint (job->rows, ==, -1);
  g_assert_error (job->error, GW_ERROR, GW_ERROR_CANCELED);
  g_assert_cmpstr (job->error->message, ==, "The operation was canceled.");
  g_clear_error (&job->error);
  g_clear_object (&job->cancellable);
}

/* DuckDB reports progress only while a query runs, and only for table scans (range() reports
 * none), hence the cross join of a native table below. */
static gboolean
query_running (Job *job)
{
  return gw_engine_get_progress (job->f->conn) >= 0;
}

static void
test_cancel_insert (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE n (a BIGINT)");
  create_fs_table (f, "fs", "a BIGINT", "parquet", "", "fs");
  g_assert_cmpint (dml1 (f, "CREATE TABLE big AS SELECT range AS a FROM range(1000000)"), ==,
                   1000000);
  g_assert_cmpint (dml1 (f, "INSERT INTO n VALUES (1)"), ==, 1);

  /* 10^12 rows to join; hash() keeps DuckDB from proving the filter empty. */
  Job job = { .f = f, .statement = "INSERT INTO n SELECT x.a FROM big x, big y "
                                   "WHERE hash(x.a + y.a) = 42" };
  cancel_running_job (&job, query_running);
  assert_rows (f, "SELECT count(*) FROM n", "1");

  /* A COPY interrupted half-way leaves no file, hidden or not. */
  job.statement = "INSERT INTO fs SELECT x.a FROM big x, big y WHERE hash(x.a + y.a) % 1000 = 0";
  cancel_running_job (&job, query_running);
  const char *none[] = { NULL };
  assert_files (f, "fs", none);

  /* A blackhole consuming an endless query. */
  run (f, "CREATE TABLE bh (a BIGINT) WITH ('connector' = 'blackhole')");
  job.statement = "INSERT INTO bh SELECT x.a FROM big x, big y";
  cancel_running_job (&job, query_running);

  /* The connection works on. */
  g_assert_cmpint (dml1 (f, "INSERT INTO fs VALUES (5)"), ==, 1);
  assert_rows (f, "SELECT a FROM fs", "5");
}

static void
count_line (const char *line, gpointer data)
{
  g_atomic_int_inc ((gint *) data);
}

static gboolean
printed (Job *job)
{
  return g_atomic_int_get ((gint *) job->print_data) > 0;
}

static void
test_cancel_print (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE p (a BIGINT) WITH ('connector' = 'print')");
  gint lines = 0;
  Job job = { .f = f, .statement = "INSERT INTO p SELECT range FROM range(1000000000000)",
              .print = count_line, .print_data = &lines };
  cancel_running_job (&job, printed);
  g_assert_cmpint (lines, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/duckdb-dml/native/insert", test_native_insert);
  ADD ("/duckdb-dml/native/errors", test_native_errors);
  ADD ("/duckdb-dml/native/other-targets", test_native_other_targets);
  ADD ("/duckdb-dml/filesystem/formats", test_filesystem_formats);
  ADD ("/duckdb-dml/filesystem/existing-files", test_filesystem_existing_files);
  ADD ("/duckdb-dml/filesystem/columns", test_filesystem_columns);
  ADD ("/duckdb-dml/filesystem/partitioned", test_filesystem_partitioned);
  ADD ("/duckdb-dml/filesystem/overwrite-keeps-database", test_filesystem_overwrite_keeps_database);
  ADD ("/duckdb-dml/statement-set/all-or-nothing", test_statement_set_all_or_nothing);
  ADD ("/duckdb-dml/print", test_print);
  ADD ("/duckdb-dml/blackhole-and-datagen", test_blackhole_and_datagen);
  ADD ("/duckdb-dml/ctas", test_ctas);
  ADD ("/duckdb-dml/cancel/insert", test_cancel_insert);
  ADD ("/duckdb-dml/cancel/print", test_cancel_print);
#undef ADD
  return g_test_run ();
}
