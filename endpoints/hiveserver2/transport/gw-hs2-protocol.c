/* GwHs2Protocol: the reading side of TBinaryProtocol with bounds for untrusted peers (see the
 * header for what Thrift c_glib 0.17 misses). */
#include "gw-hs2-protocol.h"

struct _GwHs2Protocol {
  ThriftBinaryProtocol parent_instance;
  guint                depth;     /* structs and containers currently open */
  guint                max_depth;
};

typedef struct {
  ThriftBinaryProtocolClass parent_class;
} GwHs2ProtocolClass;

G_DEFINE_TYPE (GwHs2Protocol, gw_hs2_protocol, THRIFT_TYPE_BINARY_PROTOCOL)

/* Asks the transport whether this many more bytes may still belong to the current message. */
static gboolean
check_available (ThriftProtocol *protocol, gint64 bytes, GError **error)
{
  if (bytes > G_MAXINT32) {
    g_set_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_SIZE_LIMIT,
                 "size of %" G_GINT64_FORMAT " bytes over the limit", bytes);
    return FALSE;
  }
  ThriftTransport *transport = protocol->transport;
  return THRIFT_TRANSPORT_GET_CLASS (transport)->checkReadBytesAvailable (transport, (glong) bytes,
                                                                          error);
}

static gint32
read_size (ThriftProtocol *protocol, gint32 *size, GError **error)
{
  if (thrift_protocol_read_i32 (protocol, size, error) < 0)
    return -1;
  if (*size < 0) {
    g_set_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_NEGATIVE_SIZE,
                 "got negative size of %d", *size);
    return -1;
  }
  return 4;
}

static gboolean
enter (GwHs2Protocol *self, GError **error)
{
  if (self->depth >= self->max_depth) {
    g_set_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_DEPTH_LIMIT,
                 "structs and containers nested deeper than %u", self->max_depth);
    return FALSE;
  }
  self->depth++;
  return TRUE;
}

static void
leave (GwHs2Protocol *self)
{
  if (self->depth > 0)
    self->depth--;
}

/* The fewest bytes one element of the type takes on the wire; 0 for a type that cannot be an
 * element. */
static guint
min_element_size (gint8 type)
{
  switch (type) {
  case T_BOOL: case T_BYTE: case T_STRUCT: return 1;
  case T_I16: return 2;
  case T_I32: case T_STRING: return 4;
  case T_DOUBLE: case T_I64: return 8;
  case T_SET: case T_LIST: return 5;
  case T_MAP: return 6;
  default: return 0;
  }
}

static gint32
protocol_read_message_begin (ThriftProtocol *protocol, gchar **name, ThriftMessageType *message_type,
                             gint32 *seqid, GError **error)
{
  GwHs2Protocol *self = GW_HS2_PROTOCOL (protocol);
  gint32 header;
  self->depth = 0;
  if (thrift_protocol_read_i32 (protocol, &header, error) < 0)
    return -1;
  if (header >= 0 || ((guint32) header & THRIFT_BINARY_PROTOCOL_VERSION_MASK) !=
                         THRIFT_BINARY_PROTOCOL_VERSION_1) {
    g_set_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_BAD_VERSION,
                 "not a strict TBinaryProtocol message header: 0x%08x", (guint32) header);
    return -1;
  }
  gint32 name_len = thrift_protocol_read_string (protocol, name, error);
  if (name_len < 0)
    return -1;
  if (thrift_protocol_read_i32 (protocol, seqid, error) < 0) {
    g_clear_pointer (name, g_free);
    return -1;
  }
  *message_type = (ThriftMessageType) ((guint32) header & 0xff);
  return 4 + name_len + 4;
}

static gint32
protocol_read_string (ThriftProtocol *protocol, gchar **str, GError **error)
{
  gint32 size;
  *str = NULL;
  if (read_size (protocol, &size, error) < 0 || !check_available (protocol, size, error))
    return -1;
  gchar *value = g_malloc ((gsize) size + 1);
  if (size > 0 && thrift_transport_read_all (protocol->transport, value, (guint32) size, error) < 0) {
    g_free (value);
    return -1;
  }
  value[size] = '\0';
  *str = value;
  return 4 + size;
}

