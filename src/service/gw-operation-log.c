/* Operation log lines with a read position, like Hive's operation log. */
#include "gw-operation-log.h"

/* A statement's log stays small; past this the oldest lines go (a client that never reads the
 * log must not grow the gateway). */
#define MAX_LINES 1000

struct _GwOperationLog {
  GMutex     lock;
  GPtrArray *lines;     /* owned gchar* */
  guint      read_pos;  /* lines before this were handed out */
};

GwOperationLog *
gw_operation_log_new (void)
{
  GwOperationLog *log = g_new0 (GwOperationLog, 1);
  g_mutex_init (&log->lock);
  log->lines = g_ptr_array_new_with_free_func (g_free);
  return log;
}

void
gw_operation_log_free (GwOperationLog *log)
{
  if (log == NULL)
    return;
  g_ptr_array_unref (log->lines);
  g_mutex_clear (&log->lock);
  g_free (log);
}

void
gw_operation_log_append (GwOperationLog *log, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree gchar *message = g_strdup_vprintf (format, args);
  va_end (args);
  /* GLib looks the local zone up again (readlink, stat) on every _now_local() when TZ is unset;
   * the gateway's zone does not change while it runs. */
  static GTimeZone *zone;
  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_local ());
  g_autoptr (GDateTime) now = g_date_time_new_now (zone);
  g_autofree gchar *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  gchar *line = g_strdup_printf ("%s,%03d INFO : %s", stamp,
                                 g_date_time_get_microsecond (now) / 1000, message);
  g_mutex_lock (&log->lock);
  if (log->lines->len >= MAX_LINES) {
    g_ptr_array_remove_index (log->lines, 0);
    if (log->read_pos > 0)
      log->read_pos--;
  }
  g_ptr_array_add (log->lines, line);
  g_mutex_unlock (&log->lock);
}

gchar **
gw_operation_log_read (GwOperationLog *log, gboolean from_start)
{
  g_mutex_lock (&log->lock);
  guint from = from_start ? 0 : log->read_pos;
  GStrvBuilder *builder = g_strv_builder_new ();
  for (guint i = from; i < log->lines->len; i++)
    g_strv_builder_add (builder, log->lines->pdata[i]);
  log->read_pos = log->lines->len;
  g_mutex_unlock (&log->lock);
  gchar **lines = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return lines;
}
