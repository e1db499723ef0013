/* GwHs2Handler: the handler object and its bookkeeping (the sessions it opened and their
 * protocol versions, connections, shutdown) and the session lifecycle RPCs OpenSession and
 * CloseSession. The other session RPCs are in gw-hs2-session-rpcs.c, the operation RPCs in
 * gw-hs2-operations.c. */
#include "gw-hs2-handler-private.h"
#include "gw-hs2-server.h"
#include "gw-hs2-status.h"

#include <string.h>

/* JDBC adopts this configuration key of the OpenSession reply as its fetch size. */
#define FETCH_SIZE_KEY "hive.server2.thrift.resultset.default.fetch.size"
/* Sessions of this handler that the service closed on its own (idle timeout) are forgotten
 * when a client next names them, or by a sweep once there are this many more than live ones. */
#define SWEEP_SLACK 256

/* What the handler knows of a session it opened. */
typedef struct {
  GwHandle    handle;           /* guid + secret, as in the TSessionHandle */
  gint        protocol_version; /* negotiated at OpenSession */
  gchar      *user;             /* owned, nullable */
  GHashTable *client_info;      /* owned, nullable: SetClientInfo's key → value */
  GHashTable *offsets;          /* owned: operation GwHandle* → gint64* next startRowOffset */
} Hs2Session;

struct _GwHs2Connection {
  gchar   *user;          /* owned, nullable */
  gchar   *peer;          /* owned */
  gboolean owns_sessions; /* TCP: sessions close with the connection; HTTP: they do not */
  GArray  *sessions;      /* GwHandle of the sessions opened on it; only its thread uses it */
};

G_DEFINE_TYPE (GwHs2Handler, gw_hs2_handler, TYPE_T_C_L_I_SERVICE_HANDLER)

static void
hs2_session_free (Hs2Session *s)
{
  g_free (s->user);
  g_clear_pointer (&s->client_info, g_hash_table_unref);
  g_hash_table_unref (s->offsets);
  g_free (s);
}

/* ---- admission and shutdown ---- */

gboolean
gw_hs2_handler_call_begin (GwHs2Handler *self, TStatus *status)
{
  g_mutex_lock (&self->lock);
  gboolean admitted = !self->stopping;
  if (admitted)
    self->in_flight++;
  g_mutex_unlock (&self->lock);
  if (!admitted && status != NULL)
    gw_hs2_status_set_error_code (status, GW_ERROR_ILLEGAL_STATE,
                                  "The HiveServer2 endpoint is shutting down.");
  return admitted;
}

void
gw_hs2_handler_message_begin (GwHs2Handler *self)
{
  g_mutex_lock (&self->lock);
  self->in_flight++;
  g_mutex_unlock (&self->lock);
}

void
gw_hs2_handler_call_end (GwHs2Handler *self)
{
  g_mutex_lock (&self->lock);
  if (--self->in_flight == 0)
    g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->lock);
}

gboolean
gw_hs2_handler_is_stopping (GwHs2Handler *self)
{
  g_mutex_lock (&self->lock);
  gboolean stopping = self->stopping;
  g_mutex_unlock (&self->lock);
  return stopping;
}

static GArray *
session_handles (GwHs2Handler *self)
{
  GArray *handles = g_array_new (FALSE, FALSE, sizeof (GwHandle));
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init (&it, self->sessions);
  while (g_hash_table_iter_next (&it, NULL, &value))
    g_array_append_val (handles, ((Hs2Session *) value)->handle);
  return handles;
}

gboolean
gw_hs2_handler_shutdown (GwHs2Handler *self, guint timeout_ms)
{
  g_return_val_if_fail (GW_IS_HS2_HANDLER (self), FALSE);
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_autoptr (GArray) handles = session_handles (self);
  g_mutex_unlock (&self->lock);
  /* Closing a session cancels its statements: a synchronous ExecuteStatement or a long poll
   * waiting on one returns, and so does a call queued behind it on the session's engine. */
  for (guint i = 0; i < handles->len; i++)
    gw_service_close_session (self->service, &g_array_index (handles, GwHandle, i), NULL);

  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  g_mutex_lock (&self->lock);
  while (self->in_flight > 0 && g_cond_wait_until (&self->idle, &self->lock, deadline))
    ;
  guint busy = self->in_flight;
  g_hash_table_remove_all (self->sessions);
  g_mutex_unlock (&self->lock);
  if (busy > 0)
    g_warning ("HiveServer2 handler stopped with %u calls still in progress", busy);
  return busy == 0;
}

