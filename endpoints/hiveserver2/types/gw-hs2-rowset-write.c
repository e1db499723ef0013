/* gw_hs2_row_set_write_columnar(): the columnar TRowSet written straight from a GwBatch.
 * The generated structs cost an allocation per string and, when written, a virtual call and a
 * transport write per value (about 115 ns/row for BIGINT, DOUBLE, VARCHAR; this path about 10:
 * see the benchmark in gw-hs2-rowset-write-test.c). Here the structure still goes through
 * thrift_protocol_write_*, but the values of each column are encoded as TBinaryProtocol does
 * (big-endian; i32 length + bytes for strings) into a 64 KiB buffer written to the transport
 * in one call. */
#include "gw-hs2-rowset.h"
#include "gw-hs2-types-private.h"

#include <string.h>
#include <thrift/c_glib/protocol/thrift_binary_protocol.h>

#define SINK_SIZE 65536

/* Buffered writes to the protocol's transport; after a failure everything is dropped. */
typedef struct {
  ThriftProtocol  *protocol;   /* borrowed */
  ThriftTransport *transport;  /* borrowed */
  guint8          *data;       /* owned, SINK_SIZE bytes */
  gsize            len;
  gboolean         failed;
  GError         **error;
} Sink;

static gboolean
sink_flush (Sink *sink)
{
  if (sink->len > 0 && !sink->failed &&
      !thrift_transport_write (sink->transport, sink->data, (guint32) sink->len, sink->error))
    sink->failed = TRUE;
  sink->len = 0;
  return !sink->failed;
}

/* Room for n <= SINK_SIZE bytes at the end of the buffer. */
static inline guint8 *
sink_reserve (Sink *sink, gsize n)
{
  if (G_UNLIKELY (sink->len + n > SINK_SIZE))
    sink_flush (sink);
  return sink->data + sink->len;
}

static inline void
sink_put_u32 (Sink *sink, guint32 v)
{
  guint32 be = GUINT32_TO_BE (v);
  memcpy (sink_reserve (sink, 4), &be, 4);
  sink->len += 4;
}

static void
sink_put_bytes (Sink *sink, const void *data, gsize n)
{
  if (n > SINK_SIZE / 2) {
    /* Large values skip the copy. */
    if (sink_flush (sink) && !thrift_transport_write (sink->transport, (gpointer) data,
                                                      (guint32) n, sink->error))
      sink->failed = TRUE;
    return;
  }
  memcpy (sink_reserve (sink, n), data, n);
  sink->len += n;
}

/* One structural element through the protocol, after the buffered values before it. */
#define WRITE(call)                                     \
  G_STMT_START {                                        \
    if (!sink_flush (sink) || (call) < 0)               \
      return FALSE;                                     \
  } G_STMT_END

/* Indexed by GwHs2Arm: the TColumn field, its struct and the list element type. */
static const struct {
  const char *field;
  const char *struct_name;
  ThriftType  element;
} arms[] = {
  [GW_HS2_ARM_BOOL] = { "boolVal", "TBoolColumn", T_BOOL },
  [GW_HS2_ARM_BYTE] = { "byteVal", "TByteColumn", T_BYTE },
  [GW_HS2_ARM_I16] = { "i16Val", "TI16Column", T_I16 },
  [GW_HS2_ARM_I32] = { "i32Val", "TI32Column", T_I32 },
  [GW_HS2_ARM_I64] = { "i64Val", "TI64Column", T_I64 },
  [GW_HS2_ARM_DOUBLE] = { "doubleVal", "TDoubleColumn", T_DOUBLE },
  [GW_HS2_ARM_STRING] = { "stringVal", "TStringColumn", T_STRING },
  [GW_HS2_ARM_BINARY] = { "binaryVal", "TBinaryColumn", T_STRING },
};

