/* The connectors on a real file-backed DuckDB engine: filesystem tables over csv, json and
 * parquet files (nested and partitioned directories, hidden files, a directory that is empty at
 * first), datagen (rows, sequences, random bounds), print and blackhole, and their option
 * errors in Flink's words. */
#include "gw-duckdb-flink-ddl-test-util.h"
#include "gw-duckdb-connector.h"
#include "gw-duckdb-flink.h"
#include "gw-duckdb-metadata.h"

/* Flink checks connector options when a query plans: CREATE TABLE succeeds, reading fails. */
static void
assert_read_error (Fixture *f, const char *create, const char *message, gboolean prefix)
{
  run_in_dir (f, create);
  if (prefix)
    assert_error_prefix (f, "SELECT * FROM x", GW_ERROR_VALIDATION, message);
  else
    assert_error (f, "SELECT * FROM x", GW_ERROR_VALIDATION, message);
  run (f, "DROP TABLE x");
}

static void
test_filesystem_csv (Fixture *f, gconstpointer data)
{
  write_file (f, "csv/part-0.csv", "1,a\n2,\"b,c\"\n");
  write_file (f, "csv/sub/part-1.csv", "3,d\n");
  write_file (f, "csv/.part-2.csv.inprogress", "9,hidden\n");
  write_file (f, "csv/_SUCCESS", "");
  run_in_dir (f, "CREATE TABLE c (id INT, name STRING, up AS UPPER(name)) WITH ("
                 "'connector' = 'filesystem', 'path' = '$DIR/csv', 'format' = 'csv')");
  assert_scalar (f, "SELECT string_agg(id || ':' || name || ':' || up, ' ' ORDER BY id) FROM c",
                 "1:a:A 2:b,c:B,C 3:d:D");
  write_file (f, "semi/data.csv", "1;NULL\n2;x\n");
  run_in_dir (f, "CREATE TABLE s (id INT, name STRING) WITH ('connector' = 'filesystem', "
                 "'path' = '$DIR/semi/data.csv', 'format' = 'csv', "
                 "'csv.field-delimiter' = ';', 'csv.null-literal' = 'NULL')");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM s WHERE name IS NULL", "1");
}

static void
test_filesystem_json_parquet (Fixture *f, gconstpointer data)
{
  write_file (f, "json/a.json", "{\"id\": 1, \"ts\": \"2024-01-02 03:04:05.5\"}\n"
                                "{\"id\": 2}\n");
  run_in_dir (f, "CREATE TABLE j (id BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', "
                 "'path' = '$DIR/json', 'format' = 'json', "
                 "'json.fail-on-missing-field' = 'false')");
  assert_scalar (f, "SELECT string_agg(id || '=' || coalesce(CAST(ts AS VARCHAR), '-'), ' ' "
                    "ORDER BY id) FROM j", "1=2024-01-02 03:04:05.5 2=-");
  g_autofree gchar *dir = g_build_filename (f->dir, "pq", NULL);
  g_mkdir (dir, 0755);
  run_in_dir (f, "COPY (SELECT 7 AS n, 'x' AS s) TO '$DIR/pq/part-0.parquet' (FORMAT parquet)");
  run_in_dir (f, "CREATE TABLE p (s STRING, n INT) WITH ('connector' = 'filesystem', "
                 "'path' = '$DIR/pq', 'format' = 'parquet')");
  assert_scalar (f, "SELECT s || n FROM p", "x7");
  g_autofree gchar *columns = duckdb_columns (f, "default_database", "p");
  g_assert_cmpstr (columns, ==, "s VARCHAR, n INTEGER");
}

static void
test_filesystem_partitioned (Fixture *f, gconstpointer data)
{
  write_file (f, "part/dt=2024-01-01/part-0.csv", "1\n2\n");
  write_file (f, "part/dt=__DEFAULT_PARTITION__/part-0.csv", "3\n");
  write_file (f, "part/.staging/dt=2024-01-03/part-0.csv", "4\n");
  run_in_dir (f, "CREATE TABLE pt (id INT, dt DATE) PARTITIONED BY (dt) WITH ("
                 "'connector' = 'filesystem', 'path' = '$DIR/part', 'format' = 'csv')");
  assert_scalar (f, "SELECT string_agg(id || '@' || coalesce(CAST(dt AS VARCHAR), 'null'), ' ' "
                    "ORDER BY id) FROM pt", "1@2024-01-01 2@2024-01-01 3@null");
}

