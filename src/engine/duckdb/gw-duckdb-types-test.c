/* Tests of the DuckDB → Flink type mapping and value conversion, one test per type family, each
 * with a NULL row. */
#include "gw-duckdb-test-util.h"

static GwEngine *engine;
static GwEngineConnection *conn;

/* Runs sql (one row of values, then one row of NULLs) and checks every column's type root. */
static GwBatch *
query_types (const char *sql, const GwTypeRoot *roots, guint n_roots)
{
  GwBatch *batch = test_query (conn, sql, NULL);
  g_assert_cmpuint (gw_result_schema_get_n_columns (batch->schema), ==, n_roots);
  for (guint i = 0; i < n_roots; i++) {
    GwLogicalType *type = gw_result_schema_get_type (batch->schema, i);
    g_assert_cmpint (gw_logical_type_get_root (type), ==, roots[i]);
    g_assert_true (gw_logical_type_is_nullable (type));
  }
  return batch;
}

static void
assert_null_row (GwBatch *batch, guint row)
{
  for (guint i = 0; i < gw_result_schema_get_n_columns (batch->schema); i++)
    test_assert_null (batch->columns[i], row);
}

static GwLogicalType *
column_type (GwBatch *batch, guint i)
{
  return gw_result_schema_get_type (batch->schema, i);
}

static void
test_integers (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_BOOLEAN, GW_TYPE_TINYINT, GW_TYPE_SMALLINT,
                                      GW_TYPE_INTEGER, GW_TYPE_BIGINT, GW_TYPE_SMALLINT,
                                      GW_TYPE_INTEGER, GW_TYPE_BIGINT, GW_TYPE_DECIMAL };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES (true, (-128)::TINYINT, (-32768)::SMALLINT, (-2147483648)::INTEGER, "
    "  (-9223372036854775808)::BIGINT, 255::UTINYINT, 65535::USMALLINT, 4294967295::UINTEGER, "
    "  18446744073709551615::UBIGINT), (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))",
    roots, G_N_ELEMENTS (roots));
  g_assert_cmpuint (batch->n_rows, ==, 2);
  g_assert_cmpint (batch->columns[0]->bools[0], ==, 1);
  test_assert_int64 (batch->columns[1], 0, -128);
  test_assert_int64 (batch->columns[2], 0, -32768);
  test_assert_int64 (batch->columns[3], 0, G_MININT32);
  test_assert_int64 (batch->columns[4], 0, G_MININT64);
  test_assert_int64 (batch->columns[5], 0, 255);
  test_assert_int64 (batch->columns[6], 0, 65535);
  test_assert_int64 (batch->columns[7], 0, G_MAXUINT32);
  g_assert_cmpint (gw_logical_type_get_precision (column_type (batch, 8)), ==, 20);
  g_assert_cmpint (gw_logical_type_get_scale (column_type (batch, 8)), ==, 0);
  test_assert_text (batch->columns[8], 0, "18446744073709551615");
  assert_null_row (batch, 1);
}

static void
test_hugeint (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_DECIMAL, GW_TYPE_DECIMAL, GW_TYPE_DECIMAL };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES ((-170141183460469231731687303715884105728)::HUGEINT, "
    "  340282366920938463463374607431768211455::UHUGEINT, 0::HUGEINT), (NULL, NULL, NULL))",
    roots, G_N_ELEMENTS (roots));
  for (guint i = 0; i < 3; i++) {
    g_assert_cmpint (gw_logical_type_get_precision (column_type (batch, i)), ==, 38);
    g_assert_cmpint (gw_logical_type_get_scale (column_type (batch, i)), ==, 0);
  }
  test_assert_text (batch->columns[0], 0, "-170141183460469231731687303715884105728");
  test_assert_text (batch->columns[1], 0, "340282366920938463463374607431768211455");
  test_assert_text (batch->columns[2], 0, "0");
  assert_null_row (batch, 1);
}

static void
test_floats (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_FLOAT, GW_TYPE_DOUBLE };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES (1.5::FLOAT, -2.25::DOUBLE), (NULL, NULL))", roots, G_N_ELEMENTS (roots));
  g_assert_cmpfloat (batch->columns[0]->f64[0], ==, 1.5);
  g_assert_cmpfloat (batch->columns[1]->f64[0], ==, -2.25);
  assert_null_row (batch, 1);
}

