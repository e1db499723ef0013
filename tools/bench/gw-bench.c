/* gw-bench: a load client for the gateway's REST and HiveServer2 endpoints, and the limits it is
 * compared against (DuckDB running the same statements in-process). Each run prints one
 * "key=value ..." line that tools/bench/run.sh turns into a table (DESIGN.md §8: benchmarks
 * report, tests assert). */
#include "gw-bench-hs2.h"
#include "gw-bench-rest.h"
#include "tcli-ensure-types.h"

#include <duckdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static gchar *opt_sql = NULL;
static gchar *opt_url = NULL;
static gchar *opt_row_format = NULL;
static gint opt_seconds = 10;
static gint opt_clients = 1;
static gint64 opt_expect_rows = -1;
static gchar *opt_host = NULL;
static gint opt_port = 0;
static gint64 opt_fetch_size = 10000;
static gchar *opt_reader = NULL;
static gboolean opt_no_read_ahead = FALSE;
static gboolean opt_persistent = FALSE;

static const GOptionEntry option_entries[] = {
  { "sql", 0, 0, G_OPTION_ARG_STRING, &opt_sql, "Query to run (duckdb, *-fetch)", "SQL" },
  { "url", 0, 0, G_OPTION_ARG_STRING, &opt_url, "Gateway REST base URL (rest-*)",
    "http://127.0.0.1:PORT" },
  { "row-format", 0, 0, G_OPTION_ARG_STRING, &opt_row_format,
    "JSON (default) or PLAIN_TEXT (rest-fetch)", "FORMAT" },
  { "seconds", 0, 0, G_OPTION_ARG_INT, &opt_seconds, "Duration (*-roundtrip, default 10)",
    "N" },
  { "clients", 0, 0, G_OPTION_ARG_INT, &opt_clients,
    "Client threads (rest-roundtrip, hs2-roundtrip, default 1)", "C" },
  { "expect-rows", 0, 0, G_OPTION_ARG_INT64, &opt_expect_rows,
    "Fail unless exactly this many rows arrive (duckdb, *-fetch)", "N" },
  { "host", 0, 0, G_OPTION_ARG_STRING, &opt_host, "HiveServer2 host (hs2-*, default 127.0.0.1)",
    "HOST" },
  { "port", 0, 0, G_OPTION_ARG_INT, &opt_port, "HiveServer2 binary port, NOSASL (hs2-*)",
    "PORT" },
  { "fetch-size", 0, 0, G_OPTION_ARG_INT64, &opt_fetch_size,
    "FetchResults maxRows (hs2-fetch, default 10000)", "N" },
  { "reader", 0, 0, G_OPTION_ARG_STRING, &opt_reader,
    "lean (default: decode the row set off the wire) or generated (c_glib structs) (hs2-fetch)",
    "READER" },
  { "no-read-ahead", 0, 0, G_OPTION_ARG_NONE, &opt_no_read_ahead,
    "Read as the stock ThriftSocket does, one recv() per field or value (hs2-*)", NULL },
  { "persistent", 0, 0, G_OPTION_ARG_NONE, &opt_persistent,
    "One connection for the whole run (duckdb-roundtrip: the limit of hs2-roundtrip)", NULL },
  { NULL }
};

static double
seconds_since (gint64 start_us)
{
  return (double) (g_get_monotonic_time () - start_us) / G_USEC_PER_SEC;
}

/* ---- duckdb: the limit ------------------------------------------------------------------ */

/* Reads every value of one vector so that the work a gateway must do (look at each value) is
 * also done here; returns a checksum so the compiler cannot drop the loop. */
