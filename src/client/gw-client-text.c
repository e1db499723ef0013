/* Display width of UTF-8 text, a twin of Flink's TableauStyle width rules (which count Java UTF-16
 * chars), and the padding the tableau and full-screen printers build on. */
#include "gw-client-text.h"

/* Flink asks ICU whether UProperty.EAST_ASIAN_WIDTH is WIDE or FULLWIDTH. g_unichar_iswide() is
 * GLib's table of exactly those two classes from EastAsianWidth.txt, so both agree on every
 * character both Unicode versions know. They differ only on characters newer than the ICU4J Flink
 * bundles (e.g. emoji added after Unicode 13): GLib may call them wide, the Java client narrow. */
static gboolean
is_full_width (gunichar c)
{
  return g_unichar_iswide (c);
}

/* The next character at *p and where the one after starts. A byte that is not valid UTF-8 counts as
 * U+FFFD, one narrow char, like Java's decoder would make it; the gateway only sends valid JSON
 * text, so this only keeps a broken byte from desynchronising the walk. */
static gunichar
next_char (const char *p, const char **next)
{
  gunichar c = g_utf8_get_char_validated (p, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2) {
    *next = p + 1;
    return 0xFFFD;
  }
  *next = g_utf8_next_char (p);
  return c;
}

static gsize
utf16_units (gunichar c)
{
  return c > 0xFFFF ? 2 : 1;
}

gsize
gw_client_text_utf16_length (const char *utf8)
{
  g_return_val_if_fail (utf8 != NULL, 0);

  gsize n = 0;
  const char *next;
  for (const char *p = utf8; *p; p = next)
    n += utf16_units (next_char (p, &next));
  return n;
}

gsize
gw_client_text_width (const char *utf8)
{
  g_return_val_if_fail (utf8 != NULL, 0);

  gsize width = 0;
  const char *next;
  for (const char *p = utf8; *p; p = next) {
    gunichar c = next_char (p, &next);
    width += utf16_units (c) + (is_full_width (c) ? 1 : 0);
  }
  return width;
}

/* Takes text (owned) and returns its buffer with spaces in front up to width cells. */
static gchar *
prepend_spaces (GString *text, gsize text_width, gsize width)
{
  if (text_width < width) {
    g_autofree gchar *spaces = g_strnfill (width - text_width, ' ');
    g_string_prepend (text, spaces);
  }
  return g_string_free (text, FALSE);
}

gchar *
gw_client_text_truncate (const char *utf8, gsize target_width)
{
  g_return_val_if_fail (utf8 != NULL, NULL);

  GString *kept = g_string_new (NULL);
  gsize kept_width = 0;
  gsize passed = 0;
  const char *next;
  for (const char *p = utf8; *p; p = next) {
    gunichar c = next_char (p, &next);
    /* Flink walks UTF-16 units: at a high surrogate codePointAt() sees the whole character (2 if
     * wide), at the low surrogate it sees the lone surrogate (1). */
    passed += is_full_width (c) ? 2 : 1;
    if (passed > target_width)
      break;
    if (c > 0xFFFF) {
      passed += 1;
      if (passed > target_width) {
        /* Java keeps the lone high surrogate and its UTF-8 encoder prints it as '?'. */
        g_string_append_c (kept, '?');
        kept_width += 1;
        break;
      }
    }
    g_string_append_len (kept, p, next - p);
    kept_width += utf16_units (c) + (is_full_width (c) ? 1 : 0);
  }
  return prepend_spaces (kept, kept_width, target_width);
}

gchar *
gw_client_text_pad_left (const char *utf8, gsize width)
{
  g_return_val_if_fail (utf8 != NULL, NULL);

  return prepend_spaces (g_string_new (utf8), gw_client_text_width (utf8), width);
}

gchar *
gw_client_text_pad_right (const char *utf8, gsize width)
{
  g_return_val_if_fail (utf8 != NULL, NULL);

  GString *text = g_string_new (utf8);
  gsize text_width = gw_client_text_width (utf8);
  for (; text_width < width; text_width++)
    g_string_append_c (text, ' ');
  return g_string_free (text, FALSE);
}