static void
test_decimal (void)
{
  /* DuckDB stores widths up to 4, 9, 18 and 38 digits in int16, int32, int64 and int128. */
  static const GwTypeRoot roots[] = { GW_TYPE_DECIMAL, GW_TYPE_DECIMAL, GW_TYPE_DECIMAL,
                                      GW_TYPE_DECIMAL, GW_TYPE_DECIMAL };
  static const int precision[] = { 4, 9, 18, 38, 38 }, scale[] = { 2, 3, 2, 10, 0 };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES (-12.5::DECIMAL(4,2), 0.001::DECIMAL(9,3), 100::DECIMAL(18,2), "
    "    -12345678901234567890.0123456789::DECIMAL(38,10), "
    "    -99999999999999999999999999999999999999::DECIMAL(38,0)), "
    "  (-0.05::DECIMAL(4,2), -0.001::DECIMAL(9,3), -9999999999999999.99::DECIMAL(18,2), "
    "    0.0000000001::DECIMAL(38,10), 7::DECIMAL(38,0)), "
    "  (NULL, NULL, NULL, NULL, NULL))",
    roots, G_N_ELEMENTS (roots));
  for (guint i = 0; i < G_N_ELEMENTS (roots); i++) {
    g_assert_cmpint (gw_logical_type_get_precision (column_type (batch, i)), ==, precision[i]);
    g_assert_cmpint (gw_logical_type_get_scale (column_type (batch, i)), ==, scale[i]);
  }
  test_assert_text (batch->columns[0], 0, "-12.50");
  test_assert_text (batch->columns[1], 0, "0.001");
  test_assert_text (batch->columns[2], 0, "100.00");
  test_assert_text (batch->columns[3], 0, "-12345678901234567890.0123456789");
  test_assert_text (batch->columns[4], 0, "-99999999999999999999999999999999999999");
  test_assert_text (batch->columns[0], 1, "-0.05");
  test_assert_text (batch->columns[1], 1, "-0.001");
  test_assert_text (batch->columns[2], 1, "-9999999999999999.99");
  test_assert_text (batch->columns[3], 1, "0.0000000001");
  test_assert_text (batch->columns[4], 1, "7");
  assert_null_row (batch, 2);
}

static void
test_strings (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_VARCHAR, GW_TYPE_VARCHAR, GW_TYPE_VARBINARY,
                                      GW_TYPE_VARCHAR, GW_TYPE_VARCHAR };
  test_run (conn, "CREATE TYPE IF NOT EXISTS mood AS ENUM ('sad', 'ok', 'happy')");
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES ('short', 'a string longer than twelve bytes', '\\x00\\xFFab'::BLOB, "
    "    'happy'::mood, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::UUID), "
    "  ('', 'ünïcödé', ''::BLOB, 'sad'::mood, '00000000-0000-0000-0000-000000000001'::UUID), "
    "  (NULL, NULL, NULL, NULL, NULL))",
    roots, G_N_ELEMENTS (roots));
  g_assert_cmpint (gw_logical_type_get_length (column_type (batch, 0)), ==, GW_TYPE_MAX_LENGTH);
  g_assert_cmpint (gw_logical_type_get_length (column_type (batch, 2)), ==, GW_TYPE_MAX_LENGTH);
  g_assert_cmpint (gw_logical_type_get_length (column_type (batch, 3)), ==, GW_TYPE_MAX_LENGTH);
  g_assert_cmpint (gw_logical_type_get_length (column_type (batch, 4)), ==, 36);
  test_assert_text (batch->columns[0], 0, "short");
  test_assert_text (batch->columns[1], 0, "a string longer than twelve bytes");
  gsize len;
  const char *blob = gw_column_get_bytes (batch->columns[2], 0, &len);
  g_assert_cmpmem (blob, len, "\x00\xff" "ab", 4);
  test_assert_text (batch->columns[3], 0, "happy");
  test_assert_text (batch->columns[4], 0, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  test_assert_text (batch->columns[0], 1, "");
  test_assert_text (batch->columns[1], 1, "ünïcödé");
  test_assert_text (batch->columns[2], 1, "");
  test_assert_text (batch->columns[3], 1, "sad");
  test_assert_text (batch->columns[4], 1, "00000000-0000-0000-0000-000000000001");
  assert_null_row (batch, 2);
}