static guint64
touch_vector (duckdb_vector vector, idx_t n_rows)
{
  duckdb_logical_type type = duckdb_vector_get_column_type (vector);
  duckdb_type id = duckdb_get_type_id (type);
  duckdb_destroy_logical_type (&type);
  uint64_t *validity = duckdb_vector_get_validity (vector);
  void *data = duckdb_vector_get_data (vector);
  guint64 sum = 0;

  for (idx_t row = 0; row < n_rows; row++) {
    if (validity != NULL && !duckdb_validity_row_is_valid (validity, row))
      continue;
    switch (id) {
    case DUCKDB_TYPE_BOOLEAN:
    case DUCKDB_TYPE_TINYINT:
    case DUCKDB_TYPE_UTINYINT:
      sum += ((guint8 *) data)[row];
      break;
    case DUCKDB_TYPE_SMALLINT:
    case DUCKDB_TYPE_USMALLINT:
      sum += ((guint16 *) data)[row];
      break;
    case DUCKDB_TYPE_INTEGER:
    case DUCKDB_TYPE_UINTEGER:
    case DUCKDB_TYPE_DATE:
    case DUCKDB_TYPE_FLOAT:
      sum += ((guint32 *) data)[row];
      break;
    case DUCKDB_TYPE_BIGINT:
    case DUCKDB_TYPE_UBIGINT:
    case DUCKDB_TYPE_DOUBLE:
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
    case DUCKDB_TYPE_TIME:
      sum += ((guint64 *) data)[row];
      break;
    case DUCKDB_TYPE_VARCHAR:
    case DUCKDB_TYPE_BLOB: {
      duckdb_string_t *s = &((duckdb_string_t *) data)[row];
      sum += strnlen (duckdb_string_t_data (s), duckdb_string_t_length (*s));
      break;
    }
    default:
      sum += 1; /* other types are counted, not decoded */
      break;
    }
  }
  return sum;
}

typedef struct {
  guint64 rows;
  guint64 checksum;
  double  first_row_s;  /* seconds from start_us to the first chunk with a row */
} StreamStats;

/* Streams sql on conn and touches every value, the way the gateway's engine reads a result. */
static gboolean
stream_query (duckdb_connection conn, const char *sql, gint64 start_us, StreamStats *stats)
{
  duckdb_prepared_statement prepared = NULL;
  duckdb_pending_result pending = NULL;
  duckdb_result result;
  gboolean have_result = FALSE, ok = FALSE;

  stats->first_row_s = -1;
  if (duckdb_prepare (conn, sql, &prepared) == DuckDBError) {
    g_printerr ("duckdb: %s\n", duckdb_prepare_error (prepared));
    goto out;
  }
  /* Deprecated since DuckDB 1.4 without a replacement: the only way to stream a prepared
   * statement's result, which is what the gateway does (stack.md §5). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  duckdb_state state = duckdb_pending_prepared_streaming (prepared, &pending);
#pragma GCC diagnostic pop
  if (state == DuckDBError) {
    g_printerr ("duckdb: %s\n", duckdb_pending_error (pending));
    goto out;
  }
  have_result = TRUE;
  if (duckdb_execute_pending (pending, &result) == DuckDBError) {
    g_printerr ("duckdb: %s\n", duckdb_result_error (&result));
    goto out;
  }
  duckdb_data_chunk chunk;
  while ((chunk = duckdb_fetch_chunk (result)) != NULL) {
    idx_t n = duckdb_data_chunk_get_size (chunk);
    if (stats->first_row_s < 0 && n > 0)
      stats->first_row_s = seconds_since (start_us);
    for (idx_t c = 0; c < duckdb_data_chunk_get_column_count (chunk); c++)
      stats->checksum += touch_vector (duckdb_data_chunk_get_vector (chunk, c), n);
    stats->rows += n;
    duckdb_destroy_data_chunk (&chunk);
  }
  /* A stream that ends early looks like the end of data unless the error is checked. */
  ok = duckdb_result_error (&result) == NULL;
  if (!ok)
    g_printerr ("duckdb: %s\n", duckdb_result_error (&result));
out:
  if (have_result)
    duckdb_destroy_result (&result);
  duckdb_destroy_pending (&pending);
  duckdb_destroy_prepare (&prepared);
  return ok;
}

static gboolean
bench_duckdb (const char *sql)
{
  duckdb_database db = NULL;
  duckdb_connection conn = NULL;
  StreamStats stats = { 0 };
  gboolean ok = FALSE;

  if (duckdb_open (NULL, &db) == DuckDBError || duckdb_connect (db, &conn) == DuckDBError) {
    g_printerr ("duckdb: cannot open an in-memory database\n");
    goto out;
  }
  gint64 start = g_get_monotonic_time ();
  if (!stream_query (conn, sql, start, &stats))
    goto out;
  double seconds = seconds_since (start);
  printf ("mode=duckdb rows=%" G_GUINT64_FORMAT " seconds=%.3f rows_per_s=%.0f first_row_s=%.4f "
          "checksum=%" G_GUINT64_FORMAT "\n",
          stats.rows, seconds, stats.rows / seconds, stats.first_row_s, stats.checksum);
  ok = opt_expect_rows < 0 || stats.rows == (guint64) opt_expect_rows;
  if (!ok)
    g_printerr ("duckdb: expected %" G_GINT64_FORMAT " rows, got %" G_GUINT64_FORMAT "\n",
                opt_expect_rows, stats.rows);
out:
  duckdb_disconnect (&conn);
  duckdb_close (&db);
  return ok;
}

