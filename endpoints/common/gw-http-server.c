/* GwHttpServer: the server thread, listening, request size limit and worker dispatch shared by
 * the REST endpoint and the HiveServer2 HTTP transport. */
#include "gw-http-server.h"
#include "gw-error.h"

struct _GwHttpServer {
  gchar          *name;
  gchar          *thread_name;
  gchar          *bind_address;
  gchar          *bind_port;
  gchar          *bind_address_option;
  gchar          *bind_port_option;
  gchar          *max_body_option;
  gint64          max_body_bytes;
  guint           worker_threads;
  GwHttpRoute     route;
  GDestroyNotify  route_data_free;
  GwHttpHandler   handler;
  GwHttpErrorBody error_body;
  gpointer        data;
  GMainContext   *context;    /* owned: the server's thread-default context */
  GMainLoop      *loop;       /* owned */
  GThread        *thread;
  SoupServer     *soup;       /* owned, lives in context */
  GSocketService *listener;   /* owned: accepts connections for soup */
  GMutex          pool_lock;  /* stop takes the pool while the server thread may push */
  GThreadPool    *pool;       /* owned, under pool_lock: runs HttpJob*; NULL once stopping */
  guint16         port;
  GMutex          start_lock;
  GCond           start_cond;
  gboolean        start_done;
  GError         *start_error;
};

/* A request travelling from the server thread to a worker and back. */
typedef struct {
  GwHttpServer      *server;
  SoupServerMessage *msg;      /* owned ref */
  gchar             *method;   /* owned */
  gchar             *path;     /* owned */
  gchar             *query;    /* owned, nullable */
  GwHttpRequest      request;  /* points into the fields above; body, headers, address owned */
  GwHttpResponse     response; /* body, headers owned */
} HttpJob;

static const char too_large_key[] = "gw-http-too-large";

const char *
gw_http_request_get_header (const GwHttpRequest *request, const char *name)
{
  return request->headers ? soup_message_headers_get_one (request->headers, name) : NULL;
}

void
gw_http_response_set_header (GwHttpResponse *response, const char *name, const char *value)
{
  if (response->headers == NULL)
    response->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_replace (response->headers, name, value);
}

static void
copy_header (const char *name, const char *value, gpointer data)
{
  soup_message_headers_replace (data, name, value);
}

static void
response_clear (GwHttpResponse *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
}

/* Sets the response on the message (server thread); clears it. */
static void
set_response (SoupServerMessage *msg, GwHttpResponse *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  if (response->headers != NULL)
    soup_message_headers_foreach (response->headers, copy_header, headers);
  /* libsoup 3.2 (Debian bookworm) never notices that a client closed an idle keep-alive
   * connection: the socket stays in CLOSE-WAIT and its descriptor leaks, one per client
   * connection, until the gateway runs out of descriptors (fixed upstream in libsoup 3.3).
   * It also keeps a connection alive only for servers with a listener of its own, which ours
   * has not (see on_incoming). Closing after every response keeps the descriptor count bounded,
   * and saying so lets clients that reuse connections reconnect instead of failing on a reset. */
  soup_message_headers_replace (headers, "Connection", "close");
  soup_server_message_set_status (msg, response->status, NULL);
  gsize length = 0;
  gpointer body = response->body ? g_bytes_unref_to_data (g_steal_pointer (&response->body), &length)
                                 : NULL;
  soup_server_message_set_response (msg, response->content_type, SOUP_MEMORY_TAKE, body, length);
  response_clear (response);
}

/* An answer the server makes itself: status and a message for error_body. */
static void
reply_error (GwHttpServer *self, SoupServerMessage *msg, guint status, const char *message)
{
  GwHttpResponse response = { .status = status };
  if (self->error_body != NULL)
    self->error_body (&response, message, self->data);
  set_response (msg, &response);
}

