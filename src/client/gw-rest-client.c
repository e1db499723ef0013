/* The SQL client's REST calls: one blocking libsoup request per call, JSON in and out, gateway
 * errors turned into GW_CLIENT_ERROR with the root cause as the message. */
#include "gw-rest-client.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

G_DEFINE_QUARK (gw-client-error-quark, gw_client_error)

struct _GwRestClient {
  gchar         *base_url;          /* owned: "http://host:port[/path]", no trailing slash */
  SoupSession   *session;           /* owned: statements, results, session calls (main thread) */
  SoupSession   *heartbeat_session; /* owned: used only by the heartbeat thread */
  GwRestVersion  version;
  gchar         *version_prefix;    /* owned: "/v4" */
  gchar         *session_handle;    /* owned, NULL until a session is open */
  gchar         *last_error_detail; /* owned */
};

void
gw_rest_page_free (GwRestPage *page)
{
  if (page == NULL)
    return;
  g_free (page->job_id);
  g_clear_pointer (&page->columns, g_array_unref);
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page->next_uri);
  g_free (page);
}

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
static JsonNode *
request (GwRestClient *client, SoupSession *session, const char *method, const char *path,
         const char *body, GCancellable *cancellable, GError **error)
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
  gsize len = 0;
  const char *data = g_bytes_get_data (answer, &len);
  if (len == 0)
    return json_node_init_object (json_node_alloc (), json_object_new ());
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))) {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                 "The SQL Gateway at %s sent an answer that is not a JSON object: %s",
                 client->base_url, local_error ? local_error->message : "not an object");
    return NULL;
  }
  return json_node_ref (json_parser_get_root (parser));
}

static const char *
get_string_member (JsonObject *obj, const char *name)
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

static gchar *
statement_body (const char *statement, int position)
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

static gboolean
require_session (GwRestClient *client, GError **error)
{
  if (client->session_handle != NULL)
    return TRUE;
  g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL, "No session is open.");
  return FALSE;
}

static gchar *
session_path (GwRestClient *client, const char *suffix)
{
  return g_strdup_printf ("%s/sessions/%s%s", client->version_prefix, client->session_handle,
                          suffix ? suffix : "");
}

/* ---- protocol calls -------------------------------------------------------------------- */

gboolean
gw_rest_client_negotiate (GwRestClient *client, GError **error)
{
  /* Always asked through V1, the one version every gateway routes (§12.2). */
  g_autoptr (JsonNode) root = request (client, client->session, "GET", "/v1/api_versions", NULL,
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
  g_autoptr (JsonNode) root = request (client, client->session, "POST", path, body, NULL, error);
  if (root == NULL)
    return FALSE;
  const char *handle = get_string_member (json_node_get_object (root), "sessionHandle");
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
  g_autofree gchar *path = session_path (client, NULL);
  g_autoptr (JsonNode) root = request (client, client->session, "DELETE", path, NULL, NULL, error);
  g_clear_pointer (&client->session_handle, g_free);
  return root != NULL;
}

GHashTable *
gw_rest_client_get_session_config (GwRestClient *client, GCancellable *cancellable,
                                   GError **error)
{
  if (!require_session (client, error))
    return NULL;
  g_autofree gchar *path = session_path (client, NULL);
  g_autoptr (JsonNode) root = request (client, client->session, "GET", path, NULL, cancellable,
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
  if (!require_session (client, error))
    return FALSE;
  g_autofree gchar *path = session_path (client, "/heartbeat");
  g_autoptr (JsonNode) root = request (client, client->heartbeat_session, "POST", path, "{}",
                                       NULL, error);
  return root != NULL;
}

gboolean
gw_rest_client_configure_session (GwRestClient *client, const char *statement,
                                  GCancellable *cancellable, GError **error)
{
  if (!require_session (client, error))
    return FALSE;
  g_autofree gchar *path = session_path (client, "/configure-session");
  g_autofree gchar *body = statement_body (statement, -1);
  g_autoptr (JsonNode) root = request (client, client->session, "POST", path, body, cancellable,
                                       error);
  return root != NULL;
}

gchar **
gw_rest_client_complete_statement (GwRestClient *client, const char *statement, int position,
                                   GError **error)
{
  if (!require_session (client, error))
    return NULL;
  g_autofree gchar *path = session_path (client, "/complete-statement");
  g_autofree gchar *body = statement_body (statement, position);
  g_autoptr (JsonNode) root = request (client, client->session, "GET", path, body, NULL, error);
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

gchar *
gw_rest_client_execute_statement (GwRestClient *client, const char *statement,
                                  GCancellable *cancellable, GError **error)
{
  if (!require_session (client, error))
    return NULL;
  g_autofree gchar *path = session_path (client, "/statements");
  g_autofree gchar *body = statement_body (statement, -1);
  g_autoptr (JsonNode) root = request (client, client->session, "POST", path, body, cancellable,
                                       error);
  if (root == NULL)
    return NULL;
  const char *handle = get_string_member (json_node_get_object (root), "operationHandle");
  if (handle == NULL) {
    g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                         "The SQL Gateway returned no operationHandle for the statement.");
    return NULL;
  }
  return g_strdup (handle);
}

gchar *
gw_rest_client_first_result_uri (GwRestClient *client, const char *operation)
{
  return g_strdup_printf ("%s/sessions/%s/operations/%s/result/0?rowFormat=PLAIN_TEXT",
                          client->version_prefix, client->session_handle, operation);
}

gboolean
gw_rest_client_close_operation (GwRestClient *client, const char *operation, GError **error)
{
  if (!require_session (client, error))
    return FALSE;
  g_autofree gchar *suffix = g_strdup_printf ("/operations/%s/close", operation);
  g_autofree gchar *path = session_path (client, suffix);
  g_autoptr (JsonNode) root = request (client, client->session, "DELETE", path, NULL, NULL, error);
  return root != NULL;
}

/* ---- result pages ---------------------------------------------------------------------- */

static gboolean
parse_columns (JsonArray *array, GArray *columns, GError **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++) {
    JsonNode *node = json_array_get_element (array, i);
    if (!JSON_NODE_HOLDS_OBJECT (node))
      goto bad;
    JsonObject *obj = json_node_get_object (node);
    GwClientColumn column = { NULL, NULL, -1 };
    column.name = g_strdup (get_string_member (obj, "name"));
    JsonNode *type = json_object_get_member (obj, "logicalType");
    if (type && JSON_NODE_HOLDS_OBJECT (type)) {
      JsonObject *type_obj = json_node_get_object (type);
      column.type_root = g_strdup (get_string_member (type_obj, "type"));
      JsonNode *precision = json_object_get_member (type_obj, "precision");
      if (precision && JSON_NODE_HOLDS_VALUE (precision))
        column.precision = (gint) json_node_get_int (precision);
    }
    if (column.name == NULL)
      column.name = g_strdup ("");
    if (column.type_root == NULL)
      column.type_root = g_strdup ("VARCHAR");
    g_array_append_val (columns, column);
  }
  return TRUE;
bad:
  g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                       "The SQL Gateway sent a malformed column list.");
  return FALSE;
}

