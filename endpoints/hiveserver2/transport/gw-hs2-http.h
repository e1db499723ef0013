/* GwHs2Http: HiveServer2 HTTP transport mode (hive.server2.transport.mode=http): each RPC is
 * one POST to the path (default /cliservice) whose body is one TBinaryProtocol message and
 * whose 200 response body (application/x-thrift) is the reply (reference/hiveserver2.md §4.3).
 * A SoupServer on its own GMainContext thread; the processor runs on worker threads.
 *
 * The connection hooks of GwHs2ServerOptions run per HTTP request here: an HTTP client's HS2
 * session spans many requests (and TCP connections), so a context lives for one request and
 * must not hold session state; the user comes from the request's Basic credentials. */
#pragma once

#include "gw-hs2-server.h"

G_BEGIN_DECLS

typedef struct {
  const char          *bind_address;     /* NULL = "127.0.0.1" */
  guint16              port;             /* 0 = an ephemeral port, see gw_hs2_http_get_port() */
  const char          *path;             /* NULL = "/cliservice" (hive.server2.thrift.http.path) */
  guint32              max_body_size;    /* larger bodies get 413; 0 = GW_HS2_DEFAULT_MAX_MESSAGE_SIZE */
  guint                worker_threads;   /* requests processed at once; 0 = 8 */
  /* NULL = authentication NONE: any Basic credentials, or none. Otherwise Basic credentials
   * are required and checked (401 with WWW-Authenticate otherwise). */
  GwHs2Authenticate    authenticate;
  gpointer             auth_data;
  ThriftProcessor     *processor;        /* shared, thread-safe; a reference is taken */
  GwHs2ConnectionOpen  connection_open;  /* per request, see above */
  GwHs2ConnectionClose connection_close;
  gpointer             connection_data;
} GwHs2HttpOptions;

typedef struct _GwHs2Http GwHs2Http;

GwHs2Http *gw_hs2_http_new      (const GwHs2HttpOptions *options);
gboolean   gw_hs2_http_start    (GwHs2Http *self, GError **error);
guint16    gw_hs2_http_get_port (GwHs2Http *self);
/* Finishes the requests in progress, then stops listening. */
void       gw_hs2_http_stop     (GwHs2Http *self);
void       gw_hs2_http_free     (GwHs2Http *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwHs2Http, gw_hs2_http_free)

G_END_DECLS
