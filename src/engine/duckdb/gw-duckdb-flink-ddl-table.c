/* Building blocks of the Flink DDL on DuckDB: owned copies of table definitions, Flink's schema
 * checks and type normalization, what a name denotes in DuckDB, connector views, and storing a
 * definition as metadata. */
#include "gw-duckdb-flink-ddl-private.h"
#include "gw-duckdb-connector.h"
#include "gw-duckdb-metadata.h"
#include "gw-duckdb-type-sql.h"
#include "gw-duckdb-types.h"
#include "gw-flink-type.h"
#include "gw-error.h"

#include <string.h>

/* ---- owned definitions ---- */

GwFlinkColumn *
gw_ddl_column_copy (const GwFlinkColumn *column)
{
  GwFlinkColumn *copy = g_new0 (GwFlinkColumn, 1);
  copy->name = g_strdup (column->name);
  copy->kind = column->kind;
  copy->type = g_strdup (column->type);
  copy->expression = g_strdup (column->expression);
  copy->is_virtual = column->is_virtual;
  copy->comment = g_strdup (column->comment);
  copy->primary_key = column->primary_key;
  return copy;
}

static void
name_copy (GwFlinkName *to, const GwFlinkName *from)
{
  memset (to, 0, sizeof *to);
  for (guint i = 0; i < from->n_parts && i < 3; i++)
    to->parts[i] = g_strdup (from->parts[i]);
  to->n_parts = from->n_parts;
}

GwDdlTable *
gw_ddl_table_copy (const GwFlinkCreateTable *table)
{
  GwDdlTable *copy = g_new0 (GwDdlTable, 1);
  name_copy (&copy->name, &table->name);
  copy->temporary = table->temporary;
  copy->if_not_exists = table->if_not_exists;
  copy->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_flink_column_free);
  for (guint i = 0; table->columns != NULL && i < table->columns->len; i++)
    g_ptr_array_add (copy->columns, gw_ddl_column_copy (table->columns->pdata[i]));
  copy->primary_key = g_strdupv (table->primary_key);
  copy->constraint_name = g_strdup (table->constraint_name);
  copy->watermark_column = g_strdup (table->watermark_column);
  copy->watermark_expression = g_strdup (table->watermark_expression);
  copy->comment = g_strdup (table->comment);
  copy->partition_keys = g_strdupv (table->partition_keys);
  copy->options.keys = g_strdupv (table->options.keys);
  copy->options.values = g_strdupv (table->options.values);
  name_copy (&copy->like_source, &table->like_source);
  copy->like_options = g_ptr_array_new ();
  copy->as_query = g_strdup (table->as_query);
  return copy;
}

void
gw_ddl_table_free (GwDdlTable *table)
{
  /* like_options of a copy are always empty (LIKE is resolved before copies are made). */
  gw_flink_create_table_free (table);
}

int
gw_ddl_table_find_column (const GwFlinkCreateTable *table, const char *name)
{
  for (guint i = 0; table->columns != NULL && i < table->columns->len; i++) {
    if (strcmp (((GwFlinkColumn *) table->columns->pdata[i])->name, name) == 0)
      return (int) i;
  }
  return -1;
}

void
gw_ddl_options_set (GwFlinkOptions *options, GPtrArray *keys, GPtrArray *values)
{
  /* keys and values may point into the old arrays: copy before freeing them. */
  GStrv new_keys = g_new0 (gchar *, keys->len + 1);
  GStrv new_values = g_new0 (gchar *, keys->len + 1);
  for (guint i = 0; i < keys->len; i++) {
    new_keys[i] = g_strdup (keys->pdata[i]);
    new_values[i] = g_strdup (values->pdata[i]);
  }
  g_strfreev (options->keys);
  g_strfreev (options->values);
  options->keys = new_keys;
  options->values = new_values;
}

/* ---- Flink's schema checks ---- */

static gchar *
column_list (const GwFlinkCreateTable *table, gboolean physical_only, const char *quote,
             const char *separator)
{
  GString *text = g_string_new (NULL);
  gboolean first = TRUE;
  for (guint i = 0; i < table->columns->len; i++) {
    const GwFlinkColumn *column = table->columns->pdata[i];
    if (physical_only && column->kind != GW_FLINK_COLUMN_PHYSICAL)
      continue;
    g_string_append_printf (text, "%s%s%s%s", first ? "" : separator, quote, column->name, quote);
    first = FALSE;
  }
  return g_string_free (text, FALSE);
}

