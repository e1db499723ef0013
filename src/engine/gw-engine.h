/* The engine interface: what the service needs from a SQL engine. An engine owns one database;
 * a GwEngineConnection is one session's connection (not for concurrent use: the service
 * serializes statements and fetches of one session); a GwEngineCursor streams one statement's
 * result. Engines include only src/common; the service never sees engine types beyond this. */
#pragma once

#include "gw-batch.h"
#include "gw-catalog.h"
#include "gw-statement-kind.h"
#include "gw-config.h"

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GwEngine GwEngine;
typedef struct _GwEngineConnection GwEngineConnection;
typedef struct _GwEngineCursor GwEngineCursor;


/* Opens the engine named by sql-gateway.engine.type with its options. */
GwEngine *gw_engine_open (const GwConfig *config, GError **error);
void      gw_engine_close (GwEngine *engine);
/* "DuckDB v1.4.4" */
const char *gw_engine_get_version (GwEngine *engine);

/* A new connection, positioned at the default catalog and database. */
GwEngineConnection *gw_engine_connect (GwEngine *engine, GError **error);
void      gw_engine_connection_close (GwEngineConnection *conn);

/* Runs one SQL statement (more than one is an error) and returns a cursor positioned before
 * the first row. Blocks while the engine computes the first result; cancelling cancellable
 * (may be NULL) from another thread, at any moment before or during the call, makes it fail
 * with GW_ERROR_CANCELED: a cancel is never lost, and never outlives the statement. Errors: GW_ERROR_SQL with the
 * engine's message. The connection must not run anything else while a cursor of it is open
 * (the service spools an open cursor first). */
GwEngineCursor *gw_engine_execute (GwEngineConnection *conn, const char *sql,
                                  GCancellable *cancellable, GError **error);
/* Interrupts whatever runs on the connection now (thread-safe, returns at once). */
void      gw_engine_interrupt (GwEngineConnection *conn);
/* Progress of the running statement in [0,100], or -1 when unknown (thread-safe). */
double    gw_engine_get_progress (GwEngineConnection *conn);
/* Completion candidates for statement at byte position (keywords, functions, catalog, schema,
 * table and column names), NULL-terminated. */
gchar   **gw_engine_complete (GwEngineConnection *conn, const char *statement, int position,
                              GError **error);

/* Lists catalog objects of kind matching filter (GwCatalogObject*, owned), ordered by catalog,
 * schema, table and position/name. Runs on the connection (it must not have an open stream). */
GPtrArray *gw_engine_list_catalog (GwEngineConnection *conn, GwCatalogKind kind,
                                   const GwCatalogFilter *filter, GError **error);

/* Makes catalog.database current on conn; with create, first attaches catalog (a database file
 * beside the engine's own, or in memory when the engine is in memory) and creates database. */
gboolean   gw_engine_use_database (GwEngineConnection *conn, const char *catalog,
                                   const char *database, gboolean create, GError **error);

/* Where the rows of a DML job's 'print' sinks go: one call per row, as Flink's print sink writes
 * it ("+I[1, a]"), prefixed with the sink's print-identifier if set. */
typedef void (*GwEnginePrintFunc) (const char *line, gpointer user_data);

/* Runs DML (INSERT, CTAS; more than one = a statement set) as one job on conn: either every
 * statement takes effect or none does (files of filesystem sinks appear only after the whole set
 * succeeded). Blocks until done; cancelling cancellable stops it with GW_ERROR_CANCELED and
 * nothing committed. Returns the number of rows written, or -1 with error. */
gint64     gw_engine_execute_dml (GwEngineConnection *conn, const char *const *statements,
                                  GwEnginePrintFunc print, gpointer print_data,
                                  GCancellable *cancellable, GError **error);

/* What a job's submission checks before the job id is returned (Flink plans a job before it
 * submits it): the targets exist and take the queries' columns, the queries resolve, CTAS
 * targets do not exist yet. Runs nothing and changes nothing. */
gboolean   gw_engine_validate_dml (GwEngineConnection *conn, const char *const *statements,
                                   GError **error);

/* A cursor over rows an engine built itself (SHOW, DESCRIBE): takes ownership of rows (a batch
 * with schema; may be NULL for no rows) and a ref on schema. Any engine may return one. */
GwEngineCursor *gw_engine_cursor_new_rows (GwStatementKind kind, GwResultSchema *schema,
                                           GwBatch *rows);

/* The catalog and database unqualified names resolve against on conn (Flink's current catalog
 * and database); newly allocated. */
gboolean   gw_engine_get_current (GwEngineConnection *conn, gchar **catalog, gchar **database,
                                  GError **error);

/* TRUE when conn holds objects no other connection sees (temporary tables and views): work that
 * must see them has to run on conn itself. */
gboolean   gw_engine_connection_has_private_objects (GwEngineConnection *conn);

GwStatementKind gw_engine_cursor_get_kind (GwEngineCursor *cursor);
/* Borrowed; valid while the cursor lives. */
GwResultSchema *gw_engine_cursor_get_schema (GwEngineCursor *cursor);
/* Appends up to max_rows rows (stopping early once the batch holds about max_bytes) to batch,
 * which has the cursor's schema. Sets *eos when the result is exhausted (the batch may still
 * have received rows). Returns FALSE with an error on failure (GW_ERROR_CANCELED after an
 * interrupt, GW_ERROR_SQL otherwise). */
gboolean  gw_engine_cursor_fetch (GwEngineCursor *cursor, GwBatch *batch, guint max_rows,
                                  gsize max_bytes, gboolean *eos, GError **error);
void      gw_engine_cursor_free (GwEngineCursor *cursor);

G_END_DECLS
