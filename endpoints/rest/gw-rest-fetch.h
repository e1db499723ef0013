/* GET .../operations/:operation_handle/result/:token — the fetch-results response body
 * (reference/flink-rest.md §4), in the row format the client asked for. */
#pragma once

#include "gw-rest-router.h"
#include "gw-service.h"

G_BEGIN_DECLS

gboolean gw_rest_fetch (GwService *service, const GwRestRoute *route, const char *query,
                        GString *out, guint *status, GError **error);

G_END_DECLS
