/* Showing a query's result in the session's result mode: TABLEAU (printed, batch or streaming
 * style), TABLE or CHANGELOG (the interactive full-screen view). */
#pragma once

#include "gw-client-executor.h"

G_BEGIN_DECLS

/* first: the first non-NOT_READY page (its rows are taken). Returns FALSE + error when fetching
 * failed; a user interrupt is not an error (the result is reported as terminated). */
gboolean gw_client_query_show (GwClientExecutor *executor, GwRestClient *client, FILE *out,
                               const char *operation, GwRestPage *first, GCancellable *cancellable,
                               gint64 started_us, GwClientMode mode, GError **error);

G_END_DECLS
