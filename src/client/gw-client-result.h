/* What the SQL client knows of one statement's result: the columns (name and Flink type root from
 * the REST `logicalType`) and rows of PLAIN_TEXT fields. Shared by the fetch loop and the printers
 * (tableau, the full-screen TABLE/CHANGELOG view). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Flink's RowKind, as the REST row's "kind" and its short string in the `op` column. */
typedef enum {
  GW_CLIENT_ROW_INSERT,         /* "+I" */
  GW_CLIENT_ROW_UPDATE_BEFORE,  /* "-U" */
  GW_CLIENT_ROW_UPDATE_AFTER,   /* "+U" */
  GW_CLIENT_ROW_DELETE,         /* "-D" */
} GwClientRowKind;

typedef struct {
  gchar *name;       /* owned: column name as the gateway sent it */
  gchar *type_root;  /* owned: the logicalType "type" ("INTEGER", "DECIMAL", "TIMESTAMP_WITHOUT_TIME_ZONE", ...) */
  gint   precision;  /* DECIMAL/TIME/TIMESTAMP precision from logicalType, -1 when absent */
} GwClientColumn;

/* One row: n_fields PLAIN_TEXT values; fields[i] == NULL is SQL NULL. */
typedef struct {
  GwClientRowKind kind;
  guint           n_fields;
  gchar          *fields[];  /* owned */
} GwClientRow;

/* "+I", "-U", "+U", "-D". */
const char     *gw_client_row_kind_short_string (GwClientRowKind kind);
/* "INSERT" → GW_CLIENT_ROW_INSERT etc.; FALSE for an unknown name. */
gboolean        gw_client_row_kind_parse (const char *name, GwClientRowKind *out);

GwClientRow    *gw_client_row_new (GwClientRowKind kind, guint n_fields);
void            gw_client_row_free (GwClientRow *row);

void            gw_client_column_clear (GwClientColumn *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwClientRow, gw_client_row_free)

G_END_DECLS
