/* GwHs2Http: HiveServer2 over HTTP. The SoupServer lives on its own GMainContext thread (as the
 * REST endpoint's); each POST is paused, processed on a worker thread, then answered through
 * g_main_context_invoke + unpause. */
#include "gw-hs2-http.h"
#include "gw-hs2-server-private.h"

#include <libsoup/soup.h>
#include <string.h>

#define DEFAULT_BIND_ADDRESS   "127.0.0.1"
#define DEFAULT_PATH           "/cliservice"
#define DEFAULT_WORKER_THREADS 8
#define THRIFT_CONTENT_TYPE    "application/x-thrift"
#define TEXT_CONTENT_TYPE      "text/plain; charset=UTF-8"

struct _GwHs2Http {
  gchar               *bind_address;
  guint16              port;
  gchar               *path;
  guint32              max_body_size;
  guint                worker_threads;
  GwHs2Authenticate    authenticate;
  gpointer             auth_data;
  ThriftProcessor     *processor;       /* owned ref */
  GwHs2ConnectionOpen  connection_open;
  GwHs2ConnectionClose connection_close;
  gpointer             connection_data; /* borrowed */
  GMainContext        *context;         /* owned: the server's thread-default context */
  GMainLoop           *loop;            /* owned */
  GThread             *thread;
  SoupServer          *server;          /* owned, lives in context */
  GMutex               pool_lock;       /* stop takes the pool while the server thread may push */
  GThreadPool         *pool;            /* owned, under pool_lock: runs HttpJob*; NULL once stopping */
  GMutex               start_lock;
  GCond                start_cond;
  gboolean             start_done;
  GError              *start_error;
};

/* One POST travelling from the server thread to a worker and back. */
typedef struct {
  GwHs2Http         *http;
  SoupServerMessage *msg;           /* owned ref */
  GBytes            *body;          /* owned */
  gchar             *authorization; /* owned, nullable: the Authorization header */
  gchar             *peer;          /* owned */
  guint              status;
  const char        *content_type;
  GBytes            *reply;         /* owned: the response body */
  gboolean           unauthorized;
} HttpJob;

static const char too_large_key[] = "gw-hs2-http-too-large";

