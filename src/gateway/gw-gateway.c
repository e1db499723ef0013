/* A gateway: the service plus the endpoints the configuration asks for. */
#include "gw-gateway.h"
#include "gw-error.h"
#include "gw-rest-endpoint.h"

#include <string.h>

struct _GwGateway {
  GwService *service;    /* owned */
  GPtrArray *endpoints;  /* owned GwEndpoint* */
  gboolean   started;
};

GwGateway *
gw_gateway_new (GwConfig *config, GError **error)
{
  if (!gw_config_validate (config, error))
    return NULL;
  g_auto (GStrv) types = gw_config_get_list (config, "sql-gateway.endpoint.type");
  if (types == NULL || types[0] == NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                 "Option 'sql-gateway.endpoint.type' names no endpoint to start.");
    return NULL;
  }
  for (guint i = 0; types[i]; i++) {
    if (gw_endpoint_registry_lookup (types[i]) == NULL) {
      g_autofree gchar *known = gw_endpoint_registry_list ();
      g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                   "Invalid value '%s' for option 'sql-gateway.endpoint.type': unknown endpoint "
                   "'%s' (available: %s)", gw_config_get_string (config, "sql-gateway.endpoint.type"),
                   types[i], known);
      return NULL;
    }
  }
  /* Catalogs are attached when the engine opens (the sandbox closes file access after that), so
   * the HiveServer2 endpoint's catalog joins the engine's list here. */
  g_autoptr (GwConfig) service_config = gw_config_copy (config);
  if (g_strv_contains ((const char *const *) types, "hiveserver2")) {
    const char *hs2_catalog = gw_config_get_string (config, "sql-gateway.endpoint.hiveserver2.catalog.name");
    const char *catalogs = gw_config_get_string (config, "sql-gateway.engine.duckdb.catalogs");
    g_autofree gchar *joined = catalogs && *catalogs ? g_strjoin (";", catalogs, hs2_catalog, NULL)
                                                     : g_strdup (hs2_catalog);
    gw_config_set (service_config, "sql-gateway.engine.duckdb.catalogs", joined);
  }
  GwService *service = gw_service_new (service_config, error);
  if (service == NULL)
    return NULL;
  GwGateway *gateway = g_new0 (GwGateway, 1);
  gateway->service = service;
  gateway->endpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_endpoint_free);
  for (guint i = 0; types[i]; i++) {
    GwEndpoint *endpoint = gw_endpoint_registry_lookup (types[i]) (service, error);
    if (endpoint == NULL) {
      gw_gateway_free (gateway);
      return NULL;
    }
    g_ptr_array_add (gateway->endpoints, endpoint);
  }
  return gateway;
}

gboolean
gw_gateway_start (GwGateway *gateway, GError **error)
{
  for (guint i = 0; i < gateway->endpoints->len; i++) {
    if (!gw_endpoint_start (gateway->endpoints->pdata[i], error)) {
      for (guint j = 0; j < i; j++)
        gw_endpoint_stop (gateway->endpoints->pdata[j]);
      return FALSE;
    }
  }
  gateway->started = TRUE;
  return TRUE;
}

guint
gw_gateway_get_rest_port (GwGateway *gateway)
{
  for (guint i = 0; i < gateway->endpoints->len; i++) {
    GwEndpoint *endpoint = gateway->endpoints->pdata[i];
    if (strcmp (endpoint->identifier, "rest") == 0)
      return gw_rest_endpoint_get_port (endpoint);
  }
  return 0;
}

void
gw_gateway_free (GwGateway *gateway)
{
  if (gateway == NULL)
    return;
  for (guint i = 0; i < gateway->endpoints->len; i++)
    gw_endpoint_stop (gateway->endpoints->pdata[i]);
  g_ptr_array_unref (gateway->endpoints);
  gw_service_free (gateway->service);
  g_free (gateway);
}
