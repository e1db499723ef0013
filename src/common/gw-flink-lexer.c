/* The Flink SQL tokenizer: identifiers (plain or `quoted`), 'strings', numbers and one-byte
 * symbols, with -- and block comments skipped. Only ASCII bytes are syntactic. */
#include "gw-flink-lexer.h"

#include <string.h>

static gboolean
is_word_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

static gboolean
is_word_char (char c)
{
  return is_word_start (c) || g_ascii_isdigit (c);
}

static void
clear_token (gpointer data)
{
  GwFlinkToken *token = data;
  g_free (token->value);
}

static void
push (GArray *tokens, GwFlinkTokenKind kind, gsize start, gsize end, gchar *value)
{
  GwFlinkToken token = { kind, start, end, value };
  g_array_append_val (tokens, token);
}

/* A quoted run starting at sql[i] == q, where a doubled q stands for one. Returns the offset
 * after the closing quote, or the end of the input when it never closes (*closed FALSE). */
static gsize
scan_quoted (const char *sql, gsize i, char q, GString *value, gboolean *closed)
{
  for (i++; sql[i] != '\0'; i++) {
    if (sql[i] == q) {
      if (sql[i + 1] != q) {
        *closed = TRUE;
        return i + 1;
      }
      i++;
    }
    g_string_append_c (value, sql[i]);
  }
  *closed = FALSE;
  return i;
}

static gsize
scan_number (const char *sql, gsize i)
{
  while (g_ascii_isdigit (sql[i]))
    i++;
  if (sql[i] == '.' && g_ascii_isdigit (sql[i + 1])) {
    i++;
    while (g_ascii_isdigit (sql[i]))
      i++;
  }
  if ((sql[i] == 'e' || sql[i] == 'E')
      && (g_ascii_isdigit (sql[i + 1])
          || ((sql[i + 1] == '+' || sql[i + 1] == '-') && g_ascii_isdigit (sql[i + 2])))) {
    i += 2;
    while (g_ascii_isdigit (sql[i]))
      i++;
  }
  return i;
}

GArray *
gw_flink_lex (const char *sql)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (GwFlinkToken));
  g_array_set_clear_func (tokens, clear_token);
  gsize i = 0;

  while (sql[i] != '\0') {
    char c = sql[i];
    gsize start = i;
    if (g_ascii_isspace (c)) {
      i++;
    } else if (c == '-' && sql[i + 1] == '-') {
      while (sql[i] != '\0' && sql[i] != '\n')
        i++;
    } else if (c == '/' && sql[i + 1] == '*') {
      const char *close = strstr (sql + i + 2, "*/");
      if (close == NULL) {
        i += strlen (sql + i);
        push (tokens, GW_FLINK_TOKEN_UNTERMINATED, start, i, g_strdup (sql + start));
      } else {
        i = close - sql + 2;
      }
    } else if (c == '\'' || c == '`' || c == '"') {
      GString *value = g_string_new (NULL);
      gboolean closed;
      i = scan_quoted (sql, i, c, value, &closed);
      GwFlinkTokenKind kind = c == '\'' ? GW_FLINK_TOKEN_STRING
                              : c == '`' ? GW_FLINK_TOKEN_IDENTIFIER
                                         : GW_FLINK_TOKEN_DOUBLE_QUOTED;
      if (!closed) {
        kind = GW_FLINK_TOKEN_UNTERMINATED;
        g_string_assign (value, sql + start);
      }
      push (tokens, kind, start, i, g_string_free (value, FALSE));
    } else if (g_ascii_isdigit (c) || (c == '.' && g_ascii_isdigit (sql[i + 1]))) {
      i = scan_number (sql, i);
      push (tokens, GW_FLINK_TOKEN_NUMBER, start, i, g_strndup (sql + start, i - start));
    } else if (is_word_start (c)) {
      while (is_word_char (sql[i]))
        i++;
      push (tokens, GW_FLINK_TOKEN_WORD, start, i, g_strndup (sql + start, i - start));
    } else {
      i++;
      push (tokens, GW_FLINK_TOKEN_SYMBOL, start, i, g_strndup (sql + start, 1));
    }
  }

  /* Parse errors at the end point at the last byte of the input's last token, as Flink's do. */
  gsize eof = tokens->len > 0 ? g_array_index (tokens, GwFlinkToken, tokens->len - 1).end - 1 : 0;
  push (tokens, GW_FLINK_TOKEN_EOF, eof, eof, g_strdup ("<EOF>"));
  return tokens;
}

gboolean
gw_flink_token_is_keyword (const GwFlinkToken *token, const char *keyword)
{
  return token->kind == GW_FLINK_TOKEN_WORD && g_ascii_strcasecmp (token->value, keyword) == 0;
}

gboolean
gw_flink_token_is_symbol (const GwFlinkToken *token, char c)
{
  return token->kind == GW_FLINK_TOKEN_SYMBOL && token->value[0] == c;
}

void
gw_flink_position (const char *sql, gsize offset, guint *line, guint *column)
{
  gsize line_start = 0;
  *line = 1;
  for (gsize i = 0; i < offset && sql[i] != '\0'; i++) {
    if (sql[i] == '\n') {
      (*line)++;
      line_start = i + 1;
    }
  }
  /* Characters, not bytes: UTF-8 continuation bytes do not start a column. */
  *column = 1;
  for (gsize i = line_start; i < offset && sql[i] != '\0'; i++) {
    if (((guchar) sql[i] & 0xC0) != 0x80)
      (*column)++;
  }
}
