/* Shared by the binary-mode server and the HTTP mode of the HiveServer2 transport. */
#pragma once

#include "gw-hs2-server.h"
#include "gw-hs2-transport.h"

G_BEGIN_DECLS

/* Sets what gw_hs2_server_get_connection_context() returns on the calling thread. */
void     gw_hs2_server_set_connection_context (gpointer context);

/* Runs processor on the messages of transport until the input ends cleanly between two
 * messages (TRUE) or a read, a message or a write fails (FALSE). *messages counts the
 * messages processed. */
gboolean gw_hs2_server_process_messages (ThriftProcessor *processor, GwHs2Transport *transport,
                                         guint *messages, GError **error);

/* "address:port" ("[v6]:port") of a client, for log lines and the connection hook. */
gchar   *gw_hs2_describe_peer (GSocketAddress *address);

G_END_DECLS
