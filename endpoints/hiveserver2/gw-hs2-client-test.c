/* A TCLIService client built from the same generated c_glib code drives the HiveServer2
 * endpoint over real sockets: an in-process service (DuckDB :memory:) and the endpoint on free
 * ports. Every protocol version V1..V11 (negotiation, row-based and columnar row sets), the
 * metadata schemas, errors, the operation log, cancel and timeout, stopping, and HTTP. Hostile
 * bytes are in gw-hs2-hostile-test.c; the shared helpers in gw-hs2-client-support.c. */
#include "gw-hs2-client-support.h"

#include <string.h>

/* ---- every protocol version ---- */

static void
check_result_v (Client *c, TSessionHandle *session, gint version)
{
  g_autoptr (TOperationHandle) op =
      execute_ok (c, session, "SELECT 1 AS a, 'x' AS b, NULL::INT AS c", FALSE);
  g_assert_cmpint (op->operationType, ==, T_OPERATION_TYPE_EXECUTE_STATEMENT);
  g_assert_true (op->hasResultSet);
  /* Synchronous: FINISHED on the first status. */
  g_autoptr (TGetOperationStatusResp) st = operation_status (c, op, FALSE);
  assert_success (st->status);
  g_assert_cmpint (st->operationState, ==, T_OPERATION_STATE_FINISHED_STATE);
  g_assert_true (st->hasResultSet);
  g_assert_cmpint (st->operationCompleted, >=, st->operationStarted);

  g_autoptr (TTableSchema) schema = result_set_metadata (c, op);
  static const char *const names[] = { "a", "b", "c" };
  static const TTypeId types[] = { T_TYPE_ID_INT_TYPE, T_TYPE_ID_STRING_TYPE, T_TYPE_ID_INT_TYPE };
  g_assert_cmpuint (schema->columns->len, ==, 3);
  for (guint i = 0; i < 3; i++) {
    TColumnDesc *d = schema->columns->pdata[i];
    g_assert_cmpstr (d->columnName, ==, names[i]);
    g_assert_cmpint (d->position, ==, (gint) i + 1);
    g_assert_cmpuint (d->typeDesc->types->len, ==, 1);
    TTypeEntry *entry = d->typeDesc->types->pdata[0];
    g_assert_true (entry->__isset_primitiveEntry);
    g_assert_cmpint (entry->primitiveEntry->type, ==, types[i]);
  }

  g_autoptr (TFetchResultsResp) page = fetch (c, op, T_FETCH_ORIENTATION_FETCH_NEXT, 100, 0);
  assert_success (page->status);
  TRowSet *rs = page->results;
  if (version < V (6)) {
    /* Row-based: one TRow, one TColumnValue per column, NULL = inner value unset. */
    g_assert_false (rs->__isset_columns && rs->columns->len > 0);
    g_assert_cmpuint (rs->rows->len, ==, 1);
    TRow *row = rs->rows->pdata[0];
    g_assert_cmpuint (row->colVals->len, ==, 3);
    TColumnValue *a = row->colVals->pdata[0], *b = row->colVals->pdata[1], *n = row->colVals->pdata[2];
    g_assert_true (a->__isset_i32Val && a->i32Val->__isset_value);
    g_assert_cmpint (a->i32Val->value, ==, 1);
    g_assert_true (b->__isset_stringVal && b->stringVal->__isset_value);
    g_assert_cmpstr (b->stringVal->value, ==, "x");
    g_assert_true (n->__isset_i32Val);
    g_assert_false (n->i32Val->__isset_value);
  } else {
    /* Columnar: every column, the nulls bitmap LSB first. */
    g_assert_cmpuint (columnar_rows (rs), ==, 1);
    g_assert_cmpuint (rs->columns->len, ==, 3);
    TColumn *a = rs->columns->pdata[0], *b = rs->columns->pdata[1], *n = rs->columns->pdata[2];
    g_assert_true (a->__isset_i32Val);
    g_assert_cmpint (g_array_index (a->i32Val->values, gint32, 0), ==, 1);
    g_assert_false (is_null (a->i32Val->nulls, 0));
    g_assert_true (b->__isset_stringVal);
    g_assert_cmpstr (b->stringVal->values->pdata[0], ==, "x");
    g_assert_false (is_null (b->stringVal->nulls, 0));
    g_assert_true (n->__isset_i32Val);
    g_assert_true (is_null (n->i32Val->nulls, 0));
  }
  /* An empty batch ends the result; FETCH_FIRST starts over. */
  g_autoptr (TFetchResultsResp) end = fetch (c, op, T_FETCH_ORIENTATION_FETCH_NEXT, 100, 0);
  assert_success (end->status);
  g_assert_cmpuint (version < V (6) ? end->results->rows->len : columnar_rows (end->results), ==, 0);
  g_assert_false (end->hasMoreRows);
  g_autoptr (TFetchResultsResp) again = fetch (c, op, T_FETCH_ORIENTATION_FETCH_FIRST, 100, 0);
  assert_success (again->status);
  g_assert_cmpuint (version < V (6) ? again->results->rows->len : columnar_rows (again->results),
                    ==, 1);
  g_assert_cmpint (close_operation (c, op), ==, T_STATUS_CODE_SUCCESS_STATUS);
}

