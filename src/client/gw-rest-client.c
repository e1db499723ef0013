/* The SQL client's REST calls: one blocking libsoup request per call, JSON in and out, gateway
 * errors turned into GW_CLIENT_ERROR with the root cause as the message. */
#include "gw-rest-client-private.h"

#include <string.h>

G_DEFINE_QUARK (gw-client-error-quark, gw_client_error)

static SoupSession *
new_soup_session (void)
{
  /* No I/O timeout: a result page may take as long as the engine needs; a gateway that dies
   * resets the connection, which fails the request at once. */
  return soup_session_new_with_options ("timeout", 0, "idle-timeout", 30,
                                        "user-agent", "sql-client (C)", NULL);
}

GwRestClient *
gw_rest_client_new (const char *endpoint, GError **error)
{
  g_return_val_if_fail (endpoint != NULL, NULL);
  g_autofree gchar *url = NULL;
  if (strstr (endpoint, "://") != NULL)
    url = g_strdup (endpoint);
  else
    url = g_strconcat ("http://", endpoint, NULL);

  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, &parse_error);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_port (uri) == 0) {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT,
                 "Invalid SQL Gateway address '%s': expected host:port or "
                 "http(s)://host:port[/path]", endpoint);
    return NULL;
  }
  GwRestClient *client = g_new0 (GwRestClient, 1);
  g_autofree gchar *path = g_strdup (g_uri_get_path (uri));
  while (*path && path[strlen (path) - 1] == '/')
    path[strlen (path) - 1] = '\0';
  int port = g_uri_get_port (uri);
  if (port < 0)
    port = g_strcmp0 (scheme, "https") == 0 ? 443 : 80;
  const char *host = g_uri_get_host (uri);
  gboolean ipv6 = strchr (host, ':') != NULL;
  client->base_url = g_strdup_printf ("%s://%s%s%s:%d%s", scheme, ipv6 ? "[" : "", host,
                                      ipv6 ? "]" : "", port, path);
  client->session = new_soup_session ();
  client->heartbeat_session = new_soup_session ();
  client->version = GW_REST_V4;
  client->version_prefix = g_strdup ("/v4");
  return client;
}

void
gw_rest_client_free (GwRestClient *client)
{
  if (client == NULL)
    return;
  g_free (client->base_url);
  g_clear_object (&client->session);
  g_clear_object (&client->heartbeat_session);
  g_free (client->version_prefix);
  g_free (client->session_handle);
  g_free (client->last_error_detail);
  g_free (client);
}

const char *
gw_rest_client_get_base_url (GwRestClient *client)
{
  return client->base_url;
}

GwRestVersion
gw_rest_client_get_version (GwRestClient *client)
{
  return client->version;
}

const char *
gw_rest_client_get_session_handle (GwRestClient *client)
{
  return client->session_handle;
}

const char *
gw_rest_client_get_last_error_detail (GwRestClient *client)
{
  return client->last_error_detail;
}

/* ---- errors ---------------------------------------------------------------------------- */

/* Flink's gateway sends no rootCause: its last "errors" entry is a server-side stack trace whose
 * deepest "Caused by: " line is what the Java client prints. */
static gchar *
root_cause_from_trace (const char *trace)
{
  const char *start = trace;
  for (const char *p = strstr (trace, "Caused by: "); p; p = strstr (p + 1, "Caused by: "))
    start = p + strlen ("Caused by: ");
  if (start == trace && g_str_has_prefix (trace, "<Exception on server side:\n"))
    start = trace + strlen ("<Exception on server side:\n");
  const char *end = strstr (start, "\n\tat ");
  if (end == NULL)
    end = strstr (start, "\nEnd of exception on server side");
  if (end == NULL)
    end = start + strlen (start);
  g_autofree gchar *cause = g_strndup (start, end - start);
  return g_strdup (g_strstrip (cause));
}

/* Builds the error for a non-2xx answer from its JSON body {"errors":[…],"rootCause":"…"}. */
static void
set_server_error (GwRestClient *client, gboolean record_detail, guint status, GBytes *body,
                  GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  g_autofree gchar *root_cause = NULL;
  g_autoptr (GString) detail = g_string_new (NULL);
  if (data && json_parser_load_from_data (parser, data, len, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))) {
    JsonObject *obj = json_node_get_object (json_parser_get_root (parser));
    JsonNode *errors = json_object_get_member (obj, "errors");
    if (errors && JSON_NODE_HOLDS_ARRAY (errors)) {
      JsonArray *array = json_node_get_array (errors);
      for (guint i = 0; i < json_array_get_length (array); i++) {
        const char *text = json_node_get_string (json_array_get_element (array, i));
        if (text == NULL)
          continue;
        if (detail->len)
          g_string_append_c (detail, '\n');
        g_string_append (detail, text);
      }
      guint n = json_array_get_length (array);
      if (root_cause == NULL && n > 0 && json_node_get_string (json_array_get_element (array, n - 1)))
        root_cause = root_cause_from_trace (json_node_get_string (json_array_get_element (array, n - 1)));
    }
    JsonNode *rc = json_object_get_member (obj, "rootCause");
    if (rc && JSON_NODE_HOLDS_VALUE (rc) && json_node_get_string (rc)) {
      g_free (root_cause);
      root_cause = g_strdup (json_node_get_string (rc));
    }
  }
  if (root_cause == NULL || *root_cause == '\0') {
    g_free (root_cause);
    root_cause = g_strdup_printf ("The SQL Gateway answered HTTP %u %s", status,
                                  soup_status_get_phrase (status));
  }
  if (record_detail) {
    g_free (client->last_error_detail);
    client->last_error_detail = detail->len ? g_strdup (detail->str) : g_strdup (root_cause);
  }
  g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_SERVER, root_cause);
}

