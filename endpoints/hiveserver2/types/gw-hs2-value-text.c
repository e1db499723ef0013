/* The text HiveServer2 clients get in stringVal, as Hive's server writes it (ColumnValue and
 * SerDeUtils.getJSONString), and the per-batch encoding plan.
 *
 * Top level: DECIMAL as stored (plain, full scale: JDBC reads it with new BigDecimal());
 * DATE "yyyy-MM-dd"; TIME "HH:mm:ss[.ffffff]"; TIMESTAMP "yyyy-MM-dd HH:mm:ss[.fffffffff]" with
 * the fraction's trailing zeros removed (Hive 3's Timestamp.toString; Timestamp.valueOf in the
 * JDBC driver parses it); TIMESTAMP_LTZ the same, as wall time in the session zone;
 * INTERVAL YEAR TO MONTH "[-]y-m" and DAY TO SECOND "[-]d hh:mm:ss.nnnnnnnnn"
 * (HiveIntervalYearMonth / HiveIntervalDayTime.toString); CHAR, VARCHAR and binary as their
 * bytes.
 *
 * ARRAY, MULTISET (its elements, repeated), MAP and ROW as Hive's JSON-ish text: [1,2],
 * {"k":"v"}, {1:"a"} (a map key is written like any value, so only text keys are quoted, as
 * Hive does), {"field":1}; nested nulls are null. Numbers and booleans are bare (Java's
 * toString, so 1.0E10 and NaN), DECIMAL bare as stored; character strings quoted and escaped as
 * SerDeUtils.escapeString (", \, \b \f \n \r \t, other controls \u00xx; the rest verbatim);
 * dates and timestamps quoted. Two departures where Hive's output is not JSON: nested
 * intervals are quoted (Hive writes 1 02:03:04.000000000 bare) and nested binary is a quoted,
 * escaped string of its bytes (Hive writes the raw bytes bare). ROW field names are escaped. */
#include "gw-hs2-types-private.h"

#include <string.h>

#define MICROS_PER_SECOND G_GINT64_CONSTANT (1000000)
#define MICROS_PER_DAY    (G_GINT64_CONSTANT (86400) * MICROS_PER_SECOND)

static void
cell_init (GwHs2Cell *cell, const GwLogicalType *type, const GwColumn *column,
           gint protocol_version)
{
  cell->column = column;
  cell->type = type;
  cell->root = gw_logical_type_get_root (type);
  cell->arm = gw_hs2_arm_of (type, protocol_version);
  cell->nanos = FALSE;
  cell->n_children = 0;
  cell->children = NULL;

  const GwLogicalType *child_types[2];
  switch (cell->root) {
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    cell->nanos = gw_logical_type_get_precision (type) > 6;
    return;
  case GW_TYPE_ARRAY:
  case GW_TYPE_MULTISET:
    child_types[0] = gw_logical_type_get_element (type);
    cell->n_children = 1;
    break;
  case GW_TYPE_MAP:
    child_types[0] = gw_logical_type_get_key (type);
    child_types[1] = gw_logical_type_get_value (type);
    cell->n_children = 2;
    break;
  case GW_TYPE_ROW:
    cell->n_children = gw_logical_type_get_n_fields (type);
    break;
  default:
    return;
  }
  cell->children = g_new0 (GwHs2Cell, cell->n_children);
  for (guint i = 0; i < cell->n_children; i++) {
    const GwLogicalType *child_type = cell->root == GW_TYPE_ROW
      ? gw_logical_type_get_field_type (type, i) : child_types[i];
    cell_init (&cell->children[i], child_type, column != NULL ? column->children[i] : NULL,
               protocol_version);
  }
}

static void
cell_clear (GwHs2Cell *cell)
{
  for (guint i = 0; i < cell->n_children; i++)
    cell_clear (&cell->children[i]);
  g_free (cell->children);
}

void
gw_hs2_encoder_init (GwHs2Encoder *encoder, const GwResultSchema *schema, const GwBatch *batch,
                     gint protocol_version, GTimeZone *zone)
{
  encoder->n_columns = gw_result_schema_get_n_columns (schema);
  encoder->n_rows = batch != NULL ? batch->n_rows : 0;
  encoder->cells = g_new0 (GwHs2Cell, encoder->n_columns);
  for (guint i = 0; i < encoder->n_columns; i++)
    cell_init (&encoder->cells[i], gw_result_schema_get_type (schema, i),
               batch != NULL ? batch->columns[i] : NULL, protocol_version);
  gw_zone_cache_init (&encoder->zone, zone);
  encoder->scratch = g_string_sized_new (256);
}

