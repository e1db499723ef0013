/* Flink type strings → GwLogicalType: a port of Flink's LogicalTypeParser (recursive descent
 * over gw-flink-type-lexer.c's tokens, the same error messages and positions), without RAW,
 * LEGACY, STRUCTURED and user-defined types, which the gateway cannot represent. */
#include "gw-flink-type-private.h"
#include "gw-error.h"

#include <string.h>

typedef struct {
  const char *text;
  GArray     *tokens;   /* owned, of Token */
  int         current;  /* index of the token just consumed, -1 before the first */
  int         last_valid;
} Parser;

/* ---- token access, as Flink's TokenParser ---- */

static Token *
token (Parser *p)
{
  return &g_array_index (p->tokens, Token, p->current);
}

static void parsing_error (Parser *p, GError **error, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
parsing_error (Parser *p, GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree gchar *cause = g_strdup_vprintf (format, args);
  va_end (args);
  int position = p->last_valid < 0 ? 0 : g_array_index (p->tokens, Token, p->last_valid).end + 1;
  g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
               "Could not parse type at position %d: %s\n Input type string: %s", position, cause,
               p->text);
}

static gboolean
next_token (Parser *p, GError **error)
{
  if (p->current + 1 >= (int) p->tokens->len) {
    parsing_error (p, error, "Unexpected end.");
    return FALSE;
  }
  p->current++;
  p->last_valid = p->current - 1;
  return TRUE;
}

static gboolean
next_token_of (Parser *p, TokenType type, GError **error)
{
  if (!next_token (p, error))
    return FALSE;
  if (token (p)->type != type) {
    parsing_error (p, error, "<%s> expected but was <%s>.", gw_flink_type_token_names[type],
                   gw_flink_type_token_names[token (p)->type]);
    return FALSE;
  }
  return TRUE;
}

static gboolean
next_keyword (Parser *p, Keyword keyword, GError **error)
{
  if (!next_token_of (p, TOKEN_KEYWORD, error))
    return FALSE;
  if (token (p)->keyword != keyword) {
    parsing_error (p, error, "Keyword '%s' expected but was '%s'.", gw_flink_type_keyword_names[keyword],
                   token (p)->value);
    return FALSE;
  }
  return TRUE;
}

/* Whether the token `ahead` places after the current one has type. */
static gboolean
peek_is (Parser *p, int ahead, TokenType type)
{
  int i = p->current + ahead;
  return i < (int) p->tokens->len && g_array_index (p->tokens, Token, i).type == type;
}

static gboolean
peek_keyword (Parser *p, int ahead, Keyword keyword)
{
  return peek_is (p, ahead, TOKEN_KEYWORD)
         && g_array_index (p->tokens, Token, p->current + ahead).keyword == keyword;
}

static gboolean
token_as_int (Parser *p, int *out, GError **error)
{
  guint64 value;
  if (!g_ascii_string_to_unsigned (token (p)->value, 10, 0, G_MAXINT32, &value, NULL)) {
    parsing_error (p, error, "Invalid integer value.");
    return FALSE;
  }
  *out = (int) value;
  return TRUE;
}

/* "(n)" if present; *value is left alone otherwise. */
static gboolean
parse_optional_int (Parser *p, int *value, GError **error)
{
  if (!peek_is (p, 1, TOKEN_BEGIN_PARAMETER))
    return TRUE;
  return next_token_of (p, TOKEN_BEGIN_PARAMETER, error)
         && next_token_of (p, TOKEN_LITERAL_INT, error)
         && token_as_int (p, value, error)
         && next_token_of (p, TOKEN_END_PARAMETER, error);
}

/* ---- type constructors with Flink's validation messages (not position-prefixed: Flink's
 *      type constructors throw them, not the parser) ---- */

static gboolean
check_range (int value, int min, int max, const char *what, GError **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
               "%s must be between %d and %d (both inclusive).", what, min, max);
  return FALSE;
}