static void
set_transport_error (GwRestClient *client, GError *cause, GError **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
    g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_CANCELLED, "Interrupted.");
    return;
  }
  g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_CONNECT,
               "Could not reach the SQL Gateway at %s: %s", client->base_url, cause->message);
}

/* ---- requests -------------------------------------------------------------------------- */

/* One request; returns the parsed JSON root of a 2xx answer (an empty body is {}). */
GBytes *
gw_rest_request_bytes (GwRestClient *client, SoupSession *session, const char *method,
                       const char *path, const char *body, GCancellable *cancellable,
                       GError **error)
{
  g_autofree gchar *url = g_str_has_prefix (path, "http://") || g_str_has_prefix (path, "https://")
                          ? g_strdup (path) : g_strconcat (client->base_url, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  if (msg == NULL) {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL, "Invalid request URL %s", url);
    return NULL;
  }
  if (body != NULL) {
    g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));
    soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  }
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) answer = soup_session_send_and_read (session, msg, cancellable, &local_error);
  if (answer == NULL) {
    set_transport_error (client, local_error, error);
    return NULL;
  }
  guint status = soup_message_get_status (msg);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status)) {
    set_server_error (client, session == client->session, status, answer, error);
    return NULL;
  }
  return g_steal_pointer (&answer);
}

void
gw_rest_set_not_json (GwRestClient *client, const char *reason, GError **error)
{
  g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
               "The SQL Gateway at %s sent an answer that is not a JSON object: %s",
               client->base_url, reason);
}

JsonNode *
gw_rest_request (GwRestClient *client, SoupSession *session, const char *method, const char *path,
                 const char *body, GCancellable *cancellable, GError **error)
{
  g_autoptr (GBytes) answer = gw_rest_request_bytes (client, session, method, path, body,
                                                     cancellable, error);
  if (answer == NULL)
    return NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (answer, &len);
  if (len == 0)
    return json_node_init_object (json_node_alloc (), json_object_new ());
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))) {
    gw_rest_set_not_json (client, local_error ? local_error->message : "not an object", error);
    return NULL;
  }
  return json_node_ref (json_parser_get_root (parser));
}

const char *
gw_rest_get_string (JsonObject *obj, const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static gchar *
json_body (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gchar *
gw_rest_statement_body (const char *statement, int position)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "statement");
  json_builder_add_string_value (b, statement);
  if (position >= 0) {
    json_builder_set_member_name (b, "position");
    json_builder_add_int_value (b, position);
  }
  json_builder_end_object (b);
  return json_body (b);
}

gboolean
gw_rest_require_session (GwRestClient *client, GError **error)
{
  if (client->session_handle != NULL)
    return TRUE;
  g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL, "No session is open.");
  return FALSE;
}

gchar *
gw_rest_session_path (GwRestClient *client, const char *suffix)
{
  return g_strdup_printf ("%s/sessions/%s%s", client->version_prefix, client->session_handle,
                          suffix ? suffix : "");
}

/* ---- protocol calls -------------------------------------------------------------------- */

gboolean
gw_rest_client_negotiate (GwRestClient *client, GError **error)
{
  /* Always asked through V1, the one version every gateway routes (§12.2). */
  g_autoptr (JsonNode) root = gw_rest_request (client, client->session, "GET", "/v1/api_versions", NULL,
                                       NULL, error);
  if (root == NULL)
    return FALSE;
  JsonNode *versions = json_object_get_member (json_node_get_object (root), "versions");
  int best = 0;
  if (versions && JSON_NODE_HOLDS_ARRAY (versions)) {
    JsonArray *array = json_node_get_array (versions);
    for (guint i = 0; i < json_array_get_length (array); i++) {
      const char *name = json_node_get_string (json_array_get_element (array, i));
      if (name && (name[0] == 'V' || name[0] == 'v') && name[1] >= '1' && name[1] <= '4' &&
          name[2] == '\0')
        best = MAX (best, name[1] - '0');
    }
  }
  if (best == 0) {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                 "The SQL Gateway at %s offers no REST API version this client knows (V1-V4).",
                 client->base_url);
    return FALSE;
  }
  if (best == GW_REST_V1) {
    g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                         "Currently, SQL Client only supports to connect to the REST endpoint with "
                         "API version larger than V1.");
    return FALSE;
  }
  client->version = (GwRestVersion) best;
  g_free (client->version_prefix);
  client->version_prefix = g_strdup_printf ("/v%d", best);
  return TRUE;
}

