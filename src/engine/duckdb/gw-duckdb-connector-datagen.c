/* The datagen connector on DuckDB: `SELECT <one expression per field> FROM range(n)`, random
 * values from random(), sequences from the range index. 'rows-per-second' and 'scan.parallelism'
 * are accepted and ignored: DuckDB is a batch engine and produces the rows as fast as it can.
 * Without 'number-of-rows' (and without a bounded sequence field) Flink's source never ends;
 * here it is a range of 2^63-1 rows: a query over it runs until it is cancelled or a LIMIT
 * stops it. Strings are random hex characters, as Flink's. MAP and MULTISET values have one
 * entry (random keys could collide, which DuckDB's MAP refuses). */
#include "gw-duckdb-connector-private.h"
#include "gw-duckdb-flink.h"
#include "gw-duckdb-type-sql.h"
#include "gw-error.h"

#include <math.h>
#include <string.h>

#define DEFAULT_STRING_LENGTH     100
#define DEFAULT_COLLECTION_LENGTH 3
#define INDEX_COLUMN              "\"__datagen_index\""

static const char *const table_keys[] = {
  "connector", "number-of-rows", "rows-per-second", "scan.parallelism", NULL,
};
static const char *const field_keys[] = {
  "kind", "min", "max", "max-past", "length", "var-len", "start", "end", "null-rate", NULL,
};

static const char *
field_option (const GwFlinkCreateTable *table, const char *field, const char *option)
{
  g_autofree gchar *key = g_strdup_printf ("fields.%s.%s", field, option);
  return gw_flink_options_lookup (&table->options, key);
}

static gboolean
is_integer_root (GwTypeRoot root)
{
  return root == GW_TYPE_TINYINT || root == GW_TYPE_SMALLINT || root == GW_TYPE_INTEGER ||
         root == GW_TYPE_BIGINT;
}

static gboolean
is_numeric_root (GwTypeRoot root)
{
  return is_integer_root (root) || root == GW_TYPE_FLOAT || root == GW_TYPE_DOUBLE ||
         root == GW_TYPE_DECIMAL;
}

static gboolean
is_string_root (GwTypeRoot root)
{
  return root == GW_TYPE_CHAR || root == GW_TYPE_VARCHAR;
}

static void
set_unsupported_type (GError **error, const GwLogicalType *type)
{
  g_autofree gchar *text = gw_logical_type_to_string (type);
  g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, "Unsupported type: %s", text);
}

static gboolean
is_sequence (const GwFlinkCreateTable *table, const char *field, GError **error)
{
  const char *kind = field_option (table, field, "kind");
  if (kind == NULL || strcmp (kind, "random") == 0)
    return FALSE;
  if (strcmp (kind, "sequence") == 0)
    return TRUE;
  g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
               "Unsupported generator kind '%s' for field '%s'. Supported kinds are: random, "
               "sequence.", kind, field);
  return FALSE;
}

/* start and end of a sequence field. */
static gboolean
sequence_bounds (const GwFlinkCreateTable *table, const char *field, gint64 *start, gint64 *end,
                 GError **error)
{
  static const char *const names[] = { "start", "end" };
  gint64 *out[] = { start, end };
  for (int i = 0; i < 2; i++) {
    g_autofree gchar *key = g_strdup_printf ("fields.%s.%s", field, names[i]);
    const char *value = gw_flink_options_lookup (&table->options, key);
    if (value == NULL) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Could not find required property '%s' for sequence generator.", key);
      return FALSE;
    }
    if (!gw_connector_parse_int64 (key, value, out[i], error))
      return FALSE;
  }
  if (*start > *end) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "The start of the sequence of field '%s' (%" G_GINT64_FORMAT ") is greater than "
                 "its end (%" G_GINT64_FORMAT ").", field, *start, *end);
    return FALSE;
  }
  return TRUE;
}

