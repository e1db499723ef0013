/* Flink's ALTER TABLE ADD / MODIFY / DROP / RENAME of columns on DuckDB, with the checks and
 * messages of Flink's AlterSchemaConverter: a table without a connector gets the matching DuckDB
 * ALTER TABLE (DuckDB appends added columns at the end and cannot add generated columns later,
 * so FIRST / AFTER and new computed columns are refused there); a connector table only changes
 * its definition (its view is re-created by the caller). */
#include "gw-duckdb-flink-ddl-private.h"
#include "gw-duckdb-type-sql.h"
#include "gw-flink-type.h"
#include "gw-error.h"

#include <string.h>

#define PREFIX GW_DDL_ALTER_PREFIX

/* TRUE when expression names column: a backtick-quoted or a bare identifier equal to it. */
static gboolean
references (const char *expression, const char *column)
{
  if (expression == NULL)
    return FALSE;
  for (const char *p = expression; *p != '\0';) {
    if (*p == '\'') {
      /* A string literal ('' is a quote inside it). */
      for (p++; *p != '\0'; p++) {
        if (*p == '\'' && p[1] == '\'')
          p++;
        else if (*p == '\'')
          break;
      }
      if (*p != '\0')
        p++;
    } else if (*p == '`') {
      GString *name = g_string_new (NULL);
      for (p++; *p != '\0'; p++) {
        if (*p == '`' && p[1] == '`')
          p++;
        else if (*p == '`')
          break;
        g_string_append_c (name, *p);
      }
      if (*p != '\0')
        p++;
      gboolean found = strcmp (name->str, column) == 0;
      g_string_free (name, TRUE);
      if (found)
        return TRUE;
    } else if (g_ascii_isalpha (*p) || *p == '_') {
      const char *start = p;
      while (g_ascii_isalnum (*p) || *p == '_' || *p == '$')
        p++;
      if ((gsize) (p - start) == strlen (column) && strncmp (start, column, p - start) == 0)
        return TRUE;
    } else {
      p++;
    }
  }
  return FALSE;
}

/* Flink's ReferencesManager.checkReferences: column exists and nothing still depends on it
 * (computed columns in ignore are going away with it). */
static gboolean
check_references (const GwFlinkCreateTable *table, const char *column, GStrv ignore,
                  GError **error)
{
  if (gw_ddl_table_find_column (table, column) < 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 PREFIX "The column `%s` does not exist in the base table.", column);
    return FALSE;
  }
  g_autoptr (GPtrArray) users = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < table->columns->len; i++) {
    const GwFlinkColumn *other = table->columns->pdata[i];
    if (other->kind == GW_FLINK_COLUMN_COMPUTED && strcmp (other->name, column) != 0 &&
        (ignore == NULL || !g_strv_contains ((const char *const *) ignore, other->name)) &&
        references (other->expression, column))
      g_ptr_array_add (users, g_strdup_printf ("`%s`", other->name));
  }
  if (users->len > 0) {
    g_ptr_array_add (users, NULL);
    g_autofree gchar *list = g_strjoinv (", ", (gchar **) users->pdata);
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 PREFIX "The column `%s` is referenced by computed column %s.", column, list);
    return FALSE;
  }
  if (table->partition_keys != NULL &&
      g_strv_contains ((const char *const *) table->partition_keys, column)) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 PREFIX "The column `%s` is used as the partition keys.", column);
    return FALSE;
  }
  if (g_strcmp0 (table->watermark_column, column) == 0 ||
      references (table->watermark_expression, column)) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 PREFIX "The column `%s` is referenced by watermark expression.", column);
    return FALSE;
  }
  return TRUE;
}

static gchar *
key_list (GStrv key)
{
  GString *text = g_string_new ("[");
  for (guint i = 0; key[i] != NULL; i++)
    g_string_append_printf (text, "%s`%s`", i > 0 ? ", " : "", key[i]);
  g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

/* ---- ADD / MODIFY ---- */

/* Where FIRST / AFTER puts the altered columns; -1: at the end (ADD) or in place (MODIFY). */
static gboolean
position_index (const GwDdlTable *table, const GwFlinkAlterTable *alter, int *index,
                GError **error)
{
  *index = -1;
  if (alter->position_first)
    *index = 0;
  else if (alter->position_after != NULL) {
    int after = gw_ddl_table_find_column (table, alter->position_after);
    if (after < 0) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   PREFIX "Referenced column `%s` by 'AFTER' does not exist in the table.",
                   alter->position_after);
      return FALSE;
    }
    *index = after + 1;
  }
  return TRUE;
}

