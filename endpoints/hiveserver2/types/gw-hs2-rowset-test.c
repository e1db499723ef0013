/* Unit tests of the HiveServer2 result sets: every type's TColumn arm and text in both layouts
 * read back through TBinaryProtocol, NULLs in every column, nested text, the nulls bitmap, empty
 * batches, the log row set; every columnar case also checks that the direct writer gives the
 * struct path's bytes. GW_HS2_BENCH=1 runs the FetchResults benchmark (ns/row, no assertion). */
#include "gw-hs2-test-wire.h"

#include <math.h>

#define DAY_MICROS (G_GINT64_CONSTANT (86400) * 1000000)
#define DAY_2021   G_GINT64_CONSTANT (18628) /* 2021-01-01 */

static void
put_str (GwColumn *column, const char *text)
{
  if (text == NULL)
    gw_column_append_null (column);
  else
    gw_column_append_bytes (column, text, strlen (text));
}

static void
put_int (GwColumn *column, gint64 value)
{
  gw_column_append_int64 (column, value);
}

/* A null ROW still takes a (null) value in every field. */
static void
put_null_struct (GwColumn *column)
{
  for (guint i = 0; i < column->n_children; i++)
    gw_column_append_null (column->children[i]);
  gw_column_append_null (column);
}

/* The bytes of gw_hs2_row_set_write_columnar() on protocol. */
static GByteArray *
write_columnar (ThriftProtocol *protocol, const GwResultSchema *schema, const GwBatch *batch,
                gint64 offset, GTimeZone *zone)
{
  g_autoptr (GError) error = NULL;
  g_byte_array_set_size (wire, 0);
  g_assert_true (gw_hs2_row_set_write_columnar (protocol, schema, batch, offset, zone, &error));
  g_assert_no_error (error);
  return g_byte_array_append (g_byte_array_new (), wire->data, wire->len);
}

/* gw_hs2_row_set_new() through the wire and back; columnar results must also come out of the
 * direct writer byte for byte. */
static TRowSet *
encode (const GwResultSchema *schema, const GwBatch *batch, gint version, GTimeZone *zone)
{
  TRowSet *built = gw_hs2_row_set_new (schema, batch, version, 7, zone);
  g_autoptr (GByteArray) bytes = serialize (binary, built);
  g_object_unref (built);
  if (version >= V6) {
    g_autoptr (GByteArray) direct = write_columnar (binary, schema, batch, 7, zone);
    g_assert_cmpmem (direct->data, direct->len, bytes->data, bytes->len);
  }
  TRowSet *row_set = deserialize (bytes, TYPE_T_ROW_SET);
  g_assert_cmpint (row_set->startRowOffset, ==, 7);
  return row_set;
}

/* The one set arm of a read-back TColumn (0 if none or several). */
static GwHs2Arm
arm_of_column (const TColumn *c)
{
  gboolean set[] = { FALSE, c->__isset_boolVal, c->__isset_byteVal, c->__isset_i16Val,
                     c->__isset_i32Val, c->__isset_i64Val, c->__isset_doubleVal,
                     c->__isset_stringVal, c->__isset_binaryVal };
  int arm = 0, n = 0;
  for (int i = 1; i < (int) G_N_ELEMENTS (set); i++)
    if (set[i]) {
      arm = i;
      n++;
    }
  return n == 1 ? (GwHs2Arm) arm : 0;
}

static GwHs2Arm
arm_of_value (const TColumnValue *v)
{
  gboolean set[] = { FALSE, v->__isset_boolVal, v->__isset_byteVal, v->__isset_i16Val,
                     v->__isset_i32Val, v->__isset_i64Val, v->__isset_doubleVal,
                     v->__isset_stringVal };
  int arm = 0, n = 0;
  for (int i = 1; i < (int) G_N_ELEMENTS (set); i++)
    if (set[i]) {
      arm = i;
      n++;
    }
  return n == 1 ? (GwHs2Arm) arm : 0;
}

