/* The Flink SQL Gateway REST endpoint (identifier "rest"): a SoupServer on its own
 * GMainContext thread; requests that may block run on the endpoint's worker threads and answer
 * through pause/unpause. Reads only "sql-gateway.endpoint.rest." options. */
#pragma once

#include "gw-endpoint.h"

G_BEGIN_DECLS

GwEndpoint *gw_rest_endpoint_new (GwService *service, GError **error);
/* The port actually bound (after start), e.g. when bind-port was 0 or a range. */
guint       gw_rest_endpoint_get_port (GwEndpoint *endpoint);

G_END_DECLS
