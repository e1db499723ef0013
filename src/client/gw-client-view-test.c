/* Tests of the full-screen TABLE/CHANGELOG view: frames from the pure renderer at a fixed size, key
 * decoding, and whole runs on a pseudo-terminal (quit, end of result, interrupt, fetch error). */
#include "gw-client-view-private.h"

#include <pty.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "gw-client-text.h"

#define WIDTH  80
#define HEIGHT 10  /* 5 rows per page */
#define RUN_DEADLINE_US (10 * G_USEC_PER_SEC)

static GwClientColumn two_columns[] = {
  { (gchar *) "id", (gchar *) "INTEGER", -1 },
  { (gchar *) "name", (gchar *) "STRING", -1 },
};

static GwClientViewConfig
config_for (GwClientViewMode mode, gint max_column_width, guint max_rows)
{
  return (GwClientViewConfig) {
    .mode = mode,
    .columns = two_columns,
    .n_columns = G_N_ELEMENTS (two_columns),
    .max_column_width = max_column_width,
    .max_rows = max_rows,
    .in_fd = -1,
    .out_fd = -1,
  };
}

static GwClientRow *
make_row (GwClientRowKind kind, const char *id, const char *name)
{
  GwClientRow *row = gw_client_row_new (kind, 2);
  row->fields[0] = g_strdup (id);
  row->fields[1] = g_strdup (name);
  return row;
}

/* Appends rows with ids first..first+n-1 and names "row<id>". */
static void
append_numbered (GwClientViewState *state, guint first, guint n)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  for (guint i = first; i < first + n; i++) {
    g_autofree gchar *id = g_strdup_printf ("%u", i);
    g_autofree gchar *name = g_strdup_printf ("row%u", i);
    g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, id, name));
  }
  gw_client_view_state_append (state, rows);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* The frame's screen lines as raw text (escape sequences kept). */
static GStrv
raw_lines (const GwClientViewState *state, guint width, guint height)
{
  g_autoptr (GString) frame = g_string_new (NULL);
  gw_client_view_render (state, width, height, frame);
  g_assert_true (g_str_has_prefix (frame->str, "\x1b[H"));
  return g_strsplit (frame->str + strlen ("\x1b[H"), "\r\n", -1);
}

static gchar *
strip_escapes (const char *raw)
{
  GString *plain = g_string_new (NULL);
  for (const char *p = raw; *p; p++) {
    if (*p == '\x1b' && p[1] == '[') {
      for (p += 2; *p && !(*p >= 0x40 && *p <= 0x7e); p++)
        ;
      if (*p == '\0')
        break;
      continue;
    }
    g_string_append_c (plain, *p);
  }
  return g_string_free (plain, FALSE);
}

/* The frame's screen lines as the user reads them. */
static GStrv
render_lines (const GwClientViewState *state, guint width, guint height)
{
  g_auto (GStrv) raw = raw_lines (state, width, height);
  g_assert_cmpuint (g_strv_length (raw), ==, height);
  GStrv plain = g_new0 (gchar *, height + 1);
  for (guint i = 0; i < height; i++)
    plain[i] = strip_escapes (raw[i]);
  return plain;
}

/* The index of the one highlighted (reverse video) line, -1 if none. */
static gint
highlighted_line (const GwClientViewState *state)
{
  g_auto (GStrv) raw = raw_lines (state, WIDTH, HEIGHT);
  gint found = -1;
  for (guint i = 0; raw[i] != NULL; i++) {
    if (strstr (raw[i], "\x1b[7m") != NULL) {
      g_assert_cmpint (found, ==, -1);
      found = (gint) i;
    }
  }
  return found;
}

static void
press (GwClientViewState *state, GwClientViewKey key)
{
  gw_client_view_state_handle_key (state, key, gw_client_view_rows_per_page (HEIGHT));
}

