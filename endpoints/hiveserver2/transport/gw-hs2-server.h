/* GwHs2Server: the HiveServer2 binary-mode listener. One GThreadedSocketService thread per TCP
 * connection (an HS2 client holds its connection for the whole session). The first byte picks
 * the transport: 0x80 = NOSASL (raw strict TBinaryProtocol), 0x01 = SASL PLAIN handshake then
 * 4-byte framed messages (reference/hiveserver2.md §4.2). Then the shared processor runs one
 * message at a time until the client closes; a bad message closes only its own connection.
 *
 * GIO sockets write with MSG_NOSIGNAL, so a client that drops does not raise SIGPIPE here;
 * main() still ignores SIGPIPE for the libraries that do not (c_glib's ThriftSocket). */
#pragma once

#include "gw-hs2-sasl.h"

#include <thrift/c_glib/processor/thrift_processor.h>

G_BEGIN_DECLS

/* Which clients a listener accepts; sniffed from the first byte of a connection. */
typedef enum {
  GW_HS2_AUTH_METHOD_NOSASL     = 1 << 0, /* raw TBinaryProtocol, no handshake (auth=noSasl) */
  GW_HS2_AUTH_METHOD_SASL_PLAIN = 1 << 1, /* SASL PLAIN, then framed (Hive's default, NONE) */
} GwHs2AuthMethods;

/* Called on the connection's thread once the client logged in. user: the SASL PLAIN or HTTP
 * Basic user, NULL for NOSASL (the user then comes with TOpenSessionReq.username). peer:
 * "address:port". The result is the connection context, see
 * gw_hs2_server_get_connection_context(). */
typedef gpointer (*GwHs2ConnectionOpen)  (const char *user, const char *peer, gpointer data);
/* Called on the same thread after the last message of the connection (closed, failed or the
 * server stopping): the place to close what the connection opened (Hive closes the sessions
 * of a dropped connection). */
typedef void     (*GwHs2ConnectionClose) (gpointer conn_ctx, gpointer data);

typedef struct {
  const char          *bind_address;     /* NULL = "127.0.0.1" */
  guint16              port;             /* 0 = an ephemeral port, see gw_hs2_server_get_port() */
  /* Connection threads at once; -1 (or 0) = unbounded. A connection over the limit is closed
   * at once rather than queued: a queued HS2 client would hang for its whole session. */
  gint                 max_threads;
  /* First byte + SASL handshake; 0 = no limit. A timer on the server thread cancels the
   * connection's I/O (g_socket_set_timeout counts whole seconds only). */
  guint                login_timeout_ms;
  guint32              max_message_size; /* per Thrift message; 0 = GW_HS2_DEFAULT_MAX_MESSAGE_SIZE */
  guint                stop_timeout_ms;  /* how long stop waits for connection threads; 0 = 5000 */
  GwHs2AuthMethods     methods;
  GwHs2Authenticate    authenticate;     /* NULL = authentication NONE: any user and password */
  gpointer             auth_data;
  /* Shared by every connection thread: must be thread-safe (generated processors are: their
   * process map is read-only; the handler is the caller's). A reference is taken. */
  ThriftProcessor     *processor;
  GwHs2ConnectionOpen  connection_open;  /* NULL = no context */
  GwHs2ConnectionClose connection_close; /* may be NULL */
  gpointer             connection_data;  /* for both hooks; must outlive every connection */
} GwHs2ServerOptions;

typedef struct _GwHs2Server GwHs2Server;

/* Copies the options; nothing is bound before start. */
GwHs2Server *gw_hs2_server_new      (const GwHs2ServerOptions *options);
/* Binds and starts accepting on the server's own thread. */
gboolean     gw_hs2_server_start    (GwHs2Server *self, GError **error);
/* The port actually bound (after start). */
guint16      gw_hs2_server_get_port (GwHs2Server *self);
/* Closes the listener, cancels every connection's I/O and waits up to stop_timeout_ms for the
 * connection threads. FALSE if some were still busy (in a handler call) at the deadline; their
 * hooks may still run later. */
gboolean     gw_hs2_server_stop     (GwHs2Server *self);
/* Stops if needed. Shared state stays alive until the last connection thread ends. */
void         gw_hs2_server_free     (GwHs2Server *self);

/* The context GwHs2ConnectionOpen returned for the connection (or HTTP request) whose message
 * the calling thread is processing; NULL outside a processor call. For the handler: which
 * connection does this call belong to. */
gpointer     gw_hs2_server_get_connection_context (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwHs2Server, gw_hs2_server_free)

G_END_DECLS
