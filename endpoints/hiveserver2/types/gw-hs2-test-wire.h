/* Test helpers shared by the HiveServer2 type tests: types, one TBinaryProtocol wire for the
 * whole run (each ThriftMemoryBuffer instance leaks 48 bytes) and struct round trips. */
#pragma once

#include "gw-hs2-rowset.h"
#include "gw-hs2-types-private.h"
#include "tcli-ensure-types.h"

#include <string.h>
#include <thrift/c_glib/protocol/thrift_binary_protocol.h>
#include <thrift/c_glib/protocol/thrift_compact_protocol.h>
#include <thrift/c_glib/transport/thrift_memory_buffer.h>

#define V5  T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V5
#define V6  T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V6
#define V10 T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V10
#define V11 T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V11

static GByteArray      *wire;            /* the memory buffer's bytes */
static ThriftTransport *wire_transport;
static ThriftProtocol  *binary, *compact;

/* Registers the generated types and opens the wire. */
static inline void
wire_init (void)
{
  tcli_ensure_types ();
  wire = g_byte_array_new ();
  wire_transport = g_object_new (THRIFT_TYPE_MEMORY_BUFFER, "buf", wire, "owner", FALSE, NULL);
  binary = g_object_new (THRIFT_TYPE_BINARY_PROTOCOL, "transport", wire_transport, NULL);
  compact = g_object_new (THRIFT_TYPE_COMPACT_PROTOCOL, "transport", wire_transport, NULL);
}

/* The transport stays alive: ThriftMemoryBuffer's finalize does not chain up and would leak
 * its GObject data, which valgrind reports as lost; a live instance is still reachable. */
static inline void
wire_clear (void)
{
  g_object_unref (binary);
  g_object_unref (compact);
  g_byte_array_set_size (wire, 0);
}

/* ---- types ---- */

static inline GwLogicalType *
type_new (GwTypeRoot root)
{
  return gw_logical_type_new (root, TRUE);
}

static inline GwLogicalType *
length_type (GwTypeRoot root, gint32 length)
{
  return gw_logical_type_new_with_length (root, TRUE, length);
}

static inline GwLogicalType *
precision_type (GwTypeRoot root, int precision)
{
  return gw_logical_type_new_with_precision (root, TRUE, precision);
}

static inline GwLogicalType *
collection_type (GwTypeRoot root, GwLogicalType *element)
{
  return gw_logical_type_new_collection (root, TRUE, element);
}

static inline GwLogicalType *
row_type (const char *a, GwLogicalType *ta, const char *b, GwLogicalType *tb)
{
  const char *names[] = { a, b };
  GwLogicalType *types[] = { ta, tb };
  return gw_logical_type_new_row (TRUE, tb != NULL ? 2 : 1, names, types);
}

#define STRING_TYPE() length_type (GW_TYPE_VARCHAR, GW_TYPE_MAX_LENGTH)

static inline void
add (GwResultSchema *schema, const char *name, GwLogicalType *type)
{
  gw_result_schema_add_column (schema, name, type, NULL);
}

/* ---- the wire ---- */

static inline GByteArray *
serialize (ThriftProtocol *protocol, gpointer object)
{
  g_autoptr (GError) error = NULL;
  g_byte_array_set_size (wire, 0);
  g_assert_cmpint (thrift_struct_write (THRIFT_STRUCT (object), protocol, &error), >=, 0);
  g_assert_no_error (error);
  return g_byte_array_append (g_byte_array_new (), wire->data, wire->len);
}

static inline gpointer
deserialize (const GByteArray *bytes, GType type)
{
  g_autoptr (GError) error = NULL;
  g_byte_array_set_size (wire, 0);
  g_byte_array_append (wire, bytes->data, bytes->len);
  gpointer object = g_object_new (type, NULL);
  g_assert_cmpint (thrift_struct_read (THRIFT_STRUCT (object), binary, &error), ==, bytes->len);
  g_assert_no_error (error);
  g_assert_cmpuint (wire->len, ==, 0);
  return object;
}
