/* What the full-screen result view shows and how keys change it: the bounded row buffer, paging,
 * the selection, the refresh interval and the fetch progress. No terminal I/O here. */
#include "gw-client-view-private.h"

#include "gw-client-text.h"

/* Flink's CliResultView REFRESH_INTERVALS, plus "∞" for manual refresh. */
static const struct {
  gint        ms;
  const char *label;
} refresh_steps[] = {
  { 100, "100 ms" }, { 500, "500 ms" }, { 1000, "1 s" }, { 2000, "2 s" },
  { 5000, "5 s" },   { 10000, "10 s" }, { 60000, "1 min" }, { -1, "∞" },
};
#define DEFAULT_REFRESH_STEP 2  /* 1 s */

/* Title, status, column header and the two footer lines. */
#define FIXED_LINES 5

GwClientViewState *
gw_client_view_state_new (const GwClientViewConfig *config)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (config->columns != NULL || config->n_columns == 0, NULL);

  GwClientViewState *state = g_new0 (GwClientViewState, 1);
  state->mode = config->mode;
  state->columns = config->columns;
  state->n_columns = config->n_columns;
  state->max_column_width = config->max_column_width;
  state->max_rows = config->max_rows;
  state->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  state->widest = g_new0 (guint, MAX (config->n_columns, 1));
  state->fetch_state = GW_CLIENT_VIEW_FETCHING;
  state->refresh_step = DEFAULT_REFRESH_STEP;
  state->follow_last = TRUE;
  state->selected = -1;
  return state;
}

void
gw_client_view_state_free (GwClientViewState *state)
{
  if (state == NULL)
    return;
  g_ptr_array_unref (state->rows);
  g_free (state->widest);
  g_free (state->error_message);
  gw_client_row_free (state->open_row);
  g_free (state);
}

static void
note_widths (GwClientViewState *state, const GwClientRow *row)
{
  for (guint i = 0; i < state->n_columns && i < row->n_fields; i++) {
    g_autofree gchar *text = gw_client_view_cell_text (row->fields[i]);
    state->widest[i] = MAX (state->widest[i], (guint) gw_client_text_width (text));
  }
}

void
gw_client_view_state_append (GwClientViewState *state, GPtrArray *rows)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (rows != NULL);

  gsize n = 0;
  g_autofree gpointer *moved = g_ptr_array_steal (rows, &n);
  for (gsize i = 0; i < n; i++) {
    GwClientRow *row = moved[i];  /* owned until added */
    if (row == NULL)
      continue;
    note_widths (state, row);
    g_ptr_array_add (state->rows, row);
  }

  if (state->max_rows > 0 && state->rows->len > state->max_rows) {
    guint evicted = state->rows->len - state->max_rows;
    g_ptr_array_remove_range (state->rows, 0, evicted);
    /* The selection stays on its row, or goes away with it. */
    if (state->selected >= 0)
      state->selected = (guint) state->selected >= evicted ? state->selected - (gint) evicted : -1;
  }
}

void
gw_client_view_state_set_finished (GwClientViewState *state)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (state->fetch_state == GW_CLIENT_VIEW_FETCHING);
  state->fetch_state = GW_CLIENT_VIEW_FINISHED;
}

void
gw_client_view_state_set_failed (GwClientViewState *state, const char *message)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (state->fetch_state == GW_CLIENT_VIEW_FETCHING);
  state->fetch_state = GW_CLIENT_VIEW_FAILED;
  state->error_message = g_strdup (message != NULL ? message : "fetching the result failed");
}

gint
gw_client_view_state_get_refresh_ms (const GwClientViewState *state)
{
  return refresh_steps[state->refresh_step].ms;
}

const char *
gw_client_view_state_get_refresh_label (const GwClientViewState *state)
{
  return refresh_steps[state->refresh_step].label;
}

guint
gw_client_view_rows_per_page (guint height)
{
  return height > FIXED_LINES + 1 ? height - FIXED_LINES : 1;
}

guint
gw_client_view_state_get_page_count (const GwClientViewState *state, guint rows_per_page)
{
  g_return_val_if_fail (rows_per_page > 0, 1);
  guint n = state->rows->len;
  return n == 0 ? 1 : (n + rows_per_page - 1) / rows_per_page;
}

guint
gw_client_view_state_get_page (const GwClientViewState *state, guint rows_per_page)
{
  guint count = gw_client_view_state_get_page_count (state, rows_per_page);
  if (state->follow_last)
    return count - 1;
  /* Eviction can shrink the page count under a page the user picked. */
  return MIN (state->page, count - 1);
}

static GwClientRow *
row_copy (const GwClientRow *row)
{
  GwClientRow *copy = gw_client_row_new (row->kind, row->n_fields);
  for (guint i = 0; i < row->n_fields; i++)
    copy->fields[i] = g_strdup (row->fields[i]);
  return copy;
}

