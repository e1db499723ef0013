/* GwService: the facade endpoints call. Owns the engine, the session table, the worker pool
 * that runs operations, and a timer thread for idle-session expiry and execution timeouts. */
#include "gw-build-config.h"
#include "gw-session-private.h"
#include "gw-statement.h"

#include <string.h>

struct _GwService {
  GwConfig         *config;        /* owned ref */
  GwEngine         *engine;        /* owned */
  GHashTable       *defaults;      /* owned: gateway config as session defaults */
  GThreadPool      *worker_pool;   /* owned, runs GwOperation* */
  GwSessionContext  session_context;
  GwJobRegistry    *jobs;          /* owned */
  GMutex            lock;          /* guards sessions */
  GHashTable       *sessions;      /* owned, GwHandle* (borrowed from session) → GwSession* ref */
  guint             max_sessions;  /* 0 = unlimited */
  gint64            idle_timeout_us;
  GMainContext     *timer_context; /* owned: idle checker and execution timeouts */
  GMainLoop        *timer_loop;
  GThread          *timer_thread;
  gchar            *spool_directory;
};

void
gw_fetch_result_free (GwFetchResult *r)
{
  if (r == NULL)
    return;
  g_free (r->job_id);
  g_clear_pointer (&r->schema, gw_result_schema_unref);
  g_clear_pointer (&r->batch, gw_batch_unref);
  g_clear_pointer (&r->zone, g_time_zone_unref);
  g_free (r);
}

static void
run_operation (gpointer data, gpointer user_data)
{
  GwOperation *op = data; /* the pool's ref */
  gw_operation_run (op);
  gw_operation_unref (op);
}

static gpointer
timer_thread_main (gpointer data)
{
  GwService *service = data;
  g_main_context_push_thread_default (service->timer_context);
  g_main_loop_run (service->timer_loop);
  g_main_context_pop_thread_default (service->timer_context);
  return NULL;
}

/* Closes sessions idle longer than the idle timeout (not while they run a statement). */
static gboolean
check_idle_sessions (gpointer data)
{
  GwService *service = data;
  gint64 now = g_get_monotonic_time ();
  GPtrArray *expired = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_session_unref);
  g_mutex_lock (&service->lock);
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, service->sessions);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    GwSession *s = value;
    if (now - gw_session_get_last_access (s) > service->idle_timeout_us && !gw_session_is_busy (s)) {
      g_ptr_array_add (expired, gw_session_ref (s));
      g_hash_table_iter_remove (&it);
    }
  }
  g_mutex_unlock (&service->lock);
  for (guint i = 0; i < expired->len; i++) {
    g_autofree gchar *id = gw_handle_dup_string (gw_session_get_handle (expired->pdata[i]));
    g_message ("Session %s expired after being idle", id);
    gw_session_close (expired->pdata[i]);
  }
  g_ptr_array_unref (expired);
  return G_SOURCE_CONTINUE;
}

