/* GwHs2Handler: the operation RPCs: ExecuteStatement, GetOperationStatus,
 * CancelOperation, CloseOperation, GetResultSetMetadata, FetchResults and GetQueryId
 * (reference hiveserver2.md §1.3, §2.2, §7.3–7.9). */
#include "gw-hs2-batch-row-set.h"
#include "gw-hs2-handler-private.h"
#include "gw-hs2-status.h"
#include "gw-hs2-types.h"

#include <string.h>

/* Waits are cut in slices this long so that a shutdown ends them promptly. */
#define WAIT_SLICE_MS 250
/* How long an asynchronous ExecuteStatement waits to learn whether the statement has rows. */
#define ASYNC_GRACE_MS 100
/* FetchResults.fetchType: the query's rows, or its log. */
#define FETCH_TYPE_RESULTS 0
#define FETCH_TYPE_LOG     1

/* Describes the operation once it is terminal, or once wait_ms passed (-1: no limit), or at
 * once when the handler is stopping. */
static gboolean
wait_operation (GwHs2Handler *self, const GwHandle *session, const GwHandle *operation,
                gint64 wait_ms, GwOperationInfo *info, GError **error)
{
  gint64 deadline = wait_ms < 0 ? G_MAXINT64 : g_get_monotonic_time () + wait_ms * 1000;
  gint64 slice_ms = 0;
  while (TRUE) {
    gw_operation_info_clear (info);
    if (!gw_service_get_operation_info (self->service, session, operation, slice_ms, info, error))
      return FALSE;
    gint64 now = g_get_monotonic_time ();
    if (gw_operation_status_is_terminal (info->status) || now >= deadline ||
        gw_hs2_handler_is_stopping (self))
      return TRUE;
    slice_ms = MIN ((deadline - now) / 1000 + 1, WAIT_SLICE_MS);
  }
}

/* Queries, SHOW, EXPLAIN... have rows; DDL, SET, USE and DML (numModifiedRows) do not. While
 * the kind is unknown (not finished) the answer is TRUE, as Flink always answers. */
static gboolean
has_result_set (const GwOperationInfo *info)
{
  if (info->status != GW_OPERATION_FINISHED)
    return TRUE;
  return info->statement_kind == GW_STATEMENT_QUERY || info->statement_kind == GW_STATEMENT_CONTENT;
}

static TOperationState
operation_state (GwOperationStatus status)
{
  switch (status) {
  case GW_OPERATION_INITIALIZED:
    return T_OPERATION_STATE_INITIALIZED_STATE;
  case GW_OPERATION_PENDING:
    return T_OPERATION_STATE_PENDING_STATE;
  case GW_OPERATION_RUNNING:
    return T_OPERATION_STATE_RUNNING_STATE;
  case GW_OPERATION_FINISHED:
    return T_OPERATION_STATE_FINISHED_STATE;
  case GW_OPERATION_CANCELED:
    return T_OPERATION_STATE_CANCELED_STATE;
  case GW_OPERATION_CLOSED:
    return T_OPERATION_STATE_CLOSED_STATE;
  case GW_OPERATION_ERROR:
    return T_OPERATION_STATE_ERROR_STATE;
  case GW_OPERATION_TIMEOUT:
    return T_OPERATION_STATE_TIMEDOUT_STATE;
  }
  return T_OPERATION_STATE_UKNOWN_STATE;
}

