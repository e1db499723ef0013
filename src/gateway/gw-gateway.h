/* GwGateway: a whole gateway in one object: configuration → service → endpoints. The
 * sql-gateway executable runs one; sql-client's local mode embeds one. */
#pragma once

#include "gw-config.h"
#include "gw-endpoint.h"

G_BEGIN_DECLS

typedef struct _GwGateway GwGateway;

/* Validates config, opens the service and creates the endpoints named by sql-gateway.endpoint.type. */
GwGateway *gw_gateway_new (GwConfig *config, GError **error);
gboolean   gw_gateway_start (GwGateway *gateway, GError **error);
/* The port the REST endpoint bound, 0 when it does not run. */
guint      gw_gateway_get_rest_port (GwGateway *gateway);
/* Stops the endpoints, closes every session, checkpoints the engine. */
void       gw_gateway_free (GwGateway *gateway);

/* The registry: the factory for an endpoint identifier, NULL when unknown. */
GwEndpointFactory gw_endpoint_registry_lookup (const char *identifier);
/* "rest, ..." for error messages. */
gchar     *gw_endpoint_registry_list (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwGateway, gw_gateway_free)

G_END_DECLS
