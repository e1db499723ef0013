/* GwHs2Protocol: TBinaryProtocol (strict) for untrusted peers. A ThriftBinaryProtocol subclass
 * that adds the checks Thrift c_glib 0.17 leaves out when reading:
 *  - an unversioned message header is refused (0.17 returns success and leaves the name,
 *    type and seqid unset, which the dispatch processor then uses);
 *  - a string, binary or container length is checked against the transport's remaining
 *    message budget before anything is allocated (0.17 allocates the claimed length first and
 *    accepts a negative binary length);
 *  - structs and containers nest at most max_depth deep (thrift_protocol_skip recurses without
 *    a limit, so a few hundred KB of nested headers would overflow the connection thread's
 *    stack). Writing is the parent's. */
#pragma once

#include <thrift/c_glib/protocol/thrift_binary_protocol.h>

G_BEGIN_DECLS

/* Thrift's default recursion limit (TConfiguration.DEFAULT_RECURSION_DEPTH). */
#define GW_HS2_DEFAULT_MAX_DEPTH 64

#define GW_TYPE_HS2_PROTOCOL    (gw_hs2_protocol_get_type ())
#define GW_HS2_PROTOCOL(obj)    (G_TYPE_CHECK_INSTANCE_CAST ((obj), GW_TYPE_HS2_PROTOCOL, GwHs2Protocol))
#define GW_IS_HS2_PROTOCOL(obj) (G_TYPE_CHECK_INSTANCE_TYPE ((obj), GW_TYPE_HS2_PROTOCOL))

typedef struct _GwHs2Protocol GwHs2Protocol;

GType           gw_hs2_protocol_get_type (void);
/* The protocol holds a reference on the transport. max_depth 0 = GW_HS2_DEFAULT_MAX_DEPTH. */
ThriftProtocol *gw_hs2_protocol_new      (ThriftTransport *transport, guint max_depth);

G_END_DECLS
