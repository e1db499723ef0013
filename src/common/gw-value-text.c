/* Dates, times, intervals, binary and time zones for the row encoders (see gw-value-text.h
 * for what each form is). */
#include "gw-value-text.h"

#include <string.h>

#define MICROS_PER_SECOND G_GINT64_CONSTANT (1000000)
#define NANOS_PER_SECOND  G_GINT64_CONSTANT (1000000000)
#define SECONDS_PER_DAY   G_GINT64_CONSTANT (86400)

static inline gint64
floor_div (gint64 a, gint64 b)
{
  gint64 q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q; /* b > 0 everywhere here */
}

/* ---- dates and times ---- */

/* Days since 1970-01-01 → proleptic Gregorian date. The usual range takes Neri and Schneider's
 * 32-bit algorithm ("Euclidean affine functions and their application to calendar
 * algorithms", 2022), valid while 4 * (days + K) + 3 fits 32 bits; beyond it, H. Hinnant's
 * civil_from_days in 64 bits. */
static void
civil_from_days (gint64 days, gint64 *year, guint *month, guint *day)
{
  const guint32 s = 82, K = 719468 + 146097 * s, L = 400 * s;
  if (days >= -(gint64) K && days < 1000000000) {
    guint32 n = (guint32) (days + K);
    guint32 n1 = 4 * n + 3;
    guint32 c = n1 / 146097, nc = n1 % 146097 / 4;
    guint32 n2 = 4 * nc + 3;
    guint64 p2 = (guint64) 2939745 * n2;
    guint32 z = (guint32) (p2 >> 32), ny = (guint32) p2 / 2939745 / 4;
    guint32 n3 = 2141 * ny + 197913;
    guint32 m = n3 >> 16, d = (n3 & 0xffff) / 2141;
    guint32 j = ny >= 306;
    *year = (gint64) (100 * c + z) - L + j;
    *month = j ? m - 12 : m;
    *day = d + 1;
    return;
  }
  days = CLAMP (days, -(G_GINT64_CONSTANT (1) << 50), G_GINT64_CONSTANT (1) << 50);
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;                                      /* [0, 146096] */
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
  gint64 mp = (5 * doy + 2) / 153;                                    /* [0, 11], from March */
  *day = (guint) (doy - (153 * mp + 2) / 5 + 1);
  *month = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

static gsize
format_year (char *buf, gint64 year, GwYearStyle style)
{
  char *p = buf;
  guint64 abs_year;
  if (year < 0) {
    *p++ = '-';
    abs_year = -(guint64) year;
  } else {
    abs_year = (guint64) year;
    if (abs_year > 9999 && style == GW_YEAR_ISO)
      *p++ = '+';
  }
  if (abs_year <= 9999) {
    gw_value_write2 (p, (guint) (abs_year / 100));
    gw_value_write2 (p + 2, (guint) (abs_year % 100));
    p += 4;
  } else {
    p += gw_value_format_uint64 (p, abs_year);
  }
  return p - buf;
}

gsize
gw_value_format_date (char *buf, gint64 days, GwYearStyle style)
{
  gint64 year;
  guint month, day;
  civil_from_days (days, &year, &month, &day);
  gsize n = format_year (buf, year, style);
  buf[n] = '-';
  gw_value_write2 (buf + n + 1, month);
  buf[n + 3] = '-';
  gw_value_write2 (buf + n + 4, day);
  return n + 6;
}

/* "HH:mm:ss" for a second of the day (hours may exceed 23 for DuckDB's 24:00:00). */
static gsize
format_hms (char *buf, gint64 second_of_day)
{
  gint64 h = second_of_day / 3600;
  gsize n = 2;
  if (h < 100)
    gw_value_write2 (buf, (guint) h);
  else
    n = gw_value_format_uint64 (buf, (guint64) h);
  buf[n] = ':';
  gw_value_write2 (buf + n + 1, (guint) (second_of_day / 60 % 60));
  buf[n + 3] = ':';
  gw_value_write2 (buf + n + 4, (guint) (second_of_day % 60));
  return n + 6;
}

static inline gint64
wrap_time_of_day (gint64 micros)
{
  /* Flink adds a day to negative times; anything else is a time of day already. */
  const gint64 day = SECONDS_PER_DAY * MICROS_PER_SECOND;
  return micros < 0 ? micros % day + (micros % day != 0 ? day : 0) : micros;
}

gsize
gw_value_format_time_json (char *buf, gint64 micros)
{
  return format_hms (buf, wrap_time_of_day (micros) / MICROS_PER_SECOND);
}

gsize
gw_value_format_time_sql (char *buf, gint64 micros, int precision)
{
  gint64 millis = wrap_time_of_day (micros) / 1000;
  gsize n = format_hms (buf, millis / 1000);
  guint ms = (guint) (millis % 1000);
  if (precision > 0) {
    buf[n++] = '.';
    /* DateTimeUtils.formatTimestampMillis: stops at the first all-zero remainder. */
    while (precision > 0) {
      buf[n++] = (char) ('0' + ms / 100);
      ms = ms % 100 * 10;
      if (ms == 0)
        break;
      precision--;
    }
  }
  return n;
}

gsize
gw_value_format_time_micros (char *buf, gint64 micros)
{
  micros = wrap_time_of_day (micros);
  gsize n = format_hms (buf, micros / MICROS_PER_SECOND);
  guint32 fraction = (guint32) (micros % MICROS_PER_SECOND);
  if (fraction != 0) {
    buf[n++] = '.';
    for (guint32 scale = 100000; fraction != 0; scale /= 10) {
      buf[n++] = (char) ('0' + fraction / scale);
      fraction %= scale;
    }
  }
  return n;
}

/* Splits a timestamp into days since the epoch, second of day and nano of second. */
static void
split_timestamp (gint64 value, gboolean nanos, gint64 *days, gint64 *second_of_day,
                 guint32 *nano_of_second)
{
  gint64 per_second = nanos ? NANOS_PER_SECOND : MICROS_PER_SECOND;
  gint64 seconds = floor_div (value, per_second);
  gint64 sub = value - seconds * per_second;
  *nano_of_second = (guint32) (nanos ? sub : sub * 1000);
  *days = floor_div (seconds, SECONDS_PER_DAY);
  *second_of_day = seconds - *days * SECONDS_PER_DAY;
}

static void
format_nine_digits (char *p, guint32 v)
{
  p[0] = (char) ('0' + v / 100000000);
  v %= 100000000;
  gw_value_write2 (p + 1, v / 1000000);
  gw_value_write2 (p + 3, v / 10000 % 100);
  gw_value_write2 (p + 5, v / 100 % 100);
  gw_value_write2 (p + 7, v % 100);
}

gsize
gw_value_format_timestamp_iso (char *buf, gint64 value, gboolean nanos, gboolean zulu)
{
  gint64 days, sod;
  guint32 nano;
  split_timestamp (value, nanos, &days, &sod, &nano);
  gsize n = gw_value_format_date (buf, days, GW_YEAR_ISO);
  buf[n++] = 'T';
  n += format_hms (buf + n, sod);
  if (nano != 0) {
    buf[n++] = '.';
    format_nine_digits (buf + n, nano);
    gsize digits = 9;
    while (buf[n + digits - 1] == '0')
      digits--;
    n += digits;
  }
  if (zulu)
    buf[n++] = 'Z';
  return n;
}

gsize
gw_value_format_timestamp_sql (char *buf, gint64 value, gboolean nanos, int precision)
{
  gint64 days, sod;
  guint32 nano;
  split_timestamp (value, nanos, &days, &sod, &nano);
  gsize n = gw_value_format_date (buf, days, GW_YEAR_SQL);
  buf[n++] = ' ';
  n += format_hms (buf + n, sod);
  /* DateTimeUtils.formatTimestamp: nine digits, trailing zeros cut down to the precision. */
  char fraction[9];
  format_nine_digits (fraction, nano);
  int digits = 9;
  while (digits > precision && fraction[digits - 1] == '0')
    digits--;
  if (digits > 0) {
    buf[n++] = '.';
    memcpy (buf + n, fraction, digits);
    n += digits;
  }
  return n;
}

gsize
gw_value_format_interval_year_month (char *buf, gint64 months)
{
  guint64 v = months >= 0 ? (guint64) months : -(guint64) months;
  buf[0] = months >= 0 ? '+' : '-';
  gsize n = 1 + gw_value_format_uint64 (buf + 1, v / 12);
  buf[n] = '-';
  gw_value_write2 (buf + n + 1, (guint) (v % 12));
  return n + 3;
}

gsize
gw_value_format_interval_day_time (char *buf, gint64 micros)
{
  /* Flink holds day-time intervals as milliseconds and always prints three fraction digits. */
  gint64 millis = micros / 1000;
  guint64 v = millis >= 0 ? (guint64) millis : -(guint64) millis;
  buf[0] = millis >= 0 ? '+' : '-';
  guint64 seconds = v / 1000;
  gsize n = 1 + gw_value_format_uint64 (buf + 1, seconds / (guint64) SECONDS_PER_DAY);
  buf[n++] = ' ';
  n += format_hms (buf + n, (gint64) (seconds % (guint64) SECONDS_PER_DAY));
  guint ms = (guint) (v % 1000);
  buf[n] = '.';
  buf[n + 1] = (char) ('0' + ms / 100);
  gw_value_write2 (buf + n + 2, ms % 100);
  return n + 4;
}

/* ---- binary ---- */

void
gw_value_append_base64 (GString *out, const guint8 *data, gsize len)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  gsize old_len, out_len = (len + 2) / 3 * 4;
  char *w = gw_string_reserve (out, out_len, &old_len);
  gsize i = 0;
  for (; i + 3 <= len; i += 3) {
    guint32 v = (guint32) data[i] << 16 | (guint32) data[i + 1] << 8 | data[i + 2];
    *w++ = alphabet[v >> 18];
    *w++ = alphabet[v >> 12 & 63];
    *w++ = alphabet[v >> 6 & 63];
    *w++ = alphabet[v & 63];
  }
  if (i < len) {
    guint32 v = (guint32) data[i] << 16 | (i + 1 < len ? (guint32) data[i + 1] << 8 : 0);
    *w++ = alphabet[v >> 18];
    *w++ = alphabet[v >> 12 & 63];
    *w++ = i + 1 < len ? alphabet[v >> 6 & 63] : '=';
    *w++ = '=';
  }
  gw_string_commit (out, old_len, out_len);
}