static void
test_render_layout (void)
{
  GwClientViewConfig config = config_for (GW_CLIENT_VIEW_TABLE, 30, 100);
  g_autoptr (GwClientViewState) state = gw_client_view_state_new (&config);
  g_auto (GStrv) lines = render_lines (state, WIDTH, HEIGHT);

  g_assert_cmpstr (lines[0], ==, "                            SQL Query Result (Table)");
  g_assert_cmpstr (lines[1], ==, "Refresh: 1 s   Page: Last of 1   Updated: -");
  g_assert_cmpstr (lines[2], ==, "id name");
  for (guint i = 3; i < HEIGHT - 2; i++)
    g_assert_cmpstr (lines[i], ==, "");
  g_assert_cmpstr (lines[8], ==, "Q Quit  R Refresh  + Inc Refresh  - Dec Refresh  N Next Page  P Prev Page");
  g_assert_cmpstr (lines[9], ==, "F First Page  L Last Page  ↑/↓ Select Row  O Open Row  ←/→ Scroll");
  g_assert_cmpuint (gw_client_view_rows_per_page (HEIGHT), ==, HEIGHT - 5);
}

static void
test_render_cells (void)
{
  GwClientViewConfig config = config_for (GW_CLIENT_VIEW_TABLE, 10, 100);
  g_autoptr (GwClientViewState) state = gw_client_view_state_new (&config);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, "1", "alice"));
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, "22", NULL));
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, "333", "a-very-long-name"));
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, NULL, "two\nlines\x1b[2J"));
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, "5", "中文"));
  gw_client_view_state_append (state, rows);
  g_auto (GStrv) lines = render_lines (state, WIDTH, HEIGHT);

  /* id: widest cell "<NULL>" (6); name: capped at max_column_width 10. Left-aligned, "..." cut. */
  g_assert_cmpstr (lines[2], ==, "id     name      ");
  g_assert_cmpstr (lines[3], ==, "1      alice     ");
  g_assert_cmpstr (lines[4], ==, "22     <NULL>    ");
  g_assert_cmpstr (lines[5], ==, "333    a-very-...");
  /* Control characters never reach the terminal: a value cannot move the cursor or clear the screen. */
  g_assert_cmpstr (lines[6], ==, "<NULL> two lin...");
  g_assert_cmpstr (lines[7], ==, "5      中文      ");
  for (guint i = 3; i <= 7; i++)
    g_assert_cmpuint (gw_client_text_width (lines[i]), ==, gw_client_text_width (lines[2]));
}

static void
test_render_changelog (void)
{
  GwClientViewConfig config = config_for (GW_CLIENT_VIEW_CHANGELOG, 30, 100);
  g_autoptr (GwClientViewState) state = gw_client_view_state_new (&config);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, "1", "a"));
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_UPDATE_BEFORE, "1", "a"));
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_UPDATE_AFTER, "1", "b"));
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_DELETE, "1", "b"));
  gw_client_view_state_append (state, rows);
  g_auto (GStrv) lines = render_lines (state, WIDTH, HEIGHT);

  g_assert_cmpstr (g_strstrip (lines[0]), ==, "SQL Query Result (Changelog)");
  g_assert_cmpstr (lines[2], ==, "op id name");
  g_assert_cmpstr (lines[3], ==, "+I 1  a   ");
  g_assert_cmpstr (lines[4], ==, "-U 1  a   ");
  g_assert_cmpstr (lines[5], ==, "+U 1  b   ");
  g_assert_cmpstr (lines[6], ==, "-D 1  b   ");

  /* The op column stays when the data columns scroll sideways. */
  press (state, GW_CLIENT_VIEW_KEY_RIGHT);
  g_auto (GStrv) scrolled = render_lines (state, WIDTH, HEIGHT);
  g_assert_cmpstr (scrolled[2], ==, "op name");
  g_assert_cmpstr (scrolled[3], ==, "+I a   ");
  press (state, GW_CLIENT_VIEW_KEY_RIGHT);  /* the last column stays visible */
  press (state, GW_CLIENT_VIEW_KEY_LEFT);
  g_auto (GStrv) back = render_lines (state, WIDTH, HEIGHT);
  g_assert_cmpstr (back[2], ==, "op id name");
}

