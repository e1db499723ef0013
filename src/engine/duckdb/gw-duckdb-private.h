/* The DuckDB engine's objects, shared by gw-duckdb-engine.c (database, connections, completion)
 * and gw-duckdb-cursor.c (statements and their results). */
#pragma once

#include <duckdb.h>

#include "gw-engine-private.h"

G_BEGIN_DECLS

typedef struct {
  GwEngine          parent;
  duckdb_database   database;
  gboolean          file_backed;     /* default_catalog is a database file, not :memory: */
  gchar            *version;         /* owned: "DuckDB v1.4.4" */
  gchar            *temp_directory;  /* owned: where big sorts and joins spill; ours to remove */
} GwDuckdbEngine;

typedef struct _GwDuckdbCursor GwDuckdbCursor;

typedef struct {
  GwEngineConnection parent;
  GwDuckdbEngine    *engine;              /* borrowed */
  duckdb_connection  connection;
  gint               interrupt_requested; /* atomic: set by gw_engine_interrupt(), cleared when
                                           * the next statement starts */
  GwDuckdbCursor    *streaming;           /* borrowed: the cursor whose stream is still open */
} GwDuckdbConnection;

/* Any other query on a connection silently ends its open stream (stack.md §8), so a connection
 * with an unfinished stream refuses new work rather than truncate a result. */
gboolean        gw_duckdb_connection_check_idle (GwDuckdbConnection *conn, GError **error);

/* gw-duckdb-catalog.c */
gboolean        gw_duckdb_use_database (GwEngineConnection *conn, const char *catalog,
                                        const char *database, gboolean create, GError **error);
GPtrArray      *gw_duckdb_list_catalog (GwEngineConnection *conn, GwCatalogKind kind,
                                        const GwCatalogFilter *filter, GError **error);

/* The engine's execute: Flink statements through gw-duckdb-flink.c, the rest as DuckDB SQL. */
GwEngineCursor *gw_duckdb_cursor_execute (GwEngineConnection *conn, const char *sql,
                                          GCancellable *cancellable, GError **error);
/* Runs DuckDB SQL (one statement) on conn, which must be idle. */
GwEngineCursor *gw_duckdb_cursor_execute_sql (GwDuckdbConnection *conn, const char *sql,
                                              GCancellable *cancellable, GError **error);
gboolean        gw_duckdb_cursor_fetch (GwEngineCursor *cursor, GwBatch *batch, guint max_rows,
                                        gsize max_bytes, gboolean *eos, GError **error);
void            gw_duckdb_cursor_free (GwEngineCursor *cursor);
/* The connection closes under the cursor: ends its stream; later fetches fail. */
void            gw_duckdb_cursor_detach (GwDuckdbCursor *cursor);

G_END_DECLS
