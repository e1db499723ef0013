/* SQL script splitting: statement boundaries under Flink/DuckDB quoting, comments, dollar quotes
 * and EXECUTE STATEMENT SET blocks, fed at once, line by line and byte by byte. */
#include "gw-sql-splitter.h"

#include <string.h>

/* Feeds script in pieces of at most chunk bytes (0: all at once) and collects what a CLI would
 * run: every statement next() returns after each feed, then the pending rest. */
static GPtrArray *
split_in_chunks (const char *script, gsize chunk)
{
  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();
  GPtrArray *statements = g_ptr_array_new_with_free_func (g_free);
  gsize len = strlen (script);
  gchar *statement;

  if (chunk == 0)
    chunk = MAX (len, 1);
  for (gsize at = 0; at < len; at += chunk) {
    g_autofree gchar *piece = g_strndup (script + at, MIN (chunk, len - at));
    gw_sql_splitter_feed (splitter, piece);
    while ((statement = gw_sql_splitter_next (splitter)) != NULL)
      g_ptr_array_add (statements, statement);
  }
  statement = gw_sql_splitter_take_pending (splitter);
  if (statement != NULL)
    g_ptr_array_add (statements, statement);
  return statements;
}

static void
assert_statements (GPtrArray *actual, const char *const *expected)
{
  guint n = g_strv_length ((gchar **) expected);
  for (guint i = 0; i < MIN (actual->len, n); i++)
    g_assert_cmpstr (g_ptr_array_index (actual, i), ==, expected[i]);
  g_assert_cmpuint (actual->len, ==, n);
}

/* The same script must split the same way however it is cut into feeds: the scanner state has
 * to carry every token across a feed boundary. */
static void
assert_split (const char *script, const char *const *expected)
{
  g_autoptr (GPtrArray) whole = gw_sql_split_script (script);
  assert_statements (whole, expected);
  for (gsize chunk = 1; chunk <= 3; chunk++) {
    g_autoptr (GPtrArray) pieces = split_in_chunks (script, chunk);
    assert_statements (pieces, expected);
  }
}

#define SPLIT(script, ...) \
  G_STMT_START { \
    const char *const expected_[] = { __VA_ARGS__, NULL }; \
    assert_split ((script), expected_); \
  } G_STMT_END

static void
test_simple (void)
{
  SPLIT ("SELECT 1;\nSELECT 2;\n", "SELECT 1", "SELECT 2");
  SPLIT ("  SELECT 1  ;  ", "SELECT 1");
}

static void
test_one_line (void)
{
  SPLIT ("SELECT 1; SELECT 'a' ;SELECT 3;", "SELECT 1", "SELECT 'a'", "SELECT 3");
  SPLIT ("SELECT 4/2; SELECT 1 - -2;SELECT 3-1;", "SELECT 4/2", "SELECT 1 - -2", "SELECT 3-1");
}

static void
test_line_by_line (void)
{
  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();

  g_assert_false (gw_sql_splitter_has_pending (splitter));
  gw_sql_splitter_feed (splitter, "SELECT a,\n");
  g_assert_null (gw_sql_splitter_next (splitter));
  g_assert_true (gw_sql_splitter_has_pending (splitter));
  gw_sql_splitter_feed (splitter, "  b FROM t\n");
  g_assert_null (gw_sql_splitter_next (splitter));
  g_assert_true (gw_sql_splitter_has_pending (splitter));
  gw_sql_splitter_feed (splitter, "WHERE x = 1; SELECT\n");

  g_autofree gchar *first = gw_sql_splitter_next (splitter);
  g_assert_cmpstr (first, ==, "SELECT a,\n  b FROM t\nWHERE x = 1");
  g_assert_null (gw_sql_splitter_next (splitter));
  g_assert_true (gw_sql_splitter_has_pending (splitter));

  gw_sql_splitter_feed (splitter, "2;\n");
  g_autofree gchar *second = gw_sql_splitter_next (splitter);
  g_assert_cmpstr (second, ==, "SELECT\n2");
  g_assert_false (gw_sql_splitter_has_pending (splitter));
  g_assert_null (gw_sql_splitter_take_pending (splitter));
}

static void
test_quotes (void)
{
  SPLIT ("SELECT ';', \"a;b\", `c;d` FROM t; SELECT 2;",
         "SELECT ';', \"a;b\", `c;d` FROM t", "SELECT 2");
  /* A quote of one kind inside another kind does not close or open anything. */
  SPLIT ("SELECT '\"`;', \"'`;\", `'\";`;", "SELECT '\"`;', \"'`;\", `'\";`");
}

