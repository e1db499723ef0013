/* Numbers for the row encoders: integers, Java's Double/Float.toString and
 * BigDecimal.toString (see gw-value-text.h). */
#include "gw-value-text.h"
#include "gw-json.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char gw_value_digit_pairs[201] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

gsize
gw_value_format_uint64 (char *buf, guint64 v)
{
  char tmp[20];
  char *p = tmp + sizeof tmp;
  while (v >= 100) {
    p -= 2;
    gw_value_write2 (p, (guint) (v % 100));
    v /= 100;
  }
  if (v >= 10) {
    p -= 2;
    gw_value_write2 (p, (guint) v);
  } else {
    *--p = (char) ('0' + v);
  }
  gsize n = tmp + sizeof tmp - p;
  memcpy (buf, p, n);
  return n;
}

gsize
gw_value_format_int64 (char *buf, gint64 value)
{
  if (value >= 0)
    return gw_value_format_uint64 (buf, (guint64) value);
  buf[0] = '-';
  return 1 + gw_value_format_uint64 (buf + 1, -(guint64) value);
}

/* ---- Java Double.toString / Float.toString ---- */

/* Lays out the decimal 0.d1d2...dn × 10^(exp10+1) (digits without trailing zeros, n >= 1) as
 * Java does: plain "123.45" / "0.00123" when 10^-3 <= x < 10^7, else "1.2345E10". */
static gsize
java_layout (char *buf, const char *digits, int n, int exp10)
{
  char *p = buf;
  if (exp10 >= -3 && exp10 < 7) {
    if (exp10 >= 0) {
      int int_len = exp10 + 1;
      for (int i = 0; i < int_len; i++)
        *p++ = i < n ? digits[i] : '0';
      *p++ = '.';
      if (n > int_len) {
        memcpy (p, digits + int_len, n - int_len);
        p += n - int_len;
      } else {
        *p++ = '0';
      }
    } else {
      *p++ = '0';
      *p++ = '.';
      for (int i = 0; i < -exp10 - 1; i++)
        *p++ = '0';
      memcpy (p, digits, n);
      p += n;
    }
  } else {
    *p++ = digits[0];
    *p++ = '.';
    if (n > 1) {
      memcpy (p, digits + 1, n - 1);
      p += n - 1;
    } else {
      *p++ = '0';
    }
    *p++ = 'E';
    p += gw_value_format_int64 (p, exp10);
  }
  return p - buf;
}

/* Shortest decimal m × 10^-k (k >= 0) inside the round-to-nearest interval of the binary value
 * mant × 2^exp, closest to it (ties to an even last digit): Java's selection rule, computed
 * exactly in 128-bit integers. Valid for values in [1e-4, 2^bits) with mant normalized to
 * 'bits' bits, where a candidate with at most 21 fraction digits always exists and (ulp <= 1)
 * no shorter candidate can round to tens. Returns m and sets *k. */
typedef struct {
  guint64           lo, hi, mid;   /* interval ends and value, in units of 2^(exp-2) */
  int               shift;         /* 2 - exp: 2..70 in the supported range */
  gboolean          inclusive;     /* ends round to the value (even mantissa) */
  unsigned __int128 mask;
} RoundingInterval;

static inline unsigned __int128
pow10_u128 (int k)
{
  static const guint64 p[20] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000,
    100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000,
    10000000000000000, 100000000000000000, 1000000000000000000, 10000000000000000000u,
  };
  return k <= 19 ? p[k] : (unsigned __int128) p[19] * p[k - 19];
}

/* The integers m with m × 10^-k inside the interval: [*m_lo, *m_hi], empty when m_lo > m_hi. */
static inline void
candidates (const RoundingInterval *iv, unsigned __int128 pow10, unsigned __int128 *m_lo,
            unsigned __int128 *m_hi)
{
  unsigned __int128 l = (unsigned __int128) iv->lo * pow10, h = (unsigned __int128) iv->hi * pow10;
  *m_lo = l >> iv->shift;
  *m_hi = h >> iv->shift;
  if ((l & iv->mask) != 0 || !iv->inclusive)
    (*m_lo)++;                    /* ceil, or an exclusive end exactly on an integer */
  if ((h & iv->mask) == 0 && !iv->inclusive)
    (*m_hi)--;
}

