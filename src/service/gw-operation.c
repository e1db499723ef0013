/* GwOperation: one statement of a session: its status (changed only by
 * gw_operation_transition), its execution on the worker pool, and its result. */
#include "gw-operation-private.h"
#include "gw-statement-results.h"

#include <stdlib.h>
#include <string.h>


GwOperation *
gw_operation_new (GwSession *session, const char *statement, gint64 timeout_ms,
                  GHashTable *execution_config)
{
  GwOperation *op = g_new0 (GwOperation, 1);
  op->ref_count = 1;
  gw_handle_generate (&op->handle);
  op->session = gw_session_ref (session);
  op->statement = g_strdup (statement);
  op->timeout_ms = timeout_ms;
  op->execution_config = execution_config ? g_hash_table_ref (execution_config) : NULL;
  g_mutex_init (&op->lock);
  g_cond_init (&op->changed);
  op->status = GW_OPERATION_INITIALIZED;
  op->cancellable = g_cancellable_new ();
  op->log = gw_operation_log_new ();
  op->modified_rows = -1;
  op->engine_kind = GW_STATEMENT_OTHER;
  if (statement != NULL)
    gw_operation_log_append (op->log, "Statement accepted: %.200s", statement);
  return op;
}

GwOperation *
gw_operation_new_finished (GwSession *session, GwResultSchema *schema, GwBatch *rows)
{
  GwOperation *op = gw_operation_new (session, NULL, 0, NULL);
  op->fetcher = gw_result_fetcher_new_materialized (schema, rows);
  op->result_kind = GW_RESULT_KIND_SUCCESS_WITH_CONTENT;
  op->status = GW_OPERATION_FINISHED; /* born finished: no transition to validate */
  op->started_us = op->completed_us = g_get_real_time ();
  op->engine_kind = GW_STATEMENT_CONTENT;
  return op;
}

GwOperation *
gw_operation_ref (GwOperation *op)
{
  g_atomic_int_inc (&op->ref_count);
  return op;
}

void
gw_operation_unref (GwOperation *op)
{
  if (op == NULL || !g_atomic_int_dec_and_test (&op->ref_count))
    return;
  g_clear_pointer (&op->fetcher, gw_result_fetcher_unref);
  g_clear_error (&op->error);
  g_clear_object (&op->cancellable);
  g_clear_pointer (&op->timeout_source, g_source_unref);
  gw_operation_log_free (op->log);
  g_clear_pointer (&op->execution_config, g_hash_table_unref);
  g_free (op->statement);
  g_free (op->job_id);
  g_mutex_clear (&op->lock);
  g_cond_clear (&op->changed);
  gw_session_unref (op->session);
  g_free (op);
}

const GwHandle *
gw_operation_get_handle (GwOperation *op)
{
  return &op->handle;
}

GwOperationStatus
gw_operation_get_status (GwOperation *op)
{
  g_mutex_lock (&op->lock);
  GwOperationStatus status = op->status;
  g_mutex_unlock (&op->lock);
  return status;
}

gint64
gw_operation_get_timeout_ms (GwOperation *op)
{
  return op->timeout_ms;
}

void
gw_operation_set_timeout_source (GwOperation *op, GSource *source)
{
  g_mutex_lock (&op->lock);
  g_clear_pointer (&op->timeout_source, g_source_unref);
  op->timeout_source = g_source_ref (source);
  g_mutex_unlock (&op->lock);
}

/* Caller holds op->lock. */
gboolean
gw_operation_transition_locked (GwOperation *op, GwOperationStatus to, GError **error)
{
  if (!gw_operation_status_can_transition (op->status, to)) {
    char buf[37];
    gw_handle_to_string (&op->handle, buf);
    g_set_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE,
                 "Failed to convert the Operation Status from %s to %s for %s.",
                 gw_operation_status_name (op->status), gw_operation_status_name (to), buf);
    return FALSE;
  }
  op->status = to;
  g_cond_broadcast (&op->changed);
  if (to == GW_OPERATION_RUNNING)
    op->started_us = g_get_real_time ();
  if (gw_operation_status_is_terminal (to) && op->completed_us == 0)
    op->completed_us = g_get_real_time ();
  if (to != GW_OPERATION_FINISHED && to != GW_OPERATION_RUNNING && to != GW_OPERATION_PENDING)
    gw_operation_log_append (op->log, "Operation %s%s%s", gw_operation_status_name (to),
                             op->error ? ": " : "", op->error ? op->error->message : "");
  if (gw_operation_status_is_terminal (to) && op->timeout_source != NULL) {
    /* The timer holds a ref on us; the caller holds another, so this is not the last. */
    g_source_destroy (op->timeout_source);
    g_clear_pointer (&op->timeout_source, g_source_unref);
  }
  return TRUE;
}

