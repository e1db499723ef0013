/* The recursive-descent machinery shared by the Flink statement parser's files (private to
 * src/common): a token cursor, the first error, and the small grammar pieces every part uses. */
#pragma once

#include "gw-flink-lexer.h"
#include "gw-flink-statement.h"

G_BEGIN_DECLS

typedef struct {
  const char *sql;      /* borrowed: the text being parsed */
  const char *origin;   /* borrowed: the text error positions refer to (an enclosing statement
                         * set for its inner statements), sql starts at origin_offset in it */
  gsize       origin_offset;
  GArray     *tokens;   /* owned GwFlinkToken; a trailing ';' is already replaced by the EOF */
  guint       pos;      /* the current token */
  GError     *error;    /* owned: the first error; later ones are dropped */
} GwFlinkParser;

const GwFlinkToken *gw_flink_parser_peek (GwFlinkParser *p, guint ahead);
const GwFlinkToken *gw_flink_parser_next (GwFlinkParser *p);
gboolean gw_flink_parser_at_keyword (GwFlinkParser *p, guint ahead, const char *keyword);
gboolean gw_flink_parser_at_symbol (GwFlinkParser *p, guint ahead, char c);
gboolean gw_flink_parser_at_end (GwFlinkParser *p);
gboolean gw_flink_parser_accept_keyword (GwFlinkParser *p, const char *keyword);
gboolean gw_flink_parser_accept_symbol (GwFlinkParser *p, char c);
gboolean gw_flink_parser_expect_keyword (GwFlinkParser *p, const char *keyword);
gboolean gw_flink_parser_expect_symbol (GwFlinkParser *p, char c);
/* "IF NOT EXISTS", "IF EXISTS": FALSE without moving when the first word is not there, an error
 * (and FALSE) when only part of it is. */
gboolean gw_flink_parser_accept_phrase (GwFlinkParser *p, const char *const *words);
/* Records "Encountered "<token>" at line l, column c." for the current token; returns FALSE. */
gboolean gw_flink_parser_fail (GwFlinkParser *p);
gboolean gw_flink_parser_fail_with (GwFlinkParser *p, const char *message);
gboolean gw_flink_parser_failed (GwFlinkParser *p);

gchar   *gw_flink_parser_identifier (GwFlinkParser *p);
gboolean gw_flink_parser_name (GwFlinkParser *p, GwFlinkName *name, guint max_parts);
gchar   *gw_flink_parser_string (GwFlinkParser *p);
/* ( a, b ) */
GStrv    gw_flink_parser_identifier_list (GwFlinkParser *p);
/* ( 'k', ... ) */
GStrv    gw_flink_parser_string_list (GwFlinkParser *p);
/* ( 'k' = 'v', ... ) */
gboolean gw_flink_parser_options (GwFlinkParser *p, GwFlinkOptions *options);
/* An optional [NOT] LIKE | ILIKE 'pattern'. */
gboolean gw_flink_parser_like (GwFlinkParser *p, GwFlinkLike *like);
/* The input from token first up to (not including) token end, as written, trimmed. */
gchar   *gw_flink_parser_text (GwFlinkParser *p, guint first, guint end);
/* The input from token first to the end of the statement. */
gchar   *gw_flink_parser_rest (GwFlinkParser *p, guint first);
/* TRUE when the current token starts a query (SELECT, WITH, VALUES, FROM, TABLE, '('). */
gboolean gw_flink_parser_at_query (GwFlinkParser *p, guint ahead);

/* gw-flink-parser-ddl.c: CREATE TABLE / VIEW (after CREATE [TEMPORARY]), DROP TABLE / VIEW,
 * ALTER TABLE (after ALTER TABLE). */
gboolean gw_flink_parse_create_table (GwFlinkParser *p, GwFlinkStatement *s, gboolean temporary);
gboolean gw_flink_parse_create_view (GwFlinkParser *p, GwFlinkStatement *s, gboolean temporary);
gboolean gw_flink_parse_alter_table (GwFlinkParser *p, GwFlinkStatement *s);
/* gw-flink-statement.c: the tree's arrays and destructors. */
GPtrArray *gw_flink_columns_new (void);       /* of GwFlinkColumn* */
GPtrArray *gw_flink_like_options_new (void);  /* of GwFlinkLikeOption* */
void     gw_flink_create_view_free (GwFlinkCreateView *view);
void     gw_flink_alter_table_free (GwFlinkAlterTable *alter);

G_END_DECLS