/* ---- handles and sessions ---- */

static gboolean
read_identifier (const THandleIdentifier *id, guint8 guid[16], guint8 secret[16])
{
  if (id == NULL || id->guid == NULL || id->secret == NULL || id->guid->len != 16 ||
      id->secret->len != 16)
    return FALSE;
  memcpy (guid, id->guid->data, 16);
  memcpy (secret, id->secret->data, 16);
  return TRUE;
}

static void
write_identifier (THandleIdentifier *id, const guint8 guid[16], const guint8 secret[16])
{
  if (id->guid != NULL)
    g_byte_array_unref (id->guid);
  if (id->secret != NULL)
    g_byte_array_unref (id->secret);
  id->guid = g_byte_array_append (g_byte_array_sized_new (16), guid, 16);
  id->secret = g_byte_array_append (g_byte_array_sized_new (16), secret, 16);
}

gboolean
gw_hs2_handler_resolve_session (GwHs2Handler *self, const TSessionHandle *handle,
                                GwHandle *session, gint *version, GError **error)
{
  memset (session, 0, sizeof *session);
  if (handle == NULL || !read_identifier (handle->sessionId, session->guid, session->secret)) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                         "Invalid SessionHandle: a 16-byte guid and secret are required.");
    return FALSE;
  }
  g_mutex_lock (&self->lock);
  Hs2Session *s = g_hash_table_lookup (self->sessions, session);
  gboolean secret_ok = s == NULL || memcmp (s->handle.secret, session->secret, 16) == 0;
  gint negotiated = s ? s->protocol_version : GW_HS2_FALLBACK_PROTOCOL;
  g_mutex_unlock (&self->lock);
  if (!secret_ok) {
    char text[37];
    gw_handle_to_string (session, text);
    g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                 "Invalid SessionHandle: wrong secret for session '%s'.", text);
    return FALSE;
  }
  if (version != NULL)
    *version = negotiated;
  return TRUE;
}

gboolean
gw_hs2_handler_resolve_operation (GwHs2Handler *self, const TOperationHandle *handle,
                                  GwHandle *session, GwHandle *operation, gint *version,
                                  GError **error)
{
  memset (session, 0, sizeof *session);
  memset (operation, 0, sizeof *operation);
  guint8 secret[16];
  if (handle == NULL || !read_identifier (handle->operationId, operation->guid, secret)) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                         "Invalid OperationHandle: a 16-byte guid and secret are required.");
    return FALSE;
  }
  memcpy (session->guid, secret, 16); /* the secret of an operation handle is its session */
  g_mutex_lock (&self->lock);
  Hs2Session *s = g_hash_table_lookup (self->sessions, session);
  if (s != NULL)
    memcpy (session->secret, s->handle.secret, 16);
  if (version != NULL)
    *version = s ? s->protocol_version : GW_HS2_FALLBACK_PROTOCOL;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static void
forget_session (GwHs2Handler *self, const GwHandle *session)
{
  g_mutex_lock (&self->lock);
  g_hash_table_remove (self->sessions, session);
  g_mutex_unlock (&self->lock);
}

void
gw_hs2_handler_reply_error (GwHs2Handler *self, TStatus *status, const GwHandle *session,
                            const GError *error)
{
  if (session != NULL && g_error_matches (error, GW_ERROR, GW_ERROR_SESSION_NOT_FOUND))
    forget_session (self, session);
  gw_hs2_status_set_error (status, error);
}

void
gw_hs2_handler_set_operation_handle (TOperationHandle *handle, const GwHandle *session,
                                     const GwHandle *operation, TOperationType type,
                                     gboolean has_result_set)
{
  write_identifier (handle->operationId, operation->guid, session->guid);
  handle->operationType = type;
  handle->hasResultSet = has_result_set;
  handle->__isset_modifiedRowCount = FALSE;
}

