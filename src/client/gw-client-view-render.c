/* Draws one frame of the full-screen result view into a string: a pure function of the view state
 * and the terminal size, so tests check frames without a terminal. Layout follows Flink's CliResultView. */
#include "gw-client-view-private.h"

#include <string.h>

#include "gw-client-text.h"

#define ESC_HOME       "\x1b[H"
#define ESC_CLEAR_LINE "\x1b[2K"
#define ESC_REVERSE    "\x1b[7m"
#define ESC_RESET      "\x1b[0m"

#define TRUNCATED_FLAG "..."  /* as the tableau mode */
#define NULL_TEXT      "<NULL>"
#define OP_COLUMN_NAME "op"
#define COLUMN_GAP     " "
#define STATUS_GAP     "   "

static const char *const footer_lines[] = {
  "Q Quit  R Refresh  + Inc Refresh  - Dec Refresh  N Next Page  P Prev Page",
  "F First Page  L Last Page  ↑/↓ Select Row  O Open Row  ←/→ Scroll",
};

gchar *
gw_client_view_cell_text (const char *value)
{
  if (value == NULL)
    return g_strdup (NULL_TEXT);

  g_autofree gchar *valid = g_utf8_make_valid (value, -1);
  GString *text = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    /* C0, DEL and C1 (U+009B is a CSI to some terminals) would move the cursor or start a sequence. */
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
      g_string_append_c (text, ' ');
    else
      g_string_append_len (text, p, g_utf8_next_char (p) - p);
  }
  return g_string_free (text, FALSE);
}

/* Keeps the leading characters of text that fit in width cells: a terminal line must never wrap,
 * or every line under it moves down. Unlike gw_client_text_truncate nothing is padded in front,
 * so lines cut at the screen edge stay aligned with each other. */
static void
append_cut (GString *out, const char *text, gsize width)
{
  gsize used = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p)) {
    const char *next = g_utf8_next_char (p);
    gchar one[8] = { 0 };
    memcpy (one, p, MIN ((gsize) (next - p), sizeof one - 1));
    gsize w = gw_client_text_width (one);
    if (used + w > width)
      break;
    g_string_append_len (out, p, next - p);
    used += w;
  }
}

/* Appends one screen line; lines past the screen's height are dropped. */
static void
emit_line (GString *frame, guint *n_lines, guint width, guint height, const char *text, gboolean reverse)
{
  if (*n_lines >= height)
    return;
  if (*n_lines > 0)
    g_string_append (frame, "\r\n");
  /* Clear first, then draw: clearing after a full-width line would erase its last cell. */
  g_string_append (frame, ESC_CLEAR_LINE);
  if (reverse)
    g_string_append (frame, ESC_REVERSE);
  append_cut (frame, text, width);
  if (reverse)
    g_string_append (frame, ESC_RESET);
  (*n_lines)++;
}

static void
emit_centered (GString *frame, guint *n_lines, guint width, guint height, const char *text)
{
  gsize text_width = gw_client_text_width (text);
  gsize indent = text_width < width ? (width - text_width) / 2 : 0;
  g_autofree gchar *spaces = g_strnfill (indent, ' ');
  g_autofree gchar *line = g_strconcat (spaces, text, NULL);
  emit_line (frame, n_lines, width, height, line, FALSE);
}

/* A cell left-aligned in width cells (Flink's table view), cut with "..." when wider. */
static void
append_cell (GString *line, const char *text, gsize width)
{
  g_autofree gchar *fitted = NULL;
  if (gw_client_text_width (text) <= width) {
    fitted = g_strdup (text);
  } else if (width > strlen (TRUNCATED_FLAG)) {
    g_autofree gchar *kept = gw_client_text_truncate (text, width - strlen (TRUNCATED_FLAG));
    fitted = g_strconcat (kept, TRUNCATED_FLAG, NULL);
  } else {
    fitted = gw_client_text_truncate (text, width);
  }
  g_autofree gchar *padded = gw_client_text_pad_right (fitted, width);
  if (line->len > 0)
    g_string_append (line, COLUMN_GAP);
  g_string_append (line, padded);
}

/* min(max_column_width, max(name width, widest cell seen)), at least one cell. */
static gsize
column_width (const GwClientViewState *state, guint column)
{
  g_autofree gchar *name = gw_client_view_cell_text (state->columns[column].name);
  gsize width = MAX (gw_client_text_width (name), state->widest[column]);
  if (state->max_column_width > 0)
    width = MIN (width, (gsize) state->max_column_width);
  return MAX (width, 1);
}

static gboolean
has_op_column (const GwClientViewState *state)
{
  return state->mode == GW_CLIENT_VIEW_CHANGELOG;
}

static gchar *
format_header (const GwClientViewState *state, const gsize *widths)
{
  GString *line = g_string_new (NULL);
  if (has_op_column (state))
    append_cell (line, OP_COLUMN_NAME, strlen (OP_COLUMN_NAME));
  for (guint i = state->col_offset; i < state->n_columns; i++) {
    g_autofree gchar *name = gw_client_view_cell_text (state->columns[i].name);
    append_cell (line, name, widths[i]);
  }
  return g_string_free (line, FALSE);
}

