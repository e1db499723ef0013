/* Internals shared by the HiveServer2 result-set encoders (the TRowSet structs in
 * gw-hs2-rowset.c, the direct writer in gw-hs2-rowset-write.c): the TColumn arm of each type,
 * the per-batch encoding plan and the value text (gw-hs2-value-text.c). */
#pragma once

#include "gw-hs2-types.h"
#include "gw-value-text.h"

G_BEGIN_DECLS

/* A TColumn union arm, valued as its field id (TColumnValue uses the same ids for 1..7). */
typedef enum {
  GW_HS2_ARM_BOOL = 1,   /* boolVal: BOOLEAN */
  GW_HS2_ARM_BYTE = 2,   /* byteVal: TINYINT */
  GW_HS2_ARM_I16 = 3,    /* i16Val: SMALLINT */
  GW_HS2_ARM_I32 = 4,    /* i32Val: INTEGER */
  GW_HS2_ARM_I64 = 5,    /* i64Val: BIGINT */
  GW_HS2_ARM_DOUBLE = 6, /* doubleVal: FLOAT, DOUBLE */
  GW_HS2_ARM_STRING = 7, /* stringVal: the text of every other type (binary below V6) */
  GW_HS2_ARM_BINARY = 8, /* binaryVal: BINARY, VARBINARY from V6 */
} GwHs2Arm;

GwHs2Arm gw_hs2_arm_of (const GwLogicalType *type, gint protocol_version);

/* How one column (or nested type) is encoded, looked up once per batch. */
typedef struct _GwHs2Cell GwHs2Cell;
struct _GwHs2Cell {
  const GwColumn      *column;     /* borrowed; NULL when there is no batch */
  const GwLogicalType *type;       /* borrowed */
  GwTypeRoot           root;
  GwHs2Arm             arm;
  gboolean             nanos;      /* TIMESTAMP stored as nanoseconds (precision > 6) */
  guint                n_children;
  GwHs2Cell           *children;   /* owned: element; key, value; or one per ROW field */
};

typedef struct {
  guint        n_columns;
  guint        n_rows;
  GwHs2Cell   *cells;    /* owned, one per schema column */
  GwZoneCache  zone;     /* session zone for TIMESTAMP_LTZ */
  GString     *scratch;  /* owned: text of ARRAY/MAP/ROW cells */
} GwHs2Encoder;

/* batch may be NULL (no rows); it must have the schema's columns. */
void        gw_hs2_encoder_init (GwHs2Encoder *encoder, const GwResultSchema *schema,
                                 const GwBatch *batch, gint protocol_version, GTimeZone *zone);
void        gw_hs2_encoder_clear (GwHs2Encoder *encoder);

/* The stringVal / binaryVal bytes of a cell that is not null: they point into the column, into
 * buf (GW_VALUE_TEXT_MAX bytes) or into the encoder's scratch, valid until the next call. */
const char *gw_hs2_cell_get_text (GwHs2Encoder *encoder, const GwHs2Cell *cell, guint row,
                                  char *buf, gsize *len);

/* The TColumn nulls bitmap of rows [0, n_rows): bit i (LSB first) set when row i is null,
 * trimmed after the last null like Java's BitSet.toByteArray() (so empty without nulls).
 * bits must hold (n_rows + 7) / 8 zeroed bytes; returns the number of bytes used. */
gsize       gw_hs2_nulls_bitmap (const GwColumn *column, guint n_rows, guint8 *bits);

G_END_DECLS
