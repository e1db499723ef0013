/* Unit tests of the REST row encoders: exact JSON text for every scalar type in both row formats,
 * the format names, the column descriptions and the page shape. Collections and rows are in
 * gw-rest-row-nested-test.c; the shared helpers in gw-rest-row-format-support.c. */
#include "gw-rest-row-format-support.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define TS_BASE G_GINT64_CONSTANT (1618344731) /* 2021-04-13T20:12:11Z */

#define PRECISION_TYPE(root, p) gw_logical_type_new_with_precision (GW_TYPE_##root, TRUE, p)
#define TIME_TYPE(p) PRECISION_TYPE (TIME_WITHOUT_TIME_ZONE, p)
#define TIMESTAMP_TYPE(p) PRECISION_TYPE (TIMESTAMP_WITHOUT_TIME_ZONE, p)
#define LTZ_TYPE(p) PRECISION_TYPE (TIMESTAMP_WITH_LOCAL_TIME_ZONE, p)

#define NUL_VALUE G_GINT64_CONSTANT (0x5a5a5a5a5a5a5a5a) /* fill_ints(): a SQL NULL */

/* Appends int64 values row by row, one per column. */
static void
fill_ints (GwBatch *batch, guint n_values, const gint64 *values)
{
  guint n_columns = gw_result_schema_get_n_columns (batch->schema);
  for (guint i = 0; i < n_values; i++) {
    if (values[i] == NUL_VALUE)
      gw_column_append_null (batch->columns[i % n_columns]);
    else
      gw_column_append_int64 (batch->columns[i % n_columns], values[i]);
  }
}
#define FILL_INTS(batch, ...) \
  fill_ints ((batch), sizeof ((const gint64[]) { __VA_ARGS__ }) / sizeof (gint64), \
             (const gint64[]) { __VA_ARGS__ })

/* rows with every non-null value quoted (PLAIN_TEXT of the same digits); owned by keep. */
static const char *const *
quote_rows (GPtrArray *keep, const char *const *rows)
{
  for (guint i = 0; rows[i] != NULL; i++)
    g_ptr_array_add (keep, rows[i][0] == '"' || strcmp (rows[i], "null") == 0
                             ? g_strdup (rows[i]) : g_strdup_printf ("\"%s\"", rows[i]));
  g_ptr_array_add (keep, NULL);
  return (const char *const *) keep->pdata;
}

/* ---- names, columns, shape ---- */

static void
test_parse (void)
{
  GwRowFormat format = TEXT;
  g_assert_true (gw_row_format_parse ("json", &format));
  g_assert_cmpint (format, ==, JSON);
  g_assert_true (gw_row_format_parse ("Plain_Text", &format));
  g_assert_cmpint (format, ==, TEXT);
  g_assert_true (gw_row_format_parse ("JSON", &format));
  g_assert_cmpint (format, ==, JSON);
  g_assert_true (gw_row_format_parse ("PLAIN_TEXT", &format));
  g_assert_cmpint (format, ==, TEXT);
  const char *bad[] = { "", "xyz", "plain-text", "plaintext", " json", "json ", NULL };
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (gw_row_format_parse (bad[i], &format));
  g_assert_false (gw_row_format_parse (NULL, &format));
  g_assert_cmpint (format, ==, TEXT);
  g_assert_cmpstr (gw_row_format_name (JSON), ==, "JSON");
  g_assert_cmpstr (gw_row_format_name (TEXT), ==, "PLAIN_TEXT");
}

static void
test_columns (void)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  g_autoptr (GString) out = g_string_new (NULL);
  gw_rest_append_columns (out, schema);
  g_assert_cmpstr (out->str, ==, "[]");

  gw_result_schema_add_column (schema, "id", gw_logical_type_new (GW_TYPE_INTEGER, FALSE),
                               "the \"key\"");
  gw_result_schema_add_column (schema, "name", string_type (), NULL);
  g_string_truncate (out, 0);
  gw_rest_append_columns (out, schema);
  g_assert_cmpstr (out->str, ==,
                   "[{\"name\":\"id\",\"logicalType\":{\"type\":\"INTEGER\",\"nullable\":false},"
                   "\"comment\":\"the \\\"key\\\"\"},"
                   "{\"name\":\"name\",\"logicalType\":{\"type\":\"VARCHAR\",\"nullable\":true,"
                   "\"length\":2147483647},\"comment\":null}]");
}

