/* The endpoint interface: a protocol front end (REST, HiveServer2) over one GwService.
 * Implementations embed GwEndpoint as their first member; the registry (src/gateway) maps
 * identifiers to factories. Each endpoint reads only its own "sql-gateway.endpoint.<id>." keys. */
#pragma once

#include "gw-service.h"

G_BEGIN_DECLS

typedef struct _GwEndpoint GwEndpoint;

typedef struct {
  /* Binds and starts serving; the endpoint's threads run until stop. */
  gboolean (*start) (GwEndpoint *endpoint, GError **error);
  /* Stops accepting and finishes in-flight requests. */
  void     (*stop)  (GwEndpoint *endpoint);
  void     (*free)  (GwEndpoint *endpoint);
} GwEndpointClass;

struct _GwEndpoint {
  const GwEndpointClass *klass;
  const char            *identifier; /* "rest", "hiveserver2" */
};

typedef GwEndpoint *(*GwEndpointFactory) (GwService *service, GError **error);

static inline gboolean
gw_endpoint_start (GwEndpoint *endpoint, GError **error)
{
  return endpoint->klass->start (endpoint, error);
}

static inline void
gw_endpoint_stop (GwEndpoint *endpoint)
{
  endpoint->klass->stop (endpoint);
}

static inline void
gw_endpoint_free (GwEndpoint *endpoint)
{
  if (endpoint != NULL)
    endpoint->klass->free (endpoint);
}

G_END_DECLS
