/* UUID handles for sessions and operations. Only the guid takes part in lookups; the secret
 * travels with HiveServer2 handles. */
#include "gw-handle.h"

#include <string.h>

static void
fill_random (guint8 *buf, gsize len)
{
  for (gsize i = 0; i < len; i += 4) {
    guint32 r = g_random_int ();
    memcpy (buf + i, &r, MIN (4, len - i));
  }
}

void
gw_handle_generate (GwHandle *handle)
{
  g_return_if_fail (handle != NULL);
  fill_random (handle->guid, sizeof handle->guid);
  fill_random (handle->secret, sizeof handle->secret);
  handle->guid[6] = (handle->guid[6] & 0x0f) | 0x40; /* version 4 */
  handle->guid[8] = (handle->guid[8] & 0x3f) | 0x80; /* IETF variant */
}

void
gw_handle_to_string (const GwHandle *handle, char buf[37])
{
  static const char hex[] = "0123456789abcdef";
  char *p = buf;
  for (int i = 0; i < 16; i++) {
    if (i == 4 || i == 6 || i == 8 || i == 10)
      *p++ = '-';
    *p++ = hex[handle->guid[i] >> 4];
    *p++ = hex[handle->guid[i] & 0xf];
  }
  *p = '\0';
}

gchar *
gw_handle_dup_string (const GwHandle *handle)
{
  char buf[37];
  gw_handle_to_string (handle, buf);
  return g_strdup (buf);
}

gboolean
gw_handle_parse (const char *text, GwHandle *handle)
{
  g_return_val_if_fail (handle != NULL, FALSE);
  if (text == NULL || strlen (text) != 36)
    return FALSE;
  int n = 0;
  for (int i = 0; i < 36; i++) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-')
        return FALSE;
      continue;
    }
    int hi = g_ascii_xdigit_value (text[i]);
    int lo = g_ascii_xdigit_value (text[++i]);
    if (hi < 0 || lo < 0)
      return FALSE;
    handle->guid[n++] = (guint8) (hi << 4 | lo);
  }
  memset (handle->secret, 0, sizeof handle->secret);
  return n == 16;
}

guint
gw_handle_hash (gconstpointer handle)
{
  guint h;
  memcpy (&h, ((const GwHandle *) handle)->guid, sizeof h);
  return h;
}

gboolean
gw_handle_equal (gconstpointer a, gconstpointer b)
{
  return memcmp (((const GwHandle *) a)->guid, ((const GwHandle *) b)->guid, 16) == 0;
}

GwHandle *
gw_handle_copy (const GwHandle *handle)
{
  return g_memdup2 (handle, sizeof *handle);
}

gchar *
gw_job_id_generate (void)
{
  guint8 raw[16];
  fill_random (raw, sizeof raw);
  GString *s = g_string_sized_new (33);
  for (int i = 0; i < 16; i++)
    g_string_append_printf (s, "%02x", raw[i]);
  return g_string_free (s, FALSE);
}
