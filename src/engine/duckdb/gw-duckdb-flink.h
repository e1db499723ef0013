/* The DuckDB engine's Flink front-end: how Flink's concepts map onto DuckDB (DESIGN.md §4).
 *
 *   Flink catalog   = DuckDB attached database (default_catalog = the gateway's database file)
 *   Flink database  = DuckDB schema (default_database)
 *   table without a connector          = DuckDB table
 *   table WITH ('connector' = ...)     = DuckDB view reading the source (read_csv/read_json/
 *                                        read_parquet, or range() for datagen); writes are jobs
 *                                        (gw-duckdb-dml.c)
 *   Flink view      = DuckDB view over the translated query
 *   TEMPORARY table/view = DuckDB temp object (connection = session scoped)
 *
 * What DuckDB cannot hold (Flink types as written, computed and metadata columns, watermarks,
 * options, comments, the view's Flink text) is kept by gw-duckdb-metadata.c: every table and view
 * created through Flink DDL has its normalized Flink DDL in the catalog's hidden schema
 * "__gateway". Objects created by plain DuckDB SQL have no metadata and are described from
 * DuckDB's own catalog.
 *
 * Every function here runs on conn (idle: no open stream) and returns a cursor (rows, or an
 * empty GW_STATEMENT_OTHER cursor for Flink's OK result) or NULL with an error in Flink's words
 * (GW_ERROR_CATALOG / GW_ERROR_VALIDATION, see reference/flink-rest.md §10). */
#pragma once

#include "gw-duckdb-private.h"
#include "gw-flink-statement.h"

G_BEGIN_DECLS

/* Routes one parsed statement to the functions below (gw-duckdb-flink.c). */
GwEngineCursor *gw_duckdb_flink_execute (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                                         GCancellable *cancellable, GError **error);

/* ---- helpers every part uses (gw-duckdb-flink.c) ---- */

/* Flink's OK result as a cursor: no columns; the service turns it into `result` = OK. */
GwEngineCursor *gw_duckdb_flink_ok (void);
/* Runs sql (DuckDB dialect) and streams its result as a cursor of kind. */
GwEngineCursor *gw_duckdb_flink_query (GwDuckdbConnection *conn, const char *sql,
                                       GwStatementKind kind, GCancellable *cancellable,
                                       GError **error);
/* Runs sql and discards the result; errors are GW_ERROR_SQL with DuckDB's message. */
gboolean        gw_duckdb_flink_run (GwDuckdbConnection *conn, const char *sql, GError **error);
/* "name" with inner double quotes doubled. */
gchar          *gw_duckdb_quote_identifier (const char *name);
/* 'text' with inner single quotes doubled. */
gchar          *gw_duckdb_quote_literal (const char *text);
/* The current catalog and database of conn (newly allocated). */
gboolean        gw_duckdb_flink_current (GwDuckdbConnection *conn, gchar **catalog,
                                         gchar **database, GError **error);

/* A name resolved against the current catalog and database. */
typedef struct {
  gchar *catalog;
  gchar *database;
  gchar *object;   /* NULL for a database path */
} GwDuckdbPath;

void     gw_duckdb_path_clear (GwDuckdbPath *path);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GwDuckdbPath, gw_duckdb_path_clear)
/* Resolves an object name (1-3 parts) or, when is_database, a database name (1-2 parts). */
gboolean gw_duckdb_path_resolve (GwDuckdbConnection *conn, const GwFlinkName *name,
                                 gboolean is_database, GwDuckdbPath *out, GError **error);
/* "c"."d"."o" (or "c"."d" for a database path), DuckDB-quoted. */
gchar   *gw_duckdb_path_sql (const GwDuckdbPath *path);
/* `c`.`d`.`o` as Flink prints identifiers in messages: c.d.o (no quotes). */
gchar   *gw_duckdb_path_flink (const GwDuckdbPath *path);

/* ---- catalogs and databases (gw-duckdb-flink-catalog.c) ---- */

GwEngineCursor *gw_duckdb_flink_catalog_statement (GwDuckdbConnection *conn,
                                                   const GwFlinkStatement *stmt, GError **error);
/* At engine start: re-attaches the catalogs made by CREATE CATALOG (kept in
 * default_catalog.__gateway.catalogs). */
gboolean        gw_duckdb_flink_restore_catalogs (duckdb_connection connection, GError **error);

/* ---- SHOW / DESCRIBE / SHOW CREATE / EXPLAIN on tables, views, functions
 *      (gw-duckdb-flink-show.c) ---- */

GwEngineCursor *gw_duckdb_flink_show_statement (GwDuckdbConnection *conn,
                                                const GwFlinkStatement *stmt,
                                                GCancellable *cancellable, GError **error);

/* ---- DDL on tables and views (gw-duckdb-flink-ddl.c) ---- */

GwEngineCursor *gw_duckdb_flink_ddl_statement (GwDuckdbConnection *conn,
                                               const GwFlinkStatement *stmt, GError **error);

/* Creates the table of a parsed CREATE TABLE (connector view or native table, plus its metadata)
 * inside the caller's transaction; CTAS builds `table` with the query's columns and calls it. */
gboolean        gw_duckdb_flink_create_table (GwDuckdbConnection *conn,
                                              const GwFlinkCreateTable *table, GError **error);
/* Re-creates the view standing for a connector table (after a sink wrote its first files). */
gboolean        gw_duckdb_flink_refresh_source (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                                const GwFlinkCreateTable *table, gboolean temporary,
                                                GError **error);
/* At engine start: re-creates the views of every filesystem table of the attached catalogs, so
 * files that appeared while the gateway was down are read (a view made over an empty directory
 * reads no files until it is re-created). A table that fails is logged and skipped. */
gboolean        gw_duckdb_flink_refresh_sources (duckdb_connection connection, GError **error);

/* Flink checks a table's connector options when a query plans, not at CREATE TABLE. The view of
 * a connector table with options Flink would refuse is created anyway and fails when read, with
 * DuckDB's error() and this mark before Flink's message. */
#define GW_DUCKDB_VALIDATION_MARK "[gateway:ValidationException] "
/* TRUE, with *error = GW_ERROR_VALIDATION and the message after the mark, when a DuckDB error
 * message is such a failure, or with Flink's sink NOT NULL message for DuckDB's NOT NULL
 * constraint error (the cursor and gw_duckdb_flink_run call it for every DuckDB error). */
gboolean        gw_duckdb_flink_translate_error (const char *message, GError **error);

/* ---- DML jobs (gw-duckdb-dml.c): the engine's execute_dml ---- */

/* The engine's validate_dml: plans the statements without running them. */
gboolean        gw_duckdb_validate_dml (GwEngineConnection *conn, const char *const *statements,
                                        GError **error);
gint64          gw_duckdb_execute_dml (GwEngineConnection *conn, const char *const *statements,
                                       GwEnginePrintFunc print, gpointer print_data,
                                       GCancellable *cancellable, GError **error);

G_END_DECLS