GwService *
gw_service_new (GwConfig *config, GError **error)
{
  g_return_val_if_fail (config != NULL, NULL);
  if (!gw_config_validate (config, error))
    return NULL;
  GwEngine *engine = gw_engine_open (config, error);
  if (engine == NULL)
    return NULL;

  GwService *service = g_new0 (GwService, 1);
  service->config = gw_config_ref (config);
  service->engine = engine;
  service->defaults = gw_config_to_hash_table (config);
  g_mutex_init (&service->lock);
  service->sessions = g_hash_table_new_full (gw_handle_hash, gw_handle_equal, NULL,
                                             (GDestroyNotify) gw_session_unref);
  gint64 max_sessions = gw_config_get_int (config, "sql-gateway.session.max-num");
  service->max_sessions = max_sessions > 0 ? (guint) max_sessions : 0;
  service->idle_timeout_us = gw_config_get_duration_ms (config, "sql-gateway.session.idle-timeout") * 1000;

  gint64 max_threads = MAX (1, gw_config_get_int (config, "sql-gateway.worker.threads.max"));
  service->worker_pool = g_thread_pool_new (run_operation, service, (gint) max_threads, FALSE, NULL);
  /* GLib keeps idle threads process-wide, not per pool: threads.min bounds the idle threads
   * kept for reuse and keepalive-time how long an idle thread waits before it exits. */
  g_thread_pool_set_max_unused_threads ((gint) MAX (0, gw_config_get_int (config, "sql-gateway.worker.threads.min")));
  g_thread_pool_set_max_idle_time ((guint) MIN (G_MAXUINT,
      gw_config_get_duration_ms (config, "sql-gateway.worker.keepalive-time")));

  service->spool_directory = g_strdup (gw_config_get_string (config, "sql-gateway.result.spool-directory"));
  service->jobs = gw_job_registry_new ((guint) MAX (0, gw_config_get_int (config, "sql-gateway.jobs.max-history")));
  service->session_context = (GwSessionContext) {
    .worker_pool = service->worker_pool,
    .jobs = service->jobs,
    .engine = service->engine,
    .defaults = service->defaults,
    .fetch_limits = {
      .page_max_rows = (guint) MAX (1, gw_config_get_int (config, "sql-gateway.result.page-max-rows")),
      .page_max_bytes = (gsize) MAX (1, gw_config_get_memory_bytes (config, "sql-gateway.result.max-buffer-size")),
      .spool_directory = service->spool_directory,
    },
    .max_operations = (guint) MAX (0, gw_config_get_int (config, "sql-gateway.session.max-operations")),
  };

  service->timer_context = g_main_context_new ();
  service->timer_loop = g_main_loop_new (service->timer_context, FALSE);
  gint64 check_ms = gw_config_get_duration_ms (config, "sql-gateway.session.check-interval");
  if (check_ms > 0 && service->idle_timeout_us > 0) {
    GSource *source = g_timeout_source_new ((guint) MIN (check_ms, G_MAXUINT));
    g_source_set_callback (source, check_idle_sessions, service, NULL);
    g_source_attach (source, service->timer_context);
    g_source_unref (source);
  }
  service->timer_thread = g_thread_new ("gw-timer", timer_thread_main, service);
  return service;
}

static gboolean
quit_timer_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

void
gw_service_free (GwService *service)
{
  if (service == NULL)
    return;
  g_mutex_lock (&service->lock);
  GList *sessions = g_hash_table_get_values (service->sessions);
  for (GList *l = sessions; l; l = l->next)
    gw_session_ref (l->data);
  g_hash_table_remove_all (service->sessions);
  g_mutex_unlock (&service->lock);
  for (GList *l = sessions; l; l = l->next)
    gw_session_close (l->data);
  g_list_free_full (sessions, (GDestroyNotify) gw_session_unref);

  /* Jobs outlive their sessions (as on a Flink cluster) but not the gateway: stop them. */
  gw_job_registry_free (service->jobs);
  /* Running operations were interrupted; wait for the workers to drop their refs. */
  g_thread_pool_free (service->worker_pool, FALSE, TRUE);
  /* Quit from inside the loop: a g_main_loop_quit() that runs before the timer thread reached
   * g_main_loop_run() is forgotten, and the join would wait forever. */
  g_main_context_invoke (service->timer_context, quit_timer_loop, service->timer_loop);
  g_thread_join (service->timer_thread);
  g_main_loop_unref (service->timer_loop);
  g_main_context_unref (service->timer_context);
  gw_engine_close (service->engine);
  g_hash_table_unref (service->sessions);
  g_hash_table_unref (service->defaults);
  g_mutex_clear (&service->lock);
  gw_config_unref (service->config);
  g_free (service->spool_directory);
  g_free (service);
}

GwConfig *
gw_service_get_config (GwService *service)
{
  return service->config;
}

const char *
gw_service_get_product_name (GwService *service)
{
  return GW_PRODUCT_NAME;
}

const char *
gw_service_get_version (GwService *service)
{
  return GW_VERSION;
}

const char *
gw_service_get_engine_version (GwService *service)
{
  return gw_engine_get_version (service->engine);
}

guint
gw_service_get_session_count (GwService *service)
{
  g_mutex_lock (&service->lock);
  guint n = g_hash_table_size (service->sessions);
  g_mutex_unlock (&service->lock);
  return n;
}

