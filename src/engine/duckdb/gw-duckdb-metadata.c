/* STUB */
#include "gw-duckdb-metadata.h"
#include "gw-error.h"

gboolean
gw_duckdb_metadata_lookup (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                           GwFlinkStatement **out, gboolean *temporary, GError **error)
{
  *out = NULL;
  if (temporary)
    *temporary = FALSE;
  return TRUE;
}

gboolean
gw_duckdb_metadata_store (GwDuckdbConnection *conn, const GwDuckdbPath *path, gboolean temporary,
                          const char *ddl, GError **error)
{
  return TRUE;
}

gboolean
gw_duckdb_metadata_delete (GwDuckdbConnection *conn, const GwDuckdbPath *path, gboolean temporary,
                           GError **error)
{
  return TRUE;
}

GHashTable *
gw_duckdb_metadata_list (GwDuckdbConnection *conn, const char *catalog, const char *database,
                         GError **error)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