static void
test_render_status (void)
{
  GwClientViewConfig config = config_for (GW_CLIENT_VIEW_TABLE, 30, 100);
  g_autoptr (GwClientViewState) state = gw_client_view_state_new (&config);

  /* Updated: the wall clock of the last fetch, local time with milliseconds. */
  gint64 at = G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC + 123456;
  state->updated_usec = at;
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (at / G_USEC_PER_SEC);
  g_autofree gchar *hms = g_date_time_format (local, "%H:%M:%S");
  g_autofree gchar *expected = g_strdup_printf ("Refresh: 1 s   Page: Last of 1   Updated: %s.123", hms);
  g_auto (GStrv) lines = render_lines (state, WIDTH, HEIGHT);
  g_assert_cmpstr (lines[1], ==, expected);

  /* + / - walk the steps and stop at both ends. */
  press (state, GW_CLIENT_VIEW_KEY_INC_REFRESH);
  g_assert_cmpstr (gw_client_view_state_get_refresh_label (state), ==, "2 s");
  for (guint i = 0; i < 10; i++)
    press (state, GW_CLIENT_VIEW_KEY_DEC_REFRESH);
  g_assert_cmpstr (gw_client_view_state_get_refresh_label (state), ==, "100 ms");
  g_assert_cmpint (gw_client_view_state_get_refresh_ms (state), ==, 100);
  for (guint i = 0; i < 10; i++)
    press (state, GW_CLIENT_VIEW_KEY_INC_REFRESH);
  g_assert_cmpint (gw_client_view_state_get_refresh_ms (state), ==, -1);
  g_auto (GStrv) manual = render_lines (state, WIDTH, HEIGHT);
  g_assert_true (g_str_has_prefix (manual[1], "Refresh: ∞   Page: Last of 1"));

  gw_client_view_state_set_finished (state);
  g_auto (GStrv) finished = render_lines (state, WIDTH, HEIGHT);
  g_assert_true (g_str_has_prefix (finished[1], "Table program finished.   Page: Last of 1   Updated: "));

  g_autoptr (GwClientViewState) failed = gw_client_view_state_new (&config);
  gw_client_view_state_set_failed (failed, "boom");
  g_auto (GStrv) error = render_lines (failed, WIDTH, HEIGHT);
  g_assert_cmpstr (error[1], ==, "[ERROR] boom   Page: Last of 1   Updated: -");
}

static void
test_render_narrow (void)
{
  GwClientViewConfig config = config_for (GW_CLIENT_VIEW_TABLE, 30, 100);
  g_autoptr (GwClientViewState) state = gw_client_view_state_new (&config);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, "1", "a name of twenty-five ch"));
  gw_client_view_state_append (state, rows);
  g_auto (GStrv) lines = render_lines (state, 20, HEIGHT);

  /* Nothing wraps: every line is cut at the terminal width, without "..." (that is for cells). */
  for (guint i = 0; i < HEIGHT; i++)
    g_assert_cmpuint (gw_client_text_width (lines[i]), <=, 20);
  g_assert_cmpstr (lines[0], ==, "SQL Query Result (Ta");
  g_assert_cmpstr (lines[3], ==, "1  a name of twenty-");
  g_assert_cmpstr (lines[8], ==, "Q Quit  R Refresh  +");

  /* A terminal too short for the layout still gets exactly its height. */
  g_auto (GStrv) tiny = render_lines (state, WIDTH, 3);
  g_assert_cmpstr (tiny[2], ==, "id name                    ");
}

