/* Flink SQL statements → GwFlinkStatement: the entry point, the gateway-level statements (SET,
 * statement sets, jars, jobs), DML, queries, catalogs, databases, SHOW, DESCRIBE and USE.
 * CREATE/ALTER TABLE and views are in gw-flink-parser-ddl.c. */
#include "gw-flink-parser-private.h"
#include "gw-sql-splitter.h"
#include "gw-error.h"

#include <string.h>

static GwFlinkStatement *parse_in (const char *sql, const char *origin, gsize origin_offset,
                                   GError **error);

#define ACCEPT_PHRASE(p, ...) gw_flink_parser_accept_phrase ((p), (const char *const[]) { __VA_ARGS__, NULL })

static gboolean
expect_end (GwFlinkParser *p)
{
  return gw_flink_parser_at_end (p) || gw_flink_parser_fail (p);
}

static gboolean
set_kind (GwFlinkStatement *s, GwFlinkStatementKind kind)
{
  s->kind = kind;
  return TRUE;
}

/* A Hive-style key: words, numbers, '.' and '-' written together ("table.dml-sync"). Returns the
 * text, or NULL without moving when the current token does not start one. */
static gchar *
hive_key (GwFlinkParser *p)
{
  guint first = p->pos;
  const GwFlinkToken *token = gw_flink_parser_peek (p, 0);
  if (token->kind != GW_FLINK_TOKEN_WORD)
    return NULL;
  for (;;) {
    const GwFlinkToken *prev = gw_flink_parser_next (p);
    const GwFlinkToken *next = gw_flink_parser_peek (p, 0);
    gboolean joins = next->start == prev->end
                     && (next->kind == GW_FLINK_TOKEN_WORD || next->kind == GW_FLINK_TOKEN_NUMBER
                         || gw_flink_token_is_symbol (next, '.')
                         || gw_flink_token_is_symbol (next, '-'));
    if (!joins)
      break;
  }
  return gw_flink_parser_text (p, first, p->pos);
}

/* SET [ 'k' = 'v' | k = v | k ]; anything else (DuckDB's SET x TO y, SET GLOBAL ...) is
 * passed through. */
static gboolean
parse_set (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (gw_flink_parser_at_end (p))
    return set_kind (s, GW_FLINK_SET_LIST);
  if (gw_flink_parser_peek (p, 0)->kind == GW_FLINK_TOKEN_STRING) {
    s->key = gw_flink_parser_string (p);
    if (!gw_flink_parser_expect_symbol (p, '=') || (s->value = gw_flink_parser_string (p)) == NULL)
      return FALSE;
    return expect_end (p) && set_kind (s, GW_FLINK_SET);
  }
  s->key = hive_key (p);
  if (s->key == NULL)
    return set_kind (s, GW_FLINK_PASSTHROUGH);
  if (gw_flink_parser_at_end (p))
    return set_kind (s, GW_FLINK_SET_SHOW);
  if (!gw_flink_parser_accept_symbol (p, '=')) {
    g_clear_pointer (&s->key, g_free);
    return set_kind (s, GW_FLINK_PASSTHROUGH);
  }
  const GwFlinkToken *token = gw_flink_parser_peek (p, 0);
  if (token->kind == GW_FLINK_TOKEN_STRING && gw_flink_parser_peek (p, 1)->kind == GW_FLINK_TOKEN_EOF)
    s->value = g_strdup (token->value);
  else
    s->value = gw_flink_parser_rest (p, p->pos);
  return set_kind (s, GW_FLINK_SET);
}

static gboolean
parse_reset (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (gw_flink_parser_at_end (p))
    return set_kind (s, GW_FLINK_RESET_ALL);
  if (gw_flink_parser_peek (p, 0)->kind == GW_FLINK_TOKEN_STRING) {
    s->key = gw_flink_parser_string (p);
    return expect_end (p) && set_kind (s, GW_FLINK_RESET);
  }
  s->key = hive_key (p);
  if (s->key == NULL || !gw_flink_parser_at_end (p)) {
    g_clear_pointer (&s->key, g_free);
    return set_kind (s, GW_FLINK_PASSTHROUGH);
  }
  return set_kind (s, GW_FLINK_RESET);
}

/* EXECUTE STATEMENT SET BEGIN s1; s2; ... END: each inner statement parsed on its own, with
 * error positions in the whole text. */
