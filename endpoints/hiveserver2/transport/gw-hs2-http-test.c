/* GwHs2Http over real HTTP on 127.0.0.1 with a fake processor: POST /cliservice with Basic
 * credentials, the error statuses (404, 405, 413, 400, 500, 401). */
#include "gw-hs2-http.h"
#include "gw-hs2-test-support.h"

#include <libsoup/soup.h>
#include <string.h>

typedef struct {
  ThriftProcessor *processor;
  GwHs2Http       *http;
  Hs2TestHooks     hooks;
} Fixture;

static gboolean
check_password (const char *user, const char *password, gpointer data, GError **error)
{
  if (g_strcmp0 (password, "secret") == 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "wrong password");
  return FALSE;
}

static void
start_http (Fixture *f, gboolean password)
{
  GwHs2HttpOptions options = {
    .max_body_size = 1024, .worker_threads = 2, .processor = f->processor,
    .authenticate = password ? check_password : NULL,
    .connection_open = hs2_test_on_open, .connection_close = hs2_test_on_close,
    .connection_data = &f->hooks,
  };
  g_clear_pointer (&f->http, gw_hs2_http_free);
  f->http = gw_hs2_http_new (&options);
  g_autoptr (GError) error = NULL;
  g_assert_true (gw_hs2_http_start (f->http, &error));
  g_assert_no_error (error);
}

/* Sends one request; returns the status and the body in *body. */
static guint
http_request (Fixture *f, const char *method, const char *path, const char *credentials,
              const guint8 *body, gsize length, GBytes **response)
{
  /* Direct: an http_proxy in the environment must not catch 127.0.0.1. */
  g_autoptr (GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
  g_autoptr (SoupSession) session = soup_session_new_with_options ("proxy-resolver", direct, NULL);
  g_autofree gchar *uri = g_strdup_printf ("http://127.0.0.1:%u%s", gw_hs2_http_get_port (f->http),
                                           path);
  g_autoptr (SoupMessage) msg = soup_message_new (method, uri);
  if (credentials != NULL) {
    g_autofree gchar *encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
    g_autofree gchar *header = g_strdup_printf ("Basic %s", encoded);
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
  }
  if (body != NULL) {
    g_autoptr (GBytes) bytes = g_bytes_new (body, length);
    soup_message_set_request_body_from_bytes (msg, "application/x-thrift", bytes);
  }
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) received = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (response != NULL)
    *response = g_steal_pointer (&received);
  return soup_message_get_status (msg);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  hs2_test_hooks_init (&f->hooks);
  f->processor = hs2_test_processor_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gw_hs2_http_free (f->http);
  g_object_unref (f->processor);
  hs2_test_hooks_clear (&f->hooks);
}

static void
test_http (Fixture *f, gconstpointer data)
{
  start_http (f, FALSE);
  g_autoptr (GByteArray) call = hs2_test_call_message ("OpenSession", 7);
  g_autoptr (GBytes) reply = NULL;
  g_assert_cmpuint (http_request (f, "POST", "/cliservice", "alice:secret", call->data, call->len,
                                  &reply), ==, 200);
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_bytes (reply);
  g_autofree gchar *text = hs2_test_read_reply (in, "OpenSession", 7);
  g_assert_cmpstr (text, ==, "OpenSession for alice");

  /* Authentication NONE: no credentials at all is fine too. */
  g_assert_cmpuint (http_request (f, "POST", "/cliservice", NULL, call->data, call->len, NULL), ==, 200);
  g_assert_cmpuint (http_request (f, "GET", "/cliservice", NULL, NULL, 0, NULL), ==, 405);
  g_assert_cmpuint (http_request (f, "POST", "/other", NULL, call->data, call->len, NULL), ==, 404);
  g_autofree guint8 *big = g_malloc0 (2048);
  g_assert_cmpuint (http_request (f, "POST", "/cliservice", NULL, big, 2048, NULL), ==, 413);
  /* A truncated message is a 400, not a worker spinning forever (ThriftMemoryBuffer would). */
  g_assert_cmpuint (http_request (f, "POST", "/cliservice", NULL, call->data, call->len - 3, NULL),
                    ==, 400);
  g_assert_cmpuint (http_request (f, "POST", "/cliservice", NULL, (const guint8 *) "", 0, NULL), ==, 400);
  g_byte_array_set_size (call, 0);
  g_autoptr (GByteArray) fail = hs2_test_call_message ("Fail", 1);
  g_assert_cmpuint (http_request (f, "POST", "/cliservice", NULL, fail->data, fail->len, NULL), ==, 500);
  hs2_test_wait_closed (&f->hooks, 5); /* one context per processed request */
}

static void
test_http_password (Fixture *f, gconstpointer data)
{
  start_http (f, TRUE);
  g_autoptr (GByteArray) call = hs2_test_call_message ("GetInfo", 3);
  g_assert_cmpuint (http_request (f, "POST", "/cliservice", NULL, call->data, call->len, NULL), ==, 401);
  g_assert_cmpuint (http_request (f, "POST", "/cliservice", "alice:wrong", call->data, call->len,
                                  NULL), ==, 401);
  g_assert_cmpuint (http_request (f, "POST", "/cliservice", "alice:secret", call->data, call->len,
                                  NULL), ==, 200);
  hs2_test_wait_closed (&f->hooks, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  hs2_test_capture_logs ();
  g_test_add ("/hs2/http/post", Fixture, NULL, fixture_set_up, test_http, fixture_tear_down);
  g_test_add ("/hs2/http/password", Fixture, NULL, fixture_set_up, test_http_password,
              fixture_tear_down);
  return g_test_run ();
}