static void
test_text_types (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_VARCHAR, GW_TYPE_VARCHAR, GW_TYPE_VARCHAR,
                                      GW_TYPE_VARCHAR };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES ('0101'::BIT, 12345678901234567890123::BIGNUM, "
    "    '12:34:56.5+02:30'::TIMETZ, union_value(n := 2)::UNION(n INT, s VARCHAR)), "
    "  ('101100111'::BIT, -12345678901234567890123::BIGNUM, '01:02:03-05'::TIMETZ, "
    "    union_value(s := 'hi')::UNION(n INT, s VARCHAR)), "
    "  ('1'::BIT, 0::BIGNUM, '00:00:00+00'::TIMETZ, "
    "    union_value(n := NULL)::UNION(n INT, s VARCHAR)), "
    "  (NULL, NULL, NULL, NULL))",
    roots, G_N_ELEMENTS (roots));
  test_assert_text (batch->columns[0], 0, "0101");
  test_assert_text (batch->columns[1], 0, "12345678901234567890123");
  test_assert_text (batch->columns[2], 0, "12:34:56.5+02:30");
  test_assert_text (batch->columns[3], 0, "2");
  test_assert_text (batch->columns[0], 1, "101100111");
  test_assert_text (batch->columns[1], 1, "-12345678901234567890123");
  test_assert_text (batch->columns[2], 1, "01:02:03-05:00");
  test_assert_text (batch->columns[3], 1, "hi");
  test_assert_text (batch->columns[0], 2, "1");
  test_assert_text (batch->columns[1], 2, "0");
  test_assert_text (batch->columns[2], 2, "00:00:00+00:00");
  test_assert_null (batch->columns[3], 2); /* the active member is NULL */
  assert_null_row (batch, 3);
}

static void
test_temporal (void)
{
  static const GwTypeRoot roots[] = {
    GW_TYPE_DATE, GW_TYPE_TIME_WITHOUT_TIME_ZONE, GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE,
    GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE, GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE,
    GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE, GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE };
  static const int precision[] = { 0, 6, 6, 0, 3, 9, 6 };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES ('1970-01-02'::DATE, '01:02:03.000004'::TIME, "
    "    '1970-01-01 00:00:01.5'::TIMESTAMP, '1970-01-01 00:00:02'::TIMESTAMP_S, "
    "    '1969-12-31 23:59:59.999'::TIMESTAMP_MS, '1970-01-01 00:00:00.123456789'::TIMESTAMP_NS, "
    "    '1970-01-01 01:00:00+01'::TIMESTAMPTZ), "
    "  ('infinity'::DATE, '00:00:00'::TIME, '-infinity'::TIMESTAMP, '2000-01-01'::TIMESTAMP_S, "
    "    '2000-01-01'::TIMESTAMP_MS, '2000-01-01 00:00:00.000000001'::TIMESTAMP_NS, "
    "    '2000-01-01 00:00:00+00'::TIMESTAMPTZ), "
    "  (NULL, NULL, NULL, NULL, NULL, NULL, NULL))",
    roots, G_N_ELEMENTS (roots));
  for (guint i = 1; i < G_N_ELEMENTS (roots); i++)
    g_assert_cmpint (gw_logical_type_get_precision (column_type (batch, i)), ==, precision[i]);
  test_assert_int64 (batch->columns[0], 0, 1);
  test_assert_int64 (batch->columns[1], 0, 3723000004);
  test_assert_int64 (batch->columns[2], 0, 1500000);
  test_assert_int64 (batch->columns[3], 0, 2000000);
  test_assert_int64 (batch->columns[4], 0, -1000);
  test_assert_int64 (batch->columns[5], 0, 123456789);
  test_assert_int64 (batch->columns[6], 0, 0);
  /* Infinities keep DuckDB's raw sentinels. */
  test_assert_int64 (batch->columns[0], 1, G_MAXINT32);
  test_assert_int64 (batch->columns[1], 1, 0);
  test_assert_int64 (batch->columns[2], 1, -G_MAXINT64);
  test_assert_int64 (batch->columns[3], 1, G_GINT64_CONSTANT (946684800000000));
  test_assert_int64 (batch->columns[4], 1, G_GINT64_CONSTANT (946684800000000));
  test_assert_int64 (batch->columns[5], 1, G_GINT64_CONSTANT (946684800000000001));
  test_assert_int64 (batch->columns[6], 1, G_GINT64_CONSTANT (946684800000000));
  assert_null_row (batch, 2);
}

static void
test_interval (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_INTERVAL_DAY_TIME };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES (INTERVAL '1 month 2 days 3 seconds'), (INTERVAL '-1 day 1 microsecond'), "
    "  (NULL))", roots, G_N_ELEMENTS (roots));
  GwLogicalType *type = column_type (batch, 0);
  g_assert_cmpint (gw_logical_type_get_resolution (type), ==, GW_INTERVAL_DAY_TO_SECOND);
  g_assert_cmpint (gw_logical_type_get_precision (type), ==, 6);
  g_assert_cmpint (gw_logical_type_get_fractional_precision (type), ==, 3);
  /* DuckDB's own normalization: a month counts 30 days. */
  test_assert_int64 (batch->columns[0], 0, (30 + 2) * G_GINT64_CONSTANT (86400000000) + 3000000);
  test_assert_int64 (batch->columns[0], 1, -G_GINT64_CONSTANT (86400000000) + 1);
  test_assert_null (batch->columns[0], 2);
}

