/* GwHttpServer: a SoupServer on its own GMainContext thread, shared by the REST endpoint and the
 * HiveServer2 HTTP transport. The server thread accepts connections itself (libsoup 3.2's own
 * listener leaks, see gw-http-server.c), refuses oversized bodies with 413, and hands each
 * request to a worker thread: the message is paused, the handler runs on a GThreadPool, and the
 * response is set back on the server thread (g_main_context_invoke + unpause). Every response
 * closes its connection. Stop finishes the requests in progress, then stops listening. */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _GwHttpServer GwHttpServer;

/* A request as the route and the handler see it. Everything here is owned by the server and
 * safe to read on the worker thread (the headers are a copy). */
typedef struct {
  const char         *method;
  const char         *path;
  const char         *query;          /* nullable: the raw query string */
  GBytes             *body;           /* the whole request body */
  SoupMessageHeaders *headers;        /* the request headers */
  GSocketAddress     *remote_address; /* nullable: the peer */
  /* Set by the route for the handler; freed with GwHttpServerOptions.route_data_free. */
  gpointer            route_data;
} GwHttpRequest;

/* The answer; status 0 until someone sets it. */
typedef struct {
  guint               status;
  const char         *content_type;   /* static string */
  GBytes             *body;           /* owned, nullable */
  SoupMessageHeaders *headers;        /* extra response headers, see gw_http_response_set_header */
} GwHttpResponse;

/* Runs on a worker thread: fills the response (status, content type and body). */
typedef void     (*GwHttpHandler)   (const GwHttpRequest *request, GwHttpResponse *response,
                                     gpointer data);
/* Runs on the server thread before the request goes to a worker, and must not block. Returns
 * TRUE when it answered at once (the response filled: 404, 405, a parse error...), FALSE to hand
 * the request to the handler (after setting request->route_data if the handler needs it). */
typedef gboolean (*GwHttpRoute)     (GwHttpRequest *request, GwHttpResponse *response,
                                     gpointer data);
/* Fills the body of an answer the server makes itself (413 too large, 503 stopping) from a
 * one-line message; runs on the server thread. */
typedef void     (*GwHttpErrorBody) (GwHttpResponse *response, const char *message, gpointer data);

typedef struct {
  const char     *name;                /* in messages: "REST endpoint" */
  const char     *thread_name;         /* the server thread: "gw-rest" */
  const char     *bind_address;        /* an IP address */
  /* "8083", a list "50100,50101" or a range "50100-50200": the first port that binds wins;
   * "0" picks a free port, see gw_http_server_get_port(). */
  const char     *bind_port;
  /* The options the two above and max_body_bytes come from, for error messages; nullable. */
  const char     *bind_address_option;
  const char     *bind_port_option;
  const char     *max_body_option;
  gint64          max_body_bytes;      /* larger request bodies get 413 */
  guint           worker_threads;      /* requests handled at once; 0 = 1 */
  GwHttpRoute     route;               /* nullable */
  GDestroyNotify  route_data_free;     /* for GwHttpRequest.route_data; nullable */
  GwHttpHandler   handler;
  GwHttpErrorBody error_body;          /* nullable: an empty body */
  gpointer        data;                /* for route, handler and error_body */
} GwHttpServerOptions;

GwHttpServer *gw_http_server_new      (const GwHttpServerOptions *options);
/* Binds and starts serving; FALSE (GW_ERROR_CONFIG) if the address or port spec is invalid or
 * no port binds. */
gboolean      gw_http_server_start    (GwHttpServer *server, GError **error);
/* The port actually bound, after start. */
guint16       gw_http_server_get_port (GwHttpServer *server);
/* Finishes the requests in progress, then stops listening. Idempotent. */
void          gw_http_server_stop     (GwHttpServer *server);
void          gw_http_server_free     (GwHttpServer *server);

/* A header of the request (the first value), or NULL. */
const char   *gw_http_request_get_header  (const GwHttpRequest *request, const char *name);
/* Sets (replaces) a response header. */
void          gw_http_response_set_header (GwHttpResponse *response, const char *name,
                                           const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwHttpServer, gw_http_server_free)

G_END_DECLS
