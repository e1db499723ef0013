/* One statement on a DuckDB connection and its streamed result: execution, the statement kind,
 * the result schema, and fetching DuckDB chunks into GwBatches. */
#include "gw-duckdb-flink.h"
#include "gw-duckdb-private.h"
#include "gw-duckdb-statement.h"
#include "gw-duckdb-types.h"
#include "gw-error.h"

#include <string.h>

#define CANCELED_MESSAGE "The operation was canceled."
/* Flink's TableEnvironment message, so clients see what they would see with Flink. */
#define MULTI_STATEMENT_MESSAGE                                                               \
  "Unsupported SQL statement! Execute statement only accepts a single SQL statement or "      \
  "multiple 'INSERT INTO' statements wrapped in a 'STATEMENT SET' block."

/* Rows converted before the batch size is measured again (adapted to the row size). */
#define FIRST_SLICE_ROWS 64
#define MAX_SLICE_ROWS   2048

struct _GwDuckdbCursor {
  GwEngineCursor       parent;
  GwDuckdbConnection  *conn;        /* borrowed, only while the stream is open */
  duckdb_result        result;
  gboolean             has_result;  /* result not yet destroyed */
  GwDuckdbConverter  **converters;  /* owned, one per column */
  guint                n_columns;
  duckdb_data_chunk    chunk;       /* owned: the chunk being consumed, or NULL */
  idx_t                chunk_size;
  idx_t                chunk_offset;
  gboolean             eos;
  GError              *error;       /* owned: the failure every later fetch reports */
};

static void
set_engine_error (gboolean interrupted, const char *message, GError **error)
{
  if (interrupted)
    g_set_error_literal (error, GW_ERROR, GW_ERROR_CANCELED, CANCELED_MESSAGE);
  else if (!gw_duckdb_flink_translate_error (message, error))
    g_set_error_literal (error, GW_ERROR, GW_ERROR_SQL,
                         message != NULL && *message ? message : "DuckDB failed without a message");
}

static gboolean
interrupt_requested (GwDuckdbConnection *conn)
{
  return g_atomic_int_get (&conn->interrupt_requested) != 0;
}

/* Prepares and starts statement index; on success *result holds its (streaming) result. */
static gboolean
run_extracted (GwDuckdbConnection *conn, duckdb_extracted_statements extracted, idx_t index,
               duckdb_result *result, GError **error)
{
  duckdb_prepared_statement prepared = NULL;
  duckdb_pending_result pending = NULL;
  gboolean ok = FALSE;

  if (duckdb_prepare_extracted_statement (conn->connection, extracted, index, &prepared)
      == DuckDBError) {
    set_engine_error (interrupt_requested (conn), duckdb_prepare_error (prepared), error);
    goto out;
  }
  /* Deprecated since DuckDB 1.4 without a replacement: it is the only way to get a streaming
   * result from a prepared statement, and a materialized one would hold a whole result in RAM. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  duckdb_state state = duckdb_pending_prepared_streaming (prepared, &pending);
#pragma GCC diagnostic pop
  if (state == DuckDBError) {
    set_engine_error (interrupt_requested (conn), duckdb_pending_error (pending), error);
    goto out;
  }
  /* From here on DuckDB itself remembers an interrupt; before, only our flag did. Even then
   * the query must go through duckdb_execute_pending: the pending result has already scheduled
   * tasks, and a query dropped without executing keeps DuckDB's threads busy until the next
   * statement's cleanup runs those tasks to completion (with the interrupt forgotten). */
  if (interrupt_requested (conn))
    duckdb_interrupt (conn->connection);
  if (duckdb_execute_pending (pending, result) == DuckDBError) {
    set_engine_error (duckdb_result_error_type (result) == DUCKDB_ERROR_INTERRUPT ||
                      interrupt_requested (conn),
                      duckdb_result_error (result), error);
    duckdb_destroy_result (result);
    goto out;
  }
  ok = TRUE;
out:
  duckdb_destroy_pending (&pending);
  duckdb_destroy_prepare (&prepared);
  return ok;
}

static gboolean
keyword_is (const char *keyword, const char *const *candidates)
{
  return g_strv_contains (candidates, keyword);
}

/* DuckDB reports SHOW, DESCRIBE, SUMMARIZE and PRAGMA as SELECT, CHECKPOINT as CALL and MERGE
 * as INVALID, so the leading keyword decides those. */
