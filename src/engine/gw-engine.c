/* The engine interface: picks the implementation named by sql-gateway.engine.type and forwards
 * every call to its GwEngineClass. */
#include "gw-engine-private.h"
#include "gw-error.h"

/* One line per engine (declared in gw-engine-private.h). */
static const GwEngineClass *const engine_classes[] = {
  &gw_duckdb_engine_class,
};

GwEngine *
gw_engine_open (const GwConfig *config, GError **error)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  const char *type = gw_config_get_string (config, "sql-gateway.engine.type");
  if (type == NULL)
    type = "duckdb";
  for (gsize i = 0; i < G_N_ELEMENTS (engine_classes); i++) {
    if (g_ascii_strcasecmp (type, engine_classes[i]->type) == 0)
      return engine_classes[i]->open (config, error);
  }
  g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
               "Unknown engine type '%s' for option 'sql-gateway.engine.type'", type);
  return NULL;
}

void
gw_engine_close (GwEngine *engine)
{
  if (engine == NULL)
    return;
  engine->klass->close (engine);
}

const char *
gw_engine_get_version (GwEngine *engine)
{
  g_return_val_if_fail (engine != NULL, NULL);
  return engine->klass->get_version (engine);
}

GwEngineConnection *
gw_engine_connect (GwEngine *engine, GError **error)
{
  g_return_val_if_fail (engine != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return engine->klass->connect (engine, error);
}

void
gw_engine_connection_close (GwEngineConnection *conn)
{
  if (conn == NULL)
    return;
  conn->klass->connection_close (conn);
}

GwEngineCursor *
gw_engine_execute (GwEngineConnection *conn, const char *sql, GCancellable *cancellable,
                   GError **error)
{
  g_return_val_if_fail (conn != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return conn->klass->execute (conn, sql, cancellable, error);
}

void
gw_engine_interrupt (GwEngineConnection *conn)
{
  g_return_if_fail (conn != NULL);
  conn->klass->interrupt (conn);
}

double
gw_engine_get_progress (GwEngineConnection *conn)
{
  g_return_val_if_fail (conn != NULL, -1);
  return conn->klass->get_progress (conn);
}

gchar **
gw_engine_complete (GwEngineConnection *conn, const char *statement, int position, GError **error)
{
  g_return_val_if_fail (conn != NULL, NULL);
  g_return_val_if_fail (statement != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return conn->klass->complete (conn, statement, position, error);
}

gboolean
gw_engine_use_database (GwEngineConnection *conn, const char *catalog, const char *database,
                        gboolean create, GError **error)
{
  g_return_val_if_fail (conn != NULL && catalog != NULL && database != NULL, FALSE);
  return conn->klass->use_database (conn, catalog, database, create, error);
}

GPtrArray *
gw_engine_list_catalog (GwEngineConnection *conn, GwCatalogKind kind, const GwCatalogFilter *filter,
                        GError **error)
{
  static const GwCatalogFilter no_filter = { 0 };
  g_return_val_if_fail (conn != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return conn->klass->list_catalog (conn, kind, filter ? filter : &no_filter, error);
}

gint64
gw_engine_execute_dml (GwEngineConnection *conn, const char *const *statements,
                       GwEnginePrintFunc print, gpointer print_data, GCancellable *cancellable,
                       GError **error)
{
  g_return_val_if_fail (conn != NULL && statements != NULL && statements[0] != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);
  return conn->klass->execute_dml (conn, statements, print, print_data, cancellable, error);
}

gboolean
gw_engine_get_current (GwEngineConnection *conn, gchar **catalog, gchar **database,
                       GError **error)
{
  g_return_val_if_fail (conn != NULL, FALSE);
  return conn->klass->get_current (conn, catalog, database, error);
}

gboolean
gw_engine_validate_dml (GwEngineConnection *conn, const char *const *statements, GError **error)
{
  g_return_val_if_fail (conn != NULL && statements != NULL && statements[0] != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return conn->klass->validate_dml (conn, statements, error);
}

gboolean
gw_engine_connection_has_private_objects (GwEngineConnection *conn)
{
  g_return_val_if_fail (conn != NULL, TRUE);
  return conn->klass->has_private_objects (conn);
}

/* ---- cursors over rows an engine built itself ---- */

typedef struct {
  GwEngineCursor parent;
  GwBatch       *rows;   /* owned, may be NULL */
  guint          offset; /* next row to hand out */
} RowsCursor;

static gboolean
rows_cursor_fetch (GwEngineCursor *base, GwBatch *batch, guint max_rows, gsize max_bytes,
                   gboolean *eos, GError **error)
{
  RowsCursor *cursor = (RowsCursor *) base;
  guint total = cursor->rows ? cursor->rows->n_rows : 0;
  guint n = MIN (max_rows, total - cursor->offset);
  if (n > 0)
    gw_batch_append_rows (batch, cursor->rows, cursor->offset, n);
  else
    gw_batch_finish (batch);
  cursor->offset += n;
  *eos = cursor->offset >= total;
  return TRUE;
}

static void
rows_cursor_free (GwEngineCursor *base)
{
  RowsCursor *cursor = (RowsCursor *) base;
  g_clear_pointer (&cursor->rows, gw_batch_unref);
  gw_result_schema_unref (cursor->parent.schema);
  g_free (cursor);
}

/* Only the cursor functions: a rows cursor belongs to no engine. */
static const GwEngineClass rows_cursor_class = {
  .type = "rows",
  .cursor_fetch = rows_cursor_fetch,
  .cursor_free = rows_cursor_free,
};

GwEngineCursor *
gw_engine_cursor_new_rows (GwStatementKind kind, GwResultSchema *schema, GwBatch *rows)
{
  g_return_val_if_fail (schema != NULL, NULL);
  RowsCursor *cursor = g_new0 (RowsCursor, 1);
  cursor->parent.klass = &rows_cursor_class;
  cursor->parent.kind = kind;
  cursor->parent.schema = gw_result_schema_ref (schema);
  cursor->rows = rows;
  return (GwEngineCursor *) cursor;
}

GwStatementKind
gw_engine_cursor_get_kind (GwEngineCursor *cursor)
{
  g_return_val_if_fail (cursor != NULL, GW_STATEMENT_OTHER);
  return cursor->kind;
}

GwResultSchema *
gw_engine_cursor_get_schema (GwEngineCursor *cursor)
{
  g_return_val_if_fail (cursor != NULL, NULL);
  return cursor->schema;
}

gboolean
gw_engine_cursor_fetch (GwEngineCursor *cursor, GwBatch *batch, guint max_rows, gsize max_bytes,
                        gboolean *eos, GError **error)
{
  g_return_val_if_fail (cursor != NULL, FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (eos != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return cursor->klass->cursor_fetch (cursor, batch, max_rows, max_bytes, eos, error);
}

void
gw_engine_cursor_free (GwEngineCursor *cursor)
{
  if (cursor == NULL)
    return;
  cursor->klass->cursor_free (cursor);
}
