/* A result spool: the rest of an open result, written to an anonymous temporary file when
 * another statement needs the session's engine connection, then read back page by page. */
#pragma once

#include "gw-batch.h"

G_BEGIN_DECLS

typedef struct _GwResultSpool GwResultSpool;

/* Creates an unlinked temporary file in directory (NULL = system temp dir). */
GwResultSpool *gw_result_spool_new (GwResultSchema *schema, const char *directory, GError **error);
gboolean       gw_result_spool_write (GwResultSpool *spool, const GwBatch *batch, GError **error);
/* Ends writing; reading starts at the first batch written. */
gboolean       gw_result_spool_finish_writing (GwResultSpool *spool, GError **error);
/* The next batch, or NULL with no error at the end. */
GwBatch       *gw_result_spool_read (GwResultSpool *spool, GError **error);
guint64        gw_result_spool_get_bytes_written (GwResultSpool *spool);
void           gw_result_spool_free (GwResultSpool *spool);

G_END_DECLS
