/* Computed column and watermark expressions the way Flink stores them: Flink validates an
 * expression and keeps Calcite's unparsed text ("amount*2" → "`amount` * 2", "INTERVAL '1'
 * SECONDS" → "INTERVAL '1' SECOND", "upper(name)" → "UPPER(`name`)"), which SHOW CREATE TABLE
 * and DESCRIBE print. This is a token-level approximation: column references are quoted,
 * function names and keywords upper-cased, plural time units made singular, and tokens spaced
 * as Calcite spaces them; type names inside CAST are kept as written. */
#include "gw-duckdb-flink-ddl-private.h"

#include <string.h>

typedef enum {
  TOKEN_WORD,        /* identifier or keyword */
  TOKEN_QUOTED,      /* `identifier` (kept with its backticks) */
  TOKEN_STRING,      /* 'literal' */
  TOKEN_NUMBER,
  TOKEN_SYMBOL,      /* operators and punctuation, "<=" as one token */
} TokenKind;

typedef struct {
  TokenKind kind;
  gchar    *text;
} Token;

static void
token_clear (Token *token)
{
  g_free (token->text);
}

static const char *const keywords[] = {
  "AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "AS", "IN", "LIKE", "BETWEEN", "CASE",
  "WHEN", "THEN", "ELSE", "END", "INTERVAL", "CAST", "TRY_CAST", "DISTINCT", "FROM", "FOR",
  "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO", "EXISTS", "ESCAPE", "SIMILAR",
  "UNKNOWN", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME",
  NULL,
};

/* Keywords that keep a space before a following '(' ("IN (1, 2)"). */
static const char *const spaced_keywords[] = {
  "AND", "OR", "NOT", "IN", "AS", "EXISTS", "THEN", "ELSE", "WHEN", "CASE", "BETWEEN", "LIKE",
  "IS", NULL,
};

static gboolean
in_list_caseless (const char *const *list, const char *word)
{
  for (guint i = 0; list[i] != NULL; i++) {
    if (g_ascii_strcasecmp (list[i], word) == 0)
      return TRUE;
  }
  return FALSE;
}

/* Splits text into tokens; FALSE for text this approximation does not understand (an unclosed
 * quote, a double-quoted name), which is then kept as written. */
static gboolean
tokenize (const char *text, GArray *tokens)
{
  static const char *const two_char[] = { "<=", ">=", "<>", "!=", "||", NULL };
  const char *p = text;
  while (*p != '\0') {
    if (g_ascii_isspace (*p)) {
      p++;
      continue;
    }
    const char *start = p;
    Token token = { 0 };
    if (*p == '\'' || *p == '`') {
      char quote = *p++;
      for (;; p++) {
        if (*p == '\0')
          return FALSE;
        if (*p == quote && p[1] == quote)
          p++;
        else if (*p == quote)
          break;
      }
      p++;
      token.kind = quote == '\'' ? TOKEN_STRING : TOKEN_QUOTED;
    } else if (g_ascii_isalpha (*p) || *p == '_') {
      while (g_ascii_isalnum (*p) || *p == '_' || *p == '$')
        p++;
      token.kind = TOKEN_WORD;
    } else if (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1]))) {
      while (g_ascii_isalnum (*p) || *p == '.')
        p++;
      token.kind = TOKEN_NUMBER;
    } else if (*p == '"') {
      return FALSE;
    } else {
      token.kind = TOKEN_SYMBOL;
      p++;
      for (guint i = 0; two_char[i] != NULL; i++) {
        if (start[0] == two_char[i][0] && start[1] == two_char[i][1]) {
          p = start + 2;
          break;
        }
      }
    }
    token.text = g_strndup (start, p - start);
    g_array_append_val (tokens, token);
  }
  return TRUE;
}

static gboolean
is_symbol (const Token *token, const char *symbol)
{
  return token != NULL && token->kind == TOKEN_SYMBOL && strcmp (token->text, symbol) == 0;
}

/* A '-' / '+' that is a sign rather than an operator. */
static gboolean
is_sign (const Token *previous, const Token *token)
{
  if (!is_symbol (token, "-") && !is_symbol (token, "+"))
    return FALSE;
  return previous == NULL || (previous->kind == TOKEN_SYMBOL && !is_symbol (previous, ")")) ||
         (previous->kind == TOKEN_WORD && in_list_caseless (keywords, previous->text));
}

gchar *
gw_ddl_expression_normalize (const char *expression, const GwFlinkCreateTable *table)
{
  g_return_val_if_fail (expression != NULL, NULL);

  g_autoptr (GArray) tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);
  if (!tokenize (expression, tokens) || tokens->len == 0)
    return g_strdup (expression);

  /* Rewrite the words. */
  for (guint i = 0; i < tokens->len; i++) {
    Token *token = &g_array_index (tokens, Token, i);
    Token *next = i + 1 < tokens->len ? &g_array_index (tokens, Token, i + 1) : NULL;
    Token *previous = i > 0 ? &g_array_index (tokens, Token, i - 1) : NULL;
    if (token->kind != TOKEN_WORD || is_symbol (previous, "."))
      continue;
    gchar *replacement = NULL;
    if (table != NULL && gw_ddl_table_find_column (table, token->text) >= 0 &&
        !is_symbol (next, "(")) {
      GString *quoted = g_string_new ("`");
      for (const char *c = token->text; *c != '\0'; c++) {
        if (*c == '`')
          g_string_append_c (quoted, '`');
        g_string_append_c (quoted, *c);
      }
      g_string_append_c (quoted, '`');
      replacement = g_string_free (quoted, FALSE);
      token->kind = TOKEN_QUOTED;
    } else if (previous != NULL && previous->kind == TOKEN_STRING &&
               in_list_caseless ((const char *const[]) { "SECONDS", "MINUTES", "HOURS", "DAYS",
                                                         "MONTHS", "YEARS", NULL },
                                 token->text)) {
      replacement = g_ascii_strup (token->text, strlen (token->text) - 1);
    } else if (is_symbol (next, "(") || in_list_caseless (keywords, token->text)) {
      replacement = g_ascii_strup (token->text, -1);
    }
    if (replacement != NULL) {
      g_free (token->text);
      token->text = replacement;
    }
  }

  /* Join them with Calcite's spacing. */
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < tokens->len; i++) {
    const Token *token = &g_array_index (tokens, Token, i);
    const Token *previous = i > 0 ? &g_array_index (tokens, Token, i - 1) : NULL;
    const Token *before = i > 1 ? &g_array_index (tokens, Token, i - 2) : NULL;
    gboolean space = previous != NULL;
    if (is_symbol (token, ")") || is_symbol (token, ",") || is_symbol (token, ".") ||
        is_symbol (previous, "(") || is_symbol (previous, "."))
      space = FALSE;
    if (is_symbol (token, "(") && previous != NULL &&
        (previous->kind == TOKEN_WORD || previous->kind == TOKEN_QUOTED) &&
        !in_list_caseless (spaced_keywords, previous->text))
      space = FALSE;
    if (previous != NULL && is_sign (before, previous))
      space = FALSE;
    if (space)
      g_string_append_c (out, ' ');
    g_string_append (out, token->text);
  }
  return g_string_free (out, FALSE);
}