/* Shows another page; a selected row keeps its position on the page (Flink keeps the selected line). */
static void
goto_page (GwClientViewState *state, guint page, guint rows_per_page)
{
  if (state->selected >= 0) {
    guint on_page = (guint) state->selected % rows_per_page;
    guint target = MIN (page * rows_per_page + on_page, state->rows->len - 1);
    state->selected = (gint) target;
  }
  state->page = page;
  state->follow_last = FALSE;
}

/* Moves the selection one row, crossing page boundaries; the page follows the selection. */
static void
move_selection (GwClientViewState *state, gboolean down, guint rows_per_page)
{
  guint n = state->rows->len;
  if (n == 0)
    return;
  guint page = gw_client_view_state_get_page (state, rows_per_page);
  guint first = page * rows_per_page;
  if (state->selected < 0)
    /* Nothing selected yet: start at the edge of the page the user is looking at. */
    state->selected = down ? (gint) first : (gint) MIN (first + rows_per_page, n) - 1;
  else if (down && (guint) state->selected + 1 < n)
    state->selected++;
  else if (!down && state->selected > 0)
    state->selected--;
  state->page = (guint) state->selected / rows_per_page;
  state->follow_last = FALSE;
}

GwClientViewAction
gw_client_view_state_handle_key (GwClientViewState *state, GwClientViewKey key, guint rows_per_page)
{
  g_return_val_if_fail (state != NULL, GW_CLIENT_VIEW_ACTION_REDRAW);
  g_return_val_if_fail (rows_per_page > 0, GW_CLIENT_VIEW_ACTION_REDRAW);

  if (key == GW_CLIENT_VIEW_KEY_INCOMPLETE)
    return GW_CLIENT_VIEW_ACTION_REDRAW;
  if (state->open_row != NULL) {
    /* Any key leaves the row view, q included: quitting takes a second press, as in Flink. */
    g_clear_pointer (&state->open_row, gw_client_row_free);
    return GW_CLIENT_VIEW_ACTION_REDRAW;
  }

  guint page = gw_client_view_state_get_page (state, rows_per_page);
  guint count = gw_client_view_state_get_page_count (state, rows_per_page);
  switch (key) {
  case GW_CLIENT_VIEW_KEY_QUIT:
    return GW_CLIENT_VIEW_ACTION_QUIT;
  case GW_CLIENT_VIEW_KEY_REFRESH:
    return GW_CLIENT_VIEW_ACTION_FETCH_NOW;
  case GW_CLIENT_VIEW_KEY_INC_REFRESH:
    if (state->refresh_step + 1 < G_N_ELEMENTS (refresh_steps))
      state->refresh_step++;
    return GW_CLIENT_VIEW_ACTION_RESCHEDULE;
  case GW_CLIENT_VIEW_KEY_DEC_REFRESH:
    if (state->refresh_step > 0)
      state->refresh_step--;
    return GW_CLIENT_VIEW_ACTION_RESCHEDULE;
  case GW_CLIENT_VIEW_KEY_NEXT_PAGE:
    goto_page (state, MIN (page + 1, count - 1), rows_per_page);
    break;
  case GW_CLIENT_VIEW_KEY_PREV_PAGE:
    goto_page (state, page > 0 ? page - 1 : 0, rows_per_page);
    break;
  case GW_CLIENT_VIEW_KEY_FIRST_PAGE:
    goto_page (state, 0, rows_per_page);
    break;
  case GW_CLIENT_VIEW_KEY_LAST_PAGE:
    goto_page (state, count - 1, rows_per_page);
    state->follow_last = TRUE;
    break;
  case GW_CLIENT_VIEW_KEY_UP:
  case GW_CLIENT_VIEW_KEY_DOWN:
    move_selection (state, key == GW_CLIENT_VIEW_KEY_DOWN, rows_per_page);
    break;
  case GW_CLIENT_VIEW_KEY_LEFT:
    if (state->col_offset > 0)
      state->col_offset--;
    break;
  case GW_CLIENT_VIEW_KEY_RIGHT:
    if (state->col_offset + 1 < state->n_columns)
      state->col_offset++;
    break;
  case GW_CLIENT_VIEW_KEY_OPEN:
    if (state->selected >= 0)
      state->open_row = row_copy (g_ptr_array_index (state->rows, state->selected));
    break;
  case GW_CLIENT_VIEW_KEY_INCOMPLETE:
  case GW_CLIENT_VIEW_KEY_OTHER:
  case GW_CLIENT_VIEW_KEY_ESCAPE:
    break;
  }
  return GW_CLIENT_VIEW_ACTION_REDRAW;
}
