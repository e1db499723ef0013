/* Recognition of Flink's gateway-level SET/RESET statements. */
#include "gw-error.h"
#include "gw-statement.h"

static void
check (const char *sql, GwGatewayStatementKind kind, const char *key, const char *value)
{
  g_auto (GwGatewayStatement) st = { 0 };
  g_autoptr (GError) error = NULL;
  g_assert_true (gw_gateway_statement_parse (sql, &st, &error));
  g_assert_no_error (error);
  g_assert_cmpint (st.kind, ==, kind);
  g_assert_cmpstr (st.key, ==, key);
  g_assert_cmpstr (st.value, ==, value);
}

static void
test_set_forms (void)
{
  check ("SET 'table.dml-sync' = 'true'", GW_STATEMENT_SET, "table.dml-sync", "true");
  check ("  set   'a.b'='c d' ;  ", GW_STATEMENT_SET, "a.b", "c d");
  check ("SET 'k' = 'it''s'", GW_STATEMENT_SET, "k", "it's");
  check ("-- comment\nSET /* x */ ' k ' = ' v '", GW_STATEMENT_SET, "k", "v");
  check ("SET", GW_STATEMENT_SET_LIST, NULL, NULL);
  check ("set;", GW_STATEMENT_SET_LIST, NULL, NULL);
}

static void
test_reset_forms (void)
{
  check ("RESET 'table.local-time-zone'", GW_STATEMENT_RESET, "table.local-time-zone", NULL);
  check ("reset ;", GW_STATEMENT_RESET_ALL, NULL, NULL);
}

static void
test_engine_statements (void)
{
  check ("SELECT 1", GW_STATEMENT_ENGINE, NULL, NULL);
  check ("SET threads = 4", GW_STATEMENT_ENGINE, NULL, NULL);      /* DuckDB's SET */
  check ("RESET threads", GW_STATEMENT_ENGINE, NULL, NULL);
  check ("SETTINGS", GW_STATEMENT_ENGINE, NULL, NULL);
  check ("select 'SET'", GW_STATEMENT_ENGINE, NULL, NULL);
}

static void
test_malformed (void)
{
  const char *bad[] = { "SET 'a' =", "SET 'a' 'b'", "SET 'a", "SET 'a' = 'b' extra", "RESET 'a' 'b'" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++) {
    g_auto (GwGatewayStatement) st = { 0 };
    g_autoptr (GError) error = NULL;
    g_assert_false (gw_gateway_statement_parse (bad[i], &st, &error));
    g_assert_error (error, GW_ERROR, GW_ERROR_SQL);
  }
}

static void
test_configuring (void)
{
  g_assert_true (gw_statement_is_configuring ("CREATE TABLE t (a INT)"));
  g_assert_true (gw_statement_is_configuring ("  use default_catalog.default_database"));
  g_assert_true (gw_statement_is_configuring ("SET 'a' = 'b'"));
  g_assert_false (gw_statement_is_configuring ("SELECT 1"));
  g_assert_false (gw_statement_is_configuring ("INSERT INTO t VALUES (1)"));
  g_assert_false (gw_statement_is_configuring ("CREATED"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/service/statement/set", test_set_forms);
  g_test_add_func ("/service/statement/reset", test_reset_forms);
  g_test_add_func ("/service/statement/engine", test_engine_statements);
  g_test_add_func ("/service/statement/malformed", test_malformed);
  g_test_add_func ("/service/statement/configuring", test_configuring);
  return g_test_run ();
}
