/* Unit tests of the HiveServer2 transport pieces over in-memory streams and a socketpair:
 * GwHs2Transport framing and limits, GwHs2Protocol bounds, the SASL PLAIN handshake. */
#include "gw-hs2-protocol.h"
#include "gw-hs2-sasl.h"
#include "gw-hs2-transport.h"

#include <string.h>
#include <sys/socket.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThriftProtocol, g_object_unref)

/* ---- helpers ---- */

static void
put_u8 (GByteArray *b, guint8 v)
{
  g_byte_array_append (b, &v, 1);
}

static void
put_u32 (GByteArray *b, guint32 v)
{
  guint8 be[4] = { (guint8) (v >> 24), (guint8) (v >> 16), (guint8) (v >> 8), (guint8) v };
  g_byte_array_append (b, be, 4);
}

static void
put_bytes (GByteArray *b, const char *data, gsize length)
{
  g_byte_array_append (b, (const guint8 *) data, (guint) length);
}

static void
put_string (GByteArray *b, const char *s)
{
  put_u32 (b, (guint32) strlen (s));
  put_bytes (b, s, strlen (s));
}

static void
put_sasl_frame (GByteArray *b, guint8 status, const char *payload, gsize length)
{
  put_u8 (b, status);
  put_u32 (b, (guint32) length);
  put_bytes (b, payload, length);
}

/* A GIOStream reading input and writing into a memory stream returned as *output (borrowed). */
static GIOStream *
memory_stream (const guint8 *input, gsize length, GOutputStream **output)
{
  g_autoptr (GInputStream) in =
      g_memory_input_stream_new_from_data (g_memdup2 (input, length), (gssize) length, g_free);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  *output = out;
  return g_simple_io_stream_new (in, out);
}

static GwHs2Transport *
memory_transport (GByteArray *input, guint32 max_message_size, GOutputStream **output)
{
  g_autoptr (GIOStream) stream = memory_stream (input->data, input->len, output);
  return gw_hs2_transport_new (stream, max_message_size);
}

static void
assert_output (GOutputStream *output, const guint8 *expected, gsize length)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (output);
  g_assert_cmpmem (g_memory_output_stream_get_data (memory),
                   g_memory_output_stream_get_data_size (memory), expected, length);
}

/* ---- GwHs2Transport ---- */

static void
test_raw_exact_reads (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_bytes (in, "hello world", 11);
  GOutputStream *output;
  g_autoptr (GwHs2Transport) transport = memory_transport (in, 0, &output);
  ThriftTransport *t = THRIFT_TRANSPORT (transport);
  gchar buf[16] = { 0 };
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (thrift_transport_read_all (t, buf, 5, &error), ==, 5);
  g_assert_cmpint (thrift_transport_read (t, buf + 5, 6, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_cmpstr (buf, ==, "hello world");
  /* Past the end: an error, never a 0-byte read that Thrift's read_all loop would spin on. */
  g_assert_cmpint (thrift_transport_read_all (t, buf, 1, &error), ==, -1);
  g_assert_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_RECEIVE);
}

static void
test_raw_write_on_flush (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  GOutputStream *output;
  g_autoptr (GwHs2Transport) transport = memory_transport (in, 0, &output);
  ThriftTransport *t = THRIFT_TRANSPORT (transport);
  g_autoptr (GError) error = NULL;
  g_assert_true (thrift_transport_flush (t, &error)); /* nothing buffered: nothing sent */
  g_assert_true (thrift_transport_write (t, (gpointer) "ab", 2, &error));
  g_assert_true (thrift_transport_write (t, (gpointer) "cd", 2, &error));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output)), ==, 0);
  g_assert_true (thrift_transport_flush (t, &error));
  g_assert_no_error (error);
  assert_output (output, (const guint8 *) "abcd", 4);
}