static void
test_filesystem_empty_then_refresh (Fixture *f, gconstpointer data)
{
  run_in_dir (f, "CREATE TABLE e (id INT, name STRING) WITH ('connector' = 'filesystem', "
                 "'path' = '$DIR/later', 'format' = 'csv')");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM e", "0");
  g_autofree gchar *columns = duckdb_columns (f, "default_database", "e");
  g_assert_cmpstr (columns, ==, "id INTEGER, name VARCHAR");
  write_file (f, "later/part-0.csv", "5,five\n");

  /* What the DML side does after writing its first files. */
  GwDuckdbConnection *conn = (GwDuckdbConnection *) f->conn;
  GwDuckdbPath path = { "default_catalog", "default_database", "e" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GwFlinkStatement) stmt = NULL;
  gboolean temporary = TRUE;
  g_assert_true (gw_duckdb_metadata_lookup (conn, &path, &stmt, &temporary, &error));
  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  g_assert_false (temporary);
  g_assert_cmpint (stmt->kind, ==, GW_FLINK_CREATE_TABLE);
  g_assert_true (gw_duckdb_flink_refresh_source (conn, &path, stmt->create_table, FALSE, &error));
  g_assert_no_error (error);
  assert_scalar (f, "SELECT name FROM e", "five");

  const char *extension = NULL;
  g_autofree gchar *copy = gw_duckdb_connector_copy_options (stmt->create_table, &extension,
                                                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy, ==, "FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"', "
                             "NULLSTR ''");
  g_assert_cmpstr (extension, ==, "csv");
}

static void
test_filesystem_errors (Fixture *f, gconstpointer data)
{
  assert_read_error (f, "CREATE TABLE x (a INT) WITH ('connector' = 'filesystem', "
                        "'format' = 'csv')",
                     "One or more required options are missing.\n\nMissing required options "
                     "are:\n\npath", FALSE);
  assert_read_error (f, "CREATE TABLE x (a INT) WITH ('connector' = 'filesystem', "
                        "'path' = '$DIR', 'format' = 'avro')",
                     "Could not find any factory for identifier 'avro' that implements "
                     "'org.apache.flink.table.factories.DeserializationFormatFactory' in the "
                     "classpath.\n\nAvailable factory identifiers are:\n\ncsv\njson\nparquet",
                     FALSE);
  assert_read_error (f, "CREATE TABLE x (a INT) WITH ('connector' = 'filesystem', "
                        "'path' = '$DIR', 'format' = 'csv', 'foo' = '1', "
                        "'json.ignore-parse-errors' = 'true')",
                     "Unsupported options found for 'filesystem'.\n\nUnsupported options:\n\n"
                     "foo\njson.ignore-parse-errors\n\nSupported options:\n\n"
                     "auto-compaction\ncompaction.file-size\nconnector\ncsv.allow-comments\n",
                     TRUE);
  assert_read_error (f, "CREATE TABLE x (a INT) WITH ('connector' = 'filesystem', "
                        "'path' = '$DIR', 'format' = 'csv', 'csv.field-delimiter' = ';;')",
                     "Option 'csv.field-delimiter' must be a string with single character, but "
                     "was: ;;", FALSE);
  assert_read_error (f, "CREATE TABLE x (a INT) WITH ('connector' = 'filesystem', "
                        "'path' = '$DIR', 'format' = 'csv', 'csv.ignore-parse-errors' = 'yes')",
                     "Could not parse value 'yes' for key 'csv.ignore-parse-errors'.", FALSE);
  assert_read_error (f, "CREATE TABLE x (a INT, b AS a + 1) WITH ('connector' = 'kafka')",
                     "Could not find any factory for identifier 'kafka' that implements "
                     "'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.\n\n"
                     "Available factory identifiers are:\n\nblackhole\ndatagen\nfilesystem\nprint",
                     FALSE);
  /* A sink cannot write with invalid options either. */
  run (f, "CREATE TABLE x (a INT) WITH ('connector' = 'filesystem', 'path' = 'p', 'format' = 'x')");
  GwDuckdbConnection *conn = (GwDuckdbConnection *) f->conn;
  GwDuckdbPath path = { "default_catalog", "default_database", "x" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GwFlinkStatement) stmt = NULL;
  g_assert_true (gw_duckdb_metadata_lookup (conn, &path, &stmt, NULL, &error));
  g_assert_no_error (error);
  g_autofree gchar *copy = gw_duckdb_connector_copy_options (stmt->create_table, NULL, &error);
  g_assert_null (copy);
  g_assert_error (error, GW_ERROR, GW_ERROR_VALIDATION);
}

