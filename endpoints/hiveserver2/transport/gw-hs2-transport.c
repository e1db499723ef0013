/* GwHs2Transport: buffered, exact reads and one-write replies over a GIOStream, RAW or FRAMED,
 * with a per-message read budget. Replaces ThriftSocket + ThriftBuffered/FramedTransport, which
 * in c_glib 0.17 read without buffering, read frames with a short-read bug and raise SIGPIPE
 * (reference/stack.md §2). */
#include "gw-hs2-transport.h"

#include <string.h>

#define FRAME_HEADER_SIZE   4
#define INPUT_BUFFER_SIZE   (16 * 1024)
/* A reply buffer that grew past this (a big FetchResults) is dropped after the flush so an
 * idle connection does not keep it. */
#define KEEP_WRITE_CAPACITY (1024 * 1024)

struct _GwHs2Transport {
  ThriftTransport parent_instance;
  GIOStream      *stream;          /* owned */
  GInputStream   *input;           /* owned: GBufferedInputStream over the stream's input */
  GOutputStream  *output;          /* borrowed from stream */
  GCancellable   *cancellable;     /* owned, nullable */
  GByteArray     *wbuf;            /* owned: 4 bytes reserved for the frame header, then the reply */
  GwHs2Framing    framing;
  guint32         max_message_size;
  guint32         consumed;        /* payload bytes read for the current message */
  guint32         frame_left;      /* FRAMED: unread payload bytes of the current frame */
};

typedef struct {
  ThriftTransportClass parent_class;
} GwHs2TransportClass;

G_DEFINE_TYPE (GwHs2Transport, gw_hs2_transport, THRIFT_TYPE_TRANSPORT)

static void
reset_write_buffer (GwHs2Transport *self)
{
  if (self->wbuf->len > KEEP_WRITE_CAPACITY) {
    g_byte_array_unref (self->wbuf);
    self->wbuf = g_byte_array_sized_new (4096);
  }
  g_byte_array_set_size (self->wbuf, FRAME_HEADER_SIZE);
}

/* Reads exactly len bytes from the buffered input; a short read is an error, never 0. */
static gboolean
read_exact (GwHs2Transport *self, guint8 *buf, gsize len, GError **error)
{
  gsize got = 0;
  if (!g_input_stream_read_all (self->input, buf, len, &got, self->cancellable, error))
    return FALSE;
  if (got < len) {
    g_set_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_RECEIVE,
                 "connection closed by the peer after %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                 " bytes", got, len);
    return FALSE;
  }
  return TRUE;
}

static gboolean
charge_budget (GwHs2Transport *self, guint32 len, GError **error)
{
  if (len > self->max_message_size - self->consumed) {
    g_set_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_MAX_MESSAGE_SIZE_REACHED,
                 "message longer than the limit of %u bytes", self->max_message_size);
    return FALSE;
  }
  self->consumed += len;
  return TRUE;
}

static gboolean
read_frame_header (GwHs2Transport *self, GError **error)
{
  guint8 header[FRAME_HEADER_SIZE];
  if (!read_exact (self, header, sizeof header, error))
    return FALSE;
  gint32 size = (gint32) (((guint32) header[0] << 24) | ((guint32) header[1] << 16) |
                          ((guint32) header[2] << 8) | header[3]);
  if (size < 0) {
    g_set_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_RECEIVE,
                 "negative frame length %d", size);
    return FALSE;
  }
  if ((guint32) size > self->max_message_size) {
    g_set_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_MAX_MESSAGE_SIZE_REACHED,
                 "frame of %d bytes exceeds the limit of %u bytes", size, self->max_message_size);
    return FALSE;
  }
  self->frame_left = (guint32) size;
  return TRUE;
}