static void
test_state_eviction (void)
{
  GwClientViewConfig config = config_for (GW_CLIENT_VIEW_TABLE, 30, 5);
  g_autoptr (GwClientViewState) state = gw_client_view_state_new (&config);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, "wide-id-that-goes", "x"));
  gw_client_view_state_append (state, rows);
  append_numbered (state, 1, 7);

  /* The oldest rows went (Flink keeps the newest max-table-result.rows). */
  g_assert_cmpuint (state->rows->len, ==, 5);
  g_auto (GStrv) lines = render_lines (state, WIDTH, HEIGHT);
  g_assert_cmpstr (lines[3], ==, "3                 row3");
  g_assert_cmpstr (lines[7], ==, "7                 row7");
  /* Columns keep the width of evicted cells, so the table does not jump as rows come and go. */
  g_assert_cmpstr (lines[2], ==, "id                name");

  /* A selected row is followed as rows go, and unselected when it goes itself. */
  press (state, GW_CLIENT_VIEW_KEY_UP);
  g_assert_cmpint (state->selected, ==, 4);
  append_numbered (state, 8, 2);
  g_assert_cmpint (state->selected, ==, 2);
  append_numbered (state, 10, 3);
  g_assert_cmpint (state->selected, ==, -1);
}

static void
test_state_paging (void)
{
  GwClientViewConfig config = config_for (GW_CLIENT_VIEW_TABLE, 30, 1000);
  g_autoptr (GwClientViewState) state = gw_client_view_state_new (&config);
  append_numbered (state, 0, 12);

  /* Not moved yet: the last page, "Last" as in Flink. */
  g_auto (GStrv) last = render_lines (state, WIDTH, HEIGHT);
  g_assert_true (g_str_has_prefix (last[1], "Refresh: 1 s   Page: Last of 3   "));
  g_assert_cmpstr (last[3], ==, "10 row10");
  g_assert_cmpstr (last[4], ==, "11 row11");
  g_assert_cmpstr (last[5], ==, "");

  press (state, GW_CLIENT_VIEW_KEY_FIRST_PAGE);
  g_auto (GStrv) first = render_lines (state, WIDTH, HEIGHT);
  g_assert_true (g_str_has_prefix (first[1], "Refresh: 1 s   Page: 1 of 3   "));
  g_assert_cmpstr (first[3], ==, "0  row0 ");
  g_assert_cmpstr (first[7], ==, "4  row4 ");

  press (state, GW_CLIENT_VIEW_KEY_NEXT_PAGE);
  g_assert_cmpuint (gw_client_view_state_get_page (state, 5), ==, 1);
  press (state, GW_CLIENT_VIEW_KEY_NEXT_PAGE);
  press (state, GW_CLIENT_VIEW_KEY_NEXT_PAGE);  /* stays on the last page */
  g_auto (GStrv) third = render_lines (state, WIDTH, HEIGHT);
  g_assert_true (g_str_has_prefix (third[1], "Refresh: 1 s   Page: 3 of 3   "));

  /* A page the user picked stays put when rows arrive; the followed last page moves on. */
  press (state, GW_CLIENT_VIEW_KEY_PREV_PAGE);
  append_numbered (state, 12, 5);
  g_auto (GStrv) kept = render_lines (state, WIDTH, HEIGHT);
  g_assert_true (g_str_has_prefix (kept[1], "Refresh: 1 s   Page: 2 of 4   "));
  g_assert_cmpstr (kept[3], ==, "5  row5 ");
  press (state, GW_CLIENT_VIEW_KEY_LAST_PAGE);
  append_numbered (state, 17, 4);
  g_auto (GStrv) followed = render_lines (state, WIDTH, HEIGHT);
  g_assert_true (g_str_has_prefix (followed[1], "Refresh: 1 s   Page: Last of 5   "));
  g_assert_cmpstr (followed[3], ==, "20 row20");

  /* Rows per page follow the terminal height. */
  g_assert_cmpuint (gw_client_view_state_get_page_count (state, gw_client_view_rows_per_page (26)), ==, 1);
}

