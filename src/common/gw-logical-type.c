/* Flink LogicalType values: construction, JSON (LogicalTypeJsonSerializer) and summary strings. */
#include "gw-logical-type.h"
#include "gw-json.h"

struct _GwLogicalType {
  gint                  ref_count;
  GwTypeRoot            root;
  gboolean              nullable;
  gint32                length;               /* CHAR/VARCHAR/BINARY/VARBINARY */
  int                   precision;            /* DECIMAL, TIME, TIMESTAMP, intervals */
  int                   scale;                /* DECIMAL */
  int                   fractional_precision; /* INTERVAL_DAY_TIME */
  GwIntervalResolution  resolution;
  GwLogicalType        *element;              /* owned: ARRAY/MULTISET element, MAP key */
  GwLogicalType        *value;                /* owned: MAP value */
  guint                 n_fields;
  gchar               **field_names;          /* owned, ROW */
  GwLogicalType       **field_types;          /* owned, ROW */
};

static GwLogicalType *
type_alloc (GwTypeRoot root, gboolean nullable)
{
  GwLogicalType *t = g_new0 (GwLogicalType, 1);
  t->ref_count = 1;
  t->root = root;
  t->nullable = root == GW_TYPE_NULL ? TRUE : nullable;
  return t;
}

GwLogicalType *
gw_logical_type_new (GwTypeRoot root, gboolean nullable)
{
  return type_alloc (root, nullable);
}

GwLogicalType *
gw_logical_type_new_with_length (GwTypeRoot root, gboolean nullable, gint32 length)
{
  g_return_val_if_fail (root == GW_TYPE_CHAR || root == GW_TYPE_VARCHAR ||
                        root == GW_TYPE_BINARY || root == GW_TYPE_VARBINARY, NULL);
  GwLogicalType *t = type_alloc (root, nullable);
  t->length = length;
  return t;
}

GwLogicalType *
gw_logical_type_new_decimal (gboolean nullable, int precision, int scale)
{
  GwLogicalType *t = type_alloc (GW_TYPE_DECIMAL, nullable);
  t->precision = precision;
  t->scale = scale;
  return t;
}

GwLogicalType *
gw_logical_type_new_with_precision (GwTypeRoot root, gboolean nullable, int precision)
{
  g_return_val_if_fail (root == GW_TYPE_TIME_WITHOUT_TIME_ZONE ||
                        root == GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE ||
                        root == GW_TYPE_TIMESTAMP_WITH_TIME_ZONE ||
                        root == GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, NULL);
  GwLogicalType *t = type_alloc (root, nullable);
  t->precision = precision;
  return t;
}

GwLogicalType *
gw_logical_type_new_interval (GwTypeRoot root, gboolean nullable, GwIntervalResolution resolution,
                              int precision, int fractional_precision)
{
  g_return_val_if_fail (root == GW_TYPE_INTERVAL_YEAR_MONTH || root == GW_TYPE_INTERVAL_DAY_TIME, NULL);
  GwLogicalType *t = type_alloc (root, nullable);
  t->resolution = resolution;
  t->precision = precision;
  t->fractional_precision = fractional_precision;
  return t;
}

GwLogicalType *
gw_logical_type_new_collection (GwTypeRoot root, gboolean nullable, GwLogicalType *element)
{
  g_return_val_if_fail (root == GW_TYPE_ARRAY || root == GW_TYPE_MULTISET, NULL);
  g_return_val_if_fail (element != NULL, NULL);
  GwLogicalType *t = type_alloc (root, nullable);
  t->element = element;
  return t;
}

GwLogicalType *
gw_logical_type_new_map (gboolean nullable, GwLogicalType *key, GwLogicalType *value)
{
  g_return_val_if_fail (key != NULL && value != NULL, NULL);
  GwLogicalType *t = type_alloc (GW_TYPE_MAP, nullable);
  t->element = key;
  t->value = value;
  return t;
}