/* The in-process limit of rest-roundtrip: a connection per "session", SELECT 1 streamed; with
 * persistent, of hs2-roundtrip: SELECT 1 streamed on one connection. */
static gboolean
bench_duckdb_roundtrip (guint seconds, gboolean persistent)
{
  duckdb_database db = NULL;
  duckdb_connection kept = NULL;
  guint64 round_trips = 0;
  gboolean ok = duckdb_open (NULL, &db) == DuckDBSuccess &&
                (!persistent || duckdb_connect (db, &kept) == DuckDBSuccess);
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + (gint64) seconds * G_USEC_PER_SEC;

  while (ok && g_get_monotonic_time () < deadline) {
    duckdb_connection conn = kept;
    StreamStats stats = { 0 };
    ok = (conn != NULL || duckdb_connect (db, &conn) == DuckDBSuccess) &&
         stream_query (conn, "SELECT 1", g_get_monotonic_time (), &stats) && stats.rows == 1;
    if (conn != kept)
      duckdb_disconnect (&conn);
    round_trips++;
  }
  double elapsed = seconds_since (start);
  duckdb_disconnect (&kept);
  duckdb_close (&db);
  if (!ok) {
    g_printerr ("duckdb-roundtrip: SELECT 1 failed\n");
    return FALSE;
  }
  printf ("mode=duckdb-roundtrip persistent=%d clients=1 round_trips=%" G_GUINT64_FORMAT
          " seconds=%.3f per_s=%.1f mean_ms=%.4f\n",
          persistent, round_trips, elapsed, round_trips / elapsed, elapsed * 1000.0 / round_trips);
  return TRUE;
}

/* ---- rest-fetch: one big result --------------------------------------------------------- */

static gboolean
bench_rest_fetch (const char *url, const char *sql, const char *row_format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GwBenchClient) client = gw_bench_client_new (url);
  g_autofree gchar *session = NULL, *operation = NULL;
  GwBenchFetchStats stats = { 0 };

  gint64 start = g_get_monotonic_time ();
  if ((session = gw_bench_open_session (client, &error)) == NULL ||
      (operation = gw_bench_execute (client, session, sql, &error)) == NULL ||
      !gw_bench_fetch_all (client, session, operation, row_format, start, &stats, &error)) {
    g_printerr ("rest-fetch: %s\n", error->message);
    if (session != NULL)
      gw_bench_close_session (client, session, NULL);
    return FALSE;
  }
  double seconds = seconds_since (start);
  if (!gw_bench_close_operation (client, session, operation, &error) ||
      !gw_bench_close_session (client, session, &error)) {
    g_printerr ("rest-fetch: %s\n", error->message);
    return FALSE;
  }
  printf ("mode=rest-fetch format=%s rows=%" G_GUINT64_FORMAT " bytes=%" G_GUINT64_FORMAT
          " pages=%u seconds=%.3f rows_per_s=%.0f mb_per_s=%.1f first_row_s=%.4f\n",
          row_format, stats.rows, stats.bytes, stats.pages, seconds, stats.rows / seconds,
          stats.bytes / 1e6 / seconds, stats.first_row_s);
  if (opt_expect_rows >= 0 && stats.rows != (guint64) opt_expect_rows) {
    g_printerr ("rest-fetch: expected %" G_GINT64_FORMAT " rows, got %" G_GUINT64_FORMAT "\n",
                opt_expect_rows, stats.rows);
    return FALSE;
  }
  return TRUE;
}

/* ---- hs2-fetch: one big result over HiveServer2 ----------------------------------------- */

