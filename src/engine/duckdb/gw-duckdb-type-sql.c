/* STUB */
#include "gw-duckdb-type-sql.h"

gchar *gw_duckdb_type_sql (const GwLogicalType *type) { return g_strdup ("VARCHAR"); }
