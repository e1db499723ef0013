/* GwOperation's insides, shared by gw-operation.c (status, results, fetching) and
 * gw-operation-job.c (gateway statements and jobs). Not for other files. */
#pragma once

#include "gw-operation-log.h"
#include "gw-session-private.h"

G_BEGIN_DECLS

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
  GwOperationLog    *log;            /* owned */
  gint64             started_us;     /* wall clock when RUNNING began, 0 before */
  gint64             completed_us;   /* wall clock when it became terminal, 0 before */
  GwStatementKind    engine_kind;    /* what the engine said the statement was */
  gint64             modified_rows;  /* DML: rows inserted/updated/deleted; -1 otherwise */
  GError            *error;          /* owned, set in ERROR */
  GwResultFetcher   *fetcher;        /* owned, set in FINISHED */
  gboolean           is_query;
  GwResultKind       result_kind;
  gchar             *job_id;
};

/* A job the operation submitted and that runs after the operation finished (dml-sync false). */
typedef struct {
  GwJob              *job;        /* owned ref */
  GPtrArray          *statements; /* owned, NULL-terminated strings */
  GwEngineConnection *conn;       /* owned: the job's own connection, or NULL: it runs on the
                                   * session's, whose engine lock is held until it ends */
} GwPendingJob;

/* Caller holds op->lock: the one place that changes op->status. */
gboolean         gw_operation_transition_locked (GwOperation *op, GwOperationStatus to,
                                                 GError **error);
/* Statements the service answers or runs as jobs (gw-operation-job.c). Returns NULL with
 * *handled = FALSE for the statements the engine runs; an asynchronous job comes back in
 * *pending, to be run by gw_operation_run_pending_job() once the operation finished. */
GwResultFetcher *gw_operation_run_service_statement (GwOperation *op, GwPendingJob *pending,
                                                     gboolean *handled, GError **error);
/* Runs a pending job to its end and releases what it held (the engine lock or its connection). */
void             gw_operation_run_pending_job (GwOperation *op, GwPendingJob *pending);

G_END_DECLS
