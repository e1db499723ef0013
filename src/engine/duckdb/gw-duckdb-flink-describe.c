/* One table or view on DuckDB through Flink's eyes: DESCRIBE / SHOW COLUMNS (Flink's
 * ShowColumnsOperation rows) and SHOW CREATE TABLE / VIEW (Flink's ShowCreateUtil text, via
 * gw_flink_create_*_to_sql). */
#include "gw-duckdb-flink-show-private.h"
#include "gw-duckdb-types.h"
#include "gw-error.h"
#include "gw-flink-type.h"

#include <string.h>

#define COLUMNS_QUERY                                                                          \
  "SELECT column_name, column_index, is_nullable, comment FROM duckdb_columns()"               \
  " WHERE database_name = $1 AND schema_name = $2 AND table_name = $3 ORDER BY column_index"

#define PRIMARY_KEY_QUERY                                                                      \
  "SELECT unnest (constraint_column_names) FROM duckdb_constraints()"                          \
  " WHERE constraint_type = 'PRIMARY KEY' AND database_name = $1 AND schema_name = $2"         \
  " AND table_name = $3"

/* ---- columns ---- */

/* One column as DESCRIBE shows it. */
typedef struct {
  gchar   *name;
  gchar   *type;      /* Flink's summary string of the nullable type, plus *ROWTIME* etc. */
  gboolean nullable;
  gchar   *key;       /* PRI(a, b) or NULL */
  gchar   *extras;    /* AS expr / METADATA ... or NULL */
  gchar   *watermark;
  gchar   *comment;
} ColumnRow;

static void
column_row_free (gpointer data)
{
  ColumnRow *row = data;
  g_free (row->name);
  g_free (row->type);
  g_free (row->key);
  g_free (row->extras);
  g_free (row->watermark);
  g_free (row->comment);
  g_free (row);
}

/* Flink prints a column's type as logicalType.copy(true).asSummaryString(): nullability goes to
 * the `null` column, so a trailing NOT NULL is dropped. */
static gchar *
summary_without_not_null (const GwLogicalType *type)
{
  gchar *text = gw_logical_type_to_string (type);
  if (!gw_logical_type_is_nullable (type) && g_str_has_suffix (text, " NOT NULL"))
    text[strlen (text) - strlen (" NOT NULL")] = '\0';
  return text;
}

/* The types of the columns of a prepared query (GwLogicalType*, owned), NULL when it does not
 * prepare; *message gets DuckDB's error then. */
static GPtrArray *
prepared_types (GwDuckdbConnection *conn, const char *sql, gchar **message)
{
  duckdb_prepared_statement prepared = NULL;
  GPtrArray *types = NULL;
  if (duckdb_prepare (conn->connection, sql, &prepared) == DuckDBSuccess) {
    types = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_logical_type_unref);
    idx_t n = duckdb_prepared_statement_column_count (prepared);
    for (idx_t i = 0; i < n; i++) {
      duckdb_logical_type type = duckdb_prepared_statement_column_logical_type (prepared, i);
      g_autoptr (GwDuckdbConverter) converter = gw_duckdb_converter_new (type);
      duckdb_destroy_logical_type (&type);
      g_ptr_array_add (types, gw_logical_type_ref (gw_duckdb_converter_get_type (converter)));
    }
  } else if (message != NULL) {
    *message = g_strdup (duckdb_prepare_error (prepared));
  }
  duckdb_destroy_prepare (&prepared);
  return types;
}

/* The primary key columns DuckDB knows for the object (empty for views). */
static GStrv
native_primary_key (GwDuckdbConnection *conn, const GwDuckdbObject *object, GError **error)
{
  const char *params[] = { object->duckdb_catalog, object->duckdb_schema, object->duckdb_name };
  duckdb_result result;
  if (!gw_duckdb_show_select (conn, PRIMARY_KEY_QUERY, 3, params, &result, error))
    return NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (idx_t row = 0; row < duckdb_row_count (&result); row++) {
    g_autofree gchar *column = gw_duckdb_show_text (&result, 0, row);
    g_strv_builder_add (builder, column);
  }
  duckdb_destroy_result (&result);
  return g_strv_builder_end (builder);
}

static gchar *
primary_key_label (const char *const *columns)
{
  g_autofree gchar *list = g_strjoinv (", ", (gchar **) columns);
  return g_strdup_printf ("PRI(%s)", list);
}

