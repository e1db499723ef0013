/* Text forms of single values, shared by the REST row encoders (JSON, PLAIN_TEXT) and the
 * HiveServer2 result sets: Java's Double/Float.toString and BigDecimal.toString
 * (gw-value-number.c), ISO and Flink-CAST date/time layouts, Flink's interval strings, base64,
 * hex and zone offsets (gw-value-text.c). Hot path: no allocation, no printf for the common
 * cases. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every gw_value_format_* writes at most this many bytes (no NUL) and returns the length. */
#define GW_VALUE_TEXT_MAX 64

/* How a date's year is printed. */
typedef enum {
  GW_YEAR_ISO,  /* java.time ISO_LOCAL_DATE: 4 digits, "+12345" above 9999, "-0001" below 0 */
  GW_YEAR_SQL,  /* Flink CAST: 4 digits, more digits unsigned above 9999, "-0001" below 0 */
} GwYearStyle;

gsize gw_value_format_int64 (char *buf, gint64 value);
gsize gw_value_format_uint64 (char *buf, guint64 value);
/* Java Double.toString / Float.toString for finite values: shortest digits that round-trip,
 * "1.0", "0.001", "1.0E7", "1.0E-5"; NaN and infinities as "NaN", "Infinity", "-Infinity". */
gsize gw_value_format_double (char *buf, double value);
gsize gw_value_format_float (char *buf, float value);

/* days since 1970-01-01 → "yyyy-MM-dd" (proleptic Gregorian). */
gsize gw_value_format_date (char *buf, gint64 days, GwYearStyle style);
/* JSON TIME: "HH:mm:ss", fraction dropped. micros = microseconds since midnight. */
gsize gw_value_format_time_json (char *buf, gint64 micros);
/* Flink CAST(TIME(p) AS STRING): "HH:mm:ss" and, for p > 0, the milliseconds with trailing
 * zeros removed but at least one digit (DateTimeUtils.formatTimestampMillis). */
gsize gw_value_format_time_sql (char *buf, gint64 micros, int precision);
/* "HH:mm:ss" and, when the microseconds are not zero, ".ffffff" with trailing zeros removed
 * (the fraction rule of gw_value_format_timestamp_sql with precision 0). */
gsize gw_value_format_time_micros (char *buf, gint64 micros);
/* value = micros (nanos when nanos is TRUE) since the epoch, already shifted to wall time.
 * ISO: "yyyy-MM-ddTHH:mm:ss[.f]" with trailing fraction zeros removed, plus suffix "Z" when
 * zulu. SQL: "yyyy-MM-dd HH:mm:ss" with the fraction padded to precision digits. */
gsize gw_value_format_timestamp_iso (char *buf, gint64 value, gboolean nanos, gboolean zulu);
gsize gw_value_format_timestamp_sql (char *buf, gint64 value, gboolean nanos, int precision);
/* Flink interval strings: "+1-02" (months) and "+1 02:03:04.005" (micros, shown as millis). */
gsize gw_value_format_interval_year_month (char *buf, gint64 months);
gsize gw_value_format_interval_day_time (char *buf, gint64 micros);

/* Appends plain decimal text ("-12.50") as Java's BigDecimal.stripTrailingZeros().toString()
 * ("-12.5", "1E+2", "1.2E-7"). Text that is not a plain decimal is appended as a JSON string. */
void  gw_value_append_decimal_json (GString *out, const char *text, gsize len);
/* Standard padded base64, no line breaks. */
void  gw_value_append_base64 (GString *out, const guint8 *data, gsize len);
/* Lower-case hex digits. */
void  gw_value_append_hex (GString *out, const guint8 *data, gsize len);

/* Shared by the formatters (gw-value-number.c, gw-value-text.c). */
extern const char gw_value_digit_pairs[201]; /* "00" "01" ... "99" */

/* The two digits of v (0..99) at p. */
static inline void
gw_value_write2 (char *p, guint v)
{
  p[0] = gw_value_digit_pairs[v * 2];
  p[1] = gw_value_digit_pairs[v * 2 + 1];
}

/* Room for max_len bytes at the end of out, written in place: returns where to write and the
 * old length; gw_string_commit() then keeps the bytes actually written. */
static inline char *
gw_string_reserve (GString *out, gsize max_len, gsize *old_len)
{
  *old_len = out->len;
  g_string_set_size (out, out->len + max_len);
  return out->str + *old_len;
}

static inline void
gw_string_commit (GString *out, gsize old_len, gsize written)
{
  g_string_truncate (out, old_len + written);
}

/* UTC offsets of one time zone for a run of instants. GTimeZone's interval lookup is a linear
 * scan over the zone's transitions (~120 ns for America/New_York). An interval met a second
 * time gets its exact bounds found once (interval indexes grow with time, so a bisection over
 * lookups finds them) and kept in a sorted table: later instants in it cost a range check or a
 * short binary search. Intervals met once stay plain lookups, so small pages pay nothing. */
#define GW_ZONE_CACHE_SIZE 128

typedef struct {
  GTimeZone *zone;         /* borrowed; NULL means UTC */
  gboolean   fixed;        /* one interval only: fixed_offset always applies */
  gint32     fixed_offset;
  guint      n_ranges;
  guint      last;         /* the range that answered last */
  gint       seen[4];      /* intervals looked up once, not yet in ranges (-1: none) */
  guint      next_seen;
  struct {
    gint64 lo, hi;         /* UTC seconds [lo, hi] of one interval, sorted and disjoint */
    gint32 offset;
  } ranges[GW_ZONE_CACHE_SIZE];
} GwZoneCache;

void   gw_zone_cache_init (GwZoneCache *cache, GTimeZone *zone);
gint32 gw_zone_cache_lookup_slow (GwZoneCache *cache, gint64 utc_seconds);

/* Offset in seconds to add to the UTC instant utc_seconds to get wall-clock time. */
static inline gint32
gw_zone_cache_get_offset (GwZoneCache *cache, gint64 utc_seconds)
{
  if (cache->fixed)
    return cache->fixed_offset;
  if (cache->n_ranges > 0 && cache->ranges[cache->last].lo <= utc_seconds &&
      utc_seconds <= cache->ranges[cache->last].hi)
    return cache->ranges[cache->last].offset;
  return gw_zone_cache_lookup_slow (cache, utc_seconds);
}

/* Shifts a UTC timestamp (micros, or nanos when nanos is TRUE) to wall-clock time in the zone. */
gint64 gw_zone_cache_to_wall_time (GwZoneCache *cache, gint64 value, gboolean nanos);

G_END_DECLS