static void
test_framed_reads_span_frames (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_u32 (in, 3);
  put_bytes (in, "abc", 3);
  put_u32 (in, 0); /* an empty frame is allowed */
  put_u32 (in, 4);
  put_bytes (in, "defg", 4);
  GOutputStream *output;
  g_autoptr (GwHs2Transport) transport = memory_transport (in, 0, &output);
  gw_hs2_transport_set_framing (transport, GW_HS2_FRAMING_FRAMED);
  ThriftTransport *t = THRIFT_TRANSPORT (transport);
  gchar buf[8] = { 0 };
  g_autoptr (GError) error = NULL;
  g_assert_true (thrift_transport_peek (t, &error));
  g_assert_cmpint (thrift_transport_read_all (t, buf, 2, &error), ==, 2);
  g_assert_cmpint (thrift_transport_read_all (t, buf + 2, 5, &error), ==, 5);
  g_assert_no_error (error);
  g_assert_cmpstr (buf, ==, "abcdefg");
  g_assert_false (thrift_transport_peek (t, &error)); /* clean end of stream */
  g_assert_no_error (error);
}

static void
test_framed_flush_one_frame (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  GOutputStream *output;
  g_autoptr (GwHs2Transport) transport = memory_transport (in, 0, &output);
  gw_hs2_transport_set_framing (transport, GW_HS2_FRAMING_FRAMED);
  ThriftTransport *t = THRIFT_TRANSPORT (transport);
  g_autoptr (GError) error = NULL;
  g_assert_true (thrift_transport_write (t, (gpointer) "xy", 2, &error));
  g_assert_true (thrift_transport_write (t, (gpointer) "z", 1, &error));
  g_assert_true (thrift_transport_flush (t, &error));
  g_assert_true (thrift_transport_write (t, (gpointer) "w", 1, &error));
  g_assert_true (thrift_transport_flush (t, &error));
  g_assert_no_error (error);
  assert_output (output, (const guint8 *) "\0\0\0\3xyz\0\0\0\1w", 12);
}

static void
test_framed_bad_lengths (void)
{
  static const guint32 lengths[] = { 0x7fffffffu, 0x80000000u, 0xffffffffu, 1025 };
  static const gint codes[] = { THRIFT_TRANSPORT_ERROR_MAX_MESSAGE_SIZE_REACHED,
                                THRIFT_TRANSPORT_ERROR_RECEIVE, THRIFT_TRANSPORT_ERROR_RECEIVE,
                                THRIFT_TRANSPORT_ERROR_MAX_MESSAGE_SIZE_REACHED };
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++) {
    g_autoptr (GByteArray) in = g_byte_array_new ();
    put_u32 (in, lengths[i]);
    put_bytes (in, "data", 4);
    GOutputStream *output;
    g_autoptr (GwHs2Transport) transport = memory_transport (in, 1024, &output);
    gw_hs2_transport_set_framing (transport, GW_HS2_FRAMING_FRAMED);
    gchar buf[4];
    g_autoptr (GError) error = NULL;
    g_assert_cmpint (thrift_transport_read_all (THRIFT_TRANSPORT (transport), buf, 4, &error), ==, -1);
    g_assert_error (error, THRIFT_TRANSPORT_ERROR, codes[i]);
  }
}

