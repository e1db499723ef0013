/* Text forms of DuckDB values: decimals and 128-bit integers for the batch's DECIMAL text, and
 * DuckDB-like renderings of the types Flink cannot represent (UUID, TIME WITH TIME ZONE, BIT,
 * BIGNUM, UNION members). */
#include "gw-duckdb-text.h"

#include <math.h>
#include <string.h>

#define MICROS_PER_SECOND G_GINT64_CONSTANT (1000000)
#define MICROS_PER_DAY    (G_GINT64_CONSTANT (86400) * MICROS_PER_SECOND)

/* Writes the digits of value backwards into digits; returns their count. */
static int
reverse_digits (char *digits, GwUInt128 value)
{
  int n = 0;
  /* 128-bit division is a library call: use 64-bit arithmetic once the value fits. */
  while (value > G_MAXUINT64) {
    digits[n++] = (char) ('0' + (int) (value % 10));
    value /= 10;
  }
  guint64 small = (guint64) value;
  do {
    digits[n++] = (char) ('0' + (int) (small % 10));
    small /= 10;
  } while (small != 0);
  return n;
}

gsize
gw_duckdb_format_decimal (char *buf, GwInt128 value, int scale)
{
  char digits[GW_DUCKDB_DECIMAL_TEXT_MAX];
  gboolean negative = value < 0;
  GwUInt128 magnitude = negative ? -(GwUInt128) value : (GwUInt128) value;
  int n = reverse_digits (digits, magnitude);
  scale = CLAMP (scale, 0, 38);
  while (n <= scale)
    digits[n++] = '0'; /* at least one digit before the point: "0.001" */
  char *p = buf;
  if (negative)
    *p++ = '-';
  for (int i = n - 1; i >= 0; i--) {
    *p++ = digits[i];
    if (i == scale && scale > 0)
      *p++ = '.';
  }
  return (gsize) (p - buf);
}

gsize
gw_duckdb_format_unsigned (char *buf, GwUInt128 value)
{
  char digits[GW_DUCKDB_DECIMAL_TEXT_MAX];
  int n = reverse_digits (digits, value);
  for (int i = 0; i < n; i++)
    buf[i] = digits[n - 1 - i];
  return (gsize) n;
}

gsize
gw_duckdb_format_uuid (char *buf, duckdb_hugeint value)
{
  static const char hex[] = "0123456789abcdef";
  /* DuckDB flips the top bit so that UUIDs sort as unsigned numbers in a signed hugeint. */
  guint64 high = (guint64) value.upper ^ (G_GUINT64_CONSTANT (1) << 63);
  guint64 low = value.lower;
  char *p = buf;
  for (int i = 0; i < 16; i++) {
    guint64 half = i < 8 ? high : low;
    guint8 byte = (guint8) (half >> (56 - 8 * (i % 8)));
    if (i == 4 || i == 6 || i == 8 || i == 10)
      *p++ = '-';
    *p++ = hex[byte >> 4];
    *p++ = hex[byte & 15];
  }
  return 36;
}

/* "HH:MM:SS" plus the fraction without trailing zeros; fraction has `digits` digits. */
static void
append_clock (GString *out, gint64 seconds_of_day, gint64 fraction, int digits)
{
  g_string_append_printf (out, "%02d:%02d:%02d", (int) (seconds_of_day / 3600),
                          (int) (seconds_of_day / 60 % 60), (int) (seconds_of_day % 60));
  if (fraction == 0)
    return;
  char buf[16];
  g_snprintf (buf, sizeof buf, "%0*" G_GINT64_FORMAT, digits, fraction);
  gsize len = strlen (buf);
  while (len > 0 && buf[len - 1] == '0')
    len--;
  g_string_append_c (out, '.');
  g_string_append_len (out, buf, (gssize) len);
}

void
gw_duckdb_text_append_time_tz (GString *out, duckdb_time_tz value)
{
  duckdb_time_tz_struct t = duckdb_from_time_tz (value);
  append_clock (out, t.time.hour * 3600 + t.time.min * 60 + t.time.sec, t.time.micros, 6);
  int offset = ABS (t.offset);
  g_string_append_printf (out, "%c%02d:%02d", t.offset < 0 ? '-' : '+', offset / 3600,
                          offset / 60 % 60);
  if (offset % 60 != 0)
    g_string_append_printf (out, ":%02d", offset % 60);
}

void
gw_duckdb_text_append_bit (GString *out, const guint8 *data, gsize len)
{
  if (len < 1)
    return;
  /* First byte: number of padding bits at the start of the second byte. */
  gsize padding = data[0];
  for (gsize pos = padding; pos < (len - 1) * 8; pos++)
    g_string_append_c (out, (data[1 + pos / 8] >> (7 - pos % 8)) & 1 ? '1' : '0');
}

