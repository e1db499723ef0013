/* GwHs2Transport: the ThriftTransport of one HiveServer2 connection, over a GIOStream.
 * Reads are buffered (GBufferedInputStream) and exact; a reply is collected in memory and sent
 * with one write on flush. RAW framing carries NOSASL traffic and HTTP bodies; FRAMED carries
 * the messages after a SASL handshake (4-byte big-endian length + payload, as TFramedTransport).
 * Every message has a read budget: a frame or a field longer than the limit fails the read. */
#pragma once

#include <gio/gio.h>
#include <thrift/c_glib/transport/thrift_transport.h>

G_BEGIN_DECLS

/* Thrift's own default max message size (TConfiguration.DEFAULT_MAX_MESSAGE_SIZE). */
#define GW_HS2_DEFAULT_MAX_MESSAGE_SIZE (100u * 1024u * 1024u)
/* Above this a reply or a read count would not fit the gint32 that c_glib returns. */
#define GW_HS2_MAX_MESSAGE_SIZE_LIMIT   ((guint32) G_MAXINT32 - 64u)

typedef enum {
  GW_HS2_FRAMING_RAW,    /* NOSASL and HTTP bodies: the messages back to back, no framing */
  GW_HS2_FRAMING_FRAMED, /* after SASL: each message is a 4-byte big-endian length + payload */
} GwHs2Framing;

#define GW_TYPE_HS2_TRANSPORT     (gw_hs2_transport_get_type ())
#define GW_HS2_TRANSPORT(obj)     (G_TYPE_CHECK_INSTANCE_CAST ((obj), GW_TYPE_HS2_TRANSPORT, GwHs2Transport))
#define GW_IS_HS2_TRANSPORT(obj)  (G_TYPE_CHECK_INSTANCE_TYPE ((obj), GW_TYPE_HS2_TRANSPORT))

typedef struct _GwHs2Transport GwHs2Transport;

GType gw_hs2_transport_get_type (void);

/* max_message_size: 0 = GW_HS2_DEFAULT_MAX_MESSAGE_SIZE; clamped to
 * GW_HS2_MAX_MESSAGE_SIZE_LIMIT. The transport starts in RAW framing. */
GwHs2Transport *gw_hs2_transport_new            (GIOStream *stream, guint32 max_message_size);
void            gw_hs2_transport_set_framing    (GwHs2Transport *self, GwHs2Framing framing);
GwHs2Framing    gw_hs2_transport_get_framing    (GwHs2Transport *self);
/* Used by every read and write from now on; cancel it to interrupt a blocked read. */
void            gw_hs2_transport_set_cancellable (GwHs2Transport *self, GCancellable *cancellable);
/* Starts a new message: its read budget is max_message_size again. Called by the serving loop
 * before each message (read_end also resets it). */
void            gw_hs2_transport_begin_message  (GwHs2Transport *self);
/* The next byte on the wire without consuming it (the first-byte sniff). FALSE with no error
 * at end of stream. */
gboolean        gw_hs2_transport_peek_byte      (GwHs2Transport *self, guint8 *byte, GError **error);
/* The buffered input and the output under the transport, for the SASL handshake that runs
 * before Thrift messages flow. Borrowed. */
GInputStream   *gw_hs2_transport_get_input_stream  (GwHs2Transport *self);
GOutputStream  *gw_hs2_transport_get_output_stream (GwHs2Transport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwHs2Transport, g_object_unref)

G_END_DECLS
