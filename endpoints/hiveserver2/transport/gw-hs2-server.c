/* GwHs2Server: accepts on its own GMainContext thread, serves each connection on a
 * GThreadedSocketService thread: login (first-byte sniff, SASL PLAIN), then the processor loop. */
#include "gw-hs2-server-private.h"
#include "gw-hs2-protocol.h"

#include <netinet/in.h>
#include <netinet/tcp.h>

#define DEFAULT_BIND_ADDRESS    "127.0.0.1"
#define DEFAULT_STOP_TIMEOUT_MS 5000
#define LISTEN_BACKLOG          128
/* First byte of a strict TBinaryProtocol message (version 0x8001). */
#define BINARY_VERSION_BYTE     0x80

struct _GwHs2Server {
  gint                 ref_count;        /* the owner + the service's "run" handler */
  gchar               *bind_address;
  guint16              port;
  gint                 max_threads;
  guint                login_timeout_ms;
  guint32              max_message_size;
  guint                stop_timeout_ms;
  GwHs2AuthMethods     methods;
  GwHs2Authenticate    authenticate;
  gpointer             auth_data;
  ThriftProcessor     *processor;        /* owned ref */
  GwHs2ConnectionOpen  connection_open;
  GwHs2ConnectionClose connection_close;
  gpointer             connection_data;  /* borrowed */

  GMainContext        *context;          /* owned: the accept loop and the login timers */
  GMainLoop           *loop;             /* owned */
  GThread             *thread;
  GSocketService      *service;          /* owned: a GThreadedSocketService */
  GMutex               lock;
  GCond                idle;             /* signalled when the last connection ends */
  GPtrArray           *connections;      /* under lock: GCancellable* of the live connections */
  guint                serving;          /* under lock: connections holding a thread slot */
  gboolean             stopping;         /* under lock */
};

static GPrivate connection_context;

gpointer
gw_hs2_server_get_connection_context (void)
{
  return g_private_get (&connection_context);
}

void
gw_hs2_server_set_connection_context (gpointer context)
{
  g_private_set (&connection_context, context);
}

static GwHs2Server *
server_ref (GwHs2Server *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

static void
server_unref (GwHs2Server *self)
{
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_clear_object (&self->processor);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_ptr_array_unref (self->connections);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->idle);
  g_free (self->bind_address);
  g_free (self);
}

static void
closure_unref (gpointer data, GClosure *closure)
{
  server_unref (data);
}

static gboolean
is_stopping (GwHs2Server *self)
{
  g_mutex_lock (&self->lock);
  gboolean stopping = self->stopping;
  g_mutex_unlock (&self->lock);
  return stopping;
}

gboolean
gw_hs2_server_process_messages (ThriftProcessor *processor, GwHs2Transport *transport,
                                guint *messages, GError **error)
{
  ThriftTransport *thrift_transport = THRIFT_TRANSPORT (transport);
  ThriftProtocol *protocol = gw_hs2_protocol_new (thrift_transport, 0);
  gboolean clean = TRUE;
  *messages = 0;
  while (TRUE) {
    GError *local = NULL;
    gw_hs2_transport_begin_message (transport);
    if (!thrift_transport_peek (thrift_transport, &local)) {
      /* FALSE without an error: the client closed between two messages. */
      if (local != NULL) {
        g_propagate_error (error, local);
        clean = FALSE;
      }
      break;
    }
    if (!thrift_processor_process (processor, protocol, protocol, &local)) {
      if (local == NULL)
        local = g_error_new (THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_INVALID_DATA,
                             "the processor refused the message");
      g_propagate_error (error, local);
      clean = FALSE;
      break;
    }
    g_clear_error (&local); /* reported but answered: the connection goes on */
    (*messages)++;
  }
  g_object_unref (protocol);
  return clean;
}

