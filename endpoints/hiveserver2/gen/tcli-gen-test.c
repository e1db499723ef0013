/* Tests for the generated TCLIService bindings: every type registers, the structs the HS2
 * endpoint writes survive a binary round trip with their required fields on the wire, and the
 * gen-tcli.py finalize patch makes instances release everything they own. */
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib.h>
#include <thrift/c_glib/protocol/thrift_binary_protocol.h>
#include <thrift/c_glib/transport/thrift_memory_buffer.h>

#include "t_c_l_i_service.h"
#include "tcli-ensure-types.h"

/* Writes `object` with TBinaryProtocol and returns the bytes. */
static GByteArray *
serialize (gpointer object)
{
  g_autoptr(GError) error = NULL;
  GByteArray *bytes = g_byte_array_new ();
  ThriftTransport *transport = g_object_new (THRIFT_TYPE_MEMORY_BUFFER,
                                             "buf", bytes, "owner", FALSE, NULL);
  ThriftProtocol *protocol = g_object_new (THRIFT_TYPE_BINARY_PROTOCOL,
                                           "transport", transport, NULL);

  gint32 written = thrift_struct_write (THRIFT_STRUCT (object), protocol, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, (gint32) bytes->len);

  g_object_unref (protocol);
  g_object_unref (transport);
  return bytes;
}

/* Reads `bytes` into `object`; returns FALSE with `error` set when the reader rejects them. */
static gboolean
deserialize (const GByteArray *bytes, gpointer object, GError **error)
{
  g_autoptr(GByteArray) copy = g_byte_array_new ();
  g_byte_array_append (copy, bytes->data, bytes->len);
  ThriftTransport *transport = g_object_new (THRIFT_TYPE_MEMORY_BUFFER,
                                             "buf", copy, "owner", FALSE, NULL);
  ThriftProtocol *protocol = g_object_new (THRIFT_TYPE_BINARY_PROTOCOL,
                                           "transport", transport, NULL);

  gint32 read = thrift_struct_read (THRIFT_STRUCT (object), protocol, error);
  gboolean consumed_all = copy->len == 0;

  g_object_unref (protocol);
  g_object_unref (transport);
  if (read < 0)
    return FALSE;
  g_assert_cmpint (read, ==, (gint32) bytes->len);
  g_assert_true (consumed_all);
  return TRUE;
}

static gboolean
contains_bytes (const GByteArray *haystack, const guint8 *needle, gsize len)
{
  for (gsize i = 0; i + len <= haystack->len; i++)
    if (memcmp (haystack->data + i, needle, len) == 0)
      return TRUE;
  return FALSE;
}

static GByteArray *
byte_array_of (const char *data, gsize len)
{
  return g_byte_array_append (g_byte_array_new (), (const guint8 *) data, len);
}

/* The generated struct types: children of ThriftStruct named "T...Type" (the library's own
 * ThriftApplicationException is also a ThriftStruct). */
static GType *
generated_struct_types (guint *n_types)
{
  guint n_children = 0;
  g_autofree GType *children = g_type_children (THRIFT_TYPE_STRUCT, &n_children);
  GType *types = g_new0 (GType, n_children + 1);

  *n_types = 0;
  for (guint i = 0; i < n_children; i++)
    {
      const char *name = g_type_name (children[i]);
      if (name[0] == 'T' && !g_str_has_prefix (name, "Thrift") && g_str_has_suffix (name, "Type"))
        types[(*n_types)++] = children[i];
    }
  return types;
}

