/* Flink's ALTER TABLE on DuckDB: RENAME TO, SET / RESET options, DROP PRIMARY KEY / WATERMARK,
 * and the dispatch of the column changes (gw-duckdb-flink-alter-columns.c). The new definition
 * is checked as Flink's AlterSchemaConverter does (same messages); a table without a connector
 * gets the matching DuckDB ALTER TABLE, a connector table gets its view re-created, and the
 * metadata follows, all in one transaction. As in Flink, temporary tables and views cannot be
 * altered. The primary key of a table without a connector is not a DuckDB constraint, so DROP
 * PRIMARY KEY leaves its columns NOT NULL. */
#include "gw-duckdb-flink-ddl-private.h"
#include "gw-duckdb-connector.h"
#include "gw-duckdb-metadata.h"
#include "gw-error.h"

#include <string.h>

#define PREFIX GW_DDL_ALTER_PREFIX

gboolean
gw_ddl_alter_duckdb (GwDuckdbConnection *conn, const GwDdlAlterTarget *target, const char *clause,
                     GError **error)
{
  g_autofree gchar *sql = g_strdup_printf ("ALTER TABLE %s %s", target->sql, clause);
  return gw_duckdb_flink_run (conn, sql, error);
}

/* ---- options ---- */

static gboolean
alter_options (GwDdlAlterTarget *target, const GwFlinkAlterTable *alter, GError **error)
{
  GwDdlTable *table = target->table;
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  if (alter->action == GW_FLINK_ALTER_RESET) {
    if (alter->reset_keys == NULL || alter->reset_keys[0] == NULL) {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           "ALTER TABLE RESET does not support empty key");
      return FALSE;
    }
    if (g_strv_contains ((const char *const *) alter->reset_keys, "connector")) {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           "ALTER TABLE RESET does not support changing 'connector'");
      return FALSE;
    }
  }
  for (guint i = 0; table->options.keys != NULL && table->options.keys[i] != NULL; i++) {
    if (alter->action == GW_FLINK_ALTER_RESET &&
        g_strv_contains ((const char *const *) alter->reset_keys, table->options.keys[i]))
      continue;
    g_ptr_array_add (keys, table->options.keys[i]);
    g_ptr_array_add (values, table->options.values[i]);
  }
  for (guint i = 0; alter->action == GW_FLINK_ALTER_SET && alter->options.keys != NULL &&
                    alter->options.keys[i] != NULL; i++) {
    guint at;
    if (g_ptr_array_find_with_equal_func (keys, alter->options.keys[i], g_str_equal, &at)) {
      values->pdata[at] = alter->options.values[i];
    } else {
      g_ptr_array_add (keys, alter->options.keys[i]);
      g_ptr_array_add (values, alter->options.values[i]);
    }
  }
  if (!target->connector && g_ptr_array_find_with_equal_func (keys, "connector", g_str_equal,
                                                               NULL)) {
    g_autofree gchar *identifier = gw_ddl_identifier (&target->path);
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Table %s has no 'connector': its rows are kept in a DuckDB table and cannot "
                 "move to a connector. Create a new table with the connector and copy the rows "
                 "with INSERT INTO ... SELECT.", identifier);
    return FALSE;
  }
  gw_ddl_options_set (&table->options, keys, values);
  return TRUE;
}

/* ---- RENAME TO ---- */

static gboolean
alter_rename (GwDuckdbConnection *conn, GwDdlAlterTarget *target, const GwFlinkAlterTable *alter,
              GError **error)
{
  g_auto (GwDuckdbPath) resolved = { 0 };
  if (!gw_duckdb_path_resolve (conn, &alter->new_name, FALSE, &resolved, error))
    return FALSE;
  /* Flink's Catalog.renameTable keeps the database: only the object name is taken. */
  GwDuckdbPath to = { target->path.catalog, target->path.database, resolved.object };
  GwDdlObjectType existing;
  if (!gw_ddl_duckdb_object (conn, &to, FALSE, &existing, error))
    return FALSE;
  if (existing != GW_DDL_OBJECT_NONE) {
    g_set_error (error, GW_ERROR, GW_ERROR_TABLE_ALREADY_EXIST,
                 "Table (or view) %s.%s already exists in Catalog %s.", to.database, to.object,
                 to.catalog);
    return FALSE;
  }
  g_autofree gchar *name = gw_duckdb_quote_identifier (to.object);
  g_autofree gchar *sql = g_strdup_printf ("ALTER %s %s RENAME TO %s",
                                           target->duckdb == GW_DDL_OBJECT_TABLE ? "TABLE" : "VIEW",
                                           target->sql, name);
  if (!gw_duckdb_flink_run (conn, sql, error))
    return FALSE;
  if (!target->has_metadata)
    return TRUE;
  return gw_duckdb_metadata_delete (conn, &target->path, FALSE, error) &&
         gw_ddl_store_table (conn, &to, target->table, FALSE, error);
}

/* ---- the statement ---- */