static void
set_response (SoupServerMessage *msg, guint status, const char *content_type, GBytes *body)
{
  /* libsoup 3.2 (Debian bookworm) never notices that a client closed an idle keep-alive
   * connection: the socket stays in CLOSE-WAIT and its descriptor leaks, one per client
   * connection, until the gateway runs out of descriptors (fixed upstream in libsoup 3.3).
   * Closing after every response keeps the descriptor count bounded. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  soup_server_message_set_status (msg, status, NULL);
  gsize length = 0;
  gpointer data = g_bytes_unref_to_data (body, &length);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, data, length);
}

static GBytes *
text_body (const char *format, ...) G_GNUC_PRINTF (1, 2);

static GBytes *
text_body (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  gchar *text = g_strdup_vprintf (format, args);
  va_end (args);
  return g_bytes_new_take (text, strlen (text));
}

static void
reply_text (SoupServerMessage *msg, guint status, const char *text)
{
  set_response (msg, status, TEXT_CONTENT_TYPE, g_bytes_new (text, strlen (text)));
}

/* "Basic base64(user:password)"; FALSE if absent or malformed. */
static gboolean
parse_basic (const char *header, gchar **user, gchar **password)
{
  if (header == NULL || g_ascii_strncasecmp (header, "Basic ", 6) != 0)
    return FALSE;
  const char *encoded = header + 6;
  while (*encoded == ' ')
    encoded++;
  gsize length = 0;
  g_autofree guchar *decoded = g_base64_decode (encoded, &length);
  const guchar *colon = decoded ? memchr (decoded, ':', length) : NULL;
  if (colon == NULL)
    return FALSE;
  gsize user_length = (gsize) (colon - decoded);
  if (!g_utf8_validate ((const char *) decoded, (gssize) user_length, NULL))
    return FALSE;
  *user = g_strndup ((const char *) decoded, user_length);
  *password = g_strndup ((const char *) colon + 1, length - user_length - 1);
  return TRUE;
}

/* Runs the processor on the body; fills the job's reply. */
static void
process_body (GwHs2Http *self, HttpJob *job, const char *user)
{
  g_autoptr (GInputStream) input = g_memory_input_stream_new_from_bytes (job->body);
  g_autoptr (GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr (GIOStream) stream = g_simple_io_stream_new (input, output);
  /* Not a ThriftMemoryBuffer: with c_glib 0.17 its read_all spins forever on a truncated body. */
  g_autoptr (GwHs2Transport) transport = gw_hs2_transport_new (stream, self->max_body_size);

  gpointer context = self->connection_open
                         ? self->connection_open (user, job->peer, self->connection_data)
                         : NULL;
  gw_hs2_server_set_connection_context (context);
  guint messages = 0;
  g_autoptr (GError) error = NULL;
  gboolean ok = gw_hs2_server_process_messages (self->processor, transport, &messages, &error);
  gw_hs2_server_set_connection_context (NULL);
  if (self->connection_close != NULL)
    self->connection_close (context, self->connection_data);

  if (ok && messages == 0)
    error = g_error_new (THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_RECEIVE, "empty request body");
  if (error != NULL) {
    /* A malformed or truncated body is the client's fault; anything else (the handler) is ours. */
    gboolean client_fault = error->domain == THRIFT_PROTOCOL_ERROR ||
                            error->domain == THRIFT_TRANSPORT_ERROR;
    g_message ("HTTP request from %s: Thrift request failed: %s", job->peer, error->message);
    job->status = client_fault ? SOUP_STATUS_BAD_REQUEST : SOUP_STATUS_INTERNAL_SERVER_ERROR;
    job->content_type = TEXT_CONTENT_TYPE;
    job->reply = text_body ("Thrift request failed: %s", error->message);
    return;
  }
  g_output_stream_close (output, NULL, NULL);
  job->status = SOUP_STATUS_OK;
  job->content_type = THRIFT_CONTENT_TYPE;
  job->reply = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

static gboolean
finish_job (gpointer data)
{
  HttpJob *job = data;
  if (job->unauthorized)
    soup_message_headers_replace (soup_server_message_get_response_headers (job->msg),
                                  "WWW-Authenticate", "Basic realm=\"sql-gateway\"");
  set_response (job->msg, job->status, job->content_type, g_steal_pointer (&job->reply));
  soup_server_message_unpause (job->msg);
  g_object_unref (job->msg);
  g_bytes_unref (job->body);
  g_free (job->authorization);
  g_free (job->peer);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static void
run_job (gpointer data, gpointer user_data)
{
  HttpJob *job = data;
  GwHs2Http *self = job->http;
  g_autofree gchar *user = NULL;
  g_autofree gchar *password = NULL;
  gboolean has_credentials = parse_basic (job->authorization, &user, &password);
  g_autoptr (GError) error = NULL;
  if (self->authenticate != NULL &&
      (!has_credentials || !self->authenticate (user, password, self->auth_data, &error))) {
    job->status = SOUP_STATUS_UNAUTHORIZED;
    job->unauthorized = TRUE;
    job->content_type = TEXT_CONTENT_TYPE;
    job->reply = text_body ("Authentication failed: %s",
                            has_credentials ? (error ? error->message : "refused")
                                            : "Basic credentials required");
  } else {
    process_body (self, job, user);
  }
  g_main_context_invoke (self->context, finish_job, job);
}

static void
on_got_chunk (SoupServerMessage *msg, GBytes *chunk, gpointer data)
{
  GwHs2Http *self = data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  if (body->length > (goffset) self->max_body_size) {
    g_object_set_data (G_OBJECT (msg), too_large_key, GINT_TO_POINTER (1));
    soup_message_body_truncate (body); /* keep memory bounded while the rest arrives */
  }
}

/* Runs once the headers are in: refuse declared oversized bodies before reading them. */
static void
on_early_request (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                  gpointer data)
{
  GwHs2Http *self = data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) self->max_body_size) {
    reply_text (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
    return;
  }
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), self);
}

static void
on_request (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer data)
{
  GwHs2Http *self = data;
  if (soup_server_message_get_status (msg) != 0)
    return; /* answered by the early handler */
  if (g_object_get_data (G_OBJECT (msg), too_large_key)) {
    reply_text (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
    return;
  }
  if (g_strcmp0 (path, self->path) != 0) {
    reply_text (msg, SOUP_STATUS_NOT_FOUND, "Not found");
    return;
  }
  if (strcmp (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0) {
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "POST");
    reply_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Thrift over HTTP takes POST only");
    return;
  }
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  HttpJob *job = g_new0 (HttpJob, 1);
  job->http = self;
  job->msg = g_object_ref (msg);
  job->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  job->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  job->peer = gw_hs2_describe_peer (soup_server_message_get_remote_address (msg));
  soup_server_message_pause (msg);
  g_mutex_lock (&self->pool_lock);
  if (self->pool != NULL) {
    g_thread_pool_push (self->pool, job, NULL);
    job = NULL;
  }
  g_mutex_unlock (&self->pool_lock);
  if (job != NULL) { /* stopping: answer here, the workers are gone */
    job->status = SOUP_STATUS_SERVICE_UNAVAILABLE;
    job->content_type = TEXT_CONTENT_TYPE;
    job->reply = text_body ("The server is stopping");
    finish_job (job);
  }
}

static gboolean
listen_on_port (GwHs2Http *self, GError **error)
{
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (self->bind_address);
  if (inet == NULL) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 "HiveServer2 HTTP bind address '%s' is not an IP address", self->bind_address);
    return FALSE;
  }
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (inet, self->port);
  if (!soup_server_listen (self->server, address, 0, error)) {
    g_prefix_error (error, "HiveServer2 HTTP endpoint could not bind %s:%u: ", self->bind_address,
                    self->port);
    return FALSE;
  }
  GSList *listeners = soup_server_get_listeners (self->server);
  g_autoptr (GSocketAddress) local = g_socket_get_local_address (listeners->data, NULL);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  g_slist_free (listeners);
  return TRUE;
}

