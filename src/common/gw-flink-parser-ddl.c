/* The Flink statement parser's DDL part: CREATE TABLE (columns, computed and metadata columns,
 * primary keys, watermarks, LIKE, CTAS), CREATE VIEW and ALTER TABLE. */
#include "gw-flink-parser-private.h"

#include <string.h>

/* The statement's own name mirrors the table's or view's, for callers that only want the object. */
static void
copy_name (GwFlinkName *to, const GwFlinkName *from)
{
  gw_flink_name_clear (to);
  for (guint i = 0; i < from->n_parts; i++)
    to->parts[i] = g_strdup (from->parts[i]);
  to->n_parts = from->n_parts;
}

/* Where the elements of a column list go: CREATE TABLE's own fields, or ALTER TABLE ADD/MODIFY's
 * (which has no constraint name, but a position). */
typedef struct {
  GPtrArray *columns;           /* borrowed */
  GStrv     *primary_key;
  gchar    **constraint_name;   /* NULL: the name is dropped */
  gchar    **watermark_column;
  gchar    **watermark_expression;
  gchar    **position_after;    /* NULL: FIRST / AFTER are not allowed */
  gboolean  *position_first;
} GwFlinkElements;

/* Words that end a column's type: Flink's column clauses, ALTER's position, and the clauses of
 * other SQL dialects, which then fail to parse here and go to the engine. */
static const char *const type_stop_words[] = {
  "COMMENT", "PRIMARY", "METADATA", "CONSTRAINT", "FIRST", "AFTER",
  "DEFAULT", "CHECK", "REFERENCES", "UNIQUE", "GENERATED", "COLLATE", NULL
};

static gboolean
at_any_keyword (GwFlinkParser *p, const char *const *words)
{
  for (; *words != NULL; words++) {
    if (gw_flink_parser_at_keyword (p, 0, *words))
      return TRUE;
  }
  return FALSE;
}

static gboolean
glues_left (const GwFlinkToken *prev, const GwFlinkToken *token)
{
  if (gw_flink_token_is_symbol (token, ')') || gw_flink_token_is_symbol (token, '>')
      || gw_flink_token_is_symbol (token, ',') || gw_flink_token_is_symbol (token, '[')
      || gw_flink_token_is_symbol (token, ']') || gw_flink_token_is_symbol (prev, '(')
      || gw_flink_token_is_symbol (prev, '<') || gw_flink_token_is_symbol (prev, '['))
    return TRUE;
  /* DECIMAL(10, 2), ARRAY<INT>: no space between the type name and its parameters. */
  return (gw_flink_token_is_symbol (token, '(') || gw_flink_token_is_symbol (token, '<'))
         && (prev->kind == GW_FLINK_TOKEN_WORD || prev->kind == GW_FLINK_TOKEN_IDENTIFIER);
}

/* A column type: the balanced token run up to a column clause or ',' / ')' at depth 0, written
 * back with single spaces ("DECIMAL(10, 2) NOT NULL", "ROW<a INT, b STRING>"). */
static gchar *
column_type (GwFlinkParser *p)
{
  GString *type = g_string_new (NULL);
  int depth = 0;
  const GwFlinkToken *prev = NULL;
  for (;;) {
    const GwFlinkToken *token = gw_flink_parser_peek (p, 0);
    if (token->kind == GW_FLINK_TOKEN_EOF || token->kind == GW_FLINK_TOKEN_UNTERMINATED)
      break;
    if (depth == 0 && (gw_flink_token_is_symbol (token, ',') || gw_flink_token_is_symbol (token, ')')
                       || gw_flink_token_is_symbol (token, ';') || at_any_keyword (p, type_stop_words)))
      break;
    if (gw_flink_token_is_symbol (token, '(') || gw_flink_token_is_symbol (token, '<'))
      depth++;
    else if (gw_flink_token_is_symbol (token, ')') || gw_flink_token_is_symbol (token, '>'))
      depth--;
    if (prev != NULL && !glues_left (prev, token))
      g_string_append_c (type, ' ');
    g_string_append_len (type, p->sql + token->start, token->end - token->start);
    prev = token;
    p->pos++;
  }
  if (type->len == 0 || depth != 0) {
    gw_flink_parser_fail (p);
    g_string_free (type, TRUE);
    return NULL;
  }
  return g_string_free (type, FALSE);
}

