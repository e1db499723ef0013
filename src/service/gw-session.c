/* GwSession: one client session: its configuration, its engine connection, its operations and
 * the FIFO queue that runs its statements one at a time on the worker pool. */
#include "gw-session-private.h"

struct _GwSession {
  gint                 ref_count;
  GwHandle             handle;
  gchar               *name;
  GwSessionContext     context;          /* borrowed members, see GwSessionContext */
  GMutex               lock;             /* guards everything below except the engine */
  GHashTable          *config;           /* owned, key → value */
  GTimeZone           *zone;             /* owned, from table.local-time-zone */
  GHashTable          *operations;       /* owned, GwHandle* (borrowed from op) → GwOperation* ref */
  GQueue               queue;            /* GwOperation* refs waiting for their turn */
  gboolean             busy;             /* an operation of this session is on the worker pool */
  gboolean             closed;
  gint64               last_access;      /* monotonic µs */
  GMutex               engine_lock;      /* guards conn: statements and streaming fetches */
  GwEngineConnection  *conn;             /* owned */
  GwOperation         *streaming_op;     /* ref, guarded by lock: its result still streams from conn */
  GPtrArray           *statement_set;    /* owned, guarded by lock: buffered DML texts while in
                                          * statement-set mode, NULL otherwise */
  GPtrArray           *jars;             /* owned, guarded by lock: ADD JAR paths */
};

GTimeZone *
gw_session_zone_for (const char *name)
{
  if (name == NULL || g_ascii_strcasecmp (name, "default") == 0)
    return g_time_zone_new_local ();
  return g_time_zone_new_identifier (name);
}

GwSession *
gw_session_new (const GwSessionContext *context, const char *name, GHashTable *config,
                GwEngineConnection *conn)
{
  GwSession *s = g_new0 (GwSession, 1);
  s->ref_count = 1;
  gw_handle_generate (&s->handle);
  s->name = g_strdup (name);
  s->context = *context;
  g_mutex_init (&s->lock);
  g_mutex_init (&s->engine_lock);
  s->config = config;
  s->zone = gw_session_zone_for (g_hash_table_lookup (config, "table.local-time-zone"));
  if (s->zone == NULL)
    s->zone = g_time_zone_new_local ();
  s->operations = g_hash_table_new_full (gw_handle_hash, gw_handle_equal, NULL,
                                         (GDestroyNotify) gw_operation_unref);
  g_queue_init (&s->queue);
  s->jars = g_ptr_array_new_with_free_func (g_free);
  s->conn = conn;
  gw_session_touch (s);
  return s;
}

GwSession *
gw_session_ref (GwSession *s)
{
  g_atomic_int_inc (&s->ref_count);
  return s;
}

void
gw_session_unref (GwSession *s)
{
  if (s == NULL || !g_atomic_int_dec_and_test (&s->ref_count))
    return;
  /* Operations hold session refs while they run, so nothing uses the connection now. */
  g_clear_pointer (&s->streaming_op, gw_operation_unref);
  g_queue_clear_full (&s->queue, (GDestroyNotify) gw_operation_unref);
  g_hash_table_unref (s->operations);
  gw_engine_connection_close (s->conn);
  g_hash_table_unref (s->config);
  g_clear_pointer (&s->statement_set, g_ptr_array_unref);
  g_ptr_array_unref (s->jars);
  g_time_zone_unref (s->zone);
  g_mutex_clear (&s->lock);
  g_mutex_clear (&s->engine_lock);
  g_free (s->name);
  g_free (s);
}

const GwHandle *
gw_session_get_handle (GwSession *s)
{
  return &s->handle;
}

void
gw_session_touch (GwSession *s)
{
  g_mutex_lock (&s->lock);
  s->last_access = g_get_monotonic_time ();
  g_mutex_unlock (&s->lock);
}

gint64
gw_session_get_last_access (GwSession *s)
{
  g_mutex_lock (&s->lock);
  gint64 last_access = s->last_access;
  g_mutex_unlock (&s->lock);
  return last_access;
}

gboolean
gw_session_is_busy (GwSession *s)
{
  g_mutex_lock (&s->lock);
  gboolean busy = s->busy || !g_queue_is_empty (&s->queue);
  g_mutex_unlock (&s->lock);
  return busy;
}

static GHashTable *
copy_table (GHashTable *table)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, table);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (copy, g_strdup (k), g_strdup (v));
  return copy;
}

GHashTable *
gw_session_dup_config (GwSession *s)
{
  g_mutex_lock (&s->lock);
  GHashTable *copy = copy_table (s->config);
  g_mutex_unlock (&s->lock);
  return copy;
}

gchar *
gw_session_dup_config_value (GwSession *s, const char *key)
{
  g_mutex_lock (&s->lock);
  gchar *value = g_strdup (g_hash_table_lookup (s->config, key));
  g_mutex_unlock (&s->lock);
  return value;
}