static void
test_types_registered (void)
{
  guint n_types = 0;
  g_autofree GType *types = generated_struct_types (&n_types);

  /* tcli_ensure_types() ran in main(): every generated struct type exists already. */
  g_assert_cmpuint (n_types, ==, TCLI_STRUCT_TYPE_COUNT);
  g_assert_cmpuint (TCLI_TYPE_COUNT, ==, TCLI_STRUCT_TYPE_COUNT + 4);
  for (guint i = 0; i < n_types; i++)
    {
      ThriftStructClass *cls = g_type_class_ref (types[i]);
      g_assert_nonnull (cls->read);
      g_assert_nonnull (cls->write);
      g_type_class_unref (cls);
    }
  g_assert_cmpuint (g_type_from_name ("TOpenSessionRespType"), ==, TYPE_T_OPEN_SESSION_RESP);
  g_assert_cmpuint (g_type_from_name ("TSetClientInfoRespType"), !=, 0);
  g_assert_cmpuint (g_type_from_name ("TGetQueryIdReqType"), !=, 0);
  g_assert_cmpuint (g_type_from_name ("TProgressUpdateRespType"), !=, 0);
  g_assert_cmpuint (g_type_from_name ("TCLIServiceProcessor"), !=, 0);
  g_assert_true (g_type_is_a (TYPE_T_C_L_I_SERVICE_HANDLER, TYPE_T_C_L_I_SERVICE_IF));

  /* A sample of the wire values the IDL must get right. */
  g_assert_cmpint (T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V11, ==, 10);
  g_assert_cmpint (T_TYPE_ID_TIMESTAMPLOCALTZ_TYPE, ==, 22);
  g_assert_cmpint (T_OPERATION_STATE_TIMEDOUT_STATE, ==, 8);
  g_assert_cmpint (T_GET_INFO_TYPE_CLI_ODBC_KEYWORDS, ==, 10006);
  g_assert_cmpint (T_FETCH_ORIENTATION_FETCH_FIRST, ==, 4);
  g_assert_cmpint (T_JOB_EXECUTION_STATUS_NOT_AVAILABLE, ==, 2);
}

static void
test_open_session_resp_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  static const char guid[16] = "0123456789abcdef";
  static const char secret[16] = "fedcba9876543210";
  TOpenSessionResp *resp = g_object_new (TYPE_T_OPEN_SESSION_RESP, NULL);

  resp->status->statusCode = T_STATUS_CODE_SUCCESS_WITH_INFO_STATUS;
  resp->status->errorMessage = g_strdup ("note");
  resp->status->__isset_errorMessage = TRUE;
  resp->serverProtocolVersion = T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V10;
  resp->sessionHandle->sessionId->guid = byte_array_of (guid, sizeof guid);
  resp->sessionHandle->sessionId->secret = byte_array_of (secret, sizeof secret);
  resp->__isset_sessionHandle = TRUE;
  g_hash_table_insert (resp->configuration,
                       g_strdup ("hive.server2.thrift.resultset.default.fetch.size"),
                       g_strdup ("1000"));
  resp->__isset_configuration = TRUE;

  g_autoptr(GByteArray) bytes = serialize (resp);
  g_object_unref (resp);

  /* status is field 1 (struct); serverProtocolVersion is required: i32 field 2 = 9. */
  static const guint8 status_field[] = { 0x0c, 0x00, 0x01, 0x08, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01 };
  static const guint8 version_field[] = { 0x08, 0x00, 0x02, 0x00, 0x00, 0x00, 0x09 };
  g_assert_cmpmem (bytes->data, sizeof status_field, status_field, sizeof status_field);
  g_assert_true (contains_bytes (bytes, version_field, sizeof version_field));

  TOpenSessionResp *back = g_object_new (TYPE_T_OPEN_SESSION_RESP, NULL);
  g_assert_true (deserialize (bytes, back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back->status->statusCode, ==, T_STATUS_CODE_SUCCESS_WITH_INFO_STATUS);
  g_assert_true (back->status->__isset_errorMessage);
  g_assert_cmpstr (back->status->errorMessage, ==, "note");
  g_assert_false (back->status->__isset_infoMessages);
  g_assert_false (back->status->__isset_sqlState);
  g_assert_cmpint (back->serverProtocolVersion, ==, T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V10);
  g_assert_true (back->__isset_sessionHandle);
  g_assert_cmpmem (back->sessionHandle->sessionId->guid->data,
                   back->sessionHandle->sessionId->guid->len, guid, sizeof guid);
  g_assert_cmpmem (back->sessionHandle->sessionId->secret->data,
                   back->sessionHandle->sessionId->secret->len, secret, sizeof secret);
  g_assert_true (back->__isset_configuration);
  g_assert_cmpuint (g_hash_table_size (back->configuration), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (back->configuration,
                                        "hive.server2.thrift.resultset.default.fetch.size"),
                   ==, "1000");
  g_object_unref (back);
}

