/* Tests for the Flink statement parser and formatters: every statement family, error positions,
 * passthrough of engine SQL, and SHOW CREATE text that parses back to the same tree. */
#include "gw-flink-statement.h"
#include "gw-error.h"

static GwFlinkStatement *
parse (const char *sql, GwFlinkStatementKind kind)
{
  g_autoptr (GError) error = NULL;
  GwFlinkStatement *s = gw_flink_statement_parse (sql, &error);
  if (s == NULL)
    g_error ("%s: %s", sql, error->message);
  if (s->kind != kind)
    g_error ("%s: kind %d, expected %d", sql, s->kind, kind);
  return s;
}

static void
assert_error (const char *sql, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GwFlinkStatement) s = gw_flink_statement_parse (sql, &error);
  g_assert_null (s);
  g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_name (const GwFlinkName *name, const char *a, const char *b, const char *c)
{
  const char *parts[] = { a, b, c };
  guint n = c != NULL ? 3 : b != NULL ? 2 : a != NULL ? 1 : 0;
  g_assert_cmpuint (name->n_parts, ==, n);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (name->parts[i], ==, parts[i]);
}

static void
assert_strv (GStrv actual, const char *const *expected)
{
  if (expected == NULL) {
    g_assert_null (actual);
    return;
  }
  g_assert_nonnull (actual);
  g_assert_cmpstrv (actual, expected);
}

#define STRV(...) ((const char *const[]) { __VA_ARGS__, NULL })

static void
test_set (void)
{
  g_autoptr (GwFlinkStatement) list = parse ("  SET ;  ", GW_FLINK_SET_LIST);
  g_assert_cmpstr (list->text, ==, "SET");

  g_autoptr (GwFlinkStatement) quoted = parse ("set 'table.exec.state.ttl' = '1 h';", GW_FLINK_SET);
  g_assert_cmpstr (quoted->key, ==, "table.exec.state.ttl");
  g_assert_cmpstr (quoted->value, ==, "1 h");
  g_assert_cmpstr (quoted->text, ==, "set 'table.exec.state.ttl' = '1 h'");

  /* Hive style: keys with dashes and dots, the value is the rest of the text. */
  g_autoptr (GwFlinkStatement) hive = parse ("SET table.dml-sync = true", GW_FLINK_SET);
  g_assert_cmpstr (hive->key, ==, "table.dml-sync");
  g_assert_cmpstr (hive->value, ==, "true");
  g_autoptr (GwFlinkStatement) mode = parse ("SET sql-client.execution.result-mode='tableau'",
                                             GW_FLINK_SET);
  g_assert_cmpstr (mode->key, ==, "sql-client.execution.result-mode");
  g_assert_cmpstr (mode->value, ==, "tableau");
  g_autoptr (GwFlinkStatement) spaced = parse ("SET parallelism.default = 2 3 ;", GW_FLINK_SET);
  g_assert_cmpstr (spaced->value, ==, "2 3");

  g_autoptr (GwFlinkStatement) show = parse ("SET execution.runtime-mode", GW_FLINK_SET_SHOW);
  g_assert_cmpstr (show->key, ==, "execution.runtime-mode");

  g_autoptr (GwFlinkStatement) duck = parse ("SET threads TO 4", GW_FLINK_PASSTHROUGH);
  g_autoptr (GwFlinkStatement) global = parse ("SET GLOBAL threads = 4", GW_FLINK_PASSTHROUGH);
  assert_error ("SET 'a' = ", "Encountered \"<EOF>\" at line 1, column 9.");
  assert_error ("SET 'a' 'b'", "Encountered \"'b'\" at line 1, column 9.");
  g_assert_true (gw_flink_statement_is_strict ("SET 'a' 'b'"));
  g_assert_false (gw_flink_statement_is_strict ("SET threads TO 4"));
}

static void
test_reset (void)
{
  g_autoptr (GwFlinkStatement) all = parse ("RESET", GW_FLINK_RESET_ALL);
  g_autoptr (GwFlinkStatement) quoted = parse ("RESET 'a.b'", GW_FLINK_RESET);
  g_assert_cmpstr (quoted->key, ==, "a.b");
  g_autoptr (GwFlinkStatement) hive = parse ("reset table.dml-sync;", GW_FLINK_RESET);
  g_assert_cmpstr (hive->key, ==, "table.dml-sync");
  assert_error ("RESET 'a' x", "Encountered \"x\" at line 1, column 11.");
}