static GwStatementKind
statement_kind (duckdb_result *result, const char *keyword)
{
  static const char *const content_selects[] = { "SHOW", "DESCRIBE", "DESC", "SUMMARIZE",
                                                 "PRAGMA", NULL };
  static const char *const checkpoints[] = { "CHECKPOINT", "FORCE", NULL };

  if (strcmp (keyword, "MERGE") == 0)
    return GW_STATEMENT_MODIFY;
  switch (duckdb_result_statement_type (*result)) {
  case DUCKDB_STATEMENT_TYPE_SELECT:
    return keyword_is (keyword, content_selects) ? GW_STATEMENT_CONTENT : GW_STATEMENT_QUERY;
  case DUCKDB_STATEMENT_TYPE_EXPLAIN:
  case DUCKDB_STATEMENT_TYPE_PRAGMA:
    return GW_STATEMENT_CONTENT;
  case DUCKDB_STATEMENT_TYPE_CALL:
    return keyword_is (keyword, checkpoints) ? GW_STATEMENT_OTHER : GW_STATEMENT_CONTENT;
  case DUCKDB_STATEMENT_TYPE_INSERT:
  case DUCKDB_STATEMENT_TYPE_UPDATE:
  case DUCKDB_STATEMENT_TYPE_DELETE:
  case DUCKDB_STATEMENT_TYPE_COPY:
    return GW_STATEMENT_MODIFY;
  case DUCKDB_STATEMENT_TYPE_EXECUTE:
    /* EXECUTE of a prepared statement: whatever that statement returns. */
    switch (duckdb_result_return_type (*result)) {
    case DUCKDB_RESULT_TYPE_QUERY_RESULT: return GW_STATEMENT_CONTENT;
    case DUCKDB_RESULT_TYPE_CHANGED_ROWS: return GW_STATEMENT_MODIFY;
    default: return GW_STATEMENT_OTHER;
    }
  default:
    return GW_STATEMENT_OTHER;
  }
}

static void
close_stream (GwDuckdbCursor *cursor)
{
  if (cursor->chunk != NULL)
    duckdb_destroy_data_chunk (&cursor->chunk);
  if (cursor->has_result)
    duckdb_destroy_result (&cursor->result);
  cursor->has_result = FALSE;
  if (cursor->conn != NULL && cursor->conn->streaming == cursor)
    cursor->conn->streaming = NULL;
  cursor->conn = NULL;
}

static GwDuckdbCursor *
cursor_new (GwDuckdbConnection *conn, duckdb_result *result, const char *sql)
{
  GwDuckdbCursor *cursor = g_new0 (GwDuckdbCursor, 1);
  g_autofree gchar *keyword = gw_duckdb_statement_first_keyword (sql);

  cursor->parent.klass = &gw_duckdb_engine_class;
  cursor->parent.kind = statement_kind (result, keyword);
  cursor->parent.schema = gw_result_schema_new ();
  cursor->result = *result;
  cursor->has_result = TRUE;
  cursor->n_columns = (guint) duckdb_column_count (result);
  cursor->converters = g_new0 (GwDuckdbConverter *, MAX (cursor->n_columns, 1));
  for (guint i = 0; i < cursor->n_columns; i++) {
    duckdb_logical_type type = duckdb_column_logical_type (result, i);
    cursor->converters[i] = gw_duckdb_converter_new (type);
    duckdb_destroy_logical_type (&type);
    gw_result_schema_add_column (cursor->parent.schema, duckdb_column_name (result, i),
                                 gw_logical_type_ref (gw_duckdb_converter_get_type (
                                   cursor->converters[i])),
                                 NULL);
  }
  /* Only a streaming result is cut short by the connection's next query. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  gboolean streaming = duckdb_result_is_streaming (*result);
#pragma GCC diagnostic pop
  if (streaming) {
    cursor->conn = conn;
    conn->streaming = cursor;
  }
  return cursor;
}

static void
on_cancelled (GCancellable *cancellable, gpointer conn)
{
  gw_engine_interrupt (conn);
}

GwEngineCursor *
gw_duckdb_cursor_execute_sql (GwDuckdbConnection *conn, const char *sql, GCancellable *cancellable,
                              GError **error)
{
  duckdb_extracted_statements extracted = NULL;
  duckdb_result result;
  GwDuckdbCursor *cursor = NULL;

  if (!gw_duckdb_connection_check_idle (conn, error))
    return NULL;
  g_atomic_int_set (&conn->interrupt_requested, 0);
  /* Connected after the reset, so a cancel from before this call (run at once by
   * g_cancellable_connect) or during it always reaches the flag or DuckDB. */
  gulong cancel_handler = cancellable
      ? g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), conn, NULL) : 0;

  idx_t n = duckdb_extract_statements (conn->connection, sql, &extracted);
  if (n == 0) {
    const char *message = duckdb_extract_statements_error (extracted);
    set_engine_error (FALSE, message != NULL && *message ? message : "No SQL statement", error);
    goto out;
  }
  if (n > 1 && gw_duckdb_statement_count (sql) > 1) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_UNSUPPORTED, MULTI_STATEMENT_MESSAGE);
    goto out;
  }
  /* More statements than the user wrote: DuckDB's expansion of one statement, whose helper
   * statements (PIVOT's CREATE TYPE) must run first. */
  for (idx_t i = 0; i + 1 < n; i++) {
    if (!run_extracted (conn, extracted, i, &result, error))
      goto out;
    duckdb_destroy_result (&result);
  }
  if (!run_extracted (conn, extracted, n - 1, &result, error))
    goto out;
  cursor = cursor_new (conn, &result, sql);
out:
  if (cancel_handler != 0)
    g_cancellable_disconnect (cancellable, cancel_handler);
  duckdb_destroy_extracted (&extracted);
  return (GwEngineCursor *) cursor;
}

