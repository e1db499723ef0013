/* REST handlers: request bodies in (json-glib), service calls, response bodies out. */
#include "gw-rest-handlers.h"
#include "gw-json.h"
#include "gw-rest-error.h"
#include "gw-rest-fetch.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

/* ---- request bodies ---- */

/* The request body as a JSON object; an empty body is {} (Flink's lenient mapper). */
static JsonObject *
parse_body (GBytes *body, const char *body_name, GError **error)
{
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  gboolean blank = TRUE;
  for (gsize i = 0; i < len && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    return json_object_new ();
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root = NULL;
  if (json_parser_load_from_data (parser, data, (gssize) len, NULL))
    root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)) {
    g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                 "Request did not match expected format %s.", body_name);
    return NULL;
  }
  return json_object_ref (json_node_get_object (root));
}

static void
bad_field (const char *body_name, const char *field, GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
               "Request did not match expected format %s: field '%s' has the wrong type.",
               body_name, field);
}

/* Optional string member: NULL when absent or null. */
static gboolean
get_string (JsonObject *obj, const char *field, const char *body_name, const char **out,
            GError **error)
{
  *out = NULL;
  JsonNode *node = json_object_get_member (obj, field);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING) {
    bad_field (body_name, field, error);
    return FALSE;
  }
  *out = json_node_get_string (node);
  return TRUE;
}

/* Optional integer member (0 when absent or null). */
static gboolean
get_int (JsonObject *obj, const char *field, const char *body_name, gint64 *out, GError **error)
{
  *out = 0;
  JsonNode *node = json_object_get_member (obj, field);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64) {
    bad_field (body_name, field, error);
    return FALSE;
  }
  *out = json_node_get_int (node);
  return TRUE;
}

/* Optional map<string,string> member; scalar values are taken as their text. */
static gboolean
get_string_map (JsonObject *obj, const char *field, const char *body_name, GHashTable **out,
                GError **error)
{
  *out = NULL;
  JsonNode *node = json_object_get_member (obj, field);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node)) {
    bad_field (body_name, field, error);
    return FALSE;
  }
  g_autoptr (GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObjectIter it;
  const char *key;
  JsonNode *value;
  json_object_iter_init (&it, json_node_get_object (node));
  while (json_object_iter_next (&it, &key, &value)) {
    gchar *text = NULL;
    if (JSON_NODE_HOLDS_VALUE (value)) {
      switch (json_node_get_value_type (value)) {
      case G_TYPE_STRING: text = g_strdup (json_node_get_string (value)); break;
      case G_TYPE_INT64: text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value)); break;
      case G_TYPE_BOOLEAN: text = g_strdup (json_node_get_boolean (value) ? "true" : "false"); break;
      case G_TYPE_DOUBLE: text = g_strdup_printf ("%.17g", json_node_get_double (value)); break;
      default: break;
      }
    }
    if (text == NULL) {
      bad_field (body_name, field, error);
      return FALSE;
    }
    g_hash_table_insert (map, g_strdup (key), text);
  }
  *out = g_steal_pointer (&map);
  return TRUE;
}

/* ---- replies ---- */

static void
reply_error (GwRestReply *reply, const char *context, const GError *error)
{
  reply->status = gw_rest_status_for_error (error);
  g_string_truncate (reply->body, 0);
  gw_rest_error_body (reply->body, context, error);
}

static void
reply_status (GwRestReply *reply, const char *status)
{
  g_string_append_printf (reply->body, "{\"status\":\"%s\"}", status);
}

static void
append_string_map (GString *out, GHashTable *map)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (map, NULL);
  guint n = g_hash_table_size (map);
  g_string_append_c (out, '{');
  for (guint i = 0; i < n; i++) {
    if (i > 0)
      g_string_append_c (out, ',');
    gw_json_append_key (out, keys[i]);
    gw_json_append_string (out, g_hash_table_lookup (map, keys[i]), -1);
  }
  g_string_append_c (out, '}');
}

/* ---- handlers ---- */