/* The rows of an object without Flink metadata (and of every view): names, nullability and
 * comments from duckdb_columns(), types from preparing SELECT * (mapped exactly as query results
 * are), the key from duckdb_constraints(). */
static GPtrArray *
native_rows (GwDuckdbConnection *conn, const GwDuckdbObject *object, GStrv *primary_key,
             GError **error)
{
  g_autofree gchar *object_sql = gw_duckdb_object_sql (object);
  g_autofree gchar *select = g_strdup_printf ("SELECT * FROM %s", object_sql);
  g_autofree gchar *message = NULL;
  g_autoptr (GPtrArray) types = prepared_types (conn, select, &message);
  if (types == NULL) {
    /* A view whose tables went away: Flink cannot resolve it either. */
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", message ? message : "DuckDB failed");
    return NULL;
  }
  g_auto (GStrv) key = native_primary_key (conn, object, error);
  if (key == NULL)
    return NULL;
  g_autofree gchar *key_label = key[0] != NULL ? primary_key_label ((const char *const *) key)
                                               : NULL;

  const char *params[] = { object->duckdb_catalog, object->duckdb_schema, object->duckdb_name };
  duckdb_result result;
  if (!gw_duckdb_show_select (conn, COLUMNS_QUERY, 3, params, &result, error))
    return NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (column_row_free);
  for (idx_t i = 0; i < duckdb_row_count (&result); i++) {
    ColumnRow *row = g_new0 (ColumnRow, 1);
    row->name = gw_duckdb_show_text (&result, 0, i);
    idx_t index = (idx_t) duckdb_value_int64 (&result, 1, i) - 1;
    row->type = index < types->len ? summary_without_not_null (types->pdata[index])
                                   : g_strdup ("STRING");
    gboolean in_key = g_strv_contains ((const char *const *) key, row->name);
    row->nullable = duckdb_value_boolean (&result, 2, i) && !in_key;
    row->key = in_key ? g_strdup (key_label) : NULL;
    row->comment = gw_duckdb_show_text (&result, 3, i);
    g_ptr_array_add (rows, row);
  }
  duckdb_destroy_result (&result);
  if (primary_key != NULL)
    *primary_key = g_steal_pointer (&key);
  return rows;
}

/* A declared Flink type as DESCRIBE shows it. */
static void
declared_type (const char *text, gchar **type, gboolean *nullable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GwLogicalType) parsed = gw_flink_type_parse (text, &error);
  if (parsed != NULL) {
    *nullable = gw_logical_type_is_nullable (parsed);
    *type = summary_without_not_null (parsed);
    return;
  }
  /* The DDL was accepted with this type, so show it as written rather than fail. */
  g_autofree gchar *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  *nullable = !(len > 8 && g_ascii_strcasecmp (copy + len - 8, "NOT NULL") == 0);
  if (!*nullable)
    copy[len - 8] = '\0';
  *type = g_strdup (g_strchomp (copy));
}

static gboolean
is_proctime (const char *expression)
{
  g_autoptr (GString) compact = g_string_new (NULL);
  for (const char *p = expression; *p; p++) {
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, g_ascii_toupper (*p));
  }
  return strcmp (compact->str, "PROCTIME()") == 0;
}

/* A computed column's type: Flink derives it from the expression; here DuckDB does, by preparing
 * the column (or, if the DuckDB object lacks it, the expression) over the object. DuckDB does
 * not derive nullability, so computed columns show as nullable; STRING when DuckDB cannot type
 * the expression either. PROCTIME() is Flink's processing-time attribute. */
static void
computed_type (GwDuckdbConnection *conn, const GwDuckdbObject *object,
               const GwFlinkColumn *column, gchar **type, gboolean *nullable)
{
  *nullable = TRUE;
  if (column->expression != NULL && is_proctime (column->expression)) {
    *type = g_strdup ("TIMESTAMP_LTZ(3) *PROCTIME*");
    *nullable = FALSE;
    return;
  }
  g_autofree gchar *object_sql = gw_duckdb_object_sql (object);
  if (object_sql != NULL) {
    g_autofree gchar *quoted = gw_duckdb_quote_identifier (column->name);
    g_autofree gchar *expression = column->expression != NULL
                                     ? gw_flink_sql_to_engine (column->expression) : NULL;
    const char *candidates[] = { quoted, expression };
    for (guint i = 0; i < G_N_ELEMENTS (candidates); i++) {
      if (candidates[i] == NULL)
        continue;
      g_autofree gchar *sql = g_strdup_printf ("SELECT %s FROM %s", candidates[i], object_sql);
      g_autoptr (GPtrArray) types = prepared_types (conn, sql, NULL);
      if (types != NULL && types->len == 1) {
        *type = summary_without_not_null (types->pdata[0]);
        return;
      }
    }
  }
  *type = g_strdup ("STRING");
}

