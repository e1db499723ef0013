/* STUB */
#include "gw-duckdb-flink.h"
#include "gw-error.h"

GwEngineCursor *
gw_duckdb_flink_catalog_statement (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                                   GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED, "not implemented");
  return NULL;
}

gboolean
gw_duckdb_flink_restore_catalogs (duckdb_connection connection, GError **error)
{
  return TRUE;
}
