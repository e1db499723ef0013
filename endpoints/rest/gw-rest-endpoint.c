/* REST endpoint: server thread, listening, request size limit and worker dispatch. */
#include "gw-rest-endpoint.h"
#include "gw-rest-error.h"
#include "gw-rest-handlers.h"

#include <libsoup/soup.h>

typedef struct {
  GwEndpoint    parent;
  GwService    *service;            /* borrowed */
  gchar        *address;            /* sql-gateway.endpoint.rest.address */
  gchar        *bind_address;
  gchar        *bind_ports;         /* "8083", "50100,50101", "50100-50200" */
  gint64        max_content_length;
  guint         worker_threads;
  GMainContext *context;            /* owned: the server's thread-default context */
  GMainLoop    *loop;
  GThread      *thread;
  SoupServer   *server;             /* owned, lives in context */
  GSocketService *listener;         /* owned: accepts connections for server */
  GThreadPool  *pool;               /* owned, runs RestJob* */
  guint         port;
  GMutex        start_lock;
  GCond         start_cond;
  gboolean      start_done;
  GError       *start_error;
} GwRestEndpoint;

#define REST_OPTION(suffix) "sql-gateway.endpoint.rest." suffix

/* A request travelling from the server thread to a worker and back. */
typedef struct {
  GwRestEndpoint    *endpoint;
  SoupServerMessage *msg;    /* owned ref */
  GwRestRoute        route;
  GBytes            *body;   /* owned */
  gchar             *query;  /* owned */
  GwRestReply        reply;
} RestJob;

static void
set_json_response (SoupServerMessage *msg, guint status, GString *body)
{
  /* libsoup 3.2 keeps a connection alive only for servers with a listener of their own, which
   * ours has not (see on_incoming): it closes after each response, so say so, and clients that
   * reuse connections reconnect instead of failing on a reset. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  soup_server_message_set_status (msg, status, NULL);
  gsize len = body->len;
  soup_server_message_set_response (msg, "application/json; charset=UTF-8", SOUP_MEMORY_TAKE,
                                    g_string_free (body, FALSE), len);
}

static void
reply_simple_error (SoupServerMessage *msg, guint status, const char *message)
{
  GString *body = g_string_new (NULL);
  gw_rest_simple_error_body (body, message);
  set_json_response (msg, status, body);
}

static gboolean
finish_job (gpointer data)
{
  RestJob *job = data;
  set_json_response (job->msg, job->reply.status, g_steal_pointer (&job->reply.body));
  soup_server_message_unpause (job->msg);
  g_object_unref (job->msg);
  g_bytes_unref (job->body);
  g_free (job->query);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static void
run_job (gpointer data, gpointer user_data)
{
  RestJob *job = data;
  job->reply.body = g_string_sized_new (256);
  gw_rest_handle (job->endpoint->service, &job->route, job->body, job->query, &job->reply);
  g_main_context_invoke (job->endpoint->context, finish_job, job);
}

static const char too_large_key[] = "gw-rest-too-large";

static void
on_got_chunk (SoupServerMessage *msg, GBytes *chunk, gpointer data)
{
  GwRestEndpoint *self = data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  if (body->length > self->max_content_length) {
    g_object_set_data (G_OBJECT (msg), too_large_key, GINT_TO_POINTER (1));
    soup_message_body_truncate (body); /* keep memory bounded while the rest arrives */
  }
}

/* Runs once the headers are in: refuse declared oversized bodies before reading them. */
static void
on_early_request (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                  gpointer data)
{
  GwRestEndpoint *self = data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > self->max_content_length) {
    g_autofree gchar *message = g_strdup_printf (
        "Request body of %" G_GINT64_FORMAT " bytes exceeds the limit of %" G_GINT64_FORMAT
        " bytes (sql-gateway.endpoint.rest.max-content-length).",
        soup_message_headers_get_content_length (headers), self->max_content_length);
    reply_simple_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, message);
    return;
  }
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), self);
}