static GwLogicalType *
new_with_length (GwTypeRoot root, int length, GError **error)
{
  static const char *const what[] = {
    [GW_TYPE_CHAR] = "Character string length",
    [GW_TYPE_VARCHAR] = "Variable character string length",
    [GW_TYPE_BINARY] = "Binary string length",
    [GW_TYPE_VARBINARY] = "Variable binary string length",
  };
  if (!check_range (length, 1, GW_TYPE_MAX_LENGTH, what[root], error))
    return NULL;
  return gw_logical_type_new_with_length (root, TRUE, length);
}

static GwLogicalType *
new_with_precision (GwTypeRoot root, int precision, GError **error)
{
  const char *what = root == GW_TYPE_TIME_WITHOUT_TIME_ZONE ? "Time precision"
                   : root == GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE ? "Timestamp precision"
                   : root == GW_TYPE_TIMESTAMP_WITH_TIME_ZONE
                   ? "Timestamp with time zone precision"
                   : "Timestamp with local time zone precision";
  if (!check_range (precision, 0, 9, what, error))
    return NULL;
  return gw_logical_type_new_with_precision (root, TRUE, precision);
}

static GwLogicalType *
new_decimal (int precision, int scale, GError **error)
{
  if (!check_range (precision, 1, 38, "Decimal precision", error))
    return NULL;
  if (scale < 0 || scale > precision) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Decimal scale must be between 0 and the precision %d (both inclusive).",
                 precision);
    return NULL;
  }
  return gw_logical_type_new_decimal (TRUE, precision, scale);
}

static GwLogicalType *
new_interval (GwIntervalResolution resolution, int precision, int fractional, GError **error)
{
  if (resolution <= GW_INTERVAL_MONTH) {
    if (!check_range (precision, 1, 4, "Year precision of year-month intervals", error))
      return NULL;
    return gw_logical_type_new_interval (GW_TYPE_INTERVAL_YEAR_MONTH, TRUE, resolution,
                                         precision, 0);
  }
  if (!check_range (precision, 1, 6, "Day precision of day-time intervals", error) ||
      !check_range (fractional, 0, 9, "Fractional precision of day-time intervals", error))
    return NULL;
  return gw_logical_type_new_interval (GW_TYPE_INTERVAL_DAY_TIME, TRUE, resolution, precision,
                                       fractional);
}

/* The same type with other nullability; takes ownership of type. */
static GwLogicalType *
copy_nullable (GwLogicalType *type, gboolean nullable, GError **error)
{
  g_autoptr (GwLogicalType) t = type;
  if (gw_logical_type_is_nullable (t) == nullable)
    return g_steal_pointer (&t);
  GwTypeRoot root = gw_logical_type_get_root (t);
  switch (root) {
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY:
    return gw_logical_type_new_with_length (root, nullable, gw_logical_type_get_length (t));
  case GW_TYPE_DECIMAL:
    return gw_logical_type_new_decimal (nullable, gw_logical_type_get_precision (t),
                                        gw_logical_type_get_scale (t));
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    return gw_logical_type_new_with_precision (root, nullable, gw_logical_type_get_precision (t));
  case GW_TYPE_INTERVAL_YEAR_MONTH:
  case GW_TYPE_INTERVAL_DAY_TIME:
    return gw_logical_type_new_interval (root, nullable, gw_logical_type_get_resolution (t),
                                         gw_logical_type_get_precision (t),
                                         gw_logical_type_get_fractional_precision (t));
  case GW_TYPE_ARRAY:
  case GW_TYPE_MULTISET:
    return gw_logical_type_new_collection (
      root, nullable, gw_logical_type_ref (gw_logical_type_get_element (t)));
  case GW_TYPE_MAP:
    return gw_logical_type_new_map (nullable, gw_logical_type_ref (gw_logical_type_get_key (t)),
                                    gw_logical_type_ref (gw_logical_type_get_value (t)));
  case GW_TYPE_ROW: {
    guint n = gw_logical_type_get_n_fields (t);
    g_autofree const char **names = g_new0 (const char *, n + 1);
    g_autofree GwLogicalType **types = g_new0 (GwLogicalType *, n + 1);
    for (guint i = 0; i < n; i++) {
      names[i] = gw_logical_type_get_field_name (t, i);
      types[i] = gw_logical_type_ref (gw_logical_type_get_field_type (t, i));
    }
    return gw_logical_type_new_row (nullable, n, names, types);
  }
  case GW_TYPE_NULL:
    /* Flink's NullType.copy(false) throws this TableException. */
    g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                         "The nullability of a NULL type cannot be disabled because the type "
                         "must always be able to contain null values.");
    return NULL;
  default:
    return gw_logical_type_new (root, nullable);
  }
}