static gboolean
parse_execute_statement_set (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (!gw_flink_parser_expect_keyword (p, "BEGIN"))
    return FALSE;
  guint last = p->tokens->len - 2;
  const GwFlinkToken *begin = &g_array_index (p->tokens, GwFlinkToken, p->pos - 1);
  const GwFlinkToken *end = &g_array_index (p->tokens, GwFlinkToken, last);
  if (last < p->pos || !gw_flink_token_is_keyword (end, "END")) {
    p->pos = p->tokens->len - 1;
    return gw_flink_parser_fail (p);
  }
  g_autofree gchar *inner = g_strndup (p->sql + begin->end, end->start - begin->end);
  g_autoptr (GPtrArray) pieces = gw_sql_split_script (inner);
  s->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_flink_statement_free);
  const char *cursor = inner;
  for (guint i = 0; i < pieces->len; i++) {
    const char *piece = g_ptr_array_index (pieces, i);
    const char *at = strstr (cursor, piece);
    gsize offset = p->origin_offset + begin->end + (at != NULL ? (gsize) (at - inner) : 0);
    if (at != NULL)
      cursor = at + strlen (piece);
    GwFlinkStatement *inner_statement = parse_in (piece, p->origin, offset, &p->error);
    if (inner_statement == NULL)
      return FALSE;
    g_ptr_array_add (s->statements, inner_statement);
  }
  if (s->statements->len == 0) {
    p->pos = last;
    return gw_flink_parser_fail (p);
  }
  return set_kind (s, GW_FLINK_EXECUTE_STATEMENT_SET);
}

/* INSERT INTO|OVERWRITE [TABLE] name [(cols)] query. Static partitions are rejected: the tree has
 * no place for them and dropping them would write the rows elsewhere. */
static gboolean
parse_insert (GwFlinkParser *p, GwFlinkStatement *s)
{
  gboolean overwrite = FALSE;
  if (gw_flink_parser_accept_keyword (p, "OVERWRITE"))
    overwrite = TRUE;
  else if (!gw_flink_parser_accept_keyword (p, "INTO"))
    return set_kind (s, GW_FLINK_PASSTHROUGH); /* DuckDB: INSERT OR REPLACE ... */
  s->insert = g_new0 (GwFlinkInsert, 1);
  s->insert->overwrite = overwrite;
  gw_flink_parser_accept_keyword (p, "TABLE");
  guint first = p->pos;
  if (!gw_flink_parser_name (p, &s->insert->target, 3))
    return FALSE;
  s->insert->target_text = gw_flink_parser_text (p, first, p->pos);
  if (gw_flink_parser_at_keyword (p, 0, "PARTITION"))
    return gw_flink_parser_fail_with (p, "INSERT with a static PARTITION clause is not supported");
  if (gw_flink_parser_at_symbol (p, 0, '(') && !gw_flink_parser_at_query (p, 1)) {
    s->insert->columns = gw_flink_parser_identifier_list (p);
    if (s->insert->columns == NULL)
      return FALSE;
  }
  if (!gw_flink_parser_at_query (p, 0))
    return gw_flink_parser_fail (p);
  s->insert->query = gw_flink_parser_rest (p, p->pos);
  return set_kind (s, GW_FLINK_INSERT);
}

/* EXPLAIN [PLAN FOR | detail, ...] stmt; DuckDB's EXPLAIN ANALYZE is the engine's. */
static gboolean
parse_explain (GwFlinkParser *p, GwFlinkStatement *s)
{
  static const char *const details[] = { "ESTIMATED_COST", "CHANGELOG_MODE",
                                          "JSON_EXECUTION_PLAN", "PLAN_ADVICE" };
  if (gw_flink_parser_at_keyword (p, 0, "ANALYZE"))
    return set_kind (s, GW_FLINK_PASSTHROUGH);
  if (!ACCEPT_PHRASE (p, "PLAN", "FOR")) {
    if (gw_flink_parser_failed (p))
      return FALSE;
    gboolean listed = FALSE;
    do {
      gboolean known = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (details); i++)
        known = known || gw_flink_parser_at_keyword (p, 0, details[i]);
      if (!known) {
        if (listed)
          return gw_flink_parser_fail (p);
        break;
      }
      p->pos++;
      listed = TRUE;
    } while (gw_flink_parser_accept_symbol (p, ','));
  }
  if (gw_flink_parser_at_end (p))
    return gw_flink_parser_fail (p);
  s->query = gw_flink_parser_rest (p, p->pos);
  return set_kind (s, GW_FLINK_EXPLAIN);
}