static gpointer
server_thread (gpointer data)
{
  GwHs2Http *self = data;
  g_main_context_push_thread_default (self->context);
  GError *error = NULL;
  self->server = soup_server_new ("server-header", "sql-gateway", NULL);
  soup_server_add_early_handler (self->server, NULL, on_early_request, self, NULL);
  soup_server_add_handler (self->server, NULL, on_request, self, NULL);
  gboolean ok = listen_on_port (self, &error);

  g_mutex_lock (&self->start_lock);
  self->start_done = TRUE;
  self->start_error = error;
  g_cond_signal (&self->start_cond);
  g_mutex_unlock (&self->start_lock);

  if (ok)
    g_main_loop_run (self->loop);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Let sources queued by the disconnect run before the context goes away. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

GwHs2Http *
gw_hs2_http_new (const GwHs2HttpOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (THRIFT_IS_PROCESSOR (options->processor), NULL);
  GwHs2Http *self = g_new0 (GwHs2Http, 1);
  self->bind_address = g_strdup (options->bind_address ? options->bind_address
                                                       : DEFAULT_BIND_ADDRESS);
  self->port = options->port;
  self->path = g_strdup (options->path ? options->path : DEFAULT_PATH);
  self->max_body_size = options->max_body_size ? options->max_body_size
                                               : GW_HS2_DEFAULT_MAX_MESSAGE_SIZE;
  self->worker_threads = options->worker_threads ? options->worker_threads
                                                 : DEFAULT_WORKER_THREADS;
  self->authenticate = options->authenticate;
  self->auth_data = options->auth_data;
  self->processor = g_object_ref (options->processor);
  self->connection_open = options->connection_open;
  self->connection_close = options->connection_close;
  self->connection_data = options->connection_data;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  g_mutex_init (&self->start_lock);
  g_cond_init (&self->start_cond);
  g_mutex_init (&self->pool_lock);
  return self;
}

gboolean
gw_hs2_http_start (GwHs2Http *self, GError **error)
{
  g_return_val_if_fail (self != NULL && self->thread == NULL, FALSE);
  self->pool = g_thread_pool_new (run_job, self, (gint) self->worker_threads, FALSE, NULL);
  self->thread = g_thread_new ("gw-hs2-http", server_thread, self);
  g_mutex_lock (&self->start_lock);
  while (!self->start_done)
    g_cond_wait (&self->start_cond, &self->start_lock);
  g_mutex_unlock (&self->start_lock);
  if (self->start_error != NULL) {
    g_propagate_error (error, g_steal_pointer (&self->start_error));
    g_thread_join (g_steal_pointer (&self->thread));
    return FALSE;
  }
  return TRUE;
}

guint16
gw_hs2_http_get_port (GwHs2Http *self)
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

void
gw_hs2_http_stop (GwHs2Http *self)
{
  g_return_if_fail (self != NULL);
  if (self->thread == NULL)
    return;
  /* Finish in-flight requests first: their replies are invoked on the server context. */
  g_mutex_lock (&self->pool_lock);
  GThreadPool *pool = g_steal_pointer (&self->pool);
  g_mutex_unlock (&self->pool_lock);
  g_thread_pool_free (pool, FALSE, TRUE);
  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (g_steal_pointer (&self->thread));
}

void
gw_hs2_http_free (GwHs2Http *self)
{
  if (self == NULL)
    return;
  gw_hs2_http_stop (self);
  if (self->pool != NULL) /* start failed */
    g_thread_pool_free (self->pool, TRUE, TRUE);
  g_clear_object (&self->processor);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->start_lock);
  g_cond_clear (&self->start_cond);
  g_mutex_clear (&self->pool_lock);
  g_clear_error (&self->start_error);
  g_free (self->bind_address);
  g_free (self->path);
  g_free (self);
}
