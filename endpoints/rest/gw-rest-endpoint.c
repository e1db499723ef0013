/* REST endpoint: routes and handles requests on a GwHttpServer (server thread, listening,
 * request size limit and worker dispatch live there). */
#include "gw-rest-endpoint.h"
#include "gw-rest-error.h"
#include "gw-rest-handlers.h"

#include "gw-http-server.h"

typedef struct {
  GwEndpoint    parent;
  GwService    *service;            /* borrowed */
  gchar        *address;            /* sql-gateway.endpoint.rest.address */
  gchar        *bind_address;
  gchar        *bind_ports;         /* "8083", "50100,50101", "50100-50200" */
  gint64        max_content_length;
  guint         worker_threads;
  GwHttpServer *server;             /* owned; NULL until started */
} GwRestEndpoint;

#define REST_OPTION(suffix) "sql-gateway.endpoint.rest." suffix
#define JSON_CONTENT_TYPE "application/json; charset=UTF-8"

static void
set_json_body (GwHttpResponse *response, guint status, GString *body)
{
  response->status = status;
  response->content_type = JSON_CONTENT_TYPE;
  response->body = g_string_free_to_bytes (body);
}

/* Bodies of the answers the server makes itself (413, 503). */
static void
rest_error_body (GwHttpResponse *response, const char *message, gpointer data)
{
  GString *body = g_string_new (NULL);
  gw_rest_simple_error_body (body, message);
  set_json_body (response, response->status, body);
}

/* Server thread: match the route; 404 and 400 answer at once. */
static gboolean
rest_route (GwHttpRequest *request, GwHttpResponse *response, gpointer data)
{
  GwRestRoute route = { 0 };
  const char *bad_param = NULL;
  g_autofree gchar *bad_value = NULL;
  GwRouteResult matched = gw_rest_route (request->method, request->path, &route, &bad_param,
                                         &bad_value);
  if (matched == GW_ROUTE_MATCHED) {
    request->route_data = g_memdup2 (&route, sizeof route);
    return FALSE;
  }
  g_autofree gchar *message = NULL;
  if (matched == GW_ROUTE_NOT_FOUND) {
    message = g_strdup_printf ("Not found: %s", request->path);
    response->status = SOUP_STATUS_NOT_FOUND;
  } else {
    message = g_strdup_printf ("Bad request, could not parse parameters: Cannot resolve path "
                               "parameter (%s) from value \"%s\".", bad_param, bad_value);
    response->status = SOUP_STATUS_BAD_REQUEST;
  }
  rest_error_body (response, message, data);
  return TRUE;
}

/* Worker thread: the handler may block on the service. */
static void
rest_handle (const GwHttpRequest *request, GwHttpResponse *response, gpointer data)
{
  GwRestEndpoint *self = data;
  GwRestReply reply = { .body = g_string_sized_new (256) };
  gw_rest_handle (self->service, request->route_data, request->body, request->query, &reply);
  set_json_body (response, reply.status, reply.body);
}

static gboolean
rest_start (GwEndpoint *endpoint, GError **error)
{
  GwRestEndpoint *self = (GwRestEndpoint *) endpoint;
  GwHttpServerOptions options = {
    .name = "REST endpoint",
    .thread_name = "gw-rest",
    .bind_address = self->bind_address,
    .bind_port = self->bind_ports,
    .bind_address_option = REST_OPTION ("bind-address"),
    .bind_port_option = REST_OPTION ("bind-port"),
    .max_body_option = REST_OPTION ("max-content-length"),
    .max_body_bytes = self->max_content_length,
    .worker_threads = self->worker_threads,
    .route = rest_route,
    .route_data_free = g_free,
    .handler = rest_handle,
    .error_body = rest_error_body,
    .data = self,
  };
  self->server = gw_http_server_new (&options);
  if (!gw_http_server_start (self->server, error)) {
    g_clear_pointer (&self->server, gw_http_server_free);
    return FALSE;
  }
  g_message ("REST endpoint listening on http://%s:%u (address %s)", self->bind_address,
             gw_http_server_get_port (self->server), self->address);
  return TRUE;
}

static void
rest_stop (GwEndpoint *endpoint)
{
  GwRestEndpoint *self = (GwRestEndpoint *) endpoint;
  if (self->server != NULL)
    gw_http_server_stop (self->server);
}

static void
rest_free (GwEndpoint *endpoint)
{
  GwRestEndpoint *self = (GwRestEndpoint *) endpoint;
  g_clear_pointer (&self->server, gw_http_server_free);
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
  return &self->parent;
}

guint
gw_rest_endpoint_get_port (GwEndpoint *endpoint)
{
  GwRestEndpoint *self = (GwRestEndpoint *) endpoint;
  return self->server ? gw_http_server_get_port (self->server) : 0;
}
