/* Unit tests of the display-width rules: Flink counts UTF-16 chars plus one per wide code point,
 * and its truncation pads on the left. Expected values are what the Java client computes. */
#include "gw-client-text.h"

static void
test_width_ascii (void)
{
  g_assert_cmpuint (gw_client_text_width (""), ==, 0);
  g_assert_cmpuint (gw_client_text_width ("abc"), ==, 3);
  g_assert_cmpuint (gw_client_text_width ("<NULL>"), ==, 6);
  /* Control characters are one cell each; nothing is escaped. */
  g_assert_cmpuint (gw_client_text_width ("a\tb\n"), ==, 4);
}

static void
test_width_east_asian (void)
{
  g_assert_cmpuint (gw_client_text_width ("中文"), ==, 4);
  g_assert_cmpuint (gw_client_text_width ("これは"), ==, 6);
  g_assert_cmpuint (gw_client_text_width ("a中b"), ==, 4);
  /* Fullwidth Latin is wide, halfwidth katakana and accented Latin are not. */
  g_assert_cmpuint (gw_client_text_width ("ＡＢ"), ==, 4);
  g_assert_cmpuint (gw_client_text_width ("ｱ"), ==, 1);
  g_assert_cmpuint (gw_client_text_width ("é"), ==, 1);
  /* A combining accent is its own UTF-16 char, so Flink counts it. */
  g_assert_cmpuint (gw_client_text_width ("e\xcc\x81"), ==, 2);
}

static void
test_width_supplementary (void)
{
  /* U+1F600 is Wide and a surrogate pair in Java: 2 chars + 1 = 3. */
  g_assert_cmpuint (gw_client_text_width ("😀"), ==, 3);
  g_assert_cmpuint (gw_client_text_utf16_length ("😀"), ==, 2);
  /* U+20000 (CJK Extension B) likewise. */
  g_assert_cmpuint (gw_client_text_width ("𠀀"), ==, 3);
  /* U+1D400 MATHEMATICAL BOLD CAPITAL A is narrow: just its 2 chars. */
  g_assert_cmpuint (gw_client_text_width ("𝐀"), ==, 2);
  g_assert_cmpuint (gw_client_text_utf16_length ("a中😀"), ==, 4);
}

static void
check_truncate (const char *text, gsize target, const char *expected)
{
  g_autofree gchar *got = gw_client_text_truncate (text, target);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_truncate (void)
{
  check_truncate ("abcdef", 3, "abc");
  check_truncate ("abcdef", 0, "");
  /* Shorter text is padded on the left to the target, as Flink does. */
  check_truncate ("ab", 5, "   ab");
  /* 中 fits in 3 cells, 文 would make 4: keep 中 and pad one space in front. */
  check_truncate ("中文字", 3, " 中");
  check_truncate ("中文字", 4, "中文");
  check_truncate ("これは日本語をテストするための文です", 27, " これは日本語をテストするた");
}

static void
test_truncate_surrogate_pair (void)
{
  check_truncate ("😀x", 3, "😀");
  check_truncate ("😀x", 4, "😀x");
  check_truncate ("😀x", 1, " ");
  /* Flink walks UTF-16 units: at 2 cells it keeps the high surrogate alone, which Java's UTF-8
   * encoder prints as '?'. */
  check_truncate ("😀x", 2, " ?");
  check_truncate ("a😀", 3, " a?");
}

static void
test_pad (void)
{
  g_autofree gchar *left = gw_client_text_pad_left ("中", 4);
  g_autofree gchar *right = gw_client_text_pad_right ("中", 4);
  g_autofree gchar *wide = gw_client_text_pad_left ("abcde", 3);
  g_autofree gchar *wide_right = gw_client_text_pad_right ("abcde", 3);
  g_assert_cmpstr (left, ==, "  中");
  g_assert_cmpstr (right, ==, "中  ");
  g_assert_cmpstr (wide, ==, "abcde");
  g_assert_cmpstr (wide_right, ==, "abcde");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/client/text/width-ascii", test_width_ascii);
  g_test_add_func ("/client/text/width-east-asian", test_width_east_asian);
  g_test_add_func ("/client/text/width-supplementary", test_width_supplementary);
  g_test_add_func ("/client/text/truncate", test_truncate);
  g_test_add_func ("/client/text/truncate-surrogate-pair", test_truncate_surrogate_pair);
  g_test_add_func ("/client/text/pad", test_pad);
  return g_test_run ();
}