static gboolean
native_column_sql (const GwFlinkColumn *column, gchar **type_sql, gboolean *nullable,
                   GError **error)
{
  if (column->kind != GW_FLINK_COLUMN_PHYSICAL)
    return gw_ddl_set_unsupported (error,
                                   "A table without 'connector' is a DuckDB table, which cannot "
                                   "get computed or metadata columns after it was created.");
  g_autoptr (GwLogicalType) type = gw_flink_type_parse (column->type, error);
  if (type == NULL) {
    g_prefix_error (error, "Invalid data type of column `%s`: ", column->name);
    return FALSE;
  }
  *type_sql = gw_duckdb_type_sql (type);
  *nullable = gw_logical_type_is_nullable (type);
  return TRUE;
}

gboolean
gw_ddl_alter_add (GwDuckdbConnection *conn, GwDdlAlterTarget *target,
                  const GwFlinkAlterTable *alter, GError **error)
{
  GwDdlTable *table = target->table;
  int position;
  if (!position_index (table, alter, &position, error))
    return FALSE;
  gboolean adds_key = alter->primary_key != NULL;
  for (guint i = 0; alter->columns != NULL && i < alter->columns->len; i++) {
    const GwFlinkColumn *column = alter->columns->pdata[i];
    adds_key |= column->primary_key;
    for (guint j = 0; j < i; j++) {
      if (strcmp (((GwFlinkColumn *) alter->columns->pdata[j])->name, column->name) == 0) {
        g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                     PREFIX "Encounter duplicate column `%s`.", column->name);
        return FALSE;
      }
    }
    if (gw_ddl_table_find_column (table, column->name) >= 0) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   PREFIX "Try to add a column `%s` which already exists in the table.",
                   column->name);
      return FALSE;
    }
  }
  if (adds_key && table->primary_key != NULL) {
    g_autofree gchar *list = key_list (table->primary_key);
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 PREFIX "The base table has already defined the primary key constraint %s. You "
                 "might want to drop it before adding a new one.", list);
    return FALSE;
  }
  if (alter->watermark_column != NULL && table->watermark_column != NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 PREFIX "The base table has already defined the watermark strategy `%s` AS %s. "
                 "You might want to drop it before adding a new one.", table->watermark_column,
                 table->watermark_expression);
    return FALSE;
  }
  if (!target->connector && position >= 0 && alter->columns != NULL && alter->columns->len > 0)
    return gw_ddl_set_unsupported (error,
                                   "A table without 'connector' is a DuckDB table, which adds "
                                   "columns at the end: FIRST and AFTER are not supported.");
  for (guint i = 0; alter->columns != NULL && i < alter->columns->len; i++) {
    const GwFlinkColumn *column = alter->columns->pdata[i];
    if (!target->connector) {
      g_autofree gchar *type_sql = NULL;
      gboolean nullable;
      if (!native_column_sql (column, &type_sql, &nullable, error))
        return FALSE;
      g_autofree gchar *name = gw_duckdb_quote_identifier (column->name);
      g_autofree gchar *add = g_strdup_printf ("ADD COLUMN %s %s", name, type_sql);
      g_autofree gchar *not_null = g_strdup_printf ("ALTER COLUMN %s SET NOT NULL", name);
      if (!gw_ddl_alter_duckdb (conn, target, add, error) ||
          (!nullable && !gw_ddl_alter_duckdb (conn, target, not_null, error)))
        return FALSE;
    }
    GwFlinkColumn *copy = gw_ddl_column_copy (column);
    if (position < 0)
      g_ptr_array_add (table->columns, copy);
    else
      g_ptr_array_insert (table->columns, position++, copy);
  }
  if (alter->primary_key != NULL)
    table->primary_key = g_strdupv (alter->primary_key);
  if (alter->watermark_column != NULL) {
    table->watermark_column = g_strdup (alter->watermark_column);
    table->watermark_expression = g_strdup (alter->watermark_expression);
  }
  return TRUE;
}

