/* Shared by the parts answering SHOW / DESCRIBE / SHOW CREATE on DuckDB (gw-duckdb-flink-show.c
 * for lists and EXPLAIN, gw-duckdb-flink-describe.c for one table or view): finding an object by
 * its Flink name, catalog queries, LIKE filters and result building. */
#pragma once

#include "gw-duckdb-flink.h"

G_BEGIN_DECLS

/* A table or view found by its Flink name. */
typedef struct {
  GwDuckdbPath      path;           /* the Flink path, resolved against the current database */
  gboolean          is_view;        /* Flink's kind: a connector table is a DuckDB view but a
                                     * TABLE here */
  gboolean          temporary;
  GwFlinkStatement *ddl;            /* owned: the Flink DDL kept as metadata, or NULL */
  gchar            *duckdb_catalog; /* owned: where DuckDB keeps the object ("temp"/"main" for */
  gchar            *duckdb_schema;  /* a temporary one); all three NULL when a DDL without a */
  gchar            *duckdb_name;    /* DuckDB object was found */
  gchar            *comment;        /* owned: DuckDB's comment on the object, or NULL */
  gchar            *view_sql;       /* owned: DuckDB's CREATE VIEW text of a DuckDB view */
} GwDuckdbObject;

void     gw_duckdb_object_clear (GwDuckdbObject *object);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GwDuckdbObject, gw_duckdb_object_clear)
/* Finds the table or view name (temporary objects first, as Flink resolves them). *found is
 * FALSE, without an error, when there is none; FALSE is returned only for failures. */
gboolean gw_duckdb_object_find (GwDuckdbConnection *conn, const GwFlinkName *name,
                                GwDuckdbObject *out, gboolean *found, GError **error);
/* "c"."s"."n" of the DuckDB object, or NULL when there is none. */
gchar   *gw_duckdb_object_sql (const GwDuckdbObject *object);

/* Runs sql with params bound as $1..$n (VARCHAR; a NULL param binds NULL) and materializes the
 * result, which the caller destroys on success. Failures are GW_ERROR_SQL. */
gboolean gw_duckdb_show_select (GwDuckdbConnection *conn, const char *sql, guint n_params,
                                const char *const *params, duckdb_result *result,
                                GError **error);
/* The cell as a new string, NULL for SQL NULL. */
gchar   *gw_duckdb_show_text (duckdb_result *result, idx_t col, idx_t row);

/* Flink's SQL LIKE / ILIKE ('%', '_', escape '\') as SHOW ... LIKE applies it; TRUE when like
 * has no pattern. */
gboolean gw_duckdb_show_like (const GwFlinkLike *like, const char *text);
/* Flink's STRING (nullable VARCHAR of maximum length). */
GwLogicalType *gw_duckdb_show_string_type (void);
/* `c`.`d`.`o`: Flink's ObjectIdentifier.asSerializableString(), used in its SHOW CREATE
 * messages. */
gchar   *gw_duckdb_show_serializable (const GwDuckdbPath *path);

/* DESCRIBE [EXTENDED] t and SHOW COLUMNS FROM t [LIKE] (gw-duckdb-flink-describe.c). */
GwEngineCursor *gw_duckdb_flink_describe (GwDuckdbConnection *conn, const GwFlinkStatement *stmt,
                                          GError **error);
/* SHOW CREATE TABLE / SHOW CREATE VIEW (gw-duckdb-flink-describe.c). */
GwEngineCursor *gw_duckdb_flink_show_create (GwDuckdbConnection *conn,
                                             const GwFlinkStatement *stmt, GError **error);

G_END_DECLS
