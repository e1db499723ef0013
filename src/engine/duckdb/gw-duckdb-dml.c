/* DML jobs on DuckDB (the engine's execute_dml): INSERT [OVERWRITE] and CREATE TABLE AS, one or
 * a statement set, run in one DuckDB transaction so that every statement takes effect or none.
 * This file resolves the targets, checks the query against the sink's columns and runs CTAS;
 * the sinks themselves are gw-duckdb-sink.c, the files they stage gw-duckdb-sink-files.c.
 *
 * Not like Flink: query and sink types are matched by CAST (DuckDB's rules, more lenient than
 * Flink's implicit casts); INSERT ... PARTITION (k = v) and CTAS with a column list are not
 * supported; computed and metadata columns are not written. */
#include "gw-duckdb-flink-catalog.h"
#include "gw-duckdb-flink-ddl-private.h"
#include "gw-duckdb-metadata.h"
#include "gw-duckdb-sink.h"
#include "gw-duckdb-type-sql.h"
#include "gw-duckdb-types.h"
#include "gw-error.h"
#include "gw-flink-type.h"

#include <string.h>

#define CANCELED_MESSAGE "The operation was canceled."
/* Flink's words for anything but DML in a statement set (flink-rest.md §10). */
#define NOT_DML_MESSAGE                                                                      \
  "Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' statement " \
  "to submit Statement Set."

/* ---- describing queries and tables ---- */

/* The column names and types (owned GwLogicalType*) of sql's result, without running it. The
 * query is prepared as written (one statement, as the parser cut it) so that DuckDB's error
 * positions point into the user's text. */
static gboolean
describe (GwDuckdbConnection *conn, const char *sql, GPtrArray **names, GPtrArray **types,
          GError **error)
{
  duckdb_prepared_statement prepared = NULL;
  if (duckdb_prepare (conn->connection, sql, &prepared) == DuckDBError) {
    const char *message = duckdb_prepare_error (prepared);
    if (!gw_duckdb_flink_translate_error (message, error))
      g_set_error_literal (error, GW_ERROR, GW_ERROR_SQL,
                           message != NULL ? message : "DuckDB cannot prepare the query");
    duckdb_destroy_prepare (&prepared);
    return FALSE;
  }
  *names = g_ptr_array_new_with_free_func (g_free);
  *types = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_logical_type_unref);
  idx_t n = duckdb_prepared_statement_column_count (prepared);
  for (idx_t i = 0; i < n; i++) {
    /* Owned by the caller despite the const (duckdb.h: free with duckdb_free). */
    char *name = (char *) duckdb_prepared_statement_column_name (prepared, i);
    g_ptr_array_add (*names, g_strdup (name));
    duckdb_free (name);
    duckdb_logical_type type = duckdb_prepared_statement_column_logical_type (prepared, i);
    g_autoptr (GwDuckdbConverter) converter = gw_duckdb_converter_new (type);
    duckdb_destroy_logical_type (&type);
    g_ptr_array_add (*types, gw_logical_type_ref (gw_duckdb_converter_get_type (converter)));
  }
  duckdb_destroy_prepare (&prepared);
  return TRUE;
}

/* Flink's CatalogManager.getTableOrError() text. */
static void
set_not_found (GwDuckdbConnection *conn, const GwDuckdbPath *path, GError **error)
{
  g_autofree gchar *identifier = gw_ddl_identifier (path);
  g_autoptr (GString) catalogs = g_string_new (NULL);
  duckdb_result result;
  if (duckdb_query (conn->connection,
                    "SELECT database_name FROM duckdb_databases() "
                    "WHERE " GW_DUCKDB_USER_CATALOGS " ORDER BY 1",
                    &result) == DuckDBSuccess) {
    for (idx_t i = 0; i < duckdb_row_count (&result); i++) {
      char *name = duckdb_value_varchar (&result, 0, i);
      g_string_append_printf (catalogs, i > 0 ? ", %s" : "%s", name);
      duckdb_free (name);
    }
  }
  duckdb_destroy_result (&result);
  g_set_error (error, GW_ERROR, GW_ERROR_SQL, /* Flink: TableException */
               "Cannot find table '%s' in any of the catalogs [%s], nor as a temporary table.",
               identifier, catalogs->str);
}

