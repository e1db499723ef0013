/* DuckDB types and vectors → Flink LogicalTypes and GwColumn values: the one place that knows
 * how each DuckDB type is mapped (see the table in gw-duckdb-types.c). */
#pragma once

#include <duckdb.h>

#include "gw-batch.h"

G_BEGIN_DECLS

/* Converts the vectors of one result column; built once per column from its DuckDB type. */
typedef struct _GwDuckdbConverter GwDuckdbConverter;

/* Never fails: a type with no mapping becomes VARCHAR whose values are all NULL. */
GwDuckdbConverter *gw_duckdb_converter_new (duckdb_logical_type type);
void               gw_duckdb_converter_free (GwDuckdbConverter *converter);
/* The mapped type (nullable). Borrowed. */
GwLogicalType     *gw_duckdb_converter_get_type (const GwDuckdbConverter *converter);
/* Appends rows [offset, offset + count) of vector to column, which has the mapped type. */
void               gw_duckdb_converter_append (const GwDuckdbConverter *converter,
                                               duckdb_vector vector, idx_t offset, idx_t count,
                                               GwColumn *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwDuckdbConverter, gw_duckdb_converter_free)

G_END_DECLS
