/* Tests for the Flink statement formatters: Flink's SHOW CREATE TABLE / VIEW layout, that it
 * parses back to the same tree, and backtick → double-quote rewriting for the engine. */
#include "gw-flink-statement.h"
#include "gw-flink-type.h"

static GwFlinkStatement *
parse (const char *sql)
{
  g_autoptr (GError) error = NULL;
  GwFlinkStatement *s = gw_flink_statement_parse (sql, &error);
  g_assert_no_error (error);
  return s;
}

static void
assert_same_column (const GwFlinkColumn *a, const GwFlinkColumn *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpint (a->kind, ==, b->kind);
  /* The same type, though SHOW CREATE spells it Flink's serializable way (STRING →
   * VARCHAR(2147483647)). */
  g_autoptr (GwLogicalType) ta = a->type ? gw_flink_type_parse (a->type, NULL) : NULL;
  g_autoptr (GwLogicalType) tb = b->type ? gw_flink_type_parse (b->type, NULL) : NULL;
  g_autofree gchar *sa = ta ? gw_logical_type_to_string (ta) : g_strdup (a->type);
  g_autofree gchar *sb = tb ? gw_logical_type_to_string (tb) : g_strdup (b->type);
  g_assert_cmpstr (sa, ==, sb);
  g_assert_cmpstr (a->expression, ==, b->expression);
  g_assert_cmpint (a->is_virtual, ==, b->is_virtual);
  g_assert_cmpstr (a->comment, ==, b->comment);
  g_assert_cmpint (a->primary_key, ==, b->primary_key);
}

static void
assert_same_strv (GStrv a, GStrv b)
{
  if (a == NULL || b == NULL)
    g_assert_true (a == b);
  else
    g_assert_cmpstrv (a, b);
}

