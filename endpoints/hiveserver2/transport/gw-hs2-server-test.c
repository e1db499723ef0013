/* GwHs2Server over real sockets on 127.0.0.1 with a fake processor: NOSASL, SASL PLAIN in each
 * client style, hostile input (each closes only its own connection), login timeout, connection
 * limit and stop. */
#include "gw-hs2-server.h"
#include "gw-hs2-test-support.h"

#include <string.h>

#define CLIENT_TIMEOUT_S 10 /* a broken server fails the test instead of hanging it */

typedef struct {
  ThriftProcessor *processor;
  GwHs2Server     *server;
  Hs2TestHooks     hooks;
} Fixture;

static void
start_server (Fixture *f, GwHs2AuthMethods methods, guint login_timeout_ms, gint max_threads)
{
  GwHs2ServerOptions options = {
    .port = 0, .max_threads = max_threads, .login_timeout_ms = login_timeout_ms,
    .max_message_size = 64 * 1024, .methods = methods, .processor = f->processor,
    .connection_open = hs2_test_on_open, .connection_close = hs2_test_on_close,
    .connection_data = &f->hooks,
  };
  f->server = gw_hs2_server_new (&options);
  g_autoptr (GError) error = NULL;
  g_assert_true (gw_hs2_server_start (f->server, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gw_hs2_server_get_port (f->server), >, 0);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  hs2_test_hooks_init (&f->hooks);
  f->processor = hs2_test_processor_new ();
  start_server (f, GW_HS2_AUTH_METHOD_NOSASL | GW_HS2_AUTH_METHOD_SASL_PLAIN, 0, -1);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_true (gw_hs2_server_stop (f->server));
  gw_hs2_server_free (f->server);
  g_object_unref (f->processor);
  hs2_test_hooks_clear (&f->hooks);
}

/* ---- a hand-written client ---- */

static GByteArray *
framed (GByteArray *message)
{
  GByteArray *b = g_byte_array_new ();
  hs2_test_put_u32 (b, message->len);
  g_byte_array_append (b, message->data, message->len);
  return b;
}

static void
put_sasl_frame (GByteArray *b, guint8 status, const char *payload, gsize length)
{
  g_byte_array_append (b, &status, 1);
  hs2_test_put_u32 (b, (guint32) length);
  g_byte_array_append (b, (const guint8 *) payload, (guint) length);
}

static GSocketConnection *
client_connect (guint16 port)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_socket_client_set_enable_proxy (client, FALSE);
  g_autoptr (GError) error = NULL;
  GSocketConnection *connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL,
                                                                   &error);
  g_assert_no_error (error);
  g_socket_set_timeout (g_socket_connection_get_socket (connection), CLIENT_TIMEOUT_S);
  return connection;
}

static void
client_send (GSocketConnection *connection, const guint8 *data, gsize length)
{
  g_autoptr (GError) error = NULL;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_assert_true (g_output_stream_write_all (out, data, length, NULL, NULL, &error));
  g_assert_no_error (error);
}


/* One call on a connection; checks the reply text. */
static void
assert_call (GSocketConnection *connection, gboolean is_framed, const char *name, guint32 seqid,
             const char *expected)
{
  g_autoptr (GByteArray) message = hs2_test_call_message (name, seqid);
  g_autoptr (GByteArray) frame = framed (message);
  GByteArray *bytes = is_framed ? frame : message;
  client_send (connection, bytes->data, bytes->len);
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  if (is_framed)
    g_assert_cmpuint (hs2_test_read_u32 (in), >, 0);
  g_autofree gchar *text = hs2_test_read_reply (in, name, seqid);
  g_assert_cmpstr (text, ==, expected);
}

/* Reads until the server closes (FIN or reset); returns what arrived before. */
static GByteArray *
read_until_closed (GSocketConnection *connection)
{
  GByteArray *received = g_byte_array_new ();
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  guint8 buf[512];
  while (TRUE) {
    g_autoptr (GError) error = NULL;
    gssize n = g_input_stream_read (in, buf, sizeof buf, NULL, &error);
    if (n < 0) {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED); /* reset, not timeout */
      break;
    }
    if (n == 0)
      break;
    g_byte_array_append (received, buf, (guint) n);
  }
  return received;
}

