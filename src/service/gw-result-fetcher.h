/* GwResultFetcher: pages one operation's result to clients by token (Flink's ResultFetcher,
 * reference/flink-rest.md §4.1). It keeps only the current and the previous page in memory and
 * pulls the next page from its source when a client asks: a materialized batch, a live engine
 * cursor, or a spool file the cursor was drained into. */
#pragma once

#include "gw-batch.h"
#include "gw-engine.h"

G_BEGIN_DECLS

typedef struct _GwResultFetcher GwResultFetcher;

typedef struct {
  guint       page_max_rows;
  gsize       page_max_bytes;
  const char *spool_directory; /* NULL = system temp dir */
} GwFetchLimits;

/* A result computed by the gateway (takes ownership of rows; NULL = no rows). */
GwResultFetcher *gw_result_fetcher_new_materialized (GwResultSchema *schema, GwBatch *rows);
/* A streaming result: takes ownership of cursor. engine_lock (borrowed, the session's) guards
 * the engine connection the cursor reads from. */
GwResultFetcher *gw_result_fetcher_new_cursor (GwEngineCursor *cursor, GMutex *engine_lock,
                                               const GwFetchLimits *limits);

GwResultSchema  *gw_result_fetcher_get_schema (GwResultFetcher *fetcher);

/* Fetches by token. On success *out_batch (owned ref) holds the page (NULL for EOS) and
 * *out_next_token the token of the next page (-1 after EOS). */
gboolean gw_result_fetcher_fetch (GwResultFetcher *fetcher, gint64 token, GwBatch **out_batch,
                                  gint64 *out_next_token, GError **error);
/* Row-oriented fetching (HiveServer2 FetchResults), an alternative to tokens for the same
 * result: the next at most max_rows rows, *out_batch NULL at the end. */
gboolean gw_result_fetcher_fetch_rows (GwResultFetcher *fetcher, guint max_rows, GwBatch **out_batch,
                                       GError **error);
/* Restarts row fetching from the first row. Possible while nothing was read yet or when the
 * result was materialized; FALSE otherwise (the caller may run the statement again). */
gboolean gw_result_fetcher_rewind (GwResultFetcher *fetcher);
/* Rows handed out so far by either way of fetching. */
guint64  gw_result_fetcher_get_rows_fetched (GwResultFetcher *fetcher);
/* Drains a live cursor into a spool file so the connection can run something else. The caller
 * holds the engine lock. No-op for other sources. */
gboolean gw_result_fetcher_spool (GwResultFetcher *fetcher, GError **error);
/* TRUE while the fetcher reads from a live engine cursor. */
gboolean gw_result_fetcher_is_streaming (GwResultFetcher *fetcher);
/* Reference-counted so a fetch in progress survives a concurrent close. The last unref of a
 * fetcher with a live cursor takes the engine lock to free it: never unref while holding it
 * unless the fetcher has been spooled. */
GwResultFetcher *gw_result_fetcher_ref (GwResultFetcher *fetcher);
void     gw_result_fetcher_unref (GwResultFetcher *fetcher);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwResultFetcher, gw_result_fetcher_unref)

G_END_DECLS
