/* Flink catalogs and databases on DuckDB, shared by gw-duckdb-flink-registry.c (what is known of
 * catalogs and databases, the catalog registry), gw-duckdb-flink-catalog.c (catalog statements)
 * and gw-duckdb-flink-database.c (database statements).
 *
 * Decisions, since DuckDB is not Flink:
 * - A catalog is an attached database, and attaching is database-wide: a catalog created in one
 *   session is seen (and can be dropped) by every session. Only the current catalog and database
 *   are per session.
 * - CREATE CATALOG is recorded in default_catalog.__gateway.catalogs (name, comment, options as a
 *   JSON object) and re-attached when the engine starts (gw_duckdb_flink_restore_catalogs).
 * - 'generic_in_memory' attaches ':memory:'; its default database is 'default-database' or
 *   Flink's `default`. After a restart it comes back empty (only its definition is kept).
 * - 'duckdb' attaches the file 'path' (relative paths against the gateway's working directory,
 *   recorded absolute so a restart elsewhere finds the same file). Its default database is
 *   'default-database' (created if missing) or DuckDB's `main`, so a file made by another DuckDB
 *   program opens on its tables and the gateway writes nothing into it.
 * - default_catalog and the catalogs of sql-gateway.engine.duckdb.catalogs are not recorded:
 *   they are described as type 'duckdb' with their file as 'path', their default database is
 *   `default_database` when it exists, else `main`, and they cannot be altered.
 * - SHOW DATABASES leaves out the hidden schema, and DuckDB's `main` while it is empty, unless it
 *   is the catalog's default or the current database.
 * - DuckDB cannot comment on schemas: database comments and options are kept in
 *   <catalog>.__gateway.databases (name, comment, options).
 * - DuckDB compares catalog and schema names case-insensitively; a name differing only in case
 *   from an existing one is refused instead of silently meaning the other object. */
#pragma once

#include "gw-duckdb-flink.h"
#include "gw-duckdb-metadata.h"

G_BEGIN_DECLS

/* The catalog that is the gateway's own database file (sql-gateway.engine.duckdb.path). */
#define GW_DUCKDB_DEFAULT_CATALOG "default_catalog"
/* A condition on duckdb_databases() keeping the user catalogs: not DuckDB's internal databases,
 * nor the in-memory host database the engine opens first. */
#define GW_DUCKDB_USER_CATALOGS "NOT internal AND database_name <> 'memory'"

/* ---- SQL helpers ---- */

/* Runs sql with n_params VARCHAR parameters ($1..; a NULL parameter binds NULL) and returns its
 * rows, every column cast to VARCHAR by the query: a GPtrArray of rows, each a GPtrArray of cells
 * (gchar*, NULL for a SQL NULL). Errors are GW_ERROR_SQL with DuckDB's message. */
GPtrArray  *gw_duckdb_select (duckdb_connection connection, const char *sql, guint n_params,
                              const char *const *params, GError **error);

static inline const char *
gw_duckdb_cell (GPtrArray *rows, guint row, guint column)
{
  return ((GPtrArray *) rows->pdata[row])->pdata[column];
}

/* Runs sql, discarding its result (GW_ERROR_SQL with DuckDB's message). */
gboolean    gw_duckdb_exec (duckdb_connection connection, const char *sql, GError **error);
/* Runs the NULL-terminated statements in one transaction (rolled back on failure). */
gboolean    gw_duckdb_transaction (duckdb_connection connection, const char *const *statements,
                                   GError **error);
/* " AND column [NOT] LIKE|ILIKE 'pattern' ESCAPE '\'" for a SHOW filter, or "". */
gchar      *gw_duckdb_like_condition (const GwFlinkLike *like, const char *column);

/* Options: a GTree of gchar* key → gchar* value, sorted by key. */
GTree      *gw_duckdb_options_new (void);
gchar      *gw_duckdb_options_to_json (GTree *options);
/* Options read back from gw_duckdb_options_to_json text (json NULL: none). */
GTree      *gw_duckdb_options_from_json (duckdb_connection connection, const char *json,
                                         GError **error);

/* ---- lookups ---- */

/* TRUE in *exists when catalog names a user catalog, compared exactly. */
gboolean    gw_duckdb_catalog_exists (duckdb_connection connection, const char *catalog,
                                      gboolean *exists, GError **error);
/* *found = the schema of catalog whose name equals database ignoring case, the exact one first
 * (NULL if none); the hidden schema and DuckDB's internal ones are never found. Comparing *found
 * with database tells "exists" from "differs in case only". */
gboolean    gw_duckdb_database_find (duckdb_connection connection, const char *catalog,
                                     const char *database, gchar **found, GError **error);
/* TRUE in *exists when table exists in the hidden schema of catalog. */
gboolean    gw_duckdb_metadata_table_exists (duckdb_connection connection, const char *catalog,
                                             const char *table, gboolean *exists,
                                             GError **error);

/* ---- catalogs and the registry ---- */

/* What is known of one catalog: its registry row, or made up for the configured ones. */
typedef struct {
  gboolean exists;    /* attached */
  gboolean recorded;  /* made by CREATE CATALOG (in the registry) */
  gchar   *comment;   /* owned, may be NULL */
  GTree   *options;   /* owned: the options (with 'type'), NULL unless exists */
} GwDuckdbCatalogInfo;

gboolean    gw_duckdb_catalog_info_load (duckdb_connection connection, const char *catalog,
                                         GwDuckdbCatalogInfo *info, GError **error);
void        gw_duckdb_catalog_info_clear (GwDuckdbCatalogInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GwDuckdbCatalogInfo, gw_duckdb_catalog_info_clear)

/* The database USE CATALOG switches to (the rules above). */
gchar      *gw_duckdb_catalog_default_database (duckdb_connection connection,
                                                const char *catalog, GError **error);
/* The same for a recorded catalog, from its options (borrowed from options or static). */
const char *gw_duckdb_catalog_options_default_database (GTree *options);
/* Checks options as Flink's catalog factories would ('type' among them). */
gboolean    gw_duckdb_catalog_check_options (const char *type, GTree *options, GError **error);
/* A 'path' option made absolute against the working directory (':memory:' stays). */
gchar      *gw_duckdb_catalog_absolute_path (const char *path);
/* ATTACHes the database of options ('type', absolute 'path') as catalog and creates its default
 * database. A file outside the allowed directories is a GW_ERROR_VALIDATION naming the option. */
gboolean    gw_duckdb_catalog_attach (duckdb_connection connection, const char *catalog,
                                      GTree *options, GError **error);
/* Writes (replaces) the registry row of catalog. */
gboolean    gw_duckdb_catalog_record (duckdb_connection connection, const char *catalog,
                                      const char *comment, GTree *options, GError **error);
/* Removes the registry row of catalog, if any. */
gboolean    gw_duckdb_catalog_forget (duckdb_connection connection, const char *catalog,
                                      GError **error);

/* ---- database statements (gw-duckdb-flink-database.c) ---- */

/* CREATE/DROP/ALTER/USE DATABASE, SHOW DATABASES, SHOW CURRENT DATABASE. */
GwEngineCursor *gw_duckdb_flink_database_statement (GwDuckdbConnection *conn,
                                                    const GwFlinkStatement *stmt, GError **error);

G_END_DECLS
