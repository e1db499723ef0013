/* Flink connectors on DuckDB: the one place that knows each connector's options ('connector',
 * 'path', 'format', 'csv.*', 'json.*', 'fields.<f>.*', ...), how a source is read (the body of
 * the view standing for the table) and how a sink's files are written. */
#pragma once

#include "gw-flink-statement.h"

G_BEGIN_DECLS

typedef enum {
  GW_CONNECTOR_NONE,       /* no 'connector': a native DuckDB table */
  GW_CONNECTOR_FILESYSTEM,
  GW_CONNECTOR_DATAGEN,
  GW_CONNECTOR_PRINT,
  GW_CONNECTOR_BLACKHOLE,
} GwConnectorKind;

GwConnectorKind gw_duckdb_connector_kind (const GwFlinkOptions *options);
/* Checks the options of table: an unknown connector, an unknown or missing option, a bad value
 * or an unsupported format fail with GW_ERROR_VALIDATION naming it. */
gboolean        gw_duckdb_connector_validate (const GwFlinkCreateTable *table, GError **error);
/* The DuckDB SELECT that reads the table's source (the body of its view), with one column per
 * physical column, cast to its type. Filesystem: files under 'path' (a view over no rows while
 * the directory has no data file yet). print/blackhole are sinks: GW_ERROR_VALIDATION, as Flink
 * refuses to read them. */
gchar          *gw_duckdb_connector_source_sql (const GwFlinkCreateTable *table, GError **error);
/* A SELECT with the table's physical columns that fails with message when it runs (DuckDB's
 * error()): the body of the view of a table Flink would refuse to read. See
 * gw_duckdb_flink_translate_error(). */
gchar          *gw_duckdb_connector_failing_sql (const GwFlinkCreateTable *table,
                                                 const char *message, GError **error);
/* Filesystem: the COPY ... TO options for the table's format ("FORMAT csv, DELIMITER ','") and
 * the data file extension ("csv"). */
gchar          *gw_duckdb_connector_copy_options (const GwFlinkCreateTable *table,
                                                  const char **extension, GError **error);

G_END_DECLS
