/* The parsed Flink statement tree's lifecycle and questions about it: freeing, option lookup,
 * and which statements are DML or Flink-only (gw_flink_statement_is_strict()). */
#include "gw-flink-parser-private.h"

void
gw_flink_name_clear (GwFlinkName *name)
{
  g_return_if_fail (name != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (name->parts); i++)
    g_clear_pointer (&name->parts[i], g_free);
  name->n_parts = 0;
}

void
gw_flink_options_clear (GwFlinkOptions *options)
{
  g_return_if_fail (options != NULL);
  g_clear_pointer (&options->keys, g_strfreev);
  g_clear_pointer (&options->values, g_strfreev);
}

const char *
gw_flink_options_lookup (const GwFlinkOptions *options, const char *key)
{
  g_return_val_if_fail (options != NULL && key != NULL, NULL);
  if (options->keys == NULL)
    return NULL;
  for (guint i = 0; options->keys[i] != NULL; i++) {
    if (g_strcmp0 (options->keys[i], key) == 0)
      return options->values[i];
  }
  return NULL;
}

void
gw_flink_column_free (GwFlinkColumn *column)
{
  if (column == NULL)
    return;
  g_free (column->name);
  g_free (column->type);
  g_free (column->expression);
  g_free (column->comment);
  g_free (column);
}

GPtrArray *
gw_flink_columns_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gw_flink_column_free);
}

static void
like_option_free (gpointer data)
{
  GwFlinkLikeOption *option = data;
  g_free (option->feature);
  g_free (option);
}

GPtrArray *
gw_flink_like_options_new (void)
{
  return g_ptr_array_new_with_free_func (like_option_free);
}

void
gw_flink_create_table_free (GwFlinkCreateTable *table)
{
  if (table == NULL)
    return;
  gw_flink_name_clear (&table->name);
  g_clear_pointer (&table->columns, g_ptr_array_unref);
  g_strfreev (table->primary_key);
  g_free (table->constraint_name);
  g_free (table->watermark_column);
  g_free (table->watermark_expression);
  g_free (table->comment);
  g_strfreev (table->partition_keys);
  gw_flink_options_clear (&table->options);
  gw_flink_name_clear (&table->like_source);
  g_clear_pointer (&table->like_options, g_ptr_array_unref);
  g_free (table->as_query);
  g_free (table);
}

void
gw_flink_create_view_free (GwFlinkCreateView *view)
{
  if (view == NULL)
    return;
  gw_flink_name_clear (&view->name);
  g_strfreev (view->column_names);
  g_free (view->comment);
  g_free (view->query);
  g_free (view);
}

void
gw_flink_alter_table_free (GwFlinkAlterTable *alter)
{
  if (alter == NULL)
    return;
  gw_flink_name_clear (&alter->name);
  gw_flink_name_clear (&alter->new_name);
  gw_flink_options_clear (&alter->options);
  g_strfreev (alter->reset_keys);
  g_clear_pointer (&alter->columns, g_ptr_array_unref);
  g_strfreev (alter->column_names);
  g_free (alter->position_after);
  g_strfreev (alter->primary_key);
  g_free (alter->watermark_column);
  g_free (alter->watermark_expression);
  g_free (alter);
}

static void
insert_free (GwFlinkInsert *insert)
{
  if (insert == NULL)
    return;
  g_free (insert->target_text);
  gw_flink_name_clear (&insert->target);
  g_strfreev (insert->columns);
  g_free (insert->query);
  g_free (insert);
}

void
gw_flink_statement_free (GwFlinkStatement *s)
{
  if (s == NULL)
    return;
  g_free (s->text);
  g_free (s->key);
  g_free (s->value);
  gw_flink_name_clear (&s->name);
  gw_flink_name_clear (&s->from);
  g_free (s->like.pattern);
  gw_flink_options_clear (&s->options);
  g_strfreev (s->reset_keys);
  g_free (s->comment);
  g_free (s->query);
  g_clear_pointer (&s->statements, g_ptr_array_unref);
  insert_free (s->insert);
  gw_flink_create_table_free (s->create_table);
  gw_flink_create_view_free (s->create_view);
  gw_flink_alter_table_free (s->alter_table);
  g_free (s);
}

