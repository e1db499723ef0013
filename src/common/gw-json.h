/* Small helpers for writing JSON text into a GString: the hot-path writer used for result pages
 * and type descriptions (json-glib's builder is used for the small bodies). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends a quoted, escaped JSON string; invalid UTF-8 bytes become U+FFFD. */
void gw_json_append_string (GString *out, const char *text, gssize len);
/* Appends "key": (quoted key and a colon), no separator before. */
void gw_json_append_key (GString *out, const char *key);

G_END_DECLS
