/* Gateway-level statements: the ones the gateway answers itself whatever the engine (Flink's
 * SET/RESET, reference/flink-rest.md §10). Everything else goes to the engine as it is.
 * Only the quoted Flink forms are the gateway's: `SET 'k' = 'v'`, `SET`, `RESET 'k'`, `RESET`;
 * DuckDB's own unquoted `SET x = y` / `RESET x` reach the engine. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GW_STATEMENT_ENGINE,     /* not a gateway statement: run on the engine */
  GW_STATEMENT_SET,        /* SET 'key' = 'value' */
  GW_STATEMENT_SET_LIST,   /* SET */
  GW_STATEMENT_RESET,      /* RESET 'key' */
  GW_STATEMENT_RESET_ALL,  /* RESET */
} GwGatewayStatementKind;

typedef struct {
  GwGatewayStatementKind kind;
  gchar *key;   /* owned; SET and RESET */
  gchar *value; /* owned; SET */
} GwGatewayStatement;

/* Classifies statement. Returns FALSE with GW_ERROR_SQL when it starts like a gateway statement
 * but is malformed (e.g. `SET 'a' =`). */
gboolean gw_gateway_statement_parse (const char *statement, GwGatewayStatement *out, GError **error);
void     gw_gateway_statement_clear (GwGatewayStatement *statement);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GwGatewayStatement, gw_gateway_statement_clear)

/* TRUE when statement may be used with configure-session (SET, RESET, CREATE, DROP, ALTER, USE,
 * LOAD/UNLOAD MODULE, ADD JAR). */
gboolean gw_statement_is_configuring (const char *statement);

G_END_DECLS