static void
test_statement_set (void)
{
  g_autoptr (GwFlinkStatement) begin = parse ("BEGIN STATEMENT SET;", GW_FLINK_BEGIN_STATEMENT_SET);
  g_autoptr (GwFlinkStatement) end = parse ("end;", GW_FLINK_END);
  g_autoptr (GwFlinkStatement) tx = parse ("BEGIN TRANSACTION", GW_FLINK_PASSTHROUGH);

  const char *sql = "EXECUTE STATEMENT SET\nBEGIN\n"
                    "  INSERT INTO a SELECT ';', 'END' FROM s; -- a comment; with END\n"
                    "  /* ; */ INSERT INTO `b;` VALUES (1);\n"
                    "END;";
  g_autoptr (GwFlinkStatement) set = parse (sql, GW_FLINK_EXECUTE_STATEMENT_SET);
  g_assert_true (gw_flink_statement_is_dml (set));
  g_assert_cmpuint (set->statements->len, ==, 2);
  GwFlinkStatement *first = g_ptr_array_index (set->statements, 0);
  g_assert_cmpint (first->kind, ==, GW_FLINK_INSERT);
  g_assert_cmpstr (first->insert->query, ==, "SELECT ';', 'END' FROM s");
  GwFlinkStatement *second = g_ptr_array_index (set->statements, 1);
  assert_name (&second->insert->target, "b;", NULL, NULL);
  g_assert_cmpstr (second->insert->query, ==, "VALUES (1)");

  /* Errors inside point into the whole text. */
  assert_error ("EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;\nINSERT INTO 1 VALUES (2);\nEND",
                "Encountered \"1\" at line 3, column 13.");
  assert_error ("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1;",
                "Encountered \"<EOF>\" at line 1, column 50.");
  assert_error ("EXECUTE STATEMENT SET BEGIN END",
                "Encountered \"END\" at line 1, column 29.");
  g_assert_true (gw_flink_statement_is_strict ("EXECUTE STATEMENT SET BEGIN END"));
}

static void
test_jars_and_jobs (void)
{
  g_autoptr (GwFlinkStatement) add = parse ("ADD JAR '/tmp/a b.jar'", GW_FLINK_ADD_JAR);
  g_assert_cmpstr (add->value, ==, "/tmp/a b.jar");
  g_autoptr (GwFlinkStatement) rm = parse ("REMOVE JAR 'x.jar';", GW_FLINK_REMOVE_JAR);
  g_assert_cmpstr (rm->value, ==, "x.jar");
  g_autoptr (GwFlinkStatement) jars = parse ("SHOW JARS", GW_FLINK_SHOW_JARS);
  g_autoptr (GwFlinkStatement) jobs = parse ("show jobs", GW_FLINK_SHOW_JOBS);
  g_autoptr (GwFlinkStatement) desc = parse ("DESC JOB 'abc'", GW_FLINK_DESCRIBE_JOB);
  g_assert_cmpstr (desc->value, ==, "abc");
  g_autoptr (GwFlinkStatement) stop = parse ("STOP JOB 'j1' WITH SAVEPOINT WITH DRAIN",
                                             GW_FLINK_STOP_JOB);
  g_assert_cmpstr (stop->value, ==, "j1");
  g_assert_true (stop->with_savepoint && stop->with_drain);
  g_autoptr (GwFlinkStatement) plain = parse ("STOP JOB 'j2'", GW_FLINK_STOP_JOB);
  g_assert_false (plain->with_savepoint || plain->with_drain);
  assert_error ("ADD JAR x.jar", "Encountered \"x\" at line 1, column 9.");
  assert_error ("STOP JOB 'j' WITH", "Encountered \"<EOF>\" at line 1, column 17.");
}

static void
test_insert (void)
{
  g_autoptr (GwFlinkStatement) s = parse ("INSERT INTO cat.db.`my sink` (a, `b c`)\n"
                                          "SELECT x, y FROM src;", GW_FLINK_INSERT);
  g_assert_true (gw_flink_statement_is_dml (s));
  assert_name (&s->insert->target, "cat", "db", "my sink");
  g_assert_cmpstr (s->insert->target_text, ==, "cat.db.`my sink`");
  assert_strv (s->insert->columns, STRV ("a", "b c"));
  g_assert_cmpstr (s->insert->query, ==, "SELECT x, y FROM src");
  g_assert_false (s->insert->overwrite);

  g_autoptr (GwFlinkStatement) o = parse ("INSERT OVERWRITE TABLE t (SELECT 1)", GW_FLINK_INSERT);
  g_assert_true (o->insert->overwrite);
  g_assert_null (o->insert->columns);
  g_assert_cmpstr (o->insert->query, ==, "(SELECT 1)");
  g_autoptr (GwFlinkStatement) v = parse ("insert into t values (1), (2)", GW_FLINK_INSERT);
  g_assert_cmpstr (v->insert->query, ==, "values (1), (2)");

  g_autoptr (GwFlinkStatement) duck = parse ("INSERT OR REPLACE INTO t VALUES (1)", GW_FLINK_PASSTHROUGH);
  g_autoptr (GwFlinkStatement) exec = parse ("EXECUTE INSERT INTO t SELECT 1", GW_FLINK_INSERT);
  g_assert_cmpstr (exec->insert->query, ==, "SELECT 1");
  assert_error ("INSERT INTO t PARTITION (p = 1) SELECT 1",
                "INSERT with a static PARTITION clause is not supported at line 1, "
                "column 15.");
  assert_error ("INSERT INTO t", "Encountered \"<EOF>\" at line 1, column 13.");
}

