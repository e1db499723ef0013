/* The sinks of DML jobs, used by gw-duckdb-dml.c: how a query's rows reach a native DuckDB
 * table, the print callback or nowhere (blackhole) (gw-duckdb-sink.c), or a filesystem directory
 * as files staged while the job's transaction is open and published only after the commit
 * (gw-duckdb-sink-files.c). */
#pragma once

#include "gw-duckdb-connector.h"
#include "gw-duckdb-flink.h"

G_BEGIN_DECLS

/* One column a sink stores (a physical column of the table). */
typedef struct {
  gchar *name;        /* owned */
  gchar *flink_type;  /* owned: Flink's type string, for messages ("INT NOT NULL") */
  gchar *duckdb_type; /* owned: the DuckDB type the rows are cast to; NULL for a plain DuckDB
                       * table (DuckDB's INSERT casts itself) */
  gboolean not_null;  /* NOT NULL: a NULL fails the job (Flink's default
                       * table.exec.sink.not-null-enforcer = ERROR) */
} GwDuckdbSinkColumn;

/* The table an INSERT writes into, resolved. */
typedef struct {
  GwDuckdbPath      path;
  gchar            *flink_name; /* owned: c.d.t, as Flink's messages name it */
  gchar            *sql_name;   /* owned: the DuckDB object to write ("c"."d"."t") */
  GwFlinkStatement *ddl;        /* owned: its Flink DDL, or NULL for a plain DuckDB table */
  gboolean          temporary;
  GwConnectorKind   connector;
  GPtrArray        *columns;    /* GwDuckdbSinkColumn*, owned, in table order */
} GwDuckdbSinkTarget;

/* A GPtrArray of GwDuckdbSinkColumn*, and a column added to it (taking the two types). */
GPtrArray *gw_duckdb_sink_columns_new (void);
GwDuckdbSinkColumn *gw_duckdb_sink_columns_add (GPtrArray *columns, const char *name,
                                                gchar *flink_type, gchar *duckdb_type);

void gw_duckdb_sink_target_free (GwDuckdbSinkTarget *target);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwDuckdbSinkTarget, gw_duckdb_sink_target_free)

/* One job: its connection, what it stages, and where printed rows go. */
typedef struct {
  GwDuckdbConnection *conn;         /* borrowed */
  GCancellable       *cancellable;  /* borrowed, may be NULL */
  GwEnginePrintFunc   print;        /* may be NULL: rows are logged */
  gpointer            print_data;
  gchar              *id;           /* owned: a UUID naming the job's files */
  guint               n_files;      /* files and staging directories made so far */
  GPtrArray          *staged;       /* owned: GwDuckdbStagedFile*, published after the commit */
  GPtrArray          *staging_dirs; /* owned: hidden directories to remove in the end */
  GPtrArray          *overwrite;    /* owned: directories whose visible files an INSERT
                                     * OVERWRITE replaces (removed before publishing) */
  GPtrArray          *refresh;      /* owned: GwDuckdbSinkTarget* (borrowed) to refresh after */
} GwDuckdbDmlJob;

void     gw_duckdb_dml_job_init (GwDuckdbDmlJob *job, GwDuckdbConnection *conn,
                                 GCancellable *cancellable, GwEnginePrintFunc print,
                                 gpointer print_data);
/* Deletes whatever is still staged (nothing after a publish) and frees the job's state. */
void     gw_duckdb_dml_job_clear (GwDuckdbDmlJob *job);
/* After the commit: removes the files INSERT OVERWRITE replaces, makes the staged files
 * visible under their final names (never replacing an existing file) and refreshes the source
 * views of the tables written. */
gboolean gw_duckdb_dml_job_publish (GwDuckdbDmlJob *job, GError **error);

/* Runs sql on the job's connection (interruptible through the job's cancellable) and reads the
 * single integer it returns (a row count); *count = 0 for an empty result. */
gboolean gw_duckdb_dml_count (GwDuckdbDmlJob *job, const char *sql, gint64 *count,
                              GError **error);

/* Writes the rows of query (DuckDB SQL) into target. columns: INSERT's column list (the other
 * columns get NULL), or NULL for all columns in order; the query has one column per listed
 * column (checked by the caller). Returns the number of rows written, or -1 with error. */
gint64   gw_duckdb_sink_write (GwDuckdbDmlJob *job, GwDuckdbSinkTarget *target,
                               const char *query, const char *const *columns, gboolean overwrite,
                               GError **error);

/* The filesystem sink (gw-duckdb-sink-files.c): stages the rows of rows_sql (already projected
 * onto the table's columns) as files of target. */
gint64   gw_duckdb_sink_write_files (GwDuckdbDmlJob *job, GwDuckdbSinkTarget *target,
                                     const char *rows_sql, gboolean overwrite, GError **error);

G_END_DECLS