gboolean
gw_ddl_table_normalize (GwDdlTable *table, GError **error)
{
  /* One primary key: the table-level constraint or the inline column ones. */
  g_autoptr (GPtrArray) inline_key = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  for (guint i = 0; i < table->columns->len; i++) {
    GwFlinkColumn *column = table->columns->pdata[i];
    if (gw_ddl_table_find_column (table, column->name) != (int) i) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "A column named '%s' already exists in the table.", column->name);
      return FALSE;
    }
    if (column->primary_key) {
      g_ptr_array_add (inline_key, g_strdup (column->name));
      column->primary_key = FALSE;
    }
  }
  if (inline_key->len > 0) {
    if (table->primary_key != NULL || inline_key->len > 1) {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           "Duplicate primary key definition");
      return FALSE;
    }
    table->primary_key = (GStrv) g_ptr_array_steal (inline_key, NULL);
  }
  for (guint k = 0; table->primary_key != NULL && table->primary_key[k] != NULL; k++) {
    int index = gw_ddl_table_find_column (table, table->primary_key[k]);
    if (index < 0) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Primary key column '%s' is not defined in the schema", table->primary_key[k]);
      return FALSE;
    }
    if (((GwFlinkColumn *) table->columns->pdata[index])->kind != GW_FLINK_COLUMN_PHYSICAL) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Could not create a PRIMARY KEY with column '%s'.\nA PRIMARY KEY constraint "
                   "must be declared on physical columns.", table->primary_key[k]);
      return FALSE;
    }
  }
  if (table->watermark_column != NULL &&
      gw_ddl_table_find_column (table, table->watermark_column) < 0) {
    g_autofree gchar *available = column_list (table, FALSE, "'", ", ");
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "The rowtime attribute field '%s' is not defined in the table schema\n"
                 "Available fields: [%s]", table->watermark_column, available);
    return FALSE;
  }
  for (guint p = 0; table->partition_keys != NULL && table->partition_keys[p] != NULL; p++) {
    int index = gw_ddl_table_find_column (table, table->partition_keys[p]);
    if (index < 0 ||
        ((GwFlinkColumn *) table->columns->pdata[index])->kind != GW_FLINK_COLUMN_PHYSICAL) {
      g_autofree gchar *available = column_list (table, TRUE, "", ", ");
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Invalid partition key '%s'. A partition key must reference a physical column "
                   "in the schema. Available columns are: [%s]", table->partition_keys[p],
                   available);
      return FALSE;
    }
  }
  /* Types as Flink prints them; primary key columns are NOT NULL (Flink resolves them so). */
  for (guint i = 0; i < table->columns->len; i++) {
    GwFlinkColumn *column = table->columns->pdata[i];
    if (column->kind == GW_FLINK_COLUMN_COMPUTED)
      continue;
    g_autoptr (GwLogicalType) type = gw_flink_type_parse (column->type, error);
    if (type == NULL) {
      g_prefix_error (error, "Invalid data type of column `%s`: ", column->name);
      return FALSE;
    }
    g_autofree gchar *text = gw_logical_type_to_string (type);
    gboolean key = table->primary_key != NULL &&
                   g_strv_contains ((const char *const *) table->primary_key, column->name);
    g_free (column->type);
    column->type = key && gw_logical_type_is_nullable (type)
                   ? g_strconcat (text, " NOT NULL", NULL) : g_steal_pointer (&text);
  }
  for (guint i = 0; i < table->columns->len; i++) {
    GwFlinkColumn *column = table->columns->pdata[i];
    if (column->kind != GW_FLINK_COLUMN_COMPUTED)
      continue;
    gchar *expression = gw_ddl_expression_normalize (column->expression, table);
    g_free (column->expression);
    column->expression = expression;
  }
  if (table->watermark_expression != NULL) {
    gchar *expression = gw_ddl_expression_normalize (table->watermark_expression, table);
    g_free (table->watermark_expression);
    table->watermark_expression = expression;
  }
  table->if_not_exists = FALSE;
  return TRUE;
}

/* ---- DuckDB's catalog ---- */

