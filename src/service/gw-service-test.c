/* The service facade without an endpoint: sessions, ordered statements, fetching, catalog
 * listings and endpoint-built result operations. */
#include "gw-service.h"

#include <string.h>

static GwService *
service_new (void)
{
  g_autoptr (GwConfig) config = gw_config_new ();
  gw_config_set (config, "sql-gateway.engine.duckdb.path", ":memory:");
  gw_config_set (config, "sql-gateway.session.max-num", "3");
  gw_config_set (config, "table.custom", "from-gateway");
  g_autoptr (GError) error = NULL;
  GwService *service = gw_service_new (config, &error);
  g_assert_no_error (error);
  return service;
}

/* Waits (deadline 30 s) until the operation is terminal. */
static GwOperationStatus
wait_terminal (GwService *service, const GwHandle *s, const GwHandle *o)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GwOperationStatus status;
  do {
    g_autoptr (GError) error = NULL;
    g_assert_true (gw_service_get_operation_status (service, s, o, &status, &error));
    if (gw_operation_status_is_terminal (status))
      return status;
    g_usleep (1000);
  } while (g_get_monotonic_time () < deadline);
  g_error ("operation did not finish");
}

/* All rows of the first column as int64 (fetching every page). */
static GArray *
fetch_ints (GwService *service, const GwHandle *s, const GwHandle *o)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (gint64 token = 0; token >= 0;) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GwFetchResult) page = gw_service_fetch_results (service, s, o, token, &error);
    g_assert_no_error (error);
    if (page->type == GW_RESULT_EOS)
      break;
    g_assert_cmpint (page->type, ==, GW_RESULT_PAYLOAD);
    for (guint i = 0; i < page->batch->n_rows; i++)
      g_array_append_val (values, page->batch->columns[0]->i64[i]);
    token = page->next_token;
  }
  return values;
}

static void
test_statements_run_in_order (void)
{
  GwService *service = service_new ();
  g_autoptr (GError) error = NULL;
  GwHandle s, ops[3];
  /* With table.dml-sync false the INSERT's job would run beside the SELECT, as in Flink. */
  g_autoptr (GHashTable) properties = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (properties, "table.dml-sync", "true");
  g_assert_true (gw_service_open_session (service, "t", properties, &s, &error));
  const char *sql[] = { "CREATE TABLE seq (i BIGINT)", "INSERT INTO seq SELECT range FROM range(5)",
                        "SELECT i * 10 FROM seq ORDER BY i" };
  for (guint i = 0; i < 3; i++)
    g_assert_true (gw_service_execute_statement (service, &s, sql[i], 0, NULL, &ops[i], &error));
  g_assert_cmpint (wait_terminal (service, &s, &ops[2]), ==, GW_OPERATION_FINISHED);
  g_autoptr (GArray) values = fetch_ints (service, &s, &ops[2]);
  g_assert_cmpuint (values->len, ==, 5);
  g_assert_cmpint (g_array_index (values, gint64, 4), ==, 40);
  gw_service_free (service);
}