static void
test_protocol_versions (void)
{
  g_autoptr (Client) c = client_new ();
  for (gint version = V (1); version <= V (11); version++) {
    TProtocolVersion negotiated;
    g_autoptr (TSessionHandle) session = open_session (c, version, &negotiated);
    g_assert_cmpint (negotiated, ==, version);
    check_result_v (c, session, version);
    close_session (c, session);
  }
  /* A newer client gets V11; never more than the client sent. */
  TProtocolVersion negotiated;
  g_autoptr (TSessionHandle) newer = open_session (c, V (11) + 3, &negotiated);
  g_assert_cmpint (negotiated, ==, V (11));
  close_session (c, newer);
  /* A version below V1 (Databricks' -7) is refused with a reason. */
  g_autoptr (TOpenSessionReq) req = NEW (TOpenSessionReq, TYPE_T_OPEN_SESSION_REQ);
  g_autoptr (TOpenSessionResp) resp = NEW (TOpenSessionResp, TYPE_T_OPEN_SESSION_RESP);
  req->client_protocol = -7;
  CALL (c, open_session, resp, req);
  assert_error (resp->status);
  g_assert_false (resp->__isset_sessionHandle);
}

/* ---- metadata ---- */

static void
test_metadata (void)
{
  g_autoptr (Client) c = client_new ();
  g_autoptr (TSessionHandle) session = open_session (c, V (10), NULL);
  g_autoptr (TOperationHandle) ddl =
      execute_ok (c, session, "CREATE TABLE meta_t (id INTEGER PRIMARY KEY, s VARCHAR(10))", FALSE);
  g_assert_false (ddl->hasResultSet);
  close_operation (c, ddl);

  check_metadata (c, METADATA (c, get_type_info, TGetTypeInfoReq, TYPE_T_GET_TYPE_INFO_REQ,
                               TGetTypeInfoResp, TYPE_T_GET_TYPE_INFO_RESP,
                               T_OPERATION_TYPE_GET_TYPE_INFO, (void) 0),
                  "TYPE_NAME,DATA_TYPE,PRECISION,LITERAL_PREFIX,LITERAL_SUFFIX,CREATE_PARAMS,"
                  "NULLABLE,CASE_SENSITIVE,SEARCHABLE,UNSIGNED_ATTRIBUTE,FIXED_PREC_SCALE,"
                  "AUTO_INCREMENT,LOCAL_TYPE_NAME,MINIMUM_SCALE,MAXIMUM_SCALE,SQL_DATA_TYPE,"
                  "SQL_DATETIME_SUB,NUM_PREC_RADIX", 23, 23);
  check_metadata (c, METADATA (c, get_catalogs, TGetCatalogsReq, TYPE_T_GET_CATALOGS_REQ,
                               TGetCatalogsResp, TYPE_T_GET_CATALOGS_RESP,
                               T_OPERATION_TYPE_GET_CATALOGS, (void) 0),
                  "TABLE_CAT", 1, 100);
  check_metadata (c, METADATA (c, get_schemas, TGetSchemasReq, TYPE_T_GET_SCHEMAS_REQ,
                               TGetSchemasResp, TYPE_T_GET_SCHEMAS_RESP,
                               T_OPERATION_TYPE_GET_SCHEMAS,
                               (SET_STRING (catalogName, "hive"), SET_STRING (schemaName, "def%"))),
                  "TABLE_SCHEM,TABLE_CATALOG", 1, 1);
  check_metadata (c, METADATA (c, get_tables, TGetTablesReq, TYPE_T_GET_TABLES_REQ,
                               TGetTablesResp, TYPE_T_GET_TABLES_RESP, T_OPERATION_TYPE_GET_TABLES,
                               (SET_STRING (schemaName, "%"), SET_STRING (tableName, "meta\\_t"))),
                  "TABLE_CAT,TABLE_SCHEM,TABLE_NAME,TABLE_TYPE,REMARKS,TYPE_CAT,TYPE_SCHEM,"
                  "TYPE_NAME,SELF_REFERENCING_COL_NAME,REF_GENERATION", 1, 1);
  /* tableTypes filters: no views by that name. */
  check_metadata (c, METADATA (c, get_tables, TGetTablesReq, TYPE_T_GET_TABLES_REQ,
                               TGetTablesResp, TYPE_T_GET_TABLES_RESP, T_OPERATION_TYPE_GET_TABLES,
                               (SET_STRING (tableName, "meta_t"), req_->__isset_tableTypes = TRUE,
                                g_ptr_array_add (req_->tableTypes, g_strdup ("VIEW")))),
                  "TABLE_CAT,TABLE_SCHEM,TABLE_NAME,TABLE_TYPE,REMARKS,TYPE_CAT,TYPE_SCHEM,"
                  "TYPE_NAME,SELF_REFERENCING_COL_NAME,REF_GENERATION", 0, 0);
  check_metadata (c, METADATA (c, get_table_types, TGetTableTypesReq, TYPE_T_GET_TABLE_TYPES_REQ,
                               TGetTableTypesResp, TYPE_T_GET_TABLE_TYPES_RESP,
                               T_OPERATION_TYPE_GET_TABLE_TYPES, (void) 0),
                  "TABLE_TYPE", 2, 2);
  check_metadata (c, METADATA (c, get_columns, TGetColumnsReq, TYPE_T_GET_COLUMNS_REQ,
                               TGetColumnsResp, TYPE_T_GET_COLUMNS_RESP,
                               T_OPERATION_TYPE_GET_COLUMNS, SET_STRING (tableName, "meta_t")),
                  "TABLE_CAT,TABLE_SCHEM,TABLE_NAME,COLUMN_NAME,DATA_TYPE,TYPE_NAME,COLUMN_SIZE,"
                  "BUFFER_LENGTH,DECIMAL_DIGITS,NUM_PREC_RADIX,NULLABLE,REMARKS,COLUMN_DEF,"
                  "SQL_DATA_TYPE,SQL_DATETIME_SUB,CHAR_OCTET_LENGTH,ORDINAL_POSITION,IS_NULLABLE,"
                  "SCOPE_CATALOG,SCOPE_SCHEMA,SCOPE_TABLE,SOURCE_DATA_TYPE,IS_AUTO_INCREMENT",
                  2, 2);
  check_metadata (c, METADATA (c, get_functions, TGetFunctionsReq, TYPE_T_GET_FUNCTIONS_REQ,
                               TGetFunctionsResp, TYPE_T_GET_FUNCTIONS_RESP,
                               T_OPERATION_TYPE_GET_FUNCTIONS, req_->functionName = g_strdup ("abs")),
                  "FUNCTION_CAT,FUNCTION_SCHEM,FUNCTION_NAME,REMARKS,FUNCTION_TYPE,SPECIFIC_NAME",
                  1, 100);
  check_metadata (c, METADATA (c, get_primary_keys, TGetPrimaryKeysReq,
                               TYPE_T_GET_PRIMARY_KEYS_REQ, TGetPrimaryKeysResp,
                               TYPE_T_GET_PRIMARY_KEYS_RESP, T_OPERATION_TYPE_GET_FUNCTIONS,
                               SET_STRING (tableName, "meta_t")),
                  "TABLE_CAT,TABLE_SCHEM,TABLE_NAME,COLUMN_NAME,KEY_SEQ,PK_NAME", 1, 1);
  /* meta_t is referenced by no foreign key: the 14-column schema with no rows. */
  check_metadata (c, METADATA (c, get_cross_reference, TGetCrossReferenceReq,
                               TYPE_T_GET_CROSS_REFERENCE_REQ, TGetCrossReferenceResp,
                               TYPE_T_GET_CROSS_REFERENCE_RESP, T_OPERATION_TYPE_GET_FUNCTIONS,
                               SET_STRING (parentTableName, "meta_t")),
                  "PKTABLE_CAT,PKTABLE_SCHEM,PKTABLE_NAME,PKCOLUMN_NAME,FKTABLE_CAT,FKTABLE_SCHEM,"
                  "FKTABLE_NAME,FKCOLUMN_NAME,KEQ_SEQ,UPDATE_RULE,DELETE_RULE,FK_NAME,PK_NAME,"
                  "DEFERRABILITY", 0, 0);
  close_session (c, session);
}