/* Flink's MetadataColumn.explainExtras(). */
static gchar *
metadata_extras (const GwFlinkColumn *column)
{
  GString *s = g_string_new ("METADATA");
  if (column->expression != NULL) {
    g_autofree gchar *key = gw_duckdb_quote_literal (column->expression);
    g_string_append_printf (s, " FROM %s", key);
  }
  if (column->is_virtual)
    g_string_append (s, " VIRTUAL");
  return g_string_free (s, FALSE);
}

/* The primary key of a Flink CREATE TABLE: the table constraint, or the inline ones. */
static GStrv
declared_primary_key (const GwFlinkCreateTable *table)
{
  if (table->primary_key != NULL)
    return g_strdupv (table->primary_key);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (guint i = 0; i < table->columns->len; i++) {
    const GwFlinkColumn *column = table->columns->pdata[i];
    if (column->primary_key)
      g_strv_builder_add (builder, column->name);
  }
  return g_strv_builder_end (builder);
}

/* The rows of a table created through Flink DDL: the declared Flink types and clauses. */
static GPtrArray *
declared_rows (GwDuckdbConnection *conn, const GwDuckdbObject *object,
               const GwFlinkCreateTable *table)
{
  g_auto (GStrv) key = declared_primary_key (table);
  g_autofree gchar *key_label = key[0] != NULL ? primary_key_label ((const char *const *) key)
                                               : NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (column_row_free);
  for (guint i = 0; table->columns != NULL && i < table->columns->len; i++) {
    const GwFlinkColumn *column = table->columns->pdata[i];
    ColumnRow *row = g_new0 (ColumnRow, 1);
    row->name = g_strdup (column->name);
    switch (column->kind) {
    case GW_FLINK_COLUMN_COMPUTED:
      computed_type (conn, object, column, &row->type, &row->nullable);
      row->extras = g_strdup_printf ("AS %s", column->expression ? column->expression : "");
      break;
    case GW_FLINK_COLUMN_METADATA:
      declared_type (column->type ? column->type : "STRING", &row->type, &row->nullable);
      row->extras = metadata_extras (column);
      break;
    case GW_FLINK_COLUMN_PHYSICAL:
    default:
      declared_type (column->type ? column->type : "STRING", &row->type, &row->nullable);
      break;
    }
    /* Flink makes primary key columns NOT NULL. */
    if (g_strv_contains ((const char *const *) key, column->name)) {
      row->nullable = FALSE;
      row->key = g_strdup (key_label);
    }
    if (table->watermark_column != NULL && strcmp (table->watermark_column, column->name) == 0) {
      gchar *rowtime = g_strdup_printf ("%s *ROWTIME*", row->type);
      g_free (row->type);
      row->type = rowtime;
      row->watermark = g_strdup (table->watermark_expression);
    }
    row->comment = g_strdup (column->comment);
    g_ptr_array_add (rows, row);
  }
  return rows;
}

static void
append_text (GwColumn *column, const char *text)
{
  if (text == NULL)
    gw_column_append_null (column);
  else
    gw_column_append_bytes (column, text, strlen (text));
}

/* Flink's ShowColumnsOperation result: the `comment` column only when some column (filtered out
 * or not) has a comment. */
