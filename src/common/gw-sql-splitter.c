/* SQL script splitting: a byte-at-a-time lexer whose state survives between feeds, so a CLI can
 * feed line by line and the whole input is scanned once (O(n)). Only ASCII bytes are syntactic. */
#include "gw-sql-splitter.h"

#include <string.h>

/* Where the lexer is. DASH, SLASH, DOLLAR_TAG and WORD exist because the byte that decides what
 * their token is may only arrive in the next feed. */
typedef enum {
  GW_SQL_LEX_NORMAL,             /* between tokens */
  GW_SQL_LEX_WORD,               /* inside a word (keyword, identifier, number) at token_start */
  GW_SQL_LEX_DASH,               /* after '-': a line comment if the next byte is '-' too */
  GW_SQL_LEX_SLASH,              /* after '/': a block comment if the next byte is '*' */
  GW_SQL_LEX_LINE_COMMENT,       /* inside -- ..., up to the newline */
  GW_SQL_LEX_BLOCK_COMMENT,      /* inside a block comment (not nested, as in Flink) */
  GW_SQL_LEX_BLOCK_COMMENT_STAR, /* inside a block comment, just after a '*' */
  GW_SQL_LEX_QUOTED,             /* inside '...', "..." or `...`; quote says which */
  GW_SQL_LEX_DOLLAR_TAG,         /* after '$': reading the tag of a possible $tag$ opener */
  GW_SQL_LEX_DOLLAR_BODY,        /* inside a dollar-quoted string, matching dollar_delim */
} GwSqlLexState;

/* The keywords that open a block when they are a statement's first four words. */
static const char *const block_prefix[] = { "EXECUTE", "STATEMENT", "SET", "BEGIN" };
#define BLOCK_PREFIX_FAILED (-1)

struct _GwSqlSplitter {
  GString *buffer;         /* owned; bytes before stmt_start are dead, dropped by compact() */
  GQueue *complete;        /* owned gchar*: complete statements not yet returned by next() */

  GwSqlLexState lex;
  char quote;              /* the quote character while QUOTED */
  gsize token_start;       /* first byte of the WORD, DASH, SLASH or DOLLAR_TAG token */
  gchar *dollar_delim;     /* owned: "$tag$" while DOLLAR_BODY */
  gsize dollar_matched;    /* bytes of dollar_delim matched so far */

  /* The statement being scanned. */
  gsize stmt_start;        /* first byte after the previous statement's ';' */
  gboolean has_content;    /* a token other than whitespace/comments was seen */
  gsize content_start;     /* first byte of that token: leading comments are dropped */
  int prefix_matched;      /* words of block_prefix matched, or BLOCK_PREFIX_FAILED */
  gboolean in_block;       /* all of block_prefix matched: inner ';' do not end the statement */
  guint case_depth;        /* open CASE ... END inside the block's current inner statement */
  gboolean end_pending;    /* in a block, the last token was an END that closes it if ';' follows */
};

static gboolean
is_word_start (char c)
{
  return g_ascii_isalnum (c) || c == '_' || (guchar) c >= 0x80;
}

/* '$' continues a word (PostgreSQL identifiers allow it), so "a$$b" is no dollar quote. */
static gboolean
is_word_char (char c)
{
  return is_word_start (c) || c == '$';
}

static void
reset_statement (GwSqlSplitter *s, gsize next_start)
{
  s->stmt_start = next_start;
  s->has_content = FALSE;
  s->content_start = next_start;
  s->prefix_matched = 0;
  s->in_block = FALSE;
  s->case_depth = 0;
  s->end_pending = FALSE;
}

static void
reset_lexer (GwSqlSplitter *s)
{
  s->lex = GW_SQL_LEX_NORMAL;
  s->quote = 0;
  s->token_start = 0;
  g_clear_pointer (&s->dollar_delim, g_free);
  s->dollar_matched = 0;
}

static gboolean
word_is (const char *word, gsize len, const char *keyword)
{
  return len == strlen (keyword) && g_ascii_strncasecmp (word, keyword, len) == 0;
}

/* Every token outside comments passes here once, in order; word is NULL for anything that is not
 * a word (quoted text, operators), which can be neither a block keyword nor CASE/END. */
static void
note_token (GwSqlSplitter *s, gsize start, const char *word, gsize len)
{
  if (!s->has_content) {
    s->has_content = TRUE;
    s->content_start = start;
  }

  if (!s->in_block) {
    if (s->prefix_matched == BLOCK_PREFIX_FAILED)
      return;
    if (word != NULL && word_is (word, len, block_prefix[s->prefix_matched])) {
      s->prefix_matched++;
      if (s->prefix_matched == (int) G_N_ELEMENTS (block_prefix))
        s->in_block = TRUE;
    } else {
      s->prefix_matched = BLOCK_PREFIX_FAILED;
    }
    return;
  }

  s->end_pending = FALSE;
  if (word == NULL)
    return;
  if (word_is (word, len, "CASE")) {
    s->case_depth++;
  } else if (word_is (word, len, "END")) {
    if (s->case_depth > 0)
      s->case_depth--;
    else
      s->end_pending = TRUE;
  }
}