/* ---- grammar ---- */

static GwLogicalType *parse_type_with_nullability (Parser *p, GError **error);

/* "NOT NULL" → FALSE, "NULL" or nothing → TRUE. */
static gboolean
parse_nullability (Parser *p, gboolean *nullable, GError **error)
{
  *nullable = TRUE;
  if (peek_keyword (p, 1, KW_NOT) && peek_keyword (p, 2, KW_NULL)) {
    *nullable = FALSE;
    return next_keyword (p, KW_NOT, error) && next_keyword (p, KW_NULL, error);
  }
  if (peek_keyword (p, 1, KW_NULL))
    return next_keyword (p, KW_NULL, error);
  return TRUE;
}

static GwLogicalType *
parse_length_type (Parser *p, GwTypeRoot root, GError **error)
{
  int length = 1;
  if (!parse_optional_int (p, &length, error))
    return NULL;
  return new_with_length (root, length, error);
}

static GwLogicalType *
parse_decimal (Parser *p, GError **error)
{
  int precision = 10, scale = 0;
  if (peek_is (p, 1, TOKEN_BEGIN_PARAMETER)) {
    if (!next_token_of (p, TOKEN_BEGIN_PARAMETER, error) ||
        !next_token_of (p, TOKEN_LITERAL_INT, error) || !token_as_int (p, &precision, error))
      return NULL;
    if (peek_is (p, 1, TOKEN_LIST_SEPARATOR) &&
        (!next_token_of (p, TOKEN_LIST_SEPARATOR, error) ||
         !next_token_of (p, TOKEN_LITERAL_INT, error) || !token_as_int (p, &scale, error)))
      return NULL;
    if (!next_token_of (p, TOKEN_END_PARAMETER, error))
      return NULL;
  }
  return new_decimal (precision, scale, error);
}

/* "WITHOUT TIME ZONE" if present. */
static gboolean
parse_without_time_zone (Parser *p, GError **error)
{
  if (!peek_keyword (p, 1, KW_WITHOUT))
    return TRUE;
  return next_keyword (p, KW_WITHOUT, error) && next_keyword (p, KW_TIME, error) &&
         next_keyword (p, KW_ZONE, error);
}

static GwLogicalType *
parse_time (Parser *p, GError **error)
{
  int precision = 0;
  if (!parse_optional_int (p, &precision, error) || !parse_without_time_zone (p, error))
    return NULL;
  return new_with_precision (GW_TYPE_TIME_WITHOUT_TIME_ZONE, precision, error);
}

static GwLogicalType *
parse_timestamp (Parser *p, GError **error)
{
  int precision = 6;
  GwTypeRoot root = GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE;
  if (!parse_optional_int (p, &precision, error))
    return NULL;
  if (peek_keyword (p, 1, KW_WITHOUT)) {
    if (!parse_without_time_zone (p, error))
      return NULL;
  } else if (peek_keyword (p, 1, KW_WITH)) {
    if (!next_keyword (p, KW_WITH, error))
      return NULL;
    root = GW_TYPE_TIMESTAMP_WITH_TIME_ZONE;
    if (peek_keyword (p, 1, KW_LOCAL)) {
      if (!next_keyword (p, KW_LOCAL, error))
        return NULL;
      root = GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }
    if (!next_keyword (p, KW_TIME, error) || !next_keyword (p, KW_ZONE, error))
      return NULL;
  }
  return new_with_precision (root, precision, error);
}

/* After TO in "DAY TO ...", "HOUR TO ...": the end unit and, for SECOND, its precision. */
static gboolean
parse_interval_end (Parser *p, gboolean allow_hour, gboolean allow_minute, Keyword *unit,
                    int *fractional, GError **error)
{
  if (!next_keyword (p, KW_TO, error) || !next_token_of (p, TOKEN_KEYWORD, error))
    return FALSE;
  *unit = token (p)->keyword;
  if ((*unit == KW_HOUR && allow_hour) || (*unit == KW_MINUTE && allow_minute))
    return TRUE;
  if (*unit == KW_SECOND)
    return parse_optional_int (p, fractional, error);
  parsing_error (p, error, "Invalid day-time interval resolution.");
  return FALSE;
}

