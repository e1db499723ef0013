/* A small lexer over SQL text: statement boundaries and the leading keyword, for the decisions
 * DuckDB's API does not expose (how many statements the user wrote, SHOW vs. SELECT). */
#include "gw-duckdb-statement.h"

#include <string.h>

static gboolean
is_identifier_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

/* Skips whitespace, -- comments and (nested, as in PostgreSQL) block comments. */
static const char *
skip_blank (const char *p)
{
  for (;;) {
    if (g_ascii_isspace (*p)) {
      p++;
    } else if (p[0] == '-' && p[1] == '-') {
      while (*p != '\0' && *p != '\n')
        p++;
    } else if (p[0] == '/' && p[1] == '*') {
      int depth = 0;
      do {
        if (p[0] == '/' && p[1] == '*') {
          depth++;
          p += 2;
        } else if (p[0] == '*' && p[1] == '/') {
          depth--;
          p += 2;
        } else {
          p++;
        }
      } while (depth > 0 && *p != '\0');
    } else {
      return p;
    }
  }
}

/* p is at the opening quote; returns the position after the closing one. A doubled quote is an
 * escaped quote; E'...' strings also escape with a backslash. */
static const char *
skip_quoted (const char *p, gboolean backslash_escapes)
{
  char quote = *p++;
  while (*p != '\0') {
    if (backslash_escapes && *p == '\\' && p[1] != '\0') {
      p += 2;
    } else if (*p == quote) {
      if (p[1] != quote)
        return p + 1;
      p += 2;
    } else {
      p++;
    }
  }
  return p;
}

/* p is at '$': skips a $tag$ ... $tag$ string, or just the '$' of a parameter like $1. */
static const char *
skip_dollar (const char *p)
{
  const char *tag_end = p + 1;
  while (g_ascii_isalnum (*tag_end) || *tag_end == '_')
    tag_end++;
  if (*tag_end != '$' || g_ascii_isdigit (p[1]))
    return p + 1;
  gsize tag_len = (gsize) (tag_end - p) + 1;
  for (const char *q = tag_end + 1; *q != '\0'; q++) {
    if (*q == '$' && strncmp (q, p, tag_len) == 0)
      return q + tag_len;
  }
  return p + strlen (p);
}

guint
gw_duckdb_statement_count (const char *sql)
{
  guint count = 0;
  gboolean has_token = FALSE;
  const char *p = sql;
  g_return_val_if_fail (sql != NULL, 0);

  while (*(p = skip_blank (p)) != '\0') {
    gboolean after_word = p > sql && is_identifier_char (p[-1]);
    if (*p == ';') {
      if (has_token)
        count++;
      has_token = FALSE;
      p++;
      continue;
    }
    has_token = TRUE;
    if (*p == '\'') {
      gboolean escape_string = p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                               (p - 1 == sql || !is_identifier_char (p[-2]));
      p = skip_quoted (p, escape_string);
    } else if (*p == '"') {
      p = skip_quoted (p, FALSE);
    } else if (*p == '$' && !after_word) {
      p = skip_dollar (p);
    } else {
      p++;
    }
  }
  return count + (has_token ? 1 : 0);
}

gchar *
gw_duckdb_statement_first_keyword (const char *sql)
{
  g_return_val_if_fail (sql != NULL, NULL);
  const char *p = skip_blank (sql);
  while (*p == '(')
    p = skip_blank (p + 1);
  const char *start = p;
  while (g_ascii_isalpha (*p) || *p == '_')
    p++;
  return g_ascii_strup (start, p - start);
}
