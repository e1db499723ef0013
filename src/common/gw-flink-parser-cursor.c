/* The Flink statement parser's token cursor and the grammar pieces all statements share: names,
 * string lists, WITH options, LIKE filters, raw text ranges, and Flink-like error messages. */
#include "gw-flink-parser-private.h"
#include "gw-error.h"

#include <string.h>

const GwFlinkToken *
gw_flink_parser_peek (GwFlinkParser *p, guint ahead)
{
  guint i = MIN (p->pos + ahead, p->tokens->len - 1);
  return &g_array_index (p->tokens, GwFlinkToken, i);
}

const GwFlinkToken *
gw_flink_parser_next (GwFlinkParser *p)
{
  const GwFlinkToken *token = gw_flink_parser_peek (p, 0);
  if (token->kind != GW_FLINK_TOKEN_EOF)
    p->pos++;
  return token;
}

gboolean
gw_flink_parser_at_keyword (GwFlinkParser *p, guint ahead, const char *keyword)
{
  return gw_flink_token_is_keyword (gw_flink_parser_peek (p, ahead), keyword);
}

gboolean
gw_flink_parser_at_symbol (GwFlinkParser *p, guint ahead, char c)
{
  return gw_flink_token_is_symbol (gw_flink_parser_peek (p, ahead), c);
}

gboolean
gw_flink_parser_at_end (GwFlinkParser *p)
{
  return gw_flink_parser_peek (p, 0)->kind == GW_FLINK_TOKEN_EOF;
}

gboolean
gw_flink_parser_accept_keyword (GwFlinkParser *p, const char *keyword)
{
  if (!gw_flink_parser_at_keyword (p, 0, keyword))
    return FALSE;
  p->pos++;
  return TRUE;
}

gboolean
gw_flink_parser_accept_symbol (GwFlinkParser *p, char c)
{
  if (!gw_flink_parser_at_symbol (p, 0, c))
    return FALSE;
  p->pos++;
  return TRUE;
}

gboolean
gw_flink_parser_expect_keyword (GwFlinkParser *p, const char *keyword)
{
  return gw_flink_parser_accept_keyword (p, keyword) || gw_flink_parser_fail (p);
}

gboolean
gw_flink_parser_expect_symbol (GwFlinkParser *p, char c)
{
  return gw_flink_parser_accept_symbol (p, c) || gw_flink_parser_fail (p);
}

gboolean
gw_flink_parser_accept_phrase (GwFlinkParser *p, const char *const *words)
{
  if (!gw_flink_parser_accept_keyword (p, words[0]))
    return FALSE;
  for (guint i = 1; words[i] != NULL; i++) {
    if (!gw_flink_parser_expect_keyword (p, words[i]))
      return FALSE;
  }
  return TRUE;
}

gboolean
gw_flink_parser_failed (GwFlinkParser *p)
{
  return p->error != NULL;
}

static void
position_of (GwFlinkParser *p, const GwFlinkToken *token, guint *line, guint *column)
{
  gw_flink_position (p->origin, p->origin_offset + token->start, line, column);
}

gboolean
gw_flink_parser_fail (GwFlinkParser *p)
{
  if (p->error != NULL)
    return FALSE;
  const GwFlinkToken *token = gw_flink_parser_peek (p, 0);
  guint line, column;
  position_of (p, token, &line, &column);
  /* The SQL client recognises an incomplete statement by this exact wording. */
  if (token->kind == GW_FLINK_TOKEN_EOF || token->kind == GW_FLINK_TOKEN_UNTERMINATED) {
    if (token->kind == GW_FLINK_TOKEN_UNTERMINATED) {
      g_set_error (&p->error, GW_ERROR, GW_ERROR_PARSE,
                   "Lexical error at line %u, column %u.  Encountered: <EOF>",
                   line, column);
      return FALSE;
    }
    g_set_error (&p->error, GW_ERROR, GW_ERROR_PARSE,
                 "Encountered \"<EOF>\" at line %u, column %u.", line, column);
    return FALSE;
  }
  g_autofree gchar *image = g_strndup (p->sql + token->start, token->end - token->start);
  g_set_error (&p->error, GW_ERROR, GW_ERROR_PARSE,
               "Encountered \"%s\" at line %u, column %u.", image, line, column);
  return FALSE;
}

gboolean
gw_flink_parser_fail_with (GwFlinkParser *p, const char *message)
{
  if (p->error != NULL)
    return FALSE;
  guint line, column;
  position_of (p, gw_flink_parser_peek (p, 0), &line, &column);
  g_set_error (&p->error, GW_ERROR, GW_ERROR_PARSE, "%s at line %u, column %u.",
               message, line, column);
  return FALSE;
}

gchar *
gw_flink_parser_identifier (GwFlinkParser *p)
{
  const GwFlinkToken *token = gw_flink_parser_peek (p, 0);
  if (token->kind != GW_FLINK_TOKEN_WORD && token->kind != GW_FLINK_TOKEN_IDENTIFIER) {
    gw_flink_parser_fail (p);
    return NULL;
  }
  p->pos++;
  return g_strdup (token->value);
}

