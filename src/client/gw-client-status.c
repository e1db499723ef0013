/* Status line state under one lock: the tick thread draws, the main thread erases. */
#include "gw-client-status.h"

#include <stdio.h>

#define STATUS_DELAY_US (1 * G_USEC_PER_SEC)

static GMutex lock;
static gboolean active;
static gboolean shown;
static gint64 started_us;
static guint64 rows_received;

void
gw_client_status_start (gboolean enabled)
{
  g_mutex_lock (&lock);
  active = enabled;
  shown = FALSE;
  started_us = g_get_monotonic_time ();
  rows_received = 0;
  g_mutex_unlock (&lock);
}

void
gw_client_status_set_rows (guint64 rows)
{
  g_mutex_lock (&lock);
  rows_received = rows;
  g_mutex_unlock (&lock);
}

void
gw_client_status_stop (void)
{
  g_mutex_lock (&lock);
  if (shown) {
    fputs ("\r\033[K", stdout);
    fflush (stdout);
  }
  active = FALSE;
  shown = FALSE;
  g_mutex_unlock (&lock);
}

void
gw_client_status_tick (void)
{
  g_mutex_lock (&lock);
  gint64 elapsed = g_get_monotonic_time () - started_us;
  if (active && elapsed >= STATUS_DELAY_US) {
    fprintf (stdout, "\r\033[K[RUNNING] %.1f s, %" G_GUINT64_FORMAT " row%s received "
             "(Ctrl-C cancels)", elapsed / 1e6, rows_received, rows_received == 1 ? "" : "s");
    fflush (stdout);
    shown = TRUE;
  }
  g_mutex_unlock (&lock);
}