static gboolean
on_login_timeout (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static GSource *
start_login_timer (GwHs2Server *self, GCancellable *cancellable)
{
  if (self->login_timeout_ms == 0)
    return NULL;
  GSource *source = g_timeout_source_new (self->login_timeout_ms);
  g_source_set_callback (source, on_login_timeout, g_object_ref (cancellable), g_object_unref);
  g_source_attach (source, self->context);
  return source;
}

/* Sniffs the first byte and runs the handshake it asks for. FALSE without an error: the
 * client closed before sending anything (a port probe). */
static gboolean
login (GwHs2Server *self, GwHs2Transport *transport, GCancellable *cancellable, gchar **user,
       GError **error)
{
  guint8 first;
  if (!gw_hs2_transport_peek_byte (transport, &first, error))
    return FALSE;
  gboolean nosasl = (self->methods & GW_HS2_AUTH_METHOD_NOSASL) != 0;
  gboolean sasl = (self->methods & GW_HS2_AUTH_METHOD_SASL_PLAIN) != 0;
  GOutputStream *output = gw_hs2_transport_get_output_stream (transport);
  if (first == BINARY_VERSION_BYTE && nosasl)
    return TRUE;
  if (first == GW_HS2_SASL_STATUS_START && sasl) {
    if (!gw_hs2_sasl_plain_handshake (gw_hs2_transport_get_input_stream (transport), output, 0,
                                      self->authenticate, self->auth_data, cancellable, user, error))
      return FALSE;
    gw_hs2_transport_set_framing (transport, GW_HS2_FRAMING_FRAMED);
    return TRUE;
  }
  if (first == BINARY_VERSION_BYTE) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 "a NOSASL client, but the server accepts SASL clients only");
  } else if (first == GW_HS2_SASL_STATUS_START) {
    /* The client shows "Peer indicated failure: ..." instead of hanging. */
    gw_hs2_sasl_send (output, GW_HS2_SASL_STATUS_BAD,
                      "The server accepts NOSASL clients only (JDBC: ;auth=noSasl)", cancellable,
                      NULL);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 "a SASL client, but the server accepts NOSASL clients only");
  } else {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "not a Thrift or SASL start byte 0x%02x", first);
  }
  return FALSE;
}

/* A connection stops counting against max_threads once its messages are done, before its
 * close hook runs: a client that reconnects right after closing finds its slot free. */
static void
release_slot (GwHs2Server *self, gboolean *holds_slot)
{
  if (!*holds_slot)
    return;
  *holds_slot = FALSE;
  g_mutex_lock (&self->lock);
  self->serving--;
  g_mutex_unlock (&self->lock);
}