static const GByteArray *
column_nulls (const TColumn *c)
{
  const GByteArray *nulls[] = { NULL, c->boolVal->nulls, c->byteVal->nulls, c->i16Val->nulls,
                                c->i32Val->nulls, c->i64Val->nulls, c->doubleVal->nulls,
                                c->stringVal->nulls, c->binaryVal->nulls };
  return nulls[arm_of_column (c)];
}

static guint
column_length (const TColumn *c)
{
  const guint lengths[] = { 0, c->boolVal->values->len, c->byteVal->values->len,
                            c->i16Val->values->len, c->i32Val->values->len,
                            c->i64Val->values->len, c->doubleVal->values->len,
                            c->stringVal->values->len, c->binaryVal->values->len };
  return lengths[arm_of_column (c)];
}
/* Whether a row-based value carries a value (is not null). */
static gboolean
value_isset (const TColumnValue *v)
{
  switch (arm_of_value (v)) {
  case GW_HS2_ARM_BOOL: return v->boolVal->__isset_value;
  case GW_HS2_ARM_BYTE: return v->byteVal->__isset_value;
  case GW_HS2_ARM_I16: return v->i16Val->__isset_value;
  case GW_HS2_ARM_I32: return v->i32Val->__isset_value;
  case GW_HS2_ARM_I64: return v->i64Val->__isset_value;
  case GW_HS2_ARM_DOUBLE: return v->doubleVal->__isset_value;
  case GW_HS2_ARM_STRING: return v->stringVal->__isset_value;
  default: g_assert_not_reached ();
  }
}

static const TColumnValue *
row_value (const TRowSet *row_set, guint row, guint column)
{
  const TRow *r = row_set->rows->pdata[row];
  return r->colVals->pdata[column];
}

/* The stringVal or binaryVal bytes of a columnar cell. */
static void
assert_cell_text (const TColumn *column, guint row, const char *expected)
{
  if (column->__isset_binaryVal) {
    const GByteArray *bytes = column->binaryVal->values->pdata[row];
    g_assert_cmpmem (bytes->data, bytes->len, expected, strlen (expected));
  } else {
    g_assert_true (column->__isset_stringVal);
    g_assert_cmpstr (column->stringVal->values->pdata[row], ==, expected);
  }
}

/* ---- every type ---- */

#define N_ALL_TYPES 24
#define FIRST_TEXT  7

