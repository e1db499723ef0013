/* Unit tests of gw_hs2_row_set_write_columnar(): the struct path's bytes for batches larger
 * than its buffer and for values larger than half of it, the struct fallback on other
 * protocols, all bytes of values with NULs. With GW_HS2_BENCH=1 it also measures FetchResults
 * encoding of 1,000,000 rows x (BIGINT, DOUBLE, VARCHAR) (GW_HS2_BENCH_BATCH rows per TRowSet,
 * default 10,000) and prints ns/row: no timing assertion. */
#include "gw-hs2-test-wire.h"

static GwResultSchema *
bench_schema (void)
{
  GwResultSchema *schema = gw_result_schema_new ();
  add (schema, "id", type_new (GW_TYPE_BIGINT));
  add (schema, "value", type_new (GW_TYPE_DOUBLE));
  add (schema, "name", STRING_TYPE ());
  return schema;
}

/* Rows (i, i * 0.5, "row-<i>"); with nulls, every 7th row is null in one column and rows in
 * (every 1000th) carry a 40 KiB string. */
static GwBatch *
rows_batch (guint n_rows, gboolean with_nulls)
{
  g_autoptr (GwResultSchema) schema = bench_schema ();
  GwBatch *batch = gw_batch_new (schema, n_rows);
  g_autofree gchar *big = g_strnfill (40 * 1024, 'x');
  char name[32];
  for (guint i = 0; i < n_rows; i++) {
    gboolean null = with_nulls && i % 7 == 3;
    if (null && i % 3 == 0)
      gw_column_append_null (batch->columns[0]);
    else
      gw_column_append_int64 (batch->columns[0], (gint64) i * 1000003);
    if (null && i % 3 == 1)
      gw_column_append_null (batch->columns[1]);
    else
      gw_column_append_double (batch->columns[1], i * 0.5);
    if (null && i % 3 == 2) {
      gw_column_append_null (batch->columns[2]);
    } else if (with_nulls && i % 1000 == 999) {
      gw_column_append_bytes (batch->columns[2], big, strlen (big));
    } else {
      int len = g_snprintf (name, sizeof name, "row-%u", i);
      gw_column_append_bytes (batch->columns[2], name, len);
    }
  }
  gw_batch_finish (batch);
  return batch;
}

static void
assert_same_bytes (ThriftProtocol *protocol, const GwBatch *batch)
{
  TRowSet *row_set = gw_hs2_row_set_new (batch->schema, batch, V10, 123, NULL);
  g_autoptr (GByteArray) expected = serialize (protocol, row_set);
  g_object_unref (row_set);
  g_autoptr (GError) error = NULL;
  g_byte_array_set_size (wire, 0);
  g_assert_true (gw_hs2_row_set_write_columnar (protocol, batch->schema, batch, 123, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpmem (wire->data, wire->len, expected->data, expected->len);
}

static void
test_large_batch (void)
{
  /* 100k rows: several 64 KiB buffers per column, and 40 KiB values written around them. */
  g_autoptr (GwBatch) batch = rows_batch (100000, TRUE);
  assert_same_bytes (binary, batch);
}

static void
test_other_protocol (void)
{
  g_autoptr (GwBatch) batch = rows_batch (100, TRUE);
  assert_same_bytes (compact, batch);
}

static void
test_nul_bytes (void)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  add (schema, "s", STRING_TYPE ());
  g_autoptr (GwBatch) batch = gw_batch_new (schema, 1);
  gw_column_append_bytes (batch->columns[0], "a\0b", 3);
  gw_batch_finish (batch);

  g_autoptr (GError) error = NULL;
  g_byte_array_set_size (wire, 0);
  g_assert_true (gw_hs2_row_set_write_columnar (binary, schema, batch, 0, NULL, &error));
  static const guint8 value[] = { 0, 0, 0, 3, 'a', 0, 'b' };
  gboolean found = FALSE;
  for (guint i = 0; i + sizeof value <= wire->len; i++)
    found |= memcmp (wire->data + i, value, sizeof value) == 0;
  g_assert_true (found);
}

/* A transport that takes `limit` bytes, then refuses every write. */
typedef struct {
  ThriftTransport parent;
  gsize           limit;
  gsize           written;
} FullTransport;
typedef struct {
  ThriftTransportClass parent_class;
} FullTransportClass;

G_DEFINE_TYPE (FullTransport, full_transport, THRIFT_TYPE_TRANSPORT)

static gboolean
full_transport_write (ThriftTransport *transport, const gpointer buf, const guint32 len,
                      GError **error)
{
  FullTransport *self = (FullTransport *) transport;
  if (self->written + len > self->limit) {
    g_set_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_SEND, "full");
    return FALSE;
  }
  self->written += len;
  return TRUE;
}