static gchar *
format_row (const GwClientViewState *state, const gsize *widths, const GwClientRow *row)
{
  GString *line = g_string_new (NULL);
  if (has_op_column (state))
    append_cell (line, gw_client_row_kind_short_string (row->kind), strlen (OP_COLUMN_NAME));
  for (guint i = state->col_offset; i < state->n_columns; i++) {
    /* A row shorter than the schema is a gateway bug; show blanks rather than read past it. */
    g_autofree gchar *text = i < row->n_fields ? gw_client_view_cell_text (row->fields[i]) : g_strdup ("");
    append_cell (line, text, widths[i]);
  }
  return g_string_free (line, FALSE);
}

static gchar *
format_updated (gint64 updated_usec)
{
  if (updated_usec <= 0)
    return g_strdup ("-");
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (updated_usec / G_USEC_PER_SEC);
  if (time == NULL)
    return g_strdup ("-");
  g_autofree gchar *hms = g_date_time_format (time, "%H:%M:%S");
  return g_strdup_printf ("%s.%03d", hms, (int) (updated_usec % G_USEC_PER_SEC / 1000));
}

/* "Refresh: 1 s   Page: Last of 3   Updated: 12:00:01.250"; the left part becomes Flink's
 * "Table program finished." at the end of the result, or the error when fetching failed. */
static gchar *
format_status (const GwClientViewState *state, guint rows_per_page)
{
  g_autofree gchar *left = NULL;
  switch (state->fetch_state) {
  case GW_CLIENT_VIEW_FETCHING:
    left = g_strdup_printf ("Refresh: %s", gw_client_view_state_get_refresh_label (state));
    break;
  case GW_CLIENT_VIEW_FINISHED:
    left = g_strdup ("Table program finished.");
    break;
  case GW_CLIENT_VIEW_FAILED: {
    g_autofree gchar *message = gw_client_view_cell_text (state->error_message);
    left = g_strdup_printf ("[ERROR] %s", message);
    break;
  }
  }
  guint count = gw_client_view_state_get_page_count (state, rows_per_page);
  g_autofree gchar *page = state->follow_last
    ? g_strdup ("Last")
    : g_strdup_printf ("%u", gw_client_view_state_get_page (state, rows_per_page) + 1);
  g_autofree gchar *updated = format_updated (state->updated_usec);
  return g_strdup_printf ("%s" STATUS_GAP "Page: %s of %u" STATUS_GAP "Updated: %s", left, page, count,
                          updated);
}

static void
render_table (const GwClientViewState *state, guint width, guint height, GString *frame)
{
  guint n_lines = 0;
  guint rows_per_page = gw_client_view_rows_per_page (height);

  emit_centered (frame, &n_lines, width, height,
                 state->mode == GW_CLIENT_VIEW_CHANGELOG ? "SQL Query Result (Changelog)"
                                                         : "SQL Query Result (Table)");
  g_autofree gchar *status = format_status (state, rows_per_page);
  emit_line (frame, &n_lines, width, height, status, FALSE);

  g_autofree gsize *widths = g_new0 (gsize, MAX (state->n_columns, 1));
  for (guint i = 0; i < state->n_columns; i++)
    widths[i] = column_width (state, i);
  g_autofree gchar *header = format_header (state, widths);
  emit_line (frame, &n_lines, width, height, header, FALSE);

  guint first = gw_client_view_state_get_page (state, rows_per_page) * rows_per_page;
  for (guint i = first; i < state->rows->len && i < first + rows_per_page; i++) {
    g_autofree gchar *line = format_row (state, widths, g_ptr_array_index (state->rows, i));
    emit_line (frame, &n_lines, width, height, line, (gint) i == state->selected);
  }

  while (n_lines + G_N_ELEMENTS (footer_lines) < height)
    emit_line (frame, &n_lines, width, height, "", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (footer_lines); i++)
    emit_line (frame, &n_lines, width, height, footer_lines[i], FALSE);
}

/* Flink's CliRowView: one "name: value" line per field of the selected row. */
static void
render_row (const GwClientViewState *state, guint width, guint height, GString *frame)
{
  guint n_lines = 0;
  const GwClientRow *row = state->open_row;

  emit_centered (frame, &n_lines, width, height, "Row Summary");
  emit_line (frame, &n_lines, width, height, "", FALSE);
  if (has_op_column (state)) {
    g_autofree gchar *line = g_strdup_printf (OP_COLUMN_NAME ": %s", gw_client_row_kind_short_string (row->kind));
    emit_line (frame, &n_lines, width, height, line, FALSE);
  }
  for (guint i = 0; i < state->n_columns && n_lines + 1 < height; i++) {
    g_autofree gchar *name = gw_client_view_cell_text (state->columns[i].name);
    g_autofree gchar *value = i < row->n_fields ? gw_client_view_cell_text (row->fields[i]) : g_strdup ("");
    g_autofree gchar *line = g_strdup_printf ("%s: %s", name, value);
    emit_line (frame, &n_lines, width, height, line, FALSE);
  }
  while (n_lines + 1 < height)
    emit_line (frame, &n_lines, width, height, "", FALSE);
  emit_line (frame, &n_lines, width, height, "Press any key to return", FALSE);
}

void
gw_client_view_render (const GwClientViewState *state, guint width, guint height, GString *frame)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (frame != NULL);

  g_string_append (frame, ESC_HOME);
  if (state->open_row != NULL)
    render_row (state, width, height, frame);
  else
    render_table (state, width, height, frame);
}