/* One loop per arm over the rows of a column, value = the wire form of row i (0 for nulls). */
#define PUT_FIXED(size, put)                              \
  G_STMT_START {                                          \
    for (guint i = 0; i < n_rows; i++) {                  \
      gboolean null = gw_column_is_null (column, i);      \
      guint8 *w = sink_reserve (sink, size);              \
      put;                                                \
      sink->len += size;                                  \
    }                                                     \
  } G_STMT_END

static inline void
store_be16 (guint8 *w, guint16 v)
{
  v = GUINT16_TO_BE (v);
  memcpy (w, &v, 2);
}

static inline void
store_be32 (guint8 *w, guint32 v)
{
  v = GUINT32_TO_BE (v);
  memcpy (w, &v, 4);
}

static inline void
store_be64 (guint8 *w, guint64 v)
{
  v = GUINT64_TO_BE (v);
  memcpy (w, &v, 8);
}

static inline guint64
double_bits (gdouble value)
{
  guint64 bits;
  memcpy (&bits, &value, 8);
  return bits;
}

/* The list body of TColumn values: placeholders 0 / false / "" for nulls. */
static void
put_values (Sink *sink, GwHs2Encoder *encoder, const GwHs2Cell *cell)
{
  const GwColumn *column = cell->column;
  guint n_rows = encoder->n_rows;
  char buf[GW_VALUE_TEXT_MAX];
  const char *text;
  gsize len;

  switch (cell->arm) {
  case GW_HS2_ARM_BOOL:
    PUT_FIXED (1, *w = !null && column->bools[i]);
    break;
  case GW_HS2_ARM_BYTE:
    PUT_FIXED (1, *w = null ? 0 : (guint8) column->i64[i]);
    break;
  case GW_HS2_ARM_I16:
    PUT_FIXED (2, store_be16 (w, null ? 0 : (guint16) column->i64[i]));
    break;
  case GW_HS2_ARM_I32:
    PUT_FIXED (4, store_be32 (w, null ? 0 : (guint32) column->i64[i]));
    break;
  case GW_HS2_ARM_I64:
    PUT_FIXED (8, store_be64 (w, null ? 0 : (guint64) column->i64[i]));
    break;
  case GW_HS2_ARM_DOUBLE:
    PUT_FIXED (8, store_be64 (w, null ? 0 : double_bits (column->f64[i])));
    break;
  case GW_HS2_ARM_STRING:
  case GW_HS2_ARM_BINARY:
    for (guint i = 0; i < n_rows; i++) {
      if (gw_column_is_null (column, i)) {
        sink_put_u32 (sink, 0);
        continue;
      }
      text = gw_hs2_cell_get_text (encoder, cell, i, buf, &len);
      sink_put_u32 (sink, (guint32) len);
      sink_put_bytes (sink, text, len);
    }
    break;
  }
}

static gboolean
write_column (Sink *sink, GwHs2Encoder *encoder, const GwHs2Cell *cell)
{
  ThriftProtocol *protocol = sink->protocol;
  GError **error = sink->error;
  guint n_rows = encoder->n_rows;

  WRITE (thrift_protocol_write_struct_begin (protocol, "TColumn", error));
  WRITE (thrift_protocol_write_field_begin (protocol, arms[cell->arm].field, T_STRUCT,
                                            (gint16) cell->arm, error));
  WRITE (thrift_protocol_write_struct_begin (protocol, arms[cell->arm].struct_name, error));
  WRITE (thrift_protocol_write_field_begin (protocol, "values", T_LIST, 1, error));
  WRITE (thrift_protocol_write_list_begin (protocol, arms[cell->arm].element, (gint32) n_rows,
                                           error));
  put_values (sink, encoder, cell);
  WRITE (thrift_protocol_write_list_end (protocol, error));
  WRITE (thrift_protocol_write_field_end (protocol, error));

  guint8 small[64];
  gsize size = (n_rows + 7) / 8;
  guint8 *bits = size <= sizeof small ? small : g_malloc (size);
  memset (bits, 0, size);
  gsize used = gw_hs2_nulls_bitmap (cell->column, n_rows, bits);
  gboolean ok =
    thrift_protocol_write_field_begin (protocol, "nulls", T_STRING, 2, error) >= 0 &&
    thrift_protocol_write_binary (protocol, bits, (guint32) used, error) >= 0;
  if (bits != small)
    g_free (bits);
  if (!ok)
    return FALSE;

  WRITE (thrift_protocol_write_field_end (protocol, error));
  WRITE (thrift_protocol_write_field_stop (protocol, error));
  WRITE (thrift_protocol_write_struct_end (protocol, error));
  WRITE (thrift_protocol_write_field_end (protocol, error));
  WRITE (thrift_protocol_write_field_stop (protocol, error));
  WRITE (thrift_protocol_write_struct_end (protocol, error));
  return TRUE;
}

