/* Route table of the Flink SQL Gateway REST API, V1–V4. */
#include "gw-rest-router.h"

#include <string.h>

typedef struct {
  const char    *method;
  const char    *pattern;      /* segments; ":s" session, ":o" operation, ":t" token, ":*" any */
  GwRestRouteId  id;
  GwRestVersion  min_version;
  GwRestVersion  max_version;
} RouteSpec;

static const RouteSpec routes[] = {
  { "GET", "api_versions", GW_ROUTE_API_VERSIONS, GW_REST_V1, GW_REST_V4 },
  { "GET", "info", GW_ROUTE_INFO, GW_REST_V1, GW_REST_V4 },
  { "POST", "sessions", GW_ROUTE_OPEN_SESSION, GW_REST_V1, GW_REST_V4 },
  { "GET", "sessions/:s", GW_ROUTE_GET_SESSION_CONFIG, GW_REST_V1, GW_REST_V4 },
  { "DELETE", "sessions/:s", GW_ROUTE_CLOSE_SESSION, GW_REST_V1, GW_REST_V4 },
  { "POST", "sessions/:s/heartbeat", GW_ROUTE_HEARTBEAT, GW_REST_V1, GW_REST_V4 },
  { "POST", "sessions/:s/configure-session", GW_ROUTE_CONFIGURE_SESSION, GW_REST_V2, GW_REST_V4 },
  { "GET", "sessions/:s/complete-statement", GW_ROUTE_COMPLETE_STATEMENT, GW_REST_V2, GW_REST_V4 },
  { "POST", "sessions/:s/statements", GW_ROUTE_EXECUTE_STATEMENT, GW_REST_V1, GW_REST_V4 },
  { "GET", "sessions/:s/operations/:o/status", GW_ROUTE_OPERATION_STATUS, GW_REST_V1, GW_REST_V4 },
  { "POST", "sessions/:s/operations/:o/cancel", GW_ROUTE_CANCEL_OPERATION, GW_REST_V1, GW_REST_V4 },
  { "DELETE", "sessions/:s/operations/:o/close", GW_ROUTE_CLOSE_OPERATION, GW_REST_V1, GW_REST_V4 },
  { "GET", "sessions/:s/operations/:o/result/:t", GW_ROUTE_FETCH_RESULTS, GW_REST_V1, GW_REST_V4 },
  { "POST", "sessions/:s/materialized-tables/:*/refresh", GW_ROUTE_REFRESH_MATERIALIZED_TABLE, GW_REST_V3, GW_REST_V3 },
  { "POST", "workflow/embedded-scheduler/create", GW_ROUTE_WORKFLOW_SCHEDULER, GW_REST_V3, GW_REST_V3 },
  { "POST", "workflow/embedded-scheduler/suspend", GW_ROUTE_WORKFLOW_SCHEDULER, GW_REST_V3, GW_REST_V3 },
  { "POST", "workflow/embedded-scheduler/resume", GW_ROUTE_WORKFLOW_SCHEDULER, GW_REST_V3, GW_REST_V3 },
  { "DELETE", "workflow/embedded-scheduler/delete", GW_ROUTE_WORKFLOW_SCHEDULER, GW_REST_V3, GW_REST_V3 },
  { "POST", "sessions/:s/scripts", GW_ROUTE_DEPLOY_SCRIPT, GW_REST_V4, GW_REST_V4 },
};

const char *
gw_rest_version_name (GwRestVersion version)
{
  static const char *const names[] = { "V0", "V1", "V2", "V3", "V4" };
  return names[version];
}

const char *
gw_rest_version_prefix (GwRestVersion version)
{
  static const char *const names[] = { "v0", "v1", "v2", "v3", "v4" };
  return names[version];
}

/* Java Long.parseLong: optional sign, decimal digits, in range. */
static gboolean
parse_long (const char *text, gint64 *out)
{
  const char *p = text;
  if (*p == '+' || *p == '-')
    p++;
  if (*p == '\0')
    return FALSE;
  for (const char *q = p; *q; q++)
    if (!g_ascii_isdigit (*q))
      return FALSE;
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, out, NULL);
}

/* Matches one pattern against the path segments. */
static GwRouteResult
match (const RouteSpec *spec, gchar **segments, GwRestRoute *out, const char **bad_param,
       gchar **bad_value)
{
  g_auto (GStrv) pattern = g_strsplit (spec->pattern, "/", -1);
  if (g_strv_length (pattern) != g_strv_length (segments))
    return GW_ROUTE_NOT_FOUND;
  for (guint i = 0; pattern[i]; i++)
    if (pattern[i][0] != ':' && strcmp (pattern[i], segments[i]) != 0)
      return GW_ROUTE_NOT_FOUND;
  /* The literal segments match: now the parameters must parse. */
  for (guint i = 0; pattern[i]; i++) {
    if (pattern[i][0] != ':')
      continue;
    gboolean ok = TRUE;
    const char *name = NULL;
    switch (pattern[i][1]) {
    case 's': name = "session_handle"; ok = gw_handle_parse (segments[i], &out->session); break;
    case 'o': name = "operation_handle"; ok = gw_handle_parse (segments[i], &out->operation); break;
    case 't': name = "token"; ok = parse_long (segments[i], &out->token); break;
    default: break;
    }
    if (!ok) {
      *bad_param = name;
      *bad_value = g_strdup (segments[i]);
      return GW_ROUTE_BAD_PARAM;
    }
  }
  out->id = spec->id;
  return GW_ROUTE_MATCHED;
}

GwRouteResult
gw_rest_route (const char *method, const char *path, GwRestRoute *out, const char **bad_param,
               gchar **bad_value)
{
  memset (out, 0, sizeof *out);
  *bad_param = NULL;
  *bad_value = NULL;

  /* Leading, trailing and doubled slashes do not matter. */
  g_auto (GStrv) raw = g_strsplit (path, "/", -1);
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  for (guint i = 0; raw[i]; i++)
    if (raw[i][0] != '\0')
      g_ptr_array_add (parts, raw[i]);
  if (parts->len == 0)
    return GW_ROUTE_NOT_FOUND;

  out->version = GW_REST_DEFAULT_VERSION;
  guint first = 0;
  const char *head = parts->pdata[0];
  if (head[0] == 'v' && head[1] >= '1' && head[1] <= '4' && head[2] == '\0') {
    out->version = head[1] - '0';
    out->versioned = TRUE;
    first = 1;
  }
  g_ptr_array_add (parts, NULL);
  gchar **segments = (gchar **) parts->pdata + first;

  GwRouteResult result = GW_ROUTE_NOT_FOUND;
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++) {
    const RouteSpec *spec = &routes[i];
    if (strcmp (spec->method, method) != 0)
      continue;
    if (out->version < spec->min_version || out->version > spec->max_version)
      continue;
    /* Unversioned URLs exist only for handlers of the default version. */
    if (!out->versioned && spec->max_version < GW_REST_DEFAULT_VERSION)
      continue;
    result = match (spec, segments, out, bad_param, bad_value);
    if (result != GW_ROUTE_NOT_FOUND)
      return result;
  }
  return GW_ROUTE_NOT_FOUND;
}
