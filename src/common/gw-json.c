/* JSON string escaping for the hand-written writers. */
#include "gw-json.h"

#include <string.h>

void
gw_json_append_string (GString *out, const char *text, gssize len)
{
  static const char hex[] = "0123456789ABCDEF"; /* upper case, as Jackson */
  if (len < 0)
    len = strlen (text);
  const char *p = text, *end = text + len;
  g_string_append_c (out, '"');
  while (p < end) {
    const char *run = p;
    while (p < end && (guchar) *p >= 0x20 && *p != '"' && *p != '\\' && (guchar) *p < 0x80)
      p++;
    if (p > run)
      g_string_append_len (out, run, p - run);
    if (p >= end)
      break;
    guchar c = (guchar) *p;
    if (c >= 0x80) {
      const char *next;
      if (g_utf8_validate (p, MIN (end - p, 4), &next) || next > p) {
        gunichar ch = g_utf8_get_char_validated (p, end - p);
        if (ch != (gunichar) -1 && ch != (gunichar) -2) {
          const char *after = g_utf8_next_char (p);
          g_string_append_len (out, p, after - p);
          p = after;
          continue;
        }
      }
      g_string_append (out, "\xef\xbf\xbd"); /* U+FFFD itself, as Java's decoder + Jackson */
      p++;
      continue;
    }
    switch (c) {
    case '"': g_string_append (out, "\\\""); break;
    case '\\': g_string_append (out, "\\\\"); break;
    case '\n': g_string_append (out, "\\n"); break;
    case '\r': g_string_append (out, "\\r"); break;
    case '\t': g_string_append (out, "\\t"); break;
    case '\b': g_string_append (out, "\\b"); break;
    case '\f': g_string_append (out, "\\f"); break;
    default:
      g_string_append (out, "\\u00");
      g_string_append_c (out, hex[c >> 4]);
      g_string_append_c (out, hex[c & 0xf]);
    }
    p++;
  }
  g_string_append_c (out, '"');
}

void
gw_json_append_key (GString *out, const char *key)
{
  gw_json_append_string (out, key, -1);
  g_string_append_c (out, ':');
}