/* Changes a DuckDB column from its old definition to the new one. */
static gboolean
modify_native (GwDuckdbConnection *conn, const GwDdlAlterTarget *target, const GwFlinkColumn *old,
               const GwFlinkColumn *column, GError **error)
{
  if (old->kind != GW_FLINK_COLUMN_PHYSICAL || column->kind != GW_FLINK_COLUMN_PHYSICAL) {
    if (old->kind == column->kind && old->kind == GW_FLINK_COLUMN_COMPUTED &&
        strcmp (old->expression, column->expression) == 0)
      return TRUE;
    return gw_ddl_set_unsupported (error,
                                   "A table without 'connector' is a DuckDB table, whose "
                                   "computed columns cannot be added or changed after it was "
                                   "created.");
  }
  g_autofree gchar *old_sql = NULL, *new_sql = NULL;
  gboolean old_nullable, new_nullable;
  if (!native_column_sql (old, &old_sql, &old_nullable, error) ||
      !native_column_sql (column, &new_sql, &new_nullable, error))
    return FALSE;
  g_autofree gchar *name = gw_duckdb_quote_identifier (column->name);
  if (strcmp (old_sql, new_sql) != 0) {
    g_autofree gchar *clause = g_strdup_printf ("ALTER COLUMN %s TYPE %s", name, new_sql);
    if (!gw_ddl_alter_duckdb (conn, target, clause, error))
      return FALSE;
  }
  if (old_nullable != new_nullable) {
    g_autofree gchar *clause = g_strdup_printf ("ALTER COLUMN %s %s NOT NULL", name,
                                                new_nullable ? "DROP" : "SET");
    if (!gw_ddl_alter_duckdb (conn, target, clause, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
gw_ddl_alter_modify (GwDuckdbConnection *conn, GwDdlAlterTarget *target,
                     const GwFlinkAlterTable *alter, GError **error)
{
  GwDdlTable *table = target->table;
  gboolean modifies_key = alter->primary_key != NULL;
  for (guint i = 0; alter->columns != NULL && i < alter->columns->len; i++) {
    const GwFlinkColumn *column = alter->columns->pdata[i];
    modifies_key |= column->primary_key;
    for (guint j = 0; j < i; j++) {
      if (strcmp (((GwFlinkColumn *) alter->columns->pdata[j])->name, column->name) == 0) {
        g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                     PREFIX "Encounter duplicate column `%s`.", column->name);
        return FALSE;
      }
    }
    if (gw_ddl_table_find_column (table, column->name) < 0) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   PREFIX "Try to modify a column `%s` which does not exist in the table.",
                   column->name);
      return FALSE;
    }
  }
  if (modifies_key && table->primary_key == NULL) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         PREFIX "The base table does not define any primary key constraint. You "
                         "might want to add a new one.");
    return FALSE;
  }
  if (alter->watermark_column != NULL && table->watermark_column == NULL) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         PREFIX "The base table does not define any watermark. You might want to "
                         "add a new one.");
    return FALSE;
  }
  gboolean moves = alter->position_first || alter->position_after != NULL;
  if (!target->connector && moves)
    return gw_ddl_set_unsupported (error,
                                   "A table without 'connector' is a DuckDB table, whose columns "
                                   "cannot be reordered: FIRST and AFTER are not supported.");
  for (guint i = 0; alter->columns != NULL && i < alter->columns->len; i++) {
    const GwFlinkColumn *column = alter->columns->pdata[i];
    int index = gw_ddl_table_find_column (table, column->name);
    GwFlinkColumn *old = table->columns->pdata[index];
    if (!target->connector && !modify_native (conn, target, old, column, error))
      return FALSE;
    GwFlinkColumn *copy = gw_ddl_column_copy (column);
    if (copy->comment == NULL)
      copy->comment = g_strdup (old->comment);
    copy->primary_key = FALSE;
    g_ptr_array_remove_index (table->columns, index);
    int position;
    if (!position_index (table, alter, &position, error)) {
      gw_ddl_column_free (copy);
      return FALSE;
    }
    g_ptr_array_insert (table->columns, position < 0 ? index : position, copy);
  }
  if (modifies_key) {
    g_autoptr (GPtrArray) key = g_ptr_array_new_null_terminated (2, g_free, TRUE);
    for (guint i = 0; alter->primary_key == NULL && i < alter->columns->len; i++) {
      const GwFlinkColumn *column = alter->columns->pdata[i];
      if (column->primary_key)
        g_ptr_array_add (key, g_strdup (column->name));
    }
    g_strfreev (table->primary_key);
    table->primary_key = alter->primary_key != NULL ? g_strdupv (alter->primary_key)
                                                    : (GStrv) g_ptr_array_steal (key, NULL);
  }
  if (alter->watermark_column != NULL) {
    g_free (table->watermark_column);
    g_free (table->watermark_expression);
    table->watermark_column = g_strdup (alter->watermark_column);
    table->watermark_expression = g_strdup (alter->watermark_expression);
  }
  return TRUE;
}

