/* Endpoint registry: identifier → factory. Adding an endpoint = one directory + one line here. */
#include "gw-gateway.h"
#include "gw-hs2-endpoint.h"
#include "gw-rest-endpoint.h"

#include <string.h>

static const struct {
  const char        *identifier;
  GwEndpointFactory  factory;
} registry[] = {
  { "rest", gw_rest_endpoint_new },
  { "hiveserver2", gw_hs2_endpoint_new },
};

GwEndpointFactory
gw_endpoint_registry_lookup (const char *identifier)
{
  for (guint i = 0; i < G_N_ELEMENTS (registry); i++)
    if (g_ascii_strcasecmp (registry[i].identifier, identifier) == 0)
      return registry[i].factory;
  return NULL;
}

gchar *
gw_endpoint_registry_list (void)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (registry); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", registry[i].identifier);
  return g_string_free (s, FALSE);
}