static void
test_message_budget (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_bytes (in, "0123456789abcdefghij", 20);
  GOutputStream *output;
  g_autoptr (GwHs2Transport) transport = memory_transport (in, 10, &output);
  ThriftTransport *t = THRIFT_TRANSPORT (transport);
  ThriftTransportClass *klass = THRIFT_TRANSPORT_GET_CLASS (t);
  gchar buf[8];
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (thrift_transport_read_all (t, buf, 6, &error), ==, 6);
  g_assert_true (klass->checkReadBytesAvailable (t, 4, &error));
  g_assert_false (klass->checkReadBytesAvailable (t, 5, &error));
  g_assert_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_MAX_MESSAGE_SIZE_REACHED);
  g_clear_error (&error);
  g_assert_cmpint (thrift_transport_read_all (t, buf, 6, &error), ==, -1);
  g_assert_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_MAX_MESSAGE_SIZE_REACHED);
  g_clear_error (&error);
  gw_hs2_transport_begin_message (transport); /* a new message has a new budget */
  g_assert_cmpint (thrift_transport_read_all (t, buf, 6, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_cmpmem (buf, 6, "6789ab", 6);
}

static void
test_peek (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_bytes (in, "x", 1);
  GOutputStream *output;
  g_autoptr (GwHs2Transport) transport = memory_transport (in, 0, &output);
  guint8 byte = 0;
  gchar c = 0;
  g_autoptr (GError) error = NULL;
  g_assert_true (gw_hs2_transport_peek_byte (transport, &byte, &error));
  g_assert_cmpint (byte, ==, 'x');
  g_assert_true (thrift_transport_peek (THRIFT_TRANSPORT (transport), &error));
  g_assert_cmpint (thrift_transport_read_all (THRIFT_TRANSPORT (transport), &c, 1, &error), ==, 1);
  g_assert_cmpint (c, ==, 'x'); /* peeking consumed nothing */
  g_assert_false (thrift_transport_peek (THRIFT_TRANSPORT (transport), &error));
  g_assert_false (gw_hs2_transport_peek_byte (transport, &byte, &error));
  g_assert_no_error (error);
}

static GSocketConnection *
connection_from_fd (int fd)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) socket = g_socket_new_from_fd (fd, &error);
  g_assert_no_error (error);
  return g_socket_connection_factory_create_connection (socket);
}

/* Frames over a real socket in both directions, and a cancelled read. */
static void
test_socketpair (void)
{
  int fds[2];
  g_assert_cmpint (socketpair (AF_UNIX, SOCK_STREAM, 0, fds), ==, 0);
  g_autoptr (GSocketConnection) a = connection_from_fd (fds[0]);
  g_autoptr (GSocketConnection) b = connection_from_fd (fds[1]);
  g_autoptr (GwHs2Transport) ta = gw_hs2_transport_new (G_IO_STREAM (a), 0);
  g_autoptr (GwHs2Transport) tb = gw_hs2_transport_new (G_IO_STREAM (b), 0);
  gw_hs2_transport_set_framing (ta, GW_HS2_FRAMING_FRAMED);
  gw_hs2_transport_set_framing (tb, GW_HS2_FRAMING_FRAMED);
  g_autoptr (GError) error = NULL;
  g_assert_true (thrift_transport_write (THRIFT_TRANSPORT (ta), (gpointer) "ping", 4, &error));
  g_assert_true (thrift_transport_flush (THRIFT_TRANSPORT (ta), &error));
  gchar buf[5] = { 0 };
  g_assert_cmpint (thrift_transport_read_all (THRIFT_TRANSPORT (tb), buf, 4, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_cmpstr (buf, ==, "ping");

  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  gw_hs2_transport_set_cancellable (tb, cancellable);
  g_cancellable_cancel (cancellable);
  g_assert_false (thrift_transport_peek (THRIFT_TRANSPORT (tb), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_true (thrift_transport_close (THRIFT_TRANSPORT (ta), &error));
  g_assert_false (thrift_transport_is_open (THRIFT_TRANSPORT (ta)));
  g_assert_true (thrift_transport_is_open (THRIFT_TRANSPORT (tb)));
}

/* ---- GwHs2Protocol ---- */

static ThriftProtocol *
memory_protocol (GByteArray *input, guint32 max_message_size, GwHs2Transport **transport)
{
  GOutputStream *output;
  *transport = memory_transport (input, max_message_size, &output);
  return gw_hs2_protocol_new (THRIFT_TRANSPORT (*transport), 0);
}

static void
test_protocol_unversioned_header (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_string (in, "OpenSession"); /* non-strict: name length first */
  put_u8 (in, 1);
  put_u32 (in, 1);
  g_autoptr (GwHs2Transport) transport = NULL;
  g_autoptr (ThriftProtocol) protocol = memory_protocol (in, 0, &transport);
  gchar *name = (gchar *) "unset";
  ThriftMessageType type;
  gint32 seqid;
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (thrift_protocol_read_message_begin (protocol, &name, &type, &seqid, &error), ==, -1);
  g_assert_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_BAD_VERSION);
}

static void
test_protocol_lengths_over_budget (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_u32 (in, 0x80010001u);
  put_u32 (in, 0x7fffffffu); /* a 2 GiB method name in a tiny message */
  put_bytes (in, "Open", 4);
  g_autoptr (GwHs2Transport) transport = NULL;
  g_autoptr (ThriftProtocol) protocol = memory_protocol (in, 4096, &transport);
  gchar *name = NULL;
  ThriftMessageType type;
  gint32 seqid;
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (thrift_protocol_read_message_begin (protocol, &name, &type, &seqid, &error), ==, -1);
  g_assert_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_MAX_MESSAGE_SIZE_REACHED);
  g_assert_null (name);
}

static void
test_protocol_bad_sizes (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_u32 (in, 0xffffffffu); /* binary of length -1 (0.17 accepts it) */
  put_u8 (in, T_I64);
  put_u32 (in, 0x01000000u); /* a list of 16M i64 in a 4 KiB message */
  put_u8 (in, 0x63);         /* a list of an unknown type */
  put_u32 (in, 0);
  g_autoptr (GwHs2Transport) transport = NULL;
  g_autoptr (ThriftProtocol) protocol = memory_protocol (in, 4096, &transport);
  gpointer buf = NULL;
  guint32 len = 0, size = 0;
  ThriftType type;
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (thrift_protocol_read_binary (protocol, &buf, &len, &error), ==, -1);
  g_assert_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_NEGATIVE_SIZE);
  g_clear_error (&error);
  g_assert_cmpint (thrift_protocol_read_list_begin (protocol, &type, &size, &error), ==, -1);
  g_assert_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_MAX_MESSAGE_SIZE_REACHED);
  g_clear_error (&error);
  g_assert_cmpint (thrift_protocol_read_list_begin (protocol, &type, &size, &error), ==, -1);
  g_assert_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_INVALID_DATA);
}