/* SASL PLAIN login, START and response in one segment as clients may send them. */
static void
sasl_login (GSocketConnection *connection, guint8 status, const char *response, gsize length)
{
  g_autoptr (GByteArray) b = g_byte_array_new ();
  put_sasl_frame (b, 0x01, "PLAIN", 5);
  put_sasl_frame (b, status, response, length);
  client_send (connection, b->data, b->len);
  g_autofree gchar *complete = hs2_test_read_text (g_io_stream_get_input_stream (G_IO_STREAM (connection)), 5);
  g_assert_cmpmem (complete, 5, "\x05\0\0\0\0", 5);
}

/* ---- tests ---- */

static void
test_nosasl (Fixture *f, gconstpointer data)
{
  g_autoptr (GSocketConnection) c = client_connect (gw_hs2_server_get_port (f->server));
  assert_call (c, FALSE, "OpenSession", 1, "OpenSession for nosasl");
  assert_call (c, FALSE, "GetInfo", 2, "GetInfo for nosasl");
  g_io_stream_close (G_IO_STREAM (c), NULL, NULL);
  hs2_test_wait_closed (&f->hooks, 1);
}

static void
test_sasl_plain (Fixture *f, gconstpointer data)
{
  static const struct {
    guint8 status;
    const char *response;
    gsize length;
    const char *user;
  } styles[] = {
    { 0x02, "\0alice\0secret", 13, "alice" },          /* Python thrift_sasl: OK, no authzid */
    { 0x05, "\0anonymous\0anonymous", 20, "anonymous" }, /* Hive JDBC: COMPLETE */
    { 0x02, "bob\0bob\0secret", 14, "bob" },            /* hive-driver: OK, authzid = user */
  };
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++) {
    g_autoptr (GSocketConnection) c = client_connect (gw_hs2_server_get_port (f->server));
    sasl_login (c, styles[i].status, styles[i].response, styles[i].length);
    g_autofree gchar *opened = g_strdup_printf ("OpenSession for %s", styles[i].user);
    g_autofree gchar *closed = g_strdup_printf ("CloseSession for %s", styles[i].user);
    assert_call (c, TRUE, "OpenSession", 1, opened);
    assert_call (c, TRUE, "CloseSession", 2, closed);
  }
  hs2_test_wait_closed (&f->hooks, G_N_ELEMENTS (styles));
}

/* Each hostile client is closed (with one log line) while a logged-in bystander connection
 * keeps working and a new client is served. */
typedef struct {
  const char *name;
  gboolean    sasl;       /* log in with SASL PLAIN before sending the bytes */
  const char *bytes;
  gsize       length;
  gboolean    half_close; /* the client stops sending: the server sees the end of the stream */
  const char *reply;      /* what the server sends back before closing, or NULL */
  gsize       reply_length;
  const char *logged;
} Hostile;

/* A string literal and its length (it may hold NUL bytes). */
#define S(literal) literal, sizeof (literal) - 1

static const Hostile hostile_cases[] = {
  { "random bytes", FALSE, S ("Zq\x93\x07\xff\x00garbage"), FALSE, NULL, 0,
    "not a Thrift or SASL start byte 0x5a" },
  { "HTTP on the binary port", FALSE, S ("POST /cliservice HTTP/1.1\r\n\r\n"), FALSE, NULL, 0,
    "not a Thrift or SASL start byte 0x50" },
  { "2 GiB frame", TRUE, S ("\x7f\xff\xff\xff\x80\x01\x00\x01"), FALSE, NULL, 0,
    "frame of 2147483647 bytes exceeds the limit of 65536 bytes" },
  { "negative frame", TRUE, S ("\x80\x00\x00\x00\x80\x01\x00\x01"), FALSE, NULL, 0,
    "negative frame length -2147483648" },
  { "truncated message", FALSE, S ("\x80\x01\x00\x01\x00\x00\x00\x0bOpenSe"), TRUE, NULL, 0,
    "connection closed by the peer after 6 of 11 bytes" },
  { "unversioned message", FALSE, S ("\x80\x02\x00\x01\x00\x00\x00\x01x\x00\x00\x00\x01\x00"),
    FALSE, NULL, 0, "not a strict TBinaryProtocol message header: 0x80020001" },
  { "string longer than the message limit", FALSE, S ("\x80\x01\x00\x01\x7f\xff\xff\xf0"), FALSE,
    NULL, 0, "exceeds the message limit of 65536 bytes" },
  { "handler failure", FALSE, S ("\x80\x01\x00\x01\x00\x00\x00\x04""Fail\x00\x00\x00\x01\x00"),
    FALSE, NULL, 0, "after 0 messages: the handler failed" },
  { "SASL frame with a bad status", FALSE, S ("\x01\x00\x00\x00\x05PLAIN\x09\x00\x00\x00\x00"),
    FALSE, S ("\x04\x00\x00\x00\x10Invalid status 9"), "Invalid status 9" },
  { "oversized SASL payload", FALSE, S ("\x01\x00\x10\x00\x00PLAIN"), FALSE,
    S ("\x04\x00\x00\x00\x26Invalid payload header length: 1048576"),
    "Invalid payload header length: 1048576" },
  { "SASL mechanism other than PLAIN", FALSE, S ("\x01\x00\x00\x00\x06GSSAPI"), FALSE,
    S ("\x03\x00\x00\x00\x21Unsupported mechanism type GSSAPI"),
    "Unsupported mechanism type GSSAPI" },
};