static gboolean
parse_rows (JsonArray *array, GPtrArray *rows, GError **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++) {
    JsonNode *node = json_array_get_element (array, i);
    JsonNode *fields = JSON_NODE_HOLDS_OBJECT (node)
                       ? json_object_get_member (json_node_get_object (node), "fields") : NULL;
    if (fields == NULL || !JSON_NODE_HOLDS_ARRAY (fields)) {
      g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                           "The SQL Gateway sent a malformed row.");
      return FALSE;
    }
    GwClientRowKind kind = GW_CLIENT_ROW_INSERT;
    gw_client_row_kind_parse (get_string_member (json_node_get_object (node), "kind"), &kind);
    JsonArray *values = json_node_get_array (fields);
    guint n = json_array_get_length (values);
    GwClientRow *row = gw_client_row_new (kind, n);
    for (guint f = 0; f < n; f++) {
      JsonNode *value = json_array_get_element (values, f);
      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING) {
        row->fields[f] = g_strdup (json_node_get_string (value));
      } else {
        /* A gateway that ignores rowFormat=PLAIN_TEXT sends JSON values: show them as JSON. */
        row->fields[f] = json_to_string (value, FALSE);
      }
    }
    g_ptr_array_add (rows, row);
  }
  return TRUE;
}

static void
clear_column (gpointer data)
{
  gw_client_column_clear (data);
}

GwRestPage *
gw_rest_client_fetch (GwRestClient *client, const char *uri, GCancellable *cancellable,
                      GError **error)
{
  g_autoptr (JsonNode) root = request (client, client->session, "GET", uri, NULL, cancellable,
                                       error);
  if (root == NULL)
    return NULL;
  JsonObject *obj = json_node_get_object (root);
  g_autoptr (GwRestPage) page = g_new0 (GwRestPage, 1);
  page->columns = g_array_new (FALSE, TRUE, sizeof (GwClientColumn));
  g_array_set_clear_func (page->columns, clear_column);
  page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  const char *type = get_string_member (obj, "resultType");
  if (g_strcmp0 (type, "NOT_READY") == 0) {
    page->result_type = GW_REST_RESULT_NOT_READY;
  } else if (g_strcmp0 (type, "PAYLOAD") == 0) {
    page->result_type = GW_REST_RESULT_PAYLOAD;
  } else if (g_strcmp0 (type, "EOS") == 0) {
    page->result_type = GW_REST_RESULT_EOS;
  } else {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_PROTOCOL,
                 "The SQL Gateway sent an unknown resultType '%s'.", type ? type : "(none)");
    return NULL;
  }
  page->next_uri = g_strdup (get_string_member (obj, "nextResultUri"));
  page->job_id = g_strdup (get_string_member (obj, "jobID"));
  page->result_kind_success = g_strcmp0 (get_string_member (obj, "resultKind"), "SUCCESS") == 0;
  JsonNode *is_query = json_object_get_member (obj, "isQueryResult");
  if (is_query && JSON_NODE_HOLDS_VALUE (is_query))
    page->is_query_result = json_node_get_boolean (is_query);
  JsonNode *results = json_object_get_member (obj, "results");
  if (results && JSON_NODE_HOLDS_OBJECT (results)) {
    JsonObject *results_obj = json_node_get_object (results);
    JsonNode *columns = json_object_get_member (results_obj, "columns");
    if (columns && JSON_NODE_HOLDS_ARRAY (columns) &&
        !parse_columns (json_node_get_array (columns), page->columns, error))
      return NULL;
    JsonNode *data = json_object_get_member (results_obj, "data");
    if (data && JSON_NODE_HOLDS_ARRAY (data) &&
        !parse_rows (json_node_get_array (data), page->rows, error))
      return NULL;
  }
  return g_steal_pointer (&page);
}