/* Two rows of values, then a row of nulls; TIMESTAMP_LTZ read in +05:30. */
static const struct {
  TTypeId     id;       /* at V10 */
  GwHs2Arm    arm;      /* columnar */
  const char *text[2];  /* string and binary arms */
} all_types[N_ALL_TYPES] = {
  { T_TYPE_ID_BOOLEAN_TYPE, GW_HS2_ARM_BOOL, { NULL } },
  { T_TYPE_ID_TINYINT_TYPE, GW_HS2_ARM_BYTE, { NULL } },
  { T_TYPE_ID_SMALLINT_TYPE, GW_HS2_ARM_I16, { NULL } },
  { T_TYPE_ID_INT_TYPE, GW_HS2_ARM_I32, { NULL } },
  { T_TYPE_ID_BIGINT_TYPE, GW_HS2_ARM_I64, { NULL } },
  { T_TYPE_ID_FLOAT_TYPE, GW_HS2_ARM_DOUBLE, { NULL } },
  { T_TYPE_ID_DOUBLE_TYPE, GW_HS2_ARM_DOUBLE, { NULL } },
  { T_TYPE_ID_DECIMAL_TYPE, GW_HS2_ARM_STRING, { "-12.50", "0.00" } },
  { T_TYPE_ID_CHAR_TYPE, GW_HS2_ARM_STRING, { "ab   ", "h\xc3\xa9llo" } },
  { T_TYPE_ID_VARCHAR_TYPE, GW_HS2_ARM_STRING, { "x", "" } },
  { T_TYPE_ID_STRING_TYPE, GW_HS2_ARM_STRING, { "say \"hi\"", "line\nbreak" } },
  { T_TYPE_ID_BINARY_TYPE, GW_HS2_ARM_BINARY, { "\x01\xfe" "A", "\x7f" } },
  { T_TYPE_ID_BINARY_TYPE, GW_HS2_ARM_BINARY, { "", "xyz" } },
  { T_TYPE_ID_DATE_TYPE, GW_HS2_ARM_STRING, { "1970-01-01", "2021-01-01" } },
  { T_TYPE_ID_STRING_TYPE, GW_HS2_ARM_STRING, { "01:02:03.004", "00:00:00" } },
  { T_TYPE_ID_TIMESTAMP_TYPE, GW_HS2_ARM_STRING,
    { "2021-01-01 00:00:00.123456", "1969-12-31 23:59:59.999999" } },
  { T_TYPE_ID_TIMESTAMP_TYPE, GW_HS2_ARM_STRING,
    { "2021-01-01 00:00:00.0000001", "1970-01-01 00:00:00" } },
  { T_TYPE_ID_TIMESTAMP_TYPE, GW_HS2_ARM_STRING,
    { "2021-01-01 05:30:00.5", "1970-01-01 05:29:59.999" } },
  { T_TYPE_ID_INTERVAL_YEAR_MONTH_TYPE, GW_HS2_ARM_STRING, { "1-2", "-2-1" } },
  { T_TYPE_ID_INTERVAL_DAY_TIME_TYPE, GW_HS2_ARM_STRING,
    { "1 02:03:04.005000000", "-0 00:00:00.000001000" } },
  { T_TYPE_ID_ARRAY_TYPE, GW_HS2_ARM_STRING, { "[1,null,3]", "[]" } },
  { T_TYPE_ID_MAP_TYPE, GW_HS2_ARM_STRING, { "{\"a\":1,\"b\":null}", "{}" } },
  { T_TYPE_ID_STRUCT_TYPE, GW_HS2_ARM_STRING,
    { "{\"x\":1,\"y\":\"q\\\"t\"}", "{\"x\":null,\"y\":null}" } },
  { T_TYPE_ID_NULL_TYPE, GW_HS2_ARM_STRING, { "", "" } },
};

static GwResultSchema *
all_types_schema (void)
{
  GwResultSchema *s = gw_result_schema_new ();
  static const GwTypeRoot simple[] = { GW_TYPE_BOOLEAN, GW_TYPE_TINYINT, GW_TYPE_SMALLINT,
                                       GW_TYPE_INTEGER, GW_TYPE_BIGINT, GW_TYPE_FLOAT,
                                       GW_TYPE_DOUBLE };
  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    add (s, gw_type_root_name (simple[i]), type_new (simple[i]));
  add (s, "dec", gw_logical_type_new_decimal (TRUE, 10, 2));
  add (s, "c", length_type (GW_TYPE_CHAR, 5));
  add (s, "vc", length_type (GW_TYPE_VARCHAR, 10));
  add (s, "s", STRING_TYPE ());
  add (s, "bin", length_type (GW_TYPE_BINARY, 3));
  add (s, "vb", length_type (GW_TYPE_VARBINARY, GW_TYPE_MAX_LENGTH));
  add (s, "date", type_new (GW_TYPE_DATE));
  add (s, "time", precision_type (GW_TYPE_TIME_WITHOUT_TIME_ZONE, 3));
  add (s, "ts", precision_type (GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE, 6));
  add (s, "ts9", precision_type (GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE, 9));
  add (s, "ltz", precision_type (GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3));
  add (s, "iym", gw_logical_type_new_interval (GW_TYPE_INTERVAL_YEAR_MONTH, TRUE,
                                               GW_INTERVAL_YEAR_TO_MONTH, 2, 0));
  add (s, "idt", gw_logical_type_new_interval (GW_TYPE_INTERVAL_DAY_TIME, TRUE,
                                               GW_INTERVAL_DAY_TO_SECOND, 2, 6));
  add (s, "arr", collection_type (GW_TYPE_ARRAY, type_new (GW_TYPE_INTEGER)));
  add (s, "map", gw_logical_type_new_map (TRUE, STRING_TYPE (), type_new (GW_TYPE_INTEGER)));
  add (s, "row", row_type ("x", type_new (GW_TYPE_INTEGER), "y", STRING_TYPE ()));
  add (s, "nul", type_new (GW_TYPE_NULL));
  return s;
}

