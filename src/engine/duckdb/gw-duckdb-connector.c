/* Flink connectors on DuckDB: which connector a table has, the option checks every connector
 * shares (Flink's "Unsupported options found" text), print and blackhole, and the source SQL of
 * each. print and blackhole are sinks: their views fail when read, with Flink's message (DESCRIBE
 * still works). The filesystem connector is in
 * gw-duckdb-connector-filesystem.c, datagen in gw-duckdb-connector-datagen.c. */
#include "gw-duckdb-connector-private.h"
#include "gw-duckdb-flink.h"
#include "gw-duckdb-type-sql.h"
#include "gw-flink-type.h"
#include "gw-error.h"

#include <string.h>

static const char *const connector_names[] = { "blackhole", "datagen", "filesystem", "print" };

static const char *const print_keys[] = {
  "connector", "print-identifier", "standard-error", "sink.parallelism", NULL,
};
static const char *const blackhole_keys[] = { "connector", NULL };

/* ---- shared helpers ---- */

gboolean
gw_connector_columns_init (GwConnectorColumns *columns, const GwFlinkCreateTable *table,
                           GError **error)
{
  columns->names = g_ptr_array_new ();
  columns->types = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_logical_type_unref);
  for (guint i = 0; table->columns != NULL && i < table->columns->len; i++) {
    const GwFlinkColumn *column = table->columns->pdata[i];
    if (column->kind != GW_FLINK_COLUMN_PHYSICAL)
      continue;
    GwLogicalType *type = gw_flink_type_parse (column->type, error);
    if (type == NULL) {
      g_prefix_error (error, "Invalid data type of column `%s`: ", column->name);
      return FALSE;
    }
    g_ptr_array_add (columns->names, column->name);
    g_ptr_array_add (columns->types, type);
  }
  return TRUE;
}

void
gw_connector_columns_clear (GwConnectorColumns *columns)
{
  g_clear_pointer (&columns->names, g_ptr_array_unref);
  g_clear_pointer (&columns->types, g_ptr_array_unref);
}

int
gw_connector_columns_find (const GwConnectorColumns *columns, const char *name)
{
  for (guint i = 0; i < columns->names->len; i++) {
    if (strcmp (columns->names->pdata[i], name) == 0)
      return (int) i;
  }
  return -1;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

void
gw_connector_set_unsupported_error (GError **error, const char *identifier,
                                    GPtrArray *unsupported, GPtrArray *supported)
{
  g_ptr_array_sort (unsupported, compare_strings);
  g_ptr_array_sort (supported, compare_strings);
  GString *text = g_string_new (NULL);
  g_string_append_printf (text, "Unsupported options found for '%s'.\n\nUnsupported options:\n\n",
                          identifier);
  for (guint i = 0; i < unsupported->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (const char *) unsupported->pdata[i]);
  g_string_append (text, "\n\nSupported options:\n\n");
  for (guint i = 0; i < supported->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (const char *) supported->pdata[i]);
  g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION, text->str);
  g_string_free (text, TRUE);
}

static void
set_parse_error (GError **error, const char *key, const char *value)
{
  g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, "Could not parse value '%s' for key '%s'.",
               value, key);
}

gboolean
gw_connector_parse_bool (const char *key, const char *value, gboolean *out, GError **error)
{
  g_autofree gchar *trimmed = g_strstrip (g_strdup (value));
  if (g_ascii_strcasecmp (trimmed, "true") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (trimmed, "false") == 0)
    *out = FALSE;
  else {
    set_parse_error (error, key, value);
    return FALSE;
  }
  return TRUE;
}

gboolean
gw_connector_parse_int64 (const char *key, const char *value, gint64 *out, GError **error)
{
  g_autofree gchar *trimmed = g_strstrip (g_strdup (value));
  if (!g_ascii_string_to_signed (trimmed, 10, G_MININT64, G_MAXINT64, out, NULL)) {
    set_parse_error (error, key, value);
    return FALSE;
  }
  return TRUE;
}

gboolean
gw_connector_parse_double (const char *key, const char *value, double *out, GError **error)
{
  g_autofree gchar *trimmed = g_strstrip (g_strdup (value));
  char *end = NULL;
  *out = g_ascii_strtod (trimmed, &end);
  if (*trimmed == '\0' || end == NULL || *end != '\0') {
    set_parse_error (error, key, value);
    return FALSE;
  }
  return TRUE;
}