GwLogicalType *
gw_logical_type_new_row (gboolean nullable, guint n_fields, const char *const *names,
                         GwLogicalType **types)
{
  GwLogicalType *t = type_alloc (GW_TYPE_ROW, nullable);
  t->n_fields = n_fields;
  t->field_names = g_new0 (gchar *, n_fields + 1);
  t->field_types = g_new0 (GwLogicalType *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++) {
    t->field_names[i] = g_strdup (names[i]);
    t->field_types[i] = types[i];
  }
  return t;
}

GwLogicalType *
gw_logical_type_ref (GwLogicalType *type)
{
  g_return_val_if_fail (type != NULL, NULL);
  g_atomic_int_inc (&type->ref_count);
  return type;
}

void
gw_logical_type_unref (GwLogicalType *type)
{
  if (type == NULL || !g_atomic_int_dec_and_test (&type->ref_count))
    return;
  g_clear_pointer (&type->element, gw_logical_type_unref);
  g_clear_pointer (&type->value, gw_logical_type_unref);
  for (guint i = 0; i < type->n_fields; i++)
    gw_logical_type_unref (type->field_types[i]);
  g_free (type->field_types);
  g_strfreev (type->field_names);
  g_free (type);
}

GwTypeRoot gw_logical_type_get_root (const GwLogicalType *t) { return t->root; }
gboolean gw_logical_type_is_nullable (const GwLogicalType *t) { return t->nullable; }
gint32 gw_logical_type_get_length (const GwLogicalType *t) { return t->length; }
int gw_logical_type_get_precision (const GwLogicalType *t) { return t->precision; }
int gw_logical_type_get_scale (const GwLogicalType *t) { return t->scale; }
int gw_logical_type_get_fractional_precision (const GwLogicalType *t) { return t->fractional_precision; }
GwIntervalResolution gw_logical_type_get_resolution (const GwLogicalType *t) { return t->resolution; }
GwLogicalType *gw_logical_type_get_element (const GwLogicalType *t) { return t->element; }
GwLogicalType *gw_logical_type_get_key (const GwLogicalType *t) { return t->element; }
GwLogicalType *gw_logical_type_get_value (const GwLogicalType *t) { return t->value; }
guint gw_logical_type_get_n_fields (const GwLogicalType *t) { return t->n_fields; }

const char *
gw_logical_type_get_field_name (const GwLogicalType *t, guint i)
{
  g_return_val_if_fail (i < t->n_fields, NULL);
  return t->field_names[i];
}

GwLogicalType *
gw_logical_type_get_field_type (const GwLogicalType *t, guint i)
{
  g_return_val_if_fail (i < t->n_fields, NULL);
  return t->field_types[i];
}

const char *
gw_type_root_name (GwTypeRoot root)
{
  static const char *const names[] = {
    "CHAR", "VARCHAR", "BOOLEAN", "BINARY", "VARBINARY", "DECIMAL", "TINYINT", "SMALLINT",
    "INTEGER", "BIGINT", "FLOAT", "DOUBLE", "DATE", "TIME_WITHOUT_TIME_ZONE",
    "TIMESTAMP_WITHOUT_TIME_ZONE", "TIMESTAMP_WITH_TIME_ZONE", "TIMESTAMP_WITH_LOCAL_TIME_ZONE",
    "INTERVAL_YEAR_MONTH", "INTERVAL_DAY_TIME", "ARRAY", "MULTISET", "MAP", "ROW", "NULL",
  };
  g_return_val_if_fail ((guint) root < G_N_ELEMENTS (names), "NULL");
  return names[root];
}

const char *
gw_interval_resolution_name (GwIntervalResolution r)
{
  static const char *const names[] = {
    "YEAR", "YEAR_TO_MONTH", "MONTH", "DAY", "DAY_TO_HOUR", "DAY_TO_MINUTE", "DAY_TO_SECOND",
    "HOUR", "HOUR_TO_MINUTE", "HOUR_TO_SECOND", "MINUTE", "MINUTE_TO_SECOND", "SECOND",
  };
  g_return_val_if_fail ((guint) r < G_N_ELEMENTS (names), "SECOND");
  return names[r];
}

