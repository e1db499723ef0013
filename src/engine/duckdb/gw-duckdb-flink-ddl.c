/* STUB */
#include "gw-duckdb-flink.h"
#include "gw-error.h"

GwEngineCursor *
gw_duckdb_flink_ddl_statement (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                               GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED, "not implemented");
  return NULL;
}

gboolean
gw_duckdb_flink_create_table (GwDuckdbConnection *conn, const GwFlinkCreateTable *table,
                              GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED, "not implemented");
  return FALSE;
}

gboolean
gw_duckdb_flink_refresh_source (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                const GwFlinkCreateTable *table, gboolean temporary,
                                GError **error)
{
  return TRUE;
}
