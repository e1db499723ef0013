/* Results the gateway builds itself, with Flink's result schemas (reference/flink-rest.md §10). */
#include "gw-statement-results.h"

#include <stdlib.h>
#include <string.h>

static GwLogicalType *
string_type (void)
{
  return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
}

/* Flink's "OK" result: one column `result`, one row `OK`. */
GwResultFetcher *
gw_statement_result_ok (void)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "result", string_type (), NULL);
  GwBatch *rows = gw_batch_new (schema, 1);
  gw_column_append_bytes (rows->columns[0], "OK", 2);
  gw_batch_finish (rows);
  return gw_result_fetcher_new_materialized (schema, rows);
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* `SET` listing: key, value sorted by key. */
GwResultFetcher *
gw_statement_result_config (GHashTable *config)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "key", string_type (), NULL);
  gw_result_schema_add_column (schema, "value", string_type (), NULL);
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (config, NULL);
  guint n = g_hash_table_size (config);
  qsort (keys, n, sizeof *keys, compare_keys);
  GwBatch *rows = gw_batch_new (schema, n);
  for (guint i = 0; i < n; i++) {
    const char *value = g_hash_table_lookup (config, keys[i]);
    gw_column_append_bytes (rows->columns[0], keys[i], strlen (keys[i]));
    gw_column_append_bytes (rows->columns[1], value, strlen (value));
  }
  gw_batch_finish (rows);
  return gw_result_fetcher_new_materialized (schema, rows);
}

/* Flink's DML result: one column `job id` with the job's id. */
GwResultFetcher *
gw_statement_result_job (const char *job_id)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "job id", string_type (), NULL);
  GwBatch *rows = gw_batch_new (schema, 1);
  gw_column_append_bytes (rows->columns[0], job_id, strlen (job_id));
  gw_batch_finish (rows);
  return gw_result_fetcher_new_materialized (schema, rows);
}