/* Checks the value of every option given for field of type. */
static gboolean
validate_field (const GwFlinkCreateTable *table, const char *field, const GwLogicalType *type,
                GError **error)
{
  GwTypeRoot root = gw_logical_type_get_root (type);
  g_autoptr (GError) kind_error = NULL;
  gboolean sequence = is_sequence (table, field, &kind_error);
  if (kind_error != NULL) {
    g_propagate_error (error, g_steal_pointer (&kind_error));
    return FALSE;
  }
  if (sequence) {
    gint64 start, end;
    if (!is_numeric_root (root) && !is_string_root (root)) {
      set_unsupported_type (error, type);
      return FALSE;
    }
    return sequence_bounds (table, field, &start, &end, error);
  }
  if (root == GW_TYPE_NULL || root == GW_TYPE_TIMESTAMP_WITH_TIME_ZONE ||
      root == GW_TYPE_INTERVAL_YEAR_MONTH || root == GW_TYPE_INTERVAL_DAY_TIME) {
    set_unsupported_type (error, type);
    return FALSE;
  }
  for (guint i = 0; field_keys[i] != NULL; i++) {
    g_autofree gchar *key = g_strdup_printf ("fields.%s.%s", field, field_keys[i]);
    const char *value = gw_flink_options_lookup (&table->options, key);
    gint64 n;
    double d;
    gboolean b;
    if (value == NULL || strcmp (field_keys[i], "kind") == 0)
      continue;
    if (strcmp (field_keys[i], "min") == 0 || strcmp (field_keys[i], "max") == 0 ||
        strcmp (field_keys[i], "null-rate") == 0) {
      if (!gw_connector_parse_double (key, value, &d, error))
        return FALSE;
    } else if (strcmp (field_keys[i], "length") == 0) {
      if (!gw_connector_parse_int64 (key, value, &n, error))
        return FALSE;
      if (n < 0 || n > 1000000) {
        g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                     "Option '%s' must be between 0 and 1000000, but was: %s", key, value);
        return FALSE;
      }
    } else if (strcmp (field_keys[i], "var-len") == 0) {
      if (!gw_connector_parse_bool (key, value, &b, error))
        return FALSE;
    } else if (strcmp (field_keys[i], "max-past") == 0) {
      if (!gw_connector_parse_duration (key, value, &n, error))
        return FALSE;
    }
  }
  return TRUE;
}

gboolean
gw_connector_datagen_validate (const GwFlinkCreateTable *table, const GwConnectorColumns *columns,
                               GError **error)
{
  g_autoptr (GPtrArray) unsupported = g_ptr_array_new ();
  for (guint i = 0; table->options.keys != NULL && table->options.keys[i] != NULL; i++) {
    const char *key = table->options.keys[i];
    gboolean known = g_strv_contains (table_keys, key);
    if (!known && g_str_has_prefix (key, "fields.")) {
      /* fields.<name>.<option>; the name may itself contain dots. */
      const char *dot = strrchr (key, '.');
      if (dot > key + strlen ("fields.")) {
        g_autofree gchar *field = g_strndup (key + strlen ("fields."),
                                             dot - key - strlen ("fields."));
        known = g_strv_contains (field_keys, dot + 1) &&
                gw_connector_columns_find (columns, field) >= 0;
      }
    }
    if (!known)
      g_ptr_array_add (unsupported, (gpointer) key);
  }
  if (unsupported->len > 0) {
    g_autoptr (GPtrArray) supported = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; table_keys[i] != NULL; i++)
      g_ptr_array_add (supported, g_strdup (table_keys[i]));
    for (guint c = 0; c < columns->names->len; c++) {
      for (guint i = 0; field_keys[i] != NULL; i++)
        g_ptr_array_add (supported, g_strdup_printf ("fields.%s.%s",
                                                     (const char *) columns->names->pdata[c],
                                                     field_keys[i]));
    }
    gw_connector_set_unsupported_error (error, "datagen", unsupported, supported);
    return FALSE;
  }
  const char *rows = gw_flink_options_lookup (&table->options, "number-of-rows");
  const char *rate = gw_flink_options_lookup (&table->options, "rows-per-second");
  gint64 n;
  if (rows != NULL && !gw_connector_parse_int64 ("number-of-rows", rows, &n, error))
    return FALSE;
  if (rows != NULL && n < 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Option 'number-of-rows' must not be negative, but was: %s", rows);
    return FALSE;
  }
  if (rate != NULL && !gw_connector_parse_int64 ("rows-per-second", rate, &n, error))
    return FALSE;
  for (guint c = 0; c < columns->names->len; c++) {
    if (!validate_field (table, columns->names->pdata[c], columns->types->pdata[c], error))
      return FALSE;
  }
  return TRUE;
}