static void
test_datagen (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE g (id BIGINT, n INT, s STRING, d DOUBLE, b BOOLEAN, ts TIMESTAMP(3), "
          "v VARCHAR(5), bin BYTES, arr ARRAY<INT>, r ROW<x INT, y STRING>, p AS n * 2) WITH ("
          "'connector' = 'datagen', 'number-of-rows' = '50', 'fields.n.min' = '5', "
          "'fields.n.max' = '9', 'fields.s.length' = '10', 'fields.bin.length' = '4', "
          "'fields.d.min' = '1', 'fields.d.max' = '2', 'fields.ts.max-past' = '1 h')");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM g", "50");
  assert_scalar (f, "SELECT CAST(min(n) >= 5 AND max(n) <= 9 AND min(d) >= 1 AND max(d) <= 2 AND "
                    "bool_and(length(s) = 10) AND bool_and(length(v) = 5) AND "
                    "bool_and(octet_length(bin) = 4) AND bool_and(len(arr) = 3) AND "
                    "bool_and(r.y IS NOT NULL) AND bool_and(p = n * 2) AND "
                    "bool_and(ts <= current_localtimestamp()) AS VARCHAR) FROM g", "true");
  run (f, "CREATE TABLE q (id INT, name STRING) WITH ('connector' = 'datagen', "
          "'fields.id.kind' = 'sequence', 'fields.id.start' = '10', 'fields.id.end' = '14', "
          "'fields.name.kind' = 'sequence', 'fields.name.start' = '1', 'fields.name.end' = '100')");
  assert_scalar (f, "SELECT string_agg(id || name, ' ' ORDER BY id) FROM q",
                 "101 112 123 134 145");
  run (f, "CREATE TABLE u (id INT) WITH ('connector' = 'datagen')");
  assert_scalar (f, "SELECT CAST(count(*) AS VARCHAR) FROM (SELECT * FROM u LIMIT 1000)", "1000");
  run (f, "CREATE TABLE nr (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '100', "
          "'fields.id.null-rate' = '1.0')");
  assert_scalar (f, "SELECT CAST(count(id) AS VARCHAR) FROM nr", "0");
}

static void
test_datagen_errors (Fixture *f, gconstpointer data)
{
  assert_read_error (f, "CREATE TABLE x (a INT) WITH ('connector' = 'datagen', "
                        "'fields.b.kind' = 'random')",
                     "Unsupported options found for 'datagen'.\n\nUnsupported options:\n\n"
                     "fields.b.kind\n\nSupported options:\n\nconnector\nfields.a.end\n", TRUE);
  assert_read_error (f, "CREATE TABLE x (a INT) WITH ('connector' = 'datagen', "
                        "'fields.a.kind' = 'sequence', 'fields.a.start' = '1')",
                     "Could not find required property 'fields.a.end' for sequence generator.",
                     FALSE);
  assert_read_error (f, "CREATE TABLE x (a INT) WITH ('connector' = 'datagen', "
                        "'number-of-rows' = 'ten')",
                     "Could not parse value 'ten' for key 'number-of-rows'.", FALSE);
  assert_read_error (f, "CREATE TABLE x (a BOOLEAN) WITH ('connector' = 'datagen', "
                        "'fields.a.kind' = 'sequence', 'fields.a.start' = '1', "
                        "'fields.a.end' = '2')", "Unsupported type: BOOLEAN", FALSE);
}

static void
test_print_blackhole (Fixture *f, gconstpointer data)
{
  run (f, "CREATE TABLE pr (a INT, b STRING) WITH ('connector' = 'print', "
          "'print-identifier' = 'x', 'standard-error' = 'false')");
  run (f, "CREATE TABLE bh (a INT) WITH ('connector' = 'blackhole')");
  assert_error (f, "SELECT * FROM pr", GW_ERROR_VALIDATION,
                "Connector 'print' can only be used as a sink. It cannot be used as a source.");
  assert_error (f, "SELECT count(*) FROM bh", GW_ERROR_VALIDATION,
                "Connector 'blackhole' can only be used as a sink. It cannot be used as a "
                "source.");
  /* The view still describes the table. */
  g_autofree gchar *columns = duckdb_columns (f, "default_database", "pr");
  g_assert_cmpstr (columns, ==, "a INTEGER, b VARCHAR");
  assert_read_error (f, "CREATE TABLE x (a INT) WITH ('connector' = 'blackhole', 'x' = '1')",
                     "Unsupported options found for 'blackhole'.\n\nUnsupported options:\n\nx",
                     TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/duckdb-flink/connector/" path, Fixture, NULL, setup, func, teardown)
  ADD ("filesystem-csv", test_filesystem_csv);
  ADD ("filesystem-json-parquet", test_filesystem_json_parquet);
  ADD ("filesystem-partitioned", test_filesystem_partitioned);
  ADD ("filesystem-empty-then-refresh", test_filesystem_empty_then_refresh);
  ADD ("filesystem-errors", test_filesystem_errors);
  ADD ("datagen", test_datagen);
  ADD ("datagen-errors", test_datagen_errors);
  ADD ("print-blackhole", test_print_blackhole);
#undef ADD
  return g_test_run ();
}