/* TRowSet field by field, in the generated writer's order. */
static gboolean
write_row_set (Sink *sink, GwHs2Encoder *encoder, gint64 start_row_offset)
{
  ThriftProtocol *protocol = sink->protocol;
  GError **error = sink->error;

  WRITE (thrift_protocol_write_struct_begin (protocol, "TRowSet", error));
  WRITE (thrift_protocol_write_field_begin (protocol, "startRowOffset", T_I64, 1, error));
  WRITE (thrift_protocol_write_i64 (protocol, start_row_offset, error));
  WRITE (thrift_protocol_write_field_end (protocol, error));
  /* rows is required, so present and empty. */
  WRITE (thrift_protocol_write_field_begin (protocol, "rows", T_LIST, 2, error));
  WRITE (thrift_protocol_write_list_begin (protocol, T_STRUCT, 0, error));
  WRITE (thrift_protocol_write_list_end (protocol, error));
  WRITE (thrift_protocol_write_field_end (protocol, error));
  WRITE (thrift_protocol_write_field_begin (protocol, "columns", T_LIST, 3, error));
  WRITE (thrift_protocol_write_list_begin (protocol, T_STRUCT, (gint32) encoder->n_columns,
                                           error));
  for (guint c = 0; c < encoder->n_columns; c++)
    if (!write_column (sink, encoder, &encoder->cells[c]))
      return FALSE;
  WRITE (thrift_protocol_write_list_end (protocol, error));
  WRITE (thrift_protocol_write_field_end (protocol, error));
  WRITE (thrift_protocol_write_field_stop (protocol, error));
  WRITE (thrift_protocol_write_struct_end (protocol, error));
  return TRUE;
}

gboolean
gw_hs2_row_set_write_columnar (ThriftProtocol *protocol, const GwResultSchema *schema,
                               const GwBatch *batch, gint64 start_row_offset, GTimeZone *zone,
                               GError **error)
{
  g_return_val_if_fail (THRIFT_IS_PROTOCOL (protocol), FALSE);
  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (batch == NULL || gw_result_schema_get_n_columns (batch->schema) ==
                                         gw_result_schema_get_n_columns (schema), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!THRIFT_IS_BINARY_PROTOCOL (protocol)) {
    /* The bulk encoding is TBinaryProtocol's; other protocols write the structs. */
    TRowSet *row_set = gw_hs2_row_set_new (schema, batch, GW_HS2_PROTOCOL_COLUMNAR,
                                           start_row_offset, zone);
    gboolean ok = thrift_struct_write (THRIFT_STRUCT (row_set), protocol, error) >= 0;
    g_object_unref (row_set);
    return ok;
  }

  GwHs2Encoder encoder;
  gw_hs2_encoder_init (&encoder, schema, batch, GW_HS2_PROTOCOL_COLUMNAR, zone);
  Sink sink = { protocol, protocol->transport, g_malloc (SINK_SIZE), 0, FALSE, error };
  gboolean ok = write_row_set (&sink, &encoder, start_row_offset) && sink_flush (&sink);
  g_free (sink.data);
  gw_hs2_encoder_clear (&encoder);
  return ok;
}