static GwLogicalType *
parse_interval (Parser *p, GError **error)
{
  int precision = 2, fractional = 6; /* Flink's default year/day and fractional precisions */
  Keyword end;
  if (!next_token_of (p, TOKEN_KEYWORD, error))
    return NULL;
  switch (token (p)->keyword) {
  case KW_YEAR:
    if (!parse_optional_int (p, &precision, error))
      return NULL;
    if (peek_keyword (p, 1, KW_TO)) {
      if (!next_keyword (p, KW_TO, error) || !next_keyword (p, KW_MONTH, error))
        return NULL;
      return new_interval (GW_INTERVAL_YEAR_TO_MONTH, precision, 0, error);
    }
    return new_interval (GW_INTERVAL_YEAR, precision, 0, error);
  case KW_MONTH:
    return new_interval (GW_INTERVAL_MONTH, precision, 0, error);
  case KW_DAY:
    if (!parse_optional_int (p, &precision, error))
      return NULL;
    if (!peek_keyword (p, 1, KW_TO))
      return new_interval (GW_INTERVAL_DAY, precision, fractional, error);
    if (!parse_interval_end (p, TRUE, TRUE, &end, &fractional, error))
      return NULL;
    return new_interval (end == KW_HOUR ? GW_INTERVAL_DAY_TO_HOUR
                         : end == KW_MINUTE ? GW_INTERVAL_DAY_TO_MINUTE
                         : GW_INTERVAL_DAY_TO_SECOND, precision, fractional, error);
  case KW_HOUR:
    if (!peek_keyword (p, 1, KW_TO))
      return new_interval (GW_INTERVAL_HOUR, precision, fractional, error);
    if (!parse_interval_end (p, FALSE, TRUE, &end, &fractional, error))
      return NULL;
    return new_interval (end == KW_MINUTE ? GW_INTERVAL_HOUR_TO_MINUTE
                         : GW_INTERVAL_HOUR_TO_SECOND, precision, fractional, error);
  case KW_MINUTE:
    if (!peek_keyword (p, 1, KW_TO))
      return new_interval (GW_INTERVAL_MINUTE, precision, fractional, error);
    if (!next_keyword (p, KW_TO, error) || !next_keyword (p, KW_SECOND, error) ||
        !parse_optional_int (p, &fractional, error))
      return NULL;
    return new_interval (GW_INTERVAL_MINUTE_TO_SECOND, precision, fractional, error);
  case KW_SECOND:
    if (!parse_optional_int (p, &fractional, error))
      return NULL;
    return new_interval (GW_INTERVAL_SECOND, precision, fractional, error);
  default:
    parsing_error (p, error, "Invalid interval resolution.");
    return NULL;
  }
}

/* "<T>" of ARRAY and MULTISET. */
static GwLogicalType *
parse_collection (Parser *p, GwTypeRoot root, GError **error)
{
  if (!next_token_of (p, TOKEN_BEGIN_SUBTYPE, error))
    return NULL;
  g_autoptr (GwLogicalType) element = parse_type_with_nullability (p, error);
  if (element == NULL || !next_token_of (p, TOKEN_END_SUBTYPE, error))
    return NULL;
  return gw_logical_type_new_collection (root, TRUE, g_steal_pointer (&element));
}

static GwLogicalType *
parse_map (Parser *p, GError **error)
{
  if (!next_token_of (p, TOKEN_BEGIN_SUBTYPE, error))
    return NULL;
  g_autoptr (GwLogicalType) key = parse_type_with_nullability (p, error);
  if (key == NULL || !next_token_of (p, TOKEN_LIST_SEPARATOR, error))
    return NULL;
  g_autoptr (GwLogicalType) value = parse_type_with_nullability (p, error);
  if (value == NULL || !next_token_of (p, TOKEN_END_SUBTYPE, error))
    return NULL;
  return gw_logical_type_new_map (TRUE, g_steal_pointer (&key), g_steal_pointer (&value));
}

