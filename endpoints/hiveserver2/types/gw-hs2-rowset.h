/* HiveServer2 result sets: a GwBatch as the TRowSet of FetchResults, columnar (TRowSet.columns)
 * for protocol >= V6 and row-based (TRowSet.rows) below, as Hive's server and JDBC's
 * RowSetFactory decide; the operation log as a one-column TRowSet.
 *
 * Columnar: one TColumn per schema column, always all of them, even for 0 rows (jshs2 reads
 * column 0 unconditionally); nulls hold a 0 / false / "" / empty placeholder in values and a
 * bit in the nulls bitmap: bit i (LSB first) set when row i is null, trimmed after the last null
 * as Java's BitSet.toByteArray() (what Flink sends: no bytes at all without nulls; readers
 * treat missing bytes as not null). The required `rows` list is always written (empty here).
 * Row-based: one TRow per row, one TColumnValue per column with the arm of the column, a null
 * being that arm with its value unset; `columns` is not written.
 *
 * c_glib carries strings as NUL-terminated gchar*, so in the TRowSet structs a CHAR/VARCHAR
 * value (or a row-based binary one) ends at its first NUL byte; gw_hs2_row_set_write_columnar()
 * writes every byte. */
#pragma once

#include <thrift/c_glib/protocol/thrift_protocol.h>

#include "gw-hs2-types.h"

G_BEGIN_DECLS

/* FetchResults payload for rows [start_row_offset, ...) held in batch (NULL or empty: every
 * column is present with 0 values). zone is the session zone for TIMESTAMP_LTZ (NULL = UTC). */
TRowSet *gw_hs2_row_set_new (const GwResultSchema *schema, const GwBatch *batch,
                             gint protocol_version, gint64 start_row_offset, GTimeZone *zone);

/* fetchType=1: the operation log, one line per row, as one string column. lines may be NULL. */
TRowSet *gw_hs2_log_row_set_new (const char *const *lines, gint protocol_version);

/* Writes the same bytes as thrift_struct_write() of the columnar gw_hs2_row_set_new() (V6 and
 * up), without building the structs: the structure through thrift_protocol_write_*, the values
 * in bulk straight to the protocol's transport (a ThriftBinaryProtocol; any other protocol gets
 * the struct path). Use it for TFetchResultsResp.results when writing the response by hand. */
gboolean gw_hs2_row_set_write_columnar (ThriftProtocol *protocol, const GwResultSchema *schema,
                                        const GwBatch *batch, gint64 start_row_offset,
                                        GTimeZone *zone, GError **error);

G_END_DECLS
