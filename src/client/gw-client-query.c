/* Query results in the three result modes. TABLEAU in batch mode buffers rows to size the columns
 * from the data, as Flink does, but only up to TABLEAU_BUFFER_ROWS: past that it sizes them from
 * the types and the rows so far and streams the rest, so a huge result never fills the client's
 * memory (Flink buffers all of it). */
#include "gw-client-query.h"
#include "gw-client-cursor.h"
#include "gw-client-interrupt.h"
#include "gw-client-status.h"
#include "gw-client-tableau.h"
#include "gw-client-view.h"

#include <string.h>
#include <unistd.h>

#define TABLEAU_BUFFER_ROWS 10000

static void
print_terminated (FILE *out, guint64 received)
{
  fprintf (out, "Query terminated, received a total of %" G_GUINT64_FORMAT " %s\n", received,
           received > 1 ? "rows" : "row");
  fflush (out);
}

/* ---- TABLEAU, batch: buffer, then print (or stream past the buffer limit) ---------------- */

typedef struct {
  FILE      *out;
  GwTableau *tableau;   /* borrowed */
  GPtrArray *buffered;  /* rows kept to size the columns; NULL once streaming */
} BatchTableau;

static void
batch_sink (gpointer data, GPtrArray *rows)
{
  BatchTableau *batch = data;
  if (batch->buffered != NULL) {
    gw_client_rows_move (rows, batch->buffered);
    if (batch->buffered->len <= TABLEAU_BUFFER_ROWS)
      return;
    /* Too many rows to hold: size from the types and what we have, print, stream the rest. */
    gw_client_status_stop ();
    gw_tableau_fit_types (batch->tableau);
    gw_tableau_fit_rows (batch->tableau, batch->buffered);
    gw_tableau_print_border (batch->tableau, batch->out);
    gw_tableau_print_header (batch->tableau, batch->out);
    gw_tableau_print_border (batch->tableau, batch->out);
    for (guint i = 0; i < batch->buffered->len; i++)
      gw_tableau_print_row (batch->tableau, batch->buffered->pdata[i], batch->out);
    g_clear_pointer (&batch->buffered, g_ptr_array_unref);
    return;
  }
  for (guint i = 0; i < rows->len; i++)
    gw_tableau_print_row (batch->tableau, rows->pdata[i], batch->out);
}

static gboolean
show_tableau_batch (GwClientExecutor *executor, FILE *out, GwRestPage *first,
                    GwClientCursor *cursor, gint64 started_us, GError **error)
{
  g_autoptr (GwTableau) tableau = gw_tableau_new (
    (GwClientColumn *) first->columns->data, first->columns->len,
    (gint) gw_client_executor_get_int (executor, "table.display.max-column-width"), FALSE, FALSE);
  BatchTableau batch = { out, tableau,
                         g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free) };
  gboolean interrupted = FALSE;
  gboolean ok = gw_client_cursor_drain (
    cursor, gw_client_executor_get_int (executor, "sql-client.result.fetch-interval"),
    batch_sink, &batch, &interrupted, error);
  gw_client_status_stop ();
  g_autofree gchar *suffix = gw_client_executor_get_bool (executor, "sql-client.display.print-time-cost")
                             ? gw_tableau_format_time_cost (g_get_monotonic_time () - started_us)
                             : g_strdup ("");
  if (ok && interrupted) {
    if (batch.buffered == NULL)
      gw_tableau_print_border (tableau, out);
    print_terminated (out, cursor->received);
  } else if (ok && batch.buffered != NULL) {
    gw_tableau_print_all (tableau, batch.buffered, suffix, out);
  } else if (ok) {
    gw_tableau_print_border (tableau, out);
    fprintf (out, "%" G_GUINT64_FORMAT " %s in set%s\n", cursor->received,
             cursor->received > 1 ? "rows" : "row", suffix);
  }
  g_clear_pointer (&batch.buffered, g_ptr_array_unref);
  fflush (out);
  return ok;
}

/* ---- TABLEAU, streaming: op column, rows as they arrive ---------------------------------- */

typedef struct {
  FILE      *out;
  GwTableau *tableau;
} StreamTableau;

static void
stream_sink (gpointer data, GPtrArray *rows)
{
  StreamTableau *stream = data;
  if (rows->len > 0)
    gw_client_status_stop ();
  for (guint i = 0; i < rows->len; i++)
    gw_tableau_print_row (stream->tableau, rows->pdata[i], stream->out);
  fflush (stream->out);
}