static GwBatch *
all_types_batch (void)
{
  g_autoptr (GwResultSchema) schema = all_types_schema ();
  GwBatch *batch = gw_batch_new (schema, 3);
  GwColumn **c = batch->columns;

  gw_column_append_bool (c[0], TRUE);
  gw_column_append_bool (c[0], FALSE);
  static const gint64 ints[][2] = { { -128, 127 }, { -32768, 7 }, { G_MAXINT32, -1 },
                                    { G_MININT64, 42 } };
  for (guint k = 0; k < G_N_ELEMENTS (ints); k++) {
    put_int (c[1 + k], ints[k][0]);
    put_int (c[1 + k], ints[k][1]);
  }
  gw_column_append_double (c[5], 1.5);
  gw_column_append_double (c[5], (double) 0.1f);
  gw_column_append_double (c[6], 2.25);
  gw_column_append_double (c[6], 1e300);
  for (guint k = FIRST_TEXT; k <= 12; k++) {
    put_str (c[k], all_types[k].text[0]);
    put_str (c[k], all_types[k].text[1]);
  }
  static const gint64 times[][2] = {
    { 0, DAY_2021 },                                        /* date */
    { G_GINT64_CONSTANT (3723004000), 0 },                  /* time */
    { DAY_2021 * DAY_MICROS + 123456, -1 },                 /* ts */
    { DAY_2021 * DAY_MICROS * 1000 + 100, 0 },              /* ts9 */
    { DAY_2021 * DAY_MICROS + 500000, -1000 },              /* ltz */
    { 14, -25 },                                            /* iym */
    { DAY_MICROS + G_GINT64_CONSTANT (7384005000), -1 },    /* idt */
  };
  for (guint k = 0; k < G_N_ELEMENTS (times); k++) {
    put_int (c[13 + k], times[k][0]);
    put_int (c[13 + k], times[k][1]);
  }
  GwColumn *element = c[20]->children[0];
  put_int (element, 1);
  gw_column_append_null (element);
  put_int (element, 3);
  gw_column_append_list (c[20], 3);
  gw_column_append_list (c[20], 0);
  put_str (c[21]->children[0], "a");
  put_int (c[21]->children[1], 1);
  put_str (c[21]->children[0], "b");
  gw_column_append_null (c[21]->children[1]);
  gw_column_append_list (c[21], 2);
  gw_column_append_list (c[21], 0);
  put_int (c[22]->children[0], 1);
  put_str (c[22]->children[1], "q\"t");
  gw_column_append_struct (c[22]);
  gw_column_append_null (c[22]->children[0]);
  gw_column_append_null (c[22]->children[1]);
  gw_column_append_struct (c[22]);
  gw_column_append_null (c[23]);
  gw_column_append_null (c[23]);
  for (guint i = 0; i < N_ALL_TYPES; i++) {
    if (i == 22)
      put_null_struct (c[i]);
    else
      gw_column_append_null (c[i]);
  }
  gw_batch_finish (batch);
  return batch;
}