/* ---- expressions ---- */

static void
append_double (GString *sql, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_printf (sql, "CAST(%s AS DOUBLE)",
                          g_ascii_formatd (buffer, sizeof buffer, "%.17g", value));
}

/* Option value as a double, or fallback. Validated before. */
static double
option_double (const GwFlinkCreateTable *table, const char *field, const char *option,
               double fallback)
{
  const char *value = field != NULL ? field_option (table, field, option) : NULL;
  return value != NULL ? g_ascii_strtod (value, NULL) : fallback;
}

static gint64
option_int (const GwFlinkCreateTable *table, const char *field, const char *option,
            gint64 fallback)
{
  const char *value = field != NULL ? field_option (table, field, option) : NULL;
  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : fallback;
}

/* L random hex characters (or 1..L with var_len). */
static void
append_hex (GString *sql, gint64 length, gboolean var_len)
{
  gint64 calls = MAX (1, (length + 31) / 32);
  gint64 repeat = 1;
  if (calls > 32) {
    repeat = (calls + 31) / 32;
    calls = 32;
  }
  g_string_append (sql, "substr(");
  if (repeat > 1)
    g_string_append (sql, "repeat(");
  g_string_append (sql, "concat(");
  for (gint64 i = 0; i < calls; i++)
    g_string_append_printf (sql, "%smd5(CAST(random() AS VARCHAR))", i > 0 ? ", " : "");
  g_string_append_c (sql, ')');
  if (repeat > 1)
    g_string_append_printf (sql, ", %" G_GINT64_FORMAT ")", repeat);
  if (var_len)
    g_string_append_printf (sql, ", 1, CAST(1 + floor(random() * %" G_GINT64_FORMAT ") AS BIGINT))",
                            length);
  else
    g_string_append_printf (sql, ", 1, %" G_GINT64_FORMAT ")", length);
}

static void append_random (GString *sql, const GwFlinkCreateTable *table, const char *field,
                           const GwLogicalType *type, guint depth);

static void
append_integer (GString *sql, const GwFlinkCreateTable *table, const char *field, GwTypeRoot root)
{
  gint64 low, high;
  switch (root) {
  case GW_TYPE_TINYINT: low = G_MININT8; high = G_MAXINT8; break;
  case GW_TYPE_SMALLINT: low = G_MININT16; high = G_MAXINT16; break;
  case GW_TYPE_INTEGER: low = G_MININT32; high = G_MAXINT32; break;
  default: low = G_MININT64; high = G_MAXINT64; break;
  }
  double min = option_double (table, field, "min", (double) low);
  double max = option_double (table, field, "max", (double) high);
  gint64 lo = min <= (double) low ? low : (gint64) ceil (min);
  gint64 hi = max >= (double) high ? high : (gint64) floor (max);
  if (hi < lo)
    hi = lo;
  /* HUGEINT arithmetic: the width of BIGINT's range does not fit in a BIGINT. */
  g_string_append_printf (sql,
                          "least(CAST(%" G_GINT64_FORMAT " AS HUGEINT) + CAST(floor(random() * "
                          "CAST(CAST(%" G_GINT64_FORMAT " AS HUGEINT) - CAST(%" G_GINT64_FORMAT
                          " AS HUGEINT) + 1 AS DOUBLE)) AS HUGEINT), CAST(%" G_GINT64_FORMAT
                          " AS HUGEINT))", lo, hi, lo, hi);
}