/* Finds the table; *found FALSE with no error means IF EXISTS and nothing to do. */
static gboolean
find_target (GwDuckdbConnection *conn, const GwFlinkAlterTable *alter, GwDdlAlterTarget *target,
             gboolean *found, GError **error)
{
  *found = FALSE;
  if (!gw_duckdb_path_resolve (conn, &alter->name, FALSE, &target->path, error))
    return FALSE;
  g_autoptr (GwFlinkStatement) temporary = NULL;
  g_autoptr (GwFlinkStatement) metadata = NULL;
  if (!gw_duckdb_metadata_lookup_one (conn, &target->path, TRUE, &temporary, error) ||
      !gw_ddl_duckdb_object (conn, &target->path, FALSE, &target->duckdb, error))
    return FALSE;
  if (temporary != NULL || target->duckdb == GW_DDL_OBJECT_NONE) {
    if (alter->if_exists)
      return TRUE;
    g_autofree gchar *identifier = gw_ddl_identifier (&target->path);
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Table %s doesn't exist or is a temporary table.", identifier);
    return FALSE;
  }
  if (!gw_duckdb_metadata_lookup_one (conn, &target->path, FALSE, &metadata, error))
    return FALSE;
  if (target->duckdb == GW_DDL_OBJECT_VIEW &&
      (metadata == NULL || metadata->kind != GW_FLINK_CREATE_TABLE)) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         "ALTER TABLE for a view is not allowed");
    return FALSE;
  }
  target->has_metadata = metadata != NULL;
  target->table = metadata != NULL ? gw_ddl_table_copy (metadata->create_table)
                                   : gw_ddl_table_from_duckdb (conn, &target->path, error);
  if (target->table == NULL)
    return FALSE;
  target->connector = target->duckdb == GW_DDL_OBJECT_VIEW;
  target->sql = gw_duckdb_path_sql (&target->path);
  *found = TRUE;
  return TRUE;
}

static gboolean
alter_table (GwDuckdbConnection *conn, const GwFlinkAlterTable *alter, GError **error)
{
  g_auto (GwDdlAlterTarget) target = { 0 };
  gboolean found;
  if (!find_target (conn, alter, &target, &found, error))
    return FALSE;
  if (!found)
    return TRUE;
  GwDdlTable *table = target.table;
  /* Changes DuckDB's catalog cannot hold need metadata even for a plain DuckDB table. */
  gboolean store = target.has_metadata;
  gboolean ok;
  switch (alter->action) {
  case GW_FLINK_ALTER_RENAME:
    return alter_rename (conn, &target, alter, error);
  case GW_FLINK_ALTER_SET:
  case GW_FLINK_ALTER_RESET:
    ok = alter_options (&target, alter, error);
    store = TRUE;
    break;
  case GW_FLINK_ALTER_ADD:
    ok = gw_ddl_alter_add (conn, &target, alter, error);
    store |= alter->primary_key != NULL || alter->watermark_column != NULL;
    break;
  case GW_FLINK_ALTER_MODIFY:
    ok = gw_ddl_alter_modify (conn, &target, alter, error);
    store |= alter->primary_key != NULL || alter->watermark_column != NULL;
    break;
  case GW_FLINK_ALTER_DROP_COLUMNS:
    ok = gw_ddl_alter_drop_columns (conn, &target, alter, error);
    break;
  case GW_FLINK_ALTER_RENAME_COLUMN:
    ok = gw_ddl_alter_rename_column (conn, &target, alter, error);
    break;
  case GW_FLINK_ALTER_DROP_PRIMARY_KEY:
    ok = table->primary_key != NULL;
    if (!ok)
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           PREFIX "The base table does not define any primary key.");
    g_clear_pointer (&table->primary_key, g_strfreev);
    g_clear_pointer (&table->constraint_name, g_free);
    break;
  case GW_FLINK_ALTER_DROP_WATERMARK:
  default:
    ok = table->watermark_column != NULL;
    if (!ok)
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           PREFIX "The base table does not define any watermark strategy.");
    g_clear_pointer (&table->watermark_column, g_free);
    g_clear_pointer (&table->watermark_expression, g_free);
    break;
  }
  if (!ok || !gw_ddl_table_normalize (table, error))
    return FALSE;
  if (!target.connector) {
    /* Primary key columns are NOT NULL (normalize made their types so). */
    for (guint i = 0; table->primary_key != NULL && table->primary_key[i] != NULL; i++) {
      g_autofree gchar *name = gw_duckdb_quote_identifier (table->primary_key[i]);
      g_autofree gchar *clause = g_strdup_printf ("ALTER COLUMN %s SET NOT NULL", name);
      if (!gw_ddl_alter_duckdb (conn, &target, clause, error))
        return FALSE;
    }
  } else if (!gw_ddl_create_connector_view (conn, &target.path, table, FALSE, TRUE, error)) {
    return FALSE;
  }
  return !store || gw_ddl_store_table (conn, &target.path, table, FALSE, error);
}

GwEngineCursor *
gw_ddl_alter_table (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  gboolean began = FALSE;
  if (!gw_ddl_begin (conn, &began, error))
    return NULL;
  gboolean ok = alter_table (conn, stmt->alter_table, error);
  if (!gw_ddl_end (conn, began, ok, error))
    return NULL;
  return gw_duckdb_flink_ok ();
}