void
gw_duckdb_text_append_bignum (GString *out, const guint8 *data, gsize len)
{
  /* A 3-byte header (top bit set for non-negative numbers), then the magnitude big-endian;
   * negative numbers have every byte inverted. */
  if (len <= 3) {
    g_string_append_c (out, '0');
    return;
  }
  gboolean negative = (data[0] & 0x80) == 0;
  gsize n = len - 3;
  g_autofree guint8 *magnitude = g_malloc (n);
  for (gsize i = 0; i < n; i++)
    magnitude[i] = negative ? (guint8) ~data[3 + i] : data[3 + i];

  /* Repeated division by 10^9 of the big-endian bytes; the remainders are the digit groups. */
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint32));
  gsize start = 0;
  while (start < n && magnitude[start] == 0)
    start++;
  while (start < n) {
    guint64 remainder = 0;
    for (gsize i = start; i < n; i++) {
      guint64 current = (remainder << 8) | magnitude[i];
      magnitude[i] = (guint8) (current / 1000000000u);
      remainder = current % 1000000000u;
    }
    guint32 group = (guint32) remainder;
    g_array_append_val (groups, group);
    while (start < n && magnitude[start] == 0)
      start++;
  }
  if (groups->len == 0) {
    g_string_append_c (out, '0');
    return;
  }
  if (negative)
    g_string_append_c (out, '-');
  g_string_append_printf (out, "%u", g_array_index (groups, guint32, groups->len - 1));
  for (guint i = groups->len - 1; i > 0; i--)
    g_string_append_printf (out, "%09u", g_array_index (groups, guint32, i - 1));
}

/* Proleptic Gregorian date of a day number (H. Hinnant's civil_from_days). */
static void
append_date (GString *out, gint64 days)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 day = doy - (153 * mp + 2) / 5 + 1;
  gint64 month = mp < 10 ? mp + 3 : mp - 9;
  gint64 year = yoe + era * 400 + (month <= 2);
  g_string_append_printf (out, "%04" G_GINT64_FORMAT "-%02d-%02d", year, (int) month, (int) day);
}

/* value counts 10^-digits seconds since the epoch; infinities are the int64 extremes. */
static void
append_timestamp (GString *out, gint64 value, int digits)
{
  if (value == G_MAXINT64 || value == -G_MAXINT64) {
    g_string_append (out, value > 0 ? "infinity" : "-infinity");
    return;
  }
  gint64 unit = 1;
  for (int i = 0; i < digits; i++)
    unit *= 10;
  gint64 seconds = value / unit - (value % unit < 0);
  gint64 fraction = value - seconds * unit;
  gint64 days = seconds / 86400 - (seconds % 86400 < 0);
  append_date (out, days);
  g_string_append_c (out, ' ');
  append_clock (out, seconds - days * 86400, fraction, digits);
}

static void
append_interval (GString *out, duckdb_interval v)
{
  gsize start = out->len;
  int years = v.months / 12, months = v.months % 12;
  if (years != 0)
    g_string_append_printf (out, "%d year%s ", years, ABS (years) == 1 ? "" : "s");
  if (months != 0)
    g_string_append_printf (out, "%d month%s ", months, ABS (months) == 1 ? "" : "s");
  if (v.days != 0)
    g_string_append_printf (out, "%d day%s ", v.days, ABS (v.days) == 1 ? "" : "s");
  if (v.micros != 0 || out->len == start) {
    guint64 micros = v.micros < 0 ? -(guint64) v.micros : (guint64) v.micros;
    if (v.micros < 0)
      g_string_append_c (out, '-');
    append_clock (out, (gint64) (micros / MICROS_PER_SECOND),
                  (gint64) (micros % MICROS_PER_SECOND), 6);
  } else {
    g_string_truncate (out, out->len - 1);
  }
}

/* The shortest text that reads back as the same value. */
static void
append_double (GString *out, double value, gboolean single)
{
  static const char *const formats[] = { "%.6g", "%.7g", "%.8g", "%.9g", "%.10g", "%.11g",
                                         "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g" };
  if (isnan (value)) {
    g_string_append (out, "nan");
    return;
  }
  if (isinf (value)) {
    g_string_append (out, value > 0 ? "inf" : "-inf");
    return;
  }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++) {
    g_ascii_formatd (buf, sizeof buf, formats[i], value);
    double back = g_ascii_strtod (buf, NULL);
    if (single ? (float) back == (float) value : back == value)
      break;
  }
  g_string_append (out, buf);
}

static void
append_string (GString *out, const char *data, gsize len, gboolean quote)
{
  if (quote)
    g_string_append_c (out, '\'');
  g_string_append_len (out, data, (gssize) len);
  if (quote)
    g_string_append_c (out, '\'');
}