static gint32
protocol_read_binary (ThriftProtocol *protocol, gpointer *buf, guint32 *len, GError **error)
{
  gint32 size;
  *buf = NULL;
  *len = 0;
  if (read_size (protocol, &size, error) < 0 || !check_available (protocol, size, error))
    return -1;
  if (size == 0)
    return 4;
  guint8 *value = g_malloc ((gsize) size);
  if (thrift_transport_read_all (protocol->transport, value, (guint32) size, error) < 0) {
    g_free (value);
    return -1;
  }
  *buf = value;
  *len = (guint32) size;
  return 4 + size;
}

static gint32
protocol_read_struct_begin (ThriftProtocol *protocol, gchar **name, GError **error)
{
  *name = NULL;
  return enter (GW_HS2_PROTOCOL (protocol), error) ? 0 : -1;
}

static gint32
protocol_read_struct_end (ThriftProtocol *protocol, GError **error)
{
  leave (GW_HS2_PROTOCOL (protocol));
  return 0;
}

static gint32
read_list_header (ThriftProtocol *protocol, ThriftType *element_type, guint32 *size, GError **error)
{
  gint8 type;
  gint32 count;
  if (!enter (GW_HS2_PROTOCOL (protocol), error) ||
      thrift_protocol_read_byte (protocol, &type, error) < 0 ||
      read_size (protocol, &count, error) < 0)
    return -1;
  guint min = min_element_size (type);
  if (min == 0) {
    g_set_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_INVALID_DATA,
                 "invalid container element type %d", type);
    return -1;
  }
  if (!check_available (protocol, (gint64) count * min, error))
    return -1;
  *element_type = (ThriftType) type;
  *size = (guint32) count;
  return 5;
}

static gint32
protocol_read_container_end (ThriftProtocol *protocol, GError **error)
{
  leave (GW_HS2_PROTOCOL (protocol));
  return 0;
}

static gint32
protocol_read_map_begin (ThriftProtocol *protocol, ThriftType *key_type, ThriftType *value_type,
                         guint32 *size, GError **error)
{
  gint8 key, value;
  gint32 count;
  if (!enter (GW_HS2_PROTOCOL (protocol), error) ||
      thrift_protocol_read_byte (protocol, &key, error) < 0 ||
      thrift_protocol_read_byte (protocol, &value, error) < 0 ||
      read_size (protocol, &count, error) < 0)
    return -1;
  guint min_key = min_element_size (key), min_value = min_element_size (value);
  if (min_key == 0 || min_value == 0) {
    g_set_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_INVALID_DATA,
                 "invalid map key or value type %d, %d", key, value);
    return -1;
  }
  if (!check_available (protocol, (gint64) count * (min_key + min_value), error))
    return -1;
  *key_type = (ThriftType) key;
  *value_type = (ThriftType) value;
  *size = (guint32) count;
  return 6;
}

static void
gw_hs2_protocol_class_init (GwHs2ProtocolClass *klass)
{
  ThriftProtocolClass *protocol_class = THRIFT_PROTOCOL_CLASS (klass);
  protocol_class->read_message_begin = protocol_read_message_begin;
  protocol_class->read_string = protocol_read_string;
  protocol_class->read_binary = protocol_read_binary;
  protocol_class->read_struct_begin = protocol_read_struct_begin;
  protocol_class->read_struct_end = protocol_read_struct_end;
  protocol_class->read_list_begin = read_list_header;
  protocol_class->read_list_end = protocol_read_container_end;
  /* The parent's set_begin calls read_list_begin but its set_end never calls read_list_end. */
  protocol_class->read_set_begin = read_list_header;
  protocol_class->read_set_end = protocol_read_container_end;
  protocol_class->read_map_begin = protocol_read_map_begin;
  protocol_class->read_map_end = protocol_read_container_end;
}

static void
gw_hs2_protocol_init (GwHs2Protocol *self)
{
  self->max_depth = GW_HS2_DEFAULT_MAX_DEPTH;
}

ThriftProtocol *
gw_hs2_protocol_new (ThriftTransport *transport, guint max_depth)
{
  g_return_val_if_fail (THRIFT_IS_TRANSPORT (transport), NULL);
  GwHs2Protocol *self = g_object_new (GW_TYPE_HS2_PROTOCOL, "transport", transport, NULL);
  if (max_depth > 0)
    self->max_depth = max_depth;
  return THRIFT_PROTOCOL (self);
}