/* An expression as written: the token run up to ',' or ')' at depth 0 (or a column clause when
 * stop_words is given). */
static gchar *
expression (GwFlinkParser *p, const char *const *stop_words)
{
  guint first = p->pos;
  int depth = 0;
  for (;;) {
    const GwFlinkToken *token = gw_flink_parser_peek (p, 0);
    if (token->kind == GW_FLINK_TOKEN_EOF || token->kind == GW_FLINK_TOKEN_UNTERMINATED)
      break;
    if (depth == 0 && (gw_flink_token_is_symbol (token, ',') || gw_flink_token_is_symbol (token, ')')
                       || (stop_words != NULL && at_any_keyword (p, stop_words))))
      break;
    if (gw_flink_token_is_symbol (token, '(') || gw_flink_token_is_symbol (token, '['))
      depth++;
    else if (gw_flink_token_is_symbol (token, ')') || gw_flink_token_is_symbol (token, ']'))
      depth--;
    p->pos++;
  }
  if (p->pos == first) {
    gw_flink_parser_fail (p);
    return NULL;
  }
  return gw_flink_parser_text (p, first, p->pos);
}

/* start: the clause's first token, where a duplicate is reported. */
static gboolean
set_primary_key (GwFlinkParser *p, GwFlinkElements *e, GStrv columns, gchar *name, guint start)
{
  gboolean inline_key = FALSE;
  for (guint i = 0; i < e->columns->len; i++)
    inline_key = inline_key || ((GwFlinkColumn *) g_ptr_array_index (e->columns, i))->primary_key;
  if (*e->primary_key != NULL || inline_key) {
    g_strfreev (columns);
    g_free (name);
    p->pos = start;
    return gw_flink_parser_fail_with (p, "Duplicate primary key definition");
  }
  *e->primary_key = columns;
  if (e->constraint_name != NULL)
    *e->constraint_name = name;
  else
    g_free (name);
  return TRUE;
}

/* [CONSTRAINT name] PRIMARY KEY [(cols)] NOT ENFORCED; *name is set when CONSTRAINT was there. */
static gboolean
primary_key_clause (GwFlinkParser *p, gboolean with_columns, gchar **name, GStrv *columns)
{
  if (gw_flink_parser_accept_keyword (p, "CONSTRAINT") && (*name = gw_flink_parser_identifier (p)) == NULL)
    return FALSE;
  if (!gw_flink_parser_expect_keyword (p, "PRIMARY") || !gw_flink_parser_expect_keyword (p, "KEY"))
    return FALSE;
  if (with_columns && (*columns = gw_flink_parser_identifier_list (p)) == NULL)
    return FALSE;
  /* Flink does not own the data, so NOT ENFORCED is the only mode it accepts. */
  return gw_flink_parser_expect_keyword (p, "NOT") && gw_flink_parser_expect_keyword (p, "ENFORCED");
}

static gboolean
column_definition (GwFlinkParser *p, GwFlinkElements *e)
{
  static const char *const computed_stop[] = { "COMMENT", "FIRST", "AFTER", NULL };
  GwFlinkColumn *column = g_new0 (GwFlinkColumn, 1);
  g_ptr_array_add (e->columns, column); /* owned by the tree from here, even on failure */
  if ((column->name = gw_flink_parser_identifier (p)) == NULL)
    return FALSE;
  if (gw_flink_parser_accept_keyword (p, "AS")) {
    column->kind = GW_FLINK_COLUMN_COMPUTED;
    if ((column->expression = expression (p, computed_stop)) == NULL)
      return FALSE;
  } else if ((column->type = column_type (p)) == NULL) {
    return FALSE;
  }
  for (;;) {
    if (column->kind == GW_FLINK_COLUMN_PHYSICAL && gw_flink_parser_accept_keyword (p, "METADATA")) {
      column->kind = GW_FLINK_COLUMN_METADATA;
      if (gw_flink_parser_accept_keyword (p, "FROM")
          && (column->expression = gw_flink_parser_string (p)) == NULL)
        return FALSE;
      column->is_virtual = gw_flink_parser_accept_keyword (p, "VIRTUAL");
    } else if (gw_flink_parser_at_keyword (p, 0, "CONSTRAINT")
               || gw_flink_parser_at_keyword (p, 0, "PRIMARY")) {
      g_autofree gchar *name = NULL;
      guint start = p->pos;
      if (!primary_key_clause (p, FALSE, &name, NULL))
        return FALSE;
      column->primary_key = FALSE; /* not yet: set_primary_key looks for other inline keys */
      if (!set_primary_key (p, e, NULL, g_steal_pointer (&name), start))
        return FALSE;
      column->primary_key = TRUE;
    } else if (gw_flink_parser_accept_keyword (p, "COMMENT")) {
      g_free (column->comment);
      if ((column->comment = gw_flink_parser_string (p)) == NULL)
        return FALSE;
    } else {
      return TRUE;
    }
  }
}

