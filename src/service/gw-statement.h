/* Gateway-level statements (reference/flink-rest.md §10): the ones the service answers itself
 * whatever the engine — SET/RESET (Flink's quoted and Hive's plain forms), statement-set mode,
 * jars and jobs. DML (INSERT, CTAS, statement sets) runs as jobs (gw-operation.c); everything
 * else goes to the engine. */
#pragma once

#include "gw-flink-statement.h"
#include "gw-session-private.h"

G_BEGIN_DECLS

/* TRUE for the statement kinds gw_gateway_statement_run() answers. */
gboolean         gw_gateway_statement_handles (GwFlinkStatementKind kind);
/* Runs a gateway-level statement on session: its result, with *result_kind SUCCESS for Flink's
 * OK result and SUCCESS_WITH_CONTENT for listings; NULL with error. */
GwResultFetcher *gw_gateway_statement_run (GwSession *session, const GwFlinkStatement *statement,
                                           GwResultKind *result_kind, GError **error);
/* Flink's error for anything but INSERT/CTAS/END in statement-set mode. */
void             gw_statement_set_refuse (GError **error);
/* The name of a job running statements: pipeline.name if set, else Flink's default
 * "insert-into_<catalog.database.table>[,...]". Runs on the session's connection: the caller
 * holds the engine lock and released the connection. */
gchar           *gw_job_name_for (GwSession *session, const char *const *statements);

/* TRUE when statement may be used with configure-session (SET, RESET, CREATE, DROP, ALTER, USE,
 * LOAD/UNLOAD MODULE, ADD JAR). */
gboolean         gw_statement_is_configuring (const char *statement);

G_END_DECLS