/* CPU seconds of this process (user + system): what decoding costs the client. */
static double
cpu_seconds (void)
{
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static gboolean
bench_hs2_fetch (const char *host, guint port, const char *sql, GwBenchHs2Reader reader)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TOperationHandle) operation = NULL;
  GwBenchHs2FetchStats stats = { 0 };
  const char *reader_name = reader == GW_BENCH_HS2_READER_LEAN ? "lean" : "generated";

  double cpu_start = cpu_seconds ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GwBenchHs2) hs2 = gw_bench_hs2_connect (host, port, !opt_no_read_ahead, &error);
  if (hs2 == NULL || !gw_bench_hs2_open_session (hs2, &error) ||
      (operation = gw_bench_hs2_execute (hs2, sql, &error)) == NULL ||
      !gw_bench_hs2_fetch_all (hs2, operation, opt_fetch_size, reader, start, &stats, &error)) {
    g_printerr ("hs2-fetch: %s\n", error->message);
    return FALSE;
  }
  double seconds = seconds_since (start);
  double cpu = cpu_seconds () - cpu_start;
  guint64 bytes = gw_bench_hs2_bytes_read (hs2);
  if (!gw_bench_hs2_close_operation (hs2, operation, &error) ||
      !gw_bench_hs2_close_session (hs2, &error)) {
    g_printerr ("hs2-fetch: %s\n", error->message);
    return FALSE;
  }
  printf ("mode=hs2-fetch reader=%s read_ahead=%d rows=%" G_GUINT64_FORMAT " bytes=%"
          G_GUINT64_FORMAT " fetches=%u seconds=%.3f rows_per_s=%.0f mb_per_s=%.1f "
          "first_row_s=%.4f client_cpu_s=%.3f checksum=%" G_GUINT64_FORMAT "\n",
          reader_name, !opt_no_read_ahead, stats.rows, bytes, stats.fetches, seconds,
          stats.rows / seconds, bytes / 1e6 / seconds, stats.first_row_s, cpu, stats.checksum);
  if (opt_expect_rows >= 0 && stats.rows != (guint64) opt_expect_rows) {
    g_printerr ("hs2-fetch: expected %" G_GINT64_FORMAT " rows, got %" G_GUINT64_FORMAT "\n",
                opt_expect_rows, stats.rows);
    return FALSE;
  }
  return TRUE;
}

/* ---- *-roundtrip: many tiny statements -------------------------------------------------- */

/* The steps of one round trip, timed separately to show where the time goes. REST: a session
 * per round trip; HiveServer2: one session per client, opened before the clock starts. */
typedef enum {
  PHASE_OPEN,     /* POST /v2/sessions; HS2: none */
  PHASE_EXECUTE,  /* POST .../statements; HS2: ExecuteStatement (runAsync false) */
  PHASE_FETCH,    /* GET .../result/N until EOS, NOT_READY polls included; HS2: FetchResults
                   * until an empty batch */
  PHASE_CLOSE,    /* DELETE /v2/sessions/:session (closes the operation too); HS2:
                   * CloseOperation */
  N_PHASES
} Phase;

typedef struct {
  const char *url;                /* borrowed: rest-roundtrip */
  const char *host;               /* borrowed: hs2-roundtrip */
  guint       port;
  gint64      deadline;           /* monotonic µs */
  GArray     *latencies;          /* owned: gint64 µs per round trip */
  guint64     fetches;            /* fetch requests, NOT_READY polls included */
  gint64      phase_us[N_PHASES]; /* total time per phase */
  gchar      *failure;            /* owned: first error, or NULL */
} RoundTripWorker;

/* Adds the time since *mark to phase and moves the mark. */
static void
end_phase (RoundTripWorker *worker, Phase phase, gint64 *mark)
{
  gint64 now = g_get_monotonic_time ();
  worker->phase_us[phase] += now - *mark;
  *mark = now;
}

static gboolean
one_round_trip (RoundTripWorker *worker, GwBenchClient *client, GError **error)
{
  gint64 mark = g_get_monotonic_time ();
  g_autofree gchar *session = gw_bench_open_session (client, error);
  if (session == NULL)
    return FALSE;
  end_phase (worker, PHASE_OPEN, &mark);
  g_autofree gchar *operation = gw_bench_execute (client, session, "SELECT 1", error);
  end_phase (worker, PHASE_EXECUTE, &mark);
  GwBenchFetchStats stats = { 0 };
  gboolean ok = operation != NULL &&
                gw_bench_fetch_all (client, session, operation, "JSON", mark, &stats, error);
  end_phase (worker, PHASE_FETCH, &mark);
  worker->fetches += stats.pages;
  if (ok && stats.rows != 1) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SELECT 1 returned %" G_GUINT64_FORMAT
                 " rows", stats.rows);
    ok = FALSE;
  }
  /* Closing the session closes its operation (flink-rest.md §3.5). */
  if (!gw_bench_close_session (client, session, ok ? error : NULL))
    ok = FALSE;
  end_phase (worker, PHASE_CLOSE, &mark);
  return ok;
}

