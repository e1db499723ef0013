/* An operation's log: the lines HiveServer2 clients read with FetchResults(fetchType=1) and
 * beeline prints while a statement runs. Thread-safe; bounded in lines. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GwOperationLog GwOperationLog;

GwOperationLog *gw_operation_log_new (void);
void            gw_operation_log_free (GwOperationLog *log);
void            gw_operation_log_append (GwOperationLog *log, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* The lines not read yet (from_start: all of them) as a NULL-terminated array; marks them read. */
gchar         **gw_operation_log_read (GwOperationLog *log, gboolean from_start);

G_END_DECLS