static void
finish_word (GwSqlSplitter *s, gsize end)
{
  note_token (s, s->token_start, s->buffer->str + s->token_start, end - s->token_start);
}

static void
emit_statement (GwSqlSplitter *s, gsize semicolon)
{
  if (s->has_content) {
    gchar *text = g_strndup (s->buffer->str + s->content_start, semicolon - s->content_start);
    g_queue_push_tail (s->complete, g_strchomp (text));
  }
  reset_statement (s, semicolon + 1);
}

static void
scan_semicolon (GwSqlSplitter *s, gsize pos)
{
  if (s->in_block && !s->end_pending) {
    /* An inner statement ended; a CASE it left open (a typo) must not swallow the block's END. */
    s->case_depth = 0;
    return;
  }
  emit_statement (s, pos);
}

static void
scan_normal (GwSqlSplitter *s, gsize pos, char c)
{
  if (g_ascii_isspace (c))
    return;
  switch (c) {
    case ';':
      scan_semicolon (s, pos);
      return;
    case '-':
      s->token_start = pos;
      s->lex = GW_SQL_LEX_DASH;
      return;
    case '/':
      s->token_start = pos;
      s->lex = GW_SQL_LEX_SLASH;
      return;
    case '\'':
    case '"':
    case '`':
      note_token (s, pos, NULL, 0);
      s->quote = c;
      s->lex = GW_SQL_LEX_QUOTED;
      return;
    case '$':
      /* Either a dollar-quoted string or a $1 / $name parameter: content both ways. */
      note_token (s, pos, NULL, 0);
      s->token_start = pos;
      s->lex = GW_SQL_LEX_DOLLAR_TAG;
      return;
    default:
      break;
  }
  if (is_word_start (c)) {
    s->token_start = pos;
    s->lex = GW_SQL_LEX_WORD;
    return;
  }
  note_token (s, pos, NULL, 0);
}

/* The lexer's one transition function. States that only learn from this byte that their token
 * ended go back to NORMAL and let it look at the byte again. */
static void
scan_byte (GwSqlSplitter *s, gsize pos)
{
  char c = s->buffer->str[pos];
  for (;;) {
    switch (s->lex) {
      case GW_SQL_LEX_NORMAL:
        scan_normal (s, pos, c);
        return;
      case GW_SQL_LEX_WORD:
        if (is_word_char (c))
          return;
        finish_word (s, pos);
        break;
      case GW_SQL_LEX_DASH:
        if (c == '-') {
          s->lex = GW_SQL_LEX_LINE_COMMENT;
          return;
        }
        note_token (s, s->token_start, NULL, 0);
        break;
      case GW_SQL_LEX_SLASH:
        if (c == '*') {
          s->lex = GW_SQL_LEX_BLOCK_COMMENT;
          return;
        }
        note_token (s, s->token_start, NULL, 0);
        break;
      case GW_SQL_LEX_LINE_COMMENT:
        if (c == '\n')
          s->lex = GW_SQL_LEX_NORMAL;
        return;
      case GW_SQL_LEX_BLOCK_COMMENT:
        if (c == '*')
          s->lex = GW_SQL_LEX_BLOCK_COMMENT_STAR;
        return;
      case GW_SQL_LEX_BLOCK_COMMENT_STAR:
        if (c == '/')
          s->lex = GW_SQL_LEX_NORMAL;
        else if (c != '*')
          s->lex = GW_SQL_LEX_BLOCK_COMMENT;
        return;
      case GW_SQL_LEX_QUOTED:
        /* No backslash escapes: Flink and DuckDB only double the quote, and 'it''s' needs no
         * case of its own: closing and at once reopening finds the same ';'s. */
        if (c == s->quote)
          s->lex = GW_SQL_LEX_NORMAL;
        return;
      case GW_SQL_LEX_DOLLAR_TAG: {
        gsize tag_len = pos - s->token_start - 1;
        if (c == '$') {
          s->dollar_delim = g_strndup (s->buffer->str + s->token_start, tag_len + 2);
          s->dollar_matched = 0;
          s->lex = GW_SQL_LEX_DOLLAR_BODY;
          return;
        }
        /* A tag is an identifier; "$1" is a parameter placeholder. */
        if (is_word_start (c) && !(tag_len == 0 && g_ascii_isdigit (c)))
          return;
        break;
      }
      case GW_SQL_LEX_DOLLAR_BODY: {
        /* The tag holds no '$', so after a mismatch only a '$' can start the delimiter again. */
        if (c == s->dollar_delim[s->dollar_matched])
          s->dollar_matched++;
        else
          s->dollar_matched = c == '$' ? 1 : 0;
        if (s->dollar_delim[s->dollar_matched] == '\0') {
          g_clear_pointer (&s->dollar_delim, g_free);
          s->lex = GW_SQL_LEX_NORMAL;
        }
        return;
      }
      default:
        g_assert_not_reached ();
    }
    s->lex = GW_SQL_LEX_NORMAL;
  }
}