static gboolean
handle_open_session (GwService *service, GBytes *body, GwRestReply *reply, GError **error)
{
  static const char body_name[] = "OpenSessionRequestBody";
  g_autoptr (JsonObject) req = parse_body (body, body_name, error);
  const char *name = NULL;
  g_autoptr (GHashTable) properties = NULL;
  if (req == NULL || !get_string (req, "sessionName", body_name, &name, error) ||
      !get_string_map (req, "properties", body_name, &properties, error))
    return FALSE;
  GwHandle session;
  if (!gw_service_open_session (service, name, properties, &session, error))
    return FALSE;
  char id[37];
  gw_handle_to_string (&session, id);
  g_string_append_printf (reply->body, "{\"sessionHandle\":\"%s\"}", id);
  return TRUE;
}

static gboolean
handle_configure_session (GwService *service, const GwRestRoute *route, GBytes *body,
                          GwRestReply *reply, GError **error)
{
  static const char body_name[] = "ConfigureSessionRequestBody";
  g_autoptr (JsonObject) req = parse_body (body, body_name, error);
  const char *statement = NULL;
  gint64 timeout = 0;
  if (req == NULL || !get_string (req, "statement", body_name, &statement, error) ||
      !get_int (req, "executionTimeout", body_name, &timeout, error))
    return FALSE;
  if (!gw_service_configure_session (service, &route->session, statement, timeout, error))
    return FALSE;
  g_string_append (reply->body, "{}");
  return TRUE;
}

static gboolean
handle_complete_statement (GwService *service, const GwRestRoute *route, GBytes *body,
                           GwRestReply *reply, GError **error)
{
  static const char body_name[] = "CompleteStatementRequestBody";
  g_autoptr (JsonObject) req = parse_body (body, body_name, error);
  const char *statement = NULL;
  gint64 position = 0;
  if (req == NULL || !get_string (req, "statement", body_name, &statement, error) ||
      !get_int (req, "position", body_name, &position, error))
    return FALSE;
  g_auto (GStrv) candidates = gw_service_complete_statement (
      service, &route->session, statement, (int) CLAMP (position, 0, G_MAXINT), error);
  if (candidates == NULL)
    return FALSE;
  g_string_append (reply->body, "{\"candidates\":[");
  for (guint i = 0; candidates[i]; i++) {
    if (i > 0)
      g_string_append_c (reply->body, ',');
    gw_json_append_string (reply->body, candidates[i], -1);
  }
  g_string_append (reply->body, "]}");
  return TRUE;
}

static gboolean
handle_execute_statement (GwService *service, const GwRestRoute *route, GBytes *body,
                          GwRestReply *reply, GError **error)
{
  static const char body_name[] = "ExecuteStatementRequestBody";
  g_autoptr (JsonObject) req = parse_body (body, body_name, error);
  const char *statement = NULL;
  gint64 timeout = 0;
  g_autoptr (GHashTable) execution_config = NULL;
  if (req == NULL || !get_string (req, "statement", body_name, &statement, error) ||
      !get_int (req, "executionTimeout", body_name, &timeout, error) ||
      !get_string_map (req, "executionConfig", body_name, &execution_config, error))
    return FALSE;
  if (statement == NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                 "Request did not match expected format %s: field 'statement' is required.", body_name);
    return FALSE;
  }
  GwHandle operation;
  if (!gw_service_execute_statement (service, &route->session, statement, timeout,
                                     execution_config, &operation, error))
    return FALSE;
  char id[37];
  gw_handle_to_string (&operation, id);
  g_string_append_printf (reply->body, "{\"operationHandle\":\"%s\"}", id);
  return TRUE;
}

static gboolean
not_supported (const char *what, GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED,
               "%s is not supported by this engine (DuckDB runs embedded in the gateway: there "
               "is no Flink cluster to deploy to).", what);
  return FALSE;
}