static gchar *
literal_condition (const GwDuckdbPath *path, gboolean temporary, const char *name_column)
{
  g_autofree gchar *c = gw_duckdb_quote_literal (temporary ? "temp" : path->catalog);
  g_autofree gchar *d = gw_duckdb_quote_literal (temporary ? "main" : path->database);
  g_autofree gchar *o = gw_duckdb_quote_literal (path->object);
  return g_strdup_printf ("database_name = %s AND schema_name = %s AND %s = %s", c, d,
                          name_column, o);
}

gboolean
gw_ddl_duckdb_object (GwDuckdbConnection *conn, const GwDuckdbPath *path, gboolean temporary,
                      GwDdlObjectType *type, GError **error)
{
  g_autofree gchar *tables = literal_condition (path, temporary, "table_name");
  g_autofree gchar *views = literal_condition (path, temporary, "view_name");
  g_autofree gchar *sql = g_strdup_printf (
      "SELECT 1 FROM duckdb_tables() WHERE %s UNION ALL "
      "SELECT 2 FROM duckdb_views() WHERE NOT internal AND %s", tables, views);
  duckdb_result result;
  if (duckdb_query (conn->connection, sql, &result) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot read DuckDB's catalog: %s",
                 duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return FALSE;
  }
  *type = GW_DDL_OBJECT_NONE;
  if (duckdb_row_count (&result) > 0)
    *type = duckdb_value_int32 (&result, 0, 0) == 1 ? GW_DDL_OBJECT_TABLE : GW_DDL_OBJECT_VIEW;
  duckdb_destroy_result (&result);
  return TRUE;
}

gchar *
gw_ddl_object_sql (const GwDuckdbPath *path, gboolean temporary)
{
  return temporary ? gw_duckdb_quote_identifier (path->object) : gw_duckdb_path_sql (path);
}

gchar *
gw_ddl_identifier (const GwDuckdbPath *path)
{
  return g_strdup_printf ("`%s`.`%s`.`%s`", path->catalog, path->database, path->object);
}

GwDdlTable *
gw_ddl_table_from_duckdb (GwDuckdbConnection *conn, const GwDuckdbPath *path, GError **error)
{
  g_autofree gchar *object = gw_duckdb_path_sql (path);
  g_autofree gchar *sql = g_strdup_printf ("SELECT * FROM %s LIMIT 0", object);
  duckdb_result result;
  if (duckdb_query (conn->connection, sql, &result) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return NULL;
  }
  GwFlinkCreateTable empty = { 0 };
  g_autoptr (GwDdlTable) table = gw_ddl_table_copy (&empty);
  table->name.parts[0] = g_strdup (path->catalog);
  table->name.parts[1] = g_strdup (path->database);
  table->name.parts[2] = g_strdup (path->object);
  table->name.n_parts = 3;
  for (idx_t i = 0; i < duckdb_column_count (&result); i++) {
    duckdb_logical_type logical = duckdb_column_logical_type (&result, i);
    g_autoptr (GwDuckdbConverter) converter = gw_duckdb_converter_new (logical);
    duckdb_destroy_logical_type (&logical);
    GwFlinkColumn *column = g_new0 (GwFlinkColumn, 1);
    column->name = g_strdup (duckdb_column_name (&result, i));
    column->kind = GW_FLINK_COLUMN_PHYSICAL;
    column->type = gw_logical_type_to_string (gw_duckdb_converter_get_type (converter));
    g_ptr_array_add (table->columns, column);
  }
  duckdb_destroy_result (&result);

  /* NOT NULL columns: the converter only sees the result type. */
  g_autofree gchar *condition = literal_condition (path, FALSE, "table_name");
  g_autofree gchar *nulls = g_strdup_printf (
      "SELECT column_name FROM duckdb_columns() WHERE %s AND NOT is_nullable", condition);
  if (duckdb_query (conn->connection, nulls, &result) == DuckDBSuccess) {
    for (idx_t row = 0; row < duckdb_row_count (&result); row++) {
      char *name = duckdb_value_varchar (&result, 0, row);
      int index = gw_ddl_table_find_column (table, name);
      if (index >= 0) {
        GwFlinkColumn *column = table->columns->pdata[index];
        gchar *type = g_strconcat (column->type, " NOT NULL", NULL);
        g_free (column->type);
        column->type = type;
      }
      duckdb_free (name);
    }
  }
  duckdb_destroy_result (&result);
  return g_steal_pointer (&table);
}

/* ---- native tables ---- */