static void
append_random (GString *sql, const GwFlinkCreateTable *table, const char *field,
               const GwLogicalType *type, guint depth)
{
  GwTypeRoot root = gw_logical_type_get_root (type);
  g_autofree gchar *type_sql = gw_duckdb_type_sql (type);
  g_string_append (sql, "CAST(");
  switch (root) {
  case GW_TYPE_BOOLEAN:
    g_string_append (sql, "random() < 0.5");
    break;
  case GW_TYPE_TINYINT:
  case GW_TYPE_SMALLINT:
  case GW_TYPE_INTEGER:
  case GW_TYPE_BIGINT:
    append_integer (sql, table, field, root);
    break;
  case GW_TYPE_FLOAT:
  case GW_TYPE_DOUBLE: {
    double top = root == GW_TYPE_FLOAT ? 3.4028234663852886e38 : 1.7976931348623157e308;
    double min = option_double (table, field, "min", 0);
    double max = option_double (table, field, "max", top);
    append_double (sql, min);
    g_string_append (sql, " + random() * (");
    append_double (sql, max);
    g_string_append (sql, " - ");
    append_double (sql, min);
    g_string_append (sql, ")");
    break;
  }
  case GW_TYPE_DECIMAL: {
    int precision = gw_logical_type_get_precision (type);
    int scale = gw_logical_type_get_scale (type);
    double top = pow (10, precision - scale) - pow (10, -scale);
    double min = MAX (option_double (table, field, "min", 0), -top);
    double max = MIN (option_double (table, field, "max", top), top);
    g_string_append (sql, "round(");
    append_double (sql, min);
    g_string_append (sql, " + random() * (");
    append_double (sql, max);
    g_string_append (sql, " - ");
    append_double (sql, min);
    g_string_append_printf (sql, "), %d)", scale);
    break;
  }
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR: {
    gint64 length = option_int (table, field, "length", DEFAULT_STRING_LENGTH);
    gint32 bound = gw_logical_type_get_length (type);
    if (bound > 0 && bound < length)
      length = bound;
    const char *var_len = field != NULL ? field_option (table, field, "var-len") : NULL;
    append_hex (sql, length, var_len != NULL && g_ascii_strcasecmp (var_len, "true") == 0);
    break;
  }
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY: {
    gint64 length = option_int (table, field, "length", DEFAULT_STRING_LENGTH);
    gint32 bound = gw_logical_type_get_length (type);
    if (bound > 0 && bound < length)
      length = bound;
    const char *var_len = field != NULL ? field_option (table, field, "var-len") : NULL;
    g_string_append (sql, "unhex(");
    if (var_len != NULL && g_ascii_strcasecmp (var_len, "true") == 0) {
      g_string_append (sql, "substr(");
      append_hex (sql, 2 * length, FALSE);
      g_string_append_printf (sql, ", 1, 2 * CAST(1 + floor(random() * %" G_GINT64_FORMAT
                              ") AS BIGINT))", length);
    } else {
      append_hex (sql, 2 * length, FALSE);
    }
    g_string_append (sql, ")");
    break;
  }
  case GW_TYPE_DATE:
    g_string_append (sql, "current_date");
    break;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
    g_string_append (sql, "current_localtime()");
    break;
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
    const char *value = field != NULL ? field_option (table, field, "max-past") : NULL;
    gint64 max_past = 0;
    if (value != NULL)
      gw_connector_parse_duration ("max-past", value, &max_past, NULL);
    g_string_append (sql, root == GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE ? "current_localtimestamp()"
                                                                      : "now()");
    if (max_past > 0)
      g_string_append_printf (sql, " - to_milliseconds(CAST(floor(random() * %" G_GINT64_FORMAT
                              ") AS BIGINT))", max_past);
    break;
  }
  case GW_TYPE_ARRAY: {
    gint64 length = option_int (table, field, "length", DEFAULT_COLLECTION_LENGTH);
    g_string_append_printf (sql, "list_transform(range(%" G_GINT64_FORMAT "), \"__x%u\" -> ",
                            length, depth);
    append_random (sql, table, NULL, gw_logical_type_get_element (type), depth + 1);
    g_string_append (sql, ")");
    break;
  }
  case GW_TYPE_MULTISET:
    g_string_append (sql, "map([");
    append_random (sql, table, NULL, gw_logical_type_get_element (type), depth + 1);
    g_string_append (sql, "], [1])");
    break;
  case GW_TYPE_MAP:
    g_string_append (sql, "map([");
    append_random (sql, table, NULL, gw_logical_type_get_key (type), depth + 1);
    g_string_append (sql, "], [");
    append_random (sql, table, NULL, gw_logical_type_get_value (type), depth + 1);
    g_string_append (sql, "])");
    break;
  case GW_TYPE_ROW: {
    g_string_append (sql, "struct_pack(");
    for (guint i = 0; i < gw_logical_type_get_n_fields (type); i++) {
      const char *field_name = gw_logical_type_get_field_name (type, i);
      g_autofree gchar *name = gw_duckdb_quote_identifier (field_name);
      g_string_append_printf (sql, "%s%s := ", i > 0 ? ", " : "", name);
      append_random (sql, table, NULL, gw_logical_type_get_field_type (type, i), depth + 1);
    }
    g_string_append (sql, ")");
    break;
  }
  default:
    g_string_append (sql, "NULL");
    break;
  }
  g_string_append_printf (sql, " AS %s)", type_sql);
}

