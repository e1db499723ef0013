/* Unit tests of the value formatters shared by the REST and HiveServer2 encoders: Java's shortest
 * Double/Float.toString digits checked against round trips, and the zone offset cache against
 * GTimeZone itself. */
#include "gw-value-text.h"

#include <math.h>
#include <string.h>

static int
significant_digits (const char *text)
{
  int n = 0;
  gboolean leading = TRUE;
  for (const char *p = text; *p && *p != 'E'; p++) {
    if (!g_ascii_isdigit (*p) || (leading && *p == '0'))
      continue;
    leading = FALSE;
    n++;
  }
  /* Java keeps one fraction digit ("100.0", "1.0E20"); count without trailing zeros. */
  const char *end = strchr (text, 'E') ? strchr (text, 'E') : text + strlen (text);
  for (const char *p = end - 1; p > text && (*p == '0' || *p == '.') && n > 1; p--)
    if (*p == '0')
      n--;
  return n;
}

static void
test_double_shortest (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  for (guint i = 0; i < 50000; i++) {
    guint64 bits = (guint64) g_rand_int (rand) << 32 | g_rand_int (rand);
    double v;
    if (i % 2 == 0) {
      memcpy (&v, &bits, sizeof v);
    } else {
      v = g_rand_double_range (rand, -1e6, 1e6) / pow (10, g_rand_int_range (rand, 0, 12));
    }
    if (!isfinite (v))
      continue;
    char buf[GW_VALUE_TEXT_MAX + 1], shorter[64];
    buf[gw_value_format_double (buf, v)] = '\0';
    g_assert_cmpfloat (g_ascii_strtod (buf, NULL), ==, v);
    int n = significant_digits (buf);
    if (n > 1) {
      g_snprintf (shorter, sizeof shorter, "%.*e", n - 2, v);
      g_assert_cmpfloat (g_ascii_strtod (shorter, NULL), !=, v);
    }
    double mag = fabs (v);
    g_assert_true ((strchr (buf, 'E') == NULL) == (mag >= 1e-3 && mag < 1e7) || mag == 0);
  }
}

static void
test_float_shortest (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  for (guint i = 0; i < 50000; i++) {
    guint32 bits = g_rand_int (rand);
    float v;
    memcpy (&v, &bits, sizeof v);
    if (i % 2 == 1)
      v = (float) g_rand_double_range (rand, -1e7, 1e7);
    if (!isfinite (v))
      continue;
    char buf[GW_VALUE_TEXT_MAX + 1], shorter[64];
    buf[gw_value_format_float (buf, v)] = '\0';
    g_assert_cmpfloat ((float) g_ascii_strtod (buf, NULL), ==, v);
    int n = significant_digits (buf);
    if (n > 1) {
      g_snprintf (shorter, sizeof shorter, "%.*e", n - 2, (double) v);
      g_assert_cmpfloat ((float) g_ascii_strtod (shorter, NULL), !=, v);
    }
  }
}

static void
test_zone_cache (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  GwZoneCache cache;
  gw_zone_cache_init (&cache, zone);
  g_assert_false (cache.fixed);
  gint64 t = 0;
  for (guint i = 0; i < 20000; i++) {
    /* Random instants 1900..2100, and runs of nearby ones that hit the cache. */
    if (i % 100 == 0)
      t = (gint64) g_rand_double_range (rand, -2208988800.0, 4102444800.0);
    else
      t += g_rand_int_range (rand, -3 * 86400, 30 * 86400);
    gint interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t);
    gint expected = g_time_zone_get_offset (zone, interval);
    g_assert_cmpint (gw_zone_cache_get_offset (&cache, t), ==, expected);
  }
  /* Instants right at transitions, repeated so that the cached bounds answer. */
  const gint64 transitions[] = { 1615705200, 1636264800, -1633280400, 4129250400 };
  gw_zone_cache_init (&cache, zone);
  for (guint round = 0; round < 3; round++) {
    for (guint i = 0; i < G_N_ELEMENTS (transitions); i++) {
      for (gint64 t = transitions[i] - 2; t <= transitions[i] + 1; t++) {
        gint interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t);
        g_assert_cmpint (gw_zone_cache_get_offset (&cache, t), ==,
                         g_time_zone_get_offset (zone, interval));
      }
    }
  }
  g_assert_cmpuint (cache.n_ranges, >, 0);

  g_autoptr (GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  gw_zone_cache_init (&cache, shanghai);
  g_assert_cmpint (gw_zone_cache_get_offset (&cache, 1618344731), ==, 8 * 3600);
  g_assert_cmpint (gw_zone_cache_get_offset (&cache, 583718400), ==, 9 * 3600);
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  gw_zone_cache_init (&cache, utc);
  g_assert_true (cache.fixed);
  g_assert_cmpint (gw_zone_cache_get_offset (&cache, 583718400), ==, 0);
}

