/* Shared helpers of the REST row encoder tests: see gw-rest-row-format-support.h. */
#include "gw-rest-row-format-support.h"

#include <string.h>

GwLogicalType *
type_new (GwTypeRoot root)
{
  return gw_logical_type_new (root, TRUE);
}

GwLogicalType *
string_type (void)
{
  return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
}

GwLogicalType *
map_type (GwLogicalType *key, GwLogicalType *value)
{
  return gw_logical_type_new_map (TRUE, key, value);
}

GwLogicalType *
array_type (GwLogicalType *element)
{
  return gw_logical_type_new_collection (GW_TYPE_ARRAY, TRUE, element);
}

/* A batch with one column per type (named c0, c1, ...); takes the types; NULL-terminated. */
GwBatch *
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

void
append_str (GwColumn *column, const char *text)
{
  if (text == NULL)
    gw_column_append_null (column);
  else
    gw_column_append_bytes (column, text, strlen (text));
}

void
append_int (GwColumn *column, gint64 value)
{
  gw_column_append_int64 (column, value);
}

gchar *
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
void
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

void
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

void
add_per_format (const char *name, GTestDataFunc func)
{
  g_autofree gchar *json = g_strconcat ("/rest/row-format/json/", name, NULL);
  g_autofree gchar *text = g_strconcat ("/rest/row-format/plain-text/", name, NULL);
  g_test_add_data_func (json, GINT_TO_POINTER (JSON), func);
  g_test_add_data_func (text, GINT_TO_POINTER (TEXT), func);
}
