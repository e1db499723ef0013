/* STUB */
#include "gw-duckdb-flink.h"
#include "gw-error.h"

gint64
gw_duckdb_execute_dml (GwEngineConnection *conn, const char *const *statements,
                       GwEnginePrintFunc print, gpointer print_data, GCancellable *cancellable,
                       GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED, "not implemented");
  return -1;
}