/* Why an operation did not finish, for a synchronous ExecuteStatement's error reply. */
static GError *
operation_failure (const GwOperationInfo *info, gint64 timeout_s, gboolean stopping)
{
  /* The shutdown closed the session under the statement. */
  if (stopping && (info->status == GW_OPERATION_CLOSED ||
                   !gw_operation_status_is_terminal (info->status)))
    return g_error_new_literal (GW_ERROR, GW_ERROR_CANCELED,
                                "The HiveServer2 endpoint is shutting down: the statement was "
                                "canceled.");
  if (info->error != NULL && (info->status == GW_OPERATION_ERROR ||
                              info->status == GW_OPERATION_TIMEOUT))
    return g_error_copy (info->error);
  switch (info->status) {
  case GW_OPERATION_ERROR:
    return g_error_new_literal (GW_ERROR, GW_ERROR_SQL, "The statement failed.");
  case GW_OPERATION_TIMEOUT:
    return g_error_new (GW_ERROR, GW_ERROR_TIMEOUT, "Query timed out after %" G_GINT64_FORMAT
                        " seconds.", timeout_s);
  case GW_OPERATION_CANCELED:
    return g_error_new_literal (GW_ERROR, GW_ERROR_CANCELED, "Query was cancelled.");
  case GW_OPERATION_CLOSED:
    return g_error_new_literal (GW_ERROR, GW_ERROR_CANCELED,
                                "The operation was closed before it finished.");
  default:
    return g_error_new_literal (GW_ERROR, GW_ERROR_ILLEGAL_STATE,
                                "The HiveServer2 endpoint is shutting down.");
  }
}

/* ---- ExecuteStatement ---- */

GW_HS2_RPC (execute_statement, TExecuteStatementReq, TExecuteStatementResp)
static void
do_execute_statement (GwHs2Handler *self, const TExecuteStatementReq *req,
                      TExecuteStatementResp *resp)
{
  g_autoptr (GError) error = NULL;
  GwHandle session, operation;
  if (!gw_hs2_handler_resolve_session (self, req->sessionHandle, &session, NULL, &error)) {
    gw_hs2_status_set_error (resp->status, error);
    return;
  }
  gint64 timeout_s = req->__isset_queryTimeout ? req->queryTimeout : 0;
  if (timeout_s < 0) {
    g_set_error (&error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                 "queryTimeout must not be negative, but is %" G_GINT64_FORMAT ".", timeout_s);
    gw_hs2_status_set_error (resp->status, error);
    return;
  }
  gint64 timeout_ms = MIN (timeout_s, G_MAXINT64 / 1000) * 1000;
  /* confOverlay: settings for this statement only (Flink's executionConfig). */
  g_autoptr (GHashTable) overlay = NULL;
  if (req->__isset_confOverlay && req->confOverlay != NULL && g_hash_table_size (req->confOverlay)) {
    overlay = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init (&it, req->confOverlay);
    while (g_hash_table_iter_next (&it, &k, &v))
      g_hash_table_insert (overlay, g_strdup (k), g_strdup (v ? v : ""));
  }
  if (!gw_service_execute_statement (self->service, &session, req->statement, timeout_ms, overlay,
                                     &operation, &error)) {
    gw_hs2_handler_reply_error (self, resp->status, &session, error);
    return;
  }

  /* Synchronous (PyHive's default): the reply comes when the statement is done or failed.
   * Asynchronous: Hive compiles before it replies, so JDBC trusts the handle's hasResultSet
   * (execute() of a DDL statement then returns false). A statement that ends within a short
   * grace gets an exact handle; a longer one is taken to have rows, as Flink always says. */
  g_auto (GwOperationInfo) info = { 0 };
  if (!wait_operation (self, &session, &operation, req->runAsync ? ASYNC_GRACE_MS : -1, &info,
                       &error)) {
    gw_hs2_handler_reply_error (self, resp->status, &session, error);
    return;
  }
  if (!req->runAsync && info.status != GW_OPERATION_FINISHED) {
    /* The client gets no handle, so nobody would close the operation: close it here. */
    g_autoptr (GError) failure = operation_failure (&info, timeout_s,
                                                    gw_hs2_handler_is_stopping (self));
    gw_service_close_operation (self->service, &session, &operation, NULL);
    gw_hs2_status_set_error (resp->status, failure);
    return;
  }
  gboolean with_result_set = has_result_set (&info);
  gint64 modified_rows = info.status == GW_OPERATION_FINISHED &&
                         info.statement_kind == GW_STATEMENT_MODIFY ? info.modified_rows : -1;
  gw_hs2_handler_set_operation_handle (resp->operationHandle, &session, &operation,
                                       T_OPERATION_TYPE_EXECUTE_STATEMENT, with_result_set);
  /* Only set when there is no result set (the IDL's rule). */
  if (!with_result_set && modified_rows >= 0) {
    resp->operationHandle->modifiedRowCount = (gdouble) modified_rows;
    resp->operationHandle->__isset_modifiedRowCount = TRUE;
  }
  resp->__isset_operationHandle = TRUE;
  gw_hs2_status_set_success (resp->status);
}

