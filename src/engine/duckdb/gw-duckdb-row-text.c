/* Flink's Row.toString() for the print connector: RowUtils.deepToStringRow over the row's
 * external (Java) values, so each value prints as its Java class does: LocalDate/LocalTime/
 * LocalDateTime.toString() ("2024-01-01T10:00"), Instant.toString() for TIMESTAMP_LTZ
 * ("2024-01-01T10:00:00Z"), Double.toString(), BigDecimal.toString(), byte[] as
 * Arrays.toString() ("[1, -2]"), arrays as "[a, b]", maps and multisets as "{k=v}", nested rows
 * as "+I[...]", intervals as Period ("P1Y2M") and Duration ("PT1H30M"), NULL as "null". */
#include "gw-duckdb-row-text.h"
#include "gw-value-text.h"

#define NANOS_PER_SECOND G_GINT64_CONSTANT (1000000000)
#define NANOS_PER_DAY    (G_GINT64_CONSTANT (86400) * NANOS_PER_SECOND)

static gint64
floor_div (gint64 a, gint64 b)
{
  gint64 q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The fraction of a second the way java.time prints it: nothing for 0, else 3, 6 or 9 digits. */
static void
append_java_fraction (GString *out, gint64 nano)
{
  if (nano == 0)
    return;
  if (nano % 1000000 == 0)
    g_string_append_printf (out, ".%03" G_GINT64_FORMAT, nano / 1000000);
  else if (nano % 1000 == 0)
    g_string_append_printf (out, ".%06" G_GINT64_FORMAT, nano / 1000);
  else
    g_string_append_printf (out, ".%09" G_GINT64_FORMAT, nano);
}

/* LocalTime.toString(): "HH:mm", then ":ss" only when seconds or a fraction are not zero. */
static void
append_local_time (GString *out, gint64 nano_of_day)
{
  gint64 second_of_day = nano_of_day / NANOS_PER_SECOND;
  gint64 nano = nano_of_day % NANOS_PER_SECOND;
  g_string_append_printf (out, "%02d:%02d", (int) (second_of_day / 3600),
                          (int) (second_of_day / 60 % 60));
  if (second_of_day % 60 != 0 || nano != 0) {
    g_string_append_printf (out, ":%02d", (int) (second_of_day % 60));
    append_java_fraction (out, nano);
  }
}

static void
append_date (GString *out, gint64 days)
{
  char buf[GW_VALUE_TEXT_MAX];
  g_string_append_len (out, buf, gw_value_format_date (buf, days, GW_YEAR_ISO));
}

/* LocalDateTime.toString() or, for an instant, Instant.toString() (seconds always, "Z"). */
static void
append_timestamp (GString *out, gint64 value, gboolean nanos, gboolean instant)
{
  gint64 nanos_value = nanos ? value : value * 1000;
  gint64 days = floor_div (nanos_value, NANOS_PER_DAY);
  gint64 nano_of_day = nanos_value - days * NANOS_PER_DAY;
  append_date (out, days);
  g_string_append_c (out, 'T');
  if (!instant) {
    append_local_time (out, nano_of_day);
    return;
  }
  gint64 second_of_day = nano_of_day / NANOS_PER_SECOND;
  g_string_append_printf (out, "%02d:%02d:%02d", (int) (second_of_day / 3600),
                          (int) (second_of_day / 60 % 60), (int) (second_of_day % 60));
  append_java_fraction (out, nano_of_day % NANOS_PER_SECOND);
  g_string_append_c (out, 'Z');
}

/* Period.toString() of the Period Flink's converter builds for the resolution. */
static void
append_period (GString *out, gint64 months, const GwLogicalType *type)
{
  gint64 years = 0;
  if (gw_logical_type_get_resolution (type) != GW_INTERVAL_MONTH) {
    years = months / 12;
    months %= 12;
  }
  if (years == 0 && months == 0) {
    g_string_append (out, "P0D");
    return;
  }
  g_string_append_c (out, 'P');
  if (years != 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "Y", years);
  if (months != 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "M", months);
}

/* Duration.toString(), transcribed from java.time.Duration (hours unbounded, no days). */
static void
append_duration (GString *out, gint64 micros)
{
  gint64 seconds = floor_div (micros, 1000000);
  gint64 nanos = (micros - seconds * 1000000) * 1000;
  if (seconds == 0 && nanos == 0) {
    g_string_append (out, "PT0S");
    return;
  }
  gint64 effective = (seconds < 0 && nanos > 0) ? seconds + 1 : seconds;
  gint64 hours = effective / 3600;
  gint64 minutes = (effective % 3600) / 60;
  gint64 secs = effective % 60;
  gsize start = out->len;
  g_string_append (out, "PT");
  if (hours != 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "H", hours);
  if (minutes != 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "M", minutes);
  if (secs == 0 && nanos == 0 && out->len - start > 2)
    return;
  if (seconds < 0 && nanos > 0 && secs == 0)
    g_string_append (out, "-0");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, secs);
  if (nanos > 0) {
    gsize pos = out->len;
    g_string_append_printf (out, "%" G_GINT64_FORMAT,
                            seconds < 0 ? 2 * NANOS_PER_SECOND - nanos : nanos + NANOS_PER_SECOND);
    while (out->str[out->len - 1] == '0')
      g_string_truncate (out, out->len - 1);
    out->str[pos] = '.';
  }
  g_string_append_c (out, 'S');
}