gboolean
gw_operation_transition (GwOperation *op, GwOperationStatus to, GError **error)
{
  g_mutex_lock (&op->lock);
  gboolean ok = gw_operation_transition_locked (op, to, error);
  g_mutex_unlock (&op->lock);
  return ok;
}

/* DML answers one row with the number of rows it changed (DuckDB's "Count"); -1 if not. */
static gint64
read_row_count (GwEngineCursor *cursor)
{
  GwResultSchema *schema = gw_engine_cursor_get_schema (cursor);
  if (gw_result_schema_get_n_columns (schema) < 1 ||
      gw_physical_kind_of (gw_result_schema_get_type (schema, 0)) != GW_PHYSICAL_INT64)
    return -1;
  g_autoptr (GwBatch) batch = gw_batch_new (schema, 1);
  gboolean eos = FALSE;
  if (!gw_engine_cursor_fetch (cursor, batch, 1, G_MAXSIZE, &eos, NULL) || batch->n_rows < 1 ||
      gw_column_is_null (batch->columns[0], 0))
    return -1;
  return batch->columns[0]->i64[0];
}

/* Engine statements, on the session's connection. */
static GwResultFetcher *
run_engine_statement (GwOperation *op, GError **error)
{
  GMutex *engine_lock = gw_session_get_engine_lock (op->session);
  g_mutex_lock (engine_lock);
  if (!gw_session_release_connection (op->session, error)) {
    g_mutex_unlock (engine_lock);
    return NULL;
  }
  /* A cancel from now on interrupts the engine; one from before makes execute fail at once. */
  GwEngineCursor *cursor = gw_engine_execute (gw_session_get_connection (op->session),
                                              op->statement, op->cancellable, error);
  GwResultFetcher *fetcher = NULL;
  if (cursor != NULL) {
    op->engine_kind = gw_engine_cursor_get_kind (cursor);
    switch (gw_engine_cursor_get_kind (cursor)) {
    case GW_STATEMENT_QUERY:
    case GW_STATEMENT_CONTENT:
      op->is_query = gw_engine_cursor_get_kind (cursor) == GW_STATEMENT_QUERY;
      if (op->is_query)
        op->job_id = gw_job_id_generate ();
      op->result_kind = GW_RESULT_KIND_SUCCESS_WITH_CONTENT;
      fetcher = gw_result_fetcher_new_cursor (cursor, engine_lock,
                                              gw_session_get_fetch_limits (op->session));
      break;
    case GW_STATEMENT_MODIFY:
      /* DuckDB runs DML to completion before the result exists: a finished "job". */
      op->modified_rows = read_row_count (cursor);
      gw_engine_cursor_free (cursor);
      op->job_id = gw_job_id_generate ();
      op->result_kind = GW_RESULT_KIND_SUCCESS_WITH_CONTENT;
      fetcher = gw_statement_result_job (op->job_id);
      break;
    case GW_STATEMENT_OTHER:
      gw_engine_cursor_free (cursor);
      fetcher = gw_statement_result_ok ();
      break;
    }
  }
  g_mutex_unlock (engine_lock);
  return fetcher;
}