static guint64
shortest_scaled (guint64 mant, int exp, int bits, int *k_out)
{
  static const unsigned __int128 one = 1;
  /* The gap below a power of two is half as wide. */
  RoundingInterval iv = {
    .lo = 4 * mant - (mant == (G_GUINT64_CONSTANT (1) << (bits - 1)) ? 1 : 2),
    .hi = 4 * mant + 2,
    .mid = 4 * mant,
    .shift = 2 - exp,
    .inclusive = (mant & 1) == 0,
    .mask = (one << (2 - exp)) - 1,
  };
  unsigned __int128 m_lo, m_hi;

  /* A candidate at k means one at k + 1 (append a zero): binary search the fewest digits. */
  int k_min = 0, k_max = 21;
  while (k_min < k_max) {
    int k = (k_min + k_max) / 2;
    candidates (&iv, pow10_u128 (k), &m_lo, &m_hi);
    if (m_lo <= m_hi)
      k_max = k;
    else
      k_min = k + 1;
  }
  unsigned __int128 pow10 = pow10_u128 (k_min);
  candidates (&iv, pow10, &m_lo, &m_hi);
  unsigned __int128 v = (unsigned __int128) iv.mid * pow10, half = one << (iv.shift - 1);
  unsigned __int128 near = v >> iv.shift, rem = v & iv.mask;
  if (rem > half || (rem == half && (near & 1)))
    near++;
  near = near < m_lo ? m_lo : near > m_hi ? m_hi : near;
  *k_out = k_min;
  return (guint64) near;
}

/* m × 10^-k → digits without trailing zeros and the exponent of the first digit. */
static int
scaled_to_digits (guint64 m, int k, char *digits, int *exp10)
{
  int n = (int) gw_value_format_uint64 (digits, m);
  *exp10 = n - 1 - k;
  while (n > 1 && digits[n - 1] == '0')
    n--;
  return n;
}

/* Fallback for magnitudes outside the exact fast path: the shortest of printf's correctly
 * rounded 15..17 (float: 6..9) digit forms that reads back to the same value. A normal value
 * whose shortest form has fewer digits gets it from the first try with trailing zeros, as the
 * rounding interval is narrower than half a unit of the 15th (float: 6th) digit. */
