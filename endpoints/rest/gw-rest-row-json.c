/* rowFormat=JSON cell values, as flink-json's RowDataToJsonConverters (ISO-8601 timestamps,
 * null map keys as "null") written by Jackson with default settings: reference §6. */
#include "gw-rest-row-format-private.h"
#include "gw-error.h"
#include "gw-json.h"

#include <math.h>

static gboolean
check_string_key (const GwLogicalType *container, const GwLogicalType *key, GError **error)
{
  GwTypeRoot root = gw_logical_type_get_root (key);
  if (root == GW_TYPE_CHAR || root == GW_TYPE_VARCHAR)
    return TRUE;
  g_autofree gchar *summary = gw_logical_type_to_string (container);
  g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED,
               "JSON format doesn't support non-string as key type of map. The type is: %s",
               summary);
  return FALSE;
}

gboolean
gw_rest_json_check_type (const GwLogicalType *type, GError **error)
{
  switch (gw_logical_type_get_root (type)) {
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE: {
    g_autofree gchar *summary = gw_logical_type_to_string (type);
    g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED, "Not support to parse type: %s", summary);
    return FALSE;
  }
  case GW_TYPE_ARRAY:
    return gw_rest_json_check_type (gw_logical_type_get_element (type), error);
  case GW_TYPE_MULTISET:
    /* A multiset is a map from element to its INT count. */
    return check_string_key (type, gw_logical_type_get_element (type), error);
  case GW_TYPE_MAP:
    return check_string_key (type, gw_logical_type_get_key (type), error) &&
           gw_rest_json_check_type (gw_logical_type_get_value (type), error);
  case GW_TYPE_ROW:
    for (guint i = 0; i < gw_logical_type_get_n_fields (type); i++)
      if (!gw_rest_json_check_type (gw_logical_type_get_field_type (type, i), error))
        return FALSE;
    return TRUE;
  default:
    return TRUE;
  }
}

/* A JSON object from a MAP (key → value) or MULTISET (element → count) row. Keys are strings
 * (checked up front); a null key is the literal "null". */
static void
append_object (GwRowEncoder *encoder, const GwCellPlan *plan, guint row, gboolean multiset)
{
  GString *out = encoder->out;
  const GwColumn *column = plan->column, *keys = column->children[0];
  guint start = column->offsets[row], n = column->offsets[row + 1] - start;
  GwKeyRef small_refs[16];
  guint small_last[16], small_count[16];
  GwKeyRef *refs = n <= 16 ? small_refs : g_new (GwKeyRef, n);
  guint *last = n <= 16 ? small_last : g_new (guint, n);
  guint *count = n <= 16 ? small_count : g_new (guint, n);

  for (guint i = 0; i < n; i++) {
    if (gw_column_is_null (keys, start + i)) {
      refs[i].data = "null";
      refs[i].len = 4;
    } else {
      refs[i].data = gw_column_get_bytes (keys, start + i, &refs[i].len);
    }
  }
  guint n_groups = gw_rest_group_keys (refs, n, last, count);

  g_string_append_c (out, '{');
  for (guint g = 0; g < n_groups; g++) {
    if (g > 0)
      g_string_append_c (out, ',');
    gw_json_append_string (out, refs[last[g]].data, refs[last[g]].len);
    g_string_append_c (out, ':');
    if (multiset) {
      char buf[GW_VALUE_TEXT_MAX];
      g_string_append_len (out, buf, gw_value_format_int64 (buf, count[g]));
    } else {
      gw_rest_json_append_cell (encoder, &plan->children[1], start + last[g]);
    }
  }
  g_string_append_c (out, '}');

  if (n > 16) {
    g_free (refs);
    g_free (last);
    g_free (count);
  }
}

static void
append_floating (GString *out, double value, gboolean is_float)
{
  char buf[GW_VALUE_TEXT_MAX + 2];
  gsize n = is_float ? gw_value_format_float (buf + 1, (float) value)
                     : gw_value_format_double (buf + 1, value);
  if (isfinite (value)) {
    g_string_append_len (out, buf + 1, n);
  } else {
    /* Jackson quotes non-finite numbers by default (QUOTE_NON_NUMERIC_NUMBERS). */
    buf[0] = '"';
    buf[n + 1] = '"';
    g_string_append_len (out, buf, n + 2);
  }
}