static void
test_list_of_struct (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_ARRAY };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES ([{'a': 1, 'b': 'x'}, NULL, {'a': NULL, 'b': 'y'}]), (NULL), ([]), "
    "  ([{'a': 4, 'b': NULL}]))", roots, G_N_ELEMENTS (roots));
  GwLogicalType *element = gw_logical_type_get_element (column_type (batch, 0));
  g_assert_cmpint (gw_logical_type_get_root (element), ==, GW_TYPE_ROW);
  g_assert_cmpuint (gw_logical_type_get_n_fields (element), ==, 2);
  g_assert_cmpstr (gw_logical_type_get_field_name (element, 0), ==, "a");
  g_assert_cmpint (gw_logical_type_get_root (gw_logical_type_get_field_type (element, 0)), ==,
                   GW_TYPE_INTEGER);
  g_assert_cmpstr (gw_logical_type_get_field_name (element, 1), ==, "b");

  GwColumn *list = batch->columns[0];
  GwColumn *rows = list->children[0];
  g_assert_cmpuint (list->n_rows, ==, 4);
  g_assert_cmpuint (list->offsets[1], ==, 3);
  test_assert_null (list, 1);
  g_assert_false (gw_column_is_null (list, 2));
  g_assert_cmpuint (list->offsets[3] - list->offsets[2], ==, 0);
  g_assert_cmpuint (list->offsets[4] - list->offsets[3], ==, 1);
  g_assert_cmpuint (rows->n_rows, ==, 4);
  test_assert_int64 (rows->children[0], 0, 1);
  test_assert_text (rows->children[1], 0, "x");
  test_assert_null (rows, 1);
  test_assert_null (rows->children[0], 1);
  test_assert_null (rows->children[0], 2);
  test_assert_text (rows->children[1], 2, "y");
  test_assert_int64 (rows->children[0], 3, 4);
  test_assert_null (rows->children[1], 3);
}

static void
test_map (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_MAP };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES (MAP {'k1': 1, 'k2': NULL}), (NULL), (MAP {'k3': 3}))",
    roots, G_N_ELEMENTS (roots));
  GwLogicalType *type = column_type (batch, 0);
  g_assert_cmpint (gw_logical_type_get_root (gw_logical_type_get_key (type)), ==, GW_TYPE_VARCHAR);
  g_assert_cmpint (gw_logical_type_get_root (gw_logical_type_get_value (type)), ==,
                   GW_TYPE_INTEGER);
  GwColumn *map = batch->columns[0];
  g_assert_cmpuint (map->offsets[1], ==, 2);
  test_assert_null (map, 1);
  g_assert_cmpuint (map->offsets[3] - map->offsets[2], ==, 1);
  test_assert_text (map->children[0], 0, "k1");
  test_assert_int64 (map->children[1], 0, 1);
  test_assert_text (map->children[0], 1, "k2");
  test_assert_null (map->children[1], 1);
  test_assert_text (map->children[0], map->offsets[2], "k3");
  test_assert_int64 (map->children[1], map->offsets[2], 3);
}

static void
test_fixed_array (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_ARRAY };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES ([1, NULL, 3]::INTEGER[3]), (NULL), ([4, 5, 6]::INTEGER[3]))",
    roots, G_N_ELEMENTS (roots));
  GwColumn *array = batch->columns[0];
  g_assert_cmpint (gw_logical_type_get_root (gw_logical_type_get_element (column_type (batch, 0))),
                   ==, GW_TYPE_INTEGER);
  test_assert_null (array, 1);
  g_assert_cmpuint (array->offsets[1], ==, 3);
  g_assert_cmpuint (array->offsets[2], ==, 3);
  g_assert_cmpuint (array->offsets[3], ==, 6);
  GwColumn *ints = array->children[0];
  g_assert_cmpuint (ints->n_rows, ==, 6);
  test_assert_int64 (ints, 0, 1);
  test_assert_null (ints, 1);
  test_assert_int64 (ints, 2, 3);
  test_assert_int64 (ints, 3, 4);
  test_assert_int64 (ints, 5, 6);
}