gboolean
gw_ddl_create_native_table (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                            const GwFlinkCreateTable *table, gboolean temporary, GError **error)
{
  GString *sql = g_string_new (NULL);
  g_autofree gchar *object = gw_ddl_object_sql (path, temporary);
  g_string_append_printf (sql, "CREATE %sTABLE %s (", temporary ? "TEMP " : "", object);
  for (guint i = 0; i < table->columns->len; i++) {
    const GwFlinkColumn *column = table->columns->pdata[i];
    g_autofree gchar *name = gw_duckdb_quote_identifier (column->name);
    if (i > 0)
      g_string_append (sql, ", ");
    if (column->kind == GW_FLINK_COLUMN_METADATA) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Metadata column `%s` needs a connector that provides it: a table without "
                   "'connector' has no metadata to read.", column->name);
      g_string_free (sql, TRUE);
      return FALSE;
    }
    if (column->kind == GW_FLINK_COLUMN_COMPUTED) {
      g_autofree gchar *expression = gw_ddl_expression_sql (column->expression);
      g_string_append_printf (sql, "%s AS (%s) VIRTUAL", name, expression);
      continue;
    }
    g_autoptr (GwLogicalType) type = gw_flink_type_parse (column->type, error);
    if (type == NULL) {
      g_string_free (sql, TRUE);
      return FALSE;
    }
    g_autofree gchar *type_sql = gw_duckdb_type_sql (type);
    g_string_append_printf (sql, "%s %s%s", name, type_sql,
                            gw_logical_type_is_nullable (type) ? "" : " NOT NULL");
  }
  g_string_append_c (sql, ')');
  gboolean ok = gw_duckdb_flink_run (conn, sql->str, error);
  g_string_free (sql, TRUE);
  return ok;
}

/* ---- connector views and metadata ---- */

gchar *
gw_ddl_expression_sql (const char *expression)
{
  g_autofree gchar *sql = gw_flink_sql_to_engine (expression);
  /* PROCTIME() is Flink's processing time; the closest DuckDB value is the statement's time. */
  static GRegex *proctime = NULL;
  static gsize initialized = 0;
  if (g_once_init_enter (&initialized)) {
    proctime = g_regex_new ("\\bPROCTIME\\s*\\(\\s*\\)", G_REGEX_CASELESS, 0, NULL);
    g_once_init_leave (&initialized, 1);
  }
  return g_regex_replace_literal (proctime, sql, -1, 0, "current_timestamp", 0, NULL);
}

/* The view body: the connector's rows (or, when Flink would refuse to read the table, a failure
 * when read), then computed columns over them and metadata columns as typed NULLs (no connector
 * here has metadata to read), in declared order. */
static gchar *
connector_view_body (const GwFlinkCreateTable *table, GError **error)
{
  g_autoptr (GError) source_error = NULL;
  g_autofree gchar *source = gw_duckdb_connector_source_sql (table, &source_error);
  if (source == NULL && g_error_matches (source_error, GW_ERROR, GW_ERROR_VALIDATION))
    source = gw_duckdb_connector_failing_sql (table, source_error->message, error);
  else if (source == NULL)
    g_propagate_error (error, g_steal_pointer (&source_error));
  if (source == NULL)
    return NULL;
  gboolean plain = TRUE;
  for (guint i = 0; i < table->columns->len; i++)
    plain &= ((GwFlinkColumn *) table->columns->pdata[i])->kind == GW_FLINK_COLUMN_PHYSICAL;
  if (plain)
    return g_steal_pointer (&source);

  GString *inner = g_string_new ("SELECT *");
  GString *outer = g_string_new ("SELECT ");
  for (guint i = 0; i < table->columns->len; i++) {
    const GwFlinkColumn *column = table->columns->pdata[i];
    g_autofree gchar *name = gw_duckdb_quote_identifier (column->name);
    if (i > 0)
      g_string_append (outer, ", ");
    if (column->kind == GW_FLINK_COLUMN_COMPUTED) {
      g_autofree gchar *expression = gw_ddl_expression_sql (column->expression);
      g_string_append_printf (outer, "(%s) AS %s", expression, name);
      continue;
    }
    if (column->kind == GW_FLINK_COLUMN_METADATA) {
      g_autoptr (GwLogicalType) type = gw_flink_type_parse (column->type, error);
      if (type == NULL) {
        g_string_free (inner, TRUE);
        g_string_free (outer, TRUE);
        return NULL;
      }
      g_autofree gchar *type_sql = gw_duckdb_type_sql (type);
      g_string_append_printf (inner, ", CAST(NULL AS %s) AS %s", type_sql, name);
    }
    g_string_append (outer, name);
  }
  g_string_append_printf (inner, " FROM (%s) AS \"__source\"", source);
  g_string_append_printf (outer, " FROM (%s) AS \"__columns\"", inner->str);
  g_string_free (inner, TRUE);
  return g_string_free (outer, FALSE);
}