static gboolean
table_element (GwFlinkParser *p, GwFlinkElements *e)
{
  if (gw_flink_parser_at_keyword (p, 0, "CONSTRAINT")
      || (gw_flink_parser_at_keyword (p, 0, "PRIMARY") && gw_flink_parser_at_keyword (p, 1, "KEY"))) {
    gchar *name = NULL;
    GStrv columns = NULL;
    guint start = p->pos;
    if (!primary_key_clause (p, TRUE, &name, &columns)) {
      g_free (name);
      g_strfreev (columns);
      return FALSE;
    }
    return set_primary_key (p, e, columns, name, start);
  }
  if (gw_flink_parser_at_keyword (p, 0, "WATERMARK") && gw_flink_parser_at_keyword (p, 1, "FOR")) {
    p->pos += 2;
    if (*e->watermark_column != NULL)
      return gw_flink_parser_fail_with (p, "Multiple WATERMARK statements are not supported yet");
    if ((*e->watermark_column = gw_flink_parser_identifier (p)) == NULL
        || !gw_flink_parser_expect_keyword (p, "AS"))
      return FALSE;
    return (*e->watermark_expression = expression (p, NULL)) != NULL;
  }
  if (!column_definition (p, e))
    return FALSE;
  if (e->position_after != NULL) {
    if (gw_flink_parser_accept_keyword (p, "FIRST"))
      *e->position_first = TRUE;
    else if (gw_flink_parser_accept_keyword (p, "AFTER"))
      return (*e->position_after = gw_flink_parser_identifier (p)) != NULL;
  }
  return TRUE;
}

/* ( element, ... ) */
static gboolean
table_elements (GwFlinkParser *p, GwFlinkElements *e)
{
  if (!gw_flink_parser_expect_symbol (p, '('))
    return FALSE;
  do {
    if (!table_element (p, e))
      return FALSE;
  } while (gw_flink_parser_accept_symbol (p, ','));
  return gw_flink_parser_expect_symbol (p, ')');
}

/* LIKE source [( INCLUDING|EXCLUDING|OVERWRITING feature ... )] */
static gboolean
like_clause (GwFlinkParser *p, GwFlinkCreateTable *t)
{
  static const char *const strategies[] = { "INCLUDING", "EXCLUDING", "OVERWRITING" };
  static const char *const features[] = { "ALL", "CONSTRAINTS", "GENERATED", "METADATA",
                                          "OPTIONS", "PARTITIONS", "WATERMARKS" };
  if (!gw_flink_parser_name (p, &t->like_source, 3))
    return FALSE;
  if (!gw_flink_parser_accept_symbol (p, '('))
    return TRUE;
  do {
    guint strategy = G_N_ELEMENTS (strategies), feature = G_N_ELEMENTS (features);
    for (guint i = 0; i < G_N_ELEMENTS (strategies); i++) {
      if (gw_flink_parser_at_keyword (p, 0, strategies[i]))
        strategy = i;
    }
    if (strategy == G_N_ELEMENTS (strategies))
      return gw_flink_parser_fail (p);
    p->pos++;
    for (guint i = 0; i < G_N_ELEMENTS (features); i++) {
      if (gw_flink_parser_at_keyword (p, 0, features[i]))
        feature = i;
    }
    if (feature == G_N_ELEMENTS (features))
      return gw_flink_parser_fail (p);
    p->pos++;
    GwFlinkLikeOption *option = g_new0 (GwFlinkLikeOption, 1);
    option->strategy = (GwFlinkLikeStrategy) strategy;
    option->feature = g_strdup (features[feature]);
    g_ptr_array_add (t->like_options, option);
    gw_flink_parser_accept_symbol (p, ',');
  } while (!gw_flink_parser_accept_symbol (p, ')'));
  return TRUE;
}