void
gw_hs2_encoder_clear (GwHs2Encoder *encoder)
{
  for (guint i = 0; i < encoder->n_columns; i++)
    cell_clear (&encoder->cells[i]);
  g_clear_pointer (&encoder->cells, g_free);
  g_string_free (encoder->scratch, TRUE);
  encoder->scratch = NULL;
}

/* ---- Hive's interval text ---- */

static gsize
format_interval_year_month (char *buf, gint64 months)
{
  guint64 v = months < 0 ? -(guint64) months : (guint64) months;
  gsize n = 0;
  if (months < 0)
    buf[n++] = '-';
  n += gw_value_format_uint64 (buf + n, v / 12);
  buf[n++] = '-';
  return n + gw_value_format_uint64 (buf + n, v % 12);
}

static gsize
format_interval_day_time (char *buf, gint64 micros)
{
  guint64 v = micros < 0 ? -(guint64) micros : (guint64) micros;
  gsize n = 0;
  if (micros < 0)
    buf[n++] = '-';
  n += gw_value_format_uint64 (buf + n, v / (guint64) MICROS_PER_DAY);
  guint64 seconds = v % (guint64) MICROS_PER_DAY / (guint64) MICROS_PER_SECOND;
  buf[n] = ' ';
  gw_value_write2 (buf + n + 1, (guint) (seconds / 3600));
  buf[n + 3] = ':';
  gw_value_write2 (buf + n + 4, (guint) (seconds / 60 % 60));
  buf[n + 6] = ':';
  gw_value_write2 (buf + n + 7, (guint) (seconds % 60));
  buf[n + 9] = '.';
  n += 10;
  guint32 nanos = (guint32) (v % (guint64) MICROS_PER_SECOND) * 1000;
  for (int i = 8; i >= 0; i--, nanos /= 10)
    buf[n + i] = (char) ('0' + nanos % 10);
  return n + 9;
}

/* ---- Hive's JSON-ish text of nested values ---- */

static void
append_quoted (GString *out, const char *text, gsize len)
{
  static const char hex[] = "0123456789abcdef";
  gsize run = 0;
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++) {
    guchar ch = (guchar) text[i];
    if (ch >= 0x20 && ch != '"' && ch != '\\')
      continue;
    g_string_append_len (out, text + run, i - run);
    run = i + 1;
    switch (ch) {
    case '"': g_string_append_len (out, "\\\"", 2); break;
    case '\\': g_string_append_len (out, "\\\\", 2); break;
    case '\b': g_string_append_len (out, "\\b", 2); break;
    case '\f': g_string_append_len (out, "\\f", 2); break;
    case '\n': g_string_append_len (out, "\\n", 2); break;
    case '\r': g_string_append_len (out, "\\r", 2); break;
    case '\t': g_string_append_len (out, "\\t", 2); break;
    default: {
      char escape[6] = { '\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15] };
      g_string_append_len (out, escape, sizeof escape);
      break;
    }
    }
  }
  g_string_append_len (out, text + run, len - run);
  g_string_append_c (out, '"');
}

static void append_json (GwHs2Encoder *encoder, const GwHs2Cell *cell, guint row, GString *out);

static void
append_collection (GwHs2Encoder *encoder, const GwHs2Cell *cell, guint row, GString *out)
{
  const GwColumn *column = cell->column;
  guint start = column->offsets[row], end = column->offsets[row + 1];
  gboolean is_map = cell->root == GW_TYPE_MAP;
  g_string_append_c (out, is_map ? '{' : '[');
  for (guint i = start; i < end; i++) {
    if (i > start)
      g_string_append_c (out, ',');
    append_json (encoder, &cell->children[0], i, out);
    if (is_map) {
      g_string_append_c (out, ':');
      append_json (encoder, &cell->children[1], i, out);
    }
  }
  g_string_append_c (out, is_map ? '}' : ']');
}