/* Java readers throw when a required field is missing; the generated C reader must as well. */
static void
test_missing_required_field_rejected (void)
{
  g_autoptr(GError) error = NULL;
  /* TOpenSessionResp with only status {statusCode = 0}: no serverProtocolVersion. */
  static const char wire[] = "\x0c\x00\x01" "\x08\x00\x01\x00\x00\x00\x00" "\x00" "\x00";
  g_autoptr(GByteArray) bytes = byte_array_of (wire, sizeof wire - 1);
  TOpenSessionResp *resp = g_object_new (TYPE_T_OPEN_SESSION_RESP, NULL);

  g_assert_false (deserialize (bytes, resp, &error));
  g_assert_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_INVALID_DATA);
  g_object_unref (resp);

  /* The same message plus serverProtocolVersion = V10 is accepted. */
  static const char complete[] = "\x0c\x00\x01" "\x08\x00\x01\x00\x00\x00\x00" "\x00"
                                 "\x08\x00\x02\x00\x00\x00\x09" "\x00";
  g_autoptr(GByteArray) complete_bytes = byte_array_of (complete, sizeof complete - 1);
  g_autoptr(GError) complete_error = NULL;
  resp = g_object_new (TYPE_T_OPEN_SESSION_RESP, NULL);
  g_assert_true (deserialize (complete_bytes, resp, &complete_error));
  g_assert_no_error (complete_error);
  g_assert_cmpint (resp->serverProtocolVersion, ==, T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V10);
  g_object_unref (resp);
}

static void
test_row_set_i64_column_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  /* Rows 1 and 4 are NULL: nulls bitmap bit i (LSB first) set for row i. */
  static const gint64 values[] = { 1, 0, G_MAXINT64, G_MININT64, 0, -42 };
  static const guint8 nulls[] = { 0x12 };
  TRowSet *rows = g_object_new (TYPE_T_ROW_SET, NULL);
  TColumn *column = g_object_new (TYPE_T_COLUMN, NULL);

  g_array_append_vals (column->i64Val->values, values, G_N_ELEMENTS (values));
  column->i64Val->nulls = g_byte_array_append (g_byte_array_new (), nulls, sizeof nulls);
  column->__isset_i64Val = TRUE;
  rows->startRowOffset = 1000;
  g_ptr_array_add (rows->columns, column);
  rows->__isset_columns = TRUE;

  g_autoptr(GByteArray) bytes = serialize (rows);
  g_object_unref (rows);

  /* rows (field 2, list<TRow>) is required: written as an empty list of structs. */
  static const guint8 empty_rows[] = { 0x0f, 0x00, 0x02, 0x0c, 0x00, 0x00, 0x00, 0x00 };
  g_assert_true (contains_bytes (bytes, empty_rows, sizeof empty_rows));

  TRowSet *back = g_object_new (TYPE_T_ROW_SET, NULL);
  g_assert_true (deserialize (bytes, back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back->startRowOffset, ==, 1000);
  g_assert_cmpuint (back->rows->len, ==, 0);
  g_assert_true (back->__isset_columns);
  g_assert_false (back->__isset_binaryColumns);
  g_assert_cmpuint (back->columns->len, ==, 1);

  TColumn *col = g_ptr_array_index (back->columns, 0);
  g_assert_true (col->__isset_i64Val);
  g_assert_false (col->__isset_stringVal);
  g_assert_false (col->__isset_boolVal);
  g_assert_cmpmem (col->i64Val->values->data, col->i64Val->values->len * sizeof (gint64),
                   values, sizeof values);
  g_assert_cmpmem (col->i64Val->nulls->data, col->i64Val->nulls->len, nulls, sizeof nulls);
  g_object_unref (back);
}