static void
test_doubled_quotes (void)
{
  SPLIT ("SELECT 'it''s;', \"a\"\";b\", `c``;d`; SELECT 2;",
         "SELECT 'it''s;', \"a\"\";b\", `c``;d`", "SELECT 2");
  /* A backslash escapes nothing, so 'x\' is a whole string and the ';' after it ends the
   * statement. */
  SPLIT ("SELECT 'x\\'; SELECT '''';", "SELECT 'x\\'", "SELECT ''''");
}

static void
test_comments (void)
{
  SPLIT ("SELECT 1 -- not; the end\n, 2 /* nor; this */ FROM t;",
         "SELECT 1 -- not; the end\n, 2 /* nor; this */ FROM t");
  SPLIT ("SELECT 1--c;\n;SELECT 2 /*/;*/;", "SELECT 1--c;", "SELECT 2 /*/;*/");
  SPLIT ("SELECT /* x **/ 1; SELECT 2;", "SELECT /* x **/ 1", "SELECT 2");
  /* Block comments do not nest (Flink): the first close ends it. */
  SPLIT ("SELECT /* a /* b */ 1; SELECT 2 */ 3;", "SELECT /* a /* b */ 1", "SELECT 2 */ 3");
}

static void
test_dollar_quotes (void)
{
  SPLIT ("SELECT $$a;b$$; SELECT $fn$ x; $$ ; $fn$ AS y;",
         "SELECT $$a;b$$", "SELECT $fn$ x; $$ ; $fn$ AS y");
  /* A near miss of the closing tag does not close it, nor hide a real close right after it. */
  SPLIT ("SELECT $t$ $t ; $$t$; SELECT 2;", "SELECT $t$ $t ; $$t$", "SELECT 2");
  /* $1 is a parameter and a$$b an identifier: no dollar quote opens. */
  SPLIT ("SELECT $1; SELECT a$$b; SELECT 3;", "SELECT $1", "SELECT a$$b", "SELECT 3");
}

static void
test_unterminated_string (void)
{
  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();

  gw_sql_splitter_feed (splitter, "SELECT 'abc;\n");
  g_assert_null (gw_sql_splitter_next (splitter));
  g_assert_true (gw_sql_splitter_has_pending (splitter));
  gw_sql_splitter_feed (splitter, "def';\n");
  g_autofree gchar *statement = gw_sql_splitter_next (splitter);
  g_assert_cmpstr (statement, ==, "SELECT 'abc;\ndef'");
  g_assert_false (gw_sql_splitter_has_pending (splitter));

  SPLIT ("SELECT 1; SELECT 'oops;\n", "SELECT 1", "SELECT 'oops;");
  SPLIT ("SELECT \"oops; SELECT 2;", "SELECT \"oops; SELECT 2;");
}

static void
test_empty_statements (void)
{
  SPLIT (";;  ; SELECT 1;; -- c\n; /* x */ ;\n", "SELECT 1");

  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();
  gw_sql_splitter_feed (splitter, ";\n");
  gw_sql_splitter_feed (splitter, "/* only a comment */ ;\n");
  g_assert_null (gw_sql_splitter_next (splitter));
  g_assert_false (gw_sql_splitter_has_pending (splitter));
}

static void
test_comment_only (void)
{
  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();

  gw_sql_splitter_feed (splitter, "-- just a comment; really\n");
  gw_sql_splitter_feed (splitter, "/* and ; another */\n");
  gw_sql_splitter_feed (splitter, "-- last line without newline");
  g_assert_null (gw_sql_splitter_next (splitter));
  g_assert_false (gw_sql_splitter_has_pending (splitter));
  g_assert_null (gw_sql_splitter_take_pending (splitter));

  g_autoptr (GPtrArray) none = gw_sql_split_script ("-- a\n/* b */\n\n");
  g_assert_cmpuint (none->len, ==, 0);

  /* An open block comment swallows what follows, so the CLI must keep prompting, and a script
   * ending inside one hands it on (to fail loudly) rather than drop it. */
  gw_sql_splitter_feed (splitter, "/* open\n");
  g_assert_true (gw_sql_splitter_has_pending (splitter));
  gw_sql_splitter_feed (splitter, "SELECT 1;\n");
  g_assert_null (gw_sql_splitter_next (splitter));
  g_autofree gchar *rest = gw_sql_splitter_take_pending (splitter);
  g_assert_cmpstr (rest, ==, "/* open\nSELECT 1;");
  g_assert_false (gw_sql_splitter_has_pending (splitter));
}

static const char statement_set_script[] =
  "EXECUTE STATEMENT SET\n"
  "BEGIN\n"
  "  INSERT INTO a SELECT x FROM s;\n"
  "  INSERT INTO b SELECT CASE WHEN y > 0 THEN 'pos' ELSE 'neg' END FROM s;\n"
  "  INSERT INTO c SELECT CASE WHEN y > 0 THEN 1 END;\n"
  "END;\n"
  "SELECT 1;\n";