static gchar *
too_large_message (GwHttpServer *self, goffset declared)
{
  g_autofree gchar *option = self->max_body_option
                                 ? g_strdup_printf (" (%s)", self->max_body_option)
                                 : g_strdup ("");
  if (declared >= 0)
    return g_strdup_printf ("Request body of %" G_GINT64_FORMAT " bytes exceeds the limit of %"
                            G_GINT64_FORMAT " bytes%s.", (gint64) declared, self->max_body_bytes,
                            option);
  return g_strdup_printf ("Request body exceeds the limit of %" G_GINT64_FORMAT " bytes%s.",
                          self->max_body_bytes, option);
}

static void
job_free (HttpJob *job)
{
  if (job->request.route_data != NULL && job->server->route_data_free != NULL)
    job->server->route_data_free (job->request.route_data);
  g_clear_object (&job->msg);
  g_free (job->method);
  g_free (job->path);
  g_free (job->query);
  g_clear_pointer (&job->request.body, g_bytes_unref);
  g_clear_pointer (&job->request.headers, soup_message_headers_unref);
  g_clear_object (&job->request.remote_address);
  response_clear (&job->response);
  g_free (job);
}

static gboolean
finish_job (gpointer data)
{
  HttpJob *job = data;
  set_response (job->msg, &job->response);
  soup_server_message_unpause (job->msg);
  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
run_job (gpointer data, gpointer user_data)
{
  HttpJob *job = data;
  GwHttpServer *self = job->server;
  self->handler (&job->request, &job->response, self->data);
  g_main_context_invoke (self->context, finish_job, job);
}

static void
on_got_chunk (SoupServerMessage *msg, GBytes *chunk, gpointer data)
{
  GwHttpServer *self = data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  if (body->length > self->max_body_bytes) {
    g_object_set_data (G_OBJECT (msg), too_large_key, GINT_TO_POINTER (1));
    soup_message_body_truncate (body); /* keep memory bounded while the rest arrives */
  }
}

/* Runs once the headers are in: refuse declared oversized bodies before reading them; count
 * the others (chunked ones included) as they arrive. */
static void
on_early_request (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                  gpointer data)
{
  GwHttpServer *self = data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > self->max_body_bytes) {
    g_autofree gchar *message =
        too_large_message (self, soup_message_headers_get_content_length (headers));
    reply_error (self, msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, message);
    return;
  }
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), self);
}

static void
on_request (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer data)
{
  GwHttpServer *self = data;
  if (soup_server_message_get_status (msg) != 0)
    return; /* answered by the early handler */
  if (g_object_get_data (G_OBJECT (msg), too_large_key)) {
    g_autofree gchar *message = too_large_message (self, -1);
    reply_error (self, msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, message);
    return;
  }
  GUri *uri = soup_server_message_get_uri (msg);
  HttpJob *job = g_new0 (HttpJob, 1);
  job->server = self;
  job->method = g_strdup (soup_server_message_get_method (msg));
  job->path = g_strdup (g_uri_get_path (uri));
  job->query = g_strdup (g_uri_get_query (uri));
  job->request.method = job->method;
  job->request.path = job->path;
  job->request.query = job->query;
  job->request.body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  job->request.headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header,
                                job->request.headers);
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  job->request.remote_address = remote ? g_object_ref (remote) : NULL;
  if (self->route != NULL && self->route (&job->request, &job->response, self->data)) {
    set_response (msg, &job->response);
    job_free (job);
    return;
  }
  job->msg = g_object_ref (msg);
  soup_server_message_pause (msg);
  g_mutex_lock (&self->pool_lock);
  if (self->pool != NULL) {
    g_thread_pool_push (self->pool, job, NULL);
    job = NULL;
  }
  g_mutex_unlock (&self->pool_lock);
  if (job != NULL) { /* stopping: answer here, the workers are gone */
    response_clear (&job->response);
    job->response.status = SOUP_STATUS_SERVICE_UNAVAILABLE;
    if (self->error_body != NULL)
      self->error_body (&job->response, "The server is stopping", self->data);
    finish_job (job);
  }
}