static gboolean
add_flink_columns (GwDuckdbSinkTarget *target, const GwFlinkCreateTable *table, GError **error)
{
  for (guint i = 0; i < table->columns->len; i++) {
    const GwFlinkColumn *column = table->columns->pdata[i];
    /* Computed and metadata columns are not stored by our sinks. */
    if (column->kind != GW_FLINK_COLUMN_PHYSICAL)
      continue;
    g_autoptr (GwLogicalType) type = gw_flink_type_parse (column->type, error);
    if (type == NULL)
      return FALSE;
    GwDuckdbSinkColumn *added = gw_duckdb_sink_columns_add (
      target->columns, column->name, gw_logical_type_to_string (type), gw_duckdb_type_sql (type));
    added->not_null = !gw_logical_type_is_nullable (type);
  }
  return TRUE;
}

/* The table name refers to, with what it stores. Views, unknown tables and source-only
 * connectors fail here, before anything runs. */
static GwDuckdbSinkTarget *
resolve_target (GwDuckdbConnection *conn, const GwFlinkName *name, GError **error)
{
  g_autoptr (GwDuckdbSinkTarget) target = g_new0 (GwDuckdbSinkTarget, 1);
  target->columns = gw_duckdb_sink_columns_new ();
  if (!gw_duckdb_path_resolve (conn, name, FALSE, &target->path, error) ||
      !gw_duckdb_metadata_lookup (conn, &target->path, &target->ddl, &target->temporary, error))
    return NULL;
  target->flink_name = gw_duckdb_path_flink (&target->path);
  target->sql_name = gw_ddl_object_sql (&target->path, target->temporary);

  if (target->ddl != NULL && target->ddl->kind == GW_FLINK_CREATE_TABLE) {
    const GwFlinkCreateTable *table = target->ddl->create_table;
    const char *connector = gw_flink_options_lookup (&table->options, "connector");
    target->connector = gw_duckdb_connector_kind (&table->options);
    /* Flink checks a table's options when a statement uses it: an unknown connector or option
     * fails here with Flink's message. */
    if (connector != NULL && !gw_duckdb_connector_validate (table, error))
      return NULL;
    if (target->connector == GW_CONNECTOR_DATAGEN ||
        (connector != NULL && target->connector == GW_CONNECTOR_NONE)) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "Connector '%s' can only be used as a source. It cannot be used as a sink.",
                   connector);
      return NULL;
    }
    if (!add_flink_columns (target, table, error))
      return NULL;
    return g_steal_pointer (&target);
  }

  GwDdlObjectType type = GW_DDL_OBJECT_NONE;
  if (target->ddl == NULL &&
      !gw_ddl_duckdb_object (conn, &target->path, FALSE, &type, error))
    return NULL;
  if (target->ddl != NULL || type == GW_DDL_OBJECT_VIEW) {
    g_autofree gchar *identifier = gw_ddl_identifier (&target->path);
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "View '%s' cannot be used as a sink: only tables can be written.", identifier);
    return NULL;
  }
  if (type == GW_DDL_OBJECT_NONE) {
    set_not_found (conn, &target->path, error);
    return NULL;
  }
  /* A plain DuckDB table: DuckDB's INSERT checks and casts the values itself. */
  g_autofree gchar *sql = g_strdup_printf ("SELECT * FROM %s", target->sql_name);
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) types = NULL;
  if (!describe (conn, sql, &names, &types, error))
    return NULL;
  for (guint i = 0; i < names->len; i++)
    gw_duckdb_sink_columns_add (target->columns, names->pdata[i],
                                gw_logical_type_to_string (types->pdata[i]), NULL);
  return g_steal_pointer (&target);
}

