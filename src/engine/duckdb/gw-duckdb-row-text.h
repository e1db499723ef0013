/* Flink's Row.toString() text of result rows ("+I[1, abc, null]"): what the print connector
 * writes for each row, with every value shown as its Java external class prints it. */
#pragma once

#include "gw-batch.h"

G_BEGIN_DECLS

/* Appends "+I[v1, v2, ...]" for row of batch. */
void gw_duckdb_row_text_append (GString *out, const GwBatch *batch, guint row);

G_END_DECLS
