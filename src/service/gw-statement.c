/* Recognizes Flink's SET/RESET forms with a tiny tokenizer (quotes, comments, semicolon). */
#include "gw-statement.h"
#include "gw-error.h"

#include <string.h>

typedef struct {
  const char *p;
} Lexer;

static void
skip_space_and_comments (Lexer *lx)
{
  for (;;) {
    while (g_ascii_isspace (*lx->p))
      lx->p++;
    if (lx->p[0] == '-' && lx->p[1] == '-') {
      while (*lx->p && *lx->p != '\n')
        lx->p++;
    } else if (lx->p[0] == '/' && lx->p[1] == '*') {
      const char *end = strstr (lx->p + 2, "*/");
      lx->p = end ? end + 2 : lx->p + strlen (lx->p);
    } else {
      return;
    }
  }
}

static gboolean
take_keyword (Lexer *lx, const char *word)
{
  skip_space_and_comments (lx);
  gsize n = strlen (word);
  if (g_ascii_strncasecmp (lx->p, word, n) == 0 && !g_ascii_isalnum (lx->p[n]) && lx->p[n] != '_') {
    lx->p += n;
    return TRUE;
  }
  return FALSE;
}

static gboolean
take_char (Lexer *lx, char c)
{
  skip_space_and_comments (lx);
  if (*lx->p == c) {
    lx->p++;
    return TRUE;
  }
  return FALSE;
}

/* A single-quoted string with '' escapes; NULL when there is none. */
static gchar *
take_quoted (Lexer *lx)
{
  skip_space_and_comments (lx);
  if (*lx->p != '\'')
    return NULL;
  GString *s = g_string_new (NULL);
  const char *q = lx->p + 1;
  for (;;) {
    if (*q == '\0') {
      g_string_free (s, TRUE);
      return NULL;
    }
    if (*q == '\'') {
      if (q[1] == '\'') {
        g_string_append_c (s, '\'');
        q += 2;
        continue;
      }
      break;
    }
    g_string_append_c (s, *q++);
  }
  lx->p = q + 1;
  return g_string_free (s, FALSE);
}

static gboolean
at_end (Lexer *lx)
{
  take_char (lx, ';');
  skip_space_and_comments (lx);
  return *lx->p == '\0';
}

gboolean
gw_gateway_statement_parse (const char *statement, GwGatewayStatement *out, GError **error)
{
  memset (out, 0, sizeof *out);
  Lexer lx = { statement };
  g_autofree gchar *key = NULL;
  g_autofree gchar *value = NULL;
  gboolean is_set = take_keyword (&lx, "SET");
  if (!is_set && !take_keyword (&lx, "RESET"))
    return TRUE;
  if (at_end (&lx)) {
    out->kind = is_set ? GW_STATEMENT_SET_LIST : GW_STATEMENT_RESET_ALL;
    return TRUE;
  }
  skip_space_and_comments (&lx);
  if (*lx.p != '\'')
    return TRUE; /* DuckDB's own SET/RESET */

  key = take_quoted (&lx);
  if (key == NULL)
    goto malformed;
  if (!is_set) {
    if (!at_end (&lx))
      goto malformed;
    out->kind = GW_STATEMENT_RESET;
    out->key = g_strstrip (g_steal_pointer (&key));
    return TRUE;
  }
  if (!take_char (&lx, '='))
    goto malformed;
  value = take_quoted (&lx);
  if (value == NULL || !at_end (&lx))
    goto malformed;
  out->kind = GW_STATEMENT_SET;
  out->key = g_strstrip (g_steal_pointer (&key));
  out->value = g_strstrip (g_steal_pointer (&value));
  return TRUE;

malformed:
  g_set_error (error, GW_ERROR, GW_ERROR_SQL,
               "SQL parse failed. Expected %s, but found: %s",
               is_set ? "SET 'key' = 'value'" : "RESET 'key'", statement);
  return FALSE;
}

void
gw_gateway_statement_clear (GwGatewayStatement *statement)
{
  g_clear_pointer (&statement->key, g_free);
  g_clear_pointer (&statement->value, g_free);
}

gboolean
gw_statement_is_configuring (const char *statement)
{
  static const char *const leading[] = { "SET", "RESET", "CREATE", "DROP", "ALTER", "USE",
                                         "LOAD", "UNLOAD", "ADD" };
  Lexer lx = { statement };
  for (guint i = 0; i < G_N_ELEMENTS (leading); i++) {
    lx.p = statement;
    if (take_keyword (&lx, leading[i]))
      return TRUE;
  }
  return FALSE;
}