gboolean
gw_flink_statement_is_dml (const GwFlinkStatement *s)
{
  g_return_val_if_fail (s != NULL, FALSE);
  return s->kind == GW_FLINK_INSERT || s->kind == GW_FLINK_CREATE_TABLE_AS
         || s->kind == GW_FLINK_EXECUTE_STATEMENT_SET;
}

static gboolean
word_at (GArray *tokens, guint i, const char *keyword)
{
  return i < tokens->len && gw_flink_token_is_keyword (&g_array_index (tokens, GwFlinkToken, i),
                                                       keyword);
}

/* TRUE when some word of the statement is keyword and the token after it is '('. */
static gboolean
has_word_paren (GArray *tokens, const char *keyword)
{
  for (guint i = 0; i + 1 < tokens->len; i++) {
    if (word_at (tokens, i, keyword)
        && gw_flink_token_is_symbol (&g_array_index (tokens, GwFlinkToken, i + 1), '('))
      return TRUE;
  }
  return FALSE;
}

static gboolean
has_phrase (GArray *tokens, const char *first, const char *second)
{
  for (guint i = 0; i + 1 < tokens->len; i++) {
    if (word_at (tokens, i, first) && (second == NULL || word_at (tokens, i + 1, second)))
      return TRUE;
  }
  return FALSE;
}

static gboolean
any_word_at (GArray *tokens, guint i, const char *const *words)
{
  for (; *words != NULL; words++) {
    if (word_at (tokens, i, *words))
      return TRUE;
  }
  return FALSE;
}

/* A keyword check on the first words, deliberately simple: it only decides whether a parse
 * error is shown to the user or the text goes to the engine to try. */
gboolean
gw_flink_statement_is_strict (const char *sql)
{
  g_return_val_if_fail (sql != NULL, FALSE);
  static const char *const show_words[] = { "JARS", "JOBS", "CATALOGS", "CURRENT", "CREATE",
                                            "VIEWS", "COLUMNS", "FUNCTIONS", "USER", NULL };
  static const char *const object_words[] = { "CATALOG", "DATABASE", NULL };
  static const char *const describe_words[] = { "JOB", "CATALOG", NULL };
  g_autoptr (GArray) t = gw_flink_lex (sql);

  if (word_at (t, 0, "SET") || word_at (t, 0, "RESET"))
    return t->len > 1 && g_array_index (t, GwFlinkToken, 1).kind == GW_FLINK_TOKEN_STRING;
  if (word_at (t, 0, "BEGIN") || word_at (t, 0, "EXECUTE"))
    return word_at (t, 1, "STATEMENT") && word_at (t, 2, "SET");
  if (word_at (t, 0, "END"))
    return TRUE;
  if (word_at (t, 0, "ADD") || word_at (t, 0, "REMOVE"))
    return word_at (t, 1, "JAR");
  if (word_at (t, 0, "STOP"))
    return word_at (t, 1, "JOB");
  if (word_at (t, 0, "SHOW"))
    return any_word_at (t, 1, show_words);
  if (word_at (t, 0, "DESCRIBE") || word_at (t, 0, "DESC"))
    return any_word_at (t, 1, describe_words);
  if (word_at (t, 0, "USE"))
    return word_at (t, 1, "CATALOG");
  if (word_at (t, 0, "CREATE")) {
    if (any_word_at (t, 1, object_words) || word_at (t, 1, "TEMPORARY"))
      return TRUE;
    return word_at (t, 1, "TABLE")
           && (has_word_paren (t, "WITH") || has_phrase (t, "WATERMARK", NULL)
               || has_phrase (t, "NOT", "ENFORCED"));
  }
  if (word_at (t, 0, "DROP"))
    return any_word_at (t, 1, object_words);
  if (word_at (t, 0, "ALTER")) {
    if (any_word_at (t, 1, object_words))
      return TRUE;
    return word_at (t, 1, "TABLE") && (has_word_paren (t, "SET") || has_word_paren (t, "RESET"));
  }
  return FALSE;
}