static const char statement_set_text[] =
  "EXECUTE STATEMENT SET\n"
  "BEGIN\n"
  "  INSERT INTO a SELECT x FROM s;\n"
  "  INSERT INTO b SELECT CASE WHEN y > 0 THEN 'pos' ELSE 'neg' END FROM s;\n"
  "  INSERT INTO c SELECT CASE WHEN y > 0 THEN 1 END;\n"
  "END";

static void
test_statement_set_block (void)
{
  SPLIT (statement_set_script, statement_set_text, "SELECT 1");

  /* Fed line by line, as the CLI does: the block stays open, and says so, until END;. */
  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();
  g_auto (GStrv) lines = g_strsplit (statement_set_script, "\n", -1);
  for (guint i = 0; i < 5; i++) {
    g_autofree gchar *line = g_strconcat (lines[i], "\n", NULL);
    gw_sql_splitter_feed (splitter, line);
    g_assert_null (gw_sql_splitter_next (splitter));
    g_assert_true (gw_sql_splitter_has_pending (splitter));
    g_assert_cmpint (gw_sql_splitter_in_block (splitter), ==, i >= 1);
  }
  gw_sql_splitter_feed (splitter, "END;\n");
  g_assert_false (gw_sql_splitter_in_block (splitter));
  g_assert_false (gw_sql_splitter_has_pending (splitter));
  g_autofree gchar *block = gw_sql_splitter_next (splitter);
  g_assert_cmpstr (block, ==, statement_set_text);
  g_assert_null (gw_sql_splitter_next (splitter));
}

static void
test_statement_set_keywords (void)
{
  /* Any case, any whitespace or comments between the keywords; END closes before a comment. */
  SPLIT ("execute /* c */ statement\n-- x\nset\tBegin insert into a values (1); end -- done\n;"
         "SELECT 2;",
         "execute /* c */ statement\n-- x\nset\tBegin insert into a values (1); end -- done",
         "SELECT 2");
  /* END inside quotes, as an identifier or inside a longer word does not close the block. */
  SPLIT ("EXECUTE STATEMENT SET BEGIN INSERT INTO t SELECT x AS \"END\"; "
         "INSERT INTO u SELECT 'END'; INSERT INTO v SELECT `end`, legend, en; END; SELECT 3;",
         "EXECUTE STATEMENT SET BEGIN INSERT INTO t SELECT x AS \"END\"; "
         "INSERT INTO u SELECT 'END'; INSERT INTO v SELECT `end`, legend, en; END",
         "SELECT 3");
  /* An inner statement that leaves a CASE open (a typo) does not swallow the block's END. */
  SPLIT ("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT CASE x; END; SELECT 2;",
         "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT CASE x; END", "SELECT 2");
  /* END at the end of a script closes the block without ';'. */
  SPLIT ("EXECUTE STATEMENT SET BEGIN INSERT INTO a VALUES (1); END",
         "EXECUTE STATEMENT SET BEGIN INSERT INTO a VALUES (1); END");
  /* The keywords open a block only as the first words of a statement. */
  SPLIT ("SELECT x execute statement set begin; SELECT 2; END;",
         "SELECT x execute statement set begin", "SELECT 2", "END");
  /* Not the full prefix (DuckDB's EXECUTE of a prepared statement, a quoted keyword): no block. */
  SPLIT ("EXECUTE p(1); EXECUTE STATEMENT SET; \"EXECUTE\" STATEMENT SET BEGIN x; END;",
         "EXECUTE p(1)", "EXECUTE STATEMENT SET", "\"EXECUTE\" STATEMENT SET BEGIN x", "END");
}

static void
test_begin_statement_set (void)
{
  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();
  gw_sql_splitter_feed (splitter, "BEGIN STATEMENT SET;\n");
  g_assert_false (gw_sql_splitter_in_block (splitter));
  g_assert_false (gw_sql_splitter_has_pending (splitter));

  SPLIT ("BEGIN STATEMENT SET;\nINSERT INTO a VALUES (1);\nEND;\n",
         "BEGIN STATEMENT SET", "INSERT INTO a VALUES (1)", "END");
}

static void
test_transactions (void)
{
  SPLIT ("BEGIN TRANSACTION;\nINSERT INTO a VALUES (1);\nCOMMIT;\nBEGIN;\nSELECT 1;\nEND;",
         "BEGIN TRANSACTION", "INSERT INTO a VALUES (1)", "COMMIT", "BEGIN", "SELECT 1", "END");
}

static void
test_script_trailing (void)
{
  SPLIT ("SELECT 1;\nSELECT 2\n  \n", "SELECT 1", "SELECT 2");
  SPLIT ("SELECT 1;\n-- trailing comment only\n", "SELECT 1");
  SPLIT ("SELECT 1;\n-- leading\nSELECT 3 -- trailing", "SELECT 1", "SELECT 3 -- trailing");
  SPLIT ("SELECT 1; -", "SELECT 1", "-");
  SPLIT ("SELECT 1; x", "SELECT 1", "x");
}

