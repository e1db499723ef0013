/* Tests of the DuckDB engine: opening, statement kinds and errors, the sandbox, interrupts,
 * fetch limits, persistence, completion and connections. */
#include "gw-duckdb-statement.h"
#include "gw-duckdb-test-util.h"

#include <glib/gstdio.h>

#define MULTI_STATEMENT_MESSAGE                                                               \
  "Unsupported SQL statement! Execute statement only accepts a single SQL statement or "      \
  "multiple 'INSERT INTO' statements wrapped in a 'STATEMENT SET' block."

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
    const char *name;
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
      g_autofree gchar *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
    g_rmdir (path);
  } else {
    g_unlink (path);
  }
}

static gchar *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  gchar *dir = g_dir_make_tmp ("gw-duckdb-test-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static void
test_unknown_engine (void)
{
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  gw_config_set (config, "sql-gateway.engine.type", "spark");
  g_assert_null (gw_engine_open (config, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
}

static void
test_bad_option (void)
{
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  gw_config_set (config, "sql-gateway.engine.duckdb.memory-limit", "lots");
  g_assert_null (gw_engine_open (config, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "sql-gateway.engine.duckdb.memory-limit"));
}

static void
test_version (void)
{
  GwEngine *engine = test_engine_open (NULL, NULL);
  g_assert_true (g_str_has_prefix (gw_engine_get_version (engine), "DuckDB v1."));
  gw_engine_close (engine);
}

static void
test_statement_text (void)
{
  static const struct { const char *sql; guint count; } cases[] = {
    { "SELECT 1", 1 }, { "SELECT 1;", 1 }, { "SELECT 1; SELECT 2", 2 }, { "SELECT ';'", 1 },
    { "SELECT 1 -- ;\n", 1 }, { "/* ; /* ; */ ; */ SELECT 1", 1 }, { "SELECT $$;$$", 1 },
    { "SELECT $t$ ; $t$; SELECT 2", 2 }, { "SELECT E'\\';'", 1 }, { "SELECT \"a;b\"", 1 },
    { "SELECT 'it''s;'", 1 }, { "SELECT $1; SELECT 2", 2 }, { "", 0 }, { " ; ;-- x", 0 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (gw_duckdb_statement_count (cases[i].sql), ==, cases[i].count);

  g_autofree gchar *show = gw_duckdb_statement_first_keyword (" -- c\n/* x */ (show tables)");
  g_assert_cmpstr (show, ==, "SHOW");
  g_autofree gchar *none = gw_duckdb_statement_first_keyword ("  ");
  g_assert_cmpstr (none, ==, "");
}

static void
test_kinds (void)
{
  g_autofree gchar *dir = make_temp_dir ();
  GwEngine *engine = test_engine_open ("sql-gateway.engine.duckdb.allowed-directories", dir, NULL);
  GwEngineConnection *conn = test_connect (engine);
  g_autofree gchar *copy = g_strdup_printf ("COPY t TO '%s/t.csv'", dir);
  const struct { const char *sql; GwStatementKind kind; } cases[] = {
    { "CREATE TABLE t (a INT, b VARCHAR)", GW_STATEMENT_OTHER },
    { "INSERT INTO t VALUES (1, 'x'), (2, 'y')", GW_STATEMENT_MODIFY },
    { "UPDATE t SET b = 'z' WHERE a = 2", GW_STATEMENT_MODIFY },
    { "DELETE FROM t WHERE a = 3", GW_STATEMENT_MODIFY },
    { "MERGE INTO t USING (SELECT 3 AS a) s ON t.a = s.a "
      "WHEN NOT MATCHED THEN INSERT VALUES (s.a, 'm')", GW_STATEMENT_MODIFY },
    { copy, GW_STATEMENT_MODIFY },
    { "SELECT * FROM t", GW_STATEMENT_QUERY },
    { "VALUES (1)", GW_STATEMENT_QUERY },
    { "FROM t", GW_STATEMENT_QUERY },
    { "WITH x AS (SELECT 1) SELECT * FROM x", GW_STATEMENT_QUERY },
    { "SHOW TABLES", GW_STATEMENT_CONTENT },
    { "DESCRIBE t", GW_STATEMENT_CONTENT },
    { "SUMMARIZE t", GW_STATEMENT_CONTENT },
    { "EXPLAIN SELECT * FROM t", GW_STATEMENT_CONTENT },
    { "PRAGMA table_info('t')", GW_STATEMENT_CONTENT },
    { "CALL pragma_table_info('t')", GW_STATEMENT_CONTENT },
    { "BEGIN", GW_STATEMENT_OTHER },
    { "COMMIT", GW_STATEMENT_OTHER },
    { "USE default_catalog.default_database", GW_STATEMENT_OTHER },
    { "CHECKPOINT", GW_STATEMENT_OTHER },
    { "PREPARE p AS SELECT a FROM t WHERE a > $1", GW_STATEMENT_OTHER },
    { "EXECUTE p(1)", GW_STATEMENT_CONTENT },
    { "DROP TABLE t", GW_STATEMENT_OTHER },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    GwStatementKind kind;
    g_autoptr (GwBatch) batch = test_query (conn, cases[i].sql, &kind);
    if (kind != cases[i].kind)
      g_error ("'%s': kind %d, expected %d", cases[i].sql, kind, cases[i].kind);
  }
  GwStatementKind kind;
  g_autoptr (GwBatch) modified = test_query (conn, "CREATE TABLE u AS SELECT 1 AS a", NULL);
  g_autoptr (GwBatch) count = test_query (conn, "INSERT INTO u VALUES (2), (3)", &kind);
  g_assert_cmpint (kind, ==, GW_STATEMENT_MODIFY);
  test_assert_int64 (count->columns[0], 0, 2); /* rows affected */

  gw_engine_connection_close (conn);
  gw_engine_close (engine);
  remove_tree (dir);
}

static void
test_errors (void)
{
  GwEngine *engine = test_engine_open (NULL, NULL);
  GwEngineConnection *conn = test_connect (engine);

  g_autoptr (GError) multi = test_query_error (conn, "SELECT 1; SELECT 2");
  g_assert_error (multi, GW_ERROR, GW_ERROR_UNSUPPORTED);
  g_assert_cmpstr (multi->message, ==, MULTI_STATEMENT_MESSAGE);
  g_autoptr (GError) syntax = test_query_error (conn, "SELEC 1");
  /* DuckDB's parser error in Flink's ParseException words. */
  g_assert_error (syntax, GW_ERROR, GW_ERROR_PARSE);
  g_assert_cmpstr (syntax->message, ==, "Encountered \"SELEC\" at line 1, column 1.");
  g_autoptr (GError) empty = test_query_error (conn, "  -- nothing\n");
  g_assert_error (empty, GW_ERROR, GW_ERROR_SQL);
  g_assert_cmpstr (empty->message, ==, "No SQL statement");
  g_autoptr (GError) catalog = test_query_error (conn, "SELECT * FROM no_such_table");
  g_assert_error (catalog, GW_ERROR, GW_ERROR_OBJECT_NOT_FOUND);
  g_assert_cmpstr (catalog->message, ==, "Object 'no_such_table' not found");
  g_autoptr (GError) cast = test_query_error (conn, "SELECT CAST('x' AS INTEGER)");
  g_assert_error (cast, GW_ERROR, GW_ERROR_SQL);
  /* Fails while rows stream, after the first chunks were fetched. */
  g_autoptr (GError) runtime = test_query_error (
    conn, "SELECT CASE WHEN i = 300000 THEN error('boom') ELSE i END FROM range(400000) t(i)");
  g_assert_error (runtime, GW_ERROR, GW_ERROR_SQL);
  g_assert_nonnull (strstr (runtime->message, "boom"));

  /* One statement that DuckDB expands into two (PIVOT creates its enum type first). */
  test_run (conn, "CREATE TABLE cities AS FROM (VALUES ('NL', 2000, 10), ('NL', 2010, 12), "
                  "('US', 2000, 100)) t(country, year, population)");
  g_autoptr (GwBatch) pivot = test_query (
    conn, "PIVOT cities ON year USING sum(population) ORDER BY country", NULL);
  g_assert_cmpuint (pivot->n_rows, ==, 2);
  g_assert_cmpuint (gw_result_schema_get_n_columns (pivot->schema), ==, 3);

  /* The connection keeps working after errors. */
  g_autoptr (GwBatch) ok = test_query (conn, "SELECT 42", NULL);
  test_assert_int64 (ok->columns[0], 0, 42);
  gw_engine_connection_close (conn);
  gw_engine_close (engine);
}

static void
test_sandbox (void)
{
  g_autofree gchar *dir = make_temp_dir ();
  g_autofree gchar *sibling = g_strconcat (dir, "-evil", NULL);
  g_assert_cmpint (g_mkdir (sibling, 0700), ==, 0);
  GwEngine *engine = test_engine_open ("sql-gateway.engine.duckdb.allowed-directories", dir, NULL);
  GwEngineConnection *conn = test_connect (engine);

  const char *refused[] = {
    "SELECT * FROM read_csv('/etc/passwd')",
    "SET enable_external_access = true",
    "SET lock_configuration = false",
    "INSTALL spatial",
    "LOAD spatial",
    "ATTACH '/tmp/gw-duckdb-test-outside.duckdb' AS outside",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++) {
    g_autoptr (GError) error = test_query_error (conn, refused[i]);
    g_assert_error (error, GW_ERROR, GW_ERROR_SQL);
  }
  /* "<dir>-evil" shares the prefix of the allowed "<dir>". */
  g_autofree gchar *evil = g_strdup_printf ("COPY (SELECT 1) TO '%s/x.csv'", sibling);
  g_autoptr (GError) evil_error = test_query_error (conn, evil);
  g_assert_error (evil_error, GW_ERROR, GW_ERROR_SQL);

  g_autofree gchar *write = g_strdup_printf ("COPY (SELECT 42 AS a) TO '%s/x.csv'", dir);
  g_autofree gchar *read = g_strdup_printf ("SELECT a FROM read_csv('%s/x.csv')", dir);
  test_run (conn, write);
  g_autoptr (GwBatch) batch = test_query (conn, read, NULL);
  test_assert_int64 (batch->columns[0], 0, 42);

  gw_engine_connection_close (conn);
  gw_engine_close (engine);
  remove_tree (dir);
  remove_tree (sibling);
}

static void
test_no_sandbox (void)
{
  GwEngine *engine = test_engine_open ("sql-gateway.engine.duckdb.sandbox", "false", NULL);
  GwEngineConnection *conn = test_connect (engine);
  test_run (conn, "SET threads = 1");
  gw_engine_connection_close (conn);
  gw_engine_close (engine);
}

/* Sorting more than the memory limit needs the temp directory, under the sandbox too. */
static void
test_spill (void)
{
  /* Without a temp directory this fails with "Out of Memory Error". */
  GwEngine *engine = test_engine_open ("sql-gateway.engine.duckdb.memory-limit", "64MB",
                                       "sql-gateway.engine.duckdb.threads", "1", NULL);
  GwEngineConnection *conn = test_connect (engine);
  g_autoptr (GwBatch) batch = test_query (
    conn, "SELECT count(*), max(s) FROM (SELECT md5(i::VARCHAR) || md5((i + 1)::VARCHAR) AS s "
          "FROM range(2500000) t(i) ORDER BY s)", NULL);
  test_assert_int64 (batch->columns[0], 0, 2500000);
  gw_engine_connection_close (conn);
  gw_engine_close (engine);
}

typedef struct {
  GwEngineConnection *conn;
  GMutex              mutex;
  GCond               cond;
  gboolean            done;
  GError             *error;
} LongQuery;

static gpointer
run_long_query (gpointer data)
{
  LongQuery *job = data;
  GError *error = NULL;
  GwEngineCursor *cursor = gw_engine_execute (
    job->conn, "SELECT count(*) FROM range(1000000000000)", NULL, &error);
  if (cursor != NULL) {
    g_autoptr (GwBatch) batch = gw_batch_new (gw_engine_cursor_get_schema (cursor), 16);
    gboolean eos = FALSE;
    while (!eos && gw_engine_cursor_fetch (cursor, batch, 100, G_MAXSIZE, &eos, &error))
      ;
    gw_engine_cursor_free (cursor);
  }
  g_mutex_lock (&job->mutex);
  job->error = error;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
  return NULL;
}

static void
test_interrupt (void)
{
  GwEngine *engine = test_engine_open (NULL, NULL);
  LongQuery job = { .conn = test_connect (engine) };
  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);
  g_assert_cmpfloat (gw_engine_get_progress (job.conn), ==, -1);

  /* Neither the start of the statement nor DuckDB's progress (updated only between tasks) can
   * be observed reliably, so interrupt until the worker ends: an interrupt that comes before
   * the statement starts is forgotten, as the interface says. The statement would run for
   * minutes. */
  gint64 started = g_get_monotonic_time ();
  gint64 deadline = started + 20 * G_TIME_SPAN_SECOND;
  GThread *worker = g_thread_new ("long-query", run_long_query, &job);
  g_mutex_lock (&job.mutex);
  while (!job.done) {
    gw_engine_interrupt (job.conn);
    g_cond_wait_until (&job.cond, &job.mutex,
                       g_get_monotonic_time () + 10 * G_TIME_SPAN_MILLISECOND);
    g_assert_cmpint (g_get_monotonic_time (), <, deadline);
  }
  g_mutex_unlock (&job.mutex);
  g_thread_join (worker);

  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_TIME_SPAN_SECOND);
  g_assert_error (job.error, GW_ERROR, GW_ERROR_CANCELED);
  g_assert_cmpstr (job.error->message, ==, "The operation was canceled.");
  g_clear_error (&job.error);

  /* The interrupt does not leak into the next statement. */
  g_autoptr (GwBatch) batch = test_query (job.conn, "SELECT 42", NULL);
  test_assert_int64 (batch->columns[0], 0, 42);
  g_assert_cmpfloat (gw_engine_get_progress (job.conn), ==, -1);
  gw_engine_connection_close (job.conn);
  gw_engine_close (engine);
  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);
}

static void
test_fetch_rows (void)
{
  GwEngine *engine = test_engine_open (NULL, NULL);
  GwEngineConnection *conn = test_connect (engine);
  g_autoptr (GError) error = NULL;
  GwEngineCursor *cursor = gw_engine_execute (conn, "SELECT i FROM range(5000) t(i) ORDER BY i", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_engine_cursor_get_kind (cursor), ==, GW_STATEMENT_QUERY);
  gboolean eos = FALSE;
  for (guint k = 0; k < 5; k++) {
    g_autoptr (GwBatch) batch = gw_batch_new (gw_engine_cursor_get_schema (cursor), 16);
    g_assert_true (gw_engine_cursor_fetch (cursor, batch, 1000, G_MAXSIZE, &eos, &error));
    g_assert_cmpuint (batch->n_rows, ==, 1000);
    test_assert_int64 (batch->columns[0], 0, k * 1000);
    test_assert_int64 (batch->columns[0], 999, k * 1000 + 999);
    /* The last rows come with eos. */
    g_assert_true (eos == (k == 4));
  }
  g_autoptr (GwBatch) empty = gw_batch_new (gw_engine_cursor_get_schema (cursor), 16);
  g_assert_true (gw_engine_cursor_fetch (cursor, empty, 1000, G_MAXSIZE, &eos, &error));
  g_assert_true (eos);
  g_assert_cmpuint (empty->n_rows, ==, 0);
  gw_engine_cursor_free (cursor);
  gw_engine_connection_close (conn);
  gw_engine_close (engine);
}

static void
test_fetch_bytes (void)
{
  const gsize max_bytes = 64 * 1024;
  GwEngine *engine = test_engine_open (NULL, NULL);
  GwEngineConnection *conn = test_connect (engine);
  g_autoptr (GError) error = NULL;
  GwEngineCursor *cursor = gw_engine_execute (
    conn, "SELECT i, repeat('x', 100) AS s FROM range(100000) t(i) ORDER BY i", NULL, &error);
  g_assert_no_error (error);
  gboolean eos = FALSE;
  guint total = 0, fetches = 0;
  while (!eos) {
    g_autoptr (GwBatch) batch = gw_batch_new (gw_engine_cursor_get_schema (cursor), 16);
    g_assert_true (gw_engine_cursor_fetch (cursor, batch, G_MAXUINT, max_bytes, &eos, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (gw_batch_get_memory_size (batch), <, 2 * max_bytes);
    if (!eos)
      g_assert_cmpuint (batch->n_rows, >, 0);
    for (guint i = 0; i < batch->n_rows; i++)
      test_assert_int64 (batch->columns[0], i, total + i);
    total += batch->n_rows;
    fetches++;
  }
  g_assert_cmpuint (total, ==, 100000);
  g_assert_cmpuint (fetches, >, 100);
  gw_engine_cursor_free (cursor);
  gw_engine_connection_close (conn);
  gw_engine_close (engine);
}

/* A second statement would silently end the open stream, so it is refused. */
static void
test_open_stream (void)
{
  GwEngine *engine = test_engine_open (NULL, NULL);
  GwEngineConnection *conn = test_connect (engine);
  g_autoptr (GError) error = NULL;
  GwEngineCursor *cursor = gw_engine_execute (conn, "SELECT * FROM range(100000)", NULL, &error);
  g_autoptr (GwBatch) batch = gw_batch_new (gw_engine_cursor_get_schema (cursor), 16);
  gboolean eos = FALSE;
  g_assert_true (gw_engine_cursor_fetch (cursor, batch, 10, G_MAXSIZE, &eos, &error));
  g_assert_null (gw_engine_execute (conn, "SELECT 1", NULL, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE);
  g_clear_error (&error);
  g_assert_null (gw_engine_complete (conn, "SEL", 3, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE);
  g_clear_error (&error);
  while (!eos)
    g_assert_true (gw_engine_cursor_fetch (cursor, batch, G_MAXUINT, G_MAXSIZE, &eos, &error));
  g_assert_cmpuint (batch->n_rows, ==, 100000);
  test_run (conn, "SELECT 1"); /* the stream is over: the cursor may stay open */
  gw_engine_cursor_free (cursor);

  /* Closing the connection ends the stream; the cursor reports it. */
  cursor = gw_engine_execute (conn, "SELECT * FROM range(100000)", NULL, &error);
  g_assert_no_error (error);
  gw_engine_connection_close (conn);
  g_autoptr (GwBatch) after = gw_batch_new (gw_engine_cursor_get_schema (cursor), 16);
  g_assert_false (gw_engine_cursor_fetch (cursor, after, 10, G_MAXSIZE, &eos, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE);
  gw_engine_cursor_free (cursor);
  gw_engine_close (engine);
}

static void
test_persist (void)
{
  g_autofree gchar *dir = make_temp_dir ();
  g_autofree gchar *path = g_build_filename (dir, "not", "yet", "gateway.duckdb", NULL);
  for (int round = 0; round < 2; round++) {
    GwEngine *engine = test_engine_open ("sql-gateway.engine.duckdb.path", path, NULL);
    GwEngineConnection *conn = test_connect (engine);
    if (round == 0) {
      test_run (conn, "CREATE TABLE kept (a INT, b VARCHAR)");
      test_run (conn, "INSERT INTO kept VALUES (1, 'one'), (2, 'two')");
    } else {
      g_autoptr (GwBatch) batch = test_query (conn, "SELECT a, b FROM kept ORDER BY a", NULL);
      g_assert_cmpuint (batch->n_rows, ==, 2);
      test_assert_text (batch->columns[1], 1, "two");
    }
    gw_engine_connection_close (conn);
    gw_engine_close (engine);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    /* The closing checkpoint folded the write-ahead log into the file. */
    g_autofree gchar *wal = g_strconcat (path, ".wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  remove_tree (dir);
}

static void
test_complete (void)
{
  GwEngine *engine = test_engine_open (NULL, NULL);
  GwEngineConnection *conn = test_connect (engine);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) keywords = gw_engine_complete (conn, "SEL", 3, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char *const *) keywords, "SELECT"));
  for (guint i = 0; keywords[i] != NULL; i++)
    for (guint j = i + 1; keywords[j] != NULL; j++)
      g_assert_cmpstr (keywords[i], !=, keywords[j]);

  test_run (conn, "CREATE TABLE completion_target (a INT)");
  /* Position past the end is clamped. */
  g_auto (GStrv) tables = gw_engine_complete (conn, "SELECT * FROM completion_t", 1000, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char *const *) tables, "completion_target"));
  gw_engine_connection_close (conn);
  gw_engine_close (engine);
}

static void
test_connections (void)
{
  GwEngine *engine = test_engine_open (NULL, NULL);
  GwEngineConnection *first = test_connect (engine);
  GwEngineConnection *second = test_connect (engine);
  test_run (first, "CREATE TABLE shared AS SELECT 7 AS a");
  g_autoptr (GwBatch) batch = test_query (
    second, "SELECT a, current_database(), current_schema() FROM shared", NULL);
  test_assert_int64 (batch->columns[0], 0, 7);
  test_assert_text (batch->columns[1], 0, "default_catalog");
  test_assert_text (batch->columns[2], 0, "default_database");
  gw_engine_connection_close (first);
  gw_engine_connection_close (second);
  gw_engine_close (engine);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/duckdb/open/unknown-engine", test_unknown_engine);
  g_test_add_func ("/engine/duckdb/open/bad-option", test_bad_option);
  g_test_add_func ("/engine/duckdb/open/version", test_version);
  g_test_add_func ("/engine/duckdb/statement/text", test_statement_text);
  g_test_add_func ("/engine/duckdb/statement/kinds", test_kinds);
  g_test_add_func ("/engine/duckdb/statement/errors", test_errors);
  g_test_add_func ("/engine/duckdb/sandbox/locked", test_sandbox);
  g_test_add_func ("/engine/duckdb/sandbox/off", test_no_sandbox);
  g_test_add_func ("/engine/duckdb/sandbox/spill", test_spill);
  g_test_add_func ("/engine/duckdb/interrupt", test_interrupt);
  g_test_add_func ("/engine/duckdb/fetch/max-rows", test_fetch_rows);
  g_test_add_func ("/engine/duckdb/fetch/max-bytes", test_fetch_bytes);
  g_test_add_func ("/engine/duckdb/fetch/open-stream", test_open_stream);
  g_test_add_func ("/engine/duckdb/persist", test_persist);
  g_test_add_func ("/engine/duckdb/complete", test_complete);
  g_test_add_func ("/engine/duckdb/connections", test_connections);
  return g_test_run ();
}
