/* The result part of the REST fetch response: the ColumnInfo array and the rows of a batch in
 * Flink's JSON or PLAIN_TEXT row format (reference/flink-rest.md §4, §6, §7). */
#pragma once

#include "gw-batch.h"

G_BEGIN_DECLS

/* The rowFormat query parameter of a fetch. */
typedef enum {
  GW_ROW_FORMAT_JSON,       /* typed JSON values (flink-json RowDataToJsonConverters) */
  GW_ROW_FORMAT_PLAIN_TEXT, /* every non-null field as its CAST(x AS STRING) text */
} GwRowFormat;

/* Case-insensitive "json" / "plain_text", as Flink's RowFormat.valueOf(upper-case). */
gboolean    gw_row_format_parse (const char *text, GwRowFormat *out);
/* "JSON" / "PLAIN_TEXT". */
const char *gw_row_format_name (GwRowFormat format);

/* Appends the ColumnInfo array: [{"name":..,"logicalType":{..},"comment":null|".."}, ...] */
void        gw_rest_append_columns (GString *out, const GwResultSchema *schema);

/* Appends the data array [{"kind":"INSERT","fields":[...]}, ...] for every row of batch.
 * zone is the session time zone for TIMESTAMP_WITH_LOCAL_TIME_ZONE (borrowed; NULL = UTC).
 * JSON cannot encode a MAP or MULTISET whose key is not a string, nor TIMESTAMP WITH TIME
 * ZONE: then nothing is appended and GW_ERROR_UNSUPPORTED carries Flink's message. */
gboolean    gw_rest_append_rows (GString *out, const GwBatch *batch, GwRowFormat format,
                                 GTimeZone *zone, GError **error);

G_END_DECLS
