/* Walking a result page by page: the first page's rows, then nextResultUri to EOS. Queries and
 * the SHOW/SET style tables read their rows through the same cursor. */
#include "gw-client-cursor.h"
#include "gw-client-interrupt.h"
#include "gw-client-status.h"

void
gw_client_cursor_init (GwClientCursor *cursor, GwRestClient *client, GCancellable *cancellable,
                       GwRestPage *first)
{
  cursor->client = client;
  cursor->cancellable = cancellable;
  cursor->first = first;
  cursor->uri = first->result_type == GW_REST_RESULT_EOS ? NULL : g_strdup (first->next_uri);
  cursor->received = 0;
}

void
gw_client_rows_move (GPtrArray *from, GPtrArray *to)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_steal_pointer (&from->pdata[i]));
  g_ptr_array_set_size (from, 0);
}

gboolean
gw_client_cursor_next (GwClientCursor *cursor, GPtrArray *rows, gboolean *end, GError **error)
{
  guint before = rows->len;
  if (cursor->first != NULL) {
    gw_client_rows_move (cursor->first->rows, rows);
    cursor->first = NULL;
  } else if (cursor->uri != NULL) {
    g_autoptr (GwRestPage) page = gw_rest_client_fetch (cursor->client, cursor->uri,
                                                        cursor->cancellable, error);
    if (page == NULL)
      return FALSE;
    gw_client_rows_move (page->rows, rows);
    g_free (cursor->uri);
    cursor->uri = page->result_type == GW_REST_RESULT_EOS ? NULL : g_strdup (page->next_uri);
  }
  cursor->received += rows->len - before;
  *end = cursor->uri == NULL;
  return TRUE;
}

static gboolean
is_interrupt (const GError *error)
{
  return error->domain == GW_CLIENT_ERROR && error->code == GW_CLIENT_ERROR_CANCELLED;
}

gboolean
gw_client_cursor_drain (GwClientCursor *cursor, gint64 interval_ms, GwClientRowSink sink,
                        gpointer sink_data, gboolean *interrupted, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  gboolean end = FALSE;
  *interrupted = FALSE;
  while (!end) {
    g_autoptr (GError) local_error = NULL;
    if (!gw_client_cursor_next (cursor, rows, &end, &local_error)) {
      if (is_interrupt (local_error)) {
        *interrupted = TRUE;
        return TRUE;
      }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
    gw_client_status_set_rows (cursor->received);
    guint got = rows->len;
    sink (sink_data, rows);
    g_ptr_array_set_size (rows, 0);
    if (gw_client_interrupt_pending ()) {
      *interrupted = TRUE;
      return TRUE;
    }
    if (!end && got == 0 && gw_client_interrupt_wait (interval_ms > 0 ? (guint) interval_ms : 1)) {
      *interrupted = TRUE;
      return TRUE;
    }
  }
  return TRUE;
}

void
gw_client_cursor_clear (GwClientCursor *cursor)
{
  g_clear_pointer (&cursor->uri, g_free);
}