/* Options compare as sets: the formatter sorts them. */
static void
assert_same_options (const GwFlinkOptions *a, const GwFlinkOptions *b)
{
  guint n = a->keys != NULL ? g_strv_length (a->keys) : 0;
  g_assert_cmpuint (n, ==, b->keys != NULL ? g_strv_length (b->keys) : 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (gw_flink_options_lookup (b, a->keys[i]), ==, a->values[i]);
}

static void
assert_same_table (const GwFlinkCreateTable *a, const GwFlinkCreateTable *b)
{
  g_assert_cmpint (a->temporary, ==, b->temporary);
  g_assert_cmpuint (a->columns->len, ==, b->columns->len);
  for (guint i = 0; i < a->columns->len; i++)
    assert_same_column (g_ptr_array_index (a->columns, i), g_ptr_array_index (b->columns, i));
  assert_same_strv (a->primary_key, b->primary_key);
  g_assert_cmpstr (a->constraint_name, ==, b->constraint_name);
  g_assert_cmpstr (a->watermark_column, ==, b->watermark_column);
  g_assert_cmpstr (a->watermark_expression, ==, b->watermark_expression);
  g_assert_cmpstr (a->comment, ==, b->comment);
  assert_same_strv (a->partition_keys, b->partition_keys);
  assert_same_options (&a->options, &b->options);
}

static const char *const orders_sql =
  "CREATE TABLE `default_catalog`.`default_database`.`orders` (\n"
  "  `user` BIGINT NOT NULL,\n"
  "  `product` VARCHAR(32) COMMENT 'the product',\n"
  "  `ts` TIMESTAMP(3),\n"
  "  `ptime` AS PROCTIME(),\n"
  "  `meta` VARCHAR(2147483647) METADATA FROM 'k' VIRTUAL,\n"
  "  WATERMARK FOR `ts` AS `ts` - INTERVAL '1' SECOND,\n"
  "  CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED\n"
  ")\n"
  "COMMENT 'table comment'\n"
  "PARTITIONED BY (`product`)\n"
  "WITH (\n"
  "  'connector' = 'datagen',\n"
  "  'number-of-rows' = '10'\n"
  ")";

static void
test_create_table_layout (void)
{
  g_autoptr (GwFlinkStatement) s = parse (
    "create table if not exists orders (user BIGINT NOT NULL,\n"
    "product VARCHAR(32) comment 'the product', ts TIMESTAMP(3), ptime AS PROCTIME(),\n"
    "meta STRING METADATA FROM 'k' VIRTUAL, PRIMARY KEY (user) NOT ENFORCED,\n"
    "WATERMARK FOR ts AS `ts` - INTERVAL '1' SECOND) COMMENT 'table comment'\n"
    "PARTITIONED BY (product) WITH ('number-of-rows' = '10', 'connector' = 'datagen');");
  GwFlinkName full = { { (gchar *) "default_catalog", (gchar *) "default_database", (gchar *) "orders" }, 3 };
  g_autofree gchar *text = gw_flink_create_table_to_sql (s->create_table, &full);
  g_assert_cmpstr (text, ==, orders_sql);

  /* It parses back to the same tree, and formats to the same text again. */
  g_autoptr (GwFlinkStatement) back = parse (text);
  g_assert_cmpint (back->kind, ==, GW_FLINK_CREATE_TABLE);
  g_assert_cmpstr (back->create_table->constraint_name, ==, "PK_user");
  g_clear_pointer (&s->create_table->constraint_name, g_free);
  s->create_table->constraint_name = g_strdup ("PK_user");
  assert_same_table (s->create_table, back->create_table);
  g_autofree gchar *again = gw_flink_create_table_to_sql (back->create_table, &full);
  g_assert_cmpstr (again, ==, text);
}

static void
test_create_table_inline_key (void)
{
  g_autoptr (GwFlinkStatement) s = parse ("CREATE TEMPORARY TABLE t (`a b` INT PRIMARY KEY NOT ENFORCED, "
                                          "c ROW<x INT, y ARRAY<STRING>> COMMENT 'it''s')");
  GwFlinkName name = { { (gchar *) "c", (gchar *) "d", (gchar *) "t" }, 3 };
  g_autofree gchar *text = gw_flink_create_table_to_sql (s->create_table, &name);
  g_assert_cmpstr (text, ==,
                   "CREATE TEMPORARY TABLE `c`.`d`.`t` (\n"
                   "  `a b` INT,\n"
                   "  `c` ROW<`x` INT, `y` ARRAY<VARCHAR(2147483647)>> COMMENT 'it''s',\n"
                   "  CONSTRAINT `PK_a b` PRIMARY KEY (`a b`) NOT ENFORCED\n"
                   ")");
  g_autoptr (GwFlinkStatement) back = parse (text);
  g_assert_cmpstrv (back->create_table->primary_key, ((const char *const[]) { "a b", NULL }));
  g_assert_false (((GwFlinkColumn *) g_ptr_array_index (back->create_table->columns, 0))->primary_key);
  g_assert_true (back->create_table->temporary);
  g_assert_null (back->create_table->options.keys);

  /* A table known only by LIKE / CTAS has no column block. */
  g_autoptr (GwFlinkStatement) empty = parse ("CREATE TABLE t WITH ('a' = 'it''s') LIKE s");
  g_autofree gchar *bare = gw_flink_create_table_to_sql (empty->create_table, &name);
  g_assert_cmpstr (bare, ==, "CREATE TABLE `c`.`d`.`t`\nWITH (\n  'a' = 'it''s'\n)");
}

static void
test_create_view (void)
{
  g_autoptr (GwFlinkStatement) s = parse ("CREATE VIEW v (a, `b``c`) COMMENT 'vc' AS SELECT `x`, y\n"
                                          "FROM t;");
  GwFlinkName name = { { (gchar *) "cat", (gchar *) "db", (gchar *) "v" }, 3 };
  g_autofree gchar *text = gw_flink_create_view_to_sql (s->create_view, &name);
  g_assert_cmpstr (text, ==,
                   "CREATE VIEW `cat`.`db`.`v` (`a`, `b``c`)\nCOMMENT 'vc'\nAS SELECT `x`, y\nFROM t");
  g_autoptr (GwFlinkStatement) back = parse (text);
  g_assert_cmpint (back->kind, ==, GW_FLINK_CREATE_VIEW);
  g_assert_cmpstrv (back->create_view->column_names, s->create_view->column_names);
  g_assert_cmpstr (back->create_view->comment, ==, "vc");
  g_assert_cmpstr (back->create_view->query, ==, s->create_view->query);

  g_autoptr (GwFlinkStatement) plain = parse ("CREATE VIEW v AS VALUES (1)");
  g_autofree gchar *plain_text = gw_flink_create_view_to_sql (plain->create_view, &name);
  g_assert_cmpstr (plain_text, ==, "CREATE VIEW `cat`.`db`.`v`\nAS VALUES (1)");
}

static void
test_sql_to_engine (void)
{
  const struct { const char *flink, *engine; } cases[] = {
    { "SELECT `a`, `a``b`, `x\"y` FROM `t`", "SELECT \"a\", \"a`b\", \"x\"\"y\" FROM \"t\"" },
    { "SELECT '`a`', 'it''s `x`' -- `c`\n, \"`d`\" /* `e` */ FROM t",
      "SELECT '`a`', 'it''s `x`' -- `c`\n, \"`d`\" /* `e` */ FROM t" },
    { "SELECT 1", "SELECT 1" },
    { "", "" },
    { "SELECT `open", "SELECT \"open\"" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree gchar *out = gw_flink_sql_to_engine (cases[i].flink);
    g_assert_cmpstr (out, ==, cases[i].engine);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flink-format/create-table/layout", test_create_table_layout);
  g_test_add_func ("/flink-format/create-table/inline-key", test_create_table_inline_key);
  g_test_add_func ("/flink-format/create-view", test_create_view);
  g_test_add_func ("/flink-format/sql-to-engine", test_sql_to_engine);
  return g_test_run ();
}