void
gw_value_append_hex (GString *out, const guint8 *data, gsize len)
{
  static const char hex[] = "0123456789abcdef";
  gsize old_len;
  char *w = gw_string_reserve (out, len * 2, &old_len);
  for (gsize i = 0; i < len; i++) {
    *w++ = hex[data[i] >> 4];
    *w++ = hex[data[i] & 15];
  }
  gw_string_commit (out, old_len, len * 2);
}

/* ---- time zones ---- */

void
gw_zone_cache_init (GwZoneCache *cache, GTimeZone *zone)
{
  cache->zone = zone;
  cache->fixed = FALSE;
  cache->fixed_offset = 0;
  cache->n_ranges = 0;
  cache->last = 0;
  cache->next_seen = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cache->seen); i++)
    cache->seen[i] = -1;
  /* Interval indexes grow with time, so equal indexes at both ends mean a single interval. */
  if (zone == NULL) {
    cache->fixed = TRUE;
  } else {
    const gint64 far = G_GINT64_CONSTANT (1) << 40;
    gint first = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, -far);
    gint last = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, far);
    if (first == last) {
      cache->fixed = TRUE;
      cache->fixed_offset = g_time_zone_get_offset (zone, first);
    }
  }
}

/* One end of the interval holding t: gallops away from t (direction -1 or +1) until the
 * interval changes, then bisects. Past 2^40 s (35,000 years) the interval counts as endless. */