/* thrift_protocol_skip recurses once per nested struct: without a bound, a few hundred KB of
 * "struct field id 1" headers would overflow the thread's stack. */
static void
test_protocol_depth_limit (void)
{
  for (guint depth = 10; depth <= 100000; depth *= 10000) {
    g_autoptr (GByteArray) in = g_byte_array_new ();
    for (guint i = 0; i < depth; i++) {
      put_u8 (in, T_STRUCT);
      put_u8 (in, 0);
      put_u8 (in, 1);
    }
    for (guint i = 0; i <= depth; i++)
      put_u8 (in, T_STOP);
    g_autoptr (GwHs2Transport) transport = NULL;
    g_autoptr (ThriftProtocol) protocol = memory_protocol (in, 0, &transport);
    g_autoptr (GError) error = NULL;
    gint32 ret = thrift_protocol_skip (protocol, T_STRUCT, &error);
    if (depth == 10) {
      g_assert_no_error (error);
      g_assert_cmpint (ret, ==, (gint32) in->len);
    } else {
      g_assert_cmpint (ret, ==, -1);
      g_assert_error (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_DEPTH_LIMIT);
    }
  }
}

/* What the parent writes, the bounded reader reads back. */
static void
test_protocol_round_trip (void)
{
  g_autoptr (GByteArray) empty = g_byte_array_new ();
  GOutputStream *output;
  g_autoptr (GwHs2Transport) writer = memory_transport (empty, 0, &output);
  g_autoptr (ThriftProtocol) out = gw_hs2_protocol_new (THRIFT_TRANSPORT (writer), 0);
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (thrift_protocol_write_message_begin (out, "GetInfo", T_REPLY, 7, &error), >, 0);
  g_assert_cmpint (thrift_protocol_write_string (out, "", &error), ==, 4);
  g_assert_cmpint (thrift_protocol_write_binary (out, (gpointer) "\1\2", 2, &error), ==, 6);
  g_assert_cmpint (thrift_protocol_write_map_begin (out, T_STRING, T_I32, 1, &error), >, 0);
  g_assert_cmpint (thrift_protocol_write_string (out, "k", &error), >, 0);
  g_assert_cmpint (thrift_protocol_write_i32 (out, 42, &error), ==, 4);
  g_assert_true (thrift_transport_flush (THRIFT_TRANSPORT (writer), &error));
  g_assert_no_error (error);

  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (output);
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_bytes (in, g_memory_output_stream_get_data (memory), g_memory_output_stream_get_data_size (memory));
  g_autoptr (GwHs2Transport) reader = NULL;
  g_autoptr (ThriftProtocol) protocol = memory_protocol (in, 0, &reader);
  g_autofree gchar *name = NULL, *empty_string = NULL, *key = NULL;
  g_autofree gpointer bin = NULL;
  guint32 bin_len = 0, size = 0;
  ThriftMessageType type;
  ThriftType key_type, value_type;
  gint32 seqid = 0, value = 0;
  g_assert_cmpint (thrift_protocol_read_message_begin (protocol, &name, &type, &seqid, &error), >, 0);
  g_assert_cmpint (thrift_protocol_read_string (protocol, &empty_string, &error), ==, 4);
  g_assert_cmpint (thrift_protocol_read_binary (protocol, &bin, &bin_len, &error), ==, 6);
  g_assert_cmpint (thrift_protocol_read_map_begin (protocol, &key_type, &value_type, &size, &error), ==, 6);
  g_assert_cmpint (thrift_protocol_read_string (protocol, &key, &error), ==, 5);
  g_assert_cmpint (thrift_protocol_read_i32 (protocol, &value, &error), ==, 4);
  g_assert_cmpint (thrift_protocol_read_map_end (protocol, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "GetInfo");
  g_assert_cmpint (type, ==, T_REPLY);
  g_assert_cmpint (seqid, ==, 7);
  g_assert_cmpstr (empty_string, ==, "");
  g_assert_cmpmem (bin, bin_len, "\1\2", 2);
  g_assert_cmpint (key_type, ==, T_STRING);
  g_assert_cmpint (value_type, ==, T_I32);
  g_assert_cmpuint (size, ==, 1);
  g_assert_cmpstr (key, ==, "k");
  g_assert_cmpint (value, ==, 42);
}

/* ---- SASL PLAIN ---- */

typedef struct {
  gboolean  ok;
  gchar    *user;
  GError   *error;
  GBytes   *reply;
} Handshake;

static void
handshake_clear (Handshake *h)
{
  g_free (h->user);
  g_clear_error (&h->error);
  g_bytes_unref (h->reply);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Handshake, handshake_clear)

static gboolean
check_password (const char *user, const char *password, gpointer data, GError **error)
{
  if (g_strcmp0 (password, data) == 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "wrong password for %s", user);
  return FALSE;
}

static void
run_handshake (GByteArray *in, guint32 max_payload, gboolean password, Handshake *h)
{
  GOutputStream *output;
  g_autoptr (GIOStream) stream = memory_stream (in->data, in->len, &output);
  h->ok = gw_hs2_sasl_plain_handshake (g_io_stream_get_input_stream (stream), output, max_payload,
                                       password ? check_password : NULL, (gpointer) "secret", NULL,
                                       &h->user, &h->error);
  g_output_stream_close (output, NULL, NULL);
  h->reply = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

static void
assert_reply (GBytes *reply, guint8 status, const char *message)
{
  g_autoptr (GByteArray) expected = g_byte_array_new ();
  put_sasl_frame (expected, status, message, strlen (message));
  g_assert_cmpmem (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), expected->data,
                   expected->len);
}

/* The three client styles of hiveserver2.md §4.1, each answered COMPLETE with no payload. */
static void
test_sasl_plain_client_styles (void)
{
  static const struct {
    guint8 status;
    const char *response;
    gsize length;
    const char *user;
  } styles[] = {
    { GW_HS2_SASL_STATUS_OK, "\0alice\0secret", 13, "alice" },               /* Python thrift_sasl */
    { GW_HS2_SASL_STATUS_COMPLETE, "\0anonymous\0anonymous", 20, "anonymous" }, /* Hive JDBC */
    { GW_HS2_SASL_STATUS_OK, "alice\0alice\0secret", 18, "alice" },          /* node hive-driver */
  };
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++) {
    g_autoptr (GByteArray) in = g_byte_array_new ();
    put_sasl_frame (in, GW_HS2_SASL_STATUS_START, "PLAIN", 5);
    put_sasl_frame (in, styles[i].status, styles[i].response, styles[i].length);
    g_auto (Handshake) h = { 0 };
    run_handshake (in, 0, FALSE, &h);
    g_assert_no_error (h.error);
    g_assert_true (h.ok);
    g_assert_cmpstr (h.user, ==, styles[i].user);
    assert_reply (h.reply, GW_HS2_SASL_STATUS_COMPLETE, "");
  }
}