static void
test_all_types_columnar (void)
{
  g_autoptr (GwBatch) batch = all_types_batch ();
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("+05:30");
  TRowSet *row_set = encode (batch->schema, batch, V10, zone);

  g_assert_cmpuint (row_set->rows->len, ==, 0);
  g_assert_true (row_set->__isset_columns);
  g_assert_cmpuint (row_set->columns->len, ==, N_ALL_TYPES);
  for (guint c = 0; c < N_ALL_TYPES; c++) {
    const TColumn *column = row_set->columns->pdata[c];
    g_test_message ("column %u", c);
    g_assert_cmpint (gw_hs2_type_id (gw_result_schema_get_type (batch->schema, c), V10), ==,
                     all_types[c].id);
    g_assert_cmpint (arm_of_column (column), ==, all_types[c].arm);
    g_assert_cmpuint (column_length (column), ==, 3);
    /* Row 2 is null everywhere; the NULL column in every row. */
    const GByteArray *nulls = column_nulls (column);
    g_assert_cmpmem (nulls->data, nulls->len, c == 23 ? "\x07" : "\x04", 1);
    if (c >= FIRST_TEXT)
      for (guint r = 0; r < 3; r++)
        assert_cell_text (column, r, r < 2 ? all_types[c].text[r] : "");
  }
  TColumn **col = (TColumn **) row_set->columns->pdata;
  gboolean *bools = (gboolean *) (void *) col[0]->boolVal->values->data;
  g_assert_true (bools[0] && !bools[1] && !bools[2]);
  gint8 *bytes = (gint8 *) col[1]->byteVal->values->data;
  g_assert_true (bytes[0] == -128 && bytes[1] == 127 && bytes[2] == 0);
  gint16 *i16 = (gint16 *) (void *) col[2]->i16Val->values->data;
  g_assert_true (i16[0] == -32768 && i16[1] == 7 && i16[2] == 0);
  gint32 *i32 = (gint32 *) (void *) col[3]->i32Val->values->data;
  g_assert_true (i32[0] == G_MAXINT32 && i32[1] == -1 && i32[2] == 0);
  gint64 *i64 = (gint64 *) (void *) col[4]->i64Val->values->data;
  g_assert_true (i64[0] == G_MININT64 && i64[1] == 42 && i64[2] == 0);
  gdouble *f = (gdouble *) (void *) col[5]->doubleVal->values->data;
  g_assert_true (f[0] == 1.5 && f[1] == (double) 0.1f && f[2] == 0);
  gdouble *d = (gdouble *) (void *) col[6]->doubleVal->values->data;
  g_assert_true (d[0] == 2.25 && d[1] == 1e300 && d[2] == 0);
  g_object_unref (row_set);

  /* From V11 TIMESTAMP_LTZ has its own type id; the data does not change. */
  g_assert_cmpint (gw_hs2_type_id (gw_result_schema_get_type (batch->schema, 17), V11), ==,
                   T_TYPE_ID_TIMESTAMPLOCALTZ_TYPE);
}

static void
test_all_types_row_based (void)
{
  g_autoptr (GwBatch) batch = all_types_batch ();
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("+05:30");
  TRowSet *row_set = encode (batch->schema, batch, V5, zone);

  g_assert_false (row_set->__isset_columns);
  g_assert_cmpuint (row_set->rows->len, ==, 3);
  for (guint r = 0; r < 3; r++) {
    g_assert_cmpuint (((TRow *) row_set->rows->pdata[r])->colVals->len, ==, N_ALL_TYPES);
    for (guint c = 0; c < N_ALL_TYPES; c++) {
      const TColumnValue *v = row_value (row_set, r, c);
      GwHs2Arm arm = all_types[c].arm == GW_HS2_ARM_BINARY ? GW_HS2_ARM_STRING : all_types[c].arm;
      g_assert_cmpint (arm_of_value (v), ==, arm);
      g_assert_true (value_isset (v) == (r < 2 && c != 23));
      if (c >= FIRST_TEXT && value_isset (v))
        g_assert_cmpstr (v->stringVal->value, ==, all_types[c].text[r]);
    }
  }
  g_assert_true (row_value (row_set, 0, 0)->boolVal->value);
  g_assert_cmpint (row_value (row_set, 0, 1)->byteVal->value, ==, -128);
  g_assert_cmpint (row_value (row_set, 0, 2)->i16Val->value, ==, -32768);
  g_assert_cmpint (row_value (row_set, 1, 3)->i32Val->value, ==, -1);
  g_assert_cmpint (row_value (row_set, 0, 4)->i64Val->value, ==, G_MININT64);
  g_assert_cmpfloat (row_value (row_set, 1, 5)->doubleVal->value, ==, (double) 0.1f);
  g_assert_cmpfloat (row_value (row_set, 1, 6)->doubleVal->value, ==, 1e300);
  g_object_unref (row_set);
}