static void
test_state_selection (void)
{
  GwClientViewConfig config = config_for (GW_CLIENT_VIEW_TABLE, 30, 1000);
  g_autoptr (GwClientViewState) state = gw_client_view_state_new (&config);
  append_numbered (state, 0, 12);
  g_assert_cmpint (highlighted_line (state), ==, -1);

  /* Open without a selection does nothing. */
  press (state, GW_CLIENT_VIEW_KEY_OPEN);
  g_assert_null (state->open_row);

  press (state, GW_CLIENT_VIEW_KEY_FIRST_PAGE);
  press (state, GW_CLIENT_VIEW_KEY_DOWN);  /* selects the page's first row */
  g_assert_cmpint (state->selected, ==, 0);
  g_assert_cmpint (highlighted_line (state), ==, 3);
  for (guint i = 0; i < 5; i++)
    press (state, GW_CLIENT_VIEW_KEY_DOWN);
  /* Row 5 is on the second page, second line. */
  g_assert_cmpint (state->selected, ==, 5);
  g_assert_cmpuint (gw_client_view_state_get_page (state, 5), ==, 1);
  g_assert_cmpint (highlighted_line (state), ==, 3);
  press (state, GW_CLIENT_VIEW_KEY_UP);
  g_assert_cmpint (state->selected, ==, 4);
  g_assert_cmpuint (gw_client_view_state_get_page (state, 5), ==, 0);
  g_assert_cmpint (highlighted_line (state), ==, 7);

  /* Paging keeps the selection's place on the page; the last page may be shorter. */
  press (state, GW_CLIENT_VIEW_KEY_NEXT_PAGE);
  g_assert_cmpint (state->selected, ==, 9);
  press (state, GW_CLIENT_VIEW_KEY_NEXT_PAGE);
  g_assert_cmpint (state->selected, ==, 11);
  press (state, GW_CLIENT_VIEW_KEY_DOWN);  /* the last row stays selected */
  g_assert_cmpint (state->selected, ==, 11);
  press (state, GW_CLIENT_VIEW_KEY_FIRST_PAGE);
  g_assert_cmpint (state->selected, ==, 1);
  press (state, GW_CLIENT_VIEW_KEY_UP);
  press (state, GW_CLIENT_VIEW_KEY_UP);  /* the first row stays selected */
  g_assert_cmpint (state->selected, ==, 0);

  /* O opens the row as "name: value" lines; any key returns to the table. */
  press (state, GW_CLIENT_VIEW_KEY_DOWN);
  press (state, GW_CLIENT_VIEW_KEY_OPEN);
  g_auto (GStrv) row = render_lines (state, WIDTH, HEIGHT);
  g_assert_cmpstr (g_strstrip (row[0]), ==, "Row Summary");
  g_assert_cmpstr (row[2], ==, "id: 1");
  g_assert_cmpstr (row[3], ==, "name: row1");
  g_assert_cmpstr (row[HEIGHT - 1], ==, "Press any key to return");
  press (state, GW_CLIENT_VIEW_KEY_QUIT);
  g_assert_null (state->open_row);
  g_auto (GStrv) table = render_lines (state, WIDTH, HEIGHT);
  g_assert_cmpstr (g_strstrip (table[0]), ==, "SQL Query Result (Table)");

  /* Up with nothing selected starts at the bottom of the page shown. */
  g_autoptr (GwClientViewState) fresh = gw_client_view_state_new (&config);
  append_numbered (fresh, 0, 12);
  press (fresh, GW_CLIENT_VIEW_KEY_UP);
  g_assert_cmpint (fresh->selected, ==, 11);
}

static void
assert_key (const char *bytes, gboolean more_may_follow, GwClientViewKey expected_key, gsize expected_consumed)
{
  gsize consumed = 99;
  GwClientViewKey key = gw_client_view_key_decode ((const guint8 *) bytes, strlen (bytes), more_may_follow, &consumed);
  g_assert_cmpint (key, ==, expected_key);
  g_assert_cmpuint (consumed, ==, expected_consumed);
}

