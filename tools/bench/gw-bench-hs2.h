/* A minimal synchronous HiveServer2 client (NOSASL, TBinaryProtocol) for the benchmarks, built
 * from the generated c_glib TCLIService bindings. Fetch results are read either into the
 * generated structs (what a c_glib client gets) or by a lean reader that decodes the columnar
 * TRowSet straight off the wire, so that the client costs far less than the server. */
#pragma once

#include "t_c_l_i_service_types.h"

#include <gio/gio.h>

typedef struct _GwBenchHs2 GwBenchHs2;

/* The generated structs are GObjects without autoptr declarations. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TOperationHandle, g_object_unref)

typedef enum {
  GW_BENCH_HS2_READER_LEAN,       /* thrift_protocol_read_* for the structure, values in bulk */
  GW_BENCH_HS2_READER_GENERATED,  /* t_c_l_i_service_client_fetch_results into TFetchResultsResp */
} GwBenchHs2Reader;

typedef struct {
  guint64 rows;         /* rows of all batches (length of column 0, checked for every column) */
  guint64 checksum;     /* sum of integers and string lengths: every value is looked at */
  guint   fetches;      /* FetchResults calls, the final empty batch included */
  double  first_row_s;  /* seconds from the caller's start to the first batch with a row */
} GwBenchHs2FetchStats;

/* read_ahead FALSE reads as the stock ThriftSocket does: one recv() per field or value. */
GwBenchHs2 *gw_bench_hs2_connect (const char *host, guint port, gboolean read_ahead,
                                  GError **error);
void        gw_bench_hs2_free (GwBenchHs2 *hs2);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwBenchHs2, gw_bench_hs2_free)

/* Bytes received from the socket so far. */
guint64 gw_bench_hs2_bytes_read (GwBenchHs2 *hs2);

/* OpenSession at V10 (the session is kept in hs2) and CloseSession. */
gboolean gw_bench_hs2_open_session (GwBenchHs2 *hs2, GError **error);
gboolean gw_bench_hs2_close_session (GwBenchHs2 *hs2, GError **error);

/* ExecuteStatement with runAsync false; returns the operation handle (unref it). */
TOperationHandle *gw_bench_hs2_execute (GwBenchHs2 *hs2, const char *sql, GError **error);
/* FetchResults FETCH_NEXT of max_rows until an empty batch. */
gboolean gw_bench_hs2_fetch_all (GwBenchHs2 *hs2, TOperationHandle *operation, gint64 max_rows,
                                 GwBenchHs2Reader reader, gint64 start_us,
                                 GwBenchHs2FetchStats *stats, GError **error);
gboolean gw_bench_hs2_close_operation (GwBenchHs2 *hs2, TOperationHandle *operation,
                                       GError **error);