/* ---- nested values ---- */

static void
test_nested_text (void)
{
  g_autoptr (GwResultSchema) s = gw_result_schema_new ();
  add (s, "strings", collection_type (GW_TYPE_ARRAY, STRING_TYPE ()));
  add (s, "int_keys", gw_logical_type_new_map (TRUE, type_new (GW_TYPE_INTEGER), STRING_TYPE ()));
  add (s, "arrays", gw_logical_type_new_map (TRUE, STRING_TYPE (),
                                            collection_type (GW_TYPE_ARRAY,
                                                             type_new (GW_TYPE_BIGINT))));
  add (s, "nested_row", row_type ("a", type_new (GW_TYPE_INTEGER), "b",
                                  row_type ("c", type_new (GW_TYPE_DOUBLE),
                                            "d", type_new (GW_TYPE_DATE))));
  add (s, "rows", collection_type (GW_TYPE_ARRAY, row_type ("n", STRING_TYPE (), NULL, NULL)));
  add (s, "multiset", collection_type (GW_TYPE_MULTISET, STRING_TYPE ()));
  add (s, "decimals", collection_type (GW_TYPE_ARRAY, gw_logical_type_new_decimal (TRUE, 5, 2)));
  add (s, "stamps", collection_type (GW_TYPE_ARRAY,
                                     precision_type (GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3)));
  add (s, "floats", collection_type (GW_TYPE_ARRAY, type_new (GW_TYPE_FLOAT)));
  add (s, "misc", row_type ("we\"ird", type_new (GW_TYPE_BOOLEAN), "bytes",
                            length_type (GW_TYPE_VARBINARY, GW_TYPE_MAX_LENGTH)));
  add (s, "nulls", collection_type (GW_TYPE_ARRAY, type_new (GW_TYPE_NULL)));
  static const char *expected[] = {
    "[\"a\",\"b\\\"c\\\\\",null,\"\\n\\t\\u0001\\u001f/\xc3\xa9\"]",
    "{1:\"x\",2:null}",
    "{\"k\":[1,2],\"n\":null}",
    "{\"a\":1,\"b\":{\"c\":1.0E10,\"d\":\"2021-01-01\"}}",
    "[{\"n\":\"x\"},null]",
    "[\"a\",\"a\"]",
    "[1.50,-0.01]",
    "[\"2021-01-01 05:30:00.5\"]",
    "[0.1,NaN,-Infinity]",
    "{\"we\\\"ird\":true,\"bytes\":\"hi\"}",
    "[null]",
  };

  g_autoptr (GwBatch) batch = gw_batch_new (s, 1);
  GwColumn **c = batch->columns, *k, *v;
  const char *strings[] = { "a", "b\"c\\", NULL, "\n\t\x01\x1f/\xc3\xa9" };
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    put_str (c[0]->children[0], strings[i]);
  gw_column_append_list (c[0], 4);
  k = c[1]->children[0], v = c[1]->children[1];
  put_int (k, 1), put_str (v, "x"), put_int (k, 2), put_str (v, NULL);
  gw_column_append_list (c[1], 2);
  k = c[2]->children[0], v = c[2]->children[1];
  put_int (v->children[0], 1), put_int (v->children[0], 2), gw_column_append_list (v, 2);
  gw_column_append_null (v);
  put_str (k, "k"), put_str (k, "n");
  gw_column_append_list (c[2], 2);
  put_int (c[3]->children[0], 1);
  gw_column_append_double (c[3]->children[1]->children[0], 1e10);
  put_int (c[3]->children[1]->children[1], DAY_2021);
  gw_column_append_struct (c[3]->children[1]);
  gw_column_append_struct (c[3]);
  put_str (c[4]->children[0]->children[0], "x"), gw_column_append_struct (c[4]->children[0]);
  put_null_struct (c[4]->children[0]);
  gw_column_append_list (c[4], 2);
  put_str (c[5]->children[0], "a"), put_str (c[5]->children[0], "a");
  gw_column_append_list (c[5], 2);
  put_str (c[6]->children[0], "1.50"), put_str (c[6]->children[0], "-0.01");
  gw_column_append_list (c[6], 2);
  put_int (c[7]->children[0], DAY_2021 * DAY_MICROS + 500000);
  gw_column_append_list (c[7], 1);
  gw_column_append_double (c[8]->children[0], (double) 0.1f);
  gw_column_append_double (c[8]->children[0], NAN);
  gw_column_append_double (c[8]->children[0], -INFINITY);
  gw_column_append_list (c[8], 3);
  gw_column_append_bool (c[9]->children[0], TRUE);
  put_str (c[9]->children[1], "hi");
  gw_column_append_struct (c[9]);
  gw_column_append_null (c[10]->children[0]);
  gw_column_append_list (c[10], 1);
  gw_batch_finish (batch);

  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("+05:30");
  TRowSet *columnar = encode (s, batch, V10, zone);
  TRowSet *rows = encode (s, batch, V5, zone);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++) {
    g_test_message ("column %u", i);
    assert_cell_text (columnar->columns->pdata[i], 0, expected[i]);
    g_assert_cmpstr (row_value (rows, 0, i)->stringVal->value, ==, expected[i]);
  }
  g_object_unref (columnar);
  g_object_unref (rows);
}