/* ---- GetInfo, errors, logs, DML, async ---- */

static void
test_get_info (void)
{
  g_autoptr (Client) c = client_new ();
  g_autoptr (TSessionHandle) session = open_session (c, V (10), NULL);
  g_autoptr (TGetInfoResp) version = get_info (c, session, T_GET_INFO_TYPE_CLI_DBMS_VER);
  assert_success (version->status);
  g_assert_true (version->infoValue->__isset_stringValue);
  g_assert_true (g_regex_match_simple ("^[0-9]+\\.[0-9]+", version->infoValue->stringValue, 0, 0));
  g_autoptr (TGetInfoResp) name = get_info (c, session, T_GET_INFO_TYPE_CLI_DBMS_NAME);
  assert_success (name->status);
  g_assert_cmpstr (name->infoValue->stringValue, !=, "");
  g_autoptr (TGetInfoResp) length = get_info (c, session, T_GET_INFO_TYPE_CLI_MAX_TABLE_NAME_LEN);
  assert_success (length->status);
  g_assert_true (length->infoValue->__isset_lenValue);
  g_assert_false (length->infoValue->__isset_stringValue);
  /* An unknown type: an error, and still an infoValue (a required field). */
  g_autoptr (TGetInfoResp) unknown = get_info (c, session, 9999);
  assert_error (unknown->status);
  g_assert_true (unknown->infoValue->__isset_lenValue);
  close_session (c, session);
  g_autoptr (TGetInfoResp) closed = get_info (c, session, T_GET_INFO_TYPE_CLI_DBMS_NAME);
  assert_error (closed->status);
}