/* A new ref on the session, touched; GW_ERROR_SESSION_NOT_FOUND when there is none. */
static GwSession *
lookup_session (GwService *service, const GwHandle *handle, GError **error)
{
  g_mutex_lock (&service->lock);
  GwSession *s = g_hash_table_lookup (service->sessions, handle);
  if (s != NULL)
    gw_session_ref (s);
  g_mutex_unlock (&service->lock);
  if (s == NULL) {
    char buf[37];
    gw_handle_to_string (handle, buf);
    g_set_error (error, GW_ERROR, GW_ERROR_SESSION_NOT_FOUND, "Session '%s' does not exist.", buf);
    return NULL;
  }
  gw_session_touch (s);
  return s;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwSession, gw_session_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwOperation, gw_operation_unref)

gboolean
gw_service_open_session (GwService *service, const char *session_name, GHashTable *properties,
                         GwHandle *out_session, GError **error)
{
  g_mutex_lock (&service->lock);
  guint n = g_hash_table_size (service->sessions);
  g_mutex_unlock (&service->lock);
  if (service->max_sessions > 0 && n >= service->max_sessions) {
    g_set_error (error, GW_ERROR, GW_ERROR_LIMIT,
                 "Failed to create session, the count of active sessions exceeds the max count: %u",
                 service->max_sessions);
    return FALSE;
  }
  GwEngineConnection *conn = gw_engine_connect (service->engine, error);
  if (conn == NULL)
    return FALSE;

  GHashTable *config = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, service->defaults);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (config, g_strdup (k), g_strdup (v));
  if (properties != NULL) {
    g_hash_table_iter_init (&it, properties);
    while (g_hash_table_iter_next (&it, &k, &v))
      g_hash_table_insert (config, g_strdup (k), g_strdup (v));
  }
  GwSession *s = gw_session_new (&service->session_context, session_name, config, conn);
  *out_session = *gw_session_get_handle (s);

  g_mutex_lock (&service->lock);
  g_hash_table_insert (service->sessions, (gpointer) gw_session_get_handle (s), s);
  g_mutex_unlock (&service->lock);
  return TRUE;
}

gboolean
gw_service_close_session (GwService *service, const GwHandle *handle, GError **error)
{
  g_mutex_lock (&service->lock);
  GwSession *s = g_hash_table_lookup (service->sessions, handle);
  if (s != NULL) {
    gw_session_ref (s);
    g_hash_table_remove (service->sessions, handle);
  }
  g_mutex_unlock (&service->lock);
  if (s == NULL) {
    char buf[37];
    gw_handle_to_string (handle, buf);
    g_set_error (error, GW_ERROR, GW_ERROR_SESSION_NOT_FOUND, "Session '%s' does not exist.", buf);
    return FALSE;
  }
  gw_session_close (s);
  gw_session_unref (s);
  return TRUE;
}

gboolean
gw_service_heartbeat (GwService *service, const GwHandle *session, GError **error)
{
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  return s != NULL;
}

GHashTable *
gw_service_get_session_config (GwService *service, const GwHandle *session, GError **error)
{
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  return s ? gw_session_dup_config (s) : NULL;
}

static gboolean
expire_operation (gpointer data)
{
  gw_operation_expire (data);
  return G_SOURCE_REMOVE;
}

static GwOperation *
submit (GwService *service, GwSession *s, const char *statement, gint64 timeout_ms,
        GHashTable *execution_config, GError **error)
{
  gint64 max_length = gw_config_get_memory_bytes (service->config, "sql-gateway.statement.max-length");
  if (statement == NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT, "The statement is missing.");
    return NULL;
  }
  if (max_length > 0 && (gint64) strlen (statement) > max_length) {
    g_set_error (error, GW_ERROR, GW_ERROR_LIMIT,
                 "The statement is %zu bytes long, more than sql-gateway.statement.max-length (%"
                 G_GINT64_FORMAT " bytes).", strlen (statement), max_length);
    return NULL;
  }
  if (timeout_ms < 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                 "executionTimeout must not be negative, but is %" G_GINT64_FORMAT ".", timeout_ms);
    return NULL;
  }
  GwOperation *op = gw_operation_new (s, statement, timeout_ms, execution_config);
  if (timeout_ms > 0) {
    GSource *source = g_timeout_source_new ((guint) MIN (timeout_ms, G_MAXUINT));
    g_source_set_callback (source, expire_operation, gw_operation_ref (op),
                           (GDestroyNotify) gw_operation_unref);
    gw_operation_set_timeout_source (op, source);
    g_source_attach (source, service->timer_context);
    g_source_unref (source);
  }
  if (!gw_session_submit (s, op, error)) {
    gw_operation_unref (op);
    return NULL;
  }
  return op;
}