/* ---- nulls bitmap ---- */

static void
test_nulls_bitmap (void)
{
  /* Columns: no null, all null, the last row null, every third row null, the NULL type. */
  static const struct {
    guint       n_rows;
    const char *bits[5];
    gsize       len[5];
  } cases[] = {
    { 0, { "", "", "", "", "" }, { 0, 0, 0, 0, 0 } },
    { 1, { "", "\x01", "\x01", "\x01", "\x01" }, { 0, 1, 1, 1, 1 } },
    { 8, { "", "\xff", "\x80", "\x49", "\xff" }, { 0, 1, 1, 1, 1 } },
    { 9, { "", "\xff\x01", "\x00\x01", "\x49", "\xff\x01" }, { 0, 2, 2, 1, 2 } },
    { 17, { "", "\xff\xff\x01", "\x00\x00\x01", "\x49\x92", "\xff\xff\x01" },
      { 0, 3, 3, 2, 3 } },
  };
  g_autoptr (GwResultSchema) s = gw_result_schema_new ();
  add (s, "none", type_new (GW_TYPE_BIGINT));
  add (s, "all", type_new (GW_TYPE_BOOLEAN));
  add (s, "last", STRING_TYPE ());
  add (s, "third", type_new (GW_TYPE_DOUBLE));
  add (s, "nul", type_new (GW_TYPE_NULL));

  for (guint t = 0; t < G_N_ELEMENTS (cases); t++) {
    guint n = cases[t].n_rows;
    g_autoptr (GwBatch) batch = gw_batch_new (s, n);
    for (guint i = 0; i < n; i++) {
      put_int (batch->columns[0], i);
      gw_column_append_null (batch->columns[1]);
      put_str (batch->columns[2], i == n - 1 ? NULL : "v");
      if (i % 3 == 0)
        gw_column_append_null (batch->columns[3]);
      else
        gw_column_append_double (batch->columns[3], i);
      gw_column_append_null (batch->columns[4]);
    }
    gw_batch_finish (batch);

    TRowSet *columnar = encode (s, batch, V10, NULL);
    TRowSet *rows = encode (s, batch, V5, NULL);
    g_assert_cmpuint (rows->rows->len, ==, n);
    for (guint c = 0; c < 5; c++) {
      g_test_message ("%u rows, column %u", n, c);
      const GByteArray *nulls = column_nulls (columnar->columns->pdata[c]);
      g_assert_cmpmem (nulls->data, nulls->len, cases[t].bits[c], cases[t].len[c]);
      g_assert_cmpuint (column_length (columnar->columns->pdata[c]), ==, n);
      for (guint i = 0; i < n; i++) {
        gboolean null = i / 8 < nulls->len && (nulls->data[i / 8] >> (i % 8) & 1);
        g_assert_true (value_isset (row_value (rows, i, c)) == !null);
      }
    }
    g_object_unref (columnar);
    g_object_unref (rows);
  }
}

