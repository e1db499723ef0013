/* Internals of the full-screen result view shared by its state, renderer, terminal loop and test:
 * the view state (rows, paging, selection, fetch progress), key decoding and the pure renderer. */
#pragma once

#include "gw-client-view.h"

G_BEGIN_DECLS

/* Where fetching stands; leaves FETCHING exactly once (gw_client_view_state_set_finished/_failed). */
typedef enum {
  GW_CLIENT_VIEW_FETCHING,  /* more rows may come: fetch on open, every refresh interval and on R */
  GW_CLIENT_VIEW_FINISHED,  /* end_of_result seen: "Table program finished.", no more fetching */
  GW_CLIENT_VIEW_FAILED,    /* fetch failed: "[ERROR] ..." in the status line, no more fetching */
} GwClientViewFetchState;

/* A key press, decoded from the terminal's bytes (letters, arrows, PageUp/Down, Home/End). */
typedef enum {
  GW_CLIENT_VIEW_KEY_INCOMPLETE,   /* the bytes so far are the start of an escape sequence */
  GW_CLIENT_VIEW_KEY_OTHER,        /* a key the view has no binding for (still closes the row view) */
  GW_CLIENT_VIEW_KEY_ESCAPE,       /* a lone ESC */
  GW_CLIENT_VIEW_KEY_QUIT,         /* q Q */
  GW_CLIENT_VIEW_KEY_REFRESH,      /* r R */
  GW_CLIENT_VIEW_KEY_INC_REFRESH,  /* + : longer refresh interval */
  GW_CLIENT_VIEW_KEY_DEC_REFRESH,  /* - : shorter refresh interval */
  GW_CLIENT_VIEW_KEY_NEXT_PAGE,    /* n N space PageDown */
  GW_CLIENT_VIEW_KEY_PREV_PAGE,    /* p P PageUp */
  GW_CLIENT_VIEW_KEY_FIRST_PAGE,   /* f F Home */
  GW_CLIENT_VIEW_KEY_LAST_PAGE,    /* l L End */
  GW_CLIENT_VIEW_KEY_UP,           /* Up k */
  GW_CLIENT_VIEW_KEY_DOWN,         /* Down j */
  GW_CLIENT_VIEW_KEY_LEFT,         /* Left: scroll one column left */
  GW_CLIENT_VIEW_KEY_RIGHT,        /* Right: scroll one column right */
  GW_CLIENT_VIEW_KEY_OPEN,         /* o O Enter: show the selected row full-screen */
} GwClientViewKey;

/* What the terminal loop must do after a key. */
typedef enum {
  GW_CLIENT_VIEW_ACTION_REDRAW,      /* only the picture changed */
  GW_CLIENT_VIEW_ACTION_QUIT,        /* leave the view */
  GW_CLIENT_VIEW_ACTION_FETCH_NOW,   /* R: fetch now, if still fetching */
  GW_CLIENT_VIEW_ACTION_RESCHEDULE,  /* the refresh interval changed */
} GwClientViewAction;

typedef struct {
  GwClientViewMode       mode;
  const GwClientColumn  *columns;          /* borrowed from the config */
  guint                  n_columns;
  gint                   max_column_width; /* <= 0: no cap */
  guint                  max_rows;         /* 0: no cap */

  GPtrArray             *rows;             /* owned GwClientRow*, oldest first */
  guint                 *widest;           /* owned [n_columns]: widest cell ever seen, evicted rows included,
                                            * so columns do not jitter as rows come and go */
  GwClientViewFetchState fetch_state;
  gchar                 *error_message;    /* owned; set in FAILED */
  gint64                 updated_usec;     /* wall clock of the last successful fetch; 0: none yet */
  guint                  refresh_step;     /* index into the refresh interval steps */

  gboolean               follow_last;      /* TRUE until the user moves: show the last page (Flink's "Page: Last") */
  guint                  page;             /* 0-based page shown when !follow_last (clamped on use) */
  gint                   selected;         /* absolute index into rows, -1: no row selected */
  guint                  col_offset;       /* first data column shown (horizontal scrolling) */
  GwClientRow           *open_row;         /* owned copy of the row shown full-screen, NULL: table shown */
} GwClientViewState;

GwClientViewState *gw_client_view_state_new (const GwClientViewConfig *config);
void               gw_client_view_state_free (GwClientViewState *state);

/* Moves all rows out of rows (left empty) to the end of the view, evicting the oldest beyond max_rows. */
void               gw_client_view_state_append (GwClientViewState *state, GPtrArray *rows);
void               gw_client_view_state_set_finished (GwClientViewState *state);
void               gw_client_view_state_set_failed (GwClientViewState *state, const char *message);

/* Refresh interval in ms, -1 for manual ("∞"), and its label ("1 s"). */
gint               gw_client_view_state_get_refresh_ms (const GwClientViewState *state);
const char        *gw_client_view_state_get_refresh_label (const GwClientViewState *state);

/* Rows on one page for a terminal of this height: all lines but title, status, header and footer. */
guint              gw_client_view_rows_per_page (guint height);
guint              gw_client_view_state_get_page_count (const GwClientViewState *state, guint rows_per_page);
/* The 0-based page shown. */
guint              gw_client_view_state_get_page (const GwClientViewState *state, guint rows_per_page);

GwClientViewAction gw_client_view_state_handle_key (GwClientViewState *state, GwClientViewKey key,
                                                    guint rows_per_page);

/* What a cell shows: "<NULL>" for SQL NULL, control characters as spaces (a value must not move the
 * cursor or inject escape sequences). */
gchar             *gw_client_view_cell_text (const char *value);

/* Writes one whole frame (cursor home, `height` cleared lines, none wider than `width`). */
void               gw_client_view_render (const GwClientViewState *state, guint width, guint height,
                                          GString *frame);

/* Decodes the first key in buf[0..len). more_may_follow: the bytes may be the start of a longer
 * escape sequence still on its way (then INCOMPLETE is possible); FALSE after an input pause, so a
 * lone ESC is a key of its own. *consumed is the number of bytes the key used (0 for INCOMPLETE). */
GwClientViewKey    gw_client_view_key_decode (const guint8 *buf, gsize len, gboolean more_may_follow,
                                              gsize *consumed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwClientViewState, gw_client_view_state_free)

G_END_DECLS