static void
test_errors (void)
{
  g_autoptr (Client) c = client_new ();
  g_autoptr (TSessionHandle) session = open_session (c, V (10), NULL);
  /* Bad SQL, synchronous: ERROR_STATUS with the SQL state of a statement error, no handle. */
  g_autoptr (TExecuteStatementResp) bad = execute (c, session, "SELEC 1", FALSE);
  assert_error (bad->status);
  g_assert_cmpstr (bad->status->sqlState, ==, "42000");
  g_assert_false (bad->__isset_operationHandle);
  /* Asynchronous: the failure shows in GetOperationStatus. */
  g_autoptr (TOperationHandle) op = execute_ok (c, session, "SELECT * FROM no_such_table", TRUE);
  g_assert_cmpint (wait_state (c, op), ==, T_OPERATION_STATE_ERROR_STATE);
  g_autoptr (TGetOperationStatusResp) st = operation_status (c, op, FALSE);
  g_assert_true (st->__isset_errorMessage && strstr (st->errorMessage, "no_such_table"));
  g_assert_cmpstr (st->sqlState, ==, "42000");
  g_assert_cmpint (close_operation (c, op), ==, T_STATUS_CODE_SUCCESS_STATUS);
  /* A closed operation: every operation RPC answers ERROR_STATUS. */
  g_autoptr (TGetOperationStatusResp) closed = operation_status (c, op, FALSE);
  assert_error (closed->status);
  g_autoptr (TFetchResultsResp) page = fetch (c, op, T_FETCH_ORIENTATION_FETCH_NEXT, 10, 0);
  assert_error (page->status);
  g_assert_cmpint (close_operation (c, op), ==, T_STATUS_CODE_ERROR_STATUS);
  /* GetQueryId: the id of a live operation, "" for a gone one (as Hive). */
  g_autoptr (TOperationHandle) live = execute_ok (c, session, "SELECT 1", FALSE);
  g_autoptr (TGetQueryIdReq) qreq = NEW (TGetQueryIdReq, TYPE_T_GET_QUERY_ID_REQ);
  g_autoptr (TGetQueryIdResp) qresp = NEW (TGetQueryIdResp, TYPE_T_GET_QUERY_ID_RESP);
  g_set_object (&qreq->operationHandle, live);
  CALL (c, get_query_id, qresp, qreq);
  g_assert_cmpuint (strlen (qresp->queryId), ==, 36);
  g_autoptr (TGetQueryIdResp) gone = NEW (TGetQueryIdResp, TYPE_T_GET_QUERY_ID_RESP);
  g_set_object (&qreq->operationHandle, op);
  CALL (c, get_query_id, gone, qreq);
  g_assert_cmpstr (gone->queryId, ==, "");
  /* Delegation tokens: a clear error. */
  g_autoptr (TGetDelegationTokenReq) dreq = NEW (TGetDelegationTokenReq,
                                                 TYPE_T_GET_DELEGATION_TOKEN_REQ);
  g_autoptr (TGetDelegationTokenResp) dresp = NEW (TGetDelegationTokenResp,
                                                   TYPE_T_GET_DELEGATION_TOKEN_RESP);
  g_set_object (&dreq->sessionHandle, session);
  CALL (c, get_delegation_token, dresp, dreq);
  assert_error (dresp->status);
  g_assert_nonnull (strstr (dresp->status->errorMessage, "Delegation tokens"));
  close_session (c, session);
  /* CloseSession closed its operations. */
  g_autoptr (TGetOperationStatusResp) orphan = operation_status (c, live, FALSE);
  assert_error (orphan->status);
  /* A closed session: ERROR_STATUS, also for closing it twice. */
  g_autoptr (TExecuteStatementResp) after = execute (c, session, "SELECT 1", FALSE);
  assert_error (after->status);
  g_autoptr (TCloseSessionReq) creq = NEW (TCloseSessionReq, TYPE_T_CLOSE_SESSION_REQ);
  g_autoptr (TCloseSessionResp) cresp = NEW (TCloseSessionResp, TYPE_T_CLOSE_SESSION_RESP);
  g_set_object (&creq->sessionHandle, session);
  CALL (c, close_session, cresp, creq);
  assert_error (cresp->status);
}