gboolean
gw_flink_parse_create_table (GwFlinkParser *p, GwFlinkStatement *s, gboolean temporary)
{
  GwFlinkCreateTable *t = s->create_table = g_new0 (GwFlinkCreateTable, 1);
  t->temporary = s->temporary = temporary;
  t->columns = gw_flink_columns_new ();
  t->like_options = gw_flink_like_options_new ();
  t->if_not_exists = s->if_not_exists =
    gw_flink_parser_accept_phrase (p, (const char *const[]) { "IF", "NOT", "EXISTS", NULL });
  if (gw_flink_parser_failed (p) || !gw_flink_parser_name (p, &t->name, 3))
    return FALSE;
  copy_name (&s->name, &t->name);
  GwFlinkElements e = { t->columns, &t->primary_key, &t->constraint_name, &t->watermark_column,
                        &t->watermark_expression, NULL, NULL };
  gboolean has_columns = gw_flink_parser_at_symbol (p, 0, '(');
  if (has_columns && !table_elements (p, &e))
    return FALSE;
  if (gw_flink_parser_accept_keyword (p, "COMMENT") && (t->comment = gw_flink_parser_string (p)) == NULL)
    return FALSE;
  if (gw_flink_parser_accept_keyword (p, "PARTITIONED")
      && (!gw_flink_parser_expect_keyword (p, "BY")
          || (t->partition_keys = gw_flink_parser_identifier_list (p)) == NULL))
    return FALSE;
  if (gw_flink_parser_accept_keyword (p, "WITH") && !gw_flink_parser_options (p, &t->options))
    return FALSE;
  if (gw_flink_parser_accept_keyword (p, "LIKE") && !like_clause (p, t))
    return FALSE;
  if (t->like_source.n_parts == 0 && gw_flink_parser_accept_keyword (p, "AS")) {
    if (!gw_flink_parser_at_query (p, 0))
      return gw_flink_parser_fail (p);
    t->as_query = gw_flink_parser_rest (p, p->pos);
    s->kind = GW_FLINK_CREATE_TABLE_AS;
    return TRUE;
  }
  /* Only LIKE and CTAS may leave the columns out. */
  if (!gw_flink_parser_at_end (p) || (!has_columns && t->like_source.n_parts == 0))
    return gw_flink_parser_fail (p);
  s->kind = GW_FLINK_CREATE_TABLE;
  return TRUE;
}

gboolean
gw_flink_parse_create_view (GwFlinkParser *p, GwFlinkStatement *s, gboolean temporary)
{
  GwFlinkCreateView *v = s->create_view = g_new0 (GwFlinkCreateView, 1);
  v->temporary = s->temporary = temporary;
  v->if_not_exists = s->if_not_exists =
    gw_flink_parser_accept_phrase (p, (const char *const[]) { "IF", "NOT", "EXISTS", NULL });
  if (gw_flink_parser_failed (p) || !gw_flink_parser_name (p, &v->name, 3))
    return FALSE;
  copy_name (&s->name, &v->name);
  if (gw_flink_parser_at_symbol (p, 0, '(')
      && (v->column_names = gw_flink_parser_identifier_list (p)) == NULL)
    return FALSE;
  if (gw_flink_parser_accept_keyword (p, "COMMENT") && (v->comment = gw_flink_parser_string (p)) == NULL)
    return FALSE;
  if (!gw_flink_parser_expect_keyword (p, "AS"))
    return FALSE;
  if (!gw_flink_parser_at_query (p, 0))
    return gw_flink_parser_fail (p);
  v->query = gw_flink_parser_rest (p, p->pos);
  s->kind = GW_FLINK_CREATE_VIEW;
  return TRUE;
}

