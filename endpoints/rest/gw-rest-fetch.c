/* Fetch-results: query parameters, paging through the service, and the response JSON. */
#include "gw-rest-fetch.h"
#include "gw-json.h"
#include "gw-rest-row-format.h"

#include <string.h>

/* rowFormat (V2+): absent → JSON; repeated or unknown → 400, as Flink. */
static gboolean
parse_row_format (const char *query, GwRowFormat *out, GError **error)
{
  *out = GW_ROW_FORMAT_JSON;
  if (query == NULL || *query == '\0')
    return TRUE;
  GUriParamsIter it;
  gchar *name = NULL, *value = NULL;
  guint seen = 0;
  g_uri_params_iter_init (&it, query, -1, "&", G_URI_PARAMS_NONE);
  while (g_uri_params_iter_next (&it, &name, &value, NULL)) {
    if (strcmp (name, "rowFormat") == 0) {
      seen++;
      if (seen > 1) {
        g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                     "Bad request, could not parse parameters: Expected only one value [rowFormat].");
      } else if (!gw_row_format_parse (value, out)) {
        g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                     "Bad request, could not parse parameters: Cannot resolve query parameter "
                     "(rowFormat) from value \"%s\".", value);
      }
    }
    g_free (name);
    g_free (value);
    if (error && *error)
      return FALSE;
  }
  return TRUE;
}

static void
append_next_uri (GString *out, const GwRestRoute *route, gint64 token, GwRowFormat format)
{
  char s[37], o[37];
  gw_handle_to_string (&route->session, s);
  gw_handle_to_string (&route->operation, o);
  g_string_append_printf (out, "\"nextResultUri\":\"/%s/sessions/%s/operations/%s/result/%" G_GINT64_FORMAT,
                          gw_rest_version_prefix (route->version), s, o, token);
  if (route->version >= GW_REST_V2)
    g_string_append_printf (out, "?rowFormat=%s", gw_row_format_name (format));
  g_string_append_c (out, '"');
}

static const char *
result_type_name (GwResultType type)
{
  switch (type) {
  case GW_RESULT_NOT_READY: return "NOT_READY";
  case GW_RESULT_PAYLOAD: return "PAYLOAD";
  case GW_RESULT_EOS: return "EOS";
  }
  return "EOS";
}

gboolean
gw_rest_fetch (GwService *service, const GwRestRoute *route, const char *query, GString *out,
               guint *status, GError **error)
{
  GwRowFormat format = GW_ROW_FORMAT_JSON;
  if (route->version >= GW_REST_V2 && !parse_row_format (query, &format, error))
    return FALSE;
  g_autoptr (GwFetchResult) result = gw_service_fetch_results (service, &route->session,
                                                                &route->operation, route->token, error);
  if (result == NULL)
    return FALSE;

  g_string_append (out, "{\"resultType\":\"");
  g_string_append (out, result_type_name (result->type));
  g_string_append_c (out, '"');
  if (result->type == GW_RESULT_NOT_READY) {
    g_string_append_c (out, ',');
    append_next_uri (out, route, 0, format);
    g_string_append_c (out, '}');
    return TRUE;
  }
  g_string_append (out, result->is_query_result ? ",\"isQueryResult\":true" : ",\"isQueryResult\":false");
  if (result->job_id != NULL) {
    g_string_append (out, ",\"jobID\":");
    gw_json_append_string (out, result->job_id, -1);
  }
  g_string_append (out, result->result_kind == GW_RESULT_KIND_SUCCESS
                            ? ",\"resultKind\":\"SUCCESS\"" : ",\"resultKind\":\"SUCCESS_WITH_CONTENT\"");
  g_string_append (out, ",\"results\":{\"columns\":");
  gw_rest_append_columns (out, result->schema);
  g_string_append_printf (out, ",\"rowFormat\":\"%s\",\"data\":", gw_row_format_name (format));
  gsize mark = out->len;
  GError *encode_error = NULL;
  if (!gw_rest_append_rows (out, result->batch, format, result->zone, &encode_error)) {
    /* The page is fine, only this row format cannot carry it (Flink: 500); the previous token
     * still fetches it again, e.g. as PLAIN_TEXT. 501 stays for unsupported paths. */
    g_string_truncate (out, mark);
    g_set_error_literal (error, GW_ERROR, GW_ERROR_SQL, encode_error->message);
    g_error_free (encode_error);
    return FALSE;
  }
  g_string_append_c (out, '}');
  if (result->next_token >= 0) {
    g_string_append_c (out, ',');
    append_next_uri (out, route, result->next_token, format);
  }
  g_string_append_c (out, '}');
  return TRUE;
}
