/* The benchmarks' REST client: libsoup 3 sync requests, and fetch pages scanned for the few
 * fields a client needs (resultType, nextResultUri, row count) without building a DOM. */
#define _GNU_SOURCE /* memmem */
#include "gw-bench-rest.h"

#include <libsoup/soup.h>
#include <string.h>

/* Poll interval while a result is NOT_READY or a page comes back empty: short at first, so
 * that the round-trip benchmark measures the gateway and not our sleeps. */
#define FIRST_BACKOFF_US 50
#define MAX_BACKOFF_US   10000
/* How much of an error body goes into a message. */
#define ERROR_BODY_MAX   400

struct _GwBenchClient {
  SoupSession *session;   /* owned; used only from the thread that created it */
  gchar       *base_url;  /* owned, without a trailing '/' */
};

GwBenchClient *
gw_bench_client_new (const char *base_url)
{
  GwBenchClient *client = g_new0 (GwBenchClient, 1);
  client->session = soup_session_new_with_options ("timeout", 300, "user-agent", "gw-bench",
                                                   NULL);
  /* Count the bytes that crossed the wire, not what a decoder made of them. */
  soup_session_remove_feature_by_type (client->session, SOUP_TYPE_CONTENT_DECODER);
  client->base_url = g_strdup (base_url);
  gsize len = strlen (client->base_url);
  while (len > 0 && client->base_url[len - 1] == '/')
    client->base_url[--len] = '\0';
  return client;
}

void
gw_bench_client_free (GwBenchClient *client)
{
  if (client == NULL)
    return;
  g_object_unref (client->session);
  g_free (client->base_url);
  g_free (client);
}

/* Sends one request; anything but HTTP 200 is an error carrying the start of the body. */
static GBytes *
request (GwBenchClient *client, const char *method, const char *path, const char *json_body,
         GError **error)
{
  g_autofree gchar *url = g_strconcat (client->base_url, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  if (msg == NULL) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "invalid URL %s", url);
    return NULL;
  }
  /* libsoup opens a fresh connection for every POST unless told the request may be resent;
   * REST clients (python requests, the JDBC driver's HTTP pool) keep one connection alive. */
  soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  if (json_body != NULL) {
    g_autoptr (GBytes) request_body = g_bytes_new (json_body, strlen (json_body));
    soup_message_set_request_body_from_bytes (msg, "application/json", request_body);
  }
  GBytes *body = soup_session_send_and_read (client->session, msg, NULL, error);
  if (body == NULL) {
    g_prefix_error (error, "%s %s: ", method, path);
    return NULL;
  }
  guint status = soup_message_get_status (msg);
  if (status != SOUP_STATUS_OK) {
    gsize len;
    const char *data = g_bytes_get_data (body, &len);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s %s: HTTP %u: %.*s", method, path,
                 status, (int) MIN (len, ERROR_BODY_MAX), data != NULL ? data : "");
    g_bytes_unref (body);
    return NULL;
  }
  return body;
}

static const char *
skip_space (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

/* The string value of "key" at or after from, or NULL. Values we read (UUIDs, enum names, URIs)
 * carry no escapes except possibly "\/". */
static gchar *
string_value_from (const char *from, const char *end, const char *key)
{
  g_autofree gchar *quoted = g_strdup_printf ("\"%s\"", key);
  gsize quoted_len = strlen (quoted);
  const char *p = from;

  while ((p = memmem (p, end - p, quoted, quoted_len)) != NULL) {
    const char *q = skip_space (p + quoted_len, end);
    p += quoted_len;
    if (q >= end || *q != ':')
      continue;
    q = skip_space (q + 1, end);
    if (q >= end || *q != '"')
      continue;
    GString *value = g_string_new (NULL);
    for (q++; q < end && *q != '"'; q++) {
      if (*q == '\\' && q + 1 < end)
        q++;
      g_string_append_c (value, *q);
    }
    return g_string_free (value, FALSE);
  }
  return NULL;
}

/* Looks near where the key usually is first (tail or head of a big page), then everywhere. */
static gchar *
string_value (const char *data, gsize len, const char *key, gboolean near_end)
{
  const gsize window = 1024;
  const char *end = data + len;
  gchar *value = NULL;

  if (len > window)
    value = near_end ? string_value_from (end - window, end, key)
                     : string_value_from (data, data + window, key);
  return value != NULL ? value : string_value_from (data, end, key);
}

/* Rows are objects {"kind":...,"fields":[...]} in results.data. Inside a JSON string every '"'
 * is escaped, so an unescaped "kind" followed by ':' is a key: a row (or, rarely, a nested
 * ROW/MAP field named kind, which our benchmark queries do not have). */
static guint64
count_rows (const char *data, gsize len)
{
  const char *end = data + len;
  const char *p = memmem (data, len, "\"data\"", 6);
  guint64 rows = 0;

  if (p == NULL)
    return 0;
  while ((p = memmem (p, end - p, "\"kind\"", 6)) != NULL) {
    p = skip_space (p + 6, end);
    if (p < end && *p == ':')
      rows++;
  }
  return rows;
}

static void
append_json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p; p++) {
    if (*p == '"' || *p == '\\')
      g_string_append_printf (out, "\\%c", *p);
    else if (*p < 0x20)
      g_string_append_printf (out, "\\u%04x", *p);
    else
      g_string_append_c (out, (char) *p);
  }
  g_string_append_c (out, '"');
}