/* RowType's own checks, with its messages. */
static gboolean
check_field_names (GPtrArray *names, GError **error)
{
  g_autoptr (GString) duplicates = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++) {
    const char *name = names->pdata[i];
    const char *c = name;
    while (*c != '\0' && g_ascii_isspace (*c))
      c++;
    if (*c == '\0') {
      g_set_error_literal (error, GW_ERROR, GW_ERROR_VALIDATION,
                           "Field names must contain at least one non-whitespace character.");
      return FALSE;
    }
    gboolean seen_before = FALSE, repeated = FALSE;
    for (guint j = 0; j < names->len; j++) {
      if (j != i && strcmp (name, names->pdata[j]) == 0) {
        repeated = TRUE;
        seen_before |= j < i;
      }
    }
    if (repeated && !seen_before)
      g_string_append_printf (duplicates, "%s%s", duplicates->len > 0 ? ", " : "", name);
  }
  if (duplicates->len > 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "Field names must be unique. Found duplicates: [%s]", duplicates->str);
    return FALSE;
  }
  return TRUE;
}

/* ROW<name T ['comment'], ...> or ROW(name T ['comment'], ...); comments are dropped (the
 * type model has no field descriptions, and Flink's summary string leaves them out). */
static GwLogicalType *
parse_row (Parser *p, GError **error)
{
  TokenType end_token = TOKEN_END_SUBTYPE;
  if (peek_is (p, 1, TOKEN_BEGIN_PARAMETER)) {
    end_token = TOKEN_END_PARAMETER;
    if (!next_token_of (p, TOKEN_BEGIN_PARAMETER, error))
      return NULL;
  } else if (!next_token_of (p, TOKEN_BEGIN_SUBTYPE, error)) {
    return NULL;
  }
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) types = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gw_logical_type_unref);
  while (!peek_is (p, 1, end_token)) {
    if (names->len > 0 && !next_token_of (p, TOKEN_LIST_SEPARATOR, error))
      return NULL;
    if (!next_token_of (p, TOKEN_IDENTIFIER, error))
      return NULL;
    g_ptr_array_add (names, g_strdup (token (p)->value));
    GwLogicalType *type = parse_type_with_nullability (p, error);
    if (type == NULL)
      return NULL;
    g_ptr_array_add (types, type);
    if (peek_is (p, 1, TOKEN_LITERAL_STRING) && !next_token_of (p, TOKEN_LITERAL_STRING, error))
      return NULL;
  }
  if (!next_token_of (p, end_token, error) || !check_field_names (names, error))
    return NULL;
  for (guint i = 0; i < types->len; i++)
    gw_logical_type_ref (types->pdata[i]);
  return gw_logical_type_new_row (TRUE, names->len, (const char *const *) names->pdata,
                                  (GwLogicalType **) types->pdata);
}