/* PyHive's fetch_logs() relies on TApplicationException UNKNOWN_METHOD for GetLog. */
static void
test_unknown_method (void)
{
  g_autoptr (Client) c = client_new ();
  g_autoptr (GError) error = NULL;
  ThriftProtocol *p = c->protocol;
  g_assert_cmpint (thrift_protocol_write_message_begin (p, "GetLog", T_CALL, 7, &error), >, 0);
  thrift_protocol_write_struct_begin (p, "GetLog_args", &error);
  thrift_protocol_write_field_stop (p, &error);
  thrift_protocol_write_struct_end (p, &error);
  thrift_protocol_write_message_end (p, &error);
  g_assert_true (thrift_transport_flush (c->transport, &error));
  g_autofree gchar *name = NULL;
  ThriftMessageType type;
  gint32 seqid;
  g_assert_cmpint (thrift_protocol_read_message_begin (p, &name, &type, &seqid, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (type, ==, T_EXCEPTION);
  g_assert_cmpstr (name, ==, "GetLog");
  g_assert_cmpint (seqid, ==, 7);
  g_autoptr (ThriftApplicationException) x = g_object_new (THRIFT_TYPE_APPLICATION_EXCEPTION, NULL);
  g_assert_cmpint (thrift_struct_read (THRIFT_STRUCT (x), p, &error), >, 0);
  thrift_protocol_read_message_end (p, &error);
  g_assert_no_error (error);
  g_assert_cmpint (x->type, ==, THRIFT_APPLICATION_EXCEPTION_ERROR_UNKNOWN_METHOD);
  /* The connection goes on. */
  g_autoptr (TSessionHandle) session = open_session (c, V (8), NULL);
  close_session (c, session);
}

static void
test_log_and_dml (void)
{
  g_autoptr (Client) c = client_new ();
  g_autoptr (TSessionHandle) session = open_session (c, V (10), NULL);
  g_autoptr (TOperationHandle) op = execute_ok (c, session, "SELECT range FROM range(5)", TRUE);
  g_assert_cmpint (wait_state (c, op), ==, T_OPERATION_STATE_FINISHED_STATE);
  g_autoptr (TFetchResultsResp) log = fetch (c, op, T_FETCH_ORIENTATION_FETCH_FIRST, 100, 1);
  assert_success (log->status);
  g_assert_cmpuint (log->results->columns->len, ==, 1);
  g_assert_cmpuint (columnar_rows (log->results), >=, 1);
  g_autoptr (TFetchResultsResp) more = fetch (c, op, T_FETCH_ORIENTATION_FETCH_NEXT, 100, 1);
  assert_success (more->status);
  g_assert_cmpuint (columnar_rows (more->results), ==, 0);
  g_autoptr (TFetchResultsResp) rows = fetch (c, op, T_FETCH_ORIENTATION_FETCH_NEXT, 3, 0);
  g_assert_cmpuint (columnar_rows (rows->results), ==, 3);
  g_assert_true (rows->hasMoreRows);
  g_assert_cmpint (rows->results->startRowOffset, ==, 0);
  g_autoptr (TFetchResultsResp) rest = fetch (c, op, T_FETCH_ORIENTATION_FETCH_NEXT, 3, 0);
  g_assert_cmpuint (columnar_rows (rest->results), ==, 2);
  g_assert_cmpint (rest->results->startRowOffset, ==, 3);
  close_operation (c, op);

  g_autoptr (TOperationHandle) ddl = execute_ok (c, session, "CREATE TABLE dml_t (i INTEGER)", FALSE);
  g_assert_false (ddl->hasResultSet);
  g_autoptr (TOperationHandle) insert =
      execute_ok (c, session, "INSERT INTO dml_t VALUES (1), (2), (3)", FALSE);
  g_assert_false (insert->hasResultSet);
  g_assert_true (insert->__isset_modifiedRowCount);
  g_assert_cmpfloat (insert->modifiedRowCount, ==, 3);
  g_autoptr (TGetOperationStatusResp) st = operation_status (c, insert, FALSE);
  g_assert_cmpint (st->numModifiedRows, ==, 3);
  g_assert_false (st->hasResultSet);
  close_session (c, session);
}

static void
test_async_cancel_timeout (void)
{
  static const char long_query[] = "SELECT count(*) FROM range(100000000000)";
  g_autoptr (Client) c = client_new ();
  g_autoptr (TSessionHandle) session = open_session (c, V (10), NULL);
  g_autoptr (TOperationHandle) op = execute_ok (c, session, long_query, TRUE);
  g_assert_true (op->hasResultSet); /* still running: taken to have rows */
  /* A poll answers while the query runs (long poll: 500 ms here; the bound leaves room for
   * valgrind), with progress at V10. */
  gint64 start = g_get_monotonic_time ();
  g_autoptr (TGetOperationStatusResp) st = operation_status (c, op, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  assert_success (st->status);
  g_assert_cmpint (st->operationState, <=, T_OPERATION_STATE_RUNNING_STATE);
  g_assert_true (st->__isset_progressUpdateResponse);
  g_autoptr (TCancelOperationReq) creq = NEW (TCancelOperationReq, TYPE_T_CANCEL_OPERATION_REQ);
  g_autoptr (TCancelOperationResp) cresp = NEW (TCancelOperationResp, TYPE_T_CANCEL_OPERATION_RESP);
  g_set_object (&creq->operationHandle, op);
  CALL (c, cancel_operation, cresp, creq);
  assert_success (cresp->status);
  g_assert_cmpint (wait_state (c, op), ==, T_OPERATION_STATE_CANCELED_STATE);

  g_autoptr (TExecuteStatementReq) req = NEW (TExecuteStatementReq, TYPE_T_EXECUTE_STATEMENT_REQ);
  g_autoptr (TExecuteStatementResp) resp = NEW (TExecuteStatementResp,
                                                TYPE_T_EXECUTE_STATEMENT_RESP);
  g_set_object (&req->sessionHandle, session);
  req->statement = g_strdup (long_query);
  req->runAsync = TRUE;
  req->__isset_runAsync = TRUE;
  req->queryTimeout = 1;
  req->__isset_queryTimeout = TRUE;
  CALL (c, execute_statement, resp, req);
  assert_success (resp->status);
  g_assert_cmpint (wait_state (c, resp->operationHandle), ==, T_OPERATION_STATE_TIMEDOUT_STATE);
  /* The session goes on. */
  g_autoptr (TOperationHandle) next = execute_ok (c, session, "SELECT 42", FALSE);
  g_assert_true (next->hasResultSet);
  close_session (c, session);
}

/* ---- connections ---- */

static void
wait_session_count (guint expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gw_service_get_session_count (service) != expected && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  g_assert_cmpuint (gw_service_get_session_count (service), ==, expected);
}

static void
test_connection_close_closes_sessions (void)
{
  guint before = gw_service_get_session_count (service);
  Client *c = client_new ();
  g_autoptr (TSessionHandle) a = open_session (c, V (10), NULL);
  g_assert_nonnull (a);
  g_autoptr (TSessionHandle) b = open_session (c, V (10), NULL);
  close_session (c, b);
  g_assert_cmpuint (gw_service_get_session_count (service), ==, before + 1);
  client_free (c); /* drops the TCP connection with session a open */
  wait_session_count (before);
}

/* ---- stopping ---- */

/* A synchronous ExecuteStatement of a query that would run for hours; the reply's message. */
static gpointer
run_endless_query (gpointer data)
{
  g_autoptr (Client) c = client_new_on (GPOINTER_TO_UINT (data));
  g_autoptr (TSessionHandle) session = open_session (c, V (10), NULL);
  g_autoptr (TExecuteStatementResp) resp =
      execute (c, session, "SELECT count(*) FROM range(100000000000)", FALSE);
  assert_error (resp->status);
  return g_strdup (resp->status->errorMessage);
}

/* Stopping the endpoint ends a call that waits for a statement, promptly and with a reply. */
static void
test_stop_ends_waiting_calls (void)
{
  g_autoptr (GwConfig) config = test_config ();
  g_autoptr (GError) error = NULL;
  GwService *own_service = gw_service_new (config, &error);
  g_assert_no_error (error);
  GwEndpoint *own = gw_hs2_endpoint_new (own_service, &error);
  g_assert_no_error (error);
  g_assert_true (gw_endpoint_start (own, &error));
  guint own_port = gw_hs2_endpoint_get_port (own);
  GThread *thread = g_thread_new ("endless-query", run_endless_query, GUINT_TO_POINTER (own_port));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gw_service_get_session_count (own_service) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  g_usleep (300000); /* the statement is running */
  gint64 start = g_get_monotonic_time ();
  gw_endpoint_stop (own);
  /* Not the 5 s call timeout, nor the hours of the query (the bound leaves room for valgrind). */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
  g_autofree gchar *message = g_thread_join (thread);
  g_test_message ("the waiting call answered: %s", message);
  g_assert_cmpuint (gw_service_get_session_count (own_service), ==, 0);
  gw_endpoint_free (own);
  gw_service_free (own_service);
}

/* ---- HTTP mode ---- */

/* One POST /cliservice (Basic credentials); the 200 response's body. */
static GBytes *
http_post (GBytes *body)
{
  g_autoptr (GSocketConnection) conn = raw_connect (http_port);
  g_autofree gchar *credentials = g_base64_encode ((const guchar *) "bob:secret", 10);
  g_autofree gchar *head = g_strdup_printf (
      "POST /cliservice HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-thrift\r\n"
      "Authorization: Basic %s\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n",
      credentials, g_bytes_get_size (body));
  raw_write (conn, head, strlen (head));
  raw_write (conn, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_autoptr (GByteArray) reply = raw_read_to_eof (conn);
  g_assert_cmpuint (reply->len, >, 12);
  g_assert_true (memcmp (reply->data, "HTTP/1.1 200", 12) == 0);
  gsize offset = 0;
  for (gsize i = 0; offset == 0 && i + 4 <= reply->len; i++)
    if (memcmp (reply->data + i, "\r\n\r\n", 4) == 0)
      offset = i + 4;
  g_assert_cmpuint (offset, >, 0);
  return g_bytes_new (reply->data + offset, reply->len - offset);
}

/* HTTP mode: a session spans requests (and connections) and is usable over binary too. */
static void
test_http (void)
{
  guint before = gw_service_get_session_count (service);
  g_autoptr (GBytes) open_body = open_session_message (V (10));
  g_autoptr (GBytes) open_reply = http_post (open_body);
  g_autoptr (MemClient) reader = mem_client_new (open_reply);
  g_autoptr (TOpenSessionResp) opened = NEW (TOpenSessionResp, TYPE_T_OPEN_SESSION_RESP);
  g_autoptr (GError) error = NULL;
  g_assert_true (t_c_l_i_service_client_recv_open_session (reader->client, &opened, &error));
  g_assert_no_error (error);
  assert_success (opened->status);
  g_assert_cmpint (opened->serverProtocolVersion, ==, V (10));
  /* The HTTP connection closed; the session did not. */
  g_assert_cmpuint (gw_service_get_session_count (service), ==, before + 1);
  TSessionHandle *session = opened->sessionHandle;

  g_autoptr (MemClient) writer = mem_client_new (NULL);
  g_autoptr (TGetInfoReq) info_req = NEW (TGetInfoReq, TYPE_T_GET_INFO_REQ);
  g_set_object (&info_req->sessionHandle, session);
  info_req->infoType = T_GET_INFO_TYPE_CLI_USER_NAME;
  g_assert_true (t_c_l_i_service_client_send_get_info (writer->client, info_req, &error));
  g_autoptr (GBytes) info_body = mem_client_output (writer);
  g_autoptr (GBytes) info_reply = http_post (info_body);
  g_autoptr (MemClient) info_reader = mem_client_new (info_reply);
  g_autoptr (TGetInfoResp) info = NEW (TGetInfoResp, TYPE_T_GET_INFO_RESP);
  g_assert_true (t_c_l_i_service_client_recv_get_info (info_reader->client, &info, &error));
  assert_success (info->status);
  g_assert_cmpstr (info->infoValue->stringValue, ==, "bob"); /* the Basic user */

  g_autoptr (Client) binary = client_new ();
  g_autoptr (TOperationHandle) op = execute_ok (binary, session, "SELECT 7", FALSE);
  g_assert_true (op->hasResultSet);
  close_session (binary, session);
  g_assert_cmpuint (gw_service_get_session_count (service), ==, before);
}

int
main (int argc, char **argv)
{
  gw_hs2_test_start (&argc, &argv);

  g_test_add_func ("/hs2/client/protocol-versions", test_protocol_versions);
  g_test_add_func ("/hs2/client/metadata", test_metadata);
  g_test_add_func ("/hs2/client/get-info", test_get_info);
  g_test_add_func ("/hs2/client/errors", test_errors);
  g_test_add_func ("/hs2/client/unknown-method", test_unknown_method);
  g_test_add_func ("/hs2/client/log-and-dml", test_log_and_dml);
  g_test_add_func ("/hs2/client/async-cancel-timeout", test_async_cancel_timeout);
  g_test_add_func ("/hs2/client/connection-close-closes-sessions",
                   test_connection_close_closes_sessions);
  g_test_add_func ("/hs2/endpoint/stop-ends-waiting-calls", test_stop_ends_waiting_calls);
  g_test_add_func ("/hs2/http/session-spans-requests", test_http);
  return gw_hs2_test_run ();
}