static gint32
transport_read (ThriftTransport *transport, gpointer buf, guint32 len, GError **error)
{
  GwHs2Transport *self = GW_HS2_TRANSPORT (transport);
  if (len == 0)
    return 0;
  if (!charge_budget (self, len, error))
    return -1;
  if (self->framing == GW_HS2_FRAMING_RAW)
    return read_exact (self, buf, len, error) ? (gint32) len : -1;

  /* A message may span frames; a read continues into the next frame. */
  guint8 *out = buf;
  guint32 left = len;
  while (left > 0) {
    if (self->frame_left == 0 && !read_frame_header (self, error))
      return -1;
    guint32 n = MIN (left, self->frame_left);
    if (n > 0 && !read_exact (self, out, n, error))
      return -1;
    out += n;
    left -= n;
    self->frame_left -= n;
  }
  return (gint32) len;
}

static gboolean
transport_read_end (ThriftTransport *transport, GError **error)
{
  GW_HS2_TRANSPORT (transport)->consumed = 0;
  return TRUE;
}

/* Called by the protocol before it allocates a string, binary or container of numBytes. */
static gboolean
transport_check_read_bytes_available (ThriftTransport *transport, glong numBytes, GError **error)
{
  GwHs2Transport *self = GW_HS2_TRANSPORT (transport);
  if (numBytes >= 0 && (gulong) numBytes <= self->max_message_size - self->consumed)
    return TRUE;
  /* c_glib 0.17 may call this with an error already set (unknown container element type). */
  if (error == NULL || *error == NULL)
    g_set_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_MAX_MESSAGE_SIZE_REACHED,
                 "a field of %ld bytes exceeds the message limit of %u bytes", numBytes,
                 self->max_message_size);
  return FALSE;
}

static gboolean
transport_peek (ThriftTransport *transport, GError **error)
{
  GwHs2Transport *self = GW_HS2_TRANSPORT (transport);
  if (self->frame_left > 0)
    return TRUE;
  GBufferedInputStream *buffered = G_BUFFERED_INPUT_STREAM (self->input);
  if (g_buffered_input_stream_get_available (buffered) > 0)
    return TRUE;
  return g_buffered_input_stream_fill (buffered, -1, self->cancellable, error) > 0;
}

static gboolean
transport_write (ThriftTransport *transport, const gpointer buf, const guint32 len, GError **error)
{
  GwHs2Transport *self = GW_HS2_TRANSPORT (transport);
  if (len > GW_HS2_MAX_MESSAGE_SIZE_LIMIT - (self->wbuf->len - FRAME_HEADER_SIZE)) {
    g_set_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_SEND,
                 "reply longer than %u bytes", GW_HS2_MAX_MESSAGE_SIZE_LIMIT);
    reset_write_buffer (self);
    return FALSE;
  }
  g_byte_array_append (self->wbuf, buf, len);
  return TRUE;
}

static gboolean
transport_write_end (ThriftTransport *transport, GError **error)
{
  return TRUE;
}

static gboolean
transport_flush (ThriftTransport *transport, GError **error)
{
  GwHs2Transport *self = GW_HS2_TRANSPORT (transport);
  guint32 payload = self->wbuf->len - FRAME_HEADER_SIZE;
  if (payload == 0)
    return TRUE;
  const guint8 *data = self->wbuf->data + FRAME_HEADER_SIZE;
  gsize size = payload;
  if (self->framing == GW_HS2_FRAMING_FRAMED) {
    guint8 *header = self->wbuf->data;
    header[0] = (guint8) (payload >> 24);
    header[1] = (guint8) (payload >> 16);
    header[2] = (guint8) (payload >> 8);
    header[3] = (guint8) payload;
    data = header;
    size += FRAME_HEADER_SIZE;
  }
  gboolean ok = g_output_stream_write_all (self->output, data, size, NULL, self->cancellable, error);
  reset_write_buffer (self);
  return ok;
}

static gboolean
transport_is_open (ThriftTransport *transport)
{
  return !g_io_stream_is_closed (GW_HS2_TRANSPORT (transport)->stream);
}

static gboolean
transport_open (ThriftTransport *transport, GError **error)
{
  return TRUE;
}

static gboolean
transport_close (ThriftTransport *transport, GError **error)
{
  return g_io_stream_close (GW_HS2_TRANSPORT (transport)->stream, NULL, error);
}

static void
gw_hs2_transport_finalize (GObject *object)
{
  GwHs2Transport *self = GW_HS2_TRANSPORT (object);
  g_clear_object (&self->input);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_byte_array_unref (self->wbuf);
  G_OBJECT_CLASS (gw_hs2_transport_parent_class)->finalize (object);
}