void
gw_operation_run (GwOperation *op)
{
  if (!gw_operation_transition (op, GW_OPERATION_RUNNING, NULL)) {
    gw_session_operation_done (op->session, op);
    return;
  }

  GError *error = NULL;
  gboolean handled = FALSE;
  GwPendingJob pending = { 0 };
  op->result_kind = GW_RESULT_KIND_SUCCESS;
  gw_operation_log_append (op->log, "Running the statement");
  GwResultFetcher *fetcher = gw_operation_run_service_statement (op, &pending, &handled, &error);
  if (!handled && error == NULL)
    fetcher = run_engine_statement (op, &error);

  g_mutex_lock (&op->lock);
  if (op->status != GW_OPERATION_RUNNING) {
    /* Canceled, timed out or closed while running: its result is not wanted. */
    g_clear_error (&error);
    if (pending.job != NULL)
      g_cancellable_cancel (gw_job_get_cancellable (pending.job));
  } else if (fetcher != NULL) {
    op->fetcher = fetcher;
    fetcher = NULL;
    if (op->modified_rows >= 0)
      gw_operation_log_append (op->log, "%" G_GINT64_FORMAT " rows modified", op->modified_rows);
    gw_operation_log_append (op->log, "Result ready");
    gw_operation_transition_locked (op, GW_OPERATION_FINISHED, NULL);
  } else {
    if (error == NULL)
      error = g_error_new_literal (GW_ERROR, GW_ERROR_INTERNAL, "The statement produced no result.");
    op->error = error;
    error = NULL;
    gw_operation_transition_locked (op, GW_OPERATION_ERROR, NULL);
  }
  gboolean streams = op->fetcher != NULL && gw_result_fetcher_is_streaming (op->fetcher);
  g_mutex_unlock (&op->lock);

  if (streams) {
    GMutex *engine_lock = gw_session_get_engine_lock (op->session);
    g_mutex_lock (engine_lock);
    gw_session_set_streaming_operation (op->session, op);
    g_mutex_unlock (engine_lock);
  }
  g_clear_pointer (&fetcher, gw_result_fetcher_unref);
  if (pending.job == NULL) {
    gw_session_operation_done (op->session, op);
    return;
  }
  /* An asynchronous job: the operation answered with its id; the job now runs while the session
   * takes its next statement. */
  gw_operation_ref (op);
  gw_session_operation_done (op->session, op);
  gw_operation_run_pending_job (op, &pending);
  gw_operation_unref (op);
}

/* Moves a non-terminal operation to status and interrupts the engine if it runs it. */
static gboolean
stop (GwOperation *op, GwOperationStatus status, GError **error)
{
  if (!gw_operation_transition (op, status, error))
    return FALSE;
  g_cancellable_cancel (op->cancellable);
  return TRUE;
}

gboolean
gw_operation_cancel (GwOperation *op, GError **error)
{
  return stop (op, GW_OPERATION_CANCELED, error);
}

void
gw_operation_expire (GwOperation *op)
{
  g_mutex_lock (&op->lock);
  gboolean live = !gw_operation_status_is_terminal (op->status);
  g_mutex_unlock (&op->lock);
  if (live)
    stop (op, GW_OPERATION_TIMEOUT, NULL);
}

void
gw_operation_close (GwOperation *op)
{
  g_mutex_lock (&op->lock);
  gw_operation_transition_locked (op, GW_OPERATION_CLOSED, NULL);
  GwResultFetcher *fetcher = g_steal_pointer (&op->fetcher);
  g_mutex_unlock (&op->lock);
  g_cancellable_cancel (op->cancellable);
  gw_session_forget_streaming_operation (op->session, op);
  g_clear_pointer (&fetcher, gw_result_fetcher_unref);
  gw_session_remove_operation (op->session, op);
}

gboolean
gw_operation_wait (GwOperation *op, gint64 deadline_us)
{
  g_mutex_lock (&op->lock);
  while (!gw_operation_status_is_terminal (op->status)) {
    if (!g_cond_wait_until (&op->changed, &op->lock, deadline_us))
      break;
  }
  gboolean done = gw_operation_status_is_terminal (op->status);
  g_mutex_unlock (&op->lock);
  return done;
}

GError *
gw_operation_dup_error (GwOperation *op)
{
  g_mutex_lock (&op->lock);
  GError *copy = op->error ? g_error_copy (op->error) : NULL;
  g_mutex_unlock (&op->lock);
  return copy;
}

