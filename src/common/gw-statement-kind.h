/* What kind of statement the engine ran: the service derives Flink's resultKind, isQueryResult
 * and jobID from it, HiveServer2 its hasResultSet and numModifiedRows. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GW_STATEMENT_QUERY,    /* SELECT / VALUES / WITH / FROM ...: streamed rows, isQueryResult */
  GW_STATEMENT_CONTENT,  /* EXPLAIN, PRAGMA, CALL, SHOW, DESCRIBE, SUMMARIZE: rows, not a query */
  GW_STATEMENT_MODIFY,   /* INSERT / UPDATE / DELETE / MERGE / COPY: rows affected, like a job */
  GW_STATEMENT_OTHER,    /* DDL, USE, SET, transactions, ATTACH ...: Flink's "OK" result */
} GwStatementKind;

G_END_DECLS