static void
serve_connection (GwHs2Server *self, GSocketConnection *connection, GCancellable *cancellable,
                  const char *peer, gboolean *holds_slot)
{
  GSocket *socket = g_socket_connection_get_socket (connection);
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
  g_autoptr (GwHs2Transport) transport = gw_hs2_transport_new (G_IO_STREAM (connection),
                                                               self->max_message_size);
  gw_hs2_transport_set_cancellable (transport, cancellable);

  g_autoptr (GError) error = NULL;
  g_autofree gchar *user = NULL;
  GSource *timer = start_login_timer (self, cancellable);
  gboolean logged_in = login (self, transport, cancellable, &user, &error);
  if (timer != NULL) {
    g_source_destroy (timer);
    g_source_unref (timer);
  }
  /* The timer may have fired just after the handshake: the connection is canceled either way. */
  if (!logged_in || g_cancellable_is_cancelled (cancellable)) {
    if (is_stopping (self))
      ; /* canceled by stop: not the client's doing */
    else if (g_cancellable_is_cancelled (cancellable))
      g_message ("closing connection from %s: no login within %u ms", peer, self->login_timeout_ms);
    else if (error != NULL) /* no error: closed before its first byte, e.g. a port probe */
      g_message ("closing connection from %s: %s", peer, error->message);
    g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    return;
  }

  gpointer context = self->connection_open
                         ? self->connection_open (user, peer, self->connection_data)
                         : NULL;
  gw_hs2_server_set_connection_context (context);
  guint messages = 0;
  gboolean clean = gw_hs2_server_process_messages (self->processor, transport, &messages, &error);
  gw_hs2_server_set_connection_context (NULL);
  release_slot (self, holds_slot);
  if (self->connection_close != NULL)
    self->connection_close (context, self->connection_data);
  if (!clean && !is_stopping (self))
    g_message ("closing connection from %s after %u messages: %s", peer, messages,
               error ? error->message : "unknown error");
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

gchar *
gw_hs2_describe_peer (GSocketAddress *address)
{
  if (!G_IS_INET_SOCKET_ADDRESS (address))
    return g_strdup ("unknown peer");
  GInetSocketAddress *inet = G_INET_SOCKET_ADDRESS (address);
  GInetAddress *host = g_inet_socket_address_get_address (inet);
  g_autofree gchar *text = g_inet_address_to_string (host);
  guint16 port = g_inet_socket_address_get_port (inet);
  if (g_inet_address_get_family (host) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("[%s]:%u", text, port);
  return g_strdup_printf ("%s:%u", text, port);
}

static gboolean
on_run (GThreadedSocketService *service, GSocketConnection *connection, GObject *source,
        gpointer data)
{
  GwHs2Server *self = data;
  g_autoptr (GSocketAddress) address = g_socket_connection_get_remote_address (connection, NULL);
  g_autofree gchar *peer = gw_hs2_describe_peer (address);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree gchar *refusal = NULL;

  g_mutex_lock (&self->lock);
  if (self->stopping)
    refusal = g_strdup ("the server is stopping");
  else if (self->max_threads > 0 && self->serving >= (guint) self->max_threads)
    refusal = g_strdup_printf ("the limit of %d connections is reached", self->max_threads);
  else {
    g_ptr_array_add (self->connections, cancellable);
    self->serving++;
  }
  g_mutex_unlock (&self->lock);
  gboolean holds_slot = refusal == NULL;
  if (refusal != NULL) {
    g_message ("closing connection from %s: %s", peer, refusal);
    g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    return TRUE;
  }

  serve_connection (self, connection, cancellable, peer, &holds_slot);
  release_slot (self, &holds_slot);

  g_mutex_lock (&self->lock);
  g_ptr_array_remove_fast (self->connections, cancellable);
  if (self->connections->len == 0)
    g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static gpointer
server_thread (gpointer data)
{
  GwHs2Server *self = data;
  g_main_context_push_thread_default (self->context);
  /* Accepts are dispatched in the context where the service starts: this thread's. */
  g_socket_service_start (self->service);
  g_main_loop_run (self->loop);
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  /* Let the canceled accept complete: its task holds a reference on the service. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

GwHs2Server *
gw_hs2_server_new (const GwHs2ServerOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (THRIFT_IS_PROCESSOR (options->processor), NULL);
  GwHs2Server *self = g_new0 (GwHs2Server, 1);
  self->ref_count = 1;
  self->bind_address = g_strdup (options->bind_address ? options->bind_address
                                                       : DEFAULT_BIND_ADDRESS);
  self->port = options->port;
  self->max_threads = options->max_threads;
  self->login_timeout_ms = options->login_timeout_ms;
  self->max_message_size = options->max_message_size;
  self->stop_timeout_ms = options->stop_timeout_ms ? options->stop_timeout_ms
                                                   : DEFAULT_STOP_TIMEOUT_MS;
  self->methods = options->methods;
  self->authenticate = options->authenticate;
  self->auth_data = options->auth_data;
  self->processor = g_object_ref (options->processor);
  self->connection_open = options->connection_open;
  self->connection_close = options->connection_close;
  self->connection_data = options->connection_data;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->connections = g_ptr_array_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->idle);
  return self;
}

gboolean
gw_hs2_server_start (GwHs2Server *self, GError **error)
{
  g_return_val_if_fail (self != NULL && self->service == NULL, FALSE);
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (self->bind_address);
  if (inet == NULL) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 "HiveServer2 bind address '%s' is not an IP address", self->bind_address);
    return FALSE;
  }
  /* Unbounded pool: the connection limit is enforced in on_run. A bounded
   * GThreadedSocketService stops accepting when full and restarts from a worker thread, whose
   * thread-default context is not the one running the accepts. */
  self->service = g_object_new (G_TYPE_THREADED_SOCKET_SERVICE, "max-threads", -1, "active", FALSE,
                                NULL);
  g_socket_listener_set_backlog (G_SOCKET_LISTENER (self->service), LISTEN_BACKLOG);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (inet, self->port);
  g_autoptr (GSocketAddress) bound = NULL;
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &bound,
                                      error)) {
    g_prefix_error (error, "HiveServer2 endpoint could not bind %s:%u: ", self->bind_address,
                    self->port);
    g_clear_object (&self->service);
    return FALSE;
  }
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect_data (self->service, "run", G_CALLBACK (on_run), server_ref (self),
                         closure_unref, 0);
  self->thread = g_thread_new ("gw-hs2", server_thread, self);
  return TRUE;
}

guint16
gw_hs2_server_get_port (GwHs2Server *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->port;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

gboolean
gw_hs2_server_stop (GwHs2Server *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (self->thread == NULL)
    return TRUE;
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  for (guint i = 0; i < self->connections->len; i++)
    g_cancellable_cancel (self->connections->pdata[i]);
  g_mutex_unlock (&self->lock);

  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (g_steal_pointer (&self->thread));

  gint64 deadline = g_get_monotonic_time () + (gint64) self->stop_timeout_ms * G_TIME_SPAN_MILLISECOND;
  g_mutex_lock (&self->lock);
  while (self->connections->len > 0 && g_cond_wait_until (&self->idle, &self->lock, deadline))
    ;
  guint busy = self->connections->len;
  g_mutex_unlock (&self->lock);
  if (busy > 0)
    g_message ("HiveServer2 endpoint stopped with %u connections still in a call", busy);
  return busy == 0;
}

void
gw_hs2_server_free (GwHs2Server *self)
{
  if (self == NULL)
    return;
  gw_hs2_server_stop (self);
  /* Finalized once no connection thread holds it; that drops the "run" handler's reference. */
  g_clear_object (&self->service);
  server_unref (self);
}