static GwEngineCursor *
describe_cursor (GPtrArray *rows, const GwFlinkLike *like)
{
  gboolean with_comment = FALSE;
  for (guint i = 0; i < rows->len; i++)
    with_comment |= ((ColumnRow *) rows->pdata[i])->comment != NULL;

  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "name", gw_duckdb_show_string_type (), NULL);
  gw_result_schema_add_column (schema, "type", gw_duckdb_show_string_type (), NULL);
  gw_result_schema_add_column (schema, "null", gw_logical_type_new (GW_TYPE_BOOLEAN, TRUE), NULL);
  gw_result_schema_add_column (schema, "key", gw_duckdb_show_string_type (), NULL);
  gw_result_schema_add_column (schema, "extras", gw_duckdb_show_string_type (), NULL);
  gw_result_schema_add_column (schema, "watermark", gw_duckdb_show_string_type (), NULL);
  if (with_comment)
    gw_result_schema_add_column (schema, "comment", gw_duckdb_show_string_type (), NULL);

  GwBatch *batch = gw_batch_new (schema, rows->len);
  for (guint i = 0; i < rows->len; i++) {
    const ColumnRow *row = rows->pdata[i];
    if (!gw_duckdb_show_like (like, row->name))
      continue;
    append_text (batch->columns[0], row->name);
    append_text (batch->columns[1], row->type);
    gw_column_append_bool (batch->columns[2], row->nullable);
    append_text (batch->columns[3], row->key);
    append_text (batch->columns[4], row->extras);
    append_text (batch->columns[5], row->watermark);
    if (with_comment)
      append_text (batch->columns[6], row->comment);
  }
  gw_batch_finish (batch);
  return gw_engine_cursor_new_rows (GW_STATEMENT_CONTENT, schema, batch);
}

GwEngineCursor *
gw_duckdb_flink_describe (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  g_auto (GwDuckdbObject) object = { 0 };
  gboolean found;
  if (!gw_duckdb_object_find (conn, &stmt->name, &object, &found, error))
    return NULL;
  gboolean declared = found && object.ddl != NULL && object.ddl->create_table != NULL;
  /* A view's columns come from DuckDB; a Flink view whose DuckDB view is gone has none. */
  if (!found || (!declared && object.duckdb_name == NULL)) {
    g_autofree gchar *identifier = gw_duckdb_path_flink (&object.path);
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Tables or views with the identifier '%s' doesn't exist.", identifier);
    return NULL;
  }
  g_autoptr (GPtrArray) rows = declared ? declared_rows (conn, &object, object.ddl->create_table)
                                        : native_rows (conn, &object, NULL, error);
  if (rows == NULL)
    return NULL;
  return describe_cursor (rows, stmt->kind == GW_FLINK_SHOW_COLUMNS ? &stmt->like : NULL);
}

/* ---- SHOW CREATE ---- */

/* The CREATE TABLE of a DuckDB table made without Flink DDL: its columns with Flink types, its
 * primary key and comment, no options. */
static GwFlinkStatement *
native_create_table (GwDuckdbConnection *conn, const GwDuckdbObject *object, GError **error)
{
  g_auto (GStrv) key = NULL;
  g_autoptr (GPtrArray) rows = native_rows (conn, object, &key, error);
  if (rows == NULL)
    return NULL;
  GwFlinkCreateTable *table = g_new0 (GwFlinkCreateTable, 1);
  table->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_flink_column_free);
  table->like_options = g_ptr_array_new ();
  for (guint i = 0; i < rows->len; i++) {
    const ColumnRow *row = rows->pdata[i];
    GwFlinkColumn *column = g_new0 (GwFlinkColumn, 1);
    column->name = g_strdup (row->name);
    column->kind = GW_FLINK_COLUMN_PHYSICAL;
    column->type = row->nullable ? g_strdup (row->type)
                                 : g_strdup_printf ("%s NOT NULL", row->type);
    column->comment = g_strdup (row->comment);
    g_ptr_array_add (table->columns, column);
  }
  if (key[0] != NULL)
    table->primary_key = g_steal_pointer (&key);
  table->comment = g_strdup (object->comment);
  GwFlinkStatement *stmt = g_new0 (GwFlinkStatement, 1);
  stmt->kind = GW_FLINK_CREATE_TABLE;
  stmt->create_table = table;
  return stmt;
}

/* The query of DuckDB's "CREATE VIEW name [(cols)] AS query;": the text after the first AS
 * outside quotes and parentheses. */
static gchar *
view_query (const char *sql)
{
  const char *p = sql;
  const char *query = NULL;
  while (*p != '\0' && query == NULL) {
    if (*p == '"') {
      for (p++; *p != '\0'; p++) {
        if (*p == '"' && p[1] == '"')
          p++;
        else if (*p == '"')
          break;
      }
      if (*p != '\0')
        p++;
    } else if (*p == '(') {
      int depth = 0;
      do {
        depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
        p++;
      } while (*p != '\0' && depth > 0);
    } else if (g_ascii_isalpha (*p) || *p == '_') {
      const char *start = p;
      while (g_ascii_isalnum (*p) || *p == '_')
        p++;
      if (p - start == 2 && g_ascii_strncasecmp (start, "AS", 2) == 0)
        query = p;
    } else {
      p++;
    }
  }
  g_autofree gchar *text = g_strstrip (g_strdup (query != NULL ? query : sql));
  gsize len = strlen (text);
  while (len > 0 && (text[len - 1] == ';' || g_ascii_isspace (text[len - 1])))
    text[--len] = '\0';
  return g_steal_pointer (&text);
}