static gboolean
show_tableau_streaming (GwClientExecutor *executor, FILE *out, GwRestPage *first,
                        GwClientCursor *cursor, GError **error)
{
  g_autoptr (GwTableau) tableau = gw_tableau_new (
    (GwClientColumn *) first->columns->data, first->columns->len,
    (gint) gw_client_executor_get_int (executor, "table.display.max-column-width"), FALSE, TRUE);
  gw_tableau_fit_types (tableau);
  gw_client_status_stop ();
  gw_tableau_print_border (tableau, out);
  gw_tableau_print_header (tableau, out);
  gw_tableau_print_border (tableau, out);
  fflush (out);
  StreamTableau stream = { out, tableau };
  gboolean interrupted = FALSE;
  gboolean ok = gw_client_cursor_drain (
    cursor, gw_client_executor_get_int (executor, "sql-client.result.fetch-interval"),
    stream_sink, &stream, &interrupted, error);
  gw_client_status_stop ();
  if (ok && interrupted) {
    print_terminated (out, cursor->received);
  } else if (ok) {
    if (cursor->received > 0)
      gw_tableau_print_border (tableau, out);
    fprintf (out, "Received a total of %" G_GUINT64_FORMAT " %s\n", cursor->received,
             cursor->received > 1 ? "rows" : "row");
  }
  fflush (out);
  return ok;
}

/* ---- TABLE / CHANGELOG: the full-screen view ---------------------------------------------- */

static gboolean
view_fetch (gpointer data, GPtrArray *rows, gboolean *end_of_result, GError **error)
{
  return gw_client_cursor_next (data, rows, end_of_result, error);
}

static gboolean
show_view (GwClientExecutor *executor, FILE *out, GwRestPage *first, GwClientCursor *cursor,
           gboolean changelog)
{
  gw_client_status_stop ();
  GwClientViewConfig config = {
    .mode = changelog ? GW_CLIENT_VIEW_CHANGELOG : GW_CLIENT_VIEW_TABLE,
    .columns = (GwClientColumn *) first->columns->data,
    .n_columns = first->columns->len,
    .max_column_width = (gint) gw_client_executor_get_int (executor, "table.display.max-column-width"),
    .max_rows = (guint) MAX (0, gw_client_executor_get_int (executor, "sql-client.execution.max-table-result.rows")),
    .fetch = view_fetch,
    .fetch_data = cursor,
    .in_fd = STDIN_FILENO,
    .out_fd = fileno (out),
  };
  fflush (out);
  gw_client_view_run (&config, gw_client_interrupt_flag ());
  gw_client_interrupt_clear ();
  gw_client_print_info (out, "Result retrieval cancelled.");
  return TRUE;
}

gboolean
gw_client_query_show (GwClientExecutor *executor, GwRestClient *client, FILE *out,
                      const char *operation, GwRestPage *first, GCancellable *cancellable,
                      gint64 started_us, GwClientMode mode, GError **error)
{
  const char *result_mode = gw_client_executor_get_option (executor, "sql-client.execution.result-mode");
  gboolean tableau = result_mode == NULL || g_ascii_strcasecmp (result_mode, "tableau") == 0;
  gboolean changelog = result_mode != NULL && g_ascii_strcasecmp (result_mode, "changelog") == 0;
  if (!tableau && mode == GW_CLIENT_MODE_NON_INTERACTIVE) {
    g_set_error (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_INPUT,
                 "In non-interactive mode, it only supports to use TABLEAU as value of "
                 "sql-client.execution.result-mode when execute query. Please add "
                 "'SET sql-client.execution.result-mode=TABLEAU;' in the sql file.");
    return FALSE;
  }
  /* The full-screen view needs a terminal on both sides; otherwise print (documented). */
  if (!tableau && (!isatty (STDIN_FILENO) || !isatty (fileno (out))))
    tableau = TRUE;
  const char *runtime_mode = gw_client_executor_get_option (executor, "execution.runtime-mode");
  gboolean streaming = runtime_mode != NULL && g_ascii_strcasecmp (runtime_mode, "streaming") == 0;

  GwClientCursor cursor;
  gw_client_cursor_init (&cursor, client, cancellable, first);
  gboolean ok;
  if (!tableau)
    ok = show_view (executor, out, first, &cursor, changelog);
  else if (streaming)
    ok = show_tableau_streaming (executor, out, first, &cursor, error);
  else
    ok = show_tableau_batch (executor, out, first, &cursor, started_us, error);
  gw_client_cursor_clear (&cursor);
  return ok;
}