static gpointer
round_trip_thread (gpointer data)
{
  RoundTripWorker *worker = data;
  /* One SoupSession (one keep-alive connection) per thread: a session belongs to its thread. */
  g_autoptr (GwBenchClient) client = gw_bench_client_new (worker->url);

  while (g_get_monotonic_time () < worker->deadline) {
    g_autoptr (GError) error = NULL;
    gint64 start = g_get_monotonic_time ();
    if (!one_round_trip (worker, client, &error)) {
      worker->failure = g_strdup (error->message);
      break;
    }
    gint64 elapsed = g_get_monotonic_time () - start;
    g_array_append_val (worker->latencies, elapsed);
  }
  return NULL;
}

static gboolean
one_hs2_round_trip (RoundTripWorker *worker, GwBenchHs2 *hs2, GError **error)
{
  gint64 mark = g_get_monotonic_time ();
  g_autoptr (TOperationHandle) operation = gw_bench_hs2_execute (hs2, "SELECT 1", error);
  end_phase (worker, PHASE_EXECUTE, &mark);
  if (operation == NULL)
    return FALSE;
  GwBenchHs2FetchStats stats = { 0 };
  gboolean ok = gw_bench_hs2_fetch_all (hs2, operation, 10000, GW_BENCH_HS2_READER_GENERATED,
                                        mark, &stats, error);
  end_phase (worker, PHASE_FETCH, &mark);
  worker->fetches += stats.fetches;
  if (ok && stats.rows != 1) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SELECT 1 returned %" G_GUINT64_FORMAT
                 " rows", stats.rows);
    ok = FALSE;
  }
  if (!gw_bench_hs2_close_operation (hs2, operation, ok ? error : NULL))
    ok = FALSE;
  end_phase (worker, PHASE_CLOSE, &mark);
  return ok;
}

static gpointer
hs2_round_trip_thread (gpointer data)
{
  RoundTripWorker *worker = data;
  g_autoptr (GError) error = NULL;
  /* One connection and one session per thread, for the whole run. */
  g_autoptr (GwBenchHs2) hs2 = gw_bench_hs2_connect (worker->host, worker->port,
                                                     !opt_no_read_ahead, &error);
  if (hs2 == NULL || !gw_bench_hs2_open_session (hs2, &error)) {
    worker->failure = g_strdup (error->message);
    return NULL;
  }
  while (g_get_monotonic_time () < worker->deadline) {
    gint64 start = g_get_monotonic_time ();
    if (!one_hs2_round_trip (worker, hs2, &error)) {
      worker->failure = g_strdup (error->message);
      return NULL;
    }
    gint64 elapsed = g_get_monotonic_time () - start;
    g_array_append_val (worker->latencies, elapsed);
  }
  if (!gw_bench_hs2_close_session (hs2, &error))
    worker->failure = g_strdup (error->message);
  return NULL;
}

static gint
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

