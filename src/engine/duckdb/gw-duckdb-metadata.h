/* Flink metadata DuckDB cannot hold, per table or view created through Flink DDL: its normalized
 * Flink DDL (gw_flink_create_table_to_sql / _view_to_sql), stored in the catalog's hidden schema
 * "__gateway" (table "flink_objects": database, name, ddl) so it survives restarts, or for a
 * TEMPORARY object in the connection's temp catalog. Readers parse the DDL back into a tree. */
#pragma once

#include "gw-duckdb-flink.h"

G_BEGIN_DECLS

/* The hidden schema every catalog gets; listings leave it out. */
#define GW_DUCKDB_METADATA_SCHEMA "__gateway"

/* *out = the parsed CREATE TABLE / CREATE VIEW of path (a temporary one first), or NULL when the
 * object has no Flink metadata (or does not exist). *temporary tells which one was found. */
gboolean gw_duckdb_metadata_lookup (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                    GwFlinkStatement **out, gboolean *temporary, GError **error);
/* The same, looking only at the temporary (or only at the permanent) metadata. */
gboolean gw_duckdb_metadata_lookup_one (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                        gboolean temporary, GwFlinkStatement **out,
                                        GError **error);
/* Records (replaces) the DDL of path. */
gboolean gw_duckdb_metadata_store (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                   gboolean temporary, const char *ddl, GError **error);
gboolean gw_duckdb_metadata_delete (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                    gboolean temporary, GError **error);
/* Names in catalog.database that have metadata → GINT_TO_POINTER (GwFlinkStatementKind of the
 * DDL: GW_FLINK_CREATE_TABLE or GW_FLINK_CREATE_VIEW), temporary ones included. */
GHashTable *gw_duckdb_metadata_list (GwDuckdbConnection *conn, const char *catalog,
                                     const char *database, GError **error);

G_END_DECLS
