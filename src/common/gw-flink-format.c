/* Parsed Flink statements back to text: names, Flink's SHOW CREATE TABLE / VIEW layout (which
 * gw_flink_statement_parse() reads back to the same tree), and backticks → engine quotes. */
#include "gw-flink-parser-private.h"
#include "gw-flink-type.h"

#include <string.h>

static gboolean
is_plain_identifier (const char *part)
{
  if (!g_ascii_isalpha (part[0]) && part[0] != '_')
    return FALSE;
  for (const char *c = part + 1; *c != '\0'; c++) {
    if (!g_ascii_isalnum (*c) && *c != '_')
      return FALSE;
  }
  return TRUE;
}

static void
append_quoted (GString *out, const char *text, char quote)
{
  g_string_append_c (out, quote);
  for (const char *c = text; *c != '\0'; c++) {
    if (*c == quote)
      g_string_append_c (out, quote);
    g_string_append_c (out, *c);
  }
  g_string_append_c (out, quote);
}

static void
append_identifier (GString *out, const char *name)
{
  append_quoted (out, name, '`');
}

static void
append_name (GString *out, const GwFlinkName *name, gboolean always_quote)
{
  for (guint i = 0; i < name->n_parts; i++) {
    if (i > 0)
      g_string_append_c (out, '.');
    if (always_quote || !is_plain_identifier (name->parts[i]))
      append_identifier (out, name->parts[i]);
    else
      g_string_append (out, name->parts[i]);
  }
}

gchar *
gw_flink_name_to_string (const GwFlinkName *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  GString *out = g_string_new (NULL);
  append_name (out, name, FALSE);
  return g_string_free (out, FALSE);
}

static void
append_identifier_list (GString *out, const GStrv names)
{
  g_string_append_c (out, '(');
  for (guint i = 0; names[i] != NULL; i++) {
    if (i > 0)
      g_string_append (out, ", ");
    append_identifier (out, names[i]);
  }
  g_string_append_c (out, ')');
}

static void
append_column (GString *out, const GwFlinkColumn *column)
{
  g_string_append (out, "  ");
  append_identifier (out, column->name);
  if (column->kind == GW_FLINK_COLUMN_COMPUTED) {
    g_string_append_printf (out, " AS %s", column->expression);
  } else {
    /* Types as Flink's SHOW CREATE TABLE prints them (asSerializableString: no STRING or
     * TIMESTAMP_LTZ shorthands); text that is not a Flink type is kept as written. */
    g_autoptr (GwLogicalType) type = gw_flink_type_parse (column->type, NULL);
    g_autofree gchar *text = type ? gw_logical_type_to_serializable_string (type) : NULL;
    g_string_append_printf (out, " %s", text ? text : column->type);
    if (column->kind == GW_FLINK_COLUMN_METADATA) {
      g_string_append (out, " METADATA");
      if (column->expression != NULL) {
        g_string_append (out, " FROM ");
        append_quoted (out, column->expression, '\'');
      }
      if (column->is_virtual)
        g_string_append (out, " VIRTUAL");
    }
  }
  if (column->comment != NULL) {
    g_string_append (out, " COMMENT ");
    append_quoted (out, column->comment, '\'');
  }
}

static int
compare_option_index (gconstpointer a, gconstpointer b, gpointer keys)
{
  return strcmp (((GStrv) keys)[*(const guint *) a], ((GStrv) keys)[*(const guint *) b]);
}

static void
append_options (GString *out, const GwFlinkOptions *options)
{
  guint n = options->keys != NULL ? g_strv_length (options->keys) : 0;
  if (n == 0)
    return;
  g_autofree guint *order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_option_index, options->keys);
  g_string_append (out, "\nWITH (\n");
  for (guint i = 0; i < n; i++) {
    g_string_append (out, "  ");
    append_quoted (out, options->keys[order[i]], '\'');
    g_string_append (out, " = ");
    append_quoted (out, options->values[order[i]], '\'');
    g_string_append (out, i + 1 < n ? ",\n" : "\n");
  }
  g_string_append_c (out, ')');
}

