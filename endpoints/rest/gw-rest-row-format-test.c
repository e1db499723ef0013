/* Unit tests of the REST row encoders: exact JSON text for every type in both row formats. */
#include "gw-rest-row-format.h"
#include "gw-error.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define JSON GW_ROW_FORMAT_JSON
#define TEXT GW_ROW_FORMAT_PLAIN_TEXT
#define FIELDS(...) ((const char *const[]) { __VA_ARGS__, NULL })
/* Most tests run once per row format: format is their local variable. */
#define EXPECT(batch, zone, json_rows, text_rows) \
  assert_rows ((batch), format, (zone), format == JSON ? (json_rows) : (text_rows))
#define TS_BASE G_GINT64_CONSTANT (1618344731) /* 2021-04-13T20:12:11Z */

static GwLogicalType *
type_new (GwTypeRoot root)
{
  return gw_logical_type_new (root, TRUE);
}

static GwLogicalType *
string_type (void)
{
  return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
}

static GwLogicalType *
map_type (GwLogicalType *key, GwLogicalType *value)
{
  return gw_logical_type_new_map (TRUE, key, value);
}

static GwLogicalType *
array_type (GwLogicalType *element)
{
  return gw_logical_type_new_collection (GW_TYPE_ARRAY, TRUE, element);
}

#define PRECISION_TYPE(root, p) gw_logical_type_new_with_precision (GW_TYPE_##root, TRUE, p)
#define TIME_TYPE(p) PRECISION_TYPE (TIME_WITHOUT_TIME_ZONE, p)
#define TIMESTAMP_TYPE(p) PRECISION_TYPE (TIMESTAMP_WITHOUT_TIME_ZONE, p)
#define LTZ_TYPE(p) PRECISION_TYPE (TIMESTAMP_WITH_LOCAL_TIME_ZONE, p)

/* A batch with one column per type (named c0, c1, ...); takes the types; NULL-terminated. */
static GwBatch *
batch_new (GwLogicalType *first, ...)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  va_list ap;
  va_start (ap, first);
  guint i = 0;
  for (GwLogicalType *t = first; t != NULL; t = va_arg (ap, GwLogicalType *), i++) {
    g_autofree gchar *name = g_strdup_printf ("c%u", i);
    gw_result_schema_add_column (schema, name, t, NULL);
  }
  va_end (ap);
  return gw_batch_new (schema, 2);
}

static void
append_str (GwColumn *column, const char *text)
{
  if (text == NULL)
    gw_column_append_null (column);
  else
    gw_column_append_bytes (column, text, strlen (text));
}

static void
append_int (GwColumn *column, gint64 value)
{
  gw_column_append_int64 (column, value);
}

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