/* We accept connections ourselves and hand them to the server: libsoup 3.2's own listener
 * (Debian bookworm) leaks every accepted GSocket, about 340 bytes per connection (measured:
 * 20,000 connections here leave RSS flat). Its keep-alive handling also leaks the descriptor of
 * an idle connection the client closes (fixed upstream in 3.3); every response therefore closes
 * its connection (set_response). */
static gboolean
on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer data)
{
  GwHttpServer *self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr (GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  if (!soup_server_accept_iostream (self->soup, G_IO_STREAM (connection), local, remote, &error))
    g_message ("%s could not take a connection: %s", self->name, error->message);
  return TRUE;
}

/* Tries each port of the bind-port spec in order; the first that binds wins. */
static gboolean
listen_on_ports (GwHttpServer *self, GError **error)
{
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (self->bind_address);
  if (inet == NULL) {
    if (self->bind_address_option != NULL)
      g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                   "Invalid value '%s' for option '%s': expected an IP address",
                   self->bind_address, self->bind_address_option);
    else
      g_set_error (error, GW_ERROR, GW_ERROR_CONFIG, "%s bind address '%s' is not an IP address",
                   self->name, self->bind_address);
    return FALSE;
  }
  g_auto (GStrv) items = g_strsplit (self->bind_port, ",", -1);
  g_autoptr (GError) last = NULL;
  for (guint i = 0; items[i]; i++) {
    g_autofree gchar *item = g_strstrip (g_strdup (items[i]));
    g_auto (GStrv) range = g_strsplit (item, "-", 2);
    guint64 lo, hi;
    if (!g_ascii_string_to_unsigned (g_strstrip (range[0]), 10, 0, 65535, &lo, NULL) ||
        !g_ascii_string_to_unsigned (range[1] ? g_strstrip (range[1]) : range[0], 10, lo, 65535, &hi, NULL)) {
      if (self->bind_port_option != NULL)
        g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                     "Invalid value '%s' for option '%s': expected a port, a list '50100,50101' "
                     "or a range '50100-50200'", self->bind_port, self->bind_port_option);
      else
        g_set_error (error, GW_ERROR, GW_ERROR_CONFIG, "%s port '%s' is not a port, a list "
                     "'50100,50101' or a range '50100-50200'", self->name, self->bind_port);
      return FALSE;
    }
    for (guint64 port = lo; port <= hi; port++) {
      g_autoptr (GSocketAddress) addr = g_inet_socket_address_new (inet, (guint16) port);
      g_autoptr (GSocketAddress) bound = NULL;
      g_autoptr (GSocketService) listener = g_socket_service_new ();
      g_clear_error (&last);
      if (g_socket_listener_add_address (G_SOCKET_LISTENER (listener), addr, G_SOCKET_TYPE_STREAM,
                                         G_SOCKET_PROTOCOL_TCP, NULL, &bound, &last)) {
        self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
        g_signal_connect (listener, "incoming", G_CALLBACK (on_incoming), self);
        g_socket_service_start (listener);
        self->listener = g_steal_pointer (&listener);
        return TRUE;
      }
    }
  }
  g_set_error (error, GW_ERROR, GW_ERROR_CONFIG, "%s could not bind %s port %s: %s", self->name,
               self->bind_address, self->bind_port, last ? last->message : "no port");
  return FALSE;
}