gchar *
gw_flink_create_table_to_sql (const GwFlinkCreateTable *table, const GwFlinkName *full_name)
{
  g_return_val_if_fail (table != NULL && full_name != NULL, NULL);
  GString *out = g_string_new (table->temporary ? "CREATE TEMPORARY TABLE " : "CREATE TABLE ");
  append_name (out, full_name, TRUE);

  /* Every element line but the last ends with a comma; collect them first. */
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GStrvBuilder) inline_key = g_strv_builder_new ();
  guint n_columns = table->columns != NULL ? table->columns->len : 0;
  for (guint i = 0; i < n_columns; i++) {
    const GwFlinkColumn *column = g_ptr_array_index (table->columns, i);
    GString *line = g_string_new (NULL);
    append_column (line, column);
    g_ptr_array_add (lines, g_string_free (line, FALSE));
    if (column->primary_key)
      g_strv_builder_add (inline_key, column->name);
  }
  if (table->watermark_column != NULL) {
    GString *line = g_string_new ("  WATERMARK FOR ");
    append_identifier (line, table->watermark_column);
    g_string_append_printf (line, " AS %s", table->watermark_expression);
    g_ptr_array_add (lines, g_string_free (line, FALSE));
  }
  g_auto (GStrv) inline_columns = g_strv_builder_end (inline_key);
  const GStrv key = table->primary_key != NULL ? table->primary_key : inline_columns;
  if (key[0] != NULL) {
    /* Flink names an unnamed key after its columns. */
    g_autofree gchar *joined = g_strjoinv ("_", key);
    g_autofree gchar *generated = g_strconcat ("PK_", joined, NULL);
    const char *name = table->constraint_name != NULL ? table->constraint_name : generated;
    GString *line = g_string_new ("  CONSTRAINT ");
    append_identifier (line, name);
    g_string_append (line, " PRIMARY KEY ");
    append_identifier_list (line, key);
    g_string_append (line, " NOT ENFORCED");
    g_ptr_array_add (lines, g_string_free (line, FALSE));
  }
  if (lines->len > 0) {
    g_string_append (out, " (\n");
    for (guint i = 0; i < lines->len; i++) {
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append (out, i + 1 < lines->len ? ",\n" : "\n");
    }
    g_string_append_c (out, ')');
  }

  if (table->comment != NULL) {
    g_string_append (out, "\nCOMMENT ");
    append_quoted (out, table->comment, '\'');
  }
  if (table->partition_keys != NULL && table->partition_keys[0] != NULL) {
    g_string_append (out, "\nPARTITIONED BY ");
    append_identifier_list (out, table->partition_keys);
  }
  append_options (out, &table->options);
  return g_string_free (out, FALSE);
}

gchar *
gw_flink_create_view_to_sql (const GwFlinkCreateView *view, const GwFlinkName *full_name)
{
  g_return_val_if_fail (view != NULL && full_name != NULL, NULL);
  GString *out = g_string_new (view->temporary ? "CREATE TEMPORARY VIEW " : "CREATE VIEW ");
  append_name (out, full_name, TRUE);
  if (view->column_names != NULL && view->column_names[0] != NULL) {
    g_string_append_c (out, ' ');
    append_identifier_list (out, view->column_names);
  }
  if (view->comment != NULL) {
    g_string_append (out, "\nCOMMENT ");
    append_quoted (out, view->comment, '\'');
  }
  g_string_append_printf (out, "\nAS %s", view->query != NULL ? view->query : "");
  return g_string_free (out, FALSE);
}

/* The end of the run that starts at sql[i] == quote ('' or `` inside stand for one). */
static gsize
quoted_end (const char *sql, gsize i, char quote)
{
  for (i++; sql[i] != '\0'; i++) {
    if (sql[i] == quote) {
      if (sql[i + 1] != quote)
        return i + 1;
      i++;
    }
  }
  return i;
}

gchar *
gw_flink_sql_to_engine (const char *sql)
{
  g_return_val_if_fail (sql != NULL, NULL);
  GString *out = g_string_sized_new (strlen (sql));
  gsize i = 0;
  while (sql[i] != '\0') {
    gsize start = i;
    if (sql[i] == '`') {
      g_string_append_c (out, '"');
      for (i++; sql[i] != '\0'; i++) {
        if (sql[i] == '`' && sql[i + 1] != '`') {
          i++;
          break;
        }
        if (sql[i] == '`')
          i++; /* `` stands for one backtick */
        else if (sql[i] == '"')
          g_string_append_c (out, '"');
        g_string_append_c (out, sql[i]);
      }
      g_string_append_c (out, '"');
      continue;
    }
    if (sql[i] == '\'' || sql[i] == '"') {
      i = quoted_end (sql, i, sql[i]);
    } else if (sql[i] == '-' && sql[i + 1] == '-') {
      while (sql[i] != '\0' && sql[i] != '\n')
        i++;
    } else if (sql[i] == '/' && sql[i + 1] == '*') {
      const char *close = strstr (sql + i + 2, "*/");
      i = close != NULL ? (gsize) (close - sql) + 2 : strlen (sql);
    } else {
      i++;
    }
    g_string_append_len (out, sql + start, i - start);
  }
  return g_string_free (out, FALSE);
}
