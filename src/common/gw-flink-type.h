/* Flink SQL type syntax ↔ GwLogicalType: "STRING", "VARCHAR(10) NOT NULL", "DECIMAL(10, 2)",
 * "TIMESTAMP(3) WITH LOCAL TIME ZONE", "TIMESTAMP_LTZ(3)", "INTERVAL DAY(2) TO SECOND(3)",
 * "ARRAY<INT>", "INT ARRAY", "MAP<STRING, INT>", "MULTISET<STRING>",
 * "ROW<a INT, b STRING>", "ROW(a INT, b STRING)", ... (Flink's LogicalTypeParser grammar, case
 * insensitive, backtick-quoted field names). gw_logical_type_to_string() is the way back. */
#pragma once

#include "gw-logical-type.h"

G_BEGIN_DECLS

/* NULL with GW_ERROR_VALIDATION ("Could not parse type at position 5: ...") when text is not a
 * Flink type. */
GwLogicalType *gw_flink_type_parse (const char *text, GError **error);

G_END_DECLS