/* The prologue of the RPCs that describe an operation: resolve its handle, then wait up to one
 * long poll while it runs. On failure status holds the error and FALSE is returned. */
static gboolean
resolve_and_poll (GwHs2Handler *self, TOperationHandle *handle, TStatus *status,
                  GwHandle *session, GwHandle *operation, gint *version, GwOperationInfo *info)
{
  g_autoptr (GError) error = NULL;
  if (!gw_hs2_handler_resolve_operation (self, handle, session, operation, version, &error)) {
    gw_hs2_status_set_error (status, error);
    return FALSE;
  }
  if (!wait_operation (self, session, operation, self->long_poll_ms, info, &error)) {
    gw_hs2_handler_reply_error (self, status, session, error);
    return FALSE;
  }
  return TRUE;
}

/* ---- GetOperationStatus ---- */

static void
add_string (GPtrArray *strings, const char *text)
{
  g_ptr_array_add (strings, g_strdup (text));
}

/* TProgressUpdateResp from the engine's progress estimate (beeline's in-place progress bar).
 * Hive sends NOT_AVAILABLE with empty lists when it has no progress to tell. */
static void
fill_progress (TProgressUpdateResp *progress, const GwOperationInfo *info)
{
  g_ptr_array_set_size (progress->headerNames, 0);
  g_ptr_array_set_size (progress->rows, 0);
  g_free (progress->footerSummary);
  progress->startTime = info->started_ms;
  gboolean finished = info->status == GW_OPERATION_FINISHED;
  if (!finished && (info->status != GW_OPERATION_RUNNING || info->progress < 0)) {
    progress->progressedPercentage = 0;
    progress->status = T_JOB_EXECUTION_STATUS_NOT_AVAILABLE;
    progress->footerSummary = g_strdup ("");
    return;
  }
  /* A fraction 0..1, as Hive's progress monitors report it. */
  double fraction = finished ? 1.0 : CLAMP (info->progress / 100.0, 0.0, 1.0);
  progress->progressedPercentage = fraction;
  progress->status = finished ? T_JOB_EXECUTION_STATUS_COMPLETE
                              : T_JOB_EXECUTION_STATUS_IN_PROGRESS;
  add_string (progress->headerNames, "STAGE");
  add_string (progress->headerNames, "STATUS");
  add_string (progress->headerNames, "PROGRESS");
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  add_string (row, "Statement");
  add_string (row, finished ? "SUCCEEDED" : "RUNNING");
  g_ptr_array_add (row, g_strdup_printf ("%.1f%%", fraction * 100.0));
  g_ptr_array_add (progress->rows, row);
  gint64 end_ms = info->completed_ms > 0 ? info->completed_ms : g_get_real_time () / 1000;
  gint64 elapsed_ms = info->started_ms > 0 ? MAX (end_ms - info->started_ms, 0) : 0;
  progress->footerSummary = g_strdup_printf ("ELAPSED TIME: %.2f s", elapsed_ms / 1000.0);
}

