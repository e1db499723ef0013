/* Statements and their result pages over REST: submit, fetch a page (§4) into client rows,
 * close. */
#include "gw-rest-client-private.h"


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

/* ---- result pages ------------------------------------------------------------------------ */

GwRestPage *
gw_rest_client_fetch (GwRestClient *client, const char *uri, GCancellable *cancellable,
                      GError **error)
{
  g_autoptr (GBytes) body = gw_rest_request_bytes (client, client->session, "GET", uri, NULL,
                                                   cancellable, error);
  if (body == NULL)
    return NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (body, &len);
  return gw_rest_page_parse (data, len, error);
}