static gpointer
server_thread (gpointer data)
{
  GwHttpServer *self = data;
  g_main_context_push_thread_default (self->context);
  GError *error = NULL;
  self->soup = soup_server_new ("server-header", "sql-gateway", NULL);
  soup_server_add_early_handler (self->soup, NULL, on_early_request, self, NULL);
  soup_server_add_handler (self->soup, NULL, on_request, self, NULL);
  gboolean ok = listen_on_ports (self, &error);

  g_mutex_lock (&self->start_lock);
  self->start_done = TRUE;
  self->start_error = error;
  g_cond_signal (&self->start_cond);
  g_mutex_unlock (&self->start_lock);

  if (ok)
    g_main_loop_run (self->loop);
  if (self->listener != NULL) {
    g_socket_service_stop (self->listener);
    g_socket_listener_close (G_SOCKET_LISTENER (self->listener));
    g_clear_object (&self->listener);
  }
  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  /* Let sources queued by the disconnect run before the context goes away. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

GwHttpServer *
gw_http_server_new (const GwHttpServerOptions *options)
{
  g_return_val_if_fail (options != NULL && options->handler != NULL, NULL);
  g_return_val_if_fail (options->bind_address != NULL && options->bind_port != NULL, NULL);
  GwHttpServer *self = g_new0 (GwHttpServer, 1);
  self->name = g_strdup (options->name ? options->name : "HTTP server");
  self->thread_name = g_strdup (options->thread_name ? options->thread_name : "gw-http");
  self->bind_address = g_strdup (options->bind_address);
  self->bind_port = g_strdup (options->bind_port);
  self->bind_address_option = g_strdup (options->bind_address_option);
  self->bind_port_option = g_strdup (options->bind_port_option);
  self->max_body_option = g_strdup (options->max_body_option);
  self->max_body_bytes = options->max_body_bytes;
  self->worker_threads = MAX (1, options->worker_threads);
  self->route = options->route;
  self->route_data_free = options->route_data_free;
  self->handler = options->handler;
  self->error_body = options->error_body;
  self->data = options->data;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  g_mutex_init (&self->pool_lock);
  g_mutex_init (&self->start_lock);
  g_cond_init (&self->start_cond);
  return self;
}

gboolean
gw_http_server_start (GwHttpServer *self, GError **error)
{
  g_return_val_if_fail (self != NULL && self->thread == NULL, FALSE);
  self->pool = g_thread_pool_new (run_job, self, (gint) self->worker_threads, FALSE, NULL);
  self->start_done = FALSE;
  self->thread = g_thread_new (self->thread_name, server_thread, self);
  g_mutex_lock (&self->start_lock);
  while (!self->start_done)
    g_cond_wait (&self->start_cond, &self->start_lock);
  g_mutex_unlock (&self->start_lock);
  if (self->start_error != NULL) {
    g_propagate_error (error, g_steal_pointer (&self->start_error));
    g_thread_join (g_steal_pointer (&self->thread));
    g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, TRUE);
    return FALSE;
  }
  return TRUE;
}

guint16
gw_http_server_get_port (GwHttpServer *self)
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
gw_http_server_stop (GwHttpServer *self)
{
  g_return_if_fail (self != NULL);
  if (self->thread == NULL)
    return;
  /* Finish in-flight requests first: their replies are invoked on the server context, which
   * keeps running until quit_loop. Requests arriving meanwhile get 503 (on_request). */
  g_mutex_lock (&self->pool_lock);
  GThreadPool *pool = g_steal_pointer (&self->pool);
  g_mutex_unlock (&self->pool_lock);
  g_thread_pool_free (pool, FALSE, TRUE);
  /* Quit from inside the context: the loop may not be running yet, or be between iterations. */
  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (g_steal_pointer (&self->thread));
}

void
gw_http_server_free (GwHttpServer *self)
{
  if (self == NULL)
    return;
  gw_http_server_stop (self);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->pool_lock);
  g_mutex_clear (&self->start_lock);
  g_cond_clear (&self->start_cond);
  g_clear_error (&self->start_error);
  g_free (self->name);
  g_free (self->thread_name);
  g_free (self->bind_address);
  g_free (self->bind_port);
  g_free (self->bind_address_option);
  g_free (self->bind_port_option);
  g_free (self->max_body_option);
  g_free (self);
}