gboolean
gw_connector_parse_duration (const char *key, const char *value, gint64 *out_ms, GError **error)
{
  static const struct { const char *unit; gint64 ms; } units[] = {
    { "ms", 1 }, { "milli", 1 }, { "millis", 1 }, { "millisecond", 1 }, { "milliseconds", 1 },
    { "s", 1000 }, { "sec", 1000 }, { "secs", 1000 }, { "second", 1000 }, { "seconds", 1000 },
    { "min", 60000 }, { "mins", 60000 }, { "minute", 60000 }, { "minutes", 60000 }, { "m", 60000 },
    { "h", 3600000 }, { "hour", 3600000 }, { "hours", 3600000 },
    { "d", 86400000 }, { "day", 86400000 }, { "days", 86400000 },
  };
  g_autofree gchar *trimmed = g_strstrip (g_strdup (value));
  const char *p = trimmed;
  while (g_ascii_isdigit (*p))
    p++;
  g_autofree gchar *digits = g_strndup (trimmed, p - trimmed);
  while (g_ascii_isspace (*p))
    p++;
  guint64 number = 0;
  if (*digits == '\0' || !g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT64 / 86400000,
                                                      &number, NULL)) {
    set_parse_error (error, key, value);
    return FALSE;
  }
  if (*p == '\0') {
    *out_ms = (gint64) number;
    return TRUE;
  }
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++) {
    if (g_ascii_strcasecmp (p, units[i].unit) == 0) {
      *out_ms = (gint64) number * units[i].ms;
      return TRUE;
    }
  }
  set_parse_error (error, key, value);
  return FALSE;
}

gchar *
gw_connector_empty_select (const GwConnectorColumns *columns)
{
  GString *sql = g_string_new ("SELECT ");
  for (guint i = 0; i < columns->names->len; i++) {
    g_autofree gchar *type = gw_duckdb_type_sql (columns->types->pdata[i]);
    g_autofree gchar *name = gw_duckdb_quote_identifier (columns->names->pdata[i]);
    g_string_append_printf (sql, "%sCAST(NULL AS %s) AS %s", i > 0 ? ", " : "", type, name);
  }
  if (columns->names->len == 0)
    g_string_append (sql, "NULL AS \"EXPR$0\"");
  g_string_append (sql, " WHERE false");
  return g_string_free (sql, FALSE);
}

/* ---- kinds and option checks ---- */

GwConnectorKind
gw_duckdb_connector_kind (const GwFlinkOptions *options)
{
  const char *connector = options != NULL ? gw_flink_options_lookup (options, "connector") : NULL;
  if (connector == NULL)
    return GW_CONNECTOR_NONE;
  if (strcmp (connector, "filesystem") == 0)
    return GW_CONNECTOR_FILESYSTEM;
  if (strcmp (connector, "datagen") == 0)
    return GW_CONNECTOR_DATAGEN;
  if (strcmp (connector, "print") == 0)
    return GW_CONNECTOR_PRINT;
  if (strcmp (connector, "blackhole") == 0)
    return GW_CONNECTOR_BLACKHOLE;
  return GW_CONNECTOR_NONE;
}

static gboolean
in_list (const char *const *list, const char *key)
{
  for (guint i = 0; list[i] != NULL; i++) {
    if (strcmp (list[i], key) == 0)
      return TRUE;
  }
  return FALSE;
}

/* Every key of options must be in one of lists (or start with one of prefixes). */
gboolean
gw_connector_check_keys (const GwFlinkOptions *options, const char *identifier,
                         const char *const *const *lists, const char *const *prefixes,
                         GError **error)
{
  g_autoptr (GPtrArray) unsupported = g_ptr_array_new ();
  for (guint i = 0; options->keys != NULL && options->keys[i] != NULL; i++) {
    const char *key = options->keys[i];
    gboolean known = FALSE;
    for (guint l = 0; lists[l] != NULL && !known; l++)
      known = in_list (lists[l], key);
    for (guint p = 0; prefixes != NULL && prefixes[p] != NULL && !known; p++)
      known = g_str_has_prefix (key, prefixes[p]);
    if (!known)
      g_ptr_array_add (unsupported, (gpointer) key);
  }
  if (unsupported->len == 0)
    return TRUE;
  g_autoptr (GPtrArray) supported = g_ptr_array_new ();
  for (guint l = 0; lists[l] != NULL; l++) {
    for (guint i = 0; lists[l][i] != NULL; i++)
      g_ptr_array_add (supported, (gpointer) lists[l][i]);
  }
  gw_connector_set_unsupported_error (error, identifier, unsupported, supported);
  return FALSE;
}