static void
full_transport_init (FullTransport *self)
{
}

static void
full_transport_class_init (FullTransportClass *klass)
{
  THRIFT_TRANSPORT_CLASS (klass)->write = full_transport_write;
}

/* FALSE with the transport's error, whether it fails in the values or in the structure. */
static void
test_write_error (void)
{
  g_autoptr (GwBatch) batch = rows_batch (20000, TRUE);
  static const gsize limits[] = { 0, 5, 100, 70000, 400000 };
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++) {
    FullTransport *transport = g_object_new (full_transport_get_type (), NULL);
    transport->limit = limits[i];
    ThriftProtocol *protocol = g_object_new (THRIFT_TYPE_BINARY_PROTOCOL, "transport",
                                             transport, NULL);
    g_autoptr (GError) error = NULL;
    g_assert_false (gw_hs2_row_set_write_columnar (protocol, batch->schema, batch, 0, NULL,
                                                   &error));
    g_assert_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_SEND);
    g_object_unref (protocol);
    g_object_unref (transport);
  }
}

/* ---- benchmark ---- */

static double
elapsed_ns (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) * 1000.0;
}

static void
bench (void)
{
  const guint total = 1000000;
  guint batch_rows = (guint) g_ascii_strtoull (g_getenv ("GW_HS2_BENCH_BATCH") ?: "10000",
                                                NULL, 10);
  batch_rows = CLAMP (batch_rows, 1, total);
  guint rounds = total / batch_rows, n = rounds * batch_rows;
  g_autoptr (GwBatch) batch = rows_batch (batch_rows, FALSE);
  g_autoptr (GError) error = NULL;
  double build = 0, write = 0, destroy = 0, direct = 0, bytes_struct = 0, bytes_direct = 0;

  for (guint r = 0; r < rounds; r++) {
    gint64 t0 = g_get_monotonic_time ();
    TRowSet *row_set = gw_hs2_row_set_new (batch->schema, batch, V10, r, NULL);
    build += elapsed_ns (t0);
    g_byte_array_set_size (wire, 0);
    t0 = g_get_monotonic_time ();
    g_assert_cmpint (thrift_struct_write (THRIFT_STRUCT (row_set), binary, &error), >, 0);
    write += elapsed_ns (t0);
    bytes_struct += wire->len;
    t0 = g_get_monotonic_time ();
    g_object_unref (row_set);
    destroy += elapsed_ns (t0);
  }
  for (guint r = 0; r < rounds; r++) {
    g_byte_array_set_size (wire, 0);
    gint64 t0 = g_get_monotonic_time ();
    g_assert_true (gw_hs2_row_set_write_columnar (binary, batch->schema, batch, r, NULL,
                                                  &error));
    direct += elapsed_ns (t0);
    bytes_direct += wire->len;
  }
  g_printerr ("# FetchResults %u rows x (BIGINT, DOUBLE, VARCHAR), %u rows per TRowSet:\n"
              "#   struct path: %.1f ns/row (build %.1f + write %.1f + free %.1f), %.1f B/row\n"
              "#   direct path: %.1f ns/row, %.1f B/row\n",
              n, batch_rows, (build + write + destroy) / n, build / n, write / n, destroy / n,
              bytes_struct / n, direct / n, bytes_direct / n);

  /* Row-based (protocol < V6) for comparison, on a tenth of the rows. */
  guint row_rounds = MAX (rounds / 10, 1);
  double row_based = 0;
  for (guint r = 0; r < row_rounds; r++) {
    gint64 t0 = g_get_monotonic_time ();
    TRowSet *row_set = gw_hs2_row_set_new (batch->schema, batch, V5, r, NULL);
    g_byte_array_set_size (wire, 0);
    g_assert_cmpint (thrift_struct_write (THRIFT_STRUCT (row_set), binary, &error), >, 0);
    g_object_unref (row_set);
    row_based += elapsed_ns (t0);
  }
  g_printerr ("#   row-based struct path (V5): %.1f ns/row\n",
              row_based / (row_rounds * batch_rows));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wire_init ();
  g_test_add_func ("/hs2/rowset-write/large-batch", test_large_batch);
  g_test_add_func ("/hs2/rowset-write/other-protocol", test_other_protocol);
  g_test_add_func ("/hs2/rowset-write/nul-bytes", test_nul_bytes);
  g_test_add_func ("/hs2/rowset-write/write-error", test_write_error);
  if (g_getenv ("GW_HS2_BENCH") != NULL)
    g_test_add_func ("/hs2/rowset-write/bench", bench);
  int result = g_test_run ();
  wire_clear ();
  return result;
}