/* The column names of the DuckDB view. */
static GStrv
view_column_names (GwDuckdbConnection *conn, const GwDuckdbObject *object, GError **error)
{
  g_autoptr (GPtrArray) rows = native_rows (conn, object, NULL, error);
  if (rows == NULL)
    return NULL;
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (names, ((ColumnRow *) rows->pdata[i])->name);
  return g_strv_builder_end (names);
}

/* The CREATE VIEW of a DuckDB view made without Flink DDL: its columns and DuckDB's query. */
static GwFlinkStatement *
native_create_view (GwDuckdbConnection *conn, const GwDuckdbObject *object, GError **error)
{
  g_auto (GStrv) names = view_column_names (conn, object, error);
  if (names == NULL)
    return NULL;
  GwFlinkCreateView *view = g_new0 (GwFlinkCreateView, 1);
  view->column_names = g_steal_pointer (&names);
  view->comment = g_strdup (object->comment);
  view->query = view_query (object->view_sql != NULL ? object->view_sql : "");
  GwFlinkStatement *stmt = g_new0 (GwFlinkStatement, 1);
  stmt->kind = GW_FLINK_CREATE_VIEW;
  stmt->create_view = view;
  return stmt;
}

GwEngineCursor *
gw_duckdb_flink_show_create (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                             GError **error)
{
  gboolean want_view = stmt->kind == GW_FLINK_SHOW_CREATE_VIEW;
  g_auto (GwDuckdbObject) object = { 0 };
  gboolean found;
  if (!gw_duckdb_object_find (conn, &stmt->name, &object, &found, error))
    return NULL;
  g_autofree gchar *identifier = gw_duckdb_show_serializable (&object.path);
  if (!found) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Could not execute SHOW CREATE %s. %s with identifier %s does not exist.",
                 want_view ? "VIEW" : "TABLE", want_view ? "View" : "Table", identifier);
    return NULL;
  }
  if (object.is_view != want_view) {
    /* Flink's ShowCreateUtil raises a TableException here. */
    const char *expected = want_view ? "view" : "table";
    const char *actual = object.is_view ? "view" : "table";
    g_set_error (error, GW_ERROR, GW_ERROR_SQL,
                 "SHOW CREATE %s is only supported for %ss, but %s is a %s. Please use SHOW "
                 "CREATE %s instead.", want_view ? "VIEW" : "TABLE", expected, identifier, actual,
                 object.is_view ? "VIEW" : "TABLE");
    return NULL;
  }

  g_autoptr (GwFlinkStatement) ddl = g_steal_pointer (&object.ddl);
  if (ddl == NULL)
    ddl = want_view ? native_create_view (conn, &object, error)
                    : native_create_table (conn, &object, error);
  if (ddl == NULL)
    return NULL;
  GwFlinkName full_name = {
    { object.path.catalog, object.path.database, object.path.object }, 3
  };
  g_autofree gchar *text = NULL;
  if (want_view && ddl->create_view != NULL) {
    ddl->create_view->temporary = object.temporary;
    /* Flink's SHOW CREATE VIEW always lists the view's columns, also when CREATE VIEW did not
     * name them; the DuckDB view has them. */
    if (ddl->create_view->column_names == NULL && object.duckdb_name != NULL) {
      ddl->create_view->column_names = view_column_names (conn, &object, error);
      if (ddl->create_view->column_names == NULL)
        return NULL;
    }
    text = gw_flink_create_view_to_sql (ddl->create_view, &full_name);
  } else if (!want_view && ddl->create_table != NULL) {
    ddl->create_table->temporary = object.temporary;
    text = gw_flink_create_table_to_sql (ddl->create_table, &full_name);
  } else {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "The metadata of %s is not a CREATE %s",
                 identifier, want_view ? "VIEW" : "TABLE");
    return NULL;
  }

  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "result", gw_duckdb_show_string_type (), NULL);
  GwBatch *batch = gw_batch_new (schema, 1);
  append_text (batch->columns[0], text);
  gw_batch_finish (batch);
  return gw_engine_cursor_new_rows (GW_STATEMENT_CONTENT, schema, batch);
}