static void
test_query_and_explain (void)
{
  const char *queries[] = { "SELECT 1", "with a as (select 1) select * from a", "VALUES (1)",
                            "(SELECT 1) UNION ALL (SELECT 2)", "FROM t SELECT a", "TABLE t" };
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++) {
    g_autoptr (GwFlinkStatement) s = parse (queries[i], GW_FLINK_QUERY);
    g_assert_cmpstr (s->query, ==, queries[i]);
    g_assert_false (gw_flink_statement_is_dml (s));
  }
  g_autoptr (GwFlinkStatement) e1 = parse ("EXPLAIN SELECT 1;", GW_FLINK_EXPLAIN);
  g_assert_cmpstr (e1->query, ==, "SELECT 1");
  g_autoptr (GwFlinkStatement) e2 = parse ("explain plan for INSERT INTO t SELECT 1", GW_FLINK_EXPLAIN);
  g_assert_cmpstr (e2->query, ==, "INSERT INTO t SELECT 1");
  g_autoptr (GwFlinkStatement) e3 = parse ("EXPLAIN ESTIMATED_COST, CHANGELOG_MODE, "
                                           "JSON_EXECUTION_PLAN, PLAN_ADVICE SELECT 2", GW_FLINK_EXPLAIN);
  g_assert_cmpstr (e3->query, ==, "SELECT 2");
  g_autoptr (GwFlinkStatement) analyze = parse ("EXPLAIN ANALYZE SELECT 1", GW_FLINK_PASSTHROUGH);
  assert_error ("EXPLAIN PLAN SELECT 1", "Encountered \"SELECT\" at line 1, column 14.");
}

static void
test_catalog (void)
{
  g_autoptr (GwFlinkStatement) c = parse ("CREATE CATALOG IF NOT EXISTS `my cat` COMMENT 'x'\n"
                                          "WITH ('type' = 'generic_in_memory', 'n' = 3)",
                                          GW_FLINK_CREATE_CATALOG);
  assert_name (&c->name, "my cat", NULL, NULL);
  g_assert_true (c->if_not_exists);
  g_assert_cmpstr (c->comment, ==, "x");
  g_assert_cmpstr (gw_flink_options_lookup (&c->options, "type"), ==, "generic_in_memory");
  g_assert_cmpstr (gw_flink_options_lookup (&c->options, "n"), ==, "3");
  g_assert_null (gw_flink_options_lookup (&c->options, "TYPE"));

  g_autoptr (GwFlinkStatement) d = parse ("DROP CATALOG IF EXISTS c", GW_FLINK_DROP_CATALOG);
  g_assert_true (d->if_exists);
  g_autoptr (GwFlinkStatement) set = parse ("ALTER CATALOG c SET ('k' = 'v')", GW_FLINK_ALTER_CATALOG);
  assert_strv (set->options.keys, STRV ("k"));
  assert_strv (set->options.values, STRV ("v"));
  g_autoptr (GwFlinkStatement) reset = parse ("ALTER CATALOG c RESET ('a', 'b')", GW_FLINK_ALTER_CATALOG);
  assert_strv (reset->reset_keys, STRV ("a", "b"));
  g_autoptr (GwFlinkStatement) comment = parse ("ALTER CATALOG c COMMENT 'it''s'", GW_FLINK_ALTER_CATALOG);
  g_assert_cmpstr (comment->comment, ==, "it's");
  g_autoptr (GwFlinkStatement) use = parse ("USE CATALOG c", GW_FLINK_USE_CATALOG);
  assert_name (&use->name, "c", NULL, NULL);
  g_autoptr (GwFlinkStatement) show = parse ("SHOW CATALOGS NOT ILIKE 'x%'", GW_FLINK_SHOW_CATALOGS);
  g_assert_cmpstr (show->like.pattern, ==, "x%");
  g_assert_true (show->like.negated && show->like.case_insensitive);
  g_autoptr (GwFlinkStatement) cur = parse ("SHOW CURRENT CATALOG", GW_FLINK_SHOW_CURRENT_CATALOG);
  g_autoptr (GwFlinkStatement) desc = parse ("DESCRIBE CATALOG EXTENDED c", GW_FLINK_DESCRIBE_CATALOG);
  g_assert_true (desc->extended);
  g_autoptr (GwFlinkStatement) sc = parse ("SHOW CREATE CATALOG c", GW_FLINK_SHOW_CREATE_CATALOG);

  assert_error ("CREATE CATALOG c", "Encountered \"<EOF>\" at line 1, column 16.");
  assert_error ("CREATE CATALOG a.b WITH ()", "Encountered \"b\" at line 1, column 18.");
  assert_error ("CREATE CATALOG c WITH ('a' = 'b',)",
                "Encountered \")\" at line 1, column 34.");
  g_assert_true (gw_flink_statement_is_strict ("create catalog c"));
  g_assert_true (gw_flink_statement_is_strict ("USE CATALOG"));
}

