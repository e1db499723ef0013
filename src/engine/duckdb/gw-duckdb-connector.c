/* STUB */
#include "gw-duckdb-connector.h"
#include "gw-error.h"

GwConnectorKind gw_duckdb_connector_kind (const GwFlinkOptions *options) { return GW_CONNECTOR_NONE; }
gboolean gw_duckdb_connector_validate (const GwFlinkCreateTable *table, GError **error) { return TRUE; }
gchar *
gw_duckdb_connector_source_sql (const GwFlinkCreateTable *table, GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED, "not implemented");
  return NULL;
}
gchar *
gw_duckdb_connector_copy_options (const GwFlinkCreateTable *table, const char **extension,
                                  GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED, "not implemented");
  return NULL;
}