/* Outputs of Java's Double/Float.toString (checked with a JDK) where a near miss in the
 * interval ends or the closest-candidate choice would show. */
static void
test_java_cases (void)
{
  const struct { double value; const char *text; } doubles[] = {
    { 0x1.0000000000002p+49, "5.629499534213122E14" },
    { 0x1.0000000000001p+50, "1.1258999068426242E15" },
    { 0x1p-14, "6.103515625E-5" },
    { 0x1.fffffffffffffp-1, "0.9999999999999999" },
    { 0x1.0000000000001p+0, "1.0000000000000002" },
    { 9.999999999999999e-4, "9.999999999999998E-4" },
    { 1.7976931348623157e308, "1.7976931348623157E308" },
    { 2.2250738585072014e-308, "2.2250738585072014E-308" },
    { 1e-320, "1.0E-320" },
    { 9007199254740993.0, "9.007199254740992E15" },
    { 1e16, "1.0E16" },
    { 123456789012345680.0, "1.2345678901234568E17" },
    { 6.666666666666667e-5, "6.666666666666667E-5" },
  };
  const struct { float value; const char *text; } floats[] = {
    { 0x1.fffffep-1f, "0.99999994" }, { 0x1.000002p+4f, "16.000002" },
    { 0x1p-14f, "6.1035156E-5" }, { 16777215.0f, "1.6777215E7" },
    { 3.4e-40f, "3.4E-40" }, { 1e10f, "1.0E10" },
  };
  char buf[GW_VALUE_TEXT_MAX + 1];
  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++) {
    buf[gw_value_format_double (buf, doubles[i].value)] = '\0';
    g_assert_cmpstr (buf, ==, doubles[i].text);
  }
  for (guint i = 0; i < G_N_ELEMENTS (floats); i++) {
    buf[gw_value_format_float (buf, floats[i].value)] = '\0';
    g_assert_cmpstr (buf, ==, floats[i].text);
  }
}

/* TIME as "HH:mm:ss" and the microseconds without trailing zeros (HiveServer2's TIME text). */
static void
test_time_micros (void)
{
  const struct { gint64 micros; const char *text; } cases[] = {
    { 0, "00:00:00" },
    { G_GINT64_CONSTANT (3723004000), "01:02:03.004" },
    { G_GINT64_CONSTANT (86399999999), "23:59:59.999999" },
    { 1, "00:00:00.000001" },
    { 500000, "00:00:00.5" },
    { -1, "23:59:59.999999" }, /* negative times wrap like Flink's */
  };
  char buf[GW_VALUE_TEXT_MAX + 1];
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    buf[gw_value_format_time_micros (buf, cases[i].micros)] = '\0';
    g_assert_cmpstr (buf, ==, cases[i].text);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/value-text/java-cases", test_java_cases);
  g_test_add_func ("/common/value-text/double-shortest", test_double_shortest);
  g_test_add_func ("/common/value-text/float-shortest", test_float_shortest);
  g_test_add_func ("/common/value-text/zone-cache", test_zone_cache);
  g_test_add_func ("/common/value-text/time-micros", test_time_micros);
  return g_test_run ();
}
