/* Handle text form and parsing (java.util.UUID canonical form). */
#include "gw-handle.h"

#include <string.h>

static void
test_round_trip (void)
{
  GwHandle a, b;
  gw_handle_generate (&a);
  char text[37];
  gw_handle_to_string (&a, text);
  g_assert_cmpuint (strlen (text), ==, 36);
  g_assert_cmpint (text[14], ==, '4'); /* version 4 */
  g_assert_true (gw_handle_parse (text, &b));
  g_assert_true (gw_handle_equal (&a, &b));
  g_assert_cmpuint (gw_handle_hash (&a), ==, gw_handle_hash (&b));
}

static void
test_parse_rejects (void)
{
  GwHandle h;
  g_assert_false (gw_handle_parse ("abc", &h));
  g_assert_false (gw_handle_parse ("", &h));
  g_assert_false (gw_handle_parse (NULL, &h));
  g_assert_false (gw_handle_parse ("123e4567-e89b-12d3-a456-42661417400", &h));
  g_assert_false (gw_handle_parse ("123e4567-e89b-12d3-a456-4266141740000", &h));
  g_assert_false (gw_handle_parse ("123e4567xe89b-12d3-a456-426614174000", &h));
  g_assert_false (gw_handle_parse ("123e4567-e89b-12d3-a456-42661417400g", &h));
  g_assert_true (gw_handle_parse ("123E4567-E89B-12D3-A456-426614174000", &h));
  char text[37];
  gw_handle_to_string (&h, text);
  g_assert_cmpstr (text, ==, "123e4567-e89b-12d3-a456-426614174000");
}

static void
test_job_id (void)
{
  g_autofree gchar *id = gw_job_id_generate ();
  g_assert_cmpuint (strlen (id), ==, 32);
  for (const char *p = id; *p; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/handle/round-trip", test_round_trip);
  g_test_add_func ("/common/handle/parse-rejects", test_parse_rejects);
  g_test_add_func ("/common/handle/job-id", test_job_id);
  return g_test_run ();
}
