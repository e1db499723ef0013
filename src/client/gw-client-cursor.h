/* GwClientCursor: the rows of one statement's result, fetched page by page over REST. */
#pragma once

#include "gw-rest-client.h"

G_BEGIN_DECLS

typedef struct {
  GwRestClient *client;       /* borrowed */
  GCancellable *cancellable;  /* borrowed */
  GwRestPage   *first;        /* borrowed: its rows go out on the first call */
  gchar        *uri;          /* owned: the next page, NULL at the end */
  guint64       received;     /* rows handed out so far */
} GwClientCursor;

/* Receives each batch of rows; takes what it wants (the caller empties the array afterwards). */
typedef void (*GwClientRowSink) (gpointer data, GPtrArray *rows);

void     gw_client_cursor_init (GwClientCursor *cursor, GwRestClient *client,
                                GCancellable *cancellable, GwRestPage *first);
void     gw_client_cursor_clear (GwClientCursor *cursor);
/* Appends the next page's rows; *end set at EOS. An empty page of a running query is not the end. */
gboolean gw_client_cursor_next (GwClientCursor *cursor, GPtrArray *rows, gboolean *end,
                                GError **error);
/* Pulls pages until the end, feeding each batch to sink and the status line; after an empty page
 * of a running result waits interval_ms; Ctrl-C returns TRUE with *interrupted set. */
gboolean gw_client_cursor_drain (GwClientCursor *cursor, gint64 interval_ms, GwClientRowSink sink,
                                 gpointer sink_data, gboolean *interrupted, GError **error);
/* Moves every row of from to the end of to (from is left empty). */
void     gw_client_rows_move (GPtrArray *from, GPtrArray *to);

G_END_DECLS