gboolean
gw_connector_bool_option (const GwFlinkOptions *options, const char *key, gboolean *out,
                          GError **error)
{
  const char *value = gw_flink_options_lookup (options, key);
  *out = FALSE;
  return value == NULL || gw_connector_parse_bool (key, value, out, error);
}

gboolean
gw_duckdb_connector_validate (const GwFlinkCreateTable *table, GError **error)
{
  g_return_val_if_fail (table != NULL, FALSE);

  const char *connector = gw_flink_options_lookup (&table->options, "connector");
  if (connector == NULL)
    return TRUE;
  g_auto (GwConnectorColumns) columns = { 0 };
  if (!gw_connector_columns_init (&columns, table, error))
    return FALSE;
  switch (gw_duckdb_connector_kind (&table->options)) {
  case GW_CONNECTOR_FILESYSTEM:
    return gw_connector_filesystem_validate (table, &columns, error);
  case GW_CONNECTOR_DATAGEN:
    return gw_connector_datagen_validate (table, &columns, error);
  case GW_CONNECTOR_PRINT: {
    const char *const *lists[] = { print_keys, NULL };
    gboolean standard_error;
    gint64 parallelism;
    const char *value = gw_flink_options_lookup (&table->options, "sink.parallelism");
    return gw_connector_check_keys (&table->options, "print", lists, NULL, error) &&
           gw_connector_bool_option (&table->options, "standard-error", &standard_error, error) &&
           (value == NULL ||
            gw_connector_parse_int64 ("sink.parallelism", value, &parallelism, error));
  }
  case GW_CONNECTOR_BLACKHOLE: {
    const char *const *lists[] = { blackhole_keys, NULL };
    return gw_connector_check_keys (&table->options, "blackhole", lists, NULL, error);
  }
  case GW_CONNECTOR_NONE:
  default: {
    GString *text = g_string_new (NULL);
    g_string_append_printf (text, "Could not find any factory for identifier '%s' that implements "
                            "'org.apache.flink.table.factories.DynamicTableFactory' in the "
                            "classpath.\n\nAvailable factory identifiers are:\n\n", connector);
    for (gsize i = 0; i < G_N_ELEMENTS (connector_names); i++)
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", connector_names[i]);
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION, text->str);
    g_string_free (text, TRUE);
    return FALSE;
  }
  }
}

gchar *
gw_duckdb_connector_source_sql (const GwFlinkCreateTable *table, GError **error)
{
  g_return_val_if_fail (table != NULL, NULL);

  if (!gw_duckdb_connector_validate (table, error))
    return NULL;
  g_auto (GwConnectorColumns) columns = { 0 };
  if (!gw_connector_columns_init (&columns, table, error))
    return NULL;
  switch (gw_duckdb_connector_kind (&table->options)) {
  case GW_CONNECTOR_FILESYSTEM:
    return gw_connector_filesystem_source_sql (table, &columns, error);
  case GW_CONNECTOR_DATAGEN:
    return gw_connector_datagen_source_sql (table, &columns, error);
  case GW_CONNECTOR_PRINT:
  case GW_CONNECTOR_BLACKHOLE:
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Connector '%s' can only be used as a sink. It cannot be used as a source.",
                 gw_flink_options_lookup (&table->options, "connector"));
    return NULL;
  case GW_CONNECTOR_NONE:
  default:
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         "Table options do not contain an option key 'connector' for discovering "
                         "a connector.");
    return NULL;
  }
}

gchar *
gw_duckdb_connector_failing_sql (const GwFlinkCreateTable *table, const char *message,
                                 GError **error)
{
  g_return_val_if_fail (table != NULL && message != NULL, NULL);

  g_auto (GwConnectorColumns) columns = { 0 };
  if (!gw_connector_columns_init (&columns, table, error))
    return NULL;
  g_autofree gchar *empty = gw_connector_empty_select (&columns);
  g_autofree gchar *text = g_strconcat (GW_DUCKDB_VALIDATION_MARK, message, NULL);
  g_autofree gchar *literal = gw_duckdb_quote_literal (text);
  /* The typed columns describe the view; reading it evaluates error() on the one inner row. */
  gsize length = strlen (empty) - strlen (" WHERE false");
  return g_strdup_printf ("%.*s FROM (SELECT error(%s) AS \"failure\") AS \"__failed\" "
                          "WHERE \"failure\" IS NULL", (int) length, empty, literal);
}