static void
test_key_decode (void)
{
  assert_key ("q", TRUE, GW_CLIENT_VIEW_KEY_QUIT, 1);
  assert_key ("Qx", TRUE, GW_CLIENT_VIEW_KEY_QUIT, 1);
  assert_key ("R", TRUE, GW_CLIENT_VIEW_KEY_REFRESH, 1);
  assert_key (" ", TRUE, GW_CLIENT_VIEW_KEY_NEXT_PAGE, 1);
  assert_key ("L", TRUE, GW_CLIENT_VIEW_KEY_LAST_PAGE, 1);
  assert_key ("\r", TRUE, GW_CLIENT_VIEW_KEY_OPEN, 1);
  assert_key ("z", TRUE, GW_CLIENT_VIEW_KEY_OTHER, 1);
  assert_key ("\x1b[A", TRUE, GW_CLIENT_VIEW_KEY_UP, 3);
  assert_key ("\x1b[Bq", TRUE, GW_CLIENT_VIEW_KEY_DOWN, 3);
  assert_key ("\x1bOA", TRUE, GW_CLIENT_VIEW_KEY_UP, 3);
  assert_key ("\x1b[1;5B", TRUE, GW_CLIENT_VIEW_KEY_DOWN, 6);
  assert_key ("\x1b[C", TRUE, GW_CLIENT_VIEW_KEY_RIGHT, 3);
  assert_key ("\x1b[5~", TRUE, GW_CLIENT_VIEW_KEY_PREV_PAGE, 4);
  assert_key ("\x1b[6~", TRUE, GW_CLIENT_VIEW_KEY_NEXT_PAGE, 4);
  assert_key ("\x1b[H", TRUE, GW_CLIENT_VIEW_KEY_FIRST_PAGE, 3);
  assert_key ("\x1b[1~", TRUE, GW_CLIENT_VIEW_KEY_FIRST_PAGE, 4);
  assert_key ("\x1bOF", TRUE, GW_CLIENT_VIEW_KEY_LAST_PAGE, 3);
  assert_key ("\x1b[4~", TRUE, GW_CLIENT_VIEW_KEY_LAST_PAGE, 4);
  assert_key ("\x1b[2~", TRUE, GW_CLIENT_VIEW_KEY_OTHER, 4);  /* Insert: no binding */

  /* Partial sequences wait for more bytes, unless input paused: then a lone ESC is a key. */
  assert_key ("\x1b", TRUE, GW_CLIENT_VIEW_KEY_INCOMPLETE, 0);
  assert_key ("\x1b", FALSE, GW_CLIENT_VIEW_KEY_ESCAPE, 1);
  assert_key ("\x1b[", TRUE, GW_CLIENT_VIEW_KEY_INCOMPLETE, 0);
  assert_key ("\x1b[5", TRUE, GW_CLIENT_VIEW_KEY_INCOMPLETE, 0);
  assert_key ("\x1b[5", FALSE, GW_CLIENT_VIEW_KEY_OTHER, 3);
  assert_key ("\x1bO", FALSE, GW_CLIENT_VIEW_KEY_OTHER, 2);
  /* ESC and a plain key are two keys; a sequence broken by a new ESC is dropped, not misread. */
  assert_key ("\x1bq", TRUE, GW_CLIENT_VIEW_KEY_ESCAPE, 1);
  assert_key ("\x1b[\x1b[A", TRUE, GW_CLIENT_VIEW_KEY_OTHER, 2);
  assert_key ("\x1bO\x1b", TRUE, GW_CLIENT_VIEW_KEY_OTHER, 2);
  /* An endless parameter string is swallowed in bounded pieces. */
  assert_key ("\x1b[1111111111111111111111", TRUE, GW_CLIENT_VIEW_KEY_OTHER, 16);
}

/* -- whole runs on a pseudo-terminal -- */

typedef struct {
  guint    calls;
  gboolean fail;
} FakeResult;

