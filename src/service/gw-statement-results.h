/* Results the gateway builds itself for gateway-level statements and engine statements whose
 * Flink result is fixed (DDL "OK", DML job id). */
#pragma once

#include "gw-result-fetcher.h"

G_BEGIN_DECLS

/* Flink's "OK" result: one column `result`, one row `OK`. */
GwResultFetcher *gw_statement_result_ok (void);
/* `SET` listing: columns `key`, `value`, sorted by key. */
GwResultFetcher *gw_statement_result_config (GHashTable *config);
/* Flink's DML result: one column `job id` with the job's id. */
GwResultFetcher *gw_statement_result_job (const char *job_id);

G_END_DECLS