gboolean
gw_session_set_config (GwSession *s, const char *key, const char *value, GError **error)
{
  GTimeZone *zone = NULL;
  if (g_strcmp0 (key, "table.local-time-zone") == 0) {
    zone = gw_session_zone_for (value);
    if (zone == NULL) {
      g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                   "Failed to set key %s with value %s: unknown time zone.", key, value);
      return FALSE;
    }
  }
  g_mutex_lock (&s->lock);
  g_hash_table_insert (s->config, g_strdup (key), g_strdup (value));
  if (zone != NULL) {
    g_time_zone_unref (s->zone);
    s->zone = zone;
  }
  g_mutex_unlock (&s->lock);
  return TRUE;
}

void
gw_session_reset_config (GwSession *s, const char *key)
{
  g_mutex_lock (&s->lock);
  if (key == NULL) {
    g_hash_table_unref (s->config);
    s->config = copy_table (s->context.defaults);
  } else {
    const char *def = g_hash_table_lookup (s->context.defaults, key);
    if (def != NULL)
      g_hash_table_insert (s->config, g_strdup (key), g_strdup (def));
    else
      g_hash_table_remove (s->config, key);
  }
  GTimeZone *zone = gw_session_zone_for (g_hash_table_lookup (s->config, "table.local-time-zone"));
  if (zone != NULL) {
    g_time_zone_unref (s->zone);
    s->zone = zone;
  }
  g_mutex_unlock (&s->lock);
}

GTimeZone *
gw_session_get_zone (GwSession *s)
{
  g_mutex_lock (&s->lock);
  GTimeZone *zone = g_time_zone_ref (s->zone);
  g_mutex_unlock (&s->lock);
  return zone;
}

GwJobRegistry *
gw_session_get_jobs (GwSession *s)
{
  return s->context.jobs;
}

GwEngineConnection *
gw_session_connect_for_job (GwSession *s, GError **error)
{
  if (s->context.engine == NULL || gw_engine_connection_has_private_objects (s->conn))
    return NULL;
  g_autofree gchar *catalog = NULL;
  g_autofree gchar *database = NULL;
  if (!gw_engine_get_current (s->conn, &catalog, &database, error))
    return NULL;
  GwEngineConnection *conn = gw_engine_connect (s->context.engine, error);
  if (conn != NULL && !gw_engine_use_database (conn, catalog, database, FALSE, error))
    g_clear_pointer (&conn, gw_engine_connection_close);
  return conn;
}

gboolean
gw_session_in_statement_set (GwSession *s)
{
  g_mutex_lock (&s->lock);
  gboolean in_set = s->statement_set != NULL;
  g_mutex_unlock (&s->lock);
  return in_set;
}

gboolean
gw_session_begin_statement_set (GwSession *s)
{
  g_mutex_lock (&s->lock);
  gboolean began = s->statement_set == NULL;
  if (began)
    s->statement_set = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_mutex_unlock (&s->lock);
  return began;
}

void
gw_session_add_to_statement_set (GwSession *s, const char *statement)
{
  g_mutex_lock (&s->lock);
  if (s->statement_set != NULL)
    g_ptr_array_add (s->statement_set, g_strdup (statement));
  g_mutex_unlock (&s->lock);
}

GPtrArray *
gw_session_end_statement_set (GwSession *s)
{
  g_mutex_lock (&s->lock);
  GPtrArray *set = g_steal_pointer (&s->statement_set);
  g_mutex_unlock (&s->lock);
  return set;
}

static gboolean
find_jar (GPtrArray *jars, const char *path, guint *index)
{
  return g_ptr_array_find_with_equal_func (jars, path, g_str_equal, index);
}

gboolean
gw_session_add_jar (GwSession *s, const char *path)
{
  g_mutex_lock (&s->lock);
  gboolean added = !find_jar (s->jars, path, NULL);
  if (added)
    g_ptr_array_add (s->jars, g_strdup (path));
  g_mutex_unlock (&s->lock);
  return added;
}

gboolean
gw_session_remove_jar (GwSession *s, const char *path)
{
  guint index;
  g_mutex_lock (&s->lock);
  gboolean found = find_jar (s->jars, path, &index);
  if (found)
    g_ptr_array_remove_index (s->jars, index);
  g_mutex_unlock (&s->lock);
  return found;
}

GStrv
gw_session_dup_jars (GwSession *s)
{
  g_mutex_lock (&s->lock);
  GStrv jars = g_new0 (gchar *, s->jars->len + 1);
  for (guint i = 0; i < s->jars->len; i++)
    jars[i] = g_strdup (s->jars->pdata[i]);
  g_mutex_unlock (&s->lock);
  return jars;
}

GwEngineConnection *
gw_session_get_connection (GwSession *s)
{
  return s->conn;
}

GMutex *
gw_session_get_engine_lock (GwSession *s)
{
  return &s->engine_lock;
}

const GwFetchLimits *
gw_session_get_fetch_limits (GwSession *s)
{
  return &s->context.fetch_limits;
}

