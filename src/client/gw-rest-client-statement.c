/* Statements and their result pages over REST: submit, fetch a page (§4) into client rows,
 * close. */
#include "gw-rest-client-private.h"

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

gchar *
gw_rest_client_execute_statement (GwRestClient *client, const char *statement,
                                  GCancellable *cancellable, GError **error)
{
  if (!gw_rest_require_session (client, error))
    return NULL;
  g_autofree gchar *path = gw_rest_session_path (client, "/statements");
  g_autofree gchar *body = gw_rest_statement_body (statement, -1);
  g_autoptr (JsonNode) root = gw_rest_request (client, client->session, "POST", path, body, cancellable,
                                       error);
  if (root == NULL)
    return NULL;
  const char *handle = gw_rest_get_string (json_node_get_object (root), "operationHandle");
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
  if (!gw_rest_require_session (client, error))
    return FALSE;
  g_autofree gchar *suffix = g_strdup_printf ("/operations/%s/close", operation);
  g_autofree gchar *path = gw_rest_session_path (client, suffix);
  g_autoptr (JsonNode) root = gw_rest_request (client, client->session, "DELETE", path, NULL, NULL, error);
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
    column.name = g_strdup (gw_rest_get_string (obj, "name"));
    JsonNode *type = json_object_get_member (obj, "logicalType");
    if (type && JSON_NODE_HOLDS_OBJECT (type)) {
      JsonObject *type_obj = json_node_get_object (type);
      column.type_root = g_strdup (gw_rest_get_string (type_obj, "type"));
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
    gw_client_row_kind_parse (gw_rest_get_string (json_node_get_object (node), "kind"), &kind);
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
  g_autoptr (JsonNode) root = gw_rest_request (client, client->session, "GET", uri, NULL, cancellable,
                                       error);
  if (root == NULL)
    return NULL;
  JsonObject *obj = json_node_get_object (root);
  g_autoptr (GwRestPage) page = g_new0 (GwRestPage, 1);
  page->columns = g_array_new (FALSE, TRUE, sizeof (GwClientColumn));
  g_array_set_clear_func (page->columns, clear_column);
  page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  const char *type = gw_rest_get_string (obj, "resultType");
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
  page->next_uri = g_strdup (gw_rest_get_string (obj, "nextResultUri"));
  page->job_id = g_strdup (gw_rest_get_string (obj, "jobID"));
  page->result_kind_success = g_strcmp0 (gw_rest_get_string (obj, "resultKind"), "SUCCESS") == 0;
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