static gboolean
parse_job_id (GwFlinkParser *p, GwFlinkStatement *s)
{
  return gw_flink_parser_expect_keyword (p, "JOB") && (s->value = gw_flink_parser_string (p)) != NULL;
}

static gboolean
parse_stop_job (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (!parse_job_id (p, s))
    return FALSE;
  if (ACCEPT_PHRASE (p, "WITH", "SAVEPOINT"))
    s->with_savepoint = TRUE;
  if (ACCEPT_PHRASE (p, "WITH", "DRAIN"))
    s->with_drain = TRUE;
  return expect_end (p) && set_kind (s, GW_FLINK_STOP_JOB);
}

static gboolean
parse_jar (GwFlinkParser *p, GwFlinkStatement *s, GwFlinkStatementKind kind)
{
  if (!gw_flink_parser_expect_keyword (p, "JAR") || (s->value = gw_flink_parser_string (p)) == NULL)
    return FALSE;
  return expect_end (p) && set_kind (s, kind);
}

static gboolean
parse_optional_comment (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (!gw_flink_parser_accept_keyword (p, "COMMENT"))
    return TRUE;
  return (s->comment = gw_flink_parser_string (p)) != NULL;
}

/* CREATE [TEMPORARY] ... after CREATE. */
static gboolean
parse_create (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (gw_flink_parser_accept_keyword (p, "CATALOG")) {
    s->if_not_exists = ACCEPT_PHRASE (p, "IF", "NOT", "EXISTS");
    if (gw_flink_parser_failed (p) || !gw_flink_parser_name (p, &s->name, 1)
        || !parse_optional_comment (p, s) || !gw_flink_parser_expect_keyword (p, "WITH")
        || !gw_flink_parser_options (p, &s->options))
      return FALSE;
    return expect_end (p) && set_kind (s, GW_FLINK_CREATE_CATALOG);
  }
  if (gw_flink_parser_accept_keyword (p, "DATABASE")) {
    s->if_not_exists = ACCEPT_PHRASE (p, "IF", "NOT", "EXISTS");
    if (gw_flink_parser_failed (p) || !gw_flink_parser_name (p, &s->name, 2)
        || !parse_optional_comment (p, s))
      return FALSE;
    if (gw_flink_parser_accept_keyword (p, "WITH") && !gw_flink_parser_options (p, &s->options))
      return FALSE;
    return expect_end (p) && set_kind (s, GW_FLINK_CREATE_DATABASE);
  }
  gboolean temporary = gw_flink_parser_accept_keyword (p, "TEMPORARY");
  if (gw_flink_parser_accept_keyword (p, "TABLE"))
    return gw_flink_parse_create_table (p, s, temporary);
  if (gw_flink_parser_accept_keyword (p, "VIEW"))
    return gw_flink_parse_create_view (p, s, temporary);
  /* CREATE OR REPLACE ..., SEQUENCE, FUNCTION, INDEX, MACRO, SCHEMA...: the engine's. */
  return set_kind (s, GW_FLINK_PASSTHROUGH);
}

static gboolean
parse_drop (GwFlinkParser *p, GwFlinkStatement *s)
{
  GwFlinkStatementKind kind;
  guint max_parts = 3;
  if (gw_flink_parser_accept_keyword (p, "CATALOG")) {
    kind = GW_FLINK_DROP_CATALOG;
    max_parts = 1;
  } else if (gw_flink_parser_accept_keyword (p, "DATABASE")) {
    kind = GW_FLINK_DROP_DATABASE;
    max_parts = 2;
  } else {
    s->temporary = gw_flink_parser_accept_keyword (p, "TEMPORARY");
    if (gw_flink_parser_accept_keyword (p, "TABLE"))
      kind = GW_FLINK_DROP_TABLE;
    else if (gw_flink_parser_accept_keyword (p, "VIEW"))
      kind = GW_FLINK_DROP_VIEW;
    else
      return set_kind (s, GW_FLINK_PASSTHROUGH);
  }
  s->if_exists = ACCEPT_PHRASE (p, "IF", "EXISTS");
  if (gw_flink_parser_failed (p) || !gw_flink_parser_name (p, &s->name, max_parts))
    return FALSE;
  if (kind == GW_FLINK_DROP_DATABASE) {
    if (gw_flink_parser_accept_keyword (p, "CASCADE"))
      s->cascade = TRUE;
    else
      gw_flink_parser_accept_keyword (p, "RESTRICT");
  }
  return expect_end (p) && set_kind (s, kind);
}