GW_HS2_RPC (get_operation_status, TGetOperationStatusReq, TGetOperationStatusResp)
static void
do_get_operation_status (GwHs2Handler *self, const TGetOperationStatusReq *req,
                         TGetOperationStatusResp *resp)
{
  /* Long poll: JDBC polls without sleeping and relies on the server to wait. */
  GwHandle session, operation;
  gint version;
  g_auto (GwOperationInfo) info = { 0 };
  if (!resolve_and_poll (self, req->operationHandle, resp->status, &session, &operation,
                         &version, &info))
    return;
  resp->operationState = operation_state (info.status);
  resp->__isset_operationState = TRUE;
  resp->hasResultSet = has_result_set (&info);
  resp->__isset_hasResultSet = TRUE;
  if (info.started_ms > 0) {
    resp->operationStarted = info.started_ms;
    resp->__isset_operationStarted = TRUE;
  }
  if (info.completed_ms > 0) {
    resp->operationCompleted = info.completed_ms;
    resp->__isset_operationCompleted = TRUE;
  }
  if (info.error != NULL && (info.status == GW_OPERATION_ERROR ||
                             info.status == GW_OPERATION_TIMEOUT)) {
    resp->errorMessage = g_strdup (info.error->message);
    resp->__isset_errorMessage = TRUE;
    resp->sqlState = g_strdup (gw_hs2_error_sql_state (info.error));
    resp->__isset_sqlState = TRUE;
    resp->errorCode = gw_hs2_error_code (info.error);
    resp->__isset_errorCode = TRUE;
  }
  /* JDBC getUpdateCount(): the DML row count, -1 when there is none. */
  resp->numModifiedRows = info.status == GW_OPERATION_FINISHED &&
                          info.statement_kind == GW_STATEMENT_MODIFY ? info.modified_rows : -1;
  resp->__isset_numModifiedRows = TRUE;
  if (version >= T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V10 &&
      req->__isset_getProgressUpdate && req->getProgressUpdate) {
    fill_progress (resp->progressUpdateResponse, &info);
    resp->__isset_progressUpdateResponse = TRUE;
  }
  gw_hs2_status_set_success (resp->status);
}

/* ---- CancelOperation, CloseOperation ---- */

GW_HS2_RPC (cancel_operation, TCancelOperationReq, TCancelOperationResp)
static void
do_cancel_operation (GwHs2Handler *self, const TCancelOperationReq *req,
                     TCancelOperationResp *resp)
{
  g_autoptr (GError) error = NULL;
  GwHandle session, operation;
  if (!gw_hs2_handler_resolve_operation (self, req->operationHandle, &session, &operation, NULL,
                                         &error)) {
    gw_hs2_status_set_error (resp->status, error);
    return;
  }
  /* CANCELED at once; the engine is interrupted in the background. */
  if (gw_service_cancel_operation (self->service, &session, &operation, NULL, &error))
    gw_hs2_status_set_success (resp->status);
  else
    gw_hs2_handler_reply_error (self, resp->status, &session, error);
}

GW_HS2_RPC (close_operation, TCloseOperationReq, TCloseOperationResp)
static void
do_close_operation (GwHs2Handler *self, const TCloseOperationReq *req, TCloseOperationResp *resp)
{
  g_autoptr (GError) error = NULL;
  GwHandle session, operation;
  GwOperationStatus status;
  /* Unlike the service, an operation closed before is an error here, as in Hive. */
  if (!gw_hs2_handler_resolve_operation (self, req->operationHandle, &session, &operation, NULL,
                                         &error) ||
      !gw_service_get_operation_status (self->service, &session, &operation, &status, &error) ||
      !gw_service_close_operation (self->service, &session, &operation, &error)) {
    gw_hs2_handler_reply_error (self, resp->status, NULL, error);
    return;
  }
  gw_hs2_handler_forget_operation (self, &session, &operation);
  gw_hs2_status_set_success (resp->status);
}

/* ---- GetResultSetMetadata ---- */