gchar *
gw_connector_datagen_source_sql (const GwFlinkCreateTable *table,
                                 const GwConnectorColumns *columns, GError **error)
{
  if (!gw_connector_datagen_validate (table, columns, error))
    return NULL;

  const char *rows_text = gw_flink_options_lookup (&table->options, "number-of-rows");
  gint64 rows = rows_text != NULL ? g_ascii_strtoll (rows_text, NULL, 10) : G_MAXINT64;
  GString *sql = g_string_new ("SELECT ");
  for (guint c = 0; c < columns->names->len; c++) {
    const char *field = columns->names->pdata[c];
    const GwLogicalType *type = columns->types->pdata[c];
    g_autofree gchar *name = gw_duckdb_quote_identifier (field);
    if (c > 0)
      g_string_append (sql, ", ");
    if (is_sequence (table, field, NULL)) {
      /* The source ends with its shortest sequence (Flink: when any generator is exhausted). */
      gint64 start = 0, end = 0;
      sequence_bounds (table, field, &start, &end, NULL);
      rows = MIN (rows, (end - start == G_MAXINT64) ? G_MAXINT64 : end - start + 1);
      g_autofree gchar *type_sql = gw_duckdb_type_sql (type);
      g_string_append_printf (sql, "CAST(CAST(%" G_GINT64_FORMAT " AS HUGEINT) + " INDEX_COLUMN
                              " AS %s) AS %s", start, type_sql, name);
      continue;
    }
    double null_rate = option_double (table, field, "null-rate", 0);
    if (null_rate > 0) {
      g_string_append (sql, "CASE WHEN random() < ");
      append_double (sql, null_rate);
      g_string_append (sql, " THEN NULL ELSE ");
    }
    append_random (sql, table, field, type, 0);
    if (null_rate > 0)
      g_string_append (sql, " END");
    g_string_append_printf (sql, " AS %s", name);
  }
  if (columns->names->len == 0)
    g_string_append (sql, "NULL AS \"EXPR$0\"");
  g_string_append_printf (sql, " FROM range(%" G_GINT64_FORMAT ") AS \"__datagen\"(" INDEX_COLUMN
                          ")", rows);
  return g_string_free (sql, FALSE);
}