/* ---- checking the query against the sink ---- */

static void
append_schema (GString *out, GPtrArray *names, GPtrArray *types)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, i > 0 ? ", %s: %s" : "%s: %s", (char *) names->pdata[i],
                            (char *) types->pdata[i]);
  g_string_append_c (out, ']');
}

/* Flink's DynamicSinkUtils check: as many query columns as sink columns (the listed ones when
 * INSERT names columns, each of which must exist once). Types are left to the casts. */
static gboolean
check_columns (GwDuckdbConnection *conn, const GwDuckdbSinkTarget *target, const char *query,
               const char *const *columns, GError **error)
{
  g_autoptr (GPtrArray) sink_names = g_ptr_array_new ();
  g_autoptr (GPtrArray) sink_types = g_ptr_array_new ();
  if (columns != NULL) {
    for (guint i = 0; columns[i] != NULL; i++) {
      const GwDuckdbSinkColumn *found = NULL;
      for (guint j = 0; j < target->columns->len && found == NULL; j++) {
        const GwDuckdbSinkColumn *column = target->columns->pdata[j];
        if (strcmp (column->name, columns[i]) == 0)
          found = column;
      }
      if (found == NULL) {
        g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION, "Unknown target column '%s'",
                     columns[i]);
        return FALSE;
      }
      for (guint j = 0; j < i; j++) {
        if (strcmp (columns[j], columns[i]) == 0) {
          g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                       "Target column '%s' is assigned more than once", columns[i]);
          return FALSE;
        }
      }
      g_ptr_array_add (sink_names, found->name);
      g_ptr_array_add (sink_types, found->flink_type);
    }
  } else {
    for (guint j = 0; j < target->columns->len; j++) {
      const GwDuckdbSinkColumn *column = target->columns->pdata[j];
      g_ptr_array_add (sink_names, column->name);
      g_ptr_array_add (sink_types, column->flink_type);
    }
  }

  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) types = NULL;
  if (!describe (conn, query, &names, &types, error))
    return FALSE;
  if (names->len == sink_names->len)
    return TRUE;
  g_autoptr (GPtrArray) type_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < types->len; i++)
    g_ptr_array_add (type_names, gw_logical_type_to_string (types->pdata[i]));
  g_autoptr (GString) message = g_string_new (NULL);
  g_string_printf (message,
                   "Column types of query result and sink for '%s' do not match.\n"
                   "Cause: Different number of columns.\n\nQuery schema: ", target->flink_name);
  append_schema (message, names, type_names);
  g_string_append (message, "\nSink schema:  ");
  append_schema (message, sink_names, sink_types);
  g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION, message->str);
  return FALSE;
}

/* ---- statements ---- */

static gint64
run_insert (GwDuckdbDmlJob *job, GPtrArray *targets, const GwFlinkName *name, const char *query,
            const char *const *columns, gboolean overwrite, GError **error)
{
  GwDuckdbSinkTarget *target = resolve_target (job->conn, name, error);
  if (target == NULL)
    return -1;
  g_ptr_array_add (targets, target); /* lives as long as the job: publishing refreshes it */
  if (overwrite && (target->connector == GW_CONNECTOR_PRINT ||
                    target->connector == GW_CONNECTOR_BLACKHOLE)) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "INSERT OVERWRITE requires that the underlying DynamicTableSink of table '%s' "
                 "implements the SupportsOverwrite interface.", target->flink_name);
    return -1;
  }
  if (!check_columns (job->conn, target, query, columns, error))
    return -1;
  return gw_duckdb_sink_write (job, target, query, columns, overwrite, error);
}

/* Creates the table of a CTAS with the query's columns and the statement's own name, options,
 * comment and partition keys (a plain CREATE TABLE, pointers borrowed from ct). */
