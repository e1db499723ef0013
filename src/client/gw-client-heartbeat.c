/* The heartbeat thread: waits on a condition with a deadline so stop is immediate. */
#include "gw-client-heartbeat.h"

struct _GwClientHeartbeat {
  GwRestClient *client;  /* borrowed */
  gint64        interval_us;
  GMutex        lock;
  GCond         cond;
  gboolean      stopping;  /* under lock */
  GThread      *thread;    /* owned (joined on stop) */
};

static gpointer
heartbeat_thread (gpointer data)
{
  GwClientHeartbeat *heartbeat = data;
  g_mutex_lock (&heartbeat->lock);
  while (!heartbeat->stopping) {
    gint64 deadline = g_get_monotonic_time () + heartbeat->interval_us;
    while (!heartbeat->stopping && g_cond_wait_until (&heartbeat->cond, &heartbeat->lock, deadline))
      ;
    if (heartbeat->stopping)
      break;
    g_mutex_unlock (&heartbeat->lock);
    g_autoptr (GError) error = NULL;
    if (!gw_rest_client_heartbeat (heartbeat->client, &error))
      g_message ("Session heartbeat failed: %s", error->message);
    g_mutex_lock (&heartbeat->lock);
  }
  g_mutex_unlock (&heartbeat->lock);
  return NULL;
}

GwClientHeartbeat *
gw_client_heartbeat_start (GwRestClient *client, gint64 interval_ms)
{
  if (interval_ms <= 0)
    return NULL;
  GwClientHeartbeat *heartbeat = g_new0 (GwClientHeartbeat, 1);
  heartbeat->client = client;
  heartbeat->interval_us = interval_ms * G_TIME_SPAN_MILLISECOND;
  g_mutex_init (&heartbeat->lock);
  g_cond_init (&heartbeat->cond);
  heartbeat->thread = g_thread_new ("sql-client-heartbeat", heartbeat_thread, heartbeat);
  return heartbeat;
}

void
gw_client_heartbeat_stop (GwClientHeartbeat *heartbeat)
{
  if (heartbeat == NULL)
    return;
  g_mutex_lock (&heartbeat->lock);
  heartbeat->stopping = TRUE;
  g_cond_broadcast (&heartbeat->cond);
  g_mutex_unlock (&heartbeat->lock);
  g_thread_join (heartbeat->thread);
  g_mutex_clear (&heartbeat->lock);
  g_cond_clear (&heartbeat->cond);
  g_free (heartbeat);
}