static gboolean
alter_drop (GwFlinkParser *p, GwFlinkAlterTable *a)
{
  if (gw_flink_parser_at_keyword (p, 0, "PRIMARY") && gw_flink_parser_at_keyword (p, 1, "KEY")) {
    p->pos += 2;
    a->action = GW_FLINK_ALTER_DROP_PRIMARY_KEY;
  } else if (gw_flink_parser_accept_keyword (p, "CONSTRAINT")) {
    /* A table has one constraint, its primary key; the name only has to be there. */
    g_autofree gchar *name = gw_flink_parser_identifier (p);
    if (name == NULL)
      return FALSE;
    a->action = GW_FLINK_ALTER_DROP_PRIMARY_KEY;
  } else if (gw_flink_parser_at_keyword (p, 0, "WATERMARK")
             && gw_flink_parser_peek (p, 1)->kind == GW_FLINK_TOKEN_EOF) {
    p->pos++;
    a->action = GW_FLINK_ALTER_DROP_WATERMARK;
  } else if (gw_flink_parser_at_symbol (p, 0, '(')) {
    if ((a->column_names = gw_flink_parser_identifier_list (p)) == NULL)
      return FALSE;
    a->action = GW_FLINK_ALTER_DROP_COLUMNS;
  } else {
    gchar *column = gw_flink_parser_identifier (p);
    if (column == NULL)
      return FALSE;
    a->column_names = g_new0 (gchar *, 2);
    a->column_names[0] = column;
    a->action = GW_FLINK_ALTER_DROP_COLUMNS;
  }
  return TRUE;
}

static gboolean
alter_rename (GwFlinkParser *p, GwFlinkAlterTable *a)
{
  if (gw_flink_parser_accept_keyword (p, "TO")) {
    a->action = GW_FLINK_ALTER_RENAME;
    return gw_flink_parser_name (p, &a->new_name, 3);
  }
  g_autofree gchar *from = gw_flink_parser_identifier (p);
  if (from == NULL || !gw_flink_parser_expect_keyword (p, "TO"))
    return FALSE;
  gchar *to = gw_flink_parser_identifier (p);
  if (to == NULL)
    return FALSE;
  a->column_names = g_new0 (gchar *, 3);
  a->column_names[0] = g_steal_pointer (&from);
  a->column_names[1] = to;
  a->action = GW_FLINK_ALTER_RENAME_COLUMN;
  return TRUE;
}

gboolean
gw_flink_parse_alter_table (GwFlinkParser *p, GwFlinkStatement *s)
{
  GwFlinkAlterTable *a = s->alter_table = g_new0 (GwFlinkAlterTable, 1);
  a->if_exists = s->if_exists =
    gw_flink_parser_accept_phrase (p, (const char *const[]) { "IF", "EXISTS", NULL });
  if (gw_flink_parser_failed (p) || !gw_flink_parser_name (p, &a->name, 3))
    return FALSE;
  copy_name (&s->name, &a->name);
  gboolean ok;
  /* DuckDB's ADD COLUMN, RENAME COLUMN ...: Flink has no COLUMN word there. */
  if (gw_flink_parser_at_keyword (p, 1, "COLUMN")) {
    s->kind = GW_FLINK_PASSTHROUGH;
    return TRUE;
  }
  if (gw_flink_parser_accept_keyword (p, "RENAME")) {
    ok = alter_rename (p, a);
  } else if (gw_flink_parser_accept_keyword (p, "SET")) {
    a->action = GW_FLINK_ALTER_SET;
    ok = gw_flink_parser_options (p, &a->options);
  } else if (gw_flink_parser_accept_keyword (p, "RESET")) {
    a->action = GW_FLINK_ALTER_RESET;
    ok = (a->reset_keys = gw_flink_parser_string_list (p)) != NULL;
  } else if (gw_flink_parser_at_keyword (p, 0, "ADD") || gw_flink_parser_at_keyword (p, 0, "MODIFY")) {
    a->action = gw_flink_parser_at_keyword (p, 0, "ADD") ? GW_FLINK_ALTER_ADD : GW_FLINK_ALTER_MODIFY;
    p->pos++;
    a->columns = gw_flink_columns_new ();
    GwFlinkElements e = { a->columns, &a->primary_key, NULL, &a->watermark_column,
                          &a->watermark_expression, &a->position_after, &a->position_first };
    ok = gw_flink_parser_at_symbol (p, 0, '(') ? table_elements (p, &e) : table_element (p, &e);
  } else if (gw_flink_parser_accept_keyword (p, "DROP")) {
    ok = alter_drop (p, a);
  } else {
    ok = gw_flink_parser_fail (p);
  }
  if (!ok)
    return FALSE;
  if (!gw_flink_parser_at_end (p))
    return gw_flink_parser_fail (p);
  s->kind = GW_FLINK_ALTER_TABLE;
  return TRUE;
}
