/* The tokenizer of gw-flink-type.c's port of Flink's LogicalTypeParser (private to it and
 * gw-flink-type-lexer.c). */
#pragma once

#include "gw-flink-type.h"

G_BEGIN_DECLS

typedef enum {
  TOKEN_BEGIN_SUBTYPE,        /* '<' */
  TOKEN_END_SUBTYPE,          /* '>' */
  TOKEN_BEGIN_PARAMETER,      /* '(' */
  TOKEN_END_PARAMETER,        /* ')' */
  TOKEN_LIST_SEPARATOR,       /* ',' */
  TOKEN_LITERAL_STRING,       /* 'a field comment' */
  TOKEN_LITERAL_INT,          /* 12 */
  TOKEN_KEYWORD,              /* CHAR, TO, NOT, ... (upper-cased) */
  TOKEN_IDENTIFIER,           /* a field name, plain or `quoted` */
  TOKEN_IDENTIFIER_SEPARATOR, /* '.' */
} TokenType;


/* Flink's keywords: every one is reserved, so a field called e.g. `date` needs backticks. */
typedef enum {
  KW_CHAR, KW_VARCHAR, KW_STRING, KW_BOOLEAN, KW_BINARY, KW_VARBINARY, KW_BYTES, KW_DECIMAL,
  KW_NUMERIC, KW_DEC, KW_TINYINT, KW_SMALLINT, KW_INT, KW_INTEGER, KW_BIGINT, KW_FLOAT,
  KW_DOUBLE, KW_PRECISION, KW_DATE, KW_TIME, KW_WITH, KW_WITHOUT, KW_LOCAL, KW_ZONE,
  KW_TIMESTAMP, KW_TIMESTAMP_LTZ, KW_INTERVAL, KW_YEAR, KW_MONTH, KW_DAY, KW_HOUR, KW_MINUTE,
  KW_SECOND, KW_TO, KW_ARRAY, KW_MULTISET, KW_MAP, KW_ROW, KW_NULL, KW_RAW, KW_LEGACY, KW_NOT,
  KW_DESCRIPTOR, KW_STRUCTURED, KW_VARIANT, KW_BITMAP,
} Keyword;


typedef struct {
  TokenType type;
  int       end;        /* Flink's cursorPosition: offset of the token's last character */
  Keyword   keyword;    /* TOKEN_KEYWORD */
  gboolean  quoted;     /* TOKEN_IDENTIFIER written in backticks */
  gchar    *value;      /* owned: unescaped text (keywords upper-cased) */
} Token;

/* Flink's TokenType names (its error messages print them) and keyword spellings. */
extern const char *const gw_flink_type_token_names[];
extern const char *const gw_flink_type_keyword_names[];

/* The tokens of s, as Flink's tokenizer splits them (a GArray of Token with a clear func). */
GArray *gw_flink_type_tokenize (const char *s);

G_END_DECLS