/* Each refusal sends the status and message the Java server would, then fails. */
static void
test_sasl_refusals (void)
{
  static const struct {
    guint8 first_status;
    const char *mechanism;
    guint8 second_status;
    const char *response;
    gsize length;
    gboolean password;
    gint code;
    guint8 reply_status;
    const char *reply;
  } cases[] = {
    { 0x07, "PLAIN", 0, NULL, 0, FALSE, GW_HS2_SASL_ERROR_PROTOCOL, GW_HS2_SASL_STATUS_ERROR,
      "Invalid status 7" },
    { GW_HS2_SASL_STATUS_OK, "PLAIN", 0, NULL, 0, FALSE, GW_HS2_SASL_ERROR_PROTOCOL,
      GW_HS2_SASL_STATUS_ERROR, "Expecting START status, received 2" },
    { GW_HS2_SASL_STATUS_START, "GSSAPI", 0, NULL, 0, FALSE, GW_HS2_SASL_ERROR_MECHANISM,
      GW_HS2_SASL_STATUS_BAD, "Unsupported mechanism type GSSAPI" },
    { GW_HS2_SASL_STATUS_START, "PLAIN", GW_HS2_SASL_STATUS_START, "\0a\0b", 4, FALSE,
      GW_HS2_SASL_ERROR_PROTOCOL, GW_HS2_SASL_STATUS_ERROR,
      "Expecting COMPLETE or OK status, received 1" },
    { GW_HS2_SASL_STATUS_START, "PLAIN", GW_HS2_SASL_STATUS_OK, "justone", 7, FALSE,
      GW_HS2_SASL_ERROR_AUTHENTICATION, GW_HS2_SASL_STATUS_BAD, "Invalid message format" },
    { GW_HS2_SASL_STATUS_START, "PLAIN", GW_HS2_SASL_STATUS_OK, "\0alice\0wrong", 12, TRUE,
      GW_HS2_SASL_ERROR_AUTHENTICATION, GW_HS2_SASL_STATUS_BAD,
      "Error validating the login: wrong password for alice" },
    { GW_HS2_SASL_STATUS_START, "PLAIN", GW_HS2_SASL_STATUS_OK, "\0alice\0", 7, TRUE,
      GW_HS2_SASL_ERROR_AUTHENTICATION, GW_HS2_SASL_STATUS_BAD, "No password provided" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GByteArray) in = g_byte_array_new ();
    put_sasl_frame (in, cases[i].first_status, cases[i].mechanism, strlen (cases[i].mechanism));
    if (cases[i].response != NULL)
      put_sasl_frame (in, cases[i].second_status, cases[i].response, cases[i].length);
    g_auto (Handshake) h = { 0 };
    run_handshake (in, 0, cases[i].password, &h);
    g_assert_false (h.ok);
    g_assert_error (h.error, GW_HS2_SASL_ERROR, cases[i].code);
    assert_reply (h.reply, cases[i].reply_status, cases[i].reply);
  }
}