static void
test_unicode (void)
{
  /* Multi-byte characters pass through byte for byte, even when fed one byte at a time. */
  SPLIT ("SELECT 'h\xc3\xa9llo; \xe4\xb8\x96\xe7\x95\x8c', \"\xe5\x88\x97\" FROM t\xc3\xa9;\n"
         "SELECT '\xf0\x9f\x98\x80'",
         "SELECT 'h\xc3\xa9llo; \xe4\xb8\x96\xe7\x95\x8c', \"\xe5\x88\x97\" FROM t\xc3\xa9",
         "SELECT '\xf0\x9f\x98\x80'");
}

static void
test_leading_comment (void)
{
  SPLIT ("-- create the table\nCREATE TABLE t (a INT);\n/* c */ SELECT /* keep */ 1;",
         "CREATE TABLE t (a INT)", "SELECT /* keep */ 1");
  SPLIT ("SELECT 1; -- about the next one\n  -- and more\nSELECT 2;", "SELECT 1", "SELECT 2");
}

static void
test_reset (void)
{
  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();
  gw_sql_splitter_feed (splitter, "SELECT 1; EXECUTE STATEMENT SET BEGIN SELECT '");
  g_assert_true (gw_sql_splitter_in_block (splitter));
  gw_sql_splitter_reset (splitter);
  g_assert_false (gw_sql_splitter_in_block (splitter));
  g_assert_false (gw_sql_splitter_has_pending (splitter));
  g_assert_null (gw_sql_splitter_next (splitter));

  gw_sql_splitter_feed (splitter, "SELECT 2;");
  g_autofree gchar *statement = gw_sql_splitter_next (splitter);
  g_assert_cmpstr (statement, ==, "SELECT 2");
}

/* Linear work: a splitter that re-lexes the buffer on every feed (100000 feeds into a 5 MB block)
 * would take minutes here and hit the test timeout; this takes milliseconds. */
static void
test_linear (void)
{
  const guint n = 100000;
  g_autoptr (GwSqlSplitter) splitter = gw_sql_splitter_new ();

  gw_sql_splitter_feed (splitter, "EXECUTE STATEMENT SET BEGIN\n");
  for (guint i = 0; i < n; i++)
    gw_sql_splitter_feed (splitter, "INSERT INTO t VALUES (CASE WHEN a THEN 1 END);\n");
  g_assert_null (gw_sql_splitter_next (splitter));
  gw_sql_splitter_feed (splitter, "END;\n");
  g_autofree gchar *block = gw_sql_splitter_next (splitter);
  g_assert_nonnull (block);
  g_assert_cmpuint (strlen (block), ==, strlen ("EXECUTE STATEMENT SET BEGIN\n") +
                    n * strlen ("INSERT INTO t VALUES (CASE WHEN a THEN 1 END);\n") + 3);

  g_autoptr (GString) script = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (script, "SELECT %u;\n", i);
  g_autoptr (GPtrArray) statements = gw_sql_split_script (script->str);
  g_assert_cmpuint (statements->len, ==, n);
  g_assert_cmpstr (g_ptr_array_index (statements, n - 1), ==, "SELECT 99999");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sql-splitter/simple", test_simple);
  g_test_add_func ("/sql-splitter/one-line", test_one_line);
  g_test_add_func ("/sql-splitter/line-by-line", test_line_by_line);
  g_test_add_func ("/sql-splitter/quotes", test_quotes);
  g_test_add_func ("/sql-splitter/doubled-quotes", test_doubled_quotes);
  g_test_add_func ("/sql-splitter/comments", test_comments);
  g_test_add_func ("/sql-splitter/dollar-quotes", test_dollar_quotes);
  g_test_add_func ("/sql-splitter/unterminated-string", test_unterminated_string);
  g_test_add_func ("/sql-splitter/empty-statements", test_empty_statements);
  g_test_add_func ("/sql-splitter/comment-only", test_comment_only);
  g_test_add_func ("/sql-splitter/statement-set-block", test_statement_set_block);
  g_test_add_func ("/sql-splitter/statement-set-keywords", test_statement_set_keywords);
  g_test_add_func ("/sql-splitter/begin-statement-set", test_begin_statement_set);
  g_test_add_func ("/sql-splitter/transactions", test_transactions);
  g_test_add_func ("/sql-splitter/script-trailing", test_script_trailing);
  g_test_add_func ("/sql-splitter/unicode", test_unicode);
  g_test_add_func ("/sql-splitter/leading-comment", test_leading_comment);
  g_test_add_func ("/sql-splitter/reset", test_reset);
  g_test_add_func ("/sql-splitter/linear", test_linear);
  return g_test_run ();
}