static void
append_struct (GwHs2Encoder *encoder, const GwHs2Cell *cell, guint row, GString *out)
{
  g_string_append_c (out, '{');
  for (guint i = 0; i < cell->n_children; i++) {
    if (i > 0)
      g_string_append_c (out, ',');
    const char *name = gw_logical_type_get_field_name (cell->type, i);
    append_quoted (out, name, strlen (name));
    g_string_append_c (out, ':');
    append_json (encoder, &cell->children[i], row, out);
  }
  g_string_append_c (out, '}');
}

static void
append_json (GwHs2Encoder *encoder, const GwHs2Cell *cell, guint row, GString *out)
{
  char buf[GW_VALUE_TEXT_MAX];
  const char *text;
  gsize len;

  if (gw_column_is_null (cell->column, row)) {
    g_string_append_len (out, "null", 4);
    return;
  }
  switch (cell->root) {
  case GW_TYPE_BOOLEAN:
    if (cell->column->bools[row])
      g_string_append_len (out, "true", 4);
    else
      g_string_append_len (out, "false", 5);
    return;
  case GW_TYPE_TINYINT:
  case GW_TYPE_SMALLINT:
  case GW_TYPE_INTEGER:
  case GW_TYPE_BIGINT:
  case GW_TYPE_FLOAT:
  case GW_TYPE_DOUBLE:
  case GW_TYPE_DECIMAL:
    text = gw_hs2_cell_get_text (encoder, cell, row, buf, &len);
    g_string_append_len (out, text, len);
    return;
  case GW_TYPE_ARRAY:
  case GW_TYPE_MULTISET:
  case GW_TYPE_MAP:
    append_collection (encoder, cell, row, out);
    return;
  case GW_TYPE_ROW:
    append_struct (encoder, cell, row, out);
    return;
  case GW_TYPE_NULL:
    g_string_append_len (out, "null", 4);
    return;
  default:
    /* Strings, binary, dates, times, timestamps and intervals. */
    text = gw_hs2_cell_get_text (encoder, cell, row, buf, &len);
    append_quoted (out, text, len);
    return;
  }
}

/* ---- the stringVal text of one cell ---- */

const char *
gw_hs2_cell_get_text (GwHs2Encoder *encoder, const GwHs2Cell *cell, guint row, char *buf,
                      gsize *len)
{
  const GwColumn *column = cell->column;
  gint64 wall;

  switch (cell->root) {
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY:
  case GW_TYPE_DECIMAL:
    return gw_column_get_bytes (column, row, len);
  case GW_TYPE_BOOLEAN:
    *len = column->bools[row] ? 4 : 5;
    return column->bools[row] ? "true" : "false";
  case GW_TYPE_TINYINT:
  case GW_TYPE_SMALLINT:
  case GW_TYPE_INTEGER:
  case GW_TYPE_BIGINT:
    *len = gw_value_format_int64 (buf, column->i64[row]);
    return buf;
  case GW_TYPE_FLOAT:
    *len = gw_value_format_float (buf, (float) column->f64[row]);
    return buf;
  case GW_TYPE_DOUBLE:
    *len = gw_value_format_double (buf, column->f64[row]);
    return buf;
  case GW_TYPE_DATE:
    *len = gw_value_format_date (buf, column->i64[row], GW_YEAR_SQL);
    return buf;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
    *len = gw_value_format_time_micros (buf, column->i64[row]);
    return buf;
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
    /* Precision 0: every trailing zero of the fraction goes, and the '.' with it. */
    *len = gw_value_format_timestamp_sql (buf, column->i64[row], cell->nanos, 0);
    return buf;
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    wall = gw_zone_cache_to_wall_time (&encoder->zone, column->i64[row], cell->nanos);
    *len = gw_value_format_timestamp_sql (buf, wall, cell->nanos, 0);
    return buf;
  case GW_TYPE_INTERVAL_YEAR_MONTH:
    *len = format_interval_year_month (buf, column->i64[row]);
    return buf;
  case GW_TYPE_INTERVAL_DAY_TIME:
    *len = format_interval_day_time (buf, column->i64[row]);
    return buf;
  case GW_TYPE_ARRAY:
  case GW_TYPE_MULTISET:
  case GW_TYPE_MAP:
  case GW_TYPE_ROW:
    g_string_truncate (encoder->scratch, 0);
    append_json (encoder, cell, row, encoder->scratch);
    *len = encoder->scratch->len;
    return encoder->scratch->str;
  case GW_TYPE_NULL:
    break;
  }
  *len = 0;
  return "";
}
