/* STUB: replaced by the real tests. */
#include <glib.h>

static void
test_placeholder (void)
{
  g_assert_true (TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/placeholder", test_placeholder);
  return g_test_run ();
}