static GwLogicalType *
parse_type_by_keyword (Parser *p, GError **error)
{
  if (!next_token_of (p, TOKEN_KEYWORD, error))
    return NULL;
  switch (token (p)->keyword) {
  case KW_CHAR: return parse_length_type (p, GW_TYPE_CHAR, error);
  case KW_VARCHAR: return parse_length_type (p, GW_TYPE_VARCHAR, error);
  case KW_STRING: return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
  case KW_BOOLEAN: return gw_logical_type_new (GW_TYPE_BOOLEAN, TRUE);
  case KW_BINARY: return parse_length_type (p, GW_TYPE_BINARY, error);
  case KW_VARBINARY: return parse_length_type (p, GW_TYPE_VARBINARY, error);
  case KW_BYTES: return gw_logical_type_new_with_length (GW_TYPE_VARBINARY, TRUE, GW_TYPE_MAX_LENGTH);
  case KW_DECIMAL:
  case KW_NUMERIC:
  case KW_DEC:
    return parse_decimal (p, error);
  case KW_TINYINT: return gw_logical_type_new (GW_TYPE_TINYINT, TRUE);
  case KW_SMALLINT: return gw_logical_type_new (GW_TYPE_SMALLINT, TRUE);
  case KW_INT:
  case KW_INTEGER:
    return gw_logical_type_new (GW_TYPE_INTEGER, TRUE);
  case KW_BIGINT: return gw_logical_type_new (GW_TYPE_BIGINT, TRUE);
  case KW_FLOAT: return gw_logical_type_new (GW_TYPE_FLOAT, TRUE);
  case KW_DOUBLE:
    if (peek_keyword (p, 1, KW_PRECISION) && !next_keyword (p, KW_PRECISION, error))
      return NULL;
    return gw_logical_type_new (GW_TYPE_DOUBLE, TRUE);
  case KW_DATE: return gw_logical_type_new (GW_TYPE_DATE, TRUE);
  case KW_TIME: return parse_time (p, error);
  case KW_TIMESTAMP: return parse_timestamp (p, error);
  case KW_TIMESTAMP_LTZ: {
    int precision = 6;
    if (!parse_optional_int (p, &precision, error))
      return NULL;
    return new_with_precision (GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, precision, error);
  }
  case KW_INTERVAL: return parse_interval (p, error);
  case KW_ARRAY: return parse_collection (p, GW_TYPE_ARRAY, error);
  case KW_MULTISET: return parse_collection (p, GW_TYPE_MULTISET, error);
  case KW_MAP: return parse_map (p, error);
  case KW_ROW: return parse_row (p, error);
  case KW_NULL: return gw_logical_type_new (GW_TYPE_NULL, TRUE);
  default:
    /* RAW, LEGACY, STRUCTURED, DESCRIPTOR, VARIANT, BITMAP, and keywords that are no type */
    parsing_error (p, error, "Unsupported type: %s", token (p)->value);
    return NULL;
  }
}

/* Flink resolves an identifier as a user-defined type later; the gateway has none. REAL is
 * Flink SQL's (Calcite's) name for FLOAT, which the LogicalTypeParser itself lacks. */
static GwLogicalType *
parse_type_by_identifier (Parser *p, GError **error)
{
  if (!next_token_of (p, TOKEN_IDENTIFIER, error))
    return NULL;
  if (!token (p)->quoted && g_ascii_strcasecmp (token (p)->value, "REAL") == 0 &&
      !peek_is (p, 1, TOKEN_IDENTIFIER_SEPARATOR))
    return gw_logical_type_new (GW_TYPE_FLOAT, TRUE);
  parsing_error (p, error, "Unsupported type: %s", token (p)->value);
  return NULL;
}

static GwLogicalType *
parse_type_with_nullability (Parser *p, GError **error)
{
  gboolean nullable;
  g_autoptr (GwLogicalType) type = peek_is (p, 1, TOKEN_IDENTIFIER)
                                   ? parse_type_by_identifier (p, error)
                                   : parse_type_by_keyword (p, error);
  if (type == NULL || !parse_nullability (p, &nullable, error))
    return NULL;
  type = copy_nullable (g_steal_pointer (&type), nullable, error);
  if (type == NULL)
    return NULL;

  /* postfix notation: "INT ARRAY", "STRING MULTISET NOT NULL" */
  GwTypeRoot postfix = peek_keyword (p, 1, KW_ARRAY) ? GW_TYPE_ARRAY
                     : peek_keyword (p, 1, KW_MULTISET) ? GW_TYPE_MULTISET : GW_TYPE_NULL;
  if (postfix == GW_TYPE_NULL)
    return g_steal_pointer (&type);
  if (!next_token (p, error) || !parse_nullability (p, &nullable, error))
    return NULL;
  return gw_logical_type_new_collection (postfix, nullable, g_steal_pointer (&type));
}

GwLogicalType *
gw_flink_type_parse (const char *text, GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  Parser p = { .text = text, .tokens = gw_flink_type_tokenize (text), .current = -1,
               .last_valid = -1 };
  g_autoptr (GwLogicalType) type = parse_type_with_nullability (&p, error);
  if (type != NULL && p.current + 1 < (int) p.tokens->len) {
    next_token (&p, NULL);
    parsing_error (&p, error, "Unexpected token: %s", token (&p)->value);
    g_clear_pointer (&type, gw_logical_type_unref);
  }
  g_array_unref (p.tokens);
  return g_steal_pointer (&type);
}
