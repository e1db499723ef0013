/* GwOperation: one statement of a session: its status (changed only by
 * gw_operation_transition), its execution on the worker pool, and its result. */
#include "gw-session-private.h"
#include "gw-statement.h"

#include <stdlib.h>
#include <string.h>

struct _GwOperation {
  gint               ref_count;
  GwHandle           handle;
  GwSession         *session;        /* owned ref */
  gchar             *statement;
  gint64             timeout_ms;
  GHashTable        *execution_config; /* owned, may be NULL */
  GMutex             lock;           /* guards everything below */
  GCond              changed;        /* signalled on every status change */
  GwOperationStatus  status;
  GCancellable      *cancellable;    /* owned: cancelled when the operation stops early */
  GSource           *timeout_source; /* owned ref: fires the execution timeout */
  GError            *error;          /* owned, set in ERROR */
  GwResultFetcher   *fetcher;        /* owned, set in FINISHED */
  gboolean           is_query;
  GwResultKind       result_kind;
  gchar             *job_id;
};

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
  return op;
}

GwOperation *
gw_operation_new_finished (GwSession *session, GwResultSchema *schema, GwBatch *rows)
{
  GwOperation *op = gw_operation_new (session, NULL, 0, NULL);
  op->fetcher = gw_result_fetcher_new_materialized (schema, rows);
  op->result_kind = GW_RESULT_KIND_SUCCESS_WITH_CONTENT;
  op->status = GW_OPERATION_FINISHED; /* born finished: no transition to validate */
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
static gboolean
transition_locked (GwOperation *op, GwOperationStatus to, GError **error)
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
  gboolean ok = transition_locked (op, to, error);
  g_mutex_unlock (&op->lock);
  return ok;
}

/* ---- results the gateway builds itself ---- */

static GwLogicalType *
string_type (void)
{
  return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
}

/* Flink's "OK" result: one column `result`, one row `OK`. */
static GwResultFetcher *
ok_result (void)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "result", string_type (), NULL);
  GwBatch *rows = gw_batch_new (schema, 1);
  gw_column_append_bytes (rows->columns[0], "OK", 2);
  gw_batch_finish (rows);
  return gw_result_fetcher_new_materialized (schema, rows);
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* `SET` listing: key, value sorted by key. */
static GwResultFetcher *
config_listing (GwSession *session)
{
  g_autoptr (GHashTable) config = gw_session_dup_config (session);
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "key", string_type (), NULL);
  gw_result_schema_add_column (schema, "value", string_type (), NULL);
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (config, NULL);
  guint n = g_hash_table_size (config);
  qsort (keys, n, sizeof *keys, compare_keys);
  GwBatch *rows = gw_batch_new (schema, n);
  for (guint i = 0; i < n; i++) {
    const char *value = g_hash_table_lookup (config, keys[i]);
    gw_column_append_bytes (rows->columns[0], keys[i], strlen (keys[i]));
    gw_column_append_bytes (rows->columns[1], value, strlen (value));
  }
  gw_batch_finish (rows);
  return gw_result_fetcher_new_materialized (schema, rows);
}

/* Flink's DML result: one column `job id` with the job's id. */
static GwResultFetcher *
job_result (const char *job_id)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "job id", string_type (), NULL);
  GwBatch *rows = gw_batch_new (schema, 1);
  gw_column_append_bytes (rows->columns[0], job_id, strlen (job_id));
  gw_batch_finish (rows);
  return gw_result_fetcher_new_materialized (schema, rows);
}

