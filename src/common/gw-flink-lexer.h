/* The Flink SQL tokenizer behind gw-flink-parser.c (private to src/common): every token keeps
 * its byte range so the parser can cut raw text (queries, expressions, types) from the input. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GW_FLINK_TOKEN_EOF,          /* the end; start == end == the last byte of the last token */
  GW_FLINK_TOKEN_WORD,         /* an unquoted identifier or keyword: value as written */
  GW_FLINK_TOKEN_IDENTIFIER,   /* `quoted`: value without the backticks, `` unescaped */
  GW_FLINK_TOKEN_STRING,       /* 'text': value without the quotes, '' unescaped */
  GW_FLINK_TOKEN_DOUBLE_QUOTED,/* "text" (not Flink, but the engine's): value unescaped */
  GW_FLINK_TOKEN_NUMBER,       /* 12, 1.5, 2e10 */
  GW_FLINK_TOKEN_SYMBOL,       /* one punctuation byte: ( ) , ; . = < > - ... */
  GW_FLINK_TOKEN_UNTERMINATED, /* a quote or block comment that never closes (runs to the end);
                                * only an error where the parser has to look at it */
} GwFlinkTokenKind;

typedef struct {
  GwFlinkTokenKind kind;
  gsize            start;  /* byte offset of the first byte in the input */
  gsize            end;    /* byte offset just past the last byte */
  gchar           *value;  /* owned; see the kinds */
} GwFlinkToken;

/* Tokens of sql, comments and whitespace dropped, always ending with one EOF token. Returns a
 * GArray of GwFlinkToken that frees the values with it. */
GArray *gw_flink_lex (const char *sql);

/* TRUE when token is the unquoted word keyword (ASCII case-insensitive). */
gboolean gw_flink_token_is_keyword (const GwFlinkToken *token, const char *keyword);
/* TRUE when token is the one-byte symbol c. */
gboolean gw_flink_token_is_symbol (const GwFlinkToken *token, char c);

/* 1-based line and column (in characters) of byte offset in sql. */
void gw_flink_position (const char *sql, gsize offset, guint *line, guint *column);

G_END_DECLS