gboolean
gw_service_execute_statement (GwService *service, const GwHandle *session, const char *statement,
                              gint64 timeout_ms, GHashTable *execution_config,
                              GwHandle *out_operation, GError **error)
{
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  if (s == NULL)
    return FALSE;
  g_autoptr (GwOperation) op = submit (service, s, statement, timeout_ms, execution_config, error);
  if (op == NULL)
    return FALSE;
  *out_operation = *gw_operation_get_handle (op);
  return TRUE;
}

gboolean
gw_service_configure_session (GwService *service, const GwHandle *session, const char *statement,
                              gint64 timeout_ms, GError **error)
{
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  if (s == NULL)
    return FALSE;
  if (statement == NULL || !gw_statement_is_configuring (statement)) {
    g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                 "Unsupported statement for configuring session:%s\n"
                 "The configureSession API only supports to execute statement of type CREATE TABLE, "
                 "DROP TABLE, ALTER TABLE, CREATE DATABASE, DROP DATABASE, ALTER DATABASE, CREATE "
                 "FUNCTION, DROP FUNCTION, ALTER FUNCTION, CREATE CATALOG, DROP CATALOG, USE CATALOG, "
                 "USE [CATALOG.]DATABASE, CREATE VIEW, DROP VIEW, LOAD MODULE, UNLOAD MODULE, USE "
                 "MODULE, ADD JAR.", statement ? statement : "");
    return FALSE;
  }
  /* configure-session answers when the statement is done, a CTAS job included. */
  g_autoptr (GHashTable) sync = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (sync, "table.dml-sync", "true");
  g_autoptr (GwOperation) op = submit (service, s, statement, timeout_ms, sync, error);
  if (op == NULL)
    return FALSE;
  gw_operation_wait (op, G_MAXINT64);
  GwOperationStatus status = gw_operation_get_status (op);
  GError *op_error = gw_operation_dup_error (op);
  gw_operation_close (op);
  if (op_error != NULL) {
    g_propagate_error (error, op_error);
    return FALSE;
  }
  if (status != GW_OPERATION_FINISHED) {
    g_set_error (error, GW_ERROR, status == GW_OPERATION_TIMEOUT ? GW_ERROR_TIMEOUT : GW_ERROR_CANCELED,
                 "The statement ended in status %s.", gw_operation_status_name (status));
    return FALSE;
  }
  return TRUE;
}

gchar **
gw_service_complete_statement (GwService *service, const GwHandle *session, const char *statement,
                               int position, GError **error)
{
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  if (s == NULL)
    return NULL;
  GMutex *engine_lock = gw_session_get_engine_lock (s);
  g_mutex_lock (engine_lock);
  gchar **candidates = NULL;
  if (gw_session_release_connection (s, error))
    candidates = gw_engine_complete (gw_session_get_connection (s), statement ? statement : "",
                                     position, error);
  g_mutex_unlock (engine_lock);
  return candidates;
}

/* Session and operation refs for an operation call. */
static GwOperation *
lookup_operation (GwService *service, const GwHandle *session, const GwHandle *operation,
                  GError **error)
{
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  return s ? gw_session_lookup_operation (s, operation, error) : NULL;
}

gboolean
gw_service_get_operation_status (GwService *service, const GwHandle *session,
                                 const GwHandle *operation, GwOperationStatus *out_status,
                                 GError **error)
{
  g_autoptr (GwOperation) op = lookup_operation (service, session, operation, error);
  if (op == NULL)
    return FALSE;
  *out_status = gw_operation_get_status (op);
  return TRUE;
}

GError *
gw_service_get_operation_error (GwService *service, const GwHandle *session,
                                const GwHandle *operation)
{
  g_autoptr (GwOperation) op = lookup_operation (service, session, operation, NULL);
  return op ? gw_operation_dup_error (op) : NULL;
}