gboolean
gw_flink_parser_name (GwFlinkParser *p, GwFlinkName *name, guint max_parts)
{
  gw_flink_name_clear (name);
  do {
    if (name->n_parts == max_parts)
      return gw_flink_parser_fail (p);
    gchar *part = gw_flink_parser_identifier (p);
    if (part == NULL)
      return FALSE;
    name->parts[name->n_parts++] = part;
  } while (gw_flink_parser_accept_symbol (p, '.'));
  return TRUE;
}

gchar *
gw_flink_parser_string (GwFlinkParser *p)
{
  const GwFlinkToken *token = gw_flink_parser_peek (p, 0);
  if (token->kind != GW_FLINK_TOKEN_STRING) {
    gw_flink_parser_fail (p);
    return NULL;
  }
  p->pos++;
  return g_strdup (token->value);
}

static GStrv
parse_list (GwFlinkParser *p, gchar *(*item) (GwFlinkParser *p))
{
  if (!gw_flink_parser_expect_symbol (p, '('))
    return NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  do {
    g_autofree gchar *value = item (p);
    if (value == NULL)
      return NULL;
    g_strv_builder_add (builder, value);
  } while (gw_flink_parser_accept_symbol (p, ','));
  if (!gw_flink_parser_expect_symbol (p, ')'))
    return NULL;
  return g_strv_builder_end (builder);
}

GStrv
gw_flink_parser_identifier_list (GwFlinkParser *p)
{
  return parse_list (p, gw_flink_parser_identifier);
}

GStrv
gw_flink_parser_string_list (GwFlinkParser *p)
{
  return parse_list (p, gw_flink_parser_string);
}

/* An option value: Flink wants a string literal; numbers and TRUE/FALSE are taken as their text
 * because users write them and the meaning is not in doubt. */
static gchar *
option_value (GwFlinkParser *p)
{
  const GwFlinkToken *token = gw_flink_parser_peek (p, 0);
  if (token->kind == GW_FLINK_TOKEN_NUMBER || gw_flink_token_is_keyword (token, "TRUE")
      || gw_flink_token_is_keyword (token, "FALSE")) {
    p->pos++;
    return g_strdup (token->value);
  }
  return gw_flink_parser_string (p);
}

gboolean
gw_flink_parser_options (GwFlinkParser *p, GwFlinkOptions *options)
{
  gw_flink_options_clear (options);
  if (!gw_flink_parser_expect_symbol (p, '('))
    return FALSE;
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) values = g_strv_builder_new ();
  /* WITH () is allowed: an empty option list. */
  if (!gw_flink_parser_accept_symbol (p, ')')) {
    do {
      g_autofree gchar *key = gw_flink_parser_string (p);
      if (key == NULL || !gw_flink_parser_expect_symbol (p, '='))
        return FALSE;
      g_autofree gchar *value = option_value (p);
      if (value == NULL)
        return FALSE;
      g_strv_builder_add (keys, key);
      g_strv_builder_add (values, value);
    } while (gw_flink_parser_accept_symbol (p, ','));
    if (!gw_flink_parser_expect_symbol (p, ')'))
      return FALSE;
  }
  options->keys = g_strv_builder_end (keys);
  options->values = g_strv_builder_end (values);
  return TRUE;
}

gboolean
gw_flink_parser_like (GwFlinkParser *p, GwFlinkLike *like)
{
  gboolean negated = gw_flink_parser_accept_keyword (p, "NOT");
  gboolean case_insensitive = FALSE;
  if (gw_flink_parser_accept_keyword (p, "ILIKE"))
    case_insensitive = TRUE;
  else if (!gw_flink_parser_accept_keyword (p, "LIKE"))
    return negated ? gw_flink_parser_fail (p) : TRUE;
  gchar *pattern = gw_flink_parser_string (p);
  if (pattern == NULL)
    return FALSE;
  g_free (like->pattern);
  like->pattern = pattern;
  like->negated = negated;
  like->case_insensitive = case_insensitive;
  return TRUE;
}

gchar *
gw_flink_parser_text (GwFlinkParser *p, guint first, guint end)
{
  if (end <= first)
    return g_strdup ("");
  const GwFlinkToken *a = &g_array_index (p->tokens, GwFlinkToken, first);
  const GwFlinkToken *b = &g_array_index (p->tokens, GwFlinkToken, end - 1);
  gchar *text = g_strndup (p->sql + a->start, b->end - a->start);
  return g_strstrip (text);
}

gchar *
gw_flink_parser_rest (GwFlinkParser *p, guint first)
{
  /* The last token is the EOF, which has no text of its own. */
  return gw_flink_parser_text (p, first, p->tokens->len - 1);
}

gboolean
gw_flink_parser_at_query (GwFlinkParser *p, guint ahead)
{
  static const char *const starts[] = { "SELECT", "WITH", "VALUES", "FROM", "TABLE" };
  for (guint i = 0; i < G_N_ELEMENTS (starts); i++) {
    if (gw_flink_parser_at_keyword (p, ahead, starts[i]))
      return TRUE;
  }
  return gw_flink_parser_at_symbol (p, ahead, '(');
}
