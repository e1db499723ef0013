/* TRowSet structs from a GwBatch (layouts in gw-hs2-rowset.h). The generated unions
 * pre-allocate every arm; exactly one is marked set, since only set arms are written. */
#include "gw-hs2-rowset.h"
#include "gw-hs2-types-private.h"

#include <string.h>

gsize
gw_hs2_nulls_bitmap (const GwColumn *column, guint n_rows, guint8 *bits)
{
  if (column == NULL || n_rows == 0)
    return 0;
  if (column->kind == GW_PHYSICAL_NONE) {
    memset (bits, 0xff, n_rows / 8);
    if (n_rows % 8 != 0)
      bits[n_rows / 8] = (guint8) ((1u << (n_rows % 8)) - 1);
    return (n_rows + 7) / 8;
  }
  if (column->nulls == NULL)
    return 0;
  gsize used = 0;
  for (guint i = 0; i < n_rows; i++) {
    if (column->nulls[i]) {
      bits[i / 8] |= (guint8) (1u << (i % 8));
      used = i / 8 + 1;
    }
  }
  return used;
}

static GByteArray *
nulls_new (const GwHs2Cell *cell, guint n_rows)
{
  GByteArray *nulls = g_byte_array_sized_new ((n_rows + 7) / 8);
  g_byte_array_set_size (nulls, (n_rows + 7) / 8);
  memset (nulls->data, 0, nulls->len);
  g_byte_array_set_size (nulls, (guint) gw_hs2_nulls_bitmap (cell->column, n_rows, nulls->data));
  return nulls;
}

/* Fills a numeric T*Column from the batch, with 0 for nulls. */
#define FILL_VALUES(tcolumn, ctype, source)                                  \
  G_STMT_START {                                                             \
    g_array_set_size ((tcolumn)->values, n_rows);                            \
    ctype *values = (ctype *) (void *) (tcolumn)->values->data;              \
    for (guint i = 0; i < n_rows; i++)                                       \
      values[i] = gw_column_is_null (column, i) ? (ctype) 0 : (ctype) (source); \
    (tcolumn)->nulls = nulls;                                                \
  } G_STMT_END

static TColumn *
column_new (GwHs2Encoder *encoder, const GwHs2Cell *cell)
{
  TColumn *tcolumn = g_object_new (TYPE_T_COLUMN, NULL);
  const GwColumn *column = cell->column;
  guint n_rows = encoder->n_rows;
  GByteArray *nulls = nulls_new (cell, n_rows);
  char buf[GW_VALUE_TEXT_MAX];
  gsize len;

  switch (cell->arm) {
  case GW_HS2_ARM_BOOL:
    tcolumn->__isset_boolVal = TRUE;
    FILL_VALUES (tcolumn->boolVal, gboolean, column->bools[i] != 0);
    break;
  case GW_HS2_ARM_BYTE:
    tcolumn->__isset_byteVal = TRUE;
    FILL_VALUES (tcolumn->byteVal, gint8, column->i64[i]);
    break;
  case GW_HS2_ARM_I16:
    tcolumn->__isset_i16Val = TRUE;
    FILL_VALUES (tcolumn->i16Val, gint16, column->i64[i]);
    break;
  case GW_HS2_ARM_I32:
    tcolumn->__isset_i32Val = TRUE;
    FILL_VALUES (tcolumn->i32Val, gint32, column->i64[i]);
    break;
  case GW_HS2_ARM_I64:
    tcolumn->__isset_i64Val = TRUE;
    FILL_VALUES (tcolumn->i64Val, gint64, column->i64[i]);
    break;
  case GW_HS2_ARM_DOUBLE:
    tcolumn->__isset_doubleVal = TRUE;
    FILL_VALUES (tcolumn->doubleVal, gdouble, column->f64[i]);
    break;
  case GW_HS2_ARM_STRING: {
    GPtrArray *values = tcolumn->stringVal->values;
    tcolumn->__isset_stringVal = TRUE;
    g_ptr_array_set_size (values, n_rows);
    for (guint i = 0; i < n_rows; i++) {
      if (gw_column_is_null (column, i)) {
        values->pdata[i] = g_strdup ("");
      } else {
        const char *text = gw_hs2_cell_get_text (encoder, cell, i, buf, &len);
        values->pdata[i] = g_strndup (text, len);
      }
    }
    tcolumn->stringVal->nulls = nulls;
    break;
  }
  case GW_HS2_ARM_BINARY: {
    GPtrArray *values = tcolumn->binaryVal->values;
    tcolumn->__isset_binaryVal = TRUE;
    for (guint i = 0; i < n_rows; i++) {
      GByteArray *value = g_byte_array_new ();
      if (!gw_column_is_null (column, i)) {
        const char *bytes = gw_column_get_bytes (column, i, &len);
        g_byte_array_append (value, (const guint8 *) bytes, (guint) len);
      }
      g_ptr_array_add (values, value);
    }
    tcolumn->binaryVal->nulls = nulls;
    break;
  }
  }
  return tcolumn;
}