static void
gw_hs2_transport_class_init (GwHs2TransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ThriftTransportClass *transport_class = THRIFT_TRANSPORT_CLASS (klass);
  object_class->finalize = gw_hs2_transport_finalize;
  transport_class->is_open = transport_is_open;
  transport_class->peek = transport_peek;
  transport_class->open = transport_open;
  transport_class->close = transport_close;
  transport_class->read = transport_read;
  /* read is already exact; the inherited read_all would spin on a read that returns 0. */
  transport_class->read_all = transport_read;
  transport_class->read_end = transport_read_end;
  transport_class->write = transport_write;
  transport_class->write_end = transport_write_end;
  transport_class->flush = transport_flush;
  transport_class->checkReadBytesAvailable = transport_check_read_bytes_available;
}

static void
gw_hs2_transport_init (GwHs2Transport *self)
{
  self->wbuf = g_byte_array_sized_new (4096);
  g_byte_array_set_size (self->wbuf, FRAME_HEADER_SIZE);
}

GwHs2Transport *
gw_hs2_transport_new (GIOStream *stream, guint32 max_message_size)
{
  g_return_val_if_fail (G_IS_IO_STREAM (stream), NULL);
  GwHs2Transport *self = g_object_new (GW_TYPE_HS2_TRANSPORT, NULL);
  self->stream = g_object_ref (stream);
  self->input = g_buffered_input_stream_new_sized (g_io_stream_get_input_stream (stream),
                                                   INPUT_BUFFER_SIZE);
  /* The GIOStream owns and closes its streams. */
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (self->input), FALSE);
  self->output = g_io_stream_get_output_stream (stream);
  if (max_message_size == 0)
    max_message_size = GW_HS2_DEFAULT_MAX_MESSAGE_SIZE;
  self->max_message_size = MIN (max_message_size, GW_HS2_MAX_MESSAGE_SIZE_LIMIT);
  self->framing = GW_HS2_FRAMING_RAW;
  return self;
}

void
gw_hs2_transport_set_framing (GwHs2Transport *self, GwHs2Framing framing)
{
  g_return_if_fail (GW_IS_HS2_TRANSPORT (self));
  self->framing = framing;
  self->frame_left = 0;
}

GwHs2Framing
gw_hs2_transport_get_framing (GwHs2Transport *self)
{
  g_return_val_if_fail (GW_IS_HS2_TRANSPORT (self), GW_HS2_FRAMING_RAW);
  return self->framing;
}

void
gw_hs2_transport_set_cancellable (GwHs2Transport *self, GCancellable *cancellable)
{
  g_return_if_fail (GW_IS_HS2_TRANSPORT (self));
  g_set_object (&self->cancellable, cancellable);
}

void
gw_hs2_transport_begin_message (GwHs2Transport *self)
{
  g_return_if_fail (GW_IS_HS2_TRANSPORT (self));
  self->consumed = 0;
}

gboolean
gw_hs2_transport_peek_byte (GwHs2Transport *self, guint8 *byte, GError **error)
{
  g_return_val_if_fail (GW_IS_HS2_TRANSPORT (self), FALSE);
  GBufferedInputStream *buffered = G_BUFFERED_INPUT_STREAM (self->input);
  if (g_buffered_input_stream_get_available (buffered) == 0 &&
      g_buffered_input_stream_fill (buffered, -1, self->cancellable, error) <= 0)
    return FALSE;
  gsize available = 0;
  const guint8 *data = g_buffered_input_stream_peek_buffer (buffered, &available);
  *byte = data[0];
  return TRUE;
}

GInputStream *
gw_hs2_transport_get_input_stream (GwHs2Transport *self)
{
  g_return_val_if_fail (GW_IS_HS2_TRANSPORT (self), NULL);
  return self->input;
}

GOutputStream *
gw_hs2_transport_get_output_stream (GwHs2Transport *self)
{
  g_return_val_if_fail (GW_IS_HS2_TRANSPORT (self), NULL);
  return self->output;
}
