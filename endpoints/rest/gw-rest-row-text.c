/* rowFormat=PLAIN_TEXT fields: the text of Flink's CAST(x AS STRING) in printing mode
 * (planner RowDataToStringConverterImpl with non-legacy cast rules), reference §7. */
#include "gw-rest-row-format-private.h"
#include "gw-json.h"

static void append_text (GwRowEncoder *encoder, const GwCellPlan *plan, guint row, GString *dst);

/* Values inside ARRAY/MAP/MULTISET/ROW: a null prints as NULL (CastRuleUtils.nullLiteral). */
static inline void
append_nested (GwRowEncoder *encoder, const GwCellPlan *plan, guint row, GString *dst)
{
  if (gw_column_is_null (plan->column, row))
    g_string_append_len (dst, "NULL", 4);
  else
    append_text (encoder, plan, row, dst);
}

/* {element=count, ...}: a multiset is a map from element to count; equal elements are those
 * with equal text, in first-occurrence order. */
static void
append_multiset (GwRowEncoder *encoder, const GwCellPlan *plan, guint row, GString *dst)
{
  const GwColumn *column = plan->column;
  guint start = column->offsets[row], n = column->offsets[row + 1] - start;
  g_autoptr (GString) texts = g_string_new (NULL);
  g_autofree gsize *ends = g_new (gsize, MAX (n, 1));
  g_autofree GwKeyRef *refs = g_new (GwKeyRef, MAX (n, 1));
  g_autofree guint *last = g_new (guint, MAX (n, 1));
  g_autofree guint *count = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++) {
    append_nested (encoder, &plan->children[0], start + i, texts);
    ends[i] = texts->len;
  }
  for (guint i = 0; i < n; i++) {
    gsize begin = i > 0 ? ends[i - 1] : 0;
    refs[i].data = texts->str + begin;
    refs[i].len = ends[i] - begin;
  }
  guint n_groups = gw_rest_group_keys (refs, n, last, count);
  g_string_append_c (dst, '{');
  for (guint g = 0; g < n_groups; g++) {
    char buf[GW_VALUE_TEXT_MAX];
    if (g > 0)
      g_string_append_len (dst, ", ", 2);
    g_string_append_len (dst, refs[last[g]].data, refs[last[g]].len);
    g_string_append_c (dst, '=');
    g_string_append_len (dst, buf, gw_value_format_int64 (buf, count[g]));
  }
  g_string_append_c (dst, '}');
}

/* The text of a non-null value. */
static void
append_text (GwRowEncoder *encoder, const GwCellPlan *plan, guint row, GString *dst)
{
  const GwColumn *column = plan->column;
  char buf[GW_VALUE_TEXT_MAX];
  gsize n, len;
  const char *bytes;

  switch (plan->root) {
  case GW_TYPE_BOOLEAN:
    if (column->bools[row])
      g_string_append_len (dst, "TRUE", 4);
    else
      g_string_append_len (dst, "FALSE", 5);
    return;
  case GW_TYPE_TINYINT:
  case GW_TYPE_SMALLINT:
  case GW_TYPE_INTEGER:
  case GW_TYPE_BIGINT:
    n = gw_value_format_int64 (buf, column->i64[row]);
    break;
  case GW_TYPE_FLOAT:
    n = gw_value_format_float (buf, (float) column->f64[row]);
    break;
  case GW_TYPE_DOUBLE:
    n = gw_value_format_double (buf, column->f64[row]);
    break;
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
  case GW_TYPE_DECIMAL: /* the batch holds BigDecimal.toPlainString() already */
    bytes = gw_column_get_bytes (column, row, &len);
    g_string_append_len (dst, bytes, len);
    return;
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY:
    bytes = gw_column_get_bytes (column, row, &len);
    g_string_append_len (dst, "x'", 2);
    gw_value_append_hex (dst, (const guint8 *) bytes, len);
    g_string_append_c (dst, '\'');
    return;
  case GW_TYPE_DATE:
    n = gw_value_format_date (buf, column->i64[row], GW_YEAR_SQL);
    break;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
    n = gw_value_format_time_sql (buf, column->i64[row], plan->precision);
    break;
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
    n = gw_value_format_timestamp_sql (buf, column->i64[row], plan->nanos, plan->precision);
    break;
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE: {
    /* Flink has no runtime for WITH TIME ZONE; it is shown like LTZ, in the session zone. */
    gint64 wall = gw_zone_cache_to_wall_time (&encoder->zone, column->i64[row], plan->nanos);
    n = gw_value_format_timestamp_sql (buf, wall, plan->nanos, plan->precision);
    break;
  }
  case GW_TYPE_INTERVAL_YEAR_MONTH:
    n = gw_value_format_interval_year_month (buf, column->i64[row]);
    break;
  case GW_TYPE_INTERVAL_DAY_TIME:
    n = gw_value_format_interval_day_time (buf, column->i64[row]);
    break;
  case GW_TYPE_ARRAY: {
    guint start = column->offsets[row], end = column->offsets[row + 1];
    g_string_append_c (dst, '[');
    for (guint i = start; i < end; i++) {
      if (i > start)
        g_string_append_len (dst, ", ", 2);
      append_nested (encoder, &plan->children[0], i, dst);
    }
    g_string_append_c (dst, ']');
    return;
  }
  case GW_TYPE_MAP: {
    guint start = column->offsets[row], end = column->offsets[row + 1];
    g_string_append_c (dst, '{');
    for (guint i = start; i < end; i++) {
      if (i > start)
        g_string_append_len (dst, ", ", 2);
      append_nested (encoder, &plan->children[0], i, dst);
      g_string_append_c (dst, '=');
      append_nested (encoder, &plan->children[1], i, dst);
    }
    g_string_append_c (dst, '}');
    return;
  }
  case GW_TYPE_MULTISET:
    append_multiset (encoder, plan, row, dst);
    return;
  case GW_TYPE_ROW:
    g_string_append_c (dst, '(');
    for (guint i = 0; i < plan->n_children; i++) {
      if (i > 0)
        g_string_append_len (dst, ", ", 2);
      append_nested (encoder, &plan->children[i], row, dst);
    }
    g_string_append_c (dst, ')');
    return;
  case GW_TYPE_NULL:
  default:
    g_string_append_len (dst, "NULL", 4);
    return;
  }
  g_string_append_len (dst, buf, n);
}

void
gw_rest_text_append_field (GwRowEncoder *encoder, const GwCellPlan *plan, guint row)
{
  GString *out = encoder->out;
  const GwColumn *column = plan->column;

  if (gw_column_is_null (column, row)) {
    g_string_append_len (out, "null", 4);
    return;
  }
  switch (plan->root) {
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
  case GW_TYPE_DECIMAL: {
    gsize len;
    const char *bytes = gw_column_get_bytes (column, row, &len);
    gw_json_append_string (out, bytes, len);
    return;
  }
  case GW_TYPE_ARRAY:
  case GW_TYPE_MAP:
  case GW_TYPE_MULTISET:
  case GW_TYPE_ROW:
    /* Nested strings may need escaping: build the text first. */
    g_string_truncate (encoder->scratch, 0);
    append_text (encoder, plan, row, encoder->scratch);
    gw_json_append_string (out, encoder->scratch->str, encoder->scratch->len);
    return;
  default:
    /* Numbers, dates, times, intervals, TRUE/FALSE and x'hex' are plain ASCII. */
    g_string_append_c (out, '"');
    append_text (encoder, plan, row, out);
    g_string_append_c (out, '"');
    return;
  }
}