GW_HS2_RPC (get_result_set_metadata, TGetResultSetMetadataReq, TGetResultSetMetadataResp)
static void
do_get_result_set_metadata (GwHs2Handler *self, const TGetResultSetMetadataReq *req,
                            TGetResultSetMetadataResp *resp)
{
  /* The schema is known once the statement ran; wait a long poll for it at most. */
  GwHandle session, operation;
  gint version;
  g_auto (GwOperationInfo) info = { 0 };
  if (!resolve_and_poll (self, req->operationHandle, resp->status, &session, &operation,
                         &version, &info))
    return;
  if (info.status == GW_OPERATION_ERROR && info.error != NULL) {
    gw_hs2_status_set_error (resp->status, info.error);
    return;
  }
  if (info.status != GW_OPERATION_FINISHED || info.schema == NULL) {
    g_autofree gchar *message = g_strdup_printf (
        "The operation is %s: its result set metadata is available once it is FINISHED.",
        gw_operation_status_name (info.status));
    gw_hs2_status_set_error_code (resp->status, GW_ERROR_ILLEGAL_STATE, message);
    return;
  }
  g_object_unref (resp->schema);
  resp->schema = gw_hs2_table_schema_new (info.schema, version);
  resp->__isset_schema = TRUE;
  gw_hs2_status_set_success (resp->status);
}

/* ---- FetchResults ---- */

static void
set_row_set (TFetchResultsResp *resp, TRowSet *rows, gboolean more)
{
  g_object_unref (resp->results);
  resp->results = rows;
  resp->__isset_results = TRUE;
  resp->hasMoreRows = more;
  resp->__isset_hasMoreRows = TRUE;
}

/* fetchType=1: the operation's log lines not read yet (all of them after FETCH_FIRST) as one
 * string column; SUCCESS even when there are none (beeline reads until an empty batch). */
static void
fetch_log (GwHs2Handler *self, const GwHandle *session, const GwHandle *operation, gint version,
           gboolean from_start, TFetchResultsResp *resp)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = gw_service_fetch_operation_log (self->service, session, operation,
                                                          from_start, &error);
  if (lines == NULL) {
    gw_hs2_handler_reply_error (self, resp->status, session, error);
    return;
  }
  set_row_set (resp, gw_hs2_log_row_set_new ((const char *const *) lines, version), FALSE);
  gw_hs2_status_set_success (resp->status);
}

static GwFetchResult *
fetch_rows (GwHs2Handler *self, const GwHandle *session, const GwHandle *operation,
            gboolean from_first, guint max_rows, GError **error)
{
  GwFetchResult *result = gw_service_fetch_rows (self->service, session, operation, from_first,
                                                 max_rows, error);
  if (result == NULL || result->type != GW_RESULT_NOT_READY)
    return result;
  /* Still running: clients that fetch right after an asynchronous execute get a long poll. */
  gw_fetch_result_free (result);
  g_auto (GwOperationInfo) info = { 0 };
  if (!wait_operation (self, session, operation, self->long_poll_ms, &info, error))
    return NULL;
  result = gw_service_fetch_rows (self->service, session, operation, from_first, max_rows, error);
  if (result != NULL && result->type == GW_RESULT_NOT_READY) {
    g_set_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE,
                 "The operation is %s: its rows can be fetched once it is FINISHED.",
                 gw_operation_status_name (info.status));
    g_clear_pointer (&result, gw_fetch_result_free);
  }
  return result;
}