/* Three pages of three rows ("p<page>-r<row>"), the last one with end_of_result. */
static gboolean
fake_fetch (gpointer user_data, GPtrArray *rows, gboolean *end_of_result, GError **error)
{
  FakeResult *result = user_data;
  result->calls++;
  if (result->fail) {
    g_set_error_literal (error, g_quark_from_static_string ("gw-client-view-test"), 1, "boom");
    return FALSE;
  }
  for (guint i = 0; i < 3; i++) {
    g_autofree gchar *id = g_strdup_printf ("p%u-r%u", result->calls, i);
    g_ptr_array_add (rows, make_row (GW_CLIENT_ROW_INSERT, id, NULL));
  }
  *end_of_result = result->calls >= 3;
  return TRUE;
}

typedef struct {
  int                master, slave;
  struct termios     before;
  FakeResult         result;
  GwClientViewConfig config;
  volatile gint      interrupted;
  gboolean           returned;
  GThread           *thread;
  GString           *seen;  /* everything the view wrote */
} PtyFixture;

static gpointer
run_view (gpointer data)
{
  PtyFixture *fx = data;
  fx->returned = gw_client_view_run (&fx->config, &fx->interrupted);
  return NULL;
}

static void
pty_setup (PtyFixture *fx, gconstpointer unused)
{
  struct winsize ws = { .ws_row = 24, .ws_col = 80 };
  g_assert_cmpint (openpty (&fx->master, &fx->slave, NULL, NULL, &ws), ==, 0);
  g_assert_cmpint (tcgetattr (fx->slave, &fx->before), ==, 0);
  fx->config = config_for (GW_CLIENT_VIEW_TABLE, 30, 1000);
  fx->config.fetch = fake_fetch;
  fx->config.fetch_data = &fx->result;
  fx->config.in_fd = fx->slave;
  fx->config.out_fd = fx->slave;
  fx->seen = g_string_new (NULL);
}

static void
pty_start (PtyFixture *fx)
{
  fx->thread = g_thread_new ("view", run_view, fx);
}

static void
pty_teardown (PtyFixture *fx, gconstpointer unused)
{
  g_assert_null (fx->thread);
  close (fx->master);
  close (fx->slave);
  g_string_free (fx->seen, TRUE);
}

/* Reads what the view draws until needle shows up; fails the test at the deadline. */
static void
await_output (PtyFixture *fx, const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + RUN_DEADLINE_US;
  while (strstr (fx->seen->str, needle) == NULL) {
    gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;
    if (left_ms <= 0)
      g_error ("the view never drew \"%s\"; it drew %" G_GSIZE_FORMAT " bytes", needle, fx->seen->len);
    struct pollfd pfd = { .fd = fx->master, .events = POLLIN };
    if (poll (&pfd, 1, (int) left_ms) <= 0)
      continue;
    char buf[4096];
    ssize_t n = read (fx->master, buf, sizeof buf);
    g_assert_cmpint (n, >, 0);
    g_string_append_len (fx->seen, buf, n);
  }
}

static void
type_keys (PtyFixture *fx, const char *keys)
{
  g_assert_cmpint (write (fx->master, keys, strlen (keys)), ==, (gssize) strlen (keys));
}

/* Waits for the view to leave the alternate screen and checks the terminal is as it was. */
static void
await_exit (PtyFixture *fx)
{
  await_output (fx, "\x1b[?1049l");
  g_thread_join (g_steal_pointer (&fx->thread));

  g_assert_nonnull (strstr (fx->seen->str, "\x1b[?1049h"));
  g_assert_true (g_str_has_suffix (fx->seen->str, "\x1b[?25h\x1b[?1049l"));
  struct termios after;
  g_assert_cmpint (tcgetattr (fx->slave, &after), ==, 0);
  g_assert_cmpuint (after.c_iflag, ==, fx->before.c_iflag);
  g_assert_cmpuint (after.c_oflag, ==, fx->before.c_oflag);
  g_assert_cmpuint (after.c_cflag, ==, fx->before.c_cflag);
  g_assert_cmpuint (after.c_lflag, ==, fx->before.c_lflag);
  g_assert_cmpmem (after.c_cc, sizeof after.c_cc, fx->before.c_cc, sizeof fx->before.c_cc);
}

