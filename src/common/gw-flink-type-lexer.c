/* Tokenizer of Flink type strings (Flink's LogicalTypeParser.tokenize). */
#include "gw-flink-type-private.h"

#include <string.h>

/* Flink's TokenType names, which its error messages print. */
const char *const gw_flink_type_token_names[] = {
  "BEGIN_SUBTYPE", "END_SUBTYPE", "BEGIN_PARAMETER", "END_PARAMETER", "LIST_SEPARATOR",
  "LITERAL_STRING", "LITERAL_INT", "KEYWORD", "IDENTIFIER", "IDENTIFIER_SEPARATOR",
};

const char *const gw_flink_type_keyword_names[] = {
  "CHAR", "VARCHAR", "STRING", "BOOLEAN", "BINARY", "VARBINARY", "BYTES", "DECIMAL",
  "NUMERIC", "DEC", "TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "FLOAT",
  "DOUBLE", "PRECISION", "DATE", "TIME", "WITH", "WITHOUT", "LOCAL", "ZONE",
  "TIMESTAMP", "TIMESTAMP_LTZ", "INTERVAL", "YEAR", "MONTH", "DAY", "HOUR", "MINUTE",
  "SECOND", "TO", "ARRAY", "MULTISET", "MAP", "ROW", "NULL", "RAW", "LEGACY", "NOT",
  "DESCRIPTOR", "STRUCTURED", "VARIANT", "BITMAP",
};

/* ---- tokenizer ---- */

static gboolean
is_delimiter (char c)
{
  return g_ascii_isspace (c) || c == '<' || c == '>' || c == '(' || c == ')' || c == ','
         || c == '.';
}

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->value);
}

static void
add_token (GArray *tokens, TokenType type, int end, gchar *value)
{
  Token token = { .type = type, .end = end, .value = value };
  g_array_append_val (tokens, token);
}

/* 'text' or `text`, a doubled delimiter standing for itself; returns the closing offset. */
static int
consume_escaped (const char *s, int len, int cursor, GString *out)
{
  char delimiter = s[cursor++];
  for (; cursor < len; cursor++) {
    if (s[cursor] == delimiter && cursor + 1 < len && s[cursor + 1] == delimiter)
      g_string_append_c (out, s[cursor++]);
    else if (s[cursor] == delimiter)
      break;
    else
      g_string_append_c (out, s[cursor]);
  }
  return cursor;
}

GArray *
gw_flink_type_tokenize (const char *s)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_array_set_clear_func (tokens, token_clear);
  int len = (int) strlen (s);
  for (int cursor = 0; cursor < len; cursor++) {
    char c = s[cursor];
    switch (c) {
    case '<': add_token (tokens, TOKEN_BEGIN_SUBTYPE, cursor, g_strdup ("<")); break;
    case '>': add_token (tokens, TOKEN_END_SUBTYPE, cursor, g_strdup (">")); break;
    case '(': add_token (tokens, TOKEN_BEGIN_PARAMETER, cursor, g_strdup ("(")); break;
    case ')': add_token (tokens, TOKEN_END_PARAMETER, cursor, g_strdup (")")); break;
    case ',': add_token (tokens, TOKEN_LIST_SEPARATOR, cursor, g_strdup (",")); break;
    case '.': add_token (tokens, TOKEN_IDENTIFIER_SEPARATOR, cursor, g_strdup (".")); break;
    case '\'':
    case '`': {
      GString *value = g_string_new (NULL);
      cursor = consume_escaped (s, len, cursor, value);
      add_token (tokens, c == '`' ? TOKEN_IDENTIFIER : TOKEN_LITERAL_STRING, cursor,
                 g_string_free (value, FALSE));
      if (c == '`')
        g_array_index (tokens, Token, tokens->len - 1).quoted = TRUE;
      break;
    }
    default: {
      if (g_ascii_isspace (c))
        continue;
      int start = cursor;
      if (g_ascii_isdigit (c)) {
        while (cursor < len && g_ascii_isdigit (s[cursor]))
          cursor++;
        add_token (tokens, TOKEN_LITERAL_INT, cursor - 1, g_strndup (s + start, cursor - start));
      } else {
        while (cursor < len && !is_delimiter (s[cursor]))
          cursor++;
        gchar *word = g_strndup (s + start, cursor - start);
        g_autofree gchar *upper = g_ascii_strup (word, -1);
        Token token = { .type = TOKEN_IDENTIFIER, .end = cursor - 1, .value = word };
        for (guint k = 0; k < G_N_ELEMENTS (gw_flink_type_keyword_names); k++) {
          if (strcmp (upper, gw_flink_type_keyword_names[k]) == 0) {
            token.type = TOKEN_KEYWORD;
            token.keyword = (Keyword) k;
            g_free (token.value);
            token.value = g_steal_pointer (&upper);
            break;
          }
        }
        g_array_append_val (tokens, token);
      }
      cursor--; /* the loop steps past the token's last character */
      break;
    }
    }
  }
  return tokens;
}