/* Runs n_clients threads of func (rest-roundtrip or hs2-roundtrip) for seconds. */
static gboolean
bench_roundtrip (const char *mode, GThreadFunc func, const RoundTripWorker *template,
                 guint seconds, guint n_clients)
{
  g_autofree RoundTripWorker *workers = g_new0 (RoundTripWorker, n_clients);
  g_autofree GThread **threads = g_new0 (GThread *, n_clients);
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint64 fetches = 0;
  gint64 phase_us[N_PHASES] = { 0 };
  gboolean ok = TRUE;

  gint64 start = g_get_monotonic_time ();
  for (guint i = 0; i < n_clients; i++) {
    workers[i] = *template;
    workers[i].deadline = start + (gint64) seconds * G_USEC_PER_SEC;
    workers[i].latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
    threads[i] = g_thread_new ("round-trip", func, &workers[i]);
  }
  for (guint i = 0; i < n_clients; i++) {
    g_thread_join (threads[i]);
    if (workers[i].failure != NULL) {
      g_printerr ("%s: client %u: %s\n", mode, i, workers[i].failure);
      g_free (workers[i].failure);
      ok = FALSE;
    }
    g_array_append_vals (all, workers[i].latencies->data, workers[i].latencies->len);
    fetches += workers[i].fetches;
    for (guint p = 0; p < N_PHASES; p++)
      phase_us[p] += workers[i].phase_us[p];
    g_array_unref (workers[i].latencies);
  }
  double elapsed = seconds_since (start);
  if (!ok || all->len == 0)
    return FALSE;
  g_array_sort (all, compare_gint64);
  double sum = 0;
  for (guint i = 0; i < all->len; i++)
    sum += g_array_index (all, gint64, i);
  printf ("mode=%s clients=%u round_trips=%u seconds=%.3f per_s=%.1f mean_ms=%.3f "
          "p50_ms=%.3f p99_ms=%.3f fetches_per_trip=%.2f open_ms=%.3f execute_ms=%.3f "
          "fetch_ms=%.3f close_ms=%.3f\n",
          mode, n_clients, all->len, elapsed, all->len / elapsed, sum / all->len / 1000.0,
          g_array_index (all, gint64, all->len / 2) / 1000.0,
          g_array_index (all, gint64, (guint) (all->len * 0.99)) / 1000.0,
          (double) fetches / all->len, phase_us[PHASE_OPEN] / 1000.0 / all->len,
          phase_us[PHASE_EXECUTE] / 1000.0 / all->len, phase_us[PHASE_FETCH] / 1000.0 / all->len,
          phase_us[PHASE_CLOSE] / 1000.0 / all->len);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new ("duckdb|duckdb-roundtrip|rest-fetch|rest-roundtrip|hs2-fetch|"
                          "hs2-roundtrip - benchmark the SQL gateway");
  g_autoptr (GError) error = NULL;

  /* The generated *_get_type() are not thread-safe (stack.md §2); thrift_socket_write sends
   * without MSG_NOSIGNAL. */
  tcli_ensure_types ();
  signal (SIGPIPE, SIG_IGN);

  g_option_context_add_main_entries (context, option_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    g_printerr ("gw-bench: %s\n", error->message);
    return 2;
  }
  const char *mode = argc > 1 ? argv[1] : "";
  const char *row_format = opt_row_format != NULL ? opt_row_format : "JSON";
  const char *host = opt_host != NULL ? opt_host : "127.0.0.1";
  const char *reader = opt_reader != NULL ? opt_reader : "lean";
  gboolean hs2_ok = opt_port > 0 && opt_port < 65536 &&
                    (strcmp (reader, "lean") == 0 || strcmp (reader, "generated") == 0);
  RoundTripWorker template = { .url = opt_url, .host = host, .port = (guint) opt_port };
  gboolean ok;

  if (strcmp (mode, "duckdb") == 0 && opt_sql != NULL) {
    ok = bench_duckdb (opt_sql);
  } else if (strcmp (mode, "duckdb-roundtrip") == 0 && opt_seconds > 0) {
    ok = bench_duckdb_roundtrip ((guint) opt_seconds, opt_persistent);
  } else if (strcmp (mode, "rest-fetch") == 0 && opt_sql != NULL && opt_url != NULL) {
    ok = bench_rest_fetch (opt_url, opt_sql, row_format);
  } else if (strcmp (mode, "rest-roundtrip") == 0 && opt_url != NULL && opt_seconds > 0 &&
             opt_clients > 0) {
    ok = bench_roundtrip (mode, round_trip_thread, &template, (guint) opt_seconds,
                          (guint) opt_clients);
  } else if (strcmp (mode, "hs2-fetch") == 0 && opt_sql != NULL && hs2_ok && opt_fetch_size > 0) {
    ok = bench_hs2_fetch (host, (guint) opt_port, opt_sql,
                          strcmp (reader, "lean") == 0 ? GW_BENCH_HS2_READER_LEAN
                                                       : GW_BENCH_HS2_READER_GENERATED);
  } else if (strcmp (mode, "hs2-roundtrip") == 0 && hs2_ok && opt_seconds > 0 &&
             opt_clients > 0) {
    ok = bench_roundtrip (mode, hs2_round_trip_thread, &template, (guint) opt_seconds,
                          (guint) opt_clients);
  } else {
    g_autofree gchar *help = g_option_context_get_help (context, TRUE, NULL);
    g_printerr ("%s", help);
    return 2;
  }
  return ok ? 0 : 1;
}