GwEngineCursor *
gw_duckdb_cursor_execute (GwEngineConnection *base, const char *sql, GCancellable *cancellable,
                          GError **error)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  if (!gw_duckdb_connection_check_idle (conn, error))
    return NULL;
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GwFlinkStatement) statement = gw_flink_statement_parse (sql, &parse_error);
  if (statement == NULL) {
    /* Flink's own syntax gone wrong is an error; anything else may still be DuckDB's SQL. */
    if (gw_flink_statement_is_strict (sql)) {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return NULL;
    }
    return gw_duckdb_cursor_execute_sql (conn, sql, cancellable, error);
  }
  return gw_duckdb_flink_execute (conn, statement, cancellable, error);
}

/* Makes cursor->chunk a non-empty chunk, or sets eos. */
static gboolean
next_chunk (GwDuckdbCursor *cursor, GError **error)
{
  while (cursor->has_result) {
    duckdb_data_chunk chunk = duckdb_fetch_chunk (cursor->result);
    if (chunk == NULL) {
      /* NULL is both the end and a failure; only the result's error tells them apart. */
      const char *message = duckdb_result_error (&cursor->result);
      if (message != NULL && *message != '\0') {
        gboolean interrupted = duckdb_result_error_type (&cursor->result) == DUCKDB_ERROR_INTERRUPT
                               || (cursor->conn != NULL && interrupt_requested (cursor->conn));
        set_engine_error (interrupted, message, error);
        close_stream (cursor);
        return FALSE;
      }
      break;
    }
    idx_t size = duckdb_data_chunk_get_size (chunk);
    if (size > 0) {
      cursor->chunk = chunk;
      cursor->chunk_size = size;
      cursor->chunk_offset = 0;
      return TRUE;
    }
    duckdb_destroy_data_chunk (&chunk);
  }
  cursor->eos = TRUE;
  close_stream (cursor);
  return TRUE;
}

gboolean
gw_duckdb_cursor_fetch (GwEngineCursor *base, GwBatch *batch, guint max_rows, gsize max_bytes,
                        gboolean *eos, GError **error)
{
  GwDuckdbCursor *cursor = (GwDuckdbCursor *) base;
  g_return_val_if_fail (gw_result_schema_get_n_columns (batch->schema) == cursor->n_columns,
                        FALSE);
  *eos = FALSE;
  if (cursor->error != NULL) {
    g_propagate_error (error, g_error_copy (cursor->error));
    return FALSE;
  }

  gsize start_size = gw_batch_get_memory_size (batch);
  idx_t slice = FIRST_SLICE_ROWS;
  guint appended = 0;
  while (appended < max_rows && !cursor->eos) {
    if (cursor->chunk == NULL) {
      if (!next_chunk (cursor, &cursor->error))
        break;
      if (cursor->eos)
        break;
    }
    idx_t n = MIN (MIN (cursor->chunk_size - cursor->chunk_offset, max_rows - appended), slice);
    for (guint i = 0; i < cursor->n_columns; i++)
      gw_duckdb_converter_append (cursor->converters[i],
                                  duckdb_data_chunk_get_vector (cursor->chunk, i),
                                  cursor->chunk_offset, n, batch->columns[i]);
    cursor->chunk_offset += n;
    appended += (guint) n;
    if (cursor->chunk_offset == cursor->chunk_size)
      duckdb_destroy_data_chunk (&cursor->chunk);

    gsize size = gw_batch_get_memory_size (batch);
    if (size >= max_bytes)
      break;
    gsize per_row = MAX ((size - MIN (size, start_size)) / appended, 1);
    slice = CLAMP ((max_bytes - size) / per_row, 1, MAX_SLICE_ROWS);
  }
  /* Look one chunk ahead so the last rows arrive together with eos, saving clients a round
   * trip; a failure there is reported by the next fetch. */
  if (appended > 0 && cursor->error == NULL && !cursor->eos && cursor->chunk == NULL)
    next_chunk (cursor, &cursor->error);
  gw_batch_finish (batch);

  if (cursor->error != NULL && appended == 0) {
    g_propagate_error (error, g_error_copy (cursor->error));
    return FALSE;
  }
  *eos = cursor->eos;
  return TRUE;
}

void
gw_duckdb_cursor_detach (GwDuckdbCursor *cursor)
{
  close_stream (cursor);
  if (!cursor->eos && cursor->error == NULL)
    g_set_error_literal (&cursor->error, GW_ERROR, GW_ERROR_ILLEGAL_STATE,
                         "The result is gone: its connection was closed");
}

void
gw_duckdb_cursor_free (GwEngineCursor *base)
{
  GwDuckdbCursor *cursor = (GwDuckdbCursor *) base;
  close_stream (cursor);
  for (guint i = 0; i < cursor->n_columns; i++)
    gw_duckdb_converter_free (cursor->converters[i]);
  g_free (cursor->converters);
  gw_result_schema_unref (cursor->parent.schema);
  g_clear_error (&cursor->error);
  g_free (cursor);
}