static void
test_sasl_password_accepted (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_sasl_frame (in, GW_HS2_SASL_STATUS_START, "PLAIN", 5);
  put_sasl_frame (in, GW_HS2_SASL_STATUS_COMPLETE, "\0alice\0secret", 13);
  g_auto (Handshake) h = { 0 };
  run_handshake (in, 0, TRUE, &h);
  g_assert_no_error (h.error);
  g_assert_cmpstr (h.user, ==, "alice");
}

static void
test_sasl_oversized_payload (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_u8 (in, GW_HS2_SASL_STATUS_START);
  put_u32 (in, 64 * 1024 + 1);
  put_bytes (in, "PLAIN", 5);
  g_auto (Handshake) h = { 0 };
  run_handshake (in, 0, FALSE, &h);
  g_assert_error (h.error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_PROTOCOL);
  assert_reply (h.reply, GW_HS2_SASL_STATUS_ERROR, "Invalid payload header length: 65537");
}

/* A client that reports a failure gets no answer; one that hangs up mid-frame neither. */
static void
test_sasl_peer_failure_and_eof (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  put_sasl_frame (in, GW_HS2_SASL_STATUS_START, "PLAIN", 5);
  put_sasl_frame (in, GW_HS2_SASL_STATUS_ERROR, "no credentials", 14);
  g_auto (Handshake) h = { 0 };
  run_handshake (in, 0, FALSE, &h);
  g_assert_error (h.error, GW_HS2_SASL_ERROR, GW_HS2_SASL_ERROR_PEER);
  g_assert_cmpuint (g_bytes_get_size (h.reply), ==, 0);

  g_autoptr (GByteArray) cut = g_byte_array_new ();
  put_u8 (cut, GW_HS2_SASL_STATUS_START);
  put_u32 (cut, 5);
  put_bytes (cut, "PL", 2);
  g_auto (Handshake) h2 = { 0 };
  run_handshake (cut, 0, FALSE, &h2);
  g_assert_error (h2.error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED);
  g_assert_cmpuint (g_bytes_get_size (h2.reply), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hs2/transport/raw/exact-reads", test_raw_exact_reads);
  g_test_add_func ("/hs2/transport/raw/write-on-flush", test_raw_write_on_flush);
  g_test_add_func ("/hs2/transport/framed/reads-span-frames", test_framed_reads_span_frames);
  g_test_add_func ("/hs2/transport/framed/flush-one-frame", test_framed_flush_one_frame);
  g_test_add_func ("/hs2/transport/framed/bad-lengths", test_framed_bad_lengths);
  g_test_add_func ("/hs2/transport/message-budget", test_message_budget);
  g_test_add_func ("/hs2/transport/peek", test_peek);
  g_test_add_func ("/hs2/transport/socketpair", test_socketpair);
  g_test_add_func ("/hs2/protocol/unversioned-header", test_protocol_unversioned_header);
  g_test_add_func ("/hs2/protocol/lengths-over-budget", test_protocol_lengths_over_budget);
  g_test_add_func ("/hs2/protocol/bad-sizes", test_protocol_bad_sizes);
  g_test_add_func ("/hs2/protocol/depth-limit", test_protocol_depth_limit);
  g_test_add_func ("/hs2/protocol/round-trip", test_protocol_round_trip);
  g_test_add_func ("/hs2/sasl/plain-client-styles", test_sasl_plain_client_styles);
  g_test_add_func ("/hs2/sasl/refusals", test_sasl_refusals);
  g_test_add_func ("/hs2/sasl/password-accepted", test_sasl_password_accepted);
  g_test_add_func ("/hs2/sasl/oversized-payload", test_sasl_oversized_payload);
  g_test_add_func ("/hs2/sasl/peer-failure-and-eof", test_sasl_peer_failure_and_eof);
  return g_test_run ();
}
