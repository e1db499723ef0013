/* HiveServer2 endpoint: reads its options, builds one processor over the handler and serves
 * it on the binary listener and (unless thrift.http.port is -1) the HTTP listener. */
#include "gw-hs2-endpoint.h"
#include "gw-hs2-handler.h"
#include "gw-hs2-http.h"
#include "gw-hs2-processor.h"
#include "gw-hs2-server.h"
#include "gw-hs2-transport.h"

#define HS2_OPTION(suffix) "sql-gateway.endpoint.hiveserver2." suffix
/* How long stop waits for calls in progress and for connection threads, each. */
#define STOP_TIMEOUT_MS 5000
#define HTTP_PATH "/cliservice"

typedef struct {
  GwEndpoint       parent;
  GwService       *service;          /* borrowed */
  gchar           *host;
  guint16          port;
  gint             http_port;        /* -1 = no HTTP listener */
  gint             max_threads;
  guint            login_timeout_ms;
  guint32          max_message_size;
  GwHs2AuthMethods methods;
  GwHs2Handler    *handler;          /* owned */
  ThriftProcessor *processor;        /* owned */
  GwHs2Server     *server;           /* owned, after start */
  GwHs2Http       *http;             /* owned, after start */
  gboolean         stopped;
} GwHs2Endpoint;

/* Connection hooks (data = the handler, kept alive by the processor the transports hold). A
 * TCP connection owns the sessions it opens; an HTTP request does not (the session spans
 * requests and connections). */
static gpointer
on_tcp_open (const char *user, const char *peer, gpointer data)
{
  return gw_hs2_handler_open_connection (data, user, peer, TRUE);
}

static gpointer
on_http_open (const char *user, const char *peer, gpointer data)
{
  return gw_hs2_handler_open_connection (data, user, peer, FALSE);
}

static void
on_close (gpointer connection, gpointer data)
{
  gw_hs2_handler_close_connection (data, connection);
}

static gboolean
hs2_start (GwEndpoint *endpoint, GError **error)
{
  GwHs2Endpoint *self = (GwHs2Endpoint *) endpoint;
  GwHs2ServerOptions options = {
    .bind_address = self->host,
    .port = self->port,
    .max_threads = self->max_threads,
    .login_timeout_ms = self->login_timeout_ms,
    .max_message_size = self->max_message_size,
    .stop_timeout_ms = STOP_TIMEOUT_MS,
    .methods = self->methods,
    .authenticate = NULL, /* NONE: any user and password, the user is recorded */
    .processor = self->processor,
    .connection_open = on_tcp_open,
    .connection_close = on_close,
    .connection_data = self->handler,
  };
  self->server = gw_hs2_server_new (&options);
  if (!gw_hs2_server_start (self->server, error)) {
    g_clear_pointer (&self->server, gw_hs2_server_free);
    return FALSE;
  }
  g_message ("HiveServer2 endpoint listening on %s:%u (binary)", self->host,
             gw_hs2_server_get_port (self->server));

  if (self->http_port >= 0) {
    GwHs2HttpOptions http_options = {
      .bind_address = self->host,
      .port = (guint16) self->http_port,
      .path = HTTP_PATH,
      .max_body_size = self->max_message_size,
      .worker_threads = (guint) self->max_threads,
      .authenticate = NULL,
      .processor = self->processor,
      .connection_open = on_http_open,
      .connection_close = on_close,
      .connection_data = self->handler,
    };
    self->http = gw_hs2_http_new (&http_options);
    if (!gw_hs2_http_start (self->http, error)) {
      g_clear_pointer (&self->http, gw_hs2_http_free);
      gw_hs2_server_stop (self->server);
      g_clear_pointer (&self->server, gw_hs2_server_free);
      return FALSE;
    }
    g_message ("HiveServer2 endpoint listening on http://%s:%u" HTTP_PATH " (http)", self->host,
               gw_hs2_http_get_port (self->http));
  }
  return TRUE;
}

static void
hs2_stop (GwEndpoint *endpoint)
{
  GwHs2Endpoint *self = (GwHs2Endpoint *) endpoint;
  if (self->stopped || (self->server == NULL && self->http == NULL))
    return;
  self->stopped = TRUE;
  /* The handler first: it refuses new calls and closes its sessions, which ends the waits of
   * synchronous statements and long polls; then the listeners and their threads. */
  gw_hs2_handler_shutdown (self->handler, STOP_TIMEOUT_MS);
  if (self->server != NULL)
    gw_hs2_server_stop (self->server);
  if (self->http != NULL)
    gw_hs2_http_stop (self->http);
}