static void
on_request (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer data)
{
  GwRestEndpoint *self = data;
  if (soup_server_message_get_status (msg) != 0)
    return; /* answered by the early handler */
  if (g_object_get_data (G_OBJECT (msg), too_large_key)) {
    g_autofree gchar *message = g_strdup_printf (
        "Request body exceeds the limit of %" G_GINT64_FORMAT
        " bytes (sql-gateway.endpoint.rest.max-content-length).", self->max_content_length);
    reply_simple_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, message);
    return;
  }
  GUri *uri = soup_server_message_get_uri (msg);
  RestJob *job = g_new0 (RestJob, 1);
  const char *bad_param = NULL;
  g_autofree gchar *bad_value = NULL;
  GwRouteResult matched = gw_rest_route (soup_server_message_get_method (msg), g_uri_get_path (uri),
                                         &job->route, &bad_param, &bad_value);
  if (matched != GW_ROUTE_MATCHED) {
    g_free (job);
    g_autofree gchar *message = NULL;
    if (matched == GW_ROUTE_NOT_FOUND) {
      message = g_strdup_printf ("Not found: %s", g_uri_get_path (uri));
      reply_simple_error (msg, SOUP_STATUS_NOT_FOUND, message);
    } else {
      message = g_strdup_printf ("Bad request, could not parse parameters: Cannot resolve path "
                                 "parameter (%s) from value \"%s\".", bad_param, bad_value);
      reply_simple_error (msg, SOUP_STATUS_BAD_REQUEST, message);
    }
    return;
  }
  job->endpoint = self;
  job->msg = g_object_ref (msg);
  job->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  job->query = g_strdup (g_uri_get_query (uri));
  soup_server_message_pause (msg);
  g_thread_pool_push (self->pool, job, NULL);
}

/* We accept connections ourselves and hand them to the server: libsoup 3.2's own listener
 * (Debian bookworm) leaks every accepted GSocket, about 340 bytes per connection (measured:
 * 20,000 connections here leave RSS flat). Its keep-alive handling also leaks the descriptor of
 * an idle connection the client closes (fixed upstream in 3.3); every response therefore closes
 * its connection (set_json_response). */