static gboolean
parse_alter (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (gw_flink_parser_accept_keyword (p, "TABLE"))
    return gw_flink_parse_alter_table (p, s);
  if (gw_flink_parser_accept_keyword (p, "DATABASE")) {
    if (!gw_flink_parser_name (p, &s->name, 2) || !gw_flink_parser_expect_keyword (p, "SET")
        || !gw_flink_parser_options (p, &s->options))
      return FALSE;
    return expect_end (p) && set_kind (s, GW_FLINK_ALTER_DATABASE);
  }
  if (!gw_flink_parser_accept_keyword (p, "CATALOG"))
    return set_kind (s, GW_FLINK_PASSTHROUGH);
  if (!gw_flink_parser_name (p, &s->name, 1))
    return FALSE;
  if (gw_flink_parser_accept_keyword (p, "SET")) {
    if (!gw_flink_parser_options (p, &s->options))
      return FALSE;
  } else if (gw_flink_parser_accept_keyword (p, "RESET")) {
    if ((s->reset_keys = gw_flink_parser_string_list (p)) == NULL)
      return FALSE;
  } else if (gw_flink_parser_at_keyword (p, 0, "COMMENT")) {
    if (!parse_optional_comment (p, s))
      return FALSE;
  } else {
    return gw_flink_parser_fail (p);
  }
  return expect_end (p) && set_kind (s, GW_FLINK_ALTER_CATALOG);
}

static gboolean
parse_use (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (gw_flink_parser_at_keyword (p, 0, "MODULES"))
    return set_kind (s, GW_FLINK_PASSTHROUGH);
  GwFlinkStatementKind kind = GW_FLINK_USE_DATABASE;
  guint max_parts = 2;
  /* "USE catalog" alone names a database called catalog. */
  if (gw_flink_parser_at_keyword (p, 0, "CATALOG")
      && gw_flink_parser_peek (p, 1)->kind != GW_FLINK_TOKEN_EOF
      && !gw_flink_parser_at_symbol (p, 1, '.')) {
    p->pos++;
    kind = GW_FLINK_USE_CATALOG;
    max_parts = 1;
  }
  if (!gw_flink_parser_name (p, &s->name, max_parts))
    return FALSE;
  return expect_end (p) && set_kind (s, kind);
}

/* [FROM|IN name] [[NOT] [I]LIKE 'p'] */
static gboolean
parse_show_filter (GwFlinkParser *p, GwFlinkStatement *s, guint max_parts)
{
  if ((gw_flink_parser_accept_keyword (p, "FROM") || gw_flink_parser_accept_keyword (p, "IN"))
      && !gw_flink_parser_name (p, &s->from, max_parts))
    return FALSE;
  return gw_flink_parser_like (p, &s->like) && expect_end (p);
}

