/* Sessions and operations inside the service (not for endpoints: they use gw-service.h). */
#pragma once

#include "gw-engine.h"
#include "gw-job.h"
#include "gw-result-fetcher.h"
#include "gw-service.h"

G_BEGIN_DECLS

typedef struct _GwSession GwSession;
typedef struct _GwOperation GwOperation;

/* What a session needs from the service, fixed at start-up. */
typedef struct {
  GThreadPool   *worker_pool;     /* borrowed: runs GwOperation* items */
  GHashTable    *defaults;        /* borrowed: gateway configuration for RESET */
  GwJobRegistry *jobs;            /* borrowed: the gateway's jobs (SHOW JOBS, STOP JOB) */
  GwEngine      *engine;          /* borrowed: connections for jobs running beside the session */
  GwFetchLimits  fetch_limits;
  guint          max_operations;
} GwSessionContext;

/* ---- GwSession (gw-session.c) ---- */

/* Takes ownership of config and conn. */
GwSession   *gw_session_new (const GwSessionContext *context, const char *name,
                             GHashTable *config, GwEngineConnection *conn);
GwSession   *gw_session_ref (GwSession *session);
void         gw_session_unref (GwSession *session);
const GwHandle *gw_session_get_handle (GwSession *session);
void         gw_session_touch (GwSession *session);
gint64       gw_session_get_last_access (GwSession *session);
gboolean     gw_session_is_busy (GwSession *session);
GHashTable  *gw_session_dup_config (GwSession *session);
/* The value of key in the session config, or NULL; newly allocated. */
gchar       *gw_session_dup_config_value (GwSession *session, const char *key);
gboolean     gw_session_set_config (GwSession *session, const char *key, const char *value,
                                    GError **error);
void         gw_session_reset_config (GwSession *session, const char *key);
GTimeZone   *gw_session_get_zone (GwSession *session);  /* new ref */
/* The zone a table.local-time-zone value names ("default" = the system zone), NULL if unknown. */
GTimeZone   *gw_session_zone_for (const char *name);
GwEngineConnection *gw_session_get_connection (GwSession *session);  /* borrowed */
GMutex      *gw_session_get_engine_lock (GwSession *session);
const GwFetchLimits *gw_session_get_fetch_limits (GwSession *session);
GwJobRegistry *gw_session_get_jobs (GwSession *session);  /* borrowed */
/* A new engine connection at the session's current catalog and database, for a job that runs
 * while the session goes on; NULL when the job must use the session's own connection (it has
 * temporary objects). Caller holds the engine lock and released the connection. */
GwEngineConnection *gw_session_connect_for_job (GwSession *session, GError **error);

/* Statement-set mode (BEGIN STATEMENT SET ... END): the DML buffered so far. */
gboolean     gw_session_in_statement_set (GwSession *session);
/* FALSE when the session already is in statement-set mode. */
gboolean     gw_session_begin_statement_set (GwSession *session);
void         gw_session_add_to_statement_set (GwSession *session, const char *statement);
/* Ends statement-set mode: the buffered statements (NULL-terminated array of strings, owned by
 * the caller), or NULL when the session was not in statement-set mode. */
GPtrArray   *gw_session_end_statement_set (GwSession *session);

/* ADD JAR / REMOVE JAR / SHOW JARS: the session's jar list (recorded; nothing loads them). */
gboolean     gw_session_add_jar (GwSession *session, const char *path);  /* FALSE: already added */
gboolean     gw_session_remove_jar (GwSession *session, const char *path); /* FALSE: not added */
GStrv        gw_session_dup_jars (GwSession *session);  /* in the order added */

/* Adds op, which already has its result, without queueing it. */
gboolean     gw_session_add_finished (GwSession *session, GwOperation *op, GError **error);
/* Adds op and queues it behind the session's earlier statements. */
gboolean     gw_session_submit (GwSession *session, GwOperation *op, GError **error);
/* Called by the worker when op is done with the connection: starts the next queued one. */
void         gw_session_operation_done (GwSession *session, GwOperation *op);
GwOperation *gw_session_lookup_operation (GwSession *session, const GwHandle *handle,
                                          GError **error); /* new ref */
/* Forgets op (it was closed). */
void         gw_session_remove_operation (GwSession *session, GwOperation *op);
/* Caller holds the engine lock: spools the result that still streams on the connection. */
gboolean     gw_session_release_connection (GwSession *session, GError **error);
/* Caller holds the engine lock: op's result now streams from the connection (NULL: none). */
void         gw_session_set_streaming_operation (GwSession *session, GwOperation *op);
/* op is closing: if its result streams from the connection, the connection is free again. */
void         gw_session_forget_streaming_operation (GwSession *session, GwOperation *op);
/* Closes every operation; the session is dead afterwards. */
void         gw_session_close (GwSession *session);

/* ---- GwOperation (gw-operation.c) ---- */

GwOperation *gw_operation_new (GwSession *session, const char *statement, gint64 timeout_ms,
                               GHashTable *execution_config);
/* An operation whose result the caller built: FINISHED at once (takes ownership of rows). */
GwOperation *gw_operation_new_finished (GwSession *session, GwResultSchema *schema, GwBatch *rows);
GwOperation *gw_operation_ref (GwOperation *op);
void         gw_operation_unref (GwOperation *op);
const GwHandle *gw_operation_get_handle (GwOperation *op);
GwOperationStatus gw_operation_get_status (GwOperation *op);
/* The one place that changes an operation's status; illegal transitions fail with
 * GW_ERROR_ILLEGAL_STATE. */
gboolean     gw_operation_transition (GwOperation *op, GwOperationStatus to, GError **error);
/* Worker body: runs the statement on the session's connection. */
void         gw_operation_run (GwOperation *op);
gboolean     gw_operation_cancel (GwOperation *op, GError **error);
void         gw_operation_expire (GwOperation *op); /* execution timeout reached */
void         gw_operation_close (GwOperation *op);
/* Waits until op is terminal; FALSE when deadline_us (monotonic) passed first. */
gboolean     gw_operation_wait (GwOperation *op, gint64 deadline_us);
GError      *gw_operation_dup_error (GwOperation *op);
gint64       gw_operation_get_timeout_ms (GwOperation *op);
/* The timer of the execution timeout, destroyed when op ends. */
void         gw_operation_set_timeout_source (GwOperation *op, GSource *source);
GwFetchResult *gw_operation_fetch (GwOperation *op, gint64 token, GError **error);
/* Row-oriented: the next at most max_rows rows (EOS when none), from the first row again when
 * from_first (a streamed result is produced again by re-running the statement). */
GwFetchResult *gw_operation_fetch_rows (GwOperation *op, gboolean from_first, guint max_rows,
                                        GError **error);
void         gw_operation_get_info (GwOperation *op, GwOperationInfo *info);
gchar      **gw_operation_read_log (GwOperation *op, gboolean from_start);
/* Drains op's live result into a spool file (caller holds the engine lock). */
gboolean     gw_operation_spool_result (GwOperation *op, GError **error);

G_END_DECLS
