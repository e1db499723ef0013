/* Flink's ALTER TABLE ADD / MODIFY / DROP / RENAME of columns on DuckDB, with the checks and
 * messages of Flink's AlterSchemaConverter. A table without a connector gets the matching DuckDB
 * ALTER TABLE, or, for what that cannot do (FIRST / AFTER, adding or changing computed columns),
 * is rebuilt with its rows copied into the new layout; a connector table only changes its
 * definition (the caller re-creates its view). */
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
  g_autoptr (GwLogicalType) type = gw_flink_type_parse (column->type, error);
  if (type == NULL) {
    g_prefix_error (error, "Invalid data type of column `%s`: ", column->name);
    return FALSE;
  }
  *type_sql = gw_duckdb_type_sql (type);
  *nullable = gw_logical_type_is_nullable (type);
  return TRUE;
}

/* Re-creates the DuckDB table of target with the columns of its new definition, copying the
 * rows (a column keeps its values when a column of that name was in before, cast to the new
 * type): for the changes DuckDB's ALTER TABLE cannot make (column positions, generated
 * columns). */
static gboolean
rebuild_native (GwDuckdbConnection *conn, const GwDdlAlterTarget *target,
                const GwFlinkCreateTable *before, GError **error)
{
  const GwDdlTable *table = target->table;
  g_autofree gchar *scratch_name = g_strconcat ("__gateway_rebuild_", target->path.object, NULL);
  GwDuckdbPath scratch = { target->path.catalog, target->path.database, scratch_name };
  if (!gw_ddl_create_native_table (conn, &scratch, table, FALSE, error))
    return FALSE;
  GString *columns = g_string_new (NULL);
  GString *values = g_string_new (NULL);
  for (guint i = 0; i < table->columns->len; i++) {
    const GwFlinkColumn *column = table->columns->pdata[i];
    if (column->kind != GW_FLINK_COLUMN_PHYSICAL)
      continue;
    g_autofree gchar *name = gw_duckdb_quote_identifier (column->name);
    g_autofree gchar *type_sql = NULL;
    gboolean nullable;
    if (!native_column_sql (column, &type_sql, &nullable, error)) {
      g_string_free (columns, TRUE);
      g_string_free (values, TRUE);
      return FALSE;
    }
    const char *separator = columns->len > 0 ? ", " : "";
    g_string_append_printf (columns, "%s%s", separator, name);
    if (gw_ddl_table_find_column (before, column->name) >= 0)
      g_string_append_printf (values, "%sCAST(%s AS %s)", separator, name, type_sql);
    else
      g_string_append_printf (values, "%sCAST(NULL AS %s)", separator, type_sql);
  }
  g_autofree gchar *scratch_sql = gw_duckdb_path_sql (&scratch);
  g_autofree gchar *object = gw_duckdb_quote_identifier (target->path.object);
  g_autofree gchar *copy = g_strdup_printf ("INSERT INTO %s (%s) SELECT %s FROM %s", scratch_sql,
                                            columns->str, values->str, target->sql);
  g_autofree gchar *drop = g_strdup_printf ("DROP TABLE %s", target->sql);
  g_autofree gchar *rename = g_strdup_printf ("ALTER TABLE %s RENAME TO %s", scratch_sql, object);
  gboolean has_columns = columns->len > 0;
  g_string_free (columns, TRUE);
  g_string_free (values, TRUE);
  return (!has_columns || gw_duckdb_flink_run (conn, copy, error)) &&
         gw_duckdb_flink_run (conn, drop, error) && gw_duckdb_flink_run (conn, rename, error);
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
  g_autoptr (GwDdlTable) before = gw_ddl_table_copy (table);
  /* DuckDB appends plain columns itself; anything else needs the table rebuilt. */
  gboolean rebuild = position >= 0;
  for (guint i = 0; alter->columns != NULL && i < alter->columns->len; i++) {
    const GwFlinkColumn *column = alter->columns->pdata[i];
    rebuild |= column->kind != GW_FLINK_COLUMN_PHYSICAL;
    GwFlinkColumn *copy = gw_ddl_column_copy (column);
    copy->primary_key = FALSE;
    if (position < 0)
      g_ptr_array_add (table->columns, copy);
    else
      g_ptr_array_insert (table->columns, position++, copy);
  }
  if (!target->connector && rebuild && !rebuild_native (conn, target, before, error))
    return FALSE;
  for (guint i = 0; !target->connector && !rebuild && alter->columns != NULL &&
                    i < alter->columns->len; i++) {
    const GwFlinkColumn *column = alter->columns->pdata[i];
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
  /* An inline PRIMARY KEY of an added column. */
  for (guint i = 0; alter->primary_key == NULL && alter->columns != NULL &&
                    i < alter->columns->len; i++) {
    const GwFlinkColumn *column = alter->columns->pdata[i];
    if (column->primary_key) {
      table->primary_key = g_new0 (gchar *, 2);
      table->primary_key[0] = g_strdup (column->name);
    }
  }
  if (alter->primary_key != NULL)
    table->primary_key = g_strdupv (alter->primary_key);
  if (alter->watermark_column != NULL) {
    table->watermark_column = g_strdup (alter->watermark_column);
    table->watermark_expression = g_strdup (alter->watermark_expression);
  }
  return TRUE;
}

/* Changes a physical DuckDB column from its old definition to the new one. */
static gboolean
modify_native (GwDuckdbConnection *conn, const GwDdlAlterTarget *target, const GwFlinkColumn *old,
               const GwFlinkColumn *column, GError **error)
{
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
  g_autoptr (GwDdlTable) before = gw_ddl_table_copy (table);
  /* DuckDB changes the type of a plain column in place; anything else needs the table rebuilt. */
  gboolean rebuild = alter->position_first || alter->position_after != NULL;
  for (guint i = 0; alter->columns != NULL && i < alter->columns->len; i++) {
    const GwFlinkColumn *column = alter->columns->pdata[i];
    int index = gw_ddl_table_find_column (table, column->name);
    GwFlinkColumn *old = table->columns->pdata[index];
    rebuild |= old->kind != GW_FLINK_COLUMN_PHYSICAL || column->kind != GW_FLINK_COLUMN_PHYSICAL;
    GwFlinkColumn *copy = gw_ddl_column_copy (column);
    if (copy->comment == NULL)
      copy->comment = g_strdup (old->comment);
    copy->primary_key = FALSE;
    g_ptr_array_remove_index (table->columns, index);
    int position;
    if (!position_index (table, alter, &position, error)) {
      gw_flink_column_free (copy);
      return FALSE;
    }
    g_ptr_array_insert (table->columns, position < 0 ? index : position, copy);
  }
  if (!target->connector && rebuild && !rebuild_native (conn, target, before, error))
    return FALSE;
  for (guint i = 0; !target->connector && !rebuild && alter->columns != NULL &&
                    i < alter->columns->len; i++) {
    const GwFlinkColumn *column = alter->columns->pdata[i];
    const GwFlinkColumn *old = before->columns->pdata[gw_ddl_table_find_column (before,
                                                                                column->name)];
    if (!modify_native (conn, target, old, column, error))
      return FALSE;
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