static void
test_shape (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (type_new (GW_TYPE_INTEGER), string_type (), NULL);
  g_autofree gchar *empty = encode (batch, format, NULL);
  g_assert_cmpstr (empty, ==, "[]");
  append_int (batch->columns[0], 1);
  append_str (batch->columns[1], "a");
  gw_column_append_null (batch->columns[0]);
  append_str (batch->columns[1], NULL);
  g_autofree gchar *rows = encode (batch, format, NULL);
  g_assert_cmpstr (rows, ==, format == JSON ? "[{\"kind\":\"INSERT\",\"fields\":[1,\"a\"]},"
                                              "{\"kind\":\"INSERT\",\"fields\":[null,null]}]"
                                            : "[{\"kind\":\"INSERT\",\"fields\":[\"1\",\"a\"]},"
                                              "{\"kind\":\"INSERT\",\"fields\":[null,null]}]");
}

/* ---- scalars ---- */

static void
test_boolean_integers (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) booleans = batch_new (type_new (GW_TYPE_BOOLEAN), NULL);
  gw_column_append_bool (booleans->columns[0], TRUE);
  gw_column_append_bool (booleans->columns[0], FALSE);
  gw_column_append_null (booleans->columns[0]);
  EXPECT (booleans, NULL, FIELDS ("true", "false", "null"),
          FIELDS ("\"TRUE\"", "\"FALSE\"", "null"));

  g_autoptr (GwBatch) batch = batch_new (type_new (GW_TYPE_TINYINT), type_new (GW_TYPE_SMALLINT),
                                         type_new (GW_TYPE_INTEGER), type_new (GW_TYPE_BIGINT), NULL);
  FILL_INTS (batch, -128, 32767, G_MININT32, G_MAXINT64,
                    0, NUL_VALUE, 1, G_MININT64,
                    99, -7, 1000000, 1238123899121);
  const char *const *json = FIELDS ("-128,32767,-2147483648,9223372036854775807",
                                    "0,null,1,-9223372036854775808", "99,-7,1000000,1238123899121");
  EXPECT (batch, NULL, json,
          FIELDS ("\"-128\",\"32767\",\"-2147483648\",\"9223372036854775807\"",
                  "\"0\",null,\"1\",\"-9223372036854775808\"",
                  "\"99\",\"-7\",\"1000000\",\"1238123899121\""));
}