static void
append_blob (GString *out, const guint8 *data, gsize len)
{
  for (gsize i = 0; i < len; i++) {
    guint8 c = data[i];
    if (c >= 32 && c <= 126 && c != '\\' && c != '\'' && c != '"')
      g_string_append_c (out, (char) c);
    else
      g_string_append_printf (out, "\\x%02X", c);
  }
}

static GwInt128
decimal_value (const GwDuckdbConverter *c, const void *data, idx_t row)
{
  switch (c->internal) {
  case DUCKDB_TYPE_SMALLINT: return ((const gint16 *) data)[row];
  case DUCKDB_TYPE_INTEGER: return ((const gint32 *) data)[row];
  case DUCKDB_TYPE_BIGINT: return ((const gint64 *) data)[row];
  default: return gw_duckdb_hugeint_value (((const duckdb_hugeint *) data)[row]);
  }
}

static guint64
enum_index (const GwDuckdbConverter *c, const void *data, idx_t row)
{
  switch (c->internal) {
  case DUCKDB_TYPE_UTINYINT: return ((const guint8 *) data)[row];
  case DUCKDB_TYPE_USMALLINT: return ((const guint16 *) data)[row];
  default: return ((const guint32 *) data)[row];
  }
}

static void
append_elements (GString *out, const GwDuckdbConverter *element, duckdb_vector child,
                 idx_t offset, idx_t length)
{
  g_string_append_c (out, '[');
  for (idx_t i = 0; i < length; i++) {
    if (i > 0)
      g_string_append (out, ", ");
    gw_duckdb_text_append_value (out, element, child, offset + i, TRUE);
  }
  g_string_append_c (out, ']');
}