static void
test_nested_struct (void)
{
  static const GwTypeRoot roots[] = { GW_TYPE_ROW };
  g_autoptr (GwBatch) batch = query_types (
    "FROM (VALUES ({'inner': {'x': 1}, 'tag': 'a'}), (NULL), ({'inner': NULL, 'tag': 'c'}))",
    roots, G_N_ELEMENTS (roots));
  GwColumn *row = batch->columns[0];
  GwColumn *inner = row->children[0];
  /* A null row still has a (null) row in every nested field. */
  g_assert_cmpuint (inner->n_rows, ==, 3);
  g_assert_cmpuint (inner->children[0]->n_rows, ==, 3);
  g_assert_cmpuint (row->children[1]->n_rows, ==, 3);
  test_assert_int64 (inner->children[0], 0, 1);
  test_assert_text (row->children[1], 0, "a");
  test_assert_null (row, 1);
  test_assert_null (inner, 1);
  test_assert_null (inner->children[0], 1);
  test_assert_null (inner, 2);
  test_assert_text (row->children[1], 2, "c");
}

/* Validity masks across 64-row words and chunk boundaries, strings inlined and not. */
static void
test_many_rows (void)
{
  g_autoptr (GwBatch) batch = test_query (
    conn, "SELECT i, CASE WHEN i % 3 = 0 THEN NULL ELSE repeat('v', (i % 20)::INT) END AS s, "
    "  CASE WHEN i % 7 = 0 THEN NULL ELSE (i / 100)::DECIMAL(9,2) END AS d "
    "FROM range(5000) t(i) ORDER BY i", NULL);
  g_assert_cmpuint (batch->n_rows, ==, 5000);
  for (guint i = 0; i < 5000; i++) {
    test_assert_int64 (batch->columns[0], i, i);
    if (i % 3 == 0) {
      test_assert_null (batch->columns[1], i);
    } else {
      gsize len;
      gw_column_get_bytes (batch->columns[1], i, &len);
      g_assert_cmpuint (len, ==, i % 20);
    }
    g_assert_true (gw_column_is_null (batch->columns[2], i) == (i % 7 == 0));
  }
  test_assert_text (batch->columns[2], 4999, "49.99");
}

static guint unmapped_warnings;

/* g_test_expect_message() does not see structured log messages in GLib 2.74. */
static GLogWriterOutput
count_unmapped_warnings (GLogLevelFlags level, const GLogField *fields, gsize n_fields,
                         gpointer user_data)
{
  for (gsize i = 0; (level & G_LOG_LEVEL_WARNING) && i < n_fields; i++) {
    if (strcmp (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        strstr (fields[i].value, "has no Flink mapping") != NULL) {
      unmapped_warnings++;
      return G_LOG_WRITER_HANDLED;
    }
  }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* DuckDB 1.4.4's C API reports TIME_NS as an invalid type: mapped to NULL strings, warned once. */
static void
test_unmapped (void)
{
  for (int i = 0; i < 2; i++) {
    g_autoptr (GwBatch) batch = test_query (conn, "SELECT '01:02:03.123456789'::TIME_NS", NULL);
    g_assert_cmpint (gw_logical_type_get_root (column_type (batch, 0)), ==, GW_TYPE_VARCHAR);
    test_assert_null (batch->columns[0], 0);
  }
  g_assert_cmpuint (unmapped_warnings, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (count_unmapped_warnings, NULL, NULL);
  engine = test_engine_open ("sql-gateway.engine.duckdb.threads", "2", NULL);
  conn = test_connect (engine);

  g_test_add_func ("/engine/duckdb/types/integers", test_integers);
  g_test_add_func ("/engine/duckdb/types/hugeint", test_hugeint);
  g_test_add_func ("/engine/duckdb/types/floats", test_floats);
  g_test_add_func ("/engine/duckdb/types/decimal", test_decimal);
  g_test_add_func ("/engine/duckdb/types/strings", test_strings);
  g_test_add_func ("/engine/duckdb/types/text", test_text_types);
  g_test_add_func ("/engine/duckdb/types/temporal", test_temporal);
  g_test_add_func ("/engine/duckdb/types/interval", test_interval);
  g_test_add_func ("/engine/duckdb/types/list-of-struct", test_list_of_struct);
  g_test_add_func ("/engine/duckdb/types/map", test_map);
  g_test_add_func ("/engine/duckdb/types/fixed-array", test_fixed_array);
  g_test_add_func ("/engine/duckdb/types/nested-struct", test_nested_struct);
  g_test_add_func ("/engine/duckdb/types/many-rows", test_many_rows);
  g_test_add_func ("/engine/duckdb/types/unmapped", test_unmapped);

  int status = g_test_run ();
  gw_engine_connection_close (conn);
  gw_engine_close (engine);
  return status;
}
