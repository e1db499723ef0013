/* Text forms of DuckDB values that Flink has no type for (TIME WITH TIME ZONE, UUID, BIT, BIGNUM,
 * UNION members) or that the batch carries as text (DECIMAL, HUGEINT). */
#pragma once

#include "gw-duckdb-types-private.h"

G_BEGIN_DECLS

/* Enough for a 39-digit integer with sign, decimal point and leading zero. */
#define GW_DUCKDB_DECIMAL_TEXT_MAX 48

/* Plain decimal text with exactly scale fractional digits: -1250 scale 2 → "-12.50". Returns the
 * length written to buf (not NUL-terminated). */
gsize gw_duckdb_format_decimal (char *buf, GwInt128 value, int scale);
gsize gw_duckdb_format_unsigned (char *buf, GwUInt128 value);
/* Canonical lower-case 8-4-4-4-12 text (36 bytes) of DuckDB's UUID storage. */
gsize gw_duckdb_format_uuid (char *buf, duckdb_hugeint value);

void  gw_duckdb_text_append_time_tz (GString *out, duckdb_time_tz value);
/* "0101…" */
void  gw_duckdb_text_append_bit (GString *out, const guint8 *data, gsize len);
/* Decimal digits of DuckDB's BIGNUM (arbitrary precision integer) blob. */
void  gw_duckdb_text_append_bignum (GString *out, const guint8 *data, gsize len);

/* DuckDB-like text of the value at row, for UNION members: nested values as [..], {..};
 * strings inside nested values are quoted; NULL as "NULL". */
void  gw_duckdb_text_append_value (GString *out, const GwDuckdbConverter *converter,
                                   duckdb_vector vector, idx_t row, gboolean nested);

G_END_DECLS