/* DuckDB's "Parser Error: syntax error at or near "X"" with its "LINE n: <text>" and caret
 * line → Flink's ParseException text. FALSE when message is not one. */
static gboolean
translate_parser_error (const char *message, GError **error)
{
  static const char near[] = "Parser Error: syntax error at or near \"";
  static const char at_end[] = "Parser Error: syntax error at end of input";
  const char *line = strstr (message, "\nLINE ");
  guint line_number = line ? (guint) g_ascii_strtoull (line + 6, NULL, 10) : 1;
  guint column = 1;
  if (line != NULL) {
    const char *text = strstr (line, ": ");
    const char *caret_line = strchr (line + 1, '\n');
    const char *caret = caret_line ? strchr (caret_line + 1, '^') : NULL;
    if (text != NULL && caret != NULL)
      column = (guint) MAX (1, (caret - caret_line - 1) - (text + 2 - (line + 1)) + 1);
  }
  if (g_str_has_prefix (message, at_end)) {
    g_set_error (error, GW_ERROR, GW_ERROR_PARSE, "Encountered \"<EOF>\" at line %u, column %u.",
                 line_number, column);
    return TRUE;
  }
  if (!g_str_has_prefix (message, near))
    return FALSE;
  const char *token = message + strlen (near);
  const char *end = strchr (token, '"');
  if (end == NULL)
    return FALSE;
  g_set_error (error, GW_ERROR, GW_ERROR_PARSE, "Encountered \"%.*s\" at line %u, column %u.",
               (int) (end - token), token, line_number, column);
  return TRUE;
}

gboolean
gw_duckdb_flink_translate_error (const char *message, GError **error)
{
  if (message == NULL)
    return FALSE;
  if (translate_parser_error (message, error))
    return TRUE;
  /* An unknown table in a query: Calcite's validator text. */
  static const char unknown_table[] = "Catalog Error: Table with name ";
  if (g_str_has_prefix (message, unknown_table)) {
    const char *name = message + strlen (unknown_table);
    const char *end = strstr (name, " does not exist!");
    if (end != NULL) {
      g_set_error (error, GW_ERROR, GW_ERROR_OBJECT_NOT_FOUND, "Object '%.*s' not found",
                   (int) (end - name), name);
      return TRUE;
    }
  }
  static const char not_null[] = "NOT NULL constraint failed: ";
  const char *violation = message != NULL ? strstr (message, not_null) : NULL;
  if (violation != NULL) {
    /* DuckDB names "table.column"; Flink's sink NOT NULL enforcer names the column. */
    const char *column = violation + strlen (not_null);
    const char *dot = strrchr (column, '.');
    g_set_error (error, GW_ERROR, GW_ERROR_SQL,
                 "Column '%s' is NOT NULL, however, a null value is being written into it. You "
                 "can set job configuration 'table.exec.sink.not-null-enforcer'='DROP' to "
                 "suppress this exception and drop such records silently.",
                 dot != NULL ? dot + 1 : column);
    return TRUE;
  }
  const char *mark = message != NULL ? strstr (message, GW_DUCKDB_VALIDATION_MARK) : NULL;
  if (mark == NULL)
    return FALSE;
  g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                       mark + strlen (GW_DUCKDB_VALIDATION_MARK));
  return TRUE;
}

gboolean
gw_ddl_create_connector_view (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                              const GwFlinkCreateTable *table, gboolean temporary,
                              gboolean replace, GError **error)
{
  g_autofree gchar *body = connector_view_body (table, error);
  if (body == NULL)
    return FALSE;
  g_autofree gchar *object = gw_ddl_object_sql (path, temporary);
  g_autofree gchar *sql = g_strdup_printf ("CREATE %s%sVIEW %s AS %s",
                                           replace ? "OR REPLACE " : "",
                                           temporary ? "TEMP " : "", object, body);
  return gw_duckdb_flink_run (conn, sql, error);
}