/* ---- DROP / RENAME columns ---- */

gboolean
gw_ddl_alter_drop_columns (GwDuckdbConnection *conn, GwDdlAlterTarget *target,
                           const GwFlinkAlterTable *alter, GError **error)
{
  GwDdlTable *table = target->table;
  GStrv names = alter->column_names;
  for (guint i = 0; names != NULL && names[i] != NULL; i++) {
    for (guint j = 0; j < i; j++) {
      if (strcmp (names[i], names[j]) == 0) {
        g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, PREFIX "Duplicate column `%s`.",
                     names[i]);
        return FALSE;
      }
    }
  }
  for (guint i = 0; names != NULL && names[i] != NULL; i++) {
    if (!check_references (table, names[i], names, error))
      return FALSE;
    if (table->primary_key != NULL &&
        g_strv_contains ((const char *const *) table->primary_key, names[i])) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   PREFIX "The column `%s` is used as the primary key.", names[i]);
      return FALSE;
    }
  }
  /* Generated columns first: DuckDB refuses to drop a column one of them still uses. */
  for (int pass = 0; pass < 2; pass++) {
    for (guint i = 0; names != NULL && names[i] != NULL; i++) {
      int index = gw_ddl_table_find_column (table, names[i]);
      if (index < 0)
        continue;
      gboolean computed = ((GwFlinkColumn *) table->columns->pdata[index])->kind ==
                          GW_FLINK_COLUMN_COMPUTED;
      if (computed != (pass == 0))
        continue;
      if (!target->connector) {
        g_autofree gchar *name = gw_duckdb_quote_identifier (names[i]);
        g_autofree gchar *clause = g_strdup_printf ("DROP COLUMN %s", name);
        if (!gw_ddl_alter_duckdb (conn, target, clause, error))
          return FALSE;
      }
      g_ptr_array_remove_index (table->columns, index);
    }
  }
  return TRUE;
}

gboolean
gw_ddl_alter_rename_column (GwDuckdbConnection *conn, GwDdlAlterTarget *target,
                            const GwFlinkAlterTable *alter, GError **error)
{
  GwDdlTable *table = target->table;
  const char *from = alter->column_names[0];
  const char *to = alter->column_names[1];
  if (!check_references (table, from, NULL, error))
    return FALSE;
  if (gw_ddl_table_find_column (table, to) >= 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 PREFIX "The column `%s` already existed in table schema.", to);
    return FALSE;
  }
  if (!target->connector) {
    g_autofree gchar *old_name = gw_duckdb_quote_identifier (from);
    g_autofree gchar *new_name = gw_duckdb_quote_identifier (to);
    g_autofree gchar *clause = g_strdup_printf ("RENAME COLUMN %s TO %s", old_name, new_name);
    if (!gw_ddl_alter_duckdb (conn, target, clause, error))
      return FALSE;
  }
  GwFlinkColumn *column = table->columns->pdata[gw_ddl_table_find_column (table, from)];
  g_free (column->name);
  column->name = g_strdup (to);
  for (guint i = 0; table->primary_key != NULL && table->primary_key[i] != NULL; i++) {
    if (strcmp (table->primary_key[i], from) == 0) {
      g_free (table->primary_key[i]);
      table->primary_key[i] = g_strdup (to);
    }
  }
  return TRUE;
}