/* Reads a required string field of a small response. */
static gchar *
required_field (GBytes *body, const char *key, const char *what, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  gchar *value = data != NULL ? string_value (data, len, key, FALSE) : NULL;
  if (value == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: no \"%s\" in %.*s", what, key,
                 (int) MIN (len, ERROR_BODY_MAX), data != NULL ? data : "");
  return value;
}

gchar *
gw_bench_open_session (GwBenchClient *client, GError **error)
{
  g_autoptr (GBytes) body = request (client, "POST", "/v2/sessions",
                                     "{\"sessionName\":\"gw-bench\"}", error);
  return body != NULL ? required_field (body, "sessionHandle", "open session", error) : NULL;
}

gboolean
gw_bench_close_session (GwBenchClient *client, const char *session, GError **error)
{
  g_autofree gchar *path = g_strdup_printf ("/v2/sessions/%s", session);
  g_autoptr (GBytes) body = request (client, "DELETE", path, NULL, error);
  return body != NULL;
}

gchar *
gw_bench_execute (GwBenchClient *client, const char *session, const char *sql, GError **error)
{
  g_autofree gchar *path = g_strdup_printf ("/v2/sessions/%s/statements", session);
  g_autoptr (GString) json = g_string_new ("{\"statement\":");
  append_json_string (json, sql);
  g_string_append_c (json, '}');
  g_autoptr (GBytes) body = request (client, "POST", path, json->str, error);
  return body != NULL ? required_field (body, "operationHandle", "execute", error) : NULL;
}

gboolean
gw_bench_close_operation (GwBenchClient *client, const char *session, const char *operation,
                          GError **error)
{
  g_autofree gchar *path = g_strdup_printf ("/v2/sessions/%s/operations/%s/close", session,
                                            operation);
  g_autoptr (GBytes) body = request (client, "DELETE", path, NULL, error);
  return body != NULL;
}

/* Follows nextResultUri from token 0 until EOS (flink-rest.md §4.1), polling while the result
 * is NOT_READY or a page is empty. */
gboolean
gw_bench_fetch_all (GwBenchClient *client, const char *session, const char *operation,
                    const char *row_format, gint64 start_us, GwBenchFetchStats *stats,
                    GError **error)
{
  g_autofree gchar *path = g_strdup_printf ("/v2/sessions/%s/operations/%s/result/0?rowFormat=%s",
                                            session, operation, row_format);
  gulong backoff_us = 0;

  stats->first_row_s = -1;
  for (;;) {
    g_autoptr (GBytes) body = request (client, "GET", path, NULL, error);
    if (body == NULL)
      return FALSE;
    gsize len;
    const char *data = g_bytes_get_data (body, &len);
    stats->pages++;
    stats->bytes += len;
    g_autofree gchar *type = data != NULL ? string_value (data, len, "resultType", FALSE) : NULL;
    gboolean eos = g_strcmp0 (type, "EOS") == 0;
    if (!eos && g_strcmp0 (type, "PAYLOAD") != 0 && g_strcmp0 (type, "NOT_READY") != 0) {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "fetch: unexpected page %.*s",
                   (int) MIN (len, ERROR_BODY_MAX), data != NULL ? data : "");
      return FALSE;
    }
    guint64 rows = g_strcmp0 (type, "NOT_READY") != 0 ? count_rows (data, len) : 0;
    if (rows > 0 && stats->first_row_s < 0)
      stats->first_row_s = (double) (g_get_monotonic_time () - start_us) / G_USEC_PER_SEC;
    stats->rows += rows;
    if (eos)
      return TRUE;
    if (rows == 0) {
      backoff_us = backoff_us == 0 ? FIRST_BACKOFF_US : MIN (backoff_us * 2, MAX_BACKOFF_US);
      g_usleep (backoff_us);
    } else {
      backoff_us = 0;
    }
    g_free (path);
    path = string_value (data, len, "nextResultUri", TRUE);
    if (path == NULL) {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "fetch: %s page without nextResultUri", type);
      return FALSE;
    }
  }
}