static void append_value (GString *out, const GwColumn *column, guint row);

static void
append_fields (GString *out, const GwColumn *const *columns, guint n_columns, guint row)
{
  g_string_append (out, "+I[");
  for (guint i = 0; i < n_columns; i++) {
    if (i > 0)
      g_string_append (out, ", ");
    append_value (out, columns[i], row);
  }
  g_string_append_c (out, ']');
}

static void
append_value (GString *out, const GwColumn *column, guint row)
{
  if (gw_column_is_null (column, row)) {
    g_string_append (out, "null");
    return;
  }
  const GwLogicalType *type = column->type;
  char buf[GW_VALUE_TEXT_MAX];
  gsize len;
  const char *bytes;

  switch (gw_logical_type_get_root (type)) {
  case GW_TYPE_BOOLEAN:
    g_string_append (out, column->bools[row] ? "true" : "false");
    break;
  case GW_TYPE_TINYINT:
  case GW_TYPE_SMALLINT:
  case GW_TYPE_INTEGER:
  case GW_TYPE_BIGINT:
    g_string_append_len (out, buf, gw_value_format_int64 (buf, column->i64[row]));
    break;
  case GW_TYPE_FLOAT:
    g_string_append_len (out, buf, gw_value_format_float (buf, (float) column->f64[row]));
    break;
  case GW_TYPE_DOUBLE:
    g_string_append_len (out, buf, gw_value_format_double (buf, column->f64[row]));
    break;
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
  case GW_TYPE_DECIMAL: /* plain text with its scale = BigDecimal.toString() for usual scales */
    bytes = gw_column_get_bytes (column, row, &len);
    g_string_append_len (out, bytes, (gssize) len);
    break;
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY:
    bytes = gw_column_get_bytes (column, row, &len);
    g_string_append_c (out, '[');
    for (gsize i = 0; i < len; i++)
      g_string_append_printf (out, i > 0 ? ", %d" : "%d", (int) (gint8) bytes[i]);
    g_string_append_c (out, ']');
    break;
  case GW_TYPE_DATE:
    append_date (out, column->i64[row]);
    break;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
    append_local_time (out, column->i64[row] * 1000);
    break;
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    append_timestamp (out, column->i64[row], gw_logical_type_get_precision (type) > 6,
                      gw_logical_type_get_root (type) != GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE);
    break;
  case GW_TYPE_INTERVAL_YEAR_MONTH:
    append_period (out, column->i64[row], type);
    break;
  case GW_TYPE_INTERVAL_DAY_TIME:
    append_duration (out, column->i64[row]);
    break;
  case GW_TYPE_ARRAY:
    g_string_append_c (out, '[');
    for (guint i = column->offsets[row]; i < column->offsets[row + 1]; i++) {
      if (i > column->offsets[row])
        g_string_append (out, ", ");
      append_value (out, column->children[0], i);
    }
    g_string_append_c (out, ']');
    break;
  case GW_TYPE_MULTISET:
  case GW_TYPE_MAP:
    /* Flink's MULTISET<T> is a Map<T, Integer>; the batch stores it as a map too when its
     * column has two children, else as the element list (each element counted once). */
    g_string_append_c (out, '{');
    for (guint i = column->offsets[row]; i < column->offsets[row + 1]; i++) {
      if (i > column->offsets[row])
        g_string_append (out, ", ");
      append_value (out, column->children[0], i);
      g_string_append_c (out, '=');
      if (column->n_children > 1)
        append_value (out, column->children[1], i);
      else
        g_string_append_c (out, '1');
    }
    g_string_append_c (out, '}');
    break;
  case GW_TYPE_ROW:
    append_fields (out, (const GwColumn *const *) column->children, column->n_children, row);
    break;
  case GW_TYPE_NULL:
  default:
    g_string_append (out, "null");
    break;
  }
}

void
gw_duckdb_row_text_append (GString *out, const GwBatch *batch, guint row)
{
  append_fields (out, (const GwColumn *const *) batch->columns,
                 gw_result_schema_get_n_columns (batch->schema), row);
}