/* Drops the dead prefix once it is at least as long as the live rest, so each byte is moved at
 * most once on average and feeding stays linear. */
static void
compact (GwSqlSplitter *s)
{
  gsize dead = s->stmt_start;
  if (dead == 0 || dead < s->buffer->len - dead)
    return;
  g_string_erase (s->buffer, 0, (gssize) dead);
  s->stmt_start = 0;
  s->content_start = s->content_start >= dead ? s->content_start - dead : 0;
  s->token_start = s->token_start >= dead ? s->token_start - dead : 0;
}

GwSqlSplitter *
gw_sql_splitter_new (void)
{
  GwSqlSplitter *s = g_new0 (GwSqlSplitter, 1);
  s->buffer = g_string_new (NULL);
  s->complete = g_queue_new ();
  reset_lexer (s);
  reset_statement (s, 0);
  return s;
}

void
gw_sql_splitter_free (GwSqlSplitter *splitter)
{
  if (splitter == NULL)
    return;
  g_string_free (splitter->buffer, TRUE);
  g_queue_free_full (splitter->complete, g_free);
  g_free (splitter->dollar_delim);
  g_free (splitter);
}

void
gw_sql_splitter_feed (GwSqlSplitter *splitter, const char *text)
{
  g_return_if_fail (splitter != NULL);
  g_return_if_fail (text != NULL);

  compact (splitter);
  gsize from = splitter->buffer->len;
  g_string_append (splitter->buffer, text);
  for (gsize pos = from; pos < splitter->buffer->len; pos++)
    scan_byte (splitter, pos);
}

gchar *
gw_sql_splitter_next (GwSqlSplitter *splitter)
{
  g_return_val_if_fail (splitter != NULL, NULL);
  return g_queue_pop_head (splitter->complete);
}

gboolean
gw_sql_splitter_has_pending (GwSqlSplitter *splitter)
{
  g_return_val_if_fail (splitter != NULL, FALSE);
  switch (splitter->lex) {
    case GW_SQL_LEX_WORD:  /* a word, '-' or '/' is content once it ends, as it will */
    case GW_SQL_LEX_DASH:
    case GW_SQL_LEX_SLASH:
    case GW_SQL_LEX_BLOCK_COMMENT:
    case GW_SQL_LEX_BLOCK_COMMENT_STAR:
      return TRUE;
    default:
      return splitter->has_content;
  }
}

gboolean
gw_sql_splitter_in_block (GwSqlSplitter *splitter)
{
  g_return_val_if_fail (splitter != NULL, FALSE);
  return splitter->in_block;
}

gchar *
gw_sql_splitter_take_pending (GwSqlSplitter *splitter)
{
  g_return_val_if_fail (splitter != NULL, NULL);

  gchar *rest = NULL;
  if (gw_sql_splitter_has_pending (splitter)) {
    /* Without content the rest is an unterminated comment: return it all so that running it
     * reports the error instead of silently dropping the end of the script. */
    gsize start = splitter->stmt_start;
    if (splitter->has_content)
      start = splitter->content_start;
    else if (splitter->lex == GW_SQL_LEX_WORD || splitter->lex == GW_SQL_LEX_DASH ||
             splitter->lex == GW_SQL_LEX_SLASH)
      start = splitter->token_start;
    rest = g_strstrip (g_strndup (splitter->buffer->str + start, splitter->buffer->len - start));
  }
  g_string_truncate (splitter->buffer, 0);
  reset_lexer (splitter);
  reset_statement (splitter, 0);
  return rest;
}

void
gw_sql_splitter_reset (GwSqlSplitter *splitter)
{
  g_return_if_fail (splitter != NULL);
  g_string_truncate (splitter->buffer, 0);
  g_queue_clear_full (splitter->complete, g_free);
  reset_lexer (splitter);
  reset_statement (splitter, 0);
}

GPtrArray *
gw_sql_split_script (const char *script)
{
  g_return_val_if_fail (script != NULL, NULL);

  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();
  GPtrArray *statements = g_ptr_array_new_with_free_func (g_free);
  gchar *statement;

  gw_sql_splitter_feed (splitter, script);
  while ((statement = gw_sql_splitter_next (splitter)) != NULL)
    g_ptr_array_add (statements, statement);
  gchar *rest = gw_sql_splitter_take_pending (splitter);
  if (rest != NULL)
    g_ptr_array_add (statements, rest);
  return statements;
}