void
gw_rest_json_append_cell (GwRowEncoder *encoder, const GwCellPlan *plan, guint row)
{
  GString *out = encoder->out;
  const GwColumn *column = plan->column;
  char buf[GW_VALUE_TEXT_MAX + 2];
  gsize n, len;
  const char *bytes;

  if (gw_column_is_null (column, row)) {
    g_string_append_len (out, "null", 4);
    return;
  }
  /* Quoted values are formatted at buf + 1 between two quotes and appended at once. */
  buf[0] = '"';
  switch (plan->root) {
  case GW_TYPE_BOOLEAN:
    if (column->bools[row])
      g_string_append_len (out, "true", 4);
    else
      g_string_append_len (out, "false", 5);
    return;
  case GW_TYPE_TINYINT:
  case GW_TYPE_SMALLINT:
  case GW_TYPE_INTEGER:
  case GW_TYPE_BIGINT:
  case GW_TYPE_INTERVAL_YEAR_MONTH:
    g_string_append_len (out, buf, gw_value_format_int64 (buf, column->i64[row]));
    return;
  case GW_TYPE_INTERVAL_DAY_TIME:
    /* Flink's day-time intervals are milliseconds; the batch holds microseconds. */
    g_string_append_len (out, buf, gw_value_format_int64 (buf, column->i64[row] / 1000));
    return;
  case GW_TYPE_FLOAT:
  case GW_TYPE_DOUBLE:
    append_floating (out, column->f64[row], plan->root == GW_TYPE_FLOAT);
    return;
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
    bytes = gw_column_get_bytes (column, row, &len);
    gw_json_append_string (out, bytes, len);
    return;
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY:
    bytes = gw_column_get_bytes (column, row, &len);
    g_string_append_c (out, '"');
    gw_value_append_base64 (out, (const guint8 *) bytes, len);
    g_string_append_c (out, '"');
    return;
  case GW_TYPE_DECIMAL:
    bytes = gw_column_get_bytes (column, row, &len);
    gw_value_append_decimal_json (out, bytes, len);
    return;
  case GW_TYPE_DATE:
    n = gw_value_format_date (buf + 1, column->i64[row], GW_YEAR_ISO);
    break;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
    n = gw_value_format_time_json (buf + 1, column->i64[row]);
    break;
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
    n = gw_value_format_timestamp_iso (buf + 1, column->i64[row], plan->nanos, FALSE);
    break;
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
    /* Wall-clock time in the session zone, then a literal 'Z' (reference §6). */
    gint64 wall = gw_zone_cache_to_wall_time (&encoder->zone, column->i64[row], plan->nanos);
    n = gw_value_format_timestamp_iso (buf + 1, wall, plan->nanos, TRUE);
    break;
  }
  case GW_TYPE_ARRAY: {
    const GwCellPlan *element = &plan->children[0];
    guint start = column->offsets[row], end = column->offsets[row + 1];
    g_string_append_c (out, '[');
    for (guint i = start; i < end; i++) {
      if (i > start)
        g_string_append_c (out, ',');
      gw_rest_json_append_cell (encoder, element, i);
    }
    g_string_append_c (out, ']');
    return;
  }
  case GW_TYPE_MULTISET:
  case GW_TYPE_MAP:
    append_object (encoder, plan, row, plan->root == GW_TYPE_MULTISET);
    return;
  case GW_TYPE_ROW: {
    const char *keys = plan->field_keys->str;
    gsize key_start = 0;
    g_string_append_c (out, '{');
    for (guint i = 0; i < plan->n_children; i++) {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_len (out, keys + key_start, plan->field_key_ends[i] - key_start);
      key_start = plan->field_key_ends[i];
      gw_rest_json_append_cell (encoder, &plan->children[i], row);
    }
    g_string_append_c (out, '}');
    return;
  }
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE: /* rejected by gw_rest_json_check_type() */
  case GW_TYPE_NULL:
  default:
    g_string_append_len (out, "null", 4);
    return;
  }
  buf[n + 1] = '"';
  g_string_append_len (out, buf, n + 2);
}
