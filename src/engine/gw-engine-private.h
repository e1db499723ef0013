/* What an engine implementation provides: one GwEngineClass of function pointers, and the base
 * structs its engine, connection and cursor objects start with. gw-engine.c dispatches every
 * gw_engine_*() call through the class; adding an engine = one folder + one line in its table. */
#pragma once

#include "gw-engine.h"

G_BEGIN_DECLS

typedef struct {
  const char *type; /* the sql-gateway.engine.type value naming this engine */

  GwEngine           *(*open) (const GwConfig *config, GError **error);
  void                (*close) (GwEngine *engine);
  const char         *(*get_version) (GwEngine *engine);
  GwEngineConnection *(*connect) (GwEngine *engine, GError **error);
  void                (*connection_close) (GwEngineConnection *conn);
  GwEngineCursor     *(*execute) (GwEngineConnection *conn, const char *sql,
                                  GCancellable *cancellable, GError **error);
  void                (*interrupt) (GwEngineConnection *conn);
  double              (*get_progress) (GwEngineConnection *conn);
  gchar             **(*complete) (GwEngineConnection *conn, const char *statement, int position,
                                   GError **error);
  GPtrArray          *(*list_catalog) (GwEngineConnection *conn, GwCatalogKind kind,
                                       const GwCatalogFilter *filter, GError **error);
  gboolean            (*use_database) (GwEngineConnection *conn, const char *catalog,
                                       const char *database, gboolean create, GError **error);
  gboolean            (*get_current) (GwEngineConnection *conn, gchar **catalog,
                                      gchar **database, GError **error);
  gboolean            (*has_private_objects) (GwEngineConnection *conn);
  gboolean            (*validate_dml) (GwEngineConnection *conn, const char *const *statements,
                                       GError **error);
  gint64              (*execute_dml) (GwEngineConnection *conn, const char *const *statements,
                                      GwEnginePrintFunc print, gpointer print_data,
                                      GCancellable *cancellable, GError **error);
  gboolean            (*cursor_fetch) (GwEngineCursor *cursor, GwBatch *batch, guint max_rows,
                                       gsize max_bytes, gboolean *eos, GError **error);
  void                (*cursor_free) (GwEngineCursor *cursor);
} GwEngineClass;

/* Every implementation's objects embed these as their first member. */
struct _GwEngine {
  const GwEngineClass *klass;
};

struct _GwEngineConnection {
  const GwEngineClass *klass;
};

struct _GwEngineCursor {
  const GwEngineClass *klass;
  GwStatementKind      kind;
  GwResultSchema      *schema; /* owned; released by the implementation's cursor_free */
};

/* The engines built in, each in its own folder; gw-engine.c lists them. */
extern const GwEngineClass gw_duckdb_engine_class;

G_END_DECLS
