/* Shared by the DDL files (gw-duckdb-flink-ddl.c: CREATE/DROP TABLE and VIEW;
 * gw-duckdb-flink-alter.c: ALTER TABLE): owned table definitions, what a path names in DuckDB,
 * how a definition becomes DuckDB objects plus metadata, and the parts of ALTER TABLE. */
#pragma once

#include "gw-duckdb-flink.h"

G_BEGIN_DECLS

/* A CREATE TABLE tree owned by the DDL code (never by a parsed statement): copies are edited by
 * LIKE and ALTER, then normalized and stored. */
typedef GwFlinkCreateTable GwDdlTable;

GwDdlTable    *gw_ddl_table_copy (const GwFlinkCreateTable *table);
void           gw_ddl_table_free (GwDdlTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwDdlTable, gw_ddl_table_free)
GwFlinkColumn *gw_ddl_column_copy (const GwFlinkColumn *column);
/* Index of the column named name, or -1. */
int            gw_ddl_table_find_column (const GwFlinkCreateTable *table, const char *name);
/* Replaces the options of table by a copy of keys/values (NULL-terminated, parallel). */
void           gw_ddl_options_set (GwFlinkOptions *options, GPtrArray *keys, GPtrArray *values);

/* Checks a definition the way Flink resolves a schema (column types, duplicate columns, primary
 * key, watermark and partition columns) and rewrites every type to Flink's canonical text
 * (primary key columns NOT NULL). */
gboolean       gw_ddl_table_normalize (GwDdlTable *table, GError **error);

/* A definition read from DuckDB's catalog for a table without Flink metadata: physical columns
 * with the Flink types of their DuckDB types. */
GwDdlTable    *gw_ddl_table_from_duckdb (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                         GError **error);

typedef enum {
  GW_DDL_OBJECT_NONE,
  GW_DDL_OBJECT_TABLE,   /* a DuckDB table */
  GW_DDL_OBJECT_VIEW,    /* a DuckDB view: a connector table or a view */
} GwDdlObjectType;

/* What DuckDB holds at path (the object name compared exactly); temporary looks in temp.main. */
gboolean       gw_ddl_duckdb_object (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                     gboolean temporary, GwDdlObjectType *type, GError **error);
/* "c"."d"."o", or "o" for a temporary object (DuckDB's temp.main). */
gchar         *gw_ddl_object_sql (const GwDuckdbPath *path, gboolean temporary);
/* `c`.`d`.`o`: how Flink's ObjectIdentifier.toString() prints in messages. */
gchar         *gw_ddl_identifier (const GwDuckdbPath *path);

/* Creates the DuckDB table standing for a table without a connector: its physical columns (NOT
 * NULL as typed), computed columns as DuckDB generated columns; metadata columns are refused. */
gboolean       gw_ddl_create_native_table (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                           const GwFlinkCreateTable *table, gboolean temporary,
                                           GError **error);
/* Creates (or with replace, re-creates) the DuckDB view standing for a connector table. */
gboolean       gw_ddl_create_connector_view (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                             const GwFlinkCreateTable *table, gboolean temporary,
                                             gboolean replace, GError **error);
/* Stores the normalized Flink DDL of table as the metadata of path. */
gboolean       gw_ddl_store_table (GwDuckdbConnection *conn, const GwDuckdbPath *path,
                                   const GwFlinkCreateTable *table, gboolean temporary,
                                   GError **error);
/* A computed column or watermark expression as Flink stores it (gw-duckdb-flink-ddl-expression.c):
 * column references of table quoted, keywords and functions upper case, Calcite's spacing. */
gchar         *gw_ddl_expression_normalize (const char *expression,
                                            const GwFlinkCreateTable *table);
/* A Flink expression as DuckDB SQL (quoting; PROCTIME() → current_timestamp). */
gchar         *gw_ddl_expression_sql (const char *expression);

/* BEGIN unless the connection is already in a transaction (*began tells); gw_ddl_end commits
 * (ok) or rolls back what gw_ddl_begin began. */
gboolean       gw_ddl_begin (GwDuckdbConnection *conn, gboolean *began, GError **error);
gboolean       gw_ddl_end (GwDuckdbConnection *conn, gboolean began, gboolean ok, GError **error);

/* ---- ALTER TABLE (gw-duckdb-flink-alter.c, gw-duckdb-flink-alter-columns.c) ---- */

#define GW_DDL_ALTER_PREFIX "Failed to execute ALTER TABLE statement.\n"

/* The table an ALTER TABLE changes. */
typedef struct {
  GwDuckdbPath     path;
  gchar           *sql;        /* owned: "c"."d"."t" */
  GwDdlObjectType  duckdb;
  GwDdlTable      *table;      /* owned: its definition, edited in place */
  gboolean         has_metadata;
  gboolean         connector;  /* a DuckDB view over a connector */
} GwDdlAlterTarget;

static inline void
gw_ddl_alter_target_clear (GwDdlAlterTarget *target)
{
  gw_duckdb_path_clear (&target->path);
  g_clear_pointer (&target->sql, g_free);
  g_clear_pointer (&target->table, gw_ddl_table_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GwDdlAlterTarget, gw_ddl_alter_target_clear)

GwEngineCursor *gw_ddl_alter_table (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                                    GError **error);
/* ALTER TABLE <target> <clause> on a DuckDB table. */
gboolean gw_ddl_alter_duckdb (GwDuckdbConnection *conn, const GwDdlAlterTarget *target,
                              const char *clause, GError **error);
gboolean gw_ddl_alter_add (GwDuckdbConnection *conn, GwDdlAlterTarget *target,
                           const GwFlinkAlterTable *alter, GError **error);
gboolean gw_ddl_alter_modify (GwDuckdbConnection *conn, GwDdlAlterTarget *target,
                              const GwFlinkAlterTable *alter, GError **error);
gboolean gw_ddl_alter_drop_columns (GwDuckdbConnection *conn, GwDdlAlterTarget *target,
                                    const GwFlinkAlterTable *alter, GError **error);
gboolean gw_ddl_alter_rename_column (GwDuckdbConnection *conn, GwDdlAlterTarget *target,
                                     const GwFlinkAlterTable *alter, GError **error);

G_END_DECLS