/* Checks the operation limit and adds op; caller holds s->lock. */
static gboolean
add_operation_locked (GwSession *s, GwOperation *op, GError **error)
{
  if (s->closed) {
    g_set_error (error, GW_ERROR, GW_ERROR_SESSION_NOT_FOUND, "Session '%s' is closed.", s->name);
    return FALSE;
  }
  if (s->context.max_operations > 0 &&
      g_hash_table_size (s->operations) >= s->context.max_operations) {
    g_set_error (error, GW_ERROR, GW_ERROR_LIMIT,
                 "The session already has %u open operations (sql-gateway.session.max-operations); "
                 "close some before executing more.", g_hash_table_size (s->operations));
    return FALSE;
  }
  g_hash_table_insert (s->operations, (gpointer) gw_operation_get_handle (op), gw_operation_ref (op));
  return TRUE;
}

gboolean
gw_session_add_finished (GwSession *s, GwOperation *op, GError **error)
{
  g_mutex_lock (&s->lock);
  gboolean ok = add_operation_locked (s, op, error);
  g_mutex_unlock (&s->lock);
  return ok;
}

gboolean
gw_session_submit (GwSession *s, GwOperation *op, GError **error)
{
  g_mutex_lock (&s->lock);
  if (!add_operation_locked (s, op, error)) {
    g_mutex_unlock (&s->lock);
    return FALSE;
  }
  gboolean start = !s->busy;
  if (start)
    s->busy = TRUE;
  else
    g_queue_push_tail (&s->queue, gw_operation_ref (op));
  g_mutex_unlock (&s->lock);

  if (start && gw_operation_transition (op, GW_OPERATION_PENDING, NULL))
    g_thread_pool_push (s->context.worker_pool, gw_operation_ref (op), NULL);
  else if (start)
    gw_session_operation_done (s, op); /* canceled before its turn */
  return TRUE;
}

void
gw_session_operation_done (GwSession *s, GwOperation *op)
{
  for (;;) {
    g_mutex_lock (&s->lock);
    GwOperation *next = g_queue_pop_head (&s->queue);
    if (next == NULL)
      s->busy = FALSE;
    g_mutex_unlock (&s->lock);
    if (next == NULL)
      return;
    if (gw_operation_transition (next, GW_OPERATION_PENDING, NULL)) {
      g_thread_pool_push (s->context.worker_pool, next, NULL); /* the queue's ref moves on */
      return;
    }
    gw_operation_unref (next); /* canceled or closed while waiting: skip it */
  }
}

GwOperation *
gw_session_lookup_operation (GwSession *s, const GwHandle *handle, GError **error)
{
  g_mutex_lock (&s->lock);
  GwOperation *op = g_hash_table_lookup (s->operations, handle);
  if (op != NULL)
    gw_operation_ref (op);
  g_mutex_unlock (&s->lock);
  if (op == NULL) {
    char buf[37];
    gw_handle_to_string (handle, buf);
    g_set_error (error, GW_ERROR, GW_ERROR_OPERATION_NOT_FOUND,
                 "Can not find the submitted operation in the OperationManager with the %s.", buf);
  }
  return op;
}

void
gw_session_remove_operation (GwSession *s, GwOperation *op)
{
  g_mutex_lock (&s->lock);
  g_hash_table_remove (s->operations, gw_operation_get_handle (op));
  g_mutex_unlock (&s->lock);
}

gboolean
gw_session_release_connection (GwSession *s, GError **error)
{
  g_mutex_lock (&s->lock);
  GwOperation *streaming = g_steal_pointer (&s->streaming_op);
  g_mutex_unlock (&s->lock);
  if (streaming == NULL)
    return TRUE;
  gboolean ok = gw_operation_spool_result (streaming, error);
  gw_operation_unref (streaming);
  return ok;
}

void
gw_session_set_streaming_operation (GwSession *s, GwOperation *op)
{
  g_mutex_lock (&s->lock);
  GwOperation *previous = g_steal_pointer (&s->streaming_op);
  s->streaming_op = op ? gw_operation_ref (op) : NULL;
  g_mutex_unlock (&s->lock);
  g_clear_pointer (&previous, gw_operation_unref);
}

void
gw_session_forget_streaming_operation (GwSession *s, GwOperation *op)
{
  /* Only the session lock: a statement may hold the engine lock for a long time. */
  g_mutex_lock (&s->lock);
  GwOperation *streaming = s->streaming_op == op ? g_steal_pointer (&s->streaming_op) : NULL;
  g_mutex_unlock (&s->lock);
  g_clear_pointer (&streaming, gw_operation_unref); /* the caller still holds a ref */
}

void
gw_session_close (GwSession *s)
{
  g_mutex_lock (&s->lock);
  s->closed = TRUE;
  GList *ops = g_hash_table_get_values (s->operations);
  for (GList *l = ops; l; l = l->next)
    gw_operation_ref (l->data);
  g_mutex_unlock (&s->lock);
  for (GList *l = ops; l; l = l->next)
    gw_operation_close (l->data);
  g_list_free_full (ops, (GDestroyNotify) gw_operation_unref);
}