/* Runs the route; on failure fills *error and returns the handler's context message. */
static const char *
dispatch (GwService *service, const GwRestRoute *route, GBytes *body, const char *query,
          GwRestReply *reply, GError **error)
{
  GwOperationStatus status;
  switch (route->id) {
  case GW_ROUTE_API_VERSIONS:
    g_string_append (reply->body, "{\"versions\":[\"V1\",\"V2\",\"V3\",\"V4\"]}");
    return NULL;
  case GW_ROUTE_INFO:
    g_string_append (reply->body, "{\"productName\":");
    gw_json_append_string (reply->body, gw_service_get_product_name (service), -1);
    g_string_append (reply->body, ",\"version\":");
    gw_json_append_string (reply->body, gw_service_get_version (service), -1);
    g_string_append_c (reply->body, '}');
    return NULL;
  case GW_ROUTE_OPEN_SESSION:
    return handle_open_session (service, body, reply, error) ? NULL : "Failed to openSession.";
  case GW_ROUTE_GET_SESSION_CONFIG: {
    g_autoptr (GHashTable) config = gw_service_get_session_config (service, &route->session, error);
    if (config == NULL)
      return "Failed to getSessionConfig.";
    g_string_append (reply->body, "{\"properties\":");
    append_string_map (reply->body, config);
    g_string_append_c (reply->body, '}');
    return NULL;
  }
  case GW_ROUTE_CLOSE_SESSION:
    if (!gw_service_close_session (service, &route->session, error))
      return "Failed to closeSession.";
    reply_status (reply, "CLOSED");
    return NULL;
  case GW_ROUTE_HEARTBEAT:
    if (!gw_service_heartbeat (service, &route->session, error))
      return "Failed to triggerSessionHeartbeat.";
    g_string_append (reply->body, "{}");
    return NULL;
  case GW_ROUTE_CONFIGURE_SESSION:
    return handle_configure_session (service, route, body, reply, error) ? NULL
                                                                         : "Failed to configureSession.";
  case GW_ROUTE_COMPLETE_STATEMENT:
    return handle_complete_statement (service, route, body, reply, error) ? NULL
                                                                          : "Failed to completeStatement.";
  case GW_ROUTE_EXECUTE_STATEMENT:
    return handle_execute_statement (service, route, body, reply, error) ? NULL
                                                                         : "Failed to executeStatement.";
  case GW_ROUTE_OPERATION_STATUS:
    if (!gw_service_get_operation_status (service, &route->session, &route->operation, &status, error))
      return "Failed to getOperationInfo.";
    reply_status (reply, gw_operation_status_name (status));
    return NULL;
  case GW_ROUTE_CANCEL_OPERATION:
    if (!gw_service_cancel_operation (service, &route->session, &route->operation, &status, error))
      return "Failed to cancelOperation.";
    reply_status (reply, gw_operation_status_name (status));
    return NULL;
  case GW_ROUTE_CLOSE_OPERATION:
    if (!gw_service_close_operation (service, &route->session, &route->operation, error))
      return "Failed to closeOperation.";
    reply_status (reply, "CLOSED");
    return NULL;
  case GW_ROUTE_FETCH_RESULTS:
    return gw_rest_fetch (service, route, query, reply->body, &reply->status, error)
               ? NULL : "Failed to fetchResults.";
  case GW_ROUTE_REFRESH_MATERIALIZED_TABLE:
    not_supported ("Refreshing a materialized table", error);
    return "Failed to refresh the materialized table.";
  case GW_ROUTE_WORKFLOW_SCHEDULER:
    not_supported ("The embedded workflow scheduler", error);
    return "Failed to handle the workflow request.";
  case GW_ROUTE_DEPLOY_SCRIPT:
    not_supported ("Deploying a script to an application cluster", error);
    return "Failed to deploy the script.";
  }
  g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Unknown route");
  return "Internal server error.";
}

void
gw_rest_handle (GwService *service, const GwRestRoute *route, GBytes *body, const char *query,
                GwRestReply *reply)
{
  g_autoptr (GError) error = NULL;
  reply->status = SOUP_STATUS_OK;
  const char *context = dispatch (service, route, body, query, reply, &error);
  if (context != NULL)
    reply_error (reply, context, error);
}
