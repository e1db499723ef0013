/* REST routing: request method + path → route, API version and path parameters
 * (reference/flink-rest.md §1–§2). Pure functions, no I/O. */
#pragma once

#include "gw-handle.h"
#include "gw-rest-version.h"

G_BEGIN_DECLS

typedef enum {
  GW_ROUTE_API_VERSIONS,
  GW_ROUTE_INFO,
  GW_ROUTE_OPEN_SESSION,
  GW_ROUTE_GET_SESSION_CONFIG,
  GW_ROUTE_CLOSE_SESSION,
  GW_ROUTE_HEARTBEAT,
  GW_ROUTE_CONFIGURE_SESSION,     /* V2+ */
  GW_ROUTE_COMPLETE_STATEMENT,    /* V2+ */
  GW_ROUTE_EXECUTE_STATEMENT,
  GW_ROUTE_OPERATION_STATUS,
  GW_ROUTE_CANCEL_OPERATION,
  GW_ROUTE_CLOSE_OPERATION,
  GW_ROUTE_FETCH_RESULTS,
  GW_ROUTE_REFRESH_MATERIALIZED_TABLE, /* V3 only */
  GW_ROUTE_WORKFLOW_SCHEDULER,         /* V3 only: create/suspend/resume/delete */
  GW_ROUTE_DEPLOY_SCRIPT,              /* V4 */
} GwRestRouteId;

typedef struct {
  GwRestRouteId  id;
  GwRestVersion  version;
  gboolean       versioned;      /* the path had a /vN prefix */
  GwHandle       session;
  GwHandle       operation;
  gint64         token;
} GwRestRoute;

typedef enum {
  GW_ROUTE_MATCHED,
  GW_ROUTE_NOT_FOUND,   /* no route for this method and path → 404 */
  GW_ROUTE_BAD_PARAM,   /* a path parameter does not parse → 400 */
} GwRouteResult;

/* On GW_ROUTE_BAD_PARAM, *bad_param names the parameter and *bad_value its text (owned). */
GwRouteResult gw_rest_route (const char *method, const char *path, GwRestRoute *out,
                             const char **bad_param, gchar **bad_value);
const char   *gw_rest_version_name (GwRestVersion version);  /* "V1" */
const char   *gw_rest_version_prefix (GwRestVersion version); /* "v1" */

G_END_DECLS
