/* Hostile bytes against the HiveServer2 endpoint (an in-process service and the endpoint on
 * free ports): random bytes, huge frames, truncated messages, huge strings, bad SASL and idle
 * connections must close only their own connection, while a bystander session goes on and new
 * clients are served. The shared helpers are in gw-hs2-client-support.c. */
#include "gw-hs2-client-support.h"

#include <string.h>

/* An open connection with a session, which must outlive its neighbours' bad input. */
typedef struct {
  Client         *client;
  TSessionHandle *session;
} Bystander;

static void
bystander_start (Bystander *b)
{
  b->client = client_new ();
  b->session = open_session (b->client, V (10), NULL);
}

static void
bystander_check (Bystander *b)
{
  g_autoptr (TGetInfoResp) info = get_info (b->client, b->session, T_GET_INFO_TYPE_CLI_DBMS_NAME);
  assert_success (info->status);
  close_session (b->client, b->session);
  g_object_unref (b->session);
  client_free (b->client);
  /* And a new client is served. */
  g_autoptr (Client) fresh = client_new ();
  g_autoptr (TSessionHandle) session = open_session (fresh, V (6), NULL);
  close_session (fresh, session);
}

static void
test_hostile_random_bytes (void)
{
  Bystander b;
  bystander_start (&b);
  guint8 noise[4096];
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_random_int_range (0, 256);
  /* Not a Thrift or SASL start byte: closed at once. */
  noise[0] = 0x42;
  g_autoptr (GSocketConnection) first = raw_connect (port);
  raw_write (first, noise, sizeof noise);
  g_byte_array_unref (raw_read_to_eof (first));
  /* A strict message header, then noise: closed when the message does not parse. */
  memcpy (noise, "\x80\x01\x00\x01", 4);
  g_autoptr (GSocketConnection) second = raw_connect (port);
  raw_write (second, noise, sizeof noise);
  raw_shutdown_write (second);
  g_byte_array_unref (raw_read_to_eof (second));
  bystander_check (&b);
}

static void
test_hostile_huge_frame (void)
{
  Bystander b;
  bystander_start (&b);
  g_autoptr (GSocketConnection) conn = raw_connect (port);
  sasl_login (conn);
  g_autoptr (GByteArray) frame = g_byte_array_new ();
  put_u32 (frame, 0x80000000u); /* 2 GiB: refused before anything is read or allocated */
  put_bytes (frame, "\x80\x01\x00\x01", 4);
  raw_write (conn, frame->data, frame->len);
  g_autoptr (GByteArray) reply = raw_read_to_eof (conn);
  g_assert_cmpuint (reply->len, ==, 0);
  /* 2 GiB - 1, a positive length: beyond thrift.max.message.size. */
  g_autoptr (GSocketConnection) positive = raw_connect (port);
  sasl_login (positive);
  g_byte_array_set_size (frame, 0);
  put_u32 (frame, 0x7fffffffu);
  put_bytes (frame, "\x80\x01\x00\x01", 4);
  raw_write (positive, frame->data, frame->len);
  g_autoptr (GByteArray) reply2 = raw_read_to_eof (positive);
  g_assert_cmpuint (reply2->len, ==, 0);
  bystander_check (&b);
}

static void
test_hostile_truncated (void)
{
  Bystander b;
  bystander_start (&b);
  g_autoptr (GBytes) message = open_session_message (V (10));
  gsize length = g_bytes_get_size (message);
  /* NOSASL: half a message, then the client's end of the stream. */
  g_autoptr (GSocketConnection) raw = raw_connect (port);
  raw_write (raw, g_bytes_get_data (message, NULL), length / 2);
  raw_shutdown_write (raw);
  g_autoptr (GByteArray) r1 = raw_read_to_eof (raw);
  g_assert_cmpuint (r1->len, ==, 0);
  /* SASL: a frame that ends early. */
  g_autoptr (GSocketConnection) framed = raw_connect (port);
  sasl_login (framed);
  g_autoptr (GByteArray) frame = g_byte_array_new ();
  put_u32 (frame, (guint32) length);
  put_bytes (frame, g_bytes_get_data (message, NULL), length - 3);
  raw_write (framed, frame->data, frame->len);
  raw_shutdown_write (framed);
  g_autoptr (GByteArray) r2 = raw_read_to_eof (framed);
  g_assert_cmpuint (r2->len, ==, 0);
  bystander_check (&b);
}

static void
test_hostile_long_string (void)
{
  Bystander b;
  bystander_start (&b);
  g_autoptr (GByteArray) m = g_byte_array_new ();
  put_u32 (m, 0x80010001u); /* strict CALL */
  put_u32 (m, 11);
  put_bytes (m, "OpenSession", 11);
  put_u32 (m, 1);           /* seqid */
  put_bytes (m, "\x0c\x00\x01", 3);     /* field 1: struct */
  put_bytes (m, "\x08\x00\x01", 3);     /* client_protocol i32 */
  put_u32 (m, 9);
  put_bytes (m, "\x0b\x00\x02", 3);     /* username: a string of 2 GiB - 16 */
  put_u32 (m, 0x7ffffff0u);
  put_bytes (m, "abc", 3);
  g_autoptr (GSocketConnection) conn = raw_connect (port);
  raw_write (conn, m->data, m->len);
  g_autoptr (GByteArray) reply = raw_read_to_eof (conn);
  g_assert_cmpuint (reply->len, ==, 0);
  bystander_check (&b);
}

static void
test_hostile_sasl_and_login_timeout (void)
{
  Bystander b;
  bystander_start (&b);
  /* A SASL frame with a status byte that does not exist. */
  g_autoptr (GByteArray) m = g_byte_array_new ();
  put_bytes (m, "\x01", 1);
  put_u32 (m, 5);
  put_bytes (m, "PLAIN", 5);
  put_bytes (m, "\x07", 1);
  put_u32 (m, 0);
  g_autoptr (GSocketConnection) bad = raw_connect (port);
  raw_write (bad, m->data, m->len);
  g_byte_array_unref (raw_read_to_eof (bad)); /* a BAD frame may come first */
  /* Nothing at all: closed after thrift.login.timeout (1 s here). */
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GSocketConnection) idle = raw_connect (port);
  g_autoptr (GByteArray) r2 = raw_read_to_eof (idle);
  g_assert_cmpuint (r2->len, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 8 * G_USEC_PER_SEC);
  bystander_check (&b);
}

int
main (int argc, char **argv)
{
  gw_hs2_test_start (&argc, &argv);

  g_test_add_func ("/hs2/hostile/random-bytes", test_hostile_random_bytes);
  g_test_add_func ("/hs2/hostile/huge-frame", test_hostile_huge_frame);
  g_test_add_func ("/hs2/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/hs2/hostile/long-string", test_hostile_long_string);
  g_test_add_func ("/hs2/hostile/sasl-and-login-timeout", test_hostile_sasl_and_login_timeout);
  return gw_hs2_test_run ();
}