static gboolean
parse_show (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (gw_flink_parser_accept_keyword (p, "JARS"))
    return expect_end (p) && set_kind (s, GW_FLINK_SHOW_JARS);
  if (gw_flink_parser_accept_keyword (p, "JOBS"))
    return expect_end (p) && set_kind (s, GW_FLINK_SHOW_JOBS);
  if (gw_flink_parser_accept_keyword (p, "CATALOGS"))
    return gw_flink_parser_like (p, &s->like) && expect_end (p)
           && set_kind (s, GW_FLINK_SHOW_CATALOGS);
  if (gw_flink_parser_accept_keyword (p, "CURRENT")) {
    if (gw_flink_parser_accept_keyword (p, "CATALOG"))
      return expect_end (p) && set_kind (s, GW_FLINK_SHOW_CURRENT_CATALOG);
    if (!gw_flink_parser_expect_keyword (p, "DATABASE"))
      return FALSE;
    return expect_end (p) && set_kind (s, GW_FLINK_SHOW_CURRENT_DATABASE);
  }
  if (gw_flink_parser_accept_keyword (p, "CREATE")) {
    GwFlinkStatementKind kind;
    guint max_parts = 3;
    if (gw_flink_parser_accept_keyword (p, "TABLE")) {
      kind = GW_FLINK_SHOW_CREATE_TABLE;
    } else if (gw_flink_parser_accept_keyword (p, "VIEW")) {
      kind = GW_FLINK_SHOW_CREATE_VIEW;
    } else if (gw_flink_parser_expect_keyword (p, "CATALOG")) {
      kind = GW_FLINK_SHOW_CREATE_CATALOG;
      max_parts = 1;
    } else {
      return FALSE;
    }
    return gw_flink_parser_name (p, &s->name, max_parts) && expect_end (p) && set_kind (s, kind);
  }
  if (gw_flink_parser_accept_keyword (p, "DATABASES"))
    return parse_show_filter (p, s, 1) && set_kind (s, GW_FLINK_SHOW_DATABASES);
  if (gw_flink_parser_accept_keyword (p, "TABLES"))
    return parse_show_filter (p, s, 2) && set_kind (s, GW_FLINK_SHOW_TABLES);
  if (gw_flink_parser_accept_keyword (p, "VIEWS"))
    return parse_show_filter (p, s, 2) && set_kind (s, GW_FLINK_SHOW_VIEWS);
  if (gw_flink_parser_accept_keyword (p, "COLUMNS")) {
    if (!gw_flink_parser_accept_keyword (p, "FROM") && !gw_flink_parser_expect_keyword (p, "IN"))
      return FALSE;
    return gw_flink_parser_name (p, &s->name, 3) && gw_flink_parser_like (p, &s->like)
           && expect_end (p) && set_kind (s, GW_FLINK_SHOW_COLUMNS);
  }
  s->user_only = gw_flink_parser_accept_keyword (p, "USER");
  if (gw_flink_parser_accept_keyword (p, "FUNCTIONS"))
    return parse_show_filter (p, s, 2) && set_kind (s, GW_FLINK_SHOW_FUNCTIONS);
  if (s->user_only)
    return gw_flink_parser_fail (p);
  return set_kind (s, GW_FLINK_PASSTHROUGH); /* SHOW MODULES, DuckDB's SHOW ALL TABLES, SHOW t */
}

static gboolean
parse_describe (GwFlinkParser *p, GwFlinkStatement *s)
{
  /* JOB and CATALOG are keywords only where a name could not follow: DESCRIBE job is a table. */
  const GwFlinkToken *after = gw_flink_parser_peek (p, 1);
  gboolean object = after->kind != GW_FLINK_TOKEN_EOF && !gw_flink_token_is_symbol (after, '.');
  if (object && gw_flink_parser_at_keyword (p, 0, "JOB"))
    return parse_job_id (p, s) && expect_end (p) && set_kind (s, GW_FLINK_DESCRIBE_JOB);
  if (object && gw_flink_parser_accept_keyword (p, "CATALOG")) {
    s->extended = gw_flink_parser_accept_keyword (p, "EXTENDED");
    return gw_flink_parser_name (p, &s->name, 1) && expect_end (p)
           && set_kind (s, GW_FLINK_DESCRIBE_CATALOG);
  }
  /* DESCRIBE SELECT ... and a bare DESCRIBE are DuckDB's. */
  if (gw_flink_parser_at_query (p, 0) || gw_flink_parser_at_end (p))
    return set_kind (s, GW_FLINK_PASSTHROUGH);
  if (gw_flink_parser_at_keyword (p, 0, "EXTENDED") && !gw_flink_parser_at_symbol (p, 1, '.')
      && gw_flink_parser_peek (p, 1)->kind != GW_FLINK_TOKEN_EOF) {
    p->pos++;
    s->extended = TRUE;
  }
  return gw_flink_parser_name (p, &s->name, 3) && expect_end (p)
         && set_kind (s, GW_FLINK_DESCRIBE_TABLE);
}