static void
hs2_free (GwEndpoint *endpoint)
{
  GwHs2Endpoint *self = (GwHs2Endpoint *) endpoint;
  hs2_stop (endpoint);
  g_clear_pointer (&self->server, gw_hs2_server_free);
  g_clear_pointer (&self->http, gw_hs2_http_free);
  g_clear_object (&self->processor);
  g_clear_object (&self->handler);
  g_free (self->host);
  g_free (self);
}

static const GwEndpointClass hs2_endpoint_class = { hs2_start, hs2_stop, hs2_free };

/* An integer option within [min, max], or a GW_ERROR_CONFIG naming it. */
static gboolean
int_option (GwConfig *config, const char *key, gint64 min, gint64 max, gint64 *out,
            GError **error)
{
  gint64 value = gw_config_get_int (config, key);
  if (value < min || value > max) {
    g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                 "Invalid value '%s' for option '%s': expected %" G_GINT64_FORMAT " to %"
                 G_GINT64_FORMAT ".", gw_config_get_string (config, key), key, min, max);
    return FALSE;
  }
  *out = value;
  return TRUE;
}

GwEndpoint *
gw_hs2_endpoint_new (GwService *service, GError **error)
{
  g_return_val_if_fail (service != NULL, NULL);
  GwConfig *config = gw_service_get_config (service);
  gint64 port, http_port, max_threads, default_fetch, max_fetch, max_message;
  if (!int_option (config, HS2_OPTION ("thrift.port"), 0, 65535, &port, error) ||
      !int_option (config, HS2_OPTION ("thrift.http.port"), -1, 65535, &http_port, error) ||
      !int_option (config, HS2_OPTION ("thrift.worker.threads.max"), 1, G_MAXINT, &max_threads,
                   error) ||
      !int_option (config, HS2_OPTION ("thrift.resultset.default.fetch.size"), 1, G_MAXINT,
                   &default_fetch, error) ||
      !int_option (config, HS2_OPTION ("thrift.resultset.max.fetch.size"), 1, G_MAXINT,
                   &max_fetch, error) ||
      !int_option (config, HS2_OPTION ("thrift.max.message.size"), 1, G_MAXINT64, &max_message,
                   error))
    return NULL;
  const char *host = gw_config_get_string (config, HS2_OPTION ("thrift.host"));
  const char *authentication = gw_config_get_string (config, HS2_OPTION ("authentication"));
  GwHs2HandlerOptions handler_options = {
    .catalog = gw_config_get_string (config, HS2_OPTION ("catalog.name")),
    .database = gw_config_get_string (config, HS2_OPTION ("catalog.default-database")),
    .default_fetch_size = (gint) default_fetch,
    .max_fetch_size = (gint) max_fetch,
    .long_poll_ms = gw_config_get_duration_ms (config, HS2_OPTION ("thrift.long-polling.timeout")),
  };

  GwHs2Endpoint *self = g_new0 (GwHs2Endpoint, 1);
  self->parent.klass = &hs2_endpoint_class;
  self->parent.identifier = "hiveserver2";
  self->service = service;
  self->host = g_strdup (host && *host ? host : "127.0.0.1");
  self->port = (guint16) port;
  self->http_port = (gint) http_port;
  self->max_threads = (gint) max_threads;
  self->login_timeout_ms = (guint) CLAMP (
      gw_config_get_duration_ms (config, HS2_OPTION ("thrift.login.timeout")), 0, G_MAXUINT);
  self->max_message_size = (guint32) MIN (max_message, (gint64) GW_HS2_MAX_MESSAGE_SIZE_LIMIT);
  /* NONE (Hive's default): SASL PLAIN with any credentials, and raw NOSASL clients on the same
   * port; NOSASL: raw clients only. */
  self->methods = g_ascii_strcasecmp (authentication ? authentication : "NONE", "NOSASL") == 0
                      ? GW_HS2_AUTH_METHOD_NOSASL
                      : GW_HS2_AUTH_METHOD_NOSASL | GW_HS2_AUTH_METHOD_SASL_PLAIN;
  self->handler = gw_hs2_handler_new (service, &handler_options);
  self->processor = gw_hs2_processor_new (self->handler);
  return &self->parent;
}

guint
gw_hs2_endpoint_get_port (GwEndpoint *endpoint)
{
  GwHs2Endpoint *self = (GwHs2Endpoint *) endpoint;
  return self->server ? gw_hs2_server_get_port (self->server) : 0;
}

guint
gw_hs2_endpoint_get_http_port (GwEndpoint *endpoint)
{
  GwHs2Endpoint *self = (GwHs2Endpoint *) endpoint;
  return self->http ? gw_hs2_http_get_port (self->http) : 0;
}