static void
count_destroy (gpointer data)
{
  (*(guint *) data)++;
}

/* Without the gen-tcli.py patch no generated finalize chains up, so GObject never clears the
 * instance's qdata: the destroy notify below would not run and the qdata would leak. */
static void
test_finalize_chains_up (void)
{
  GQuark quark = g_quark_from_static_string ("tcli-gen-test-probe");
  guint n_types = 0;
  g_autofree GType *types = generated_struct_types (&n_types);

  g_assert_cmpuint (n_types, ==, TCLI_STRUCT_TYPE_COUNT);
  for (guint i = 0; i < n_types; i++)
    {
      guint destroyed = 0;
      GObject *object = g_object_new (types[i], NULL);
      g_object_set_qdata_full (object, quark, &destroyed, count_destroy);
      g_object_unref (object);
      if (destroyed != 1)
        g_test_message ("%s: finalize does not chain up", g_type_name (types[i]));
      g_assert_cmpuint (destroyed, ==, 1);
    }
}

static gsize
heap_in_use (void)
{
#ifdef __GLIBC__
  struct mallinfo2 info = mallinfo2 ();
  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}

/* One HS2 reply as the handler builds it: nested structs, a map, and a union whose arms are
 * all pre-allocated. */
static void
build_and_free_reply (void)
{
  TOpenSessionResp *resp = g_object_new (TYPE_T_OPEN_SESSION_RESP, NULL);
  resp->status->errorMessage = g_strdup ("message");
  resp->status->__isset_errorMessage = TRUE;
  resp->sessionHandle->sessionId->guid = byte_array_of ("0123456789abcdef", 16);
  g_hash_table_insert (resp->configuration, g_strdup ("key"), g_strdup ("value"));
  g_object_unref (resp);
  g_object_unref (g_object_new (TYPE_T_COLUMN, NULL));
}

/* A heuristic, not an exact count: after a warm-up (allocator caches, type classes), another
 * 10,000 replies must leave the heap where it was. The unpatched code grew it by 8.8 MB (about
 * 880 bytes per reply); the bound allows 8 bytes per reply. */
static void
test_no_growth_over_many_structs (void)
{
#ifndef __GLIBC__
  g_test_skip ("mallinfo2() needs glibc");
  return;
#endif
  enum { N_REPLIES = 10000 };

  for (guint i = 0; i < N_REPLIES; i++)
    build_and_free_reply ();
  gsize before = heap_in_use ();
  for (guint i = 0; i < N_REPLIES; i++)
    build_and_free_reply ();
  gsize after = heap_in_use ();

  g_test_message ("heap in use: %" G_GSIZE_FORMAT " -> %" G_GSIZE_FORMAT " bytes", before, after);
  g_assert_cmpuint (after, <, before + N_REPLIES * 8);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  tcli_ensure_types ();

  g_test_add_func ("/hs2/gen/types-registered", test_types_registered);
  g_test_add_func ("/hs2/gen/open-session-resp-round-trip", test_open_session_resp_round_trip);
  g_test_add_func ("/hs2/gen/missing-required-field-rejected", test_missing_required_field_rejected);
  g_test_add_func ("/hs2/gen/row-set-i64-column-round-trip", test_row_set_i64_column_round_trip);
  g_test_add_func ("/hs2/gen/finalize-chains-up", test_finalize_chains_up);
  g_test_add_func ("/hs2/gen/no-growth-over-many-structs", test_no_growth_over_many_structs);
  return g_test_run ();
}