static void
test_double (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  const double values[] = { 1.0, 33.333, 1e20, 1e-5, 0.001, 1234567.0, 12345678.0, -0.0, NAN,
                            INFINITY, -INFINITY, 0.1 + 0.2, 1e7, 9999999.0, 1e23, DBL_TRUE_MIN,
                            100.0, -2.5, 9.999999999999999e-4 };
  const char *json[] = { "1.0", "33.333", "1.0E20", "1.0E-5", "0.001", "1234567.0", "1.2345678E7",
                         "-0.0", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"",
                         "0.30000000000000004", "1.0E7", "9999999.0", "1.0E23", "4.9E-324",
                         "100.0", "-2.5", "9.999999999999998E-4", "null", NULL };
  g_autoptr (GwBatch) batch = batch_new (type_new (GW_TYPE_DOUBLE), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gw_column_append_double (batch->columns[0], values[i]);
  gw_column_append_null (batch->columns[0]);
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  EXPECT (batch, NULL, json, quote_rows (keep, json));
}

static void
test_float (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  const float values[] = { 33.333f, 1.1f, 1e10f, 0.1f, 16777216.0f, FLT_MAX, 1.4e-45f, -0.0f,
                           NAN, 1.0f, 1e-4f, 0.001f, 9999999.0f, FLT_MIN };
  g_autoptr (GwBatch) batch = batch_new (type_new (GW_TYPE_FLOAT), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gw_column_append_double (batch->columns[0], values[i]);
  const char *const *json =
    FIELDS ("33.333", "1.1", "1.0E10", "0.1", "1.6777216E7", "3.4028235E38", "1.4E-45", "-0.0",
            "\"NaN\"", "1.0", "1.0E-4", "0.001", "9999999.0", "1.1754944E-38");
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  EXPECT (batch, NULL, json, quote_rows (keep, json));
}

static void
test_strings (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (string_type (), NULL);
  const char *values[] = { "plain", "a\"b\\c", "line\nbreak\ttab\r\b\f", "\x01\x1f\x7f",
                           "h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\x98\x80", "", "bad\xff" };
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    append_str (batch->columns[0], values[i]);
  append_str (batch->columns[0], NULL);
  const char *const *expected =
    FIELDS ("\"plain\"", "\"a\\\"b\\\\c\"", "\"line\\nbreak\\ttab\\r\\b\\f\"",
            "\"\\u0001\\u001F\x7f\"", "\"h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\x98\x80\"", "\"\"",
            "\"bad\xef\xbf\xbd\"", "null");
  EXPECT (batch, NULL, expected, expected);

  g_autoptr (GwBatch) chars = batch_new (gw_logical_type_new_with_length (GW_TYPE_CHAR, TRUE, 3), NULL);
  append_str (chars->columns[0], "ab ");
  EXPECT (chars, NULL, FIELDS ("\"ab \""),
          FIELDS ("\"ab \""));
}

static void
test_binary (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch =
    batch_new (gw_logical_type_new_with_length (GW_TYPE_VARBINARY, TRUE, GW_TYPE_MAX_LENGTH), NULL);
  const char *values[] = { "", "f", "fo", "foo", "foob" };
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    append_str (batch->columns[0], values[i]);
  gw_column_append_bytes (batch->columns[0], "\xff\xfe\x00", 3);
  append_str (batch->columns[0], NULL);
  EXPECT (batch, NULL, FIELDS ("\"\"", "\"Zg==\"", "\"Zm8=\"", "\"Zm9v\"",
                  "\"Zm9vYg==\"", "\"//4A\"", "null"),
          FIELDS ("\"x''\"", "\"x'66'\"", "\"x'666f'\"", "\"x'666f6f'\"",
                  "\"x'666f6f62'\"", "\"x'fffe00'\"", "null"));
}

static void
test_decimal (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  const char *values[] = { "12.50", "100.00", "1200", "0.000", "0.00012", "0.00000012", "-12.50",
                           "123.456789", "-0.00", "10", "0.000001", "0.0000001",
                           "99999999999999999999999999999999999999", "-1200.5000", "7", "null",
                           NULL };
  g_autoptr (GwBatch) batch = batch_new (gw_logical_type_new_decimal (TRUE, 38, 10), NULL);
  for (guint i = 0; values[i] != NULL; i++)
    append_str (batch->columns[0], strcmp (values[i], "null") == 0 ? NULL : values[i]);
  /* PLAIN_TEXT keeps BigDecimal.toPlainString(): the stored text. */
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  EXPECT (batch, NULL,
          FIELDS ("12.5", "1E+2", "1.2E+3", "0", "0.00012", "1.2E-7", "-12.5", "123.456789",
                  "0", "1E+1", "0.000001", "1E-7", "99999999999999999999999999999999999999",
                  "-1200.5", "7", "null"),
          quote_rows (keep, values));
}

static void
test_date (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (type_new (GW_TYPE_DATE), NULL);
  /* 1990-10-14, epoch, before, year 0, year -1, 9999-12-31, 10000-01-01, -44-03-15 */
  FILL_INTS (batch, 7591, 0, -1, -719528, -719529, 2932896, 2932897, -735525, NUL_VALUE);
  EXPECT (batch, NULL,
          FIELDS ("\"1990-10-14\"", "\"1970-01-01\"", "\"1969-12-31\"", "\"0000-01-01\"",
                  "\"-0001-12-31\"", "\"9999-12-31\"", "\"+10000-01-01\"", "\"-0044-03-15\"", "null"),
          FIELDS ("\"1990-10-14\"", "\"1970-01-01\"", "\"1969-12-31\"", "\"0000-01-01\"",
                  "\"-0001-12-31\"", "\"9999-12-31\"", "\"10000-01-01\"", "\"-0044-03-15\"", "null"));
}

static void
test_time (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch =
    batch_new (TIME_TYPE (0), TIME_TYPE (3), TIME_TYPE (1), TIME_TYPE (6), NULL);
  /* 12:12:43, 12:12:43.12, 12:12:43.123, 12:12:43.123456 */
  FILL_INTS (batch, 43963000000, 43963120000, 43963123000, 43963123456,
                    86399999999, 43963000000, NUL_VALUE, 0);
  /* JSON drops the fraction (LocalTime.ofSecondOfDay); CAST(TIME(p) AS STRING) prints the
   * millisecond digits up to p, stopping at the first zero remainder (formatTimestampMillis). */
  EXPECT (batch, NULL,
          FIELDS ("\"12:12:43\",\"12:12:43\",\"12:12:43\",\"12:12:43\"",
                  "\"23:59:59\",\"12:12:43\",null,\"00:00:00\""),
          FIELDS ("\"12:12:43\",\"12:12:43.12\",\"12:12:43.1\",\"12:12:43.123\"",
                  "\"23:59:59\",\"12:12:43.0\",null,\"00:00:00.0\""));
}

static void
test_timestamp (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch =
    batch_new (TIMESTAMP_TYPE (0), TIMESTAMP_TYPE (3), TIMESTAMP_TYPE (6), TIMESTAMP_TYPE (9), NULL);
  const gint64 us = TS_BASE * 1000000, ns = TS_BASE * 1000000000;
  FILL_INTS (batch, us, us + 100000, us + 123456, ns + 123456789,
                    0, 1000000, -1, ns + 100000000,
                    NUL_VALUE, us + 120000, G_GINT64_CONSTANT (655906363123456), -1);
  EXPECT (batch, NULL,
          FIELDS ("\"2021-04-13T20:12:11\",\"2021-04-13T20:12:11.1\","
                  "\"2021-04-13T20:12:11.123456\",\"2021-04-13T20:12:11.123456789\"",
                  "\"1970-01-01T00:00:00\",\"1970-01-01T00:00:01\","
                  "\"1969-12-31T23:59:59.999999\",\"2021-04-13T20:12:11.1\"",
                  "null,\"2021-04-13T20:12:11.12\",\"1990-10-14T12:12:43.123456\","
                  "\"1969-12-31T23:59:59.999999999\""),
          FIELDS ("\"2021-04-13 20:12:11\",\"2021-04-13 20:12:11.100\","
                  "\"2021-04-13 20:12:11.123456\",\"2021-04-13 20:12:11.123456789\"",
                  "\"1970-01-01 00:00:00\",\"1970-01-01 00:00:01.000\","
                  "\"1969-12-31 23:59:59.999999\",\"2021-04-13 20:12:11.100000000\"",
                  "null,\"2021-04-13 20:12:11.120\",\"1990-10-14 12:12:43.123456\","
                  "\"1969-12-31 23:59:59.999999999\""));
}

static void
test_timestamp_ltz (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch =
    batch_new (LTZ_TYPE (0), LTZ_TYPE (3), LTZ_TYPE (9), NULL);
  /* 2021-04-13T20:12:11Z; 1988-07-01T00:00Z, when China had summer time */
  FILL_INTS (batch, TS_BASE * 1000000, TS_BASE * 1000000 + 500000, TS_BASE * 1000000000 + 123456789,
                    G_GINT64_CONSTANT (583718400000000), NUL_VALUE, NUL_VALUE);
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_assert_nonnull (shanghai);
  /* JSON: wall time in the session zone with a literal Z; NULL zone = UTC. */
  const char *const *utc_json =
    FIELDS ("\"2021-04-13T20:12:11Z\",\"2021-04-13T20:12:11.5Z\","
            "\"2021-04-13T20:12:11.123456789Z\"", "\"1988-07-01T00:00:00Z\",null,null");
  const char *const *utc_text =
    FIELDS ("\"2021-04-13 20:12:11\",\"2021-04-13 20:12:11.500\","
            "\"2021-04-13 20:12:11.123456789\"", "\"1988-07-01 00:00:00\",null,null");
  EXPECT (batch, utc, utc_json, utc_text);
  EXPECT (batch, NULL, utc_json, utc_text);
  EXPECT (batch, shanghai,
          FIELDS ("\"2021-04-14T04:12:11Z\",\"2021-04-14T04:12:11.5Z\","
                  "\"2021-04-14T04:12:11.123456789Z\"", "\"1988-07-01T09:00:00Z\",null,null"),
          FIELDS ("\"2021-04-14 04:12:11\",\"2021-04-14 04:12:11.500\","
                  "\"2021-04-14 04:12:11.123456789\"", "\"1988-07-01 09:00:00\",null,null"));

  /* Across a DST change, in one batch (the zone cache must not reuse the old offset). */
  g_autoptr (GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GwBatch) dst = batch_new (LTZ_TYPE (0), NULL);
  FILL_INTS (dst, 1615705199000000, 1615705200000000, 1615705199000000, 1636264800000000,
                  1636264799000000);
  EXPECT (dst, new_york,
          FIELDS ("\"2021-03-14T01:59:59Z\"", "\"2021-03-14T03:00:00Z\"",
                  "\"2021-03-14T01:59:59Z\"", "\"2021-11-07T01:00:00Z\"",
                  "\"2021-11-07T01:59:59Z\""),
          FIELDS ("\"2021-03-14 01:59:59\"", "\"2021-03-14 03:00:00\"",
                  "\"2021-03-14 01:59:59\"", "\"2021-11-07 01:00:00\"",
                  "\"2021-11-07 01:59:59\""));
}

static void
test_timestamp_tz (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (PRECISION_TYPE (TIMESTAMP_WITH_TIME_ZONE, 6), NULL);
  append_int (batch->columns[0], TS_BASE * 1000000);
  g_autoptr (GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  if (format == JSON)
    assert_unsupported (batch, "Not support to parse type: TIMESTAMP(6) WITH TIME ZONE");
  else
    assert_rows (batch, TEXT, shanghai, FIELDS ("\"2021-04-14 04:12:11.000000\""));
}

static void
test_interval (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (
    gw_logical_type_new_interval (GW_TYPE_INTERVAL_YEAR_MONTH, TRUE, GW_INTERVAL_YEAR_TO_MONTH, 2, 0),
    gw_logical_type_new_interval (GW_TYPE_INTERVAL_DAY_TIME, TRUE, GW_INTERVAL_DAY_TO_SECOND, 2, 3),
    NULL);
  FILL_INTS (batch, 14, 86400000000, -14, -90061001000, 0, 1500, 1200, -1500, NUL_VALUE, NUL_VALUE);
  /* JSON: total months and total milliseconds (micros truncated toward zero). */
  EXPECT (batch, NULL,
          FIELDS ("14,86400000", "-14,-90061001", "0,1", "1200,-1", "null,null"),
          FIELDS ("\"+1-02\",\"+1 00:00:00.000\"", "\"-1-02\",\"-1 01:01:01.001\"",
                  "\"+0-00\",\"+0 00:00:00.001\"", "\"+100-00\",\"-0 00:00:00.001\"",
                  "null,null"));
}

static void
test_null_type (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (type_new (GW_TYPE_NULL), NULL);
  gw_column_append_null (batch->columns[0]);
  EXPECT (batch, NULL, FIELDS ("null"), FIELDS ("null"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rest/row-format/parse", test_parse);
  g_test_add_func ("/rest/row-format/columns", test_columns);
  add_per_format ("shape", test_shape);
  add_per_format ("boolean-integers", test_boolean_integers);
  add_per_format ("double", test_double);
  add_per_format ("float", test_float);
  add_per_format ("string-escaping", test_strings);
  add_per_format ("binary", test_binary);
  add_per_format ("decimal", test_decimal);
  add_per_format ("date", test_date);
  add_per_format ("time", test_time);
  add_per_format ("timestamp", test_timestamp);
  add_per_format ("timestamp-ltz", test_timestamp_ltz);
  add_per_format ("timestamp-tz", test_timestamp_tz);
  add_per_format ("interval", test_interval);
  add_per_format ("null-type", test_null_type);
  return g_test_run ();
}