gint64
gw_hs2_handler_advance_offset (GwHs2Handler *self, const GwHandle *session,
                               const GwHandle *operation, gboolean from_first, guint n_rows)
{
  gint64 offset = 0;
  g_mutex_lock (&self->lock);
  Hs2Session *s = g_hash_table_lookup (self->sessions, session);
  if (s != NULL) {
    gint64 *next = g_hash_table_lookup (s->offsets, operation);
    if (next == NULL) {
      next = g_new0 (gint64, 1);
      g_hash_table_insert (s->offsets, gw_handle_copy (operation), next);
    }
    if (from_first)
      *next = 0;
    offset = *next;
    *next += n_rows;
  }
  g_mutex_unlock (&self->lock);
  return offset;
}

void
gw_hs2_handler_forget_operation (GwHs2Handler *self, const GwHandle *session,
                                 const GwHandle *operation)
{
  g_mutex_lock (&self->lock);
  Hs2Session *s = g_hash_table_lookup (self->sessions, session);
  if (s != NULL)
    g_hash_table_remove (s->offsets, operation);
  g_mutex_unlock (&self->lock);
}

gchar *
gw_hs2_handler_dup_session_user (GwHs2Handler *self, const GwHandle *session)
{
  g_mutex_lock (&self->lock);
  Hs2Session *s = g_hash_table_lookup (self->sessions, session);
  gchar *user = s ? g_strdup (s->user) : NULL;
  g_mutex_unlock (&self->lock);
  return user;
}

void
gw_hs2_handler_add_client_info (GwHs2Handler *self, const GwHandle *session,
                                GHashTable *configuration)
{
  g_mutex_lock (&self->lock);
  Hs2Session *s = g_hash_table_lookup (self->sessions, session);
  if (s != NULL && configuration != NULL) {
    if (s->client_info == NULL)
      s->client_info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init (&it, configuration);
    while (g_hash_table_iter_next (&it, &k, &v))
      g_hash_table_replace (s->client_info, g_strdup (k), g_strdup (v ? v : ""));
  }
  g_mutex_unlock (&self->lock);
}

/* Drops the entries of sessions the service closed by itself, once they pile up. Checking a
 * session counts as a use of it for the service's idle timeout, hence the slack. */
static void
sweep_sessions (GwHs2Handler *self)
{
  g_mutex_lock (&self->lock);
  guint known = g_hash_table_size (self->sessions);
  gboolean due = ++self->opened_since_sweep >= SWEEP_SLACK &&
                 known > gw_service_get_session_count (self->service) + SWEEP_SLACK;
  g_autoptr (GArray) handles = due ? session_handles (self) : NULL;
  if (due)
    self->opened_since_sweep = 0;
  g_mutex_unlock (&self->lock);
  for (guint i = 0; handles != NULL && i < handles->len; i++) {
    const GwHandle *h = &g_array_index (handles, GwHandle, i);
    if (!gw_service_heartbeat (self->service, h, NULL))
      forget_session (self, h);
  }
}

/* ---- connections ---- */

GwHs2Connection *
gw_hs2_handler_open_connection (GwHs2Handler *self, const char *user, const char *peer,
                                gboolean owns_sessions)
{
  GwHs2Connection *connection = g_new0 (GwHs2Connection, 1);
  connection->user = g_strdup (user);
  connection->peer = g_strdup (peer ? peer : "unknown peer");
  connection->owns_sessions = owns_sessions;
  connection->sessions = g_array_new (FALSE, FALSE, sizeof (GwHandle));
  return connection;
}

static void
connection_forget_session (GwHs2Connection *connection, const GwHandle *session)
{
  for (guint i = 0; connection != NULL && i < connection->sessions->len; i++) {
    if (gw_handle_equal (&g_array_index (connection->sessions, GwHandle, i), session)) {
      g_array_remove_index_fast (connection->sessions, i);
      return;
    }
  }
}

