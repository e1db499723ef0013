/* The Flink SQL Gateway REST API versions (SqlGatewayRestAPIVersion), shared by the REST endpoint
 * and the SQL client: one place for the numbering both sides negotiate. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GW_REST_V1 = 1,  /* no configure-session, no complete-statement, no rowFormat */
  GW_REST_V2,
  GW_REST_V3,
  GW_REST_V4,      /* the default: unversioned paths mean V4 */
} GwRestVersion;

#define GW_REST_DEFAULT_VERSION GW_REST_V4

G_END_DECLS