/* ---- empty results and the log ---- */

static void
test_empty (void)
{
  g_autoptr (GwResultSchema) schema = all_types_schema ();
  g_autoptr (GwBatch) empty = gw_batch_new (schema, 0);
  gw_batch_finish (empty);
  const GwBatch *batches[] = { NULL, empty };

  for (guint b = 0; b < G_N_ELEMENTS (batches); b++) {
    TRowSet *columnar = encode (schema, batches[b], V10, NULL);
    g_assert_cmpuint (columnar->rows->len, ==, 0);
    g_assert_true (columnar->__isset_columns);
    g_assert_cmpuint (columnar->columns->len, ==, N_ALL_TYPES);
    for (guint c = 0; c < N_ALL_TYPES; c++) {
      g_assert_cmpint (arm_of_column (columnar->columns->pdata[c]), ==, all_types[c].arm);
      g_assert_cmpuint (column_length (columnar->columns->pdata[c]), ==, 0);
      g_assert_cmpuint (column_nulls (columnar->columns->pdata[c])->len, ==, 0);
    }
    g_object_unref (columnar);

    TRowSet *rows = encode (schema, batches[b], V5, NULL);
    g_assert_cmpuint (rows->rows->len, ==, 0);
    g_assert_false (rows->__isset_columns);
    g_object_unref (rows);
  }
}

static void
test_log (void)
{
  const char *lines[] = { "INFO first", "", "WARN \xc3\xa9", NULL };
  TRowSet *built = gw_hs2_log_row_set_new (lines, V10);
  g_autoptr (GByteArray) bytes = serialize (binary, built);
  g_object_unref (built);
  TRowSet *columnar = deserialize (bytes, TYPE_T_ROW_SET);
  g_assert_cmpuint (columnar->rows->len, ==, 0);
  g_assert_cmpuint (columnar->columns->len, ==, 1);
  TColumn *column = columnar->columns->pdata[0];
  g_assert_cmpint (arm_of_column (column), ==, GW_HS2_ARM_STRING);
  g_assert_cmpuint (column_length (column), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (column->stringVal->values->pdata[i], ==, lines[i]);
  g_assert_cmpuint (column->stringVal->nulls->len, ==, 0);
  g_object_unref (columnar);

  built = gw_hs2_log_row_set_new (lines, V5);
  g_autoptr (GByteArray) row_bytes = serialize (binary, built);
  g_object_unref (built);
  TRowSet *rows = deserialize (row_bytes, TYPE_T_ROW_SET);
  g_assert_false (rows->__isset_columns);
  g_assert_cmpuint (rows->rows->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (row_value (rows, i, 0)->stringVal->value, ==, lines[i]);
  g_object_unref (rows);

  /* No lines: still the one column. */
  built = gw_hs2_log_row_set_new (NULL, V10);
  g_autoptr (GByteArray) empty_bytes = serialize (binary, built);
  g_object_unref (built);
  TRowSet *empty = deserialize (empty_bytes, TYPE_T_ROW_SET);
  g_assert_cmpuint (empty->columns->len, ==, 1);
  g_assert_cmpuint (column_length (empty->columns->pdata[0]), ==, 0);
  g_object_unref (empty);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wire_init ();
  g_test_add_func ("/hs2/rowset/all-types/columnar", test_all_types_columnar);
  g_test_add_func ("/hs2/rowset/all-types/row-based", test_all_types_row_based);
  g_test_add_func ("/hs2/rowset/nested-text", test_nested_text);
  g_test_add_func ("/hs2/rowset/nulls-bitmap", test_nulls_bitmap);
  g_test_add_func ("/hs2/rowset/empty", test_empty);
  g_test_add_func ("/hs2/rowset/log", test_log);
  int result = g_test_run ();
  wire_clear ();
  return result;
}
