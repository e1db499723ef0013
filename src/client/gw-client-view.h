/* The SQL client's interactive full-screen result view for the TABLE and CHANGELOG result modes
 * (Flink's CliTableResultView / CliChangelogResultView), drawn with plain ANSI escapes + termios. */
#pragma once

#include <glib.h>

#include "gw-client-result.h"

G_BEGIN_DECLS

typedef enum {
  GW_CLIENT_VIEW_TABLE,      /* materialized table: rows as they are, title "SQL Query Result (Table)" */
  GW_CLIENT_VIEW_CHANGELOG,  /* changelog: extra first column "op" (+I/-U/+U/-D), title "SQL Query Result (Changelog)" */
} GwClientViewMode;

/* Pulls the next page of rows (blocking, bounded by the caller). Appends GwClientRow* (ownership
 * transferred) to rows; sets *end_of_result when the result is complete. FALSE + error on failure
 * (the view then shows the error in its status line, drops the rows of that call and stops
 * fetching). */
typedef gboolean (*GwClientViewFetch) (gpointer user_data, GPtrArray *rows, gboolean *end_of_result,
                                       GError **error);

typedef struct {
  GwClientViewMode      mode;
  const GwClientColumn *columns;           /* borrowed: must outlive gw_client_view_run() */
  guint                 n_columns;
  gint                  max_column_width;  /* table.display.max-column-width; <= 0: no cap */
  guint                 max_rows;          /* sql-client.execution.max-table-result.rows: keep at most
                                            * this many rows, evicting the OLDEST (Flink); 0: no cap */
  GwClientViewFetch     fetch;
  gpointer              fetch_data;
  int                   in_fd, out_fd;     /* the terminal (usually 0 and 1) */
} GwClientViewConfig;

/* Runs the view until the user quits (q/Q) or *interrupted becomes non-zero (may be NULL). The
 * terminal (termios, cursor, alternate screen) is restored on every exit path. Returns TRUE if the
 * result was fully fetched (end_of_result seen). */
gboolean gw_client_view_run (const GwClientViewConfig *config, volatile gint *interrupted);

G_END_DECLS