gboolean
gw_rest_client_open_session (GwRestClient *client, const char *session_name,
                             GHashTable *properties, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sessionName");
  json_builder_add_string_value (b, session_name);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  if (properties != NULL) {
    GHashTableIter iter;
    gpointer key, value;
    g_hash_table_iter_init (&iter, properties);
    while (g_hash_table_iter_next (&iter, &key, &value)) {
      json_builder_set_member_name (b, key);
      json_builder_add_string_value (b, value);
    }
  }
  json_builder_end_object (b);
  json_builder_end_object (b);
  g_autofree gchar *body = json_body (b);
  g_autofree gchar *path = g_strdup_printf ("%s/sessions", client->version_prefix);
  g_autoptr (JsonNode) root = gw_rest_request (client, client->session, "POST", path, body, NULL, error);
  if (root == NULL)
    return FALSE;
  const char *handle = gw_rest_get_string (json_node_get_object (root), "sessionHandle");
  if (handle == NULL) {
    g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                         "The SQL Gateway opened no session (no sessionHandle in its answer).");
    return FALSE;
  }
  g_free (client->session_handle);
  client->session_handle = g_strdup (handle);
  return TRUE;
}

gboolean
gw_rest_client_close_session (GwRestClient *client, GError **error)
{
  if (client->session_handle == NULL)
    return TRUE;
  g_autofree gchar *path = gw_rest_session_path (client, NULL);
  g_autoptr (JsonNode) root = gw_rest_request (client, client->session, "DELETE", path, NULL, NULL, error);
  g_clear_pointer (&client->session_handle, g_free);
  return root != NULL;
}

GHashTable *
gw_rest_client_get_session_config (GwRestClient *client, GCancellable *cancellable,
                                   GError **error)
{
  if (!gw_rest_require_session (client, error))
    return NULL;
  g_autofree gchar *path = gw_rest_session_path (client, NULL);
  g_autoptr (JsonNode) root = gw_rest_request (client, client->session, "GET", path, NULL, cancellable,
                                       error);
  if (root == NULL)
    return NULL;
  GHashTable *config = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonNode *props = json_object_get_member (json_node_get_object (root), "properties");
  if (props && JSON_NODE_HOLDS_OBJECT (props)) {
    JsonObjectIter iter;
    const char *key;
    JsonNode *value;
    json_object_iter_init (&iter, json_node_get_object (props));
    while (json_object_iter_next (&iter, &key, &value)) {
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        g_hash_table_insert (config, g_strdup (key), g_strdup (json_node_get_string (value)));
    }
  }
  return config;
}

gboolean
gw_rest_client_heartbeat (GwRestClient *client, GError **error)
{
  if (!gw_rest_require_session (client, error))
    return FALSE;
  g_autofree gchar *path = gw_rest_session_path (client, "/heartbeat");
  g_autoptr (JsonNode) root = gw_rest_request (client, client->heartbeat_session, "POST", path, "{}",
                                       NULL, error);
  return root != NULL;
}

gboolean
gw_rest_client_configure_session (GwRestClient *client, const char *statement,
                                  GCancellable *cancellable, GError **error)
{
  if (!gw_rest_require_session (client, error))
    return FALSE;
  g_autofree gchar *path = gw_rest_session_path (client, "/configure-session");
  g_autofree gchar *body = gw_rest_statement_body (statement, -1);
  g_autoptr (JsonNode) root = gw_rest_request (client, client->session, "POST", path, body, cancellable,
                                       error);
  return root != NULL;
}

gchar **
gw_rest_client_complete_statement (GwRestClient *client, const char *statement, int position,
                                   GError **error)
{
  if (!gw_rest_require_session (client, error))
    return NULL;
  g_autofree gchar *path = gw_rest_session_path (client, "/complete-statement");
  g_autofree gchar *body = gw_rest_statement_body (statement, position);
  g_autoptr (JsonNode) root = gw_rest_request (client, client->session, "GET", path, body, NULL, error);
  if (root == NULL)
    return NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *candidates = json_object_get_member (json_node_get_object (root), "candidates");
  if (candidates && JSON_NODE_HOLDS_ARRAY (candidates)) {
    JsonArray *array = json_node_get_array (candidates);
    for (guint i = 0; i < json_array_get_length (array); i++) {
      const char *text = json_node_get_string (json_array_get_element (array, i));
      if (text)
        g_strv_builder_add (builder, text);
    }
  }
  return g_strv_builder_end (builder);
}
