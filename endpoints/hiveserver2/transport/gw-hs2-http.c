/* GwHs2Http: HiveServer2 over HTTP on a GwHttpServer (its own GMainContext thread, as the REST
 * endpoint's): each POST is paused, processed on a worker thread, then answered through
 * g_main_context_invoke + unpause. */
#include "gw-hs2-http.h"
#include "gw-hs2-server-private.h"
#include "gw-http-server.h"

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
  GwHttpServer        *server;          /* owned */
};

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
set_text (GwHttpResponse *response, guint status, const char *text)
{
  response->status = status;
  response->content_type = TEXT_CONTENT_TYPE;
  response->body = g_bytes_new (text, strlen (text));
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

/* Runs the processor on the body; fills the response. */
static void
process_body (GwHs2Http *self, const GwHttpRequest *request, const char *peer, const char *user,
              GwHttpResponse *response)
{
  g_autoptr (GInputStream) input = g_memory_input_stream_new_from_bytes (request->body);
  g_autoptr (GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr (GIOStream) stream = g_simple_io_stream_new (input, output);
  /* Not a ThriftMemoryBuffer: with c_glib 0.17 its read_all spins forever on a truncated body. */
  g_autoptr (GwHs2Transport) transport = gw_hs2_transport_new (stream, self->max_body_size);

  gpointer context = self->connection_open
                         ? self->connection_open (user, peer, self->connection_data)
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
    g_message ("HTTP request from %s: Thrift request failed: %s", peer, error->message);
    response->status = client_fault ? SOUP_STATUS_BAD_REQUEST : SOUP_STATUS_INTERNAL_SERVER_ERROR;
    response->content_type = TEXT_CONTENT_TYPE;
    response->body = text_body ("Thrift request failed: %s", error->message);
    return;
  }
  g_output_stream_close (output, NULL, NULL);
  response->status = SOUP_STATUS_OK;
  response->content_type = THRIFT_CONTENT_TYPE;
  response->body = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

/* Worker thread: authenticate, then run the processor. */
static void
http_handle (const GwHttpRequest *request, GwHttpResponse *response, gpointer data)
{
  GwHs2Http *self = data;
  g_autofree gchar *user = NULL;
  g_autofree gchar *password = NULL;
  gboolean has_credentials =
      parse_basic (gw_http_request_get_header (request, "Authorization"), &user, &password);
  g_autoptr (GError) error = NULL;
  if (self->authenticate != NULL &&
      (!has_credentials || !self->authenticate (user, password, self->auth_data, &error))) {
    gw_http_response_set_header (response, "WWW-Authenticate", "Basic realm=\"sql-gateway\"");
    response->status = SOUP_STATUS_UNAUTHORIZED;
    response->content_type = TEXT_CONTENT_TYPE;
    response->body = text_body ("Authentication failed: %s",
                                has_credentials ? (error ? error->message : "refused")
                                                : "Basic credentials required");
    return;
  }
  g_autofree gchar *peer = gw_hs2_describe_peer (request->remote_address);
  process_body (self, request, peer, user, response);
}

/* Server thread: only POST to the path goes to a worker. */
static gboolean
http_route (GwHttpRequest *request, GwHttpResponse *response, gpointer data)
{
  GwHs2Http *self = data;
  if (g_strcmp0 (request->path, self->path) != 0) {
    set_text (response, SOUP_STATUS_NOT_FOUND, "Not found");
    return TRUE;
  }
  if (strcmp (request->method, SOUP_METHOD_POST) != 0) {
    gw_http_response_set_header (response, "Allow", "POST");
    set_text (response, SOUP_STATUS_METHOD_NOT_ALLOWED, "Thrift over HTTP takes POST only");
    return TRUE;
  }
  return FALSE;
}

/* Bodies of the answers the server makes itself (413, 503). */
static void
http_error_body (GwHttpResponse *response, const char *message, gpointer data)
{
  set_text (response, response->status, message);
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
  return self;
}

gboolean
gw_hs2_http_start (GwHs2Http *self, GError **error)
{
  g_return_val_if_fail (self != NULL && self->server == NULL, FALSE);
  g_autofree gchar *port = g_strdup_printf ("%u", self->port);
  GwHttpServerOptions options = {
    .name = "HiveServer2 HTTP endpoint",
    .thread_name = "gw-hs2-http",
    .bind_address = self->bind_address,
    .bind_port = port,
    .max_body_bytes = self->max_body_size,
    .worker_threads = self->worker_threads,
    .route = http_route,
    .handler = http_handle,
    .error_body = http_error_body,
    .data = self,
  };
  self->server = gw_http_server_new (&options);
  if (!gw_http_server_start (self->server, error)) {
    g_clear_pointer (&self->server, gw_http_server_free);
    return FALSE;
  }
  self->port = gw_http_server_get_port (self->server);
  return TRUE;
}

guint16
gw_hs2_http_get_port (GwHs2Http *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->port;
}

void
gw_hs2_http_stop (GwHs2Http *self)
{
  g_return_if_fail (self != NULL);
  if (self->server != NULL)
    gw_http_server_stop (self->server);
}

void
gw_hs2_http_free (GwHs2Http *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->server, gw_http_server_free);
  g_clear_object (&self->processor);
  g_free (self->bind_address);
  g_free (self->path);
  g_free (self);
}
