/* The live status line of a long-running statement: "[RUNNING] 3.4 s, 12,000 rows received" on
 * the terminal, redrawn by the interrupt watcher's tick and erased before any result prints. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* enabled: only when stdout is a terminal; the line appears once the statement ran 1 s. */
void gw_client_status_start (gboolean enabled);
void gw_client_status_set_rows (guint64 rows);
/* Erases the line if it is shown and stops redrawing (call before printing results). */
void gw_client_status_stop (void);
/* Redraw (the watcher thread's tick). */
void gw_client_status_tick (void);

G_END_DECLS
