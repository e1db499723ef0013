/* The part of running an operation that the service does itself: gateway-level statements,
 * statement-set mode, and DML submitted as jobs (planned, then run synchronously or beside the
 * session). */
#include "gw-operation-private.h"
#include "gw-config.h"
#include "gw-statement.h"
#include "gw-statement-results.h"

#include <string.h>

static void
print_row (const char *line, gpointer data)
{
  GwOperation *op = data;
  gw_operation_log_append (op->log, "%s", line);
  g_message ("print> %s", line);
}

static void
cancel_job (GCancellable *op_cancellable, gpointer job_cancellable)
{
  g_cancellable_cancel (job_cancellable);
}

/* Runs the job's statements on conn (the session's, under its engine lock, or the job's own).
 * Returns the rows written, or -1 with error. */
static gint64
execute_job (GwOperation *op, GwJob *job, GPtrArray *statements, GwEngineConnection *conn,
             GError **error)
{
  gw_operation_log_append (op->log, "Job %s running", gw_job_get_id (job));
  GError *local_error = NULL;
  gint64 rows = gw_engine_execute_dml (conn, (const char *const *) statements->pdata, print_row,
                                       op, gw_job_get_cancellable (job), &local_error);
  gw_job_finish (job, local_error);
  if (rows >= 0)
    gw_operation_log_append (op->log, "Job %s finished: %" G_GINT64_FORMAT " rows written",
                             gw_job_get_id (job), rows);
  else
    gw_operation_log_append (op->log, "Job %s %s: %s", gw_job_get_id (job),
                             gw_job_status_name (gw_job_get_status (job)), local_error->message);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return rows;
}

static gboolean
dml_sync (GwOperation *op)
{
  const char *value = op->execution_config
      ? g_hash_table_lookup (op->execution_config, "table.dml-sync") : NULL;
  g_autofree gchar *session_value = value ? NULL
      : gw_session_dup_config_value (op->session, "table.dml-sync");
  gboolean sync = FALSE;
  gw_parse_bool (value ? value : session_value ? session_value : "false", &sync);
  return sync;
}

/* Submits statements (NULL-terminated, taken) as a job. With table.dml-sync the job runs here;
 * otherwise it is handed back in *pending, to run once the operation has answered with the job
 * id: on a connection of its own, so the session goes on (as with Flink, a later statement does
 * not wait for it), or — when the session has temporary objects only its connection sees — on
 * the session's connection with the engine lock still held (the session's next engine statement
 * then waits for the job). */
static GwResultFetcher *
submit_job (GwOperation *op, GPtrArray *statements, GwPendingJob *pending, GError **error)
{
  g_autoptr (GPtrArray) owned = statements;
  GMutex *engine_lock = gw_session_get_engine_lock (op->session);
  g_mutex_lock (engine_lock);
  if (!gw_session_release_connection (op->session, error)) {
    g_mutex_unlock (engine_lock);
    return NULL;
  }
  /* Planning errors (unknown table, bad options, column mismatch) fail the statement itself. */
  if (!gw_engine_validate_dml (gw_session_get_connection (op->session),
                               (const char *const *) statements->pdata, error)) {
    g_mutex_unlock (engine_lock);
    return NULL;
  }
  g_autofree gchar *name = gw_job_name_for (op->session, (const char *const *) statements->pdata);
  g_autoptr (GwJob) job = gw_job_registry_start (gw_session_get_jobs (op->session), name);
  op->job_id = g_strdup (gw_job_get_id (job));
  op->engine_kind = GW_STATEMENT_MODIFY;
  op->result_kind = GW_RESULT_KIND_SUCCESS_WITH_CONTENT;
  gw_operation_log_append (op->log, "Job %s (%s) submitted", op->job_id, name);
  if (!dml_sync (op)) {
    GError *connect_error = NULL;
    pending->conn = gw_session_connect_for_job (op->session, &connect_error);
    if (connect_error != NULL) {
      gw_job_finish (job, connect_error);
      g_propagate_error (error, connect_error);
      g_mutex_unlock (engine_lock);
      return NULL;
    }
    pending->job = g_steal_pointer (&job);
    pending->statements = g_steal_pointer (&owned);
    if (pending->conn != NULL)
      g_mutex_unlock (engine_lock);
    return gw_statement_result_job (op->job_id); /* without a connection, the lock stays held */
  }
  /* Cancelling the operation stops its job. */
  gulong handler = g_cancellable_connect (op->cancellable, G_CALLBACK (cancel_job),
                                          gw_job_get_cancellable (job), NULL);
  op->modified_rows = execute_job (op, job, owned, gw_session_get_connection (op->session), error);
  g_cancellable_disconnect (op->cancellable, handler);
  g_mutex_unlock (engine_lock);
  return op->modified_rows >= 0 ? gw_statement_result_job (op->job_id) : NULL;
}