void
gw_logical_type_append_json (const GwLogicalType *t, GString *out)
{
  g_string_append (out, "{\"type\":");
  gw_json_append_string (out, gw_type_root_name (t->root), -1);
  if (t->root == GW_TYPE_NULL) {
    g_string_append_c (out, '}');
    return;
  }
  g_string_append (out, t->nullable ? ",\"nullable\":true" : ",\"nullable\":false");
  switch (t->root) {
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY:
    g_string_append_printf (out, ",\"length\":%d", t->length);
    break;
  case GW_TYPE_DECIMAL:
    g_string_append_printf (out, ",\"precision\":%d,\"scale\":%d", t->precision, t->scale);
    break;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    g_string_append_printf (out, ",\"precision\":%d", t->precision);
    break;
  case GW_TYPE_INTERVAL_YEAR_MONTH:
    g_string_append_printf (out, ",\"precision\":%d,\"resolution\":\"%s\"", t->precision,
                            gw_interval_resolution_name (t->resolution));
    break;
  case GW_TYPE_INTERVAL_DAY_TIME:
    g_string_append_printf (out, ",\"precision\":%d,\"fractionalPrecision\":%d,\"resolution\":\"%s\"",
                            t->precision, t->fractional_precision,
                            gw_interval_resolution_name (t->resolution));
    break;
  case GW_TYPE_ARRAY:
  case GW_TYPE_MULTISET:
    g_string_append (out, ",\"elementType\":");
    gw_logical_type_append_json (t->element, out);
    break;
  case GW_TYPE_MAP:
    g_string_append (out, ",\"keyType\":");
    gw_logical_type_append_json (t->element, out);
    g_string_append (out, ",\"valueType\":");
    gw_logical_type_append_json (t->value, out);
    break;
  case GW_TYPE_ROW:
    g_string_append (out, ",\"fields\":[");
    for (guint i = 0; i < t->n_fields; i++) {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"name\":");
      gw_json_append_string (out, t->field_names[i], -1);
      g_string_append (out, ",\"fieldType\":");
      gw_logical_type_append_json (t->field_types[i], out);
      g_string_append_c (out, '}');
    }
    g_string_append_c (out, ']');
    break;
  default:
    break;
  }
  g_string_append_c (out, '}');
}

static void
append_interval_summary (const GwLogicalType *t, GString *s)
{
  int p = t->precision, f = t->fractional_precision;
  switch (t->resolution) {
  case GW_INTERVAL_YEAR: g_string_append_printf (s, "INTERVAL YEAR(%d)", p); break;
  case GW_INTERVAL_YEAR_TO_MONTH: g_string_append_printf (s, "INTERVAL YEAR(%d) TO MONTH", p); break;
  case GW_INTERVAL_MONTH: g_string_append (s, "INTERVAL MONTH"); break;
  case GW_INTERVAL_DAY: g_string_append_printf (s, "INTERVAL DAY(%d)", p); break;
  case GW_INTERVAL_DAY_TO_HOUR: g_string_append_printf (s, "INTERVAL DAY(%d) TO HOUR", p); break;
  case GW_INTERVAL_DAY_TO_MINUTE: g_string_append_printf (s, "INTERVAL DAY(%d) TO MINUTE", p); break;
  case GW_INTERVAL_DAY_TO_SECOND: g_string_append_printf (s, "INTERVAL DAY(%d) TO SECOND(%d)", p, f); break;
  case GW_INTERVAL_HOUR: g_string_append (s, "INTERVAL HOUR"); break;
  case GW_INTERVAL_HOUR_TO_MINUTE: g_string_append (s, "INTERVAL HOUR TO MINUTE"); break;
  case GW_INTERVAL_HOUR_TO_SECOND: g_string_append_printf (s, "INTERVAL HOUR TO SECOND(%d)", f); break;
  case GW_INTERVAL_MINUTE: g_string_append (s, "INTERVAL MINUTE"); break;
  case GW_INTERVAL_MINUTE_TO_SECOND: g_string_append_printf (s, "INTERVAL MINUTE TO SECOND(%d)", f); break;
  case GW_INTERVAL_SECOND: g_string_append_printf (s, "INTERVAL SECOND(%d)", f); break;
  }
}

