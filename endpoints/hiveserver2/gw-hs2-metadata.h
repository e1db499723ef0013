/* The result sets of the HiveServer2 metadata RPCs (GetTypeInfo, GetCatalogs, GetSchemas,
 * GetTables, GetTableTypes, GetColumns, GetFunctions, GetPrimaryKeys, GetCrossReference) with
 * exactly Hive's column names and types (reference hiveserver2.md §3). Each lists the session's
 * catalog objects, builds the rows and registers them as an operation of the session that is
 * FINISHED at once (JDBC fetches metadata without polling) and fetched like any other.
 *
 * Names: NULL or "" = no filter; the *_pattern arguments are JDBC LIKE patterns ('%', '_',
 * '\' escapes). */
#pragma once

#include "gw-service.h"

G_BEGIN_DECLS

gboolean gw_hs2_metadata_type_info       (GwService *service, const GwHandle *session,
                                          GwHandle *out_operation, GError **error);
gboolean gw_hs2_metadata_catalogs        (GwService *service, const GwHandle *session,
                                          GwHandle *out_operation, GError **error);
gboolean gw_hs2_metadata_schemas         (GwService *service, const GwHandle *session,
                                          const char *catalog, const char *schema_pattern,
                                          GwHandle *out_operation, GError **error);
/* table_types: "TABLE", "VIEW" (case-insensitive); NULL or empty = every type. */
gboolean gw_hs2_metadata_tables          (GwService *service, const GwHandle *session,
                                          const char *catalog, const char *schema_pattern,
                                          const char *table_pattern,
                                          const char *const *table_types,
                                          GwHandle *out_operation, GError **error);
gboolean gw_hs2_metadata_table_types     (GwService *service, const GwHandle *session,
                                          GwHandle *out_operation, GError **error);
gboolean gw_hs2_metadata_columns         (GwService *service, const GwHandle *session,
                                          const char *catalog, const char *schema_pattern,
                                          const char *table_pattern, const char *column_pattern,
                                          GwHandle *out_operation, GError **error);
gboolean gw_hs2_metadata_functions       (GwService *service, const GwHandle *session,
                                          const char *catalog, const char *schema_pattern,
                                          const char *function_pattern,
                                          GwHandle *out_operation, GError **error);
gboolean gw_hs2_metadata_primary_keys    (GwService *service, const GwHandle *session,
                                          const char *catalog, const char *schema,
                                          const char *table, GwHandle *out_operation,
                                          GError **error);
/* Foreign keys from the foreign table to the parent table; NULL or "" names match any. */
gboolean gw_hs2_metadata_cross_reference (GwService *service, const GwHandle *session,
                                          const char *parent_catalog, const char *parent_schema,
                                          const char *parent_table, const char *foreign_catalog,
                                          const char *foreign_schema, const char *foreign_table,
                                          GwHandle *out_operation, GError **error);

G_END_DECLS