static void
test_database (void)
{
  g_autoptr (GwFlinkStatement) c = parse ("CREATE DATABASE IF NOT EXISTS cat.db COMMENT 'd' WITH ('k'='v')",
                                          GW_FLINK_CREATE_DATABASE);
  assert_name (&c->name, "cat", "db", NULL);
  g_assert_cmpstr (c->comment, ==, "d");
  g_assert_cmpstr (gw_flink_options_lookup (&c->options, "k"), ==, "v");
  g_autoptr (GwFlinkStatement) plain = parse ("CREATE DATABASE db", GW_FLINK_CREATE_DATABASE);
  g_assert_null (plain->options.keys);
  g_autoptr (GwFlinkStatement) d = parse ("DROP DATABASE IF EXISTS db CASCADE", GW_FLINK_DROP_DATABASE);
  g_assert_true (d->if_exists && d->cascade);
  g_autoptr (GwFlinkStatement) r = parse ("DROP DATABASE c.db RESTRICT", GW_FLINK_DROP_DATABASE);
  g_assert_false (r->cascade);
  g_autoptr (GwFlinkStatement) a = parse ("ALTER DATABASE db SET ('x' = 'y')", GW_FLINK_ALTER_DATABASE);
  g_autoptr (GwFlinkStatement) use = parse ("USE `c`.db", GW_FLINK_USE_DATABASE);
  assert_name (&use->name, "c", "db", NULL);
  g_autoptr (GwFlinkStatement) use_catalog_db = parse ("use catalog", GW_FLINK_USE_DATABASE);
  g_autoptr (GwFlinkStatement) modules = parse ("USE MODULES core", GW_FLINK_PASSTHROUGH);
  g_autoptr (GwFlinkStatement) show = parse ("SHOW DATABASES IN c LIKE 'd%'", GW_FLINK_SHOW_DATABASES);
  assert_name (&show->from, "c", NULL, NULL);
  g_assert_cmpstr (show->like.pattern, ==, "d%");
  g_assert_false (show->like.negated || show->like.case_insensitive);
  g_autoptr (GwFlinkStatement) cur = parse ("SHOW CURRENT DATABASE", GW_FLINK_SHOW_CURRENT_DATABASE);
  assert_error ("USE a.b.c", "Encountered \"c\" at line 1, column 9.");
  assert_error ("DROP DATABASE", "Encountered \"<EOF>\" at line 1, column 13.");
}

static void
test_show_and_describe (void)
{
  g_autoptr (GwFlinkStatement) t = parse ("SHOW TABLES FROM c.db NOT LIKE '%x'", GW_FLINK_SHOW_TABLES);
  assert_name (&t->from, "c", "db", NULL);
  g_assert_true (t->like.negated);
  g_autoptr (GwFlinkStatement) v = parse ("SHOW VIEWS", GW_FLINK_SHOW_VIEWS);
  g_assert_cmpuint (v->from.n_parts, ==, 0);
  g_assert_null (v->like.pattern);
  g_autoptr (GwFlinkStatement) cols = parse ("SHOW COLUMNS IN db.t LIKE 'a%'", GW_FLINK_SHOW_COLUMNS);
  assert_name (&cols->name, "db", "t", NULL);
  g_autoptr (GwFlinkStatement) f = parse ("SHOW USER FUNCTIONS IN db", GW_FLINK_SHOW_FUNCTIONS);
  g_assert_true (f->user_only);
  g_autoptr (GwFlinkStatement) all = parse ("SHOW FUNCTIONS", GW_FLINK_SHOW_FUNCTIONS);
  g_assert_false (all->user_only);
  g_autoptr (GwFlinkStatement) ct = parse ("SHOW CREATE TABLE `a.b`", GW_FLINK_SHOW_CREATE_TABLE);
  assert_name (&ct->name, "a.b", NULL, NULL);
  g_autoptr (GwFlinkStatement) cv = parse ("SHOW CREATE VIEW c.d.v", GW_FLINK_SHOW_CREATE_VIEW);
  g_autoptr (GwFlinkStatement) duck = parse ("SHOW ALL TABLES", GW_FLINK_PASSTHROUGH);

  g_autoptr (GwFlinkStatement) d = parse ("DESCRIBE EXTENDED c.db.t", GW_FLINK_DESCRIBE_TABLE);
  g_assert_true (d->extended);
  assert_name (&d->name, "c", "db", "t");
  g_autoptr (GwFlinkStatement) desc = parse ("desc t;", GW_FLINK_DESCRIBE_TABLE);
  g_assert_false (desc->extended);
  g_autoptr (GwFlinkStatement) ext = parse ("DESC extended", GW_FLINK_DESCRIBE_TABLE);
  assert_name (&ext->name, "extended", NULL, NULL);
  g_autoptr (GwFlinkStatement) q = parse ("DESCRIBE SELECT 1", GW_FLINK_PASSTHROUGH);
  g_autoptr (GwFlinkStatement) job = parse ("DESCRIBE job", GW_FLINK_DESCRIBE_TABLE);
  assert_name (&job->name, "job", NULL, NULL);

  assert_error ("SHOW TABLES FROM a.b.c", "Encountered \"c\" at line 1, column 22.");
  assert_error ("SHOW COLUMNS t", "Encountered \"t\" at line 1, column 14.");
  assert_error ("SHOW CURRENT\n  TABLE", "Encountered \"TABLE\" at line 2, column 3.");
  g_assert_true (gw_flink_statement_is_strict ("SHOW CURRENT TABLE"));
  g_assert_false (gw_flink_statement_is_strict ("SHOW TABLES FROM a.b.c"));
  g_assert_true (gw_flink_statement_is_strict ("DESCRIBE JOB x"));
}