static int
printf_shortest_digits (double v, gboolean is_float, char *digits, int *exp10)
{
  static const char *const formats[] = { "%.0e", "%.1e", "%.2e", "%.3e", "%.4e", "%.5e", "%.6e",
                                         "%.7e", "%.8e", "%.9e", "%.10e", "%.11e", "%.12e",
                                         "%.13e", "%.14e", "%.15e", "%.16e" };
  char tmp[40];
  /* Below the normal range fewer bits are left, so fewer digits may do. */
  gboolean subnormal = is_float ? fabs (v) < FLT_MIN : fabs (v) < DBL_MIN;
  int first = subnormal ? 1 : is_float ? 6 : 15, last = is_float ? 9 : 17;
  for (int prec = first; prec <= last; prec++) {
    g_ascii_formatd (tmp, sizeof tmp, formats[prec - 1], v);
    if (prec == last)
      break;
    double back = g_ascii_strtod (tmp, NULL);
    if (is_float ? (float) back == (float) v : back == v)
      break;
  }
  int n = 0;
  const char *p = tmp;
  for (; *p && *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      digits[n++] = *p;
  *exp10 = *p == 'e' ? atoi (p + 1) : 0;
  while (n > 1 && digits[n - 1] == '0')
    n--;
  if (n == 1) {
    /* Java picks among two-digit decimals when one digit suffices ("4.9E-324"). */
    g_ascii_formatd (tmp, sizeof tmp, "%.1e", v);
    double back = g_ascii_strtod (tmp, NULL);
    if ((is_float ? (float) back == (float) v : back == v) && tmp[2] != '0') {
      digits[0] = tmp[0];
      digits[1] = tmp[2];
      n = 2;
      *exp10 = atoi (tmp + 4);
    }
  }
  return n;
}

static gsize
format_special (char *buf, double value)
{
  const char *s = isnan (value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  gsize n = strlen (s);
  memcpy (buf, s, n);
  return n;
}

/* Java's Double.toString / Float.toString: the shortest digits that read back as the same value
 * of its precision (mant_bits: 53 for double, 24 for float; a float is exact as a double). The
 * exact integer path covers [fast_min, 2^mant_bits); printf search does the rest. */
static gsize
format_shortest (char *buf, double value, int mant_bits, double fast_min, gboolean is_float)
{
  if (!isfinite (value))
    return format_special (buf, value);
  char *p = buf;
  if (signbit (value)) {
    *p++ = '-';
    value = -value;
  }
  if (value == 0) {
    memcpy (p, "0.0", 3);
    return p + 3 - buf;
  }
  char digits[24];
  int n, exp10;
  if (value >= fast_min && value < ldexp (1.0, mant_bits)) {
    int e, k;
    double frac = frexp (value, &e);               /* value = frac × 2^e, frac in [0.5, 1) */
    guint64 mant = (guint64) ldexp (frac, mant_bits);
    guint64 m = shortest_scaled (mant, e - mant_bits, mant_bits, &k);
    n = scaled_to_digits (m, k, digits, &exp10);
  } else {
    n = printf_shortest_digits (value, is_float, digits, &exp10);
  }
  return p - buf + java_layout (p, digits, n, exp10);
}

gsize
gw_value_format_double (char *buf, double value)
{
  return format_shortest (buf, value, 53, 1e-4, FALSE);
}

gsize
gw_value_format_float (char *buf, float value)
{
  return format_shortest (buf, value, 24, (double) 1e-4f, TRUE);
}

/* ---- DECIMAL ---- */

void
gw_value_append_decimal_json (GString *out, const char *text, gsize len)
{
  const char *p = text, *end = text + len;
  gboolean negative = FALSE;
  if (p < end && (*p == '-' || *p == '+'))
    negative = *p++ == '-';
  const char *int_start = p;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  const char *int_end = p, *frac_start = p, *frac_end = p;
  if (p < end && *p == '.') {
    frac_start = ++p;
    while (p < end && g_ascii_isdigit (*p))
      p++;
    frac_end = p;
  }
  if (p != end || (int_end == int_start && frac_end == frac_start)) {
    gw_json_append_string (out, text, len); /* not a plain decimal: keep the JSON valid */
    return;
  }

  /* Unscaled digits (leading zeros dropped) and scale, then stripTrailingZeros(). */
  gsize old_len;
  char *buf = gw_string_reserve (out, len + 16, &old_len);
  char *coeff = buf + len + 16 - (int_end - int_start) - (frac_end - frac_start);
  gsize n = 0;
  for (const char *q = int_start; q < int_end; q++)
    if (n > 0 || *q != '0')
      coeff[n++] = *q;
  for (const char *q = frac_start; q < frac_end; q++)
    if (n > 0 || *q != '0')
      coeff[n++] = *q;
  gint64 scale = frac_end - frac_start;
  if (n == 0) {
    buf[0] = '0';                               /* BigDecimal.ZERO, whatever the scale */
    gw_string_commit (out, old_len, 1);
    return;
  }
  while (coeff[n - 1] == '0') {
    n--;
    scale--;
  }

  /* BigDecimal.toString(): plain when scale >= 0 and the adjusted exponent >= -6. The
   * coefficient sits at the end of the reserved room, so writing the front never overtakes it. */
  gint64 adjusted = (gint64) n - 1 - scale;
  char *w = buf;
  if (negative)
    *w++ = '-';
  if (scale >= 0 && adjusted >= -6) {
    if (scale == 0) {
      memmove (w, coeff, n);
      w += n;
    } else if ((gint64) n > scale) {
      gsize int_digits = n - (gsize) scale;
      memmove (w, coeff, int_digits);
      w += int_digits;
      *w++ = '.';
      memmove (w, coeff + int_digits, (gsize) scale);
      w += scale;
    } else {
      *w++ = '0';
      *w++ = '.';
      for (gint64 i = 0; i < scale - (gint64) n; i++)
        *w++ = '0';
      memmove (w, coeff, n);
      w += n;
    }
  } else {
    char first = coeff[0];
    *w++ = first;
    if (n > 1) {
      *w++ = '.';
      memmove (w, coeff + 1, n - 1);
      w += n - 1;
    }
    *w++ = 'E';
    if (adjusted > 0)
      *w++ = '+';
    w += gw_value_format_int64 (w, adjusted);
  }
  gw_string_commit (out, old_len, w - buf);
}