/* Gateway statements (SET/RESET). Returns NULL with *handled = FALSE for engine statements. */
static GwResultFetcher *
run_gateway_statement (GwOperation *op, gboolean *handled, GError **error)
{
  g_auto (GwGatewayStatement) parsed = { 0 };
  *handled = TRUE;
  if (!gw_gateway_statement_parse (op->statement, &parsed, error))
    return NULL;
  switch (parsed.kind) {
  case GW_STATEMENT_ENGINE:
    *handled = FALSE;
    return NULL;
  case GW_STATEMENT_SET:
    if (!gw_session_set_config (op->session, parsed.key, parsed.value, error))
      return NULL;
    return ok_result ();
  case GW_STATEMENT_SET_LIST:
    op->result_kind = GW_RESULT_KIND_SUCCESS_WITH_CONTENT;
    return config_listing (op->session);
  case GW_STATEMENT_RESET:
    gw_session_reset_config (op->session, parsed.key);
    return ok_result ();
  case GW_STATEMENT_RESET_ALL:
    gw_session_reset_config (op->session, NULL);
    return ok_result ();
  }
  return NULL;
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
      gw_engine_cursor_free (cursor);
      op->job_id = gw_job_id_generate ();
      op->result_kind = GW_RESULT_KIND_SUCCESS_WITH_CONTENT;
      fetcher = job_result (op->job_id);
      break;
    case GW_STATEMENT_OTHER:
      gw_engine_cursor_free (cursor);
      fetcher = ok_result ();
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
  op->result_kind = GW_RESULT_KIND_SUCCESS;
  GwResultFetcher *fetcher = run_gateway_statement (op, &handled, &error);
  if (!handled && error == NULL)
    fetcher = run_engine_statement (op, &error);

  g_mutex_lock (&op->lock);
  if (op->status != GW_OPERATION_RUNNING) {
    /* Canceled, timed out or closed while running: its result is not wanted. */
    g_clear_error (&error);
  } else if (fetcher != NULL) {
    op->fetcher = fetcher;
    fetcher = NULL;
    transition_locked (op, GW_OPERATION_FINISHED, NULL);
  } else {
    if (error == NULL)
      error = g_error_new_literal (GW_ERROR, GW_ERROR_INTERNAL, "The statement produced no result.");
    op->error = error;
    error = NULL;
    transition_locked (op, GW_OPERATION_ERROR, NULL);
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
  gw_session_operation_done (op->session, op);
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
  transition_locked (op, GW_OPERATION_CLOSED, NULL);
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

GwFetchResult *
gw_operation_fetch (GwOperation *op, gint64 token, GError **error)
{
  char buf[37];
  g_mutex_lock (&op->lock);
  GwOperationStatus status = op->status;
  if (status == GW_OPERATION_ERROR) {
    /* Whatever made it fail, fetching a failed operation is a statement failure. */
    g_set_error_literal (error, GW_ERROR, GW_ERROR_SQL, op->error->message);
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
  result->is_query_result = op->is_query;
  result->job_id = g_strdup (op->job_id);
  result->result_kind = op->result_kind;
  result->schema = gw_result_schema_ref (gw_result_fetcher_get_schema (op->fetcher));
  g_mutex_unlock (&op->lock);

  /* Hold our own ref: a concurrent close drops the operation's. */
  g_mutex_lock (&op->lock);
  g_autoptr (GwResultFetcher) fetcher = op->fetcher ? gw_result_fetcher_ref (op->fetcher) : NULL;
  g_mutex_unlock (&op->lock);
  if (fetcher == NULL) {
    gw_fetch_result_free (result);
    gw_handle_to_string (&op->handle, buf);
    g_set_error (error, GW_ERROR, GW_ERROR_OPERATION_NOT_FOUND,
                 "Can not find the submitted operation in the OperationManager with the %s.", buf);
    return NULL;
  }
  GwBatch *batch = NULL;
  if (!gw_result_fetcher_fetch (fetcher, token, &batch, &result->next_token, error)) {
    gw_fetch_result_free (result);
    return NULL;
  }
  if (batch == NULL) {
    result->type = GW_RESULT_EOS;
    result->batch = gw_batch_new (result->schema, 0);
  } else {
    result->type = GW_RESULT_PAYLOAD;
    result->batch = batch;
  }
  return result;
}