/* One TColumnValue: the arm of the column, its value unset for a null. */
static TColumnValue *
column_value_new (GwHs2Encoder *encoder, const GwHs2Cell *cell, guint row)
{
  TColumnValue *value = g_object_new (TYPE_T_COLUMN_VALUE, NULL);
  const GwColumn *column = cell->column;
  gboolean valid = !gw_column_is_null (column, row);
  char buf[GW_VALUE_TEXT_MAX];
  gsize len;

  switch (cell->arm) {
  case GW_HS2_ARM_BOOL:
    value->__isset_boolVal = TRUE;
    value->boolVal->__isset_value = valid;
    value->boolVal->value = valid && column->bools[row];
    break;
  case GW_HS2_ARM_BYTE:
    value->__isset_byteVal = TRUE;
    value->byteVal->__isset_value = valid;
    value->byteVal->value = valid ? (gint8) column->i64[row] : 0;
    break;
  case GW_HS2_ARM_I16:
    value->__isset_i16Val = TRUE;
    value->i16Val->__isset_value = valid;
    value->i16Val->value = valid ? (gint16) column->i64[row] : 0;
    break;
  case GW_HS2_ARM_I32:
    value->__isset_i32Val = TRUE;
    value->i32Val->__isset_value = valid;
    value->i32Val->value = valid ? (gint32) column->i64[row] : 0;
    break;
  case GW_HS2_ARM_I64:
    value->__isset_i64Val = TRUE;
    value->i64Val->__isset_value = valid;
    value->i64Val->value = valid ? column->i64[row] : 0;
    break;
  case GW_HS2_ARM_DOUBLE:
    value->__isset_doubleVal = TRUE;
    value->doubleVal->__isset_value = valid;
    value->doubleVal->value = valid ? column->f64[row] : 0;
    break;
  case GW_HS2_ARM_STRING:
  case GW_HS2_ARM_BINARY: /* not below V6, and TColumnValue has no binary arm: as a string */
    value->__isset_stringVal = TRUE;
    value->stringVal->__isset_value = valid;
    if (valid) {
      const char *text = gw_hs2_cell_get_text (encoder, cell, row, buf, &len);
      value->stringVal->value = g_strndup (text, len);
    }
    break;
  }
  return value;
}

TRowSet *
gw_hs2_row_set_new (const GwResultSchema *schema, const GwBatch *batch, gint protocol_version,
                    gint64 start_row_offset, GTimeZone *zone)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (batch == NULL || gw_result_schema_get_n_columns (batch->schema) ==
                                         gw_result_schema_get_n_columns (schema), NULL);

  GwHs2Encoder encoder;
  gw_hs2_encoder_init (&encoder, schema, batch, protocol_version, zone);
  TRowSet *row_set = g_object_new (TYPE_T_ROW_SET, NULL);
  row_set->startRowOffset = start_row_offset;

  if (protocol_version >= GW_HS2_PROTOCOL_COLUMNAR) {
    row_set->__isset_columns = TRUE;
    for (guint c = 0; c < encoder.n_columns; c++)
      g_ptr_array_add (row_set->columns, column_new (&encoder, &encoder.cells[c]));
  } else {
    for (guint r = 0; r < encoder.n_rows; r++) {
      TRow *row = g_object_new (TYPE_T_ROW, NULL);
      for (guint c = 0; c < encoder.n_columns; c++)
        g_ptr_array_add (row->colVals, column_value_new (&encoder, &encoder.cells[c], r));
      g_ptr_array_add (row_set->rows, row);
    }
  }
  gw_hs2_encoder_clear (&encoder);
  return row_set;
}

TRowSet *
gw_hs2_log_row_set_new (const char *const *lines, gint protocol_version)
{
  TRowSet *row_set = g_object_new (TYPE_T_ROW_SET, NULL);
  guint n_lines = lines != NULL ? g_strv_length ((gchar **) lines) : 0;

  if (protocol_version >= GW_HS2_PROTOCOL_COLUMNAR) {
    TColumn *column = g_object_new (TYPE_T_COLUMN, NULL);
    column->__isset_stringVal = TRUE;
    for (guint i = 0; i < n_lines; i++)
      g_ptr_array_add (column->stringVal->values, g_strdup (lines[i]));
    column->stringVal->nulls = g_byte_array_new ();
    row_set->__isset_columns = TRUE;
    g_ptr_array_add (row_set->columns, column);
  } else {
    for (guint i = 0; i < n_lines; i++) {
      TRow *row = g_object_new (TYPE_T_ROW, NULL);
      TColumnValue *value = g_object_new (TYPE_T_COLUMN_VALUE, NULL);
      value->__isset_stringVal = TRUE;
      value->stringVal->value = g_strdup (lines[i]);
      value->stringVal->__isset_value = TRUE;
      g_ptr_array_add (row->colVals, value);
      g_ptr_array_add (row_set->rows, row);
    }
  }
  return row_set;
}