static void
test_hostile (Fixture *f, gconstpointer data)
{
  guint16 port = gw_hs2_server_get_port (f->server);
  g_autoptr (GSocketConnection) bystander = client_connect (port);
  sasl_login (bystander, 0x02, "\0carol\0pw", 9);
  assert_call (bystander, TRUE, "OpenSession", 1, "OpenSession for carol");
  guint logged_in = 1;

  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++) {
    const Hostile *h = &hostile_cases[i];
    g_test_message ("hostile client: %s", h->name);
    g_autoptr (GSocketConnection) c = client_connect (port);
    if (h->sasl) {
      sasl_login (c, 0x02, "\0mallory\0pw", 11);
      logged_in++;
    } else if (h->bytes[0] == '\x80') {
      logged_in++; /* NOSASL: logged in by its first byte */
    }
    client_send (c, (const guint8 *) h->bytes, h->length);
    if (h->half_close)
      g_socket_shutdown (g_socket_connection_get_socket (c), FALSE, TRUE, NULL);
    g_autoptr (GByteArray) received = read_until_closed (c);
    if (h->reply != NULL)
      g_assert_cmpmem (received->data, received->len, h->reply, h->reply_length);
    else
      g_assert_cmpuint (received->len, ==, 0);
    hs2_test_assert_logged (h->logged);

    assert_call (bystander, TRUE, "GetInfo", i + 2, "GetInfo for carol");
    g_autoptr (GSocketConnection) fresh = client_connect (port);
    assert_call (fresh, FALSE, "OpenSession", 1, "OpenSession for nosasl");
    logged_in++;
  }
  g_io_stream_close (G_IO_STREAM (bystander), NULL, NULL);
  hs2_test_wait_closed (&f->hooks, logged_in);
}

/* A client that connects and stays silent, or stalls in the handshake, is closed after the
 * login timeout; a logged-in client may idle longer. */
static void
test_login_timeout (Fixture *f, gconstpointer data)
{
  gw_hs2_server_free (f->server);
  start_server (f, GW_HS2_AUTH_METHOD_NOSASL | GW_HS2_AUTH_METHOD_SASL_PLAIN, 200, -1);
  guint16 port = gw_hs2_server_get_port (f->server);
  g_autoptr (GSocketConnection) idle = client_connect (port);
  assert_call (idle, FALSE, "OpenSession", 1, "OpenSession for nosasl");

  g_autoptr (GSocketConnection) silent = client_connect (port);
  g_autoptr (GSocketConnection) stalled = client_connect (port);
  client_send (stalled, (const guint8 *) "\x01\x00\x00\x00\x05PLAIN", 10);
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GByteArray) r1 = read_until_closed (silent);
  g_autoptr (GByteArray) r2 = read_until_closed (stalled);
  gint64 elapsed_ms = (g_get_monotonic_time () - start) / G_TIME_SPAN_MILLISECOND;
  g_assert_cmpint (elapsed_ms, >=, 150);
  g_assert_cmpint (elapsed_ms, <, 5000);
  g_assert_cmpuint (r1->len + r2->len, ==, 0);
  hs2_test_assert_logged ("no login within 200 ms");

  /* Idle for longer than the login timeout, still served. */
  assert_call (idle, FALSE, "GetInfo", 2, "GetInfo for nosasl");
}