GW_HS2_RPC (fetch_results, TFetchResultsReq, TFetchResultsResp)
static void
do_fetch_results (GwHs2Handler *self, const TFetchResultsReq *req, TFetchResultsResp *resp)
{
  g_autoptr (GError) error = NULL;
  GwHandle session, operation;
  gint version;
  if (!gw_hs2_handler_resolve_operation (self, req->operationHandle, &session, &operation, &version,
                                         &error)) {
    gw_hs2_status_set_error (resp->status, error);
    return;
  }
  if (req->orientation != T_FETCH_ORIENTATION_FETCH_NEXT &&
      req->orientation != T_FETCH_ORIENTATION_FETCH_FIRST) {
    g_autofree gchar *message = g_strdup_printf (
        "Fetch orientation %d is not supported: use FETCH_NEXT (0) or FETCH_FIRST (4).",
        req->orientation);
    gw_hs2_status_set_error_code (resp->status, GW_ERROR_UNSUPPORTED, message);
    return;
  }
  gboolean from_first = req->orientation == T_FETCH_ORIENTATION_FETCH_FIRST;
  gint16 fetch_type = req->__isset_fetchType ? req->fetchType : FETCH_TYPE_RESULTS;
  if (fetch_type == FETCH_TYPE_LOG) {
    fetch_log (self, &session, &operation, version, from_first, resp);
    return;
  }
  if (fetch_type != FETCH_TYPE_RESULTS) {
    g_autofree gchar *message = g_strdup_printf (
        "fetchType %d is not supported: use 0 (results) or 1 (operation log).", fetch_type);
    gw_hs2_status_set_error_code (resp->status, GW_ERROR_INVALID_ARGUMENT, message);
    return;
  }

  /* Hive caps maxRows at hive.server2.thrift.resultset.max.fetch.size. */
  guint max_rows = req->maxRows <= 0 ? (guint) self->default_fetch_size
                                     : (guint) MIN (req->maxRows, (gint64) self->max_fetch_size);
  g_autoptr (GwFetchResult) result = fetch_rows (self, &session, &operation, from_first, max_rows,
                                                 &error);
  if (result == NULL) {
    gw_hs2_handler_reply_error (self, resp->status, &session, error);
    return;
  }
  guint n_rows = result->batch ? result->batch->n_rows : 0;
  gint64 offset = gw_hs2_handler_advance_offset (self, &session, &operation, from_first, n_rows);
  /* Columnar (V6+): written straight from the batch when the reply goes out. */
  TRowSet *rows = version >= GW_HS2_PROTOCOL_COLUMNAR
                      ? gw_hs2_batch_row_set_new (result->schema, result->batch, offset,
                                                  result->zone)
                      : gw_hs2_row_set_new (result->schema, result->batch, version, offset,
                                            result->zone);
  /* An empty batch ends the result for every client; hasMoreRows is a hint. */
  set_row_set (resp, rows, result->type == GW_RESULT_PAYLOAD && n_rows > 0);
  gw_hs2_status_set_success (resp->status);
}

/* ---- GetQueryId ---- */

/* The reply has no status: an unknown operation gets "" as from Hive (Flink throws). */
static gboolean
hs2_get_query_id (TCLIServiceIf *iface, TGetQueryIdResp **_return, const TGetQueryIdReq *req,
                  GError **error)
{
  GwHs2Handler *self = GW_HS2_HANDLER (iface);
  TGetQueryIdResp *resp = *_return;
  g_free (resp->queryId);
  resp->queryId = g_strdup ("");
  if (!gw_hs2_handler_call_begin (self, NULL))
    return TRUE;
  GwHandle session, operation;
  GwOperationStatus status;
  if (gw_hs2_handler_resolve_operation (self, req->operationHandle, &session, &operation, NULL,
                                        NULL) &&
      gw_service_get_operation_status (self->service, &session, &operation, &status, NULL)) {
    g_free (resp->queryId);
    resp->queryId = gw_handle_dup_string (&operation);
  }
  gw_hs2_handler_call_end (self);
  return TRUE;
}

void
gw_hs2_operations_class_init (TCLIServiceHandlerClass *klass)
{
  klass->execute_statement = hs2_execute_statement;
  klass->get_operation_status = hs2_get_operation_status;
  klass->cancel_operation = hs2_cancel_operation;
  klass->close_operation = hs2_close_operation;
  klass->get_result_set_metadata = hs2_get_result_set_metadata;
  klass->fetch_results = hs2_fetch_results;
  klass->get_query_id = hs2_get_query_id;
}