gboolean
gw_service_cancel_operation (GwService *service, const GwHandle *session,
                             const GwHandle *operation, GwOperationStatus *out_status,
                             GError **error)
{
  g_autoptr (GwOperation) op = lookup_operation (service, session, operation, error);
  if (op == NULL || !gw_operation_cancel (op, error))
    return FALSE;
  if (out_status)
    *out_status = gw_operation_get_status (op);
  return TRUE;
}

gboolean
gw_service_close_operation (GwService *service, const GwHandle *session,
                            const GwHandle *operation, GError **error)
{
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  if (s == NULL)
    return FALSE;
  g_autoptr (GwOperation) op = gw_session_lookup_operation (s, operation, NULL);
  if (op != NULL) /* closing an unknown operation is a no-op, as in Flink */
    gw_operation_close (op);
  return TRUE;
}

GwFetchResult *
gw_service_fetch_results (GwService *service, const GwHandle *session, const GwHandle *operation,
                          gint64 token, GError **error)
{
  g_autoptr (GwOperation) op = lookup_operation (service, session, operation, error);
  return op ? gw_operation_fetch (op, token, error) : NULL;
}

GPtrArray *
gw_service_list_catalog (GwService *service, const GwHandle *session, GwCatalogKind kind,
                         const GwCatalogFilter *filter, GError **error)
{
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  if (s == NULL)
    return NULL;
  GMutex *engine_lock = gw_session_get_engine_lock (s);
  g_mutex_lock (engine_lock);
  GPtrArray *objects = NULL;
  if (gw_session_release_connection (s, error))
    objects = gw_engine_list_catalog (gw_session_get_connection (s), kind, filter, error);
  g_mutex_unlock (engine_lock);
  return objects;
}

gboolean
gw_service_add_result_operation (GwService *service, const GwHandle *session,
                                 GwResultSchema *schema, GwBatch *rows, GwHandle *out_operation,
                                 GError **error)
{
  g_autoptr (GwBatch) owned_rows = rows;
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  if (s == NULL)
    return FALSE;
  g_autoptr (GwOperation) op = gw_operation_new_finished (s, schema, g_steal_pointer (&owned_rows));
  if (!gw_session_add_finished (s, op, error))
    return FALSE;
  *out_operation = *gw_operation_get_handle (op);
  return TRUE;
}

void
gw_operation_info_clear (GwOperationInfo *info)
{
  g_clear_error (&info->error);
  g_clear_pointer (&info->schema, gw_result_schema_unref);
}

gboolean
gw_service_get_operation_info (GwService *service, const GwHandle *session,
                               const GwHandle *operation, gint64 wait_ms, GwOperationInfo *info,
                               GError **error)
{
  g_autoptr (GwOperation) op = lookup_operation (service, session, operation, error);
  if (op == NULL)
    return FALSE;
  if (wait_ms > 0)
    gw_operation_wait (op, g_get_monotonic_time () + wait_ms * 1000);
  gw_operation_get_info (op, info);
  return TRUE;
}

GwFetchResult *
gw_service_fetch_rows (GwService *service, const GwHandle *session, const GwHandle *operation,
                       gboolean from_first, guint max_rows, GError **error)
{
  g_autoptr (GwOperation) op = lookup_operation (service, session, operation, error);
  return op ? gw_operation_fetch_rows (op, from_first, max_rows, error) : NULL;
}

gchar **
gw_service_fetch_operation_log (GwService *service, const GwHandle *session,
                                const GwHandle *operation, gboolean from_start, GError **error)
{
  g_autoptr (GwOperation) op = lookup_operation (service, session, operation, error);
  return op ? gw_operation_read_log (op, from_start) : NULL;
}

gboolean
gw_service_use_database (GwService *service, const GwHandle *session, const char *catalog,
                         const char *database, gboolean create, GError **error)
{
  g_autoptr (GwSession) s = lookup_session (service, session, error);
  if (s == NULL)
    return FALSE;
  GMutex *engine_lock = gw_session_get_engine_lock (s);
  g_mutex_lock (engine_lock);
  gboolean ok = gw_session_release_connection (s, error) &&
                gw_engine_use_database (gw_session_get_connection (s), catalog, database, create, error);
  g_mutex_unlock (engine_lock);
  return ok;
}