static gboolean
create_ctas_table (GwDuckdbConnection *conn, const GwFlinkCreateTable *ct, const char *query,
                   GError **error)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) types = NULL;
  if (!describe (conn, query, &names, &types, error))
    return FALSE;
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gw_flink_column_free);
  for (guint i = 0; i < names->len; i++) {
    GwFlinkColumn *column = g_new0 (GwFlinkColumn, 1);
    column->name = g_strdup (names->pdata[i]);
    column->kind = GW_FLINK_COLUMN_PHYSICAL;
    column->type = gw_logical_type_to_string (types->pdata[i]);
    g_ptr_array_add (columns, column);
  }
  GwFlinkCreateTable table = *ct;
  table.columns = columns;
  table.as_query = NULL;
  return gw_duckdb_flink_create_table (conn, &table, error);
}

/* CREATE TABLE t [WITH (...)] AS query: the table gets the query's columns and types, then the
 * query's rows, in the job's transaction. */
static gint64
run_create_table_as (GwDuckdbDmlJob *job, GPtrArray *targets, const GwFlinkCreateTable *ct,
                     GError **error)
{
  if (ct->columns != NULL && ct->columns->len > 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED,
                 "CREATE TABLE AS SELECT with a column list is not supported: the columns come "
                 "from the query.");
    return -1;
  }
  g_autofree gchar *query = gw_flink_sql_to_engine (ct->as_query);
  if (!create_ctas_table (job->conn, ct, query, error))
    return -1;
  return run_insert (job, targets, &ct->name, query, NULL, FALSE, error);
}

static gint64
run_statement (GwDuckdbDmlJob *job, GPtrArray *targets, const GwFlinkStatement *stmt,
               GError **error)
{
  if (stmt->kind == GW_FLINK_CREATE_TABLE_AS)
    return run_create_table_as (job, targets, stmt->create_table, error);
  const GwFlinkInsert *insert = stmt->insert;
  g_autofree gchar *query = gw_flink_sql_to_engine (insert->query);
  return run_insert (job, targets, &insert->target, query, (const char *const *) insert->columns,
                     insert->overwrite, error);
}

/* What Flink checks when it plans a job, before anything runs: the targets exist and take the
 * queries' columns, the sources resolve (DuckDB prepares each query), CTAS targets are new. */
static gboolean
validate_statement (GwDuckdbConnection *conn, const GwFlinkStatement *stmt, GError **error)
{
  if (stmt->kind == GW_FLINK_CREATE_TABLE_AS) {
    /* Created inside the validation's transaction, which is rolled back: later statements of
     * a set may write to it. */
    g_autofree gchar *query = gw_flink_sql_to_engine (stmt->create_table->as_query);
    return create_ctas_table (conn, stmt->create_table, query, error);
  }
  const GwFlinkInsert *insert = stmt->insert;
  g_autoptr (GwDuckdbSinkTarget) target = resolve_target (conn, &insert->target, error);
  if (target == NULL)
    return FALSE;
  if (insert->overwrite && (target->connector == GW_CONNECTOR_PRINT ||
                            target->connector == GW_CONNECTOR_BLACKHOLE)) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "INSERT OVERWRITE requires that the underlying DynamicTableSink of table '%s' "
                 "implements the SupportsOverwrite interface.", target->flink_name);
    return FALSE;
  }
  g_autofree gchar *query = gw_flink_sql_to_engine (insert->query);
  return check_columns (conn, target, query, (const char *const *) insert->columns, error);
}

static GPtrArray *
parse_statements (const char *const *statements, GError **error)
{
  g_autoptr (GPtrArray) parsed = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gw_flink_statement_free);
  for (guint i = 0; statements[i] != NULL; i++) {
    GwFlinkStatement *stmt = gw_flink_statement_parse (statements[i], error);
    if (stmt == NULL)
      return NULL;
    g_ptr_array_add (parsed, stmt);
    if (stmt->kind != GW_FLINK_INSERT && stmt->kind != GW_FLINK_CREATE_TABLE_AS) {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION, NOT_DML_MESSAGE);
      return NULL;
    }
  }
  if (parsed->len == 0) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT, "No statement to execute");
    return NULL;
  }
  return g_steal_pointer (&parsed);
}