gboolean
gw_operation_spool_result (GwOperation *op, GError **error)
{
  g_mutex_lock (&op->lock);
  g_autoptr (GwResultFetcher) fetcher = op->fetcher ? gw_result_fetcher_ref (op->fetcher) : NULL;
  g_mutex_unlock (&op->lock);
  /* After spooling the fetcher has no cursor, so dropping our ref never takes the engine lock. */
  return fetcher == NULL || gw_result_fetcher_spool (fetcher, error);
}

static gboolean rerun (GwOperation *op, GError **error);

/* The part of every fetch that does not depend on how rows are asked for: the status checks
 * and the result header. Returns NULL with error, or a result whose type is NOT_READY (no
 * fetcher) or PAYLOAD with *out_fetcher set (a ref the caller drops). */
static GwFetchResult *
begin_fetch (GwOperation *op, GwResultFetcher **out_fetcher, GError **error)
{
  char buf[37];
  *out_fetcher = NULL;
  g_mutex_lock (&op->lock);
  GwOperationStatus status = op->status;
  if (status == GW_OPERATION_ERROR) {
    /* Whatever made it fail, fetching a failed operation is a statement failure (keeping
     * the kind of statement failure, which names the exception class clients see). */
    g_set_error_literal (error, GW_ERROR,
                         gw_error_is_statement_error (op->error) ? op->error->code : GW_ERROR_SQL,
                         op->error->message);
    g_mutex_unlock (&op->lock);
    return NULL;
  }
  if (status == GW_OPERATION_CANCELED || status == GW_OPERATION_TIMEOUT ||
      status == GW_OPERATION_CLOSED) {
    g_mutex_unlock (&op->lock);
    gw_handle_to_string (&op->handle, buf);
    g_set_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE,
                 "Can not fetch results from the %s in %s status.", buf,
                 gw_operation_status_name (status));
    return NULL;
  }
  GwFetchResult *result = g_new0 (GwFetchResult, 1);
  result->next_token = 0;
  /* executionConfig lays per-statement settings over the session's (not persisted). */
  const char *zone_name = op->execution_config
      ? g_hash_table_lookup (op->execution_config, "table.local-time-zone") : NULL;
  result->zone = zone_name ? gw_session_zone_for (zone_name) : NULL;
  if (result->zone == NULL)
    result->zone = gw_session_get_zone (op->session);
  if (status != GW_OPERATION_FINISHED) {
    g_mutex_unlock (&op->lock);
    result->type = GW_RESULT_NOT_READY;
    return result;
  }
  if (op->fetcher == NULL) { /* a FETCH_FIRST re-run failed */
    g_mutex_unlock (&op->lock);
    gw_fetch_result_free (result);
    gw_handle_to_string (&op->handle, buf);
    g_set_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE, "The result of %s is gone.", buf);
    return NULL;
  }
  result->type = GW_RESULT_PAYLOAD;
  result->is_query_result = op->is_query;
  result->job_id = g_strdup (op->job_id);
  result->result_kind = op->result_kind;
  result->schema = gw_result_schema_ref (gw_result_fetcher_get_schema (op->fetcher));
  /* Our own ref: a concurrent close drops the operation's. */
  *out_fetcher = gw_result_fetcher_ref (op->fetcher);
  g_mutex_unlock (&op->lock);
  return result;
}

GwFetchResult *
gw_operation_fetch (GwOperation *op, gint64 token, GError **error)
{
  g_autoptr (GwResultFetcher) fetcher = NULL;
  GwFetchResult *result = begin_fetch (op, &fetcher, error);
  if (result == NULL || result->type == GW_RESULT_NOT_READY)
    return result;
  GwBatch *batch = NULL;
  if (!gw_result_fetcher_fetch (fetcher, token, &batch, &result->next_token, error)) {
    gw_fetch_result_free (result);
    return NULL;
  }
  if (batch == NULL) {
    result->type = GW_RESULT_EOS;
    result->batch = gw_batch_new (result->schema, 0);
    gw_operation_log_append (op->log, "Fetched %" G_GUINT64_FORMAT " rows",
                             gw_result_fetcher_get_rows_fetched (fetcher));
  } else {
    result->batch = batch;
  }
  return result;
}