static void
test_session_config_and_limit (void)
{
  GwService *service = service_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) props = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (props, "table.custom", "from-client");
  GwHandle s[3], extra;
  g_assert_true (gw_service_open_session (service, NULL, props, &s[0], &error));
  g_autoptr (GHashTable) config = gw_service_get_session_config (service, &s[0], &error);
  g_assert_cmpstr (g_hash_table_lookup (config, "table.custom"), ==, "from-client");
  g_assert_true (gw_service_configure_session (service, &s[0], "RESET 'table.custom'", 0, &error));
  g_autoptr (GHashTable) reset = gw_service_get_session_config (service, &s[0], &error);
  g_assert_cmpstr (g_hash_table_lookup (reset, "table.custom"), ==, "from-gateway");
  g_assert_true (gw_service_open_session (service, NULL, NULL, &s[1], &error));
  g_assert_true (gw_service_open_session (service, NULL, NULL, &s[2], &error));
  g_assert_false (gw_service_open_session (service, NULL, NULL, &extra, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_LIMIT);
  g_clear_error (&error);
  g_assert_true (gw_service_close_session (service, &s[1], &error));
  g_assert_false (gw_service_heartbeat (service, &s[1], &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_SESSION_NOT_FOUND);
  g_assert_cmpuint (gw_service_get_session_count (service), ==, 2);
  gw_service_free (service);
}

static void
test_catalog_and_result_operation (void)
{
  GwService *service = service_new ();
  g_autoptr (GError) error = NULL;
  GwHandle s, o;
  g_assert_true (gw_service_open_session (service, NULL, NULL, &s, &error));
  g_assert_true (gw_service_configure_session (service, &s, "CREATE TABLE listed (a INT, b VARCHAR)", 0, &error));
  GwCatalogFilter filter = { NULL, NULL, "listed", NULL };
  g_autoptr (GPtrArray) columns = gw_service_list_catalog (service, &s, GW_CATALOG_COLUMNS, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (columns->len, ==, 2);
  GwCatalogObject *b = columns->pdata[1];
  g_assert_cmpstr (b->catalog, ==, "default_catalog");
  g_assert_cmpstr (b->schema, ==, "default_database");
  g_assert_cmpstr (b->name, ==, "b");
  g_assert_cmpint (gw_logical_type_get_root (b->type), ==, GW_TYPE_VARCHAR);

  /* an endpoint-built result, fetched like any other */
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "n", gw_logical_type_new (GW_TYPE_BIGINT, TRUE), NULL);
  GwBatch *rows = gw_batch_new (schema, 2);
  gw_column_append_int64 (rows->columns[0], 7);
  gw_column_append_int64 (rows->columns[0], 8);
  gw_batch_finish (rows);
  g_assert_true (gw_service_add_result_operation (service, &s, schema, rows, &o, &error));
  GwOperationStatus status;
  g_assert_true (gw_service_get_operation_status (service, &s, &o, &status, &error));
  g_assert_cmpint (status, ==, GW_OPERATION_FINISHED);
  g_autoptr (GArray) values = fetch_ints (service, &s, &o);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpint (g_array_index (values, gint64, 1), ==, 8);
  g_assert_true (gw_service_close_operation (service, &s, &o, &error));
  g_assert_false (gw_service_get_operation_status (service, &s, &o, &status, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_OPERATION_NOT_FOUND);
  gw_service_free (service);
}

static void
test_cancel_interrupts_engine (void)
{
  GwService *service = service_new ();
  g_autoptr (GError) error = NULL;
  GwHandle s, slow, next;
  g_assert_true (gw_service_open_session (service, NULL, NULL, &s, &error));
  g_assert_true (gw_service_execute_statement (service, &s, "SELECT count(*) FROM range(100000000000)",
                                               0, NULL, &slow, &error));
  GwOperationStatus status;
  g_assert_true (gw_service_cancel_operation (service, &s, &slow, &status, &error));
  g_assert_cmpint (status, ==, GW_OPERATION_CANCELED);
  /* the session's connection is free again: the next statement finishes */
  g_assert_true (gw_service_execute_statement (service, &s, "SELECT 42", 0, NULL, &next, &error));
  g_assert_cmpint (wait_terminal (service, &s, &next), ==, GW_OPERATION_FINISHED);
  g_assert_false (gw_service_cancel_operation (service, &s, &next, &status, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE);
  gw_service_free (service);
}

static guint
fetch_rows (GwService *service, const GwHandle *s, const GwHandle *o, gboolean first, guint max,
            gint64 *first_value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GwFetchResult) page = gw_service_fetch_rows (service, s, o, first, max, &error);
  g_assert_no_error (error);
  if (page->type == GW_RESULT_EOS)
    return 0;
  g_assert_cmpint (page->type, ==, GW_RESULT_PAYLOAD);
  if (first_value != NULL && page->batch->n_rows > 0)
    *first_value = page->batch->columns[0]->i64[0];
  return page->batch->n_rows;
}

static void
test_hiveserver2_needs (void)
{
  GwService *service = service_new ();
  g_autoptr (GError) error = NULL;
  GwHandle s, ddl, dml, q;
  /* As the HiveServer2 endpoint opens sessions: DML done when its operation is. */
  g_autoptr (GHashTable) properties = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (properties, "table.dml-sync", "true");
  g_assert_true (gw_service_open_session (service, NULL, properties, &s, &error));
  g_assert_true (gw_service_execute_statement (service, &s, "CREATE TABLE hs (i BIGINT)", 0, NULL, &ddl, &error));
  g_assert_true (gw_service_execute_statement (service, &s, "INSERT INTO hs SELECT range FROM range(25)",
                                               0, NULL, &dml, &error));
  /* long-poll: waits for the end instead of answering RUNNING at once */
  g_auto (GwOperationInfo) info = { 0 };
  g_assert_true (gw_service_get_operation_info (service, &s, &dml, 30000, &info, &error));
  g_assert_cmpint (info.status, ==, GW_OPERATION_FINISHED);
  g_assert_cmpint (info.statement_kind, ==, GW_STATEMENT_MODIFY);
  g_assert_cmpint (info.modified_rows, ==, 25);
  g_assert_cmpint (info.started_ms, >, 0);
  g_assert_cmpint (info.completed_ms, >=, info.started_ms);
  g_auto (GStrv) log = gw_service_fetch_operation_log (service, &s, &dml, FALSE, &error);
  g_assert_cmpuint (g_strv_length (log), >=, 3);
  g_assert_nonnull (strstr (log[0], "Statement accepted: INSERT INTO hs"));
  g_assert_nonnull (strstr (log[g_strv_length (log) - 2], "25 rows modified"));
  g_auto (GStrv) none = gw_service_fetch_operation_log (service, &s, &dml, FALSE, &error);
  g_assert_cmpuint (g_strv_length (none), ==, 0); /* read already */

  /* FETCH_NEXT in pieces, then FETCH_FIRST re-runs the streamed query */
  g_assert_true (gw_service_execute_statement (service, &s, "SELECT i FROM hs ORDER BY i", 0, NULL, &q, &error));
  g_auto (GwOperationInfo) qinfo = { 0 };
  g_assert_true (gw_service_get_operation_info (service, &s, &q, 30000, &qinfo, &error));
  g_assert_cmpint (qinfo.status, ==, GW_OPERATION_FINISHED);
  g_assert_cmpuint (gw_result_schema_get_n_columns (qinfo.schema), ==, 1);
  gint64 first = -1;
  g_assert_cmpuint (fetch_rows (service, &s, &q, TRUE, 10, &first), ==, 10);
  g_assert_cmpint (first, ==, 0);
  g_assert_cmpuint (fetch_rows (service, &s, &q, FALSE, 10, &first), ==, 10);
  g_assert_cmpint (first, ==, 10);
  g_assert_cmpuint (fetch_rows (service, &s, &q, TRUE, 7, &first), ==, 7);
  g_assert_cmpint (first, ==, 0);
  guint rest = 0, n;
  while ((n = fetch_rows (service, &s, &q, FALSE, 7, NULL)) > 0)
    rest += n;
  g_assert_cmpuint (rest, ==, 18);
  gw_service_free (service);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/service/statements-in-order", test_statements_run_in_order);
  g_test_add_func ("/service/session-config-and-limit", test_session_config_and_limit);
  g_test_add_func ("/service/catalog-and-result-operation", test_catalog_and_result_operation);
  g_test_add_func ("/service/cancel-interrupts-engine", test_cancel_interrupts_engine);
  g_test_add_func ("/service/hiveserver2-needs", test_hiveserver2_needs);
  return g_test_run ();
}