static gboolean
check_cancelled (GCancellable *cancellable, GError **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error_literal (error, GW_ERROR, GW_ERROR_CANCELED, CANCELED_MESSAGE);
  return TRUE;
}

gint64
gw_duckdb_execute_dml (GwEngineConnection *base, const char *const *statements,
                       GwEnginePrintFunc print, gpointer print_data, GCancellable *cancellable,
                       GError **error)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  g_return_val_if_fail (conn != NULL, -1);
  g_return_val_if_fail (statements != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!gw_duckdb_connection_check_idle (conn, error))
    return -1;
  g_autoptr (GPtrArray) parsed = parse_statements (statements, error);
  if (parsed == NULL || check_cancelled (cancellable, error))
    return -1;
  if (!gw_duckdb_flink_run (conn, "BEGIN TRANSACTION", error))
    return -1;

  GwDuckdbDmlJob job;
  gw_duckdb_dml_job_init (&job, conn, cancellable, print, print_data);
  g_autoptr (GPtrArray) targets = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gw_duckdb_sink_target_free);
  g_autoptr (GError) local_error = NULL;
  gint64 total = 0;
  for (guint i = 0; i < parsed->len; i++) {
    gint64 rows = run_statement (&job, targets, parsed->pdata[i], &local_error);
    if (rows < 0 || check_cancelled (cancellable, &local_error))
      goto failed;
    total += rows;
  }
  /* Past this point a cancel comes too late: the job is done. */
  if (check_cancelled (cancellable, &local_error) ||
      !gw_duckdb_flink_run (conn, "COMMIT", &local_error))
    goto failed;
  gboolean published = gw_duckdb_dml_job_publish (&job, error);
  gw_duckdb_dml_job_clear (&job);
  return published ? total : -1;

failed:
  {
    g_autoptr (GError) rollback_error = NULL;
    /* DuckDB may have ended the transaction itself (a failed COMMIT); then there is nothing to
     * roll back and its complaint about that is not news. */
    if (!gw_duckdb_flink_run (conn, "ROLLBACK", &rollback_error))
      g_debug ("ROLLBACK after a failed DML job: %s", rollback_error->message);
  }
  gw_duckdb_dml_job_clear (&job);
  /* An interrupt surfaces as whatever DuckDB was doing at that moment failing. */
  if (g_cancellable_is_cancelled (cancellable) &&
      !g_error_matches (local_error, GW_ERROR, GW_ERROR_CANCELED)) {
    g_clear_error (&local_error);
    g_set_error_literal (&local_error, GW_ERROR, GW_ERROR_CANCELED, CANCELED_MESSAGE);
  }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return -1;
}

gboolean
gw_duckdb_validate_dml (GwEngineConnection *base, const char *const *statements, GError **error)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  g_return_val_if_fail (conn != NULL && statements != NULL, FALSE);
  if (!gw_duckdb_connection_check_idle (conn, error))
    return FALSE;
  g_autoptr (GPtrArray) parsed = parse_statements (statements, error);
  if (parsed == NULL || !gw_duckdb_flink_run (conn, "BEGIN TRANSACTION", error))
    return FALSE;
  gboolean ok = TRUE;
  for (guint i = 0; i < parsed->len && ok; i++)
    ok = validate_statement (conn, parsed->pdata[i], error);
  g_autoptr (GError) rollback_error = NULL;
  if (!gw_duckdb_flink_run (conn, "ROLLBACK", &rollback_error))
    g_debug ("ROLLBACK after validating DML: %s", rollback_error->message);
  return ok;
}