static gint64
interval_end (GTimeZone *zone, gint interval, gint64 t, int direction)
{
  const gint64 far = G_GINT64_CONSTANT (1) << 40;
  gint64 inside = t, outside, step = 86400;
  for (;;) {
    gint64 probe = inside + direction * step;
    if (probe < t - far || probe > t + far) {
      probe = t + direction * far;
      if (g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, probe) == interval)
        return direction < 0 ? G_MININT64 : G_MAXINT64;
      outside = probe;
      break;
    }
    if (g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, probe) != interval) {
      outside = probe;
      break;
    }
    inside = probe;
    step *= 2;
  }
  while (inside - outside > 1 || outside - inside > 1) {
    gint64 mid = inside + (outside - inside) / 2;
    if (g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, mid) == interval)
      inside = mid;
    else
      outside = mid;
  }
  return inside;
}

gint32
gw_zone_cache_lookup_slow (GwZoneCache *cache, gint64 utc_seconds)
{
  /* The last range with lo <= utc_seconds. */
  guint lo = 0, hi = cache->n_ranges;
  while (lo < hi) {
    guint mid = (lo + hi) / 2;
    if (cache->ranges[mid].lo <= utc_seconds)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo > 0 && utc_seconds <= cache->ranges[lo - 1].hi) {
    cache->last = lo - 1;
    return cache->ranges[lo - 1].offset;
  }

  gint interval = g_time_zone_find_interval (cache->zone, G_TIME_TYPE_UNIVERSAL, utc_seconds);
  gint32 offset = g_time_zone_get_offset (cache->zone, interval);
  gboolean again = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (cache->seen); i++)
    again |= cache->seen[i] == interval;
  if (!again) {
    cache->seen[cache->next_seen++ % G_N_ELEMENTS (cache->seen)] = interval;
    return offset;
  }
  if (cache->n_ranges == GW_ZONE_CACHE_SIZE)
    return offset;                /* full: plain lookups from now on */
  memmove (&cache->ranges[lo + 1], &cache->ranges[lo],
           (cache->n_ranges - lo) * sizeof cache->ranges[0]);
  cache->ranges[lo].lo = interval_end (cache->zone, interval, utc_seconds, -1);
  cache->ranges[lo].hi = interval_end (cache->zone, interval, utc_seconds, +1);
  cache->ranges[lo].offset = offset;
  cache->n_ranges++;
  cache->last = lo;
  return offset;
}

gint64
gw_zone_cache_to_wall_time (GwZoneCache *cache, gint64 value, gboolean nanos)
{
  gint64 per_second = nanos ? NANOS_PER_SECOND : MICROS_PER_SECOND;
  gint32 offset_seconds = gw_zone_cache_get_offset (cache, floor_div (value, per_second));
  gint64 wall;
  if (__builtin_add_overflow (value, (gint64) offset_seconds * per_second, &wall))
    return value;
  return wall;
}