gboolean
gw_ddl_store_table (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                    const GwFlinkCreateTable *table, gboolean temporary, GError **error)
{
  GwFlinkName full = { { path->catalog, path->database, path->object }, 3 };
  GwFlinkCreateTable stored = *table;
  stored.temporary = temporary;
  stored.if_not_exists = FALSE;
  g_autofree gchar *ddl = gw_flink_create_table_to_sql (&stored, &full);
  return gw_duckdb_metadata_store (conn, path, temporary, ddl, error);
}

gboolean
gw_ddl_begin (GwDuckdbConnection *conn, gboolean *began, GError **error)
{
  duckdb_result result;
  *began = duckdb_query (conn->connection, "BEGIN TRANSACTION", &result) == DuckDBSuccess;
  /* Failing means a transaction is already open (a client's BEGIN): work inside it. */
  duckdb_destroy_result (&result);
  return TRUE;
}

gboolean
gw_ddl_end (GwDuckdbConnection *conn, gboolean began, gboolean ok, GError **error)
{
  if (!began)
    return ok;
  if (ok)
    return gw_duckdb_flink_run (conn, "COMMIT", error);
  duckdb_result result;
  duckdb_query (conn->connection, "ROLLBACK", &result);
  duckdb_destroy_result (&result);
  return FALSE;
}

/* ---- engine start ---- */

/* Re-creates the views of the filesystem tables of one catalog; a table that fails is reported
 * and skipped. */
static void
refresh_catalog (GwDuckdbConnection *conn, const char *catalog)
{
  g_autofree gchar *c = gw_duckdb_quote_identifier (catalog);
  g_autofree gchar *sql = g_strdup_printf (
      "SELECT database, name, ddl FROM %s.\"" GW_DUCKDB_METADATA_SCHEMA "\".flink_objects", c);
  duckdb_result result;
  if (duckdb_query (conn->connection, sql, &result) == DuckDBError) {
    duckdb_destroy_result (&result);
    return;
  }
  for (idx_t row = 0; row < duckdb_row_count (&result); row++) {
    char *database = duckdb_value_varchar (&result, 0, row);
    char *name = duckdb_value_varchar (&result, 1, row);
    char *ddl = duckdb_value_varchar (&result, 2, row);
    g_autoptr (GError) error = NULL;
    g_autoptr (GwFlinkStatement) stmt = gw_flink_statement_parse (ddl, NULL);
    GwDuckdbPath path = { (gchar *) catalog, database, name };
    GwDdlObjectType type = GW_DDL_OBJECT_NONE;
    if (stmt != NULL && stmt->kind == GW_FLINK_CREATE_TABLE &&
        gw_duckdb_connector_kind (&stmt->create_table->options) == GW_CONNECTOR_FILESYSTEM &&
        gw_ddl_duckdb_object (conn, &path, FALSE, &type, NULL) && type == GW_DDL_OBJECT_VIEW &&
        !gw_ddl_create_connector_view (conn, &path, stmt->create_table, FALSE, TRUE, &error))
      g_warning ("Cannot refresh the source of table %s.%s.%s: %s", catalog, database, name,
                 error->message);
    duckdb_free (database);
    duckdb_free (name);
    duckdb_free (ddl);
  }
  duckdb_destroy_result (&result);
}

gboolean
gw_duckdb_flink_refresh_sources (duckdb_connection connection, GError **error)
{
  g_return_val_if_fail (connection != NULL, FALSE);

  /* Only the DuckDB connection is used here. */
  GwDuckdbConnection conn = { .connection = connection };
  duckdb_result result;
  if (duckdb_query (connection, "SELECT database_name FROM duckdb_tables() WHERE schema_name = '"
                    GW_DUCKDB_METADATA_SCHEMA "' AND table_name = 'flink_objects'",
                    &result) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot read DuckDB's catalog: %s",
                 duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return FALSE;
  }
  g_autoptr (GPtrArray) catalogs = g_ptr_array_new_with_free_func (g_free);
  for (idx_t row = 0; row < duckdb_row_count (&result); row++) {
    char *catalog = duckdb_value_varchar (&result, 0, row);
    g_ptr_array_add (catalogs, g_strdup (catalog));
    duckdb_free (catalog);
  }
  duckdb_destroy_result (&result);
  for (guint i = 0; i < catalogs->len; i++)
    refresh_catalog (&conn, catalogs->pdata[i]);
  return TRUE;
}
