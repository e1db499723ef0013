/* Terminal display width of UTF-8 text measured exactly as Flink's SQL client measures it
 * (TableauStyle.getStringDisplayWidth/truncateString), so our tables line up like the Java client's. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Java's String.length(): UTF-16 code units (a supplementary-plane character counts 2). Flink sizes
 * columns from the names with this, not with the display width. */
gsize  gw_client_text_utf16_length (const char *utf8);

/* Flink's display width: UTF-16 code units + one per East Asian Wide/Fullwidth code point. So "a" = 1,
 * "中" = 2, "😀" (U+1F600, Wide, a surrogate pair) = 3; that 3 is a Flink quirk the Java client
 * prints, and we copy it. Control characters count 1 and are never escaped. */
gsize  gw_client_text_width (const char *utf8);

/* Flink's truncateString: keep characters while the width passed stays <= target_width, then pad
 * with spaces on the LEFT up to target_width. Never wider than target_width. */
gchar *gw_client_text_truncate (const char *utf8, gsize target_width);

/* Spaces before (pad_left: right-aligns) or after (pad_right: left-aligns) utf8 up to width display
 * cells; text already at least that wide is returned unchanged. */
gchar *gw_client_text_pad_left (const char *utf8, gsize width);
gchar *gw_client_text_pad_right (const char *utf8, gsize width);

G_END_DECLS