static void
test_names (void)
{
  g_autoptr (GwFlinkStatement) s = parse ("DESC `a``b`.`c d`.`e.f`", GW_FLINK_DESCRIBE_TABLE);
  assert_name (&s->name, "a`b", "c d", "e.f");
  g_autofree gchar *text = gw_flink_name_to_string (&s->name);
  g_assert_cmpstr (text, ==, "`a``b`.`c d`.`e.f`");
  GwFlinkName plain = { { g_strdup ("_a1"), g_strdup ("1a") }, 2 };
  g_autofree gchar *plain_text = gw_flink_name_to_string (&plain);
  g_assert_cmpstr (plain_text, ==, "_a1.`1a`");
  gw_flink_name_clear (&plain);
  g_assert_cmpuint (plain.n_parts, ==, 0);
  assert_error ("DESCRIBE a.b.c.d", "Encountered \"d\" at line 1, column 16.");
  assert_error ("DESCRIBE `a", "Lexical error at line 1, column 10.  Encountered: <EOF>");
}

static void
test_passthrough (void)
{
  const char *sqls[] = { "CREATE SEQUENCE s", "PRAGMA version", "COPY t TO 'x.csv'",
                         "UPDATE t SET a = 1", "DELETE FROM t", "CREATE OR REPLACE TABLE t AS SELECT 1",
                         "CREATE TEMP TABLE t (a INT)", "DROP SEQUENCE s", "ALTER VIEW v RENAME TO w",
                         "CREATE SCHEMA s", "ATTACH 'x.db'", "CHECKPOINT", "SUMMARIZE t",
                         "ALTER TABLE t ADD COLUMN c INT", "ALTER TABLE t RENAME COLUMN a TO b",
                         "EXECUTE prepared(1)" };
  for (guint i = 0; i < G_N_ELEMENTS (sqls); i++) {
    g_autoptr (GwFlinkStatement) s = parse (sqls[i], GW_FLINK_PASSTHROUGH);
    g_assert_cmpstr (s->text, ==, sqls[i]);
    g_assert_false (gw_flink_statement_is_strict (sqls[i]));
  }
  /* Looks like a Flink CREATE TABLE but is DuckDB's: an error the caller may hand to the engine. */
  g_autoptr (GError) error = NULL;
  g_assert_null (gw_flink_statement_parse ("CREATE TABLE t (a INTEGER DEFAULT 1)", &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_PARSE);
  g_assert_false (gw_flink_statement_is_strict ("CREATE TABLE t (a INTEGER DEFAULT 1)"));
  assert_error ("  ;", "Encountered \"<EOF>\" at line 1, column 1.");
}

static void
test_strict (void)
{
  const char *strict[] = { "BEGIN STATEMENT SET", "END", "REMOVE JAR", "SHOW JOBS x",
                           "SHOW USER FUNCTIONS x", "DESC CATALOG", "STOP JOB", "DROP CATALOG",
                           "ALTER DATABASE", "CREATE TEMPORARY FUNCTION f",
                           "CREATE TABLE t (a INT) WITH ('connector' = 'x'",
                           "CREATE TABLE t (ts TIMESTAMP(3), WATERMARK ts)",
                           "CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED",
                           "ALTER TABLE t SET ('a')", "ALTER TABLE t RESET (" };
  for (guint i = 0; i < G_N_ELEMENTS (strict); i++)
    g_assert_true (gw_flink_statement_is_strict (strict[i]));
  const char *loose[] = { "SELECT 1", "INSERT INTO t SELECT", "CREATE TABLE t (a INT)",
                          "ALTER TABLE t ADD COLUMN a INT", "SHOW TABLES", "DESCRIBE t", "USE db",
                          "BEGIN", "SET x = 1", "" };
  for (guint i = 0; i < G_N_ELEMENTS (loose); i++)
    g_assert_false (gw_flink_statement_is_strict (loose[i]));
}

static const GwFlinkColumn *
column (const GwFlinkStatement *s, guint i)
{
  GPtrArray *columns = s->create_table != NULL ? s->create_table->columns : s->alter_table->columns;
  g_assert_cmpuint (i, <, columns->len);
  return g_ptr_array_index (columns, i);
}

static void
test_create_table_columns (void)
{
  g_autoptr (GwFlinkStatement) s = parse (
    "CREATE TABLE IF NOT EXISTS db.`my t` (\n"
    "  id BIGINT NOT NULL COMMENT 'the id',\n"
    "  price decimal( 10 ,2 ),\n"
    "  r ROW<a INT, `b c` ARRAY<MAP<STRING,INT>>>,\n"
    "  ts TIMESTAMP(3) WITH LOCAL TIME ZONE,\n"
    "  iv INTERVAL DAY(2) TO SECOND(3),\n"
    "  l INT[ ],\n"
    "  total AS price * 2 COMMENT 'doubled',\n"
    "  m STRING METADATA FROM 'topic' VIRTUAL,\n"
    "  off BIGINT METADATA\n"
    ") COMMENT 'tc' PARTITIONED BY (id, ts) WITH ('connector' = 'datagen');",
    GW_FLINK_CREATE_TABLE);
  GwFlinkCreateTable *t = s->create_table;
  assert_name (&t->name, "db", "my t", NULL);
  assert_name (&s->name, "db", "my t", NULL);
  g_assert_true (t->if_not_exists && s->if_not_exists);
  g_assert_false (t->temporary);
  g_assert_cmpuint (t->columns->len, ==, 9);
  const char *types[] = { "BIGINT NOT NULL", "decimal(10, 2)", "ROW<a INT, `b c` ARRAY<MAP<STRING, INT>>>",
                          "TIMESTAMP(3) WITH LOCAL TIME ZONE", "INTERVAL DAY(2) TO SECOND(3)", "INT[]", NULL,
                          "STRING", "BIGINT" };
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_assert_cmpstr (column (s, i)->type, ==, types[i]);
  g_assert_cmpstr (column (s, 0)->comment, ==, "the id");
  g_assert_cmpint (column (s, 6)->kind, ==, GW_FLINK_COLUMN_COMPUTED);
  g_assert_cmpstr (column (s, 6)->expression, ==, "price * 2");
  g_assert_cmpstr (column (s, 6)->comment, ==, "doubled");
  g_assert_cmpint (column (s, 7)->kind, ==, GW_FLINK_COLUMN_METADATA);
  g_assert_cmpstr (column (s, 7)->expression, ==, "topic");
  g_assert_true (column (s, 7)->is_virtual);
  g_assert_cmpint (column (s, 8)->kind, ==, GW_FLINK_COLUMN_METADATA);
  g_assert_null (column (s, 8)->expression);
  g_assert_false (column (s, 8)->is_virtual);
  g_assert_cmpstr (t->comment, ==, "tc");
  assert_strv (t->partition_keys, STRV ("id", "ts"));
  g_assert_cmpstr (gw_flink_options_lookup (&t->options, "connector"), ==, "datagen");
  g_assert_null (t->primary_key);
  g_assert_cmpuint (t->like_source.n_parts, ==, 0);
  g_assert_null (t->as_query);
  g_assert_false (gw_flink_statement_is_dml (s));
  g_assert_true (gw_flink_statement_is_strict (s->text));
}

static void
test_create_table_watermark (void)
{
  g_autoptr (GwFlinkStatement) s = parse (
    "CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,\n"
    " CONSTRAINT pk PRIMARY KEY (a, b) NOT ENFORCED)", GW_FLINK_CREATE_TABLE);
  GwFlinkCreateTable *t = s->create_table;
  g_assert_true (t->temporary && s->temporary);
  g_assert_cmpstr (t->watermark_column, ==, "ts");
  g_assert_cmpstr (t->watermark_expression, ==, "ts - INTERVAL '5' SECOND");
  assert_strv (t->primary_key, STRV ("a", "b"));
  g_assert_cmpstr (t->constraint_name, ==, "pk");

  g_autoptr (GwFlinkStatement) f = parse ("CREATE TABLE t (ts AS f(a, (b)), WATERMARK FOR ts AS "
                                          "COALESCE(ts, NOW()))", GW_FLINK_CREATE_TABLE);
  g_assert_cmpstr (column (f, 0)->expression, ==, "f(a, (b))");
  g_assert_cmpstr (f->create_table->watermark_expression, ==, "COALESCE(ts, NOW())");
  assert_error ("CREATE TABLE t (ts INT, WATERMARK FOR ts AS)",
                "Encountered \")\" at line 1, column 44.");
}

static void
test_create_table_primary_key (void)
{
  g_autoptr (GwFlinkStatement) s = parse ("CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, b INT)",
                                          GW_FLINK_CREATE_TABLE);
  g_assert_true (column (s, 0)->primary_key);
  g_assert_false (column (s, 1)->primary_key);
  g_assert_null (s->create_table->primary_key);
  g_autoptr (GwFlinkStatement) named = parse ("CREATE TABLE t (id INT CONSTRAINT k PRIMARY KEY NOT ENFORCED)",
                                              GW_FLINK_CREATE_TABLE);
  g_assert_cmpstr (named->create_table->constraint_name, ==, "k");
  assert_error ("CREATE TABLE t (id INT PRIMARY KEY)",
                "Encountered \")\" at line 1, column 35.");
  assert_error ("CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)",
                "Duplicate primary key definition at line 1, column 49.");
}

static void
test_create_table_like_and_as (void)
{
  g_autoptr (GwFlinkStatement) like = parse (
    "CREATE TABLE t2 WITH ('a' = 'b') LIKE c.d.t (INCLUDING ALL EXCLUDING OPTIONS overwriting watermarks)",
    GW_FLINK_CREATE_TABLE);
  GwFlinkCreateTable *t = like->create_table;
  g_assert_cmpuint (t->columns->len, ==, 0);
  assert_name (&t->like_source, "c", "d", "t");
  g_assert_cmpuint (t->like_options->len, ==, 3);
  GwFlinkLikeOption *third = g_ptr_array_index (t->like_options, 2);
  g_assert_cmpint (third->strategy, ==, GW_FLINK_LIKE_OVERWRITING);
  g_assert_cmpstr (third->feature, ==, "WATERMARKS");
  g_autoptr (GwFlinkStatement) bare = parse ("CREATE TABLE t2 (x INT) LIKE t", GW_FLINK_CREATE_TABLE);
  g_assert_cmpuint (bare->create_table->like_options->len, ==, 0);

  g_autoptr (GwFlinkStatement) ctas = parse ("CREATE TABLE s WITH ('connector' = 'blackhole') AS "
                                             "SELECT * FROM t;", GW_FLINK_CREATE_TABLE_AS);
  g_assert_true (gw_flink_statement_is_dml (ctas));
  g_assert_cmpstr (ctas->create_table->as_query, ==, "SELECT * FROM t");
  g_assert_cmpstr (gw_flink_options_lookup (&ctas->create_table->options, "connector"), ==, "blackhole");
  assert_error ("CREATE TABLE t WITH ('a' = 'b')",
                "Encountered \"<EOF>\" at line 1, column 31.");
  assert_error ("CREATE TABLE t2 LIKE t (INCLUDING NOTHING)",
                "Encountered \"NOTHING\" at line 1, column 35.");
}

static void
test_create_view (void)
{
  g_autoptr (GwFlinkStatement) s = parse ("CREATE TEMPORARY VIEW IF NOT EXISTS v (a, `b`) COMMENT 'vc' AS\n"
                                          "  SELECT x, y FROM t;", GW_FLINK_CREATE_VIEW);
  GwFlinkCreateView *v = s->create_view;
  g_assert_true (v->temporary && v->if_not_exists);
  assert_strv (v->column_names, STRV ("a", "b"));
  g_assert_cmpstr (v->comment, ==, "vc");
  g_assert_cmpstr (v->query, ==, "SELECT x, y FROM t");
  g_autoptr (GwFlinkStatement) plain = parse ("CREATE VIEW v AS (SELECT 1)", GW_FLINK_CREATE_VIEW);
  g_assert_null (plain->create_view->column_names);
  assert_error ("CREATE VIEW v SELECT 1", "Encountered \"SELECT\" at line 1, column 15.");
}

static void
test_drop_table (void)
{
  g_autoptr (GwFlinkStatement) t = parse ("DROP TEMPORARY TABLE IF EXISTS c.d.t", GW_FLINK_DROP_TABLE);
  g_assert_true (t->temporary && t->if_exists);
  assert_name (&t->name, "c", "d", "t");
  g_autoptr (GwFlinkStatement) v = parse ("DROP VIEW v", GW_FLINK_DROP_VIEW);
  g_assert_false (v->temporary || v->if_exists);
  assert_error ("DROP TABLE t CASCADE", "Encountered \"CASCADE\" at line 1, column 14.");
}

static GwFlinkAlterTable *
alter (GwFlinkStatement *s, GwFlinkAlterAction action)
{
  g_assert_nonnull (s->alter_table);
  g_assert_cmpint (s->alter_table->action, ==, action);
  return s->alter_table;
}

static void
test_alter_table (void)
{
  g_autoptr (GwFlinkStatement) rename = parse ("ALTER TABLE IF EXISTS t RENAME TO db.t2", GW_FLINK_ALTER_TABLE);
  g_assert_true (alter (rename, GW_FLINK_ALTER_RENAME)->if_exists);
  assert_name (&rename->alter_table->new_name, "db", "t2", NULL);
  g_autoptr (GwFlinkStatement) set = parse ("ALTER TABLE t SET ('a' = 'b')", GW_FLINK_ALTER_TABLE);
  assert_strv (alter (set, GW_FLINK_ALTER_SET)->options.keys, STRV ("a"));
  g_autoptr (GwFlinkStatement) reset = parse ("ALTER TABLE t RESET ('a', 'b')", GW_FLINK_ALTER_TABLE);
  assert_strv (alter (reset, GW_FLINK_ALTER_RESET)->reset_keys, STRV ("a", "b"));

  g_autoptr (GwFlinkStatement) add = parse ("ALTER TABLE t ADD c DECIMAL(5,1) COMMENT 'x' AFTER b",
                                            GW_FLINK_ALTER_TABLE);
  g_assert_cmpstr (alter (add, GW_FLINK_ALTER_ADD)->position_after, ==, "b");
  g_assert_cmpstr (column (add, 0)->type, ==, "DECIMAL(5, 1)");
  g_assert_cmpstr (column (add, 0)->comment, ==, "x");
  g_autoptr (GwFlinkStatement) list = parse (
    "ALTER TABLE t ADD (d AS c + 1 FIRST, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (d) NOT ENFORCED)",
    GW_FLINK_ALTER_TABLE);
  GwFlinkAlterTable *a = alter (list, GW_FLINK_ALTER_ADD);
  g_assert_cmpuint (a->columns->len, ==, 2);
  g_assert_cmpstr (column (list, 0)->expression, ==, "c + 1");
  g_assert_true (a->position_first);
  g_assert_cmpstr (a->watermark_column, ==, "ts");
  assert_strv (a->primary_key, STRV ("d"));
  g_autoptr (GwFlinkStatement) modify = parse ("ALTER TABLE t MODIFY c STRING NOT NULL", GW_FLINK_ALTER_TABLE);
  alter (modify, GW_FLINK_ALTER_MODIFY);
  g_assert_cmpstr (column (modify, 0)->type, ==, "STRING NOT NULL");

  g_autoptr (GwFlinkStatement) drop = parse ("ALTER TABLE t DROP c", GW_FLINK_ALTER_TABLE);
  assert_strv (alter (drop, GW_FLINK_ALTER_DROP_COLUMNS)->column_names, STRV ("c"));
  g_autoptr (GwFlinkStatement) drops = parse ("ALTER TABLE t DROP (a, `b`)", GW_FLINK_ALTER_TABLE);
  assert_strv (alter (drops, GW_FLINK_ALTER_DROP_COLUMNS)->column_names, STRV ("a", "b"));
  g_autoptr (GwFlinkStatement) pk = parse ("ALTER TABLE t DROP PRIMARY KEY", GW_FLINK_ALTER_TABLE);
  alter (pk, GW_FLINK_ALTER_DROP_PRIMARY_KEY);
  g_autoptr (GwFlinkStatement) wm = parse ("ALTER TABLE t DROP WATERMARK", GW_FLINK_ALTER_TABLE);
  alter (wm, GW_FLINK_ALTER_DROP_WATERMARK);
  g_autoptr (GwFlinkStatement) col = parse ("ALTER TABLE t RENAME a TO b", GW_FLINK_ALTER_TABLE);
  assert_strv (alter (col, GW_FLINK_ALTER_RENAME_COLUMN)->column_names, STRV ("a", "b"));
  assert_error ("ALTER TABLE t ADD", "Encountered \"<EOF>\" at line 1, column 17.");
  assert_error ("ALTER TABLE t FOO", "Encountered \"FOO\" at line 1, column 15.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flink-parser/set", test_set);
  g_test_add_func ("/flink-parser/reset", test_reset);
  g_test_add_func ("/flink-parser/statement-set", test_statement_set);
  g_test_add_func ("/flink-parser/jars-and-jobs", test_jars_and_jobs);
  g_test_add_func ("/flink-parser/insert", test_insert);
  g_test_add_func ("/flink-parser/query-and-explain", test_query_and_explain);
  g_test_add_func ("/flink-parser/catalog", test_catalog);
  g_test_add_func ("/flink-parser/database", test_database);
  g_test_add_func ("/flink-parser/show-and-describe", test_show_and_describe);
  g_test_add_func ("/flink-parser/names", test_names);
  g_test_add_func ("/flink-parser/passthrough", test_passthrough);
  g_test_add_func ("/flink-parser/strict", test_strict);
  g_test_add_func ("/flink-parser/create-table/columns", test_create_table_columns);
  g_test_add_func ("/flink-parser/create-table/watermark", test_create_table_watermark);
  g_test_add_func ("/flink-parser/create-table/primary-key", test_create_table_primary_key);
  g_test_add_func ("/flink-parser/create-table/like-and-as", test_create_table_like_and_as);
  g_test_add_func ("/flink-parser/create-view", test_create_view);
  g_test_add_func ("/flink-parser/drop-table", test_drop_table);
  g_test_add_func ("/flink-parser/alter-table", test_alter_table);
  return g_test_run ();
}