void
gw_hs2_handler_close_connection (GwHs2Handler *self, GwHs2Connection *connection)
{
  if (connection == NULL)
    return;
  /* After a shutdown the service may be gone; the shutdown closed the sessions already. */
  if (connection->sessions->len > 0 && gw_hs2_handler_call_begin (self, NULL)) {
    guint closed = 0;
    for (guint i = 0; i < connection->sessions->len; i++) {
      const GwHandle *session = &g_array_index (connection->sessions, GwHandle, i);
      if (gw_service_close_session (self->service, session, NULL))
        closed++;
      forget_session (self, session);
    }
    gw_hs2_handler_call_end (self);
    if (closed > 0)
      g_message ("closed %u HiveServer2 session%s left open by the connection from %s", closed,
                 closed == 1 ? "" : "s", connection->peer);
  }
  g_array_unref (connection->sessions);
  g_free (connection->user);
  g_free (connection->peer);
  g_free (connection);
}

/* ---- OpenSession, CloseSession ---- */

/* OpenSession's configuration (JDBC HiveConnection.openSession, reference §2.1) → session
 * properties; *database = use:database if given. */
static GHashTable *
session_properties (GHashTable *configuration, const char **database)
{
  GHashTable *properties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* As Flink's HiveServer2 endpoint: JDBC expects an INSERT to be done when execute returns
   * (a client's set:table.dml-sync below still wins). */
  g_hash_table_insert (properties, g_strdup ("table.dml-sync"), g_strdup ("true"));
  if (configuration == NULL)
    return properties;
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, configuration);
  while (g_hash_table_iter_next (&it, &k, &v)) {
    const char *key = k;
    const char *value = v ? v : "";
    if (strcmp (key, "use:database") == 0) {
      if (*value != '\0')
        *database = value;
      continue;
    }
    if (g_str_has_prefix (key, "use:") || g_str_has_prefix (key, "set:system:"))
      continue; /* other use: keys name Hive objects; system: sets JVM properties */
    if (g_str_has_prefix (key, "set:hiveconf:"))
      key += strlen ("set:hiveconf:");
    else if (g_str_has_prefix (key, "set:hivevar:"))
      key += strlen ("set:hivevar:");
    else if (g_str_has_prefix (key, "set:"))
      key += strlen ("set:");
    if (*key != '\0')
      g_hash_table_insert (properties, g_strdup (key), g_strdup (value));
  }
  return properties;
}

static void
open_session (GwHs2Handler *self, const TOpenSessionReq *req, TOpenSessionResp *resp)
{
  g_autoptr (GError) error = NULL;
  /* The enum may be unsigned: read the wire's i32 as signed (Databricks sends -7). */
  gint client = (gint) req->client_protocol;
  if (client < T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V1) {
    g_set_error (&error, GW_ERROR, GW_ERROR_UNSUPPORTED,
                 "Unsupported client protocol version %d: the server speaks HIVE_CLI_SERVICE_"
                 "PROTOCOL_V1 (0) to V11 (10).", client);
    gw_hs2_status_set_error (resp->status, error);
    return;
  }
  sweep_sessions (self);
  GwHs2Connection *connection = gw_hs2_server_get_connection_context ();
  const char *user = connection && connection->user ? connection->user
                     : req->__isset_username ? req->username : NULL;
  const char *database = self->database;
  g_autoptr (GHashTable) properties =
      session_properties (req->__isset_configuration ? req->configuration : NULL, &database);

  GwHandle session;
  if (!gw_service_open_session (self->service, user, properties, &session, &error)) {
    gw_hs2_status_set_error (resp->status, error);
    return;
  }
  if (!gw_service_use_database (self->service, &session, self->catalog, database, TRUE, &error)) {
    gw_service_close_session (self->service, &session, NULL);
    g_prefix_error (&error, "Could not use database %s.%s: ", self->catalog, database);
    gw_hs2_status_set_error (resp->status, error);
    return;
  }

  Hs2Session *s = g_new0 (Hs2Session, 1);
  s->handle = session;
  s->protocol_version = resp->serverProtocolVersion;
  s->user = g_strdup (user);
  s->offsets = g_hash_table_new_full (gw_handle_hash, gw_handle_equal, g_free, g_free);
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->sessions, &s->handle, s);
  g_mutex_unlock (&self->lock);
  if (connection != NULL && connection->owns_sessions)
    g_array_append_val (connection->sessions, session);

  write_identifier (resp->sessionHandle->sessionId, session.guid, session.secret);
  resp->__isset_sessionHandle = TRUE;
  gw_hs2_status_set_success (resp->status);
}