static gboolean
parse_statement (GwFlinkParser *p, GwFlinkStatement *s)
{
  if (gw_flink_parser_at_end (p))
    return gw_flink_parser_fail (p);
  if (gw_flink_parser_at_query (p, 0)) {
    s->query = g_strdup (s->text);
    return set_kind (s, GW_FLINK_QUERY);
  }
  const GwFlinkToken *first = gw_flink_parser_next (p);
  if (first->kind != GW_FLINK_TOKEN_WORD)
    return set_kind (s, GW_FLINK_PASSTHROUGH);
  const char *word = first->value;
  if (g_ascii_strcasecmp (word, "SET") == 0)
    return parse_set (p, s);
  if (g_ascii_strcasecmp (word, "RESET") == 0)
    return parse_reset (p, s);
  if (g_ascii_strcasecmp (word, "BEGIN") == 0) {
    if (!ACCEPT_PHRASE (p, "STATEMENT", "SET"))
      return !gw_flink_parser_failed (p) && set_kind (s, GW_FLINK_PASSTHROUGH);
    return expect_end (p) && set_kind (s, GW_FLINK_BEGIN_STATEMENT_SET);
  }
  if (g_ascii_strcasecmp (word, "END") == 0)
    return set_kind (s, gw_flink_parser_at_end (p) ? GW_FLINK_END : GW_FLINK_PASSTHROUGH);
  if (g_ascii_strcasecmp (word, "EXECUTE") == 0) {
    /* Flink's EXECUTE INSERT INTO ... is the INSERT itself. */
    if (gw_flink_parser_accept_keyword (p, "INSERT"))
      return parse_insert (p, s);
    if (!ACCEPT_PHRASE (p, "STATEMENT", "SET"))
      return !gw_flink_parser_failed (p) && set_kind (s, GW_FLINK_PASSTHROUGH);
    return parse_execute_statement_set (p, s);
  }
  if (g_ascii_strcasecmp (word, "ADD") == 0)
    return parse_jar (p, s, GW_FLINK_ADD_JAR);
  if (g_ascii_strcasecmp (word, "REMOVE") == 0)
    return parse_jar (p, s, GW_FLINK_REMOVE_JAR);
  if (g_ascii_strcasecmp (word, "STOP") == 0)
    return parse_stop_job (p, s);
  if (g_ascii_strcasecmp (word, "INSERT") == 0)
    return parse_insert (p, s);
  if (g_ascii_strcasecmp (word, "EXPLAIN") == 0)
    return parse_explain (p, s);
  if (g_ascii_strcasecmp (word, "CREATE") == 0)
    return parse_create (p, s);
  if (g_ascii_strcasecmp (word, "DROP") == 0)
    return parse_drop (p, s);
  if (g_ascii_strcasecmp (word, "ALTER") == 0)
    return parse_alter (p, s);
  if (g_ascii_strcasecmp (word, "USE") == 0)
    return parse_use (p, s);
  if (g_ascii_strcasecmp (word, "SHOW") == 0)
    return parse_show (p, s);
  if (g_ascii_strcasecmp (word, "DESCRIBE") == 0 || g_ascii_strcasecmp (word, "DESC") == 0)
    return parse_describe (p, s);
  return set_kind (s, GW_FLINK_PASSTHROUGH);
}

static GwFlinkStatement *
parse_in (const char *sql, const char *origin, gsize origin_offset, GError **error)
{
  GwFlinkParser p = { sql, origin, origin_offset, gw_flink_lex (sql), 0, NULL };
  /* A trailing ';' (and anything after it that is not a token: comments) is not the statement's. */
  gsize text_end = strlen (sql);
  guint n = p.tokens->len;
  while (n >= 2 && gw_flink_token_is_symbol (&g_array_index (p.tokens, GwFlinkToken, n - 2), ';')) {
    text_end = g_array_index (p.tokens, GwFlinkToken, n - 2).start;
    g_array_remove_index (p.tokens, n - 2);
    n--;
    GwFlinkToken *eof = &g_array_index (p.tokens, GwFlinkToken, n - 1);
    eof->start = eof->end = n >= 2 ? g_array_index (p.tokens, GwFlinkToken, n - 2).end - 1 : 0;
  }

  g_autoptr (GwFlinkStatement) s = g_new0 (GwFlinkStatement, 1);
  s->text = g_strstrip (g_strndup (sql, text_end));
  /* A phrase that matched only in part leaves an error even where the grammar goes on. */
  gboolean ok = parse_statement (&p, s) && p.error == NULL;
  if (!ok && p.error == NULL)
    gw_flink_parser_fail (&p);
  g_array_unref (p.tokens);
  if (!ok) {
    g_propagate_error (error, p.error);
    return NULL;
  }
  g_clear_error (&p.error);
  return g_steal_pointer (&s);
}

GwFlinkStatement *
gw_flink_statement_parse (const char *sql, GError **error)
{
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return parse_in (sql, sql, 0, error);
}
