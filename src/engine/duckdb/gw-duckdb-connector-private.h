/* Shared by the connector files (gw-duckdb-connector.c: kinds, options, print, blackhole;
 * gw-duckdb-connector-filesystem.c; gw-duckdb-connector-datagen.c): a table's physical columns
 * with their parsed types, and the option checks every connector makes in Flink's words. */
#pragma once

#include "gw-duckdb-connector.h"
#include "gw-logical-type.h"

G_BEGIN_DECLS

/* The physical columns of a table, in declared order. */
typedef struct {
  GPtrArray *names;  /* const char*, borrowed from the table */
  GPtrArray *types;  /* GwLogicalType*, owned */
} GwConnectorColumns;

gboolean gw_connector_columns_init (GwConnectorColumns *columns, const GwFlinkCreateTable *table,
                                    GError **error);
void     gw_connector_columns_clear (GwConnectorColumns *columns);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GwConnectorColumns, gw_connector_columns_clear)
/* Index of name among the physical columns, or -1. */
int      gw_connector_columns_find (const GwConnectorColumns *columns, const char *name);

/* Flink's "Unsupported options found for 'id'." error listing unsupported and supported keys
 * (both sorted). */
void     gw_connector_set_unsupported_error (GError **error, const char *identifier,
                                            GPtrArray *unsupported, GPtrArray *supported);
/* Option values as Flink's ConfigOption parses them; errors name the key. */
gboolean gw_connector_parse_bool (const char *key, const char *value, gboolean *out,
                                  GError **error);
gboolean gw_connector_parse_int64 (const char *key, const char *value, gint64 *out,
                                   GError **error);
gboolean gw_connector_parse_double (const char *key, const char *value, double *out,
                                    GError **error);
/* A Flink duration ("10 s", "1min", "500ms", "2 h"; a bare number is milliseconds) in ms. */
gboolean gw_connector_parse_duration (const char *key, const char *value, gint64 *out_ms,
                                      GError **error);

/* `SELECT CAST(NULL AS <type>) AS "c", ... WHERE false`: the typed source over no rows. */
gchar   *gw_connector_empty_select (const GwConnectorColumns *columns);

/* Every key of options must be in one of lists (NULL-terminated) or start with one of
 * prefixes (may be NULL); otherwise Flink's unsupported-options error for identifier. */
gboolean gw_connector_check_keys (const GwFlinkOptions *options, const char *identifier,
                                  const char *const *const *lists, const char *const *prefixes,
                                  GError **error);
/* *out = the boolean option key (FALSE when absent). */
gboolean gw_connector_bool_option (const GwFlinkOptions *options, const char *key,
                                   gboolean *out, GError **error);

/* filesystem (gw-duckdb-connector-filesystem.c) */
gboolean gw_connector_filesystem_validate (const GwFlinkCreateTable *table,
                                           const GwConnectorColumns *columns, GError **error);
gchar   *gw_connector_filesystem_source_sql (const GwFlinkCreateTable *table,
                                             const GwConnectorColumns *columns, GError **error);

/* datagen (gw-duckdb-connector-datagen.c) */
gboolean gw_connector_datagen_validate (const GwFlinkCreateTable *table,
                                        const GwConnectorColumns *columns, GError **error);
gchar   *gw_connector_datagen_source_sql (const GwFlinkCreateTable *table,
                                          const GwConnectorColumns *columns, GError **error);

G_END_DECLS