static gboolean
hs2_open_session (TCLIServiceIf *iface, TOpenSessionResp **_return, const TOpenSessionReq *req,
                  GError **error)
{
  GwHs2Handler *self = GW_HS2_HANDLER (iface);
  TOpenSessionResp *resp = *_return;
  /* min(client, server), never above what the client sent: JDBC rejects any version it does
   * not know. Set even on errors: the field is required. */
  resp->serverProtocolVersion = CLAMP ((gint) req->client_protocol,
                                       T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V1,
                                       GW_HS2_SERVER_PROTOCOL);
  /* JDBC reads the configuration without a null check: always send the map. */
  g_hash_table_replace (resp->configuration, g_strdup (FETCH_SIZE_KEY),
                        g_strdup_printf ("%d", self->default_fetch_size));
  resp->__isset_configuration = TRUE;
  if (gw_hs2_handler_call_begin (self, resp->status)) {
    open_session (self, req, resp);
    gw_hs2_handler_call_end (self);
  }
  return TRUE;
}

GW_HS2_RPC (close_session, TCloseSessionReq, TCloseSessionResp)
static void
do_close_session (GwHs2Handler *self, const TCloseSessionReq *req, TCloseSessionResp *resp)
{
  g_autoptr (GError) error = NULL;
  GwHandle session;
  if (!gw_hs2_handler_resolve_session (self, req->sessionHandle, &session, NULL, &error)) {
    gw_hs2_status_set_error (resp->status, error);
    return;
  }
  gboolean closed = gw_service_close_session (self->service, &session, &error);
  forget_session (self, &session);
  connection_forget_session (gw_hs2_server_get_connection_context (), &session);
  if (closed)
    gw_hs2_status_set_success (resp->status);
  else
    gw_hs2_status_set_error (resp->status, error);
}

/* ---- GObject ---- */

static void
gw_hs2_handler_finalize (GObject *object)
{
  GwHs2Handler *self = GW_HS2_HANDLER (object);
  g_hash_table_unref (self->sessions);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->idle);
  g_free (self->catalog);
  g_free (self->database);
  G_OBJECT_CLASS (gw_hs2_handler_parent_class)->finalize (object);
}

static void
gw_hs2_handler_class_init (GwHs2HandlerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_hs2_handler_finalize;
  TCLIServiceHandlerClass *handler = T_C_L_I_SERVICE_HANDLER_CLASS (klass);
  handler->open_session = hs2_open_session;
  handler->close_session = hs2_close_session;
  gw_hs2_session_rpcs_class_init (handler);
  gw_hs2_operations_class_init (handler);
}

static void
gw_hs2_handler_init (GwHs2Handler *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->idle);
  self->sessions = g_hash_table_new_full (gw_handle_hash, gw_handle_equal, NULL,
                                          (GDestroyNotify) hs2_session_free);
}

GwHs2Handler *
gw_hs2_handler_new (GwService *service, const GwHs2HandlerOptions *options)
{
  g_return_val_if_fail (service != NULL && options != NULL, NULL);
  GwHs2Handler *self = g_object_new (GW_TYPE_HS2_HANDLER, NULL);
  self->service = service;
  self->catalog = g_strdup (options->catalog ? options->catalog : "hive");
  self->database = g_strdup (options->database ? options->database : "default");
  self->default_fetch_size = options->default_fetch_size > 0 ? options->default_fetch_size : 1000;
  self->max_fetch_size = options->max_fetch_size > 0 ? (guint) options->max_fetch_size : 10000;
  self->long_poll_ms = MAX (options->long_poll_ms, 0);
  return self;
}