void
gw_duckdb_text_append_value (GString *out, const GwDuckdbConverter *c, duckdb_vector vector,
                             idx_t row, gboolean nested)
{
  if (!gw_duckdb_row_is_valid (duckdb_vector_get_validity (vector), row)) {
    g_string_append (out, "NULL");
    return;
  }
  const void *data = duckdb_vector_get_data (vector);
  char buf[GW_DUCKDB_DECIMAL_TEXT_MAX];
  guint32 len;
  const char *s;

#define APPEND_NUMBER(format, ctype) \
  g_string_append_printf (out, format, ((const ctype *) data)[row])
  switch (c->id) {
  case DUCKDB_TYPE_BOOLEAN:
    g_string_append (out, ((const bool *) data)[row] ? "true" : "false");
    break;
  case DUCKDB_TYPE_TINYINT: APPEND_NUMBER ("%d", gint8); break;
  case DUCKDB_TYPE_SMALLINT: APPEND_NUMBER ("%d", gint16); break;
  case DUCKDB_TYPE_INTEGER: APPEND_NUMBER ("%d", gint32); break;
  case DUCKDB_TYPE_BIGINT: APPEND_NUMBER ("%" G_GINT64_FORMAT, gint64); break;
  case DUCKDB_TYPE_UTINYINT: APPEND_NUMBER ("%u", guint8); break;
  case DUCKDB_TYPE_USMALLINT: APPEND_NUMBER ("%u", guint16); break;
  case DUCKDB_TYPE_UINTEGER: APPEND_NUMBER ("%u", guint32); break;
  case DUCKDB_TYPE_UBIGINT: APPEND_NUMBER ("%" G_GUINT64_FORMAT, guint64); break;
  case DUCKDB_TYPE_HUGEINT:
    g_string_append_len (out, buf, (gssize) gw_duckdb_format_decimal (
                           buf, gw_duckdb_hugeint_value (((const duckdb_hugeint *) data)[row]), 0));
    break;
  case DUCKDB_TYPE_UHUGEINT:
    g_string_append_len (out, buf, (gssize) gw_duckdb_format_unsigned (
                           buf, gw_duckdb_uhugeint_value (((const duckdb_uhugeint *) data)[row])));
    break;
  case DUCKDB_TYPE_DECIMAL:
    g_string_append_len (out, buf, (gssize) gw_duckdb_format_decimal (
                           buf, decimal_value (c, data, row), c->scale));
    break;
  case DUCKDB_TYPE_FLOAT: append_double (out, ((const float *) data)[row], TRUE); break;
  case DUCKDB_TYPE_DOUBLE: append_double (out, ((const double *) data)[row], FALSE); break;
  case DUCKDB_TYPE_VARCHAR:
    s = gw_duckdb_string_data ((const duckdb_string_t *) data + row, &len);
    append_string (out, s, len, nested);
    break;
  case DUCKDB_TYPE_ENUM: {
    guint64 index = enum_index (c, data, row);
    if (index < c->dictionary_size)
      append_string (out, c->dictionary[index], c->dictionary_len[index], nested);
    break;
  }
  case DUCKDB_TYPE_BLOB:
    s = gw_duckdb_string_data ((const duckdb_string_t *) data + row, &len);
    append_blob (out, (const guint8 *) s, len);
    break;
  case DUCKDB_TYPE_BIT:
    s = gw_duckdb_string_data ((const duckdb_string_t *) data + row, &len);
    gw_duckdb_text_append_bit (out, (const guint8 *) s, len);
    break;
  case DUCKDB_TYPE_BIGNUM:
    s = gw_duckdb_string_data ((const duckdb_string_t *) data + row, &len);
    gw_duckdb_text_append_bignum (out, (const guint8 *) s, len);
    break;
  case DUCKDB_TYPE_UUID:
    g_string_append_len (out, buf, (gssize) gw_duckdb_format_uuid (
                           buf, ((const duckdb_hugeint *) data)[row]));
    break;
  case DUCKDB_TYPE_DATE: {
    gint32 days = ((const gint32 *) data)[row];
    if (days == G_MAXINT32 || days == -G_MAXINT32)
      g_string_append (out, days > 0 ? "infinity" : "-infinity");
    else
      append_date (out, days);
    break;
  }
  case DUCKDB_TYPE_TIME: {
    gint64 micros = ((const gint64 *) data)[row];
    append_clock (out, micros / MICROS_PER_SECOND, micros % MICROS_PER_SECOND, 6);
    break;
  }
  case DUCKDB_TYPE_TIME_NS: {
    gint64 nanos = ((const gint64 *) data)[row];
    append_clock (out, nanos / 1000000000, nanos % 1000000000, 9);
    break;
  }
  case DUCKDB_TYPE_TIME_TZ:
    gw_duckdb_text_append_time_tz (out, ((const duckdb_time_tz *) data)[row]);
    break;
  case DUCKDB_TYPE_TIMESTAMP: append_timestamp (out, ((const gint64 *) data)[row], 6); break;
  case DUCKDB_TYPE_TIMESTAMP_S: append_timestamp (out, ((const gint64 *) data)[row], 0); break;
  case DUCKDB_TYPE_TIMESTAMP_MS: append_timestamp (out, ((const gint64 *) data)[row], 3); break;
  case DUCKDB_TYPE_TIMESTAMP_NS: append_timestamp (out, ((const gint64 *) data)[row], 9); break;
  case DUCKDB_TYPE_TIMESTAMP_TZ:
    append_timestamp (out, ((const gint64 *) data)[row], 6);
    g_string_append (out, "+00");
    break;
  case DUCKDB_TYPE_INTERVAL: append_interval (out, ((const duckdb_interval *) data)[row]); break;
  case DUCKDB_TYPE_LIST: {
    duckdb_list_entry entry = ((const duckdb_list_entry *) data)[row];
    append_elements (out, c->children[0], duckdb_list_vector_get_child (vector), entry.offset,
                     entry.length);
    break;
  }
  case DUCKDB_TYPE_ARRAY:
    append_elements (out, c->children[0], duckdb_array_vector_get_child (vector),
                     row * c->array_size, c->array_size);
    break;
  case DUCKDB_TYPE_MAP: {
    duckdb_list_entry entry = ((const duckdb_list_entry *) data)[row];
    duckdb_vector entries = duckdb_list_vector_get_child (vector);
    duckdb_vector keys = duckdb_struct_vector_get_child (entries, 0);
    duckdb_vector values = duckdb_struct_vector_get_child (entries, 1);
    g_string_append_c (out, '{');
    for (idx_t i = 0; i < entry.length; i++) {
      if (i > 0)
        g_string_append (out, ", ");
      gw_duckdb_text_append_value (out, c->children[0], keys, entry.offset + i, TRUE);
      g_string_append_c (out, '=');
      gw_duckdb_text_append_value (out, c->children[1], values, entry.offset + i, TRUE);
    }
    g_string_append_c (out, '}');
    break;
  }
  case DUCKDB_TYPE_STRUCT:
    g_string_append_c (out, '{');
    for (guint k = 0; k < c->n_children; k++) {
      if (k > 0)
        g_string_append (out, ", ");
      append_string (out, c->names[k], strlen (c->names[k]), TRUE);
      g_string_append (out, ": ");
      gw_duckdb_text_append_value (out, c->children[k],
                                   duckdb_struct_vector_get_child (vector, k), row, TRUE);
    }
    g_string_append_c (out, '}');
    break;
  case DUCKDB_TYPE_UNION: {
    /* Stored as a STRUCT whose first child is the member tag. */
    guint8 tag = ((const guint8 *) duckdb_vector_get_data (
                    duckdb_struct_vector_get_child (vector, 0)))[row];
    if (tag < c->n_children)
      gw_duckdb_text_append_value (out, c->children[tag],
                                   duckdb_struct_vector_get_child (vector, tag + 1), row, nested);
    break;
  }
  default:
    g_string_append (out, "NULL");
    break;
  }
#undef APPEND_NUMBER
}