/* serializable: Flink's asSerializableString() (SHOW CREATE TABLE) rather than
 * asSummaryString(): no STRING/BYTES/TIMESTAMP_LTZ shorthands. */
static void
append_type (const GwLogicalType *t, gboolean serializable, GString *s)
{
  switch (t->root) {
  case GW_TYPE_CHAR: g_string_append_printf (s, "CHAR(%d)", t->length); break;
  case GW_TYPE_VARCHAR:
    if (t->length == GW_TYPE_MAX_LENGTH && !serializable)
      g_string_append (s, "STRING");
    else
      g_string_append_printf (s, "VARCHAR(%d)", t->length);
    break;
  case GW_TYPE_BINARY: g_string_append_printf (s, "BINARY(%d)", t->length); break;
  case GW_TYPE_VARBINARY:
    if (t->length == GW_TYPE_MAX_LENGTH && !serializable)
      g_string_append (s, "BYTES");
    else
      g_string_append_printf (s, "VARBINARY(%d)", t->length);
    break;
  case GW_TYPE_DECIMAL: g_string_append_printf (s, "DECIMAL(%d, %d)", t->precision, t->scale); break;
  case GW_TYPE_INTEGER: g_string_append (s, "INT"); break;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE: g_string_append_printf (s, "TIME(%d)", t->precision); break;
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE: g_string_append_printf (s, "TIMESTAMP(%d)", t->precision); break;
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
    g_string_append_printf (s, "TIMESTAMP(%d) WITH TIME ZONE", t->precision);
    break;
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    g_string_append_printf (s, serializable ? "TIMESTAMP(%d) WITH LOCAL TIME ZONE"
                                            : "TIMESTAMP_LTZ(%d)", t->precision);
    break;
  case GW_TYPE_INTERVAL_YEAR_MONTH:
  case GW_TYPE_INTERVAL_DAY_TIME: append_interval_summary (t, s); break;
  case GW_TYPE_ARRAY:
  case GW_TYPE_MULTISET:
    g_string_append (s, t->root == GW_TYPE_ARRAY ? "ARRAY<" : "MULTISET<");
    append_type (t->element, serializable, s);
    g_string_append_c (s, '>');
    break;
  case GW_TYPE_MAP:
    g_string_append (s, "MAP<");
    append_type (t->element, serializable, s);
    g_string_append (s, ", ");
    append_type (t->value, serializable, s);
    g_string_append_c (s, '>');
    break;
  case GW_TYPE_ROW:
    g_string_append (s, "ROW<");
    for (guint i = 0; i < t->n_fields; i++) {
      if (i > 0)
        g_string_append (s, ", ");
      /* Flink's escapeIdentifier(): backticks, inner ones doubled */
      g_string_append_c (s, '`');
      for (const char *c = t->field_names[i]; *c != '\0'; c++) {
        if (*c == '`')
          g_string_append_c (s, '`');
        g_string_append_c (s, *c);
      }
      g_string_append (s, "` ");
      append_type (t->field_types[i], serializable, s);
    }
    g_string_append_c (s, '>');
    break;
  default:
    g_string_append (s, gw_type_root_name (t->root));
  }
  if (!t->nullable && t->root != GW_TYPE_NULL)
    g_string_append (s, " NOT NULL");
}

gchar *
gw_logical_type_to_string (const GwLogicalType *type)
{
  GString *s = g_string_new (NULL);
  append_type (type, FALSE, s);
  return g_string_free (s, FALSE);
}

gchar *
gw_logical_type_to_serializable_string (const GwLogicalType *type)
{
  GString *s = g_string_new (NULL);
  append_type (type, TRUE, s);
  return g_string_free (s, FALSE);
}
