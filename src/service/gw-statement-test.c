/* Which statements configure-session accepts. (The gateway statements themselves are parsed by
 * gw-flink-parser.c and tested end to end.) */
#include "gw-statement.h"

static void
test_configuring (void)
{
  g_assert_true (gw_statement_is_configuring ("CREATE TABLE t (a INT)"));
  g_assert_true (gw_statement_is_configuring ("  use default_catalog.default_database"));
  g_assert_true (gw_statement_is_configuring ("-- c\nSET 'a' = 'b'"));
  g_assert_true (gw_statement_is_configuring ("/* c */ ADD JAR '/x.jar'"));
  g_assert_false (gw_statement_is_configuring ("SELECT 1"));
  g_assert_false (gw_statement_is_configuring ("INSERT INTO t VALUES (1)"));
  g_assert_false (gw_statement_is_configuring ("CREATED"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/service/statement/configuring", test_configuring);
  return g_test_run ();
}
