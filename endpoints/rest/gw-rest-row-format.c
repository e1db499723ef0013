/* The REST result body parts: row format names, the ColumnInfo array and the row loop that
 * drives the JSON (gw-rest-row-json.c) and PLAIN_TEXT (gw-rest-row-text.c) cell writers. */
#include "gw-rest-row-format.h"
#include "gw-rest-row-format-private.h"
#include "gw-error.h"
#include "gw-json.h"

#include <string.h>

gboolean
gw_row_format_parse (const char *text, GwRowFormat *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "JSON") == 0)
    *out = GW_ROW_FORMAT_JSON;
  else if (g_ascii_strcasecmp (text, "PLAIN_TEXT") == 0)
    *out = GW_ROW_FORMAT_PLAIN_TEXT;
  else
    return FALSE;
  return TRUE;
}

const char *
gw_row_format_name (GwRowFormat format)
{
  return format == GW_ROW_FORMAT_PLAIN_TEXT ? "PLAIN_TEXT" : "JSON";
}

void
gw_rest_append_columns (GString *out, const GwResultSchema *schema)
{
  g_return_if_fail (out != NULL && schema != NULL);
  guint n = gw_result_schema_get_n_columns (schema);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++) {
    const char *comment = gw_result_schema_get_comment (schema, i);
    if (i > 0)
      g_string_append_c (out, ',');
    g_string_append (out, "{\"name\":");
    gw_json_append_string (out, gw_result_schema_get_name (schema, i), -1);
    g_string_append (out, ",\"logicalType\":");
    gw_logical_type_append_json (gw_result_schema_get_type (schema, i), out);
    /* ColumnInfo always carries "comment", null when there is none. */
    g_string_append (out, ",\"comment\":");
    if (comment != NULL)
      gw_json_append_string (out, comment, -1);
    else
      g_string_append (out, "null");
    g_string_append_c (out, '}');
  }
  g_string_append_c (out, ']');
}

/* ---- plans ---- */

static void
plan_init (GwCellPlan *plan, const GwColumn *column, GwRowFormat format)
{
  plan->column = column;
  plan->type = column->type;
  plan->root = gw_logical_type_get_root (column->type);
  switch (plan->root) {
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
    plan->precision = gw_logical_type_get_precision (column->type);
    break;
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    plan->precision = gw_logical_type_get_precision (column->type);
    plan->nanos = plan->precision > 6;
    break;
  default:
    break;
  }
  plan->n_children = column->n_children;
  if (column->n_children > 0) {
    plan->children = g_new0 (GwCellPlan, column->n_children);
    for (guint i = 0; i < column->n_children; i++)
      plan_init (&plan->children[i], column->children[i], format);
  }
  if (plan->root == GW_TYPE_ROW && format == GW_ROW_FORMAT_JSON) {
    plan->field_keys = g_string_new (NULL);
    plan->field_key_ends = g_new (gsize, MAX (plan->n_children, 1));
    for (guint i = 0; i < plan->n_children; i++) {
      gw_json_append_key (plan->field_keys, gw_logical_type_get_field_name (column->type, i));
      plan->field_key_ends[i] = plan->field_keys->len;
    }
  }
}

static void
plan_clear (GwCellPlan *plan)
{
  for (guint i = 0; i < plan->n_children; i++)
    plan_clear (&plan->children[i]);
  g_free (plan->children);
  if (plan->field_keys != NULL)
    g_string_free (plan->field_keys, TRUE);
  g_free (plan->field_key_ends);
}

/* ---- map keys ---- */

static inline gboolean
key_ref_equal (const GwKeyRef *a, const GwKeyRef *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len) == 0;
}

static guint
key_ref_hash (gconstpointer p)
{
  const GwKeyRef *key = p;
  guint32 h = 2166136261u; /* FNV-1a */
  for (gsize i = 0; i < key->len; i++)
    h = (h ^ (guint8) key->data[i]) * 16777619u;
  return h;
}

static gboolean
key_ref_equal_func (gconstpointer a, gconstpointer b)
{
  return key_ref_equal (a, b);
}

guint
gw_rest_group_keys (const GwKeyRef *keys, guint n, guint *last, guint *count)
{
  guint n_groups = 0;
  if (n <= 16) {
    /* Small maps (the usual case): a quadratic scan beats hashing. */
    for (guint i = 0; i < n; i++) {
      guint g = 0;
      while (g < n_groups && !key_ref_equal (&keys[last[g]], &keys[i]))
        g++;
      if (g == n_groups) {
        count[n_groups++] = 0;
      }
      last[g] = i;
      count[g]++;
    }
    return n_groups;
  }
  g_autoptr (GHashTable) groups = g_hash_table_new (key_ref_hash, key_ref_equal_func);
  for (guint i = 0; i < n; i++) {
    gpointer found = g_hash_table_lookup (groups, &keys[i]);
    guint g;
    if (found == NULL) {
      g = n_groups++;
      count[g] = 0;
      g_hash_table_insert (groups, (gpointer) &keys[i], GUINT_TO_POINTER (g + 1));
    } else {
      g = GPOINTER_TO_UINT (found) - 1;
    }
    last[g] = i;
    count[g]++;
  }
  return n_groups;
}

/* ---- rows ---- */

gboolean
gw_rest_append_rows (GString *out, const GwBatch *batch, GwRowFormat format, GTimeZone *zone,
                     GError **error)
{
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  guint n_columns = gw_result_schema_get_n_columns (batch->schema);
  if (format == GW_ROW_FORMAT_JSON) {
    for (guint c = 0; c < n_columns; c++)
      if (!gw_rest_json_check_type (gw_result_schema_get_type (batch->schema, c), error))
        return FALSE;
  }

  GwCellPlan *plans = g_new0 (GwCellPlan, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns; c++)
    plan_init (&plans[c], batch->columns[c], format);
  GwRowEncoder encoder = { .out = out };
  gw_zone_cache_init (&encoder.zone, zone);
  if (format == GW_ROW_FORMAT_PLAIN_TEXT)
    encoder.scratch = g_string_sized_new (256);

  static const char row_start[] = "{\"kind\":\"INSERT\",\"fields\":[";
  g_string_append_c (out, '[');
  for (guint r = 0; r < batch->n_rows; r++) {
    if (r > 0)
      g_string_append_c (out, ',');
    g_string_append_len (out, row_start, sizeof row_start - 1);
    if (format == GW_ROW_FORMAT_JSON) {
      for (guint c = 0; c < n_columns; c++) {
        if (c > 0)
          g_string_append_c (out, ',');
        gw_rest_json_append_cell (&encoder, &plans[c], r);
      }
    } else {
      for (guint c = 0; c < n_columns; c++) {
        if (c > 0)
          g_string_append_c (out, ',');
        gw_rest_text_append_field (&encoder, &plans[c], r);
      }
    }
    g_string_append_len (out, "]}", 2);
  }
  g_string_append_c (out, ']');

  for (guint c = 0; c < n_columns; c++)
    plan_clear (&plans[c]);
  g_free (plans);
  if (encoder.scratch != NULL)
    g_string_free (encoder.scratch, TRUE);
  return TRUE;
}