static gchar *
encode (GwBatch *batch, GwRowFormat format, GTimeZone *zone)
{
  g_autoptr (GError) error = NULL;
  GString *out = g_string_new (NULL);
  gw_batch_finish (batch);
  gboolean ok = gw_rest_append_rows (out, batch, format, zone, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return g_string_free (out, FALSE);
}

/* Asserts the data array: rows[i] is the text between the brackets of row i's "fields". */
static void
assert_rows (GwBatch *batch, GwRowFormat format, GTimeZone *zone, const char *const *rows)
{
  g_autoptr (GString) expected = g_string_new ("[");
  for (guint i = 0; rows[i] != NULL; i++)
    g_string_append_printf (expected, "%s{\"kind\":\"INSERT\",\"fields\":[%s]}",
                            i > 0 ? "," : "", rows[i]);
  g_string_append_c (expected, ']');
  g_autofree gchar *actual = encode (batch, format, zone);
  g_assert_cmpstr (actual, ==, expected->str);
}

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

static void
assert_unsupported (GwBatch *batch, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new ("prefix");
  gw_batch_finish (batch);
  g_assert_false (gw_rest_append_rows (out, batch, JSON, NULL, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (out->str, ==, "prefix"); /* nothing half-written */
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

/* ---- collections and rows ---- */

static void
test_array (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (
    array_type (type_new (GW_TYPE_INTEGER)),
    array_type (string_type ()),
    array_type (array_type (type_new (GW_TYPE_DOUBLE))), NULL);
  GwColumn **c = batch->columns;
  GwColumn *inner = c[2]->children[0];
  /* row 0: [1, NULL, 3], ["a\"b", NULL], [[1.1, 2.2, 3.3], [], NULL] */
  append_int (c[0]->children[0], 1);
  gw_column_append_null (c[0]->children[0]);
  append_int (c[0]->children[0], 3);
  gw_column_append_list (c[0], 3);
  append_str (c[1]->children[0], "a\"b");
  append_str (c[1]->children[0], NULL);
  gw_column_append_list (c[1], 2);
  gw_column_append_double (inner->children[0], 1.1);
  gw_column_append_double (inner->children[0], 2.2);
  gw_column_append_double (inner->children[0], 3.3);
  gw_column_append_list (inner, 3);
  gw_column_append_list (inner, 0);
  gw_column_append_null (inner);
  gw_column_append_list (c[2], 3);
  /* row 1: [], NULL, [] */
  gw_column_append_list (c[0], 0);
  gw_column_append_null (c[1]);
  gw_column_append_list (c[2], 0);
  EXPECT (batch, NULL,
          FIELDS ("[1,null,3],[\"a\\\"b\",null],[[1.1,2.2,3.3],[],null]",
                  "[],null,[]"),
          FIELDS ("\"[1, NULL, 3]\",\"[a\\\"b, NULL]\",\"[[1.1, 2.2, 3.3], [], NULL]\"",
                  "\"[]\",null,\"[]\""));

  g_autoptr (GwBatch) nested = batch_new (
    array_type (type_new (GW_TYPE_BOOLEAN)),
    array_type (gw_logical_type_new_with_length (GW_TYPE_VARBINARY, TRUE, GW_TYPE_MAX_LENGTH)),
    NULL);
  gw_column_append_bool (nested->columns[0]->children[0], TRUE);
  gw_column_append_bool (nested->columns[0]->children[0], FALSE);
  gw_column_append_null (nested->columns[0]->children[0]);
  gw_column_append_list (nested->columns[0], 3);
  append_str (nested->columns[1]->children[0], "\x01");
  gw_column_append_list (nested->columns[1], 1);
  EXPECT (nested, NULL, FIELDS ("[true,false,null],[\"AQ==\"]"),
          FIELDS ("\"[TRUE, FALSE, NULL]\",\"[x'01']\""));
}

static void
append_map_entry (GwColumn *map, const char *key, gint64 value, gboolean value_null)
{
  append_str (map->children[0], key);
  if (value_null)
    gw_column_append_null (map->children[1]);
  else
    append_int (map->children[1], value);
}

static void
test_map (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (map_type (string_type (), type_new (GW_TYPE_INTEGER)), NULL);
  GwColumn *m = batch->columns[0];
  append_map_entry (m, "a", 1, FALSE);
  append_map_entry (m, "b", 0, TRUE);
  gw_column_append_list (m, 2);
  append_map_entry (m, NULL, 2, FALSE);   /* null key: "null" in JSON, NULL in text */
  append_map_entry (m, "null", 3, FALSE); /* same JSON field: last value wins */
  gw_column_append_list (m, 2);
  append_map_entry (m, "k", 1, FALSE);
  append_map_entry (m, "j", 5, FALSE);
  append_map_entry (m, "k", 2, FALSE);
  gw_column_append_list (m, 3);
  gw_column_append_list (m, 0);
  gw_column_append_null (m);
  EXPECT (batch, NULL,
          FIELDS ("{\"a\":1,\"b\":null}", "{\"null\":3}", "{\"k\":2,\"j\":5}", "{}", "null"),
          FIELDS ("\"{a=1, b=NULL}\"", "\"{NULL=2, null=3}\"", "\"{k=1, j=5, k=2}\"",
                  "\"{}\"", "null"));

  /* More than 16 entries take the hashed path: k0..k19, then k3 again. */
  g_autoptr (GwBatch) big = batch_new (map_type (string_type (), type_new (GW_TYPE_INTEGER)), NULL);
  g_autoptr (GString) expected = g_string_new ("{");
  for (guint i = 0; i < 20; i++) {
    g_autofree gchar *key = g_strdup_printf ("k%u", i);
    append_map_entry (big->columns[0], key, i, FALSE);
    g_string_append_printf (expected, "%s\"k%u\":%u", i > 0 ? "," : "", i, i == 3 ? 99 : i);
  }
  append_map_entry (big->columns[0], "k3", 99, FALSE);
  gw_column_append_list (big->columns[0], 21);
  g_string_append_c (expected, '}');
  g_autoptr (GString) expected_text = g_string_new ("\"{");
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (expected_text, "k%u=%u, ", i, i);
  g_string_append (expected_text, "k3=99}\"");
  EXPECT (big, NULL, FIELDS (expected->str), FIELDS (expected_text->str));

  /* MAP<STRING, MAP<STRING, INT>> as in Flink's result_info tests. */
  g_autoptr (GwBatch) nested = batch_new (
    map_type (string_type (), map_type (string_type (), type_new (GW_TYPE_INTEGER))), NULL);
  GwColumn *outer = nested->columns[0];
  append_str (outer->children[0], "inner_map");
  append_map_entry (outer->children[1], "key", 234, FALSE);
  gw_column_append_list (outer->children[1], 1);
  gw_column_append_list (outer, 1);
  EXPECT (nested, NULL, FIELDS ("{\"inner_map\":{\"key\":234}}"),
          FIELDS ("\"{inner_map={key=234}}\""));
}

static void
test_map_non_string_key (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (map_type (type_new (GW_TYPE_INTEGER), string_type ()), NULL);
  const char *message = "JSON format doesn't support non-string as key type of map. "
                        "The type is: MAP<INT, STRING>";
  /* Flink fails while building its converters: even an empty page is an error. */
  if (format == JSON)
    assert_unsupported (batch, message);
  GwColumn *m = batch->columns[0];
  append_int (m->children[0], 1);
  append_str (m->children[1], "a");
  append_int (m->children[0], 2);
  append_str (m->children[1], NULL);
  gw_column_append_list (m, 2);
  if (format == JSON)
    assert_unsupported (batch, message);
  else
    assert_rows (batch, TEXT, NULL, FIELDS ("\"{1=a, 2=NULL}\""));

  /* Nested inside a ROW and an ARRAY too. */
  GwLogicalType *field = map_type (gw_logical_type_new (GW_TYPE_BIGINT, FALSE), string_type ());
  const char *names[] = { "m" };
  g_autoptr (GwBatch) nested = batch_new (
    array_type (gw_logical_type_new_row (TRUE, 1, names, &field)), NULL);
  gw_column_append_null (nested->columns[0]);
  if (format == JSON)
    assert_unsupported (nested, "JSON format doesn't support non-string as key type of map. "
                                "The type is: MAP<BIGINT NOT NULL, STRING>");
  else
    assert_rows (nested, TEXT, NULL, FIELDS ("null"));
}

static void
test_multiset (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  g_autoptr (GwBatch) batch = batch_new (
    gw_logical_type_new_collection (GW_TYPE_MULTISET, TRUE, string_type ()), NULL);
  const char *elements[] = { "element", "x", "element", NULL };
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    append_str (batch->columns[0]->children[0], elements[i]);
  gw_column_append_list (batch->columns[0], 4);
  EXPECT (batch, NULL, FIELDS ("{\"element\":2,\"x\":1,\"null\":1}"),
          FIELDS ("\"{element=2, x=1, NULL=1}\""));

  g_autoptr (GwBatch) ints = batch_new (
    gw_logical_type_new_collection (GW_TYPE_MULTISET, TRUE, type_new (GW_TYPE_INTEGER)), NULL);
  append_int (ints->columns[0]->children[0], 1);
  append_int (ints->columns[0]->children[0], 3);
  append_int (ints->columns[0]->children[0], 1);
  gw_column_append_list (ints->columns[0], 3);
  if (format == JSON)
    assert_unsupported (ints, "JSON format doesn't support non-string as key type of map. "
                              "The type is: MULTISET<INT>");
  else
    assert_rows (ints, TEXT, NULL, FIELDS ("\"{1=2, 3=1}\""));
}

static void
append_row (GwColumn *row, gint64 a, gboolean a_null, const char *b, gboolean null_row)
{
  if (a_null)
    gw_column_append_null (row->children[0]);
  else
    append_int (row->children[0], a);
  append_str (row->children[1], b);
  if (null_row)
    gw_column_append_null (row);
  else
    gw_column_append_struct (row);
}

static void
test_row (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  const char *names[] = { "a", "we\"ird" };
  GwLogicalType *types[] = { type_new (GW_TYPE_INTEGER), string_type () };
  g_autoptr (GwBatch) batch = batch_new (gw_logical_type_new_row (TRUE, 2, names, types), NULL);
  append_row (batch->columns[0], 1, FALSE, "x, y", FALSE);
  append_row (batch->columns[0], 0, TRUE, NULL, FALSE);
  append_row (batch->columns[0], 0, TRUE, NULL, TRUE);
  EXPECT (batch, NULL,
          FIELDS ("{\"a\":1,\"we\\\"ird\":\"x, y\"}", "{\"a\":null,\"we\\\"ird\":null}", "null"),
          FIELDS ("\"(1, x, y)\"", "\"(NULL, NULL)\"", "null"));
}

static void
test_array_of_rows (gconstpointer data)
{
  GwRowFormat format = GPOINTER_TO_INT (data);
  /* ARRAY<ROW<a INT, b ARRAY<STRING>>>: [(1, [p, q]), NULL, (NULL, NULL)] */
  const char *names[] = { "a", "b" };
  GwLogicalType *types[] = { type_new (GW_TYPE_INTEGER), array_type (string_type ()) };
  g_autoptr (GwBatch) batch =
    batch_new (array_type (gw_logical_type_new_row (TRUE, 2, names, types)), NULL);
  GwColumn *row = batch->columns[0]->children[0];
  GwColumn *a = row->children[0], *b = row->children[1];
  append_int (a, 1);
  append_str (b->children[0], "p");
  append_str (b->children[0], "q");
  gw_column_append_list (b, 2);
  gw_column_append_struct (row);
  gw_column_append_null (a);
  gw_column_append_null (b);
  gw_column_append_null (row);
  gw_column_append_null (a);
  gw_column_append_null (b);
  gw_column_append_struct (row);
  gw_column_append_list (batch->columns[0], 3);
  EXPECT (batch, NULL,
          FIELDS ("[{\"a\":1,\"b\":[\"p\",\"q\"]},null,{\"a\":null,\"b\":null}]"),
          FIELDS ("\"[(1, [p, q]), NULL, (NULL, NULL)]\""));
}

static void
add_per_format (const char *name, GTestDataFunc func)
{
  g_autofree gchar *json = g_strconcat ("/rest/row-format/json/", name, NULL);
  g_autofree gchar *text = g_strconcat ("/rest/row-format/plain-text/", name, NULL);
  g_test_add_data_func (json, GINT_TO_POINTER (JSON), func);
  g_test_add_data_func (text, GINT_TO_POINTER (TEXT), func);
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
  add_per_format ("array", test_array);
  add_per_format ("map", test_map);
  add_per_format ("map-non-string-key", test_map_non_string_key);
  add_per_format ("multiset", test_multiset);
  add_per_format ("row", test_row);
  add_per_format ("array-of-rows", test_array_of_rows);
  return g_test_run ();
}