/* A listener for one kind of client closes the other kind; a SASL client is told why. */
static void
test_methods (Fixture *f, gconstpointer data)
{
  gw_hs2_server_free (f->server);
  start_server (f, GW_HS2_AUTH_METHOD_NOSASL, 0, -1);
  g_autoptr (GSocketConnection) sasl = client_connect (gw_hs2_server_get_port (f->server));
  client_send (sasl, (const guint8 *) "\x01\x00\x00\x00\x05PLAIN", 10);
  g_autoptr (GByteArray) refusal = read_until_closed (sasl);
  g_assert_cmpuint (refusal->len, >, 5);
  g_assert_cmpint (refusal->data[0], ==, 0x03);
  hs2_test_assert_logged ("a SASL client, but the server accepts NOSASL clients only");

  gw_hs2_server_free (f->server);
  start_server (f, GW_HS2_AUTH_METHOD_SASL_PLAIN, 0, -1);
  g_autoptr (GSocketConnection) nosasl = client_connect (gw_hs2_server_get_port (f->server));
  g_autoptr (GByteArray) call = hs2_test_call_message ("OpenSession", 1);
  client_send (nosasl, call->data, call->len);
  g_autoptr (GByteArray) nothing = read_until_closed (nosasl);
  g_assert_cmpuint (nothing->len, ==, 0);
  hs2_test_assert_logged ("a NOSASL client, but the server accepts SASL clients only");
}

/* Over the connection limit a client is closed at once instead of waiting for a thread. */
static void
test_max_threads (Fixture *f, gconstpointer data)
{
  gw_hs2_server_free (f->server);
  start_server (f, GW_HS2_AUTH_METHOD_NOSASL, 0, 1);
  guint16 port = gw_hs2_server_get_port (f->server);
  g_autoptr (GSocketConnection) first = client_connect (port);
  assert_call (first, FALSE, "OpenSession", 1, "OpenSession for nosasl");
  g_autoptr (GSocketConnection) second = client_connect (port);
  g_autoptr (GByteArray) nothing = read_until_closed (second);
  g_assert_cmpuint (nothing->len, ==, 0);
  hs2_test_assert_logged ("the limit of 1 connections is reached");
  g_io_stream_close (G_IO_STREAM (first), NULL, NULL);
  hs2_test_wait_closed (&f->hooks, 1);
  g_autoptr (GSocketConnection) third = client_connect (port);
  assert_call (third, FALSE, "OpenSession", 1, "OpenSession for nosasl");
}

/* Stop cancels idle connections (their close hook runs) and returns within its bound. */
static void
test_stop (Fixture *f, gconstpointer data)
{
  g_autoptr (GSocketConnection) c = client_connect (gw_hs2_server_get_port (f->server));
  assert_call (c, FALSE, "OpenSession", 1, "OpenSession for nosasl");
  gint64 start = g_get_monotonic_time ();
  g_assert_true (gw_hs2_server_stop (f->server));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (f->hooks.closed, ==, 1);
  g_autoptr (GByteArray) nothing = read_until_closed (c);
  g_assert_cmpuint (nothing->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  hs2_test_capture_logs ();
  g_test_add ("/hs2/server/nosasl", Fixture, NULL, fixture_set_up, test_nosasl, fixture_tear_down);
  g_test_add ("/hs2/server/sasl-plain", Fixture, NULL, fixture_set_up, test_sasl_plain,
              fixture_tear_down);
  g_test_add ("/hs2/server/hostile", Fixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add ("/hs2/server/login-timeout", Fixture, NULL, fixture_set_up, test_login_timeout,
              fixture_tear_down);
  g_test_add ("/hs2/server/methods", Fixture, NULL, fixture_set_up, test_methods, fixture_tear_down);
  g_test_add ("/hs2/server/max-threads", Fixture, NULL, fixture_set_up, test_max_threads,
              fixture_tear_down);
  g_test_add ("/hs2/server/stop", Fixture, NULL, fixture_set_up, test_stop, fixture_tear_down);
  return g_test_run ();
}