static gboolean
on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, gpointer data)
{
  GwRestEndpoint *self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr (GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  if (!soup_server_accept_iostream (self->server, G_IO_STREAM (connection), local, remote, &error))
    g_message ("REST endpoint could not take a connection: %s", error->message);
  return TRUE;
}

/* Tries each port of the bind-port spec in order; the first that binds wins. */
static gboolean
listen_on_ports (GwRestEndpoint *self, GError **error)
{
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (self->bind_address);
  if (inet == NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                 "Invalid value '%s' for option 'sql-gateway.endpoint.rest.bind-address': expected "
                 "an IP address", self->bind_address);
    return FALSE;
  }
  g_auto (GStrv) items = g_strsplit (self->bind_ports, ",", -1);
  g_autoptr (GError) last = NULL;
  for (guint i = 0; items[i]; i++) {
    g_autofree gchar *item = g_strstrip (g_strdup (items[i]));
    g_auto (GStrv) range = g_strsplit (item, "-", 2);
    guint64 lo, hi;
    if (!g_ascii_string_to_unsigned (g_strstrip (range[0]), 10, 0, 65535, &lo, NULL) ||
        !g_ascii_string_to_unsigned (range[1] ? g_strstrip (range[1]) : range[0], 10, lo, 65535, &hi, NULL)) {
      g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                   "Invalid value '%s' for option 'sql-gateway.endpoint.rest.bind-port': expected a "
                   "port, a list '50100,50101' or a range '50100-50200'", self->bind_ports);
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
  g_set_error (error, GW_ERROR, GW_ERROR_CONFIG, "REST endpoint could not bind %s port %s: %s",
               self->bind_address, self->bind_ports, last ? last->message : "no port");
  return FALSE;
}

static gpointer
server_thread (gpointer data)
{
  GwRestEndpoint *self = data;
  g_main_context_push_thread_default (self->context);
  GError *error = NULL;
  self->server = soup_server_new ("server-header", "sql-gateway", NULL);
  soup_server_add_early_handler (self->server, NULL, on_early_request, self, NULL);
  soup_server_add_handler (self->server, NULL, on_request, self, NULL);
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
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Let sources queued by the disconnect run before the context goes away. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static gboolean
rest_start (GwEndpoint *endpoint, GError **error)
{
  GwRestEndpoint *self = (GwRestEndpoint *) endpoint;
  self->pool = g_thread_pool_new (run_job, self, (gint) self->worker_threads, FALSE, NULL);
  self->thread = g_thread_new ("gw-rest", server_thread, self);
  g_mutex_lock (&self->start_lock);
  while (!self->start_done)
    g_cond_wait (&self->start_cond, &self->start_lock);
  g_mutex_unlock (&self->start_lock);
  if (self->start_error != NULL) {
    g_propagate_error (error, g_steal_pointer (&self->start_error));
    g_thread_join (g_steal_pointer (&self->thread));
    return FALSE;
  }
  g_message ("REST endpoint listening on http://%s:%u (address %s)", self->bind_address,
             self->port, self->address);
  return TRUE;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
rest_stop (GwEndpoint *endpoint)
{
  GwRestEndpoint *self = (GwRestEndpoint *) endpoint;
  if (self->thread == NULL)
    return;
  /* Finish in-flight requests first: their replies are invoked on the server context. */
  g_thread_pool_free (g_steal_pointer (&self->pool), FALSE, TRUE);
  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (g_steal_pointer (&self->thread));
}

static void
rest_free (GwEndpoint *endpoint)
{
  GwRestEndpoint *self = (GwRestEndpoint *) endpoint;
  rest_stop (endpoint);
  if (self->pool)
    g_thread_pool_free (self->pool, TRUE, TRUE);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->start_lock);
  g_cond_clear (&self->start_cond);
  g_clear_error (&self->start_error);
  g_free (self->address);
  g_free (self->bind_address);
  g_free (self->bind_ports);
  g_free (self);
}

static const GwEndpointClass rest_endpoint_class = { rest_start, rest_stop, rest_free };

GwEndpoint *
gw_rest_endpoint_new (GwService *service, GError **error)
{
  GwConfig *config = gw_service_get_config (service);
  const char *address = gw_config_get_string (config, REST_OPTION ("address"));
  if (address == NULL || *address == '\0') {
    g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                 "Missing required option 'sql-gateway.endpoint.rest.address' (the address clients "
                 "use to reach the REST endpoint).");
    return NULL;
  }
  GwRestEndpoint *self = g_new0 (GwRestEndpoint, 1);
  self->parent.klass = &rest_endpoint_class;
  self->parent.identifier = "rest";
  self->service = service;
  self->address = g_strdup (address);
  self->bind_address = g_strdup (gw_config_get_string (config, REST_OPTION ("bind-address")));
  const char *bind_port = gw_config_get_string (config, REST_OPTION ("bind-port"));
  self->bind_ports = bind_port ? g_strdup (bind_port)
                               : g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  gw_config_get_int (config, REST_OPTION ("port")));
  self->max_content_length = gw_config_get_memory_bytes (config, REST_OPTION ("max-content-length"));
  self->worker_threads = (guint) MAX (1, gw_config_get_int (config, REST_OPTION ("worker-threads")));
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  g_mutex_init (&self->start_lock);
  g_cond_init (&self->start_cond);
  return &self->parent;
}

guint
gw_rest_endpoint_get_port (GwEndpoint *endpoint)
{
  return ((GwRestEndpoint *) endpoint)->port;
}
