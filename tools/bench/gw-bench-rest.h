/* A minimal synchronous Flink SQL Gateway REST client (V2 paths) for the benchmarks: it scans
 * fetch pages instead of parsing them, so that the client costs far less than the server. */
#pragma once

#include <gio/gio.h>

typedef struct _GwBenchClient GwBenchClient;

typedef struct {
  guint64 rows;         /* rows counted in PAYLOAD pages */
  guint64 bytes;        /* response body bytes of all fetch requests */
  guint   pages;        /* fetch responses, NOT_READY ones included */
  double  first_row_s;  /* seconds from the caller's start to the first page with a row */
} GwBenchFetchStats;

GwBenchClient *gw_bench_client_new (const char *base_url);
void           gw_bench_client_free (GwBenchClient *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwBenchClient, gw_bench_client_free)

gchar   *gw_bench_open_session (GwBenchClient *client, GError **error);
gboolean gw_bench_close_session (GwBenchClient *client, const char *session, GError **error);
gchar   *gw_bench_execute (GwBenchClient *client, const char *session, const char *sql,
                           GError **error);
gboolean gw_bench_fetch_all (GwBenchClient *client, const char *session, const char *operation,
                             const char *row_format, gint64 start_us, GwBenchFetchStats *stats,
                             GError **error);
gboolean gw_bench_close_operation (GwBenchClient *client, const char *session,
                                   const char *operation, GError **error);