static void
test_run_quit_early (PtyFixture *fx, gconstpointer unused)
{
  pty_start (fx);
  await_output (fx, "SQL Query Result (Table)");

  /* While the view runs, keys come unbuffered and unechoed, and Ctrl-C still raises SIGINT. */
  struct termios during;
  g_assert_cmpint (tcgetattr (fx->slave, &during), ==, 0);
  g_assert_false (during.c_lflag & (ICANON | ECHO));
  g_assert_true (during.c_lflag & ISIG);

  type_keys (fx, "q");
  await_exit (fx);
  g_assert_false (fx->returned);
  g_assert_cmpuint (fx->result.calls, >=, 1);
  g_assert_cmpuint (fx->result.calls, <, 3);
}

static void
test_run_to_the_end (PtyFixture *fx, gconstpointer unused)
{
  pty_start (fx);
  /* R fetches at once instead of waiting for the 1 s refresh. */
  await_output (fx, "p1-r2");
  type_keys (fx, "r");
  await_output (fx, "p2-r2");
  type_keys (fx, "r");
  await_output (fx, "Table program finished.");
  g_assert_nonnull (strstr (fx->seen->str, "p3-r2"));
  /* A lone ESC and an arrow key on the way are no reason to quit. */
  type_keys (fx, "\x1b");
  type_keys (fx, "\x1b[Bo");
  await_output (fx, "Row Summary");
  type_keys (fx, "x");
  type_keys (fx, "q");
  await_exit (fx);
  g_assert_true (fx->returned);
  g_assert_cmpuint (fx->result.calls, ==, 3);  /* nothing is fetched after the end */
}

static void
test_run_interrupted (PtyFixture *fx, gconstpointer unused)
{
  pty_start (fx);
  await_output (fx, "p1-r2");
  fx->interrupted = 1;  /* as the caller's SIGINT handler does */
  await_exit (fx);
  g_assert_false (fx->returned);
}

static void
test_run_fetch_error (PtyFixture *fx, gconstpointer unused)
{
  fx->result.fail = TRUE;
  pty_start (fx);
  await_output (fx, "[ERROR] boom");
  /* The error stays up; R does not fetch again. */
  type_keys (fx, "r");
  type_keys (fx, "q");
  await_exit (fx);
  g_assert_false (fx->returned);
  g_assert_cmpuint (fx->result.calls, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/view/render/layout", test_render_layout);
  g_test_add_func ("/client/view/render/cells", test_render_cells);
  g_test_add_func ("/client/view/render/changelog", test_render_changelog);
  g_test_add_func ("/client/view/render/status", test_render_status);
  g_test_add_func ("/client/view/render/narrow", test_render_narrow);
  g_test_add_func ("/client/view/state/eviction", test_state_eviction);
  g_test_add_func ("/client/view/state/paging", test_state_paging);
  g_test_add_func ("/client/view/state/selection", test_state_selection);
  g_test_add_func ("/client/view/keys/decode", test_key_decode);
  g_test_add ("/client/view/run/quit-early", PtyFixture, NULL, pty_setup, test_run_quit_early, pty_teardown);
  g_test_add ("/client/view/run/to-the-end", PtyFixture, NULL, pty_setup, test_run_to_the_end, pty_teardown);
  g_test_add ("/client/view/run/interrupted", PtyFixture, NULL, pty_setup, test_run_interrupted, pty_teardown);
  g_test_add ("/client/view/run/fetch-error", PtyFixture, NULL, pty_setup, test_run_fetch_error, pty_teardown);

  return g_test_run ();
}