GwFetchResult *
gw_operation_fetch_rows (GwOperation *op, gboolean from_first, guint max_rows, GError **error)
{
  g_autoptr (GwResultFetcher) fetcher = NULL;
  GwFetchResult *result = begin_fetch (op, &fetcher, error);
  if (result == NULL || result->type == GW_RESULT_NOT_READY)
    return result;
  if (from_first && !gw_result_fetcher_rewind (fetcher)) {
    g_clear_pointer (&fetcher, gw_result_fetcher_unref);
    gw_fetch_result_free (result);
    if (!rerun (op, error))
      return NULL;
    result = begin_fetch (op, &fetcher, error);
    if (result == NULL)
      return NULL;
  }
  GwBatch *batch = NULL;
  if (!gw_result_fetcher_fetch_rows (fetcher, MAX (max_rows, 1), &batch, error)) {
    gw_fetch_result_free (result);
    return NULL;
  }
  result->next_token = -1;
  if (batch == NULL) {
    result->type = GW_RESULT_EOS;
    result->batch = gw_batch_new (result->schema, 0);
    gw_operation_log_append (op->log, "Fetched %" G_GUINT64_FORMAT " rows",
                             gw_result_fetcher_get_rows_fetched (fetcher));
  } else {
    result->batch = batch;
  }
  return result;
}

/* ---- what HiveServer2 needs beyond Flink's protocol ---- */

void
gw_operation_get_info (GwOperation *op, GwOperationInfo *info)
{
  memset (info, 0, sizeof *info);
  g_mutex_lock (&op->lock);
  info->status = op->status;
  info->started_ms = op->started_us / 1000;
  info->completed_ms = op->completed_us / 1000;
  info->statement_kind = op->engine_kind;
  info->is_query = op->is_query;
  info->result_kind = op->result_kind;
  info->modified_rows = op->modified_rows;
  info->error = op->error ? g_error_copy (op->error) : NULL;
  info->schema = op->fetcher ? gw_result_schema_ref (gw_result_fetcher_get_schema (op->fetcher)) : NULL;
  gboolean running = op->status == GW_OPERATION_RUNNING;
  g_mutex_unlock (&op->lock);
  info->progress = info->status == GW_OPERATION_FINISHED ? 100.0
                 : running ? gw_engine_get_progress (gw_session_get_connection (op->session))
                 : -1;
}

gchar **
gw_operation_read_log (GwOperation *op, gboolean from_start)
{
  return gw_operation_log_read (op->log, from_start);
}

/* FETCH_FIRST on a result that streamed: run the statement again (a query reads the same data
 * again; the previous cursor is dropped first). */
static gboolean
rerun (GwOperation *op, GError **error)
{
  if (op->engine_kind != GW_STATEMENT_QUERY && op->engine_kind != GW_STATEMENT_CONTENT) {
    g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED,
                 "FETCH_FIRST is not supported for this statement once rows were fetched.");
    return FALSE;
  }
  g_mutex_lock (&op->lock);
  GwResultFetcher *old = g_steal_pointer (&op->fetcher);
  g_mutex_unlock (&op->lock);
  gw_session_forget_streaming_operation (op->session, op);
  g_clear_pointer (&old, gw_result_fetcher_unref); /* takes the engine lock for a live cursor */

  GMutex *engine_lock = gw_session_get_engine_lock (op->session);
  g_mutex_lock (engine_lock);
  GwResultFetcher *fetcher = NULL;
  if (gw_session_release_connection (op->session, error)) {
    GwEngineCursor *cursor = gw_engine_execute (gw_session_get_connection (op->session),
                                                op->statement, op->cancellable, error);
    if (cursor != NULL)
      fetcher = gw_result_fetcher_new_cursor (cursor, engine_lock,
                                              gw_session_get_fetch_limits (op->session));
  }
  if (fetcher != NULL && gw_result_fetcher_is_streaming (fetcher))
    gw_session_set_streaming_operation (op->session, op);
  g_mutex_lock (&op->lock);
  op->fetcher = fetcher;
  g_mutex_unlock (&op->lock);
  g_mutex_unlock (engine_lock);
  gw_operation_log_append (op->log, "Restarted the result from the first row");
  return fetcher != NULL;
}