static GPtrArray *
statement_list (const char *first)
{
  GPtrArray *list = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  if (first != NULL)
    g_ptr_array_add (list, g_strdup (first));
  return list;
}

/* In statement-set mode: END submits the set, INSERT/CTAS join it, the rest is refused. */
static GwResultFetcher *
run_in_statement_set (GwOperation *op, const GwFlinkStatement *st, GwPendingJob *pending,
                      GError **error)
{
  if (st->kind == GW_FLINK_END) {
    g_autoptr (GPtrArray) set = gw_session_end_statement_set (op->session);
    if (set == NULL || set->len == 0)
      return gw_statement_result_ok (); /* an empty set submits nothing */
    return submit_job (op, g_steal_pointer (&set), pending, error);
  }
  if (st->kind == GW_FLINK_INSERT || st->kind == GW_FLINK_CREATE_TABLE_AS) {
    gw_session_add_to_statement_set (op->session, st->text);
    return gw_statement_result_ok ();
  }
  gw_statement_set_refuse (error);
  return NULL;
}

/* Statements the service answers or runs as jobs. Returns NULL with *handled = FALSE for the
 * statements the engine runs. */
GwResultFetcher *
gw_operation_run_service_statement (GwOperation *op, GwPendingJob *pending, gboolean *handled, GError **error)
{
  *handled = TRUE;
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GwFlinkStatement) st = gw_flink_statement_parse (op->statement, &parse_error);
  if (st == NULL) {
    /* Flink's own syntax gone wrong is an error; anything else may be the engine's SQL. */
    if (gw_flink_statement_is_strict (op->statement) || gw_session_in_statement_set (op->session)) {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return NULL;
    }
    *handled = FALSE;
    return NULL;
  }
  if (gw_session_in_statement_set (op->session))
    return run_in_statement_set (op, st, pending, error);
  if (gw_gateway_statement_handles (st->kind)) {
    GwResultFetcher *fetcher = gw_gateway_statement_run (op->session, st, &op->result_kind, error);
    if (op->result_kind == GW_RESULT_KIND_SUCCESS_WITH_CONTENT)
      op->engine_kind = GW_STATEMENT_CONTENT; /* listings have rows (HiveServer2's hasResultSet) */
    return fetcher;
  }
  switch (st->kind) {
  case GW_FLINK_INSERT:
  case GW_FLINK_CREATE_TABLE_AS:
    return submit_job (op, statement_list (st->text), pending, error);
  case GW_FLINK_EXECUTE_STATEMENT_SET: {
    GPtrArray *set = statement_list (NULL);
    for (guint i = 0; i < st->statements->len; i++) {
      const GwFlinkStatement *inner = st->statements->pdata[i];
      if (inner->kind != GW_FLINK_INSERT && inner->kind != GW_FLINK_CREATE_TABLE_AS) {
        g_ptr_array_unref (set);
        gw_statement_set_refuse (error);
        return NULL;
      }
      g_ptr_array_add (set, g_strdup (inner->text));
    }
    if (set->len == 0) {
      g_ptr_array_unref (set);
      return gw_statement_result_ok ();
    }
    return submit_job (op, set, pending, error);
  }
  default:
    *handled = FALSE;
    return NULL;
  }
}

void
gw_operation_run_pending_job (GwOperation *op, GwPendingJob *pending)
{
  g_autoptr (GError) job_error = NULL;
  if (pending->conn != NULL) {
    execute_job (op, pending->job, pending->statements, pending->conn, &job_error);
    gw_engine_connection_close (pending->conn);
  } else {
    execute_job (op, pending->job, pending->statements, gw_session_get_connection (op->session),
                 &job_error);
    g_mutex_unlock (gw_session_get_engine_lock (op->session));
  }
  gw_job_unref (pending->job);
  g_ptr_array_unref (pending->statements);
  memset (pending, 0, sizeof *pending);
}
