/* The HiveServer2 endpoint (identifier "hiveserver2"): TCLIService over the binary transport
 * (NOSASL and SASL PLAIN on one port) and over HTTP (POST /cliservice), on the same GwService as
 * every other endpoint. Reads only "sql-gateway.endpoint.hiveserver2." options. */
#pragma once

#include "gw-endpoint.h"

G_BEGIN_DECLS

GwEndpoint *gw_hs2_endpoint_new (GwService *service, GError **error);
/* The ports actually bound (after start): binary, and HTTP (0 when it is turned off). */
guint       gw_hs2_endpoint_get_port      (GwEndpoint *endpoint);
guint       gw_hs2_endpoint_get_http_port (GwEndpoint *endpoint);

G_END_DECLS
