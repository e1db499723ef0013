/* Shared support for the HiveServer2 client tests: see gw-hs2-client-support.h. */
#include "gw-hs2-client-support.h"

#include <signal.h>
#include <string.h>
#include <sys/socket.h>

GwService  *service;
GwEndpoint *endpoint;
guint       port;
guint       http_port;

/* ---- a c_glib client: ThriftSocket + ThriftBufferedTransport + ThriftBinaryProtocol ---- */

Client *
client_new_on (guint to_port)
{
  Client *c = g_new0 (Client, 1);
  c->socket = g_object_new (THRIFT_TYPE_SOCKET, "hostname", "127.0.0.1", "port", to_port, NULL);
  c->transport = g_object_new (THRIFT_TYPE_BUFFERED_TRANSPORT, "transport", c->socket,
                               "w_buf_size", 65536, NULL);
  c->protocol = g_object_new (THRIFT_TYPE_BINARY_PROTOCOL, "transport", c->transport, NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (thrift_transport_open (c->transport, &error));
  g_assert_no_error (error);
  c->client = g_object_new (TYPE_T_C_L_I_SERVICE_CLIENT, "input_protocol", c->protocol,
                            "output_protocol", c->protocol, NULL);
  return c;
}

Client *
client_new (void)
{
  return client_new_on (port);
}

void
client_free (Client *c)
{
  thrift_transport_close (c->transport, NULL);
  g_object_unref (c->client);
  g_object_unref (c->protocol);
  g_object_unref (c->transport);
  g_object_unref (c->socket);
  g_free (c);
}

void
assert_success (const TStatus *status)
{
  if (status->statusCode != T_STATUS_CODE_SUCCESS_STATUS)
    g_error ("status %d: %s", status->statusCode, status->errorMessage);
}

void
assert_error (const TStatus *status)
{
  g_assert_cmpint (status->statusCode, ==, T_STATUS_CODE_ERROR_STATUS);
  g_assert_true (status->__isset_errorMessage);
  g_assert_cmpstr (status->errorMessage, !=, "");
  g_assert_true (status->__isset_sqlState);
  g_assert_cmpuint (strlen (status->sqlState), ==, 5);
  g_assert_false (status->__isset_infoMessages); /* Hive JDBC crashes on an empty list */
}

TSessionHandle *
open_session (Client *c, gint version, TProtocolVersion *negotiated)
{
  g_autoptr (TOpenSessionReq) req = NEW (TOpenSessionReq, TYPE_T_OPEN_SESSION_REQ);
  g_autoptr (TOpenSessionResp) resp = NEW (TOpenSessionResp, TYPE_T_OPEN_SESSION_RESP);
  req->client_protocol = version;
  req->username = g_strdup ("alice");
  req->__isset_username = TRUE;
  CALL (c, open_session, resp, req);
  assert_success (resp->status);
  g_assert_true (resp->__isset_sessionHandle);
  g_assert_cmpuint (resp->sessionHandle->sessionId->guid->len, ==, 16);
  g_assert_cmpuint (resp->sessionHandle->sessionId->secret->len, ==, 16);
  /* JDBC reads the configuration map without a null check. */
  g_assert_true (resp->__isset_configuration);
  g_assert_cmpstr (g_hash_table_lookup (resp->configuration,
                                        "hive.server2.thrift.resultset.default.fetch.size"),
                   ==, "1000");
  if (negotiated != NULL)
    *negotiated = resp->serverProtocolVersion;
  return g_object_ref (resp->sessionHandle);
}

void
close_session (Client *c, TSessionHandle *session)
{
  g_autoptr (TCloseSessionReq) req = NEW (TCloseSessionReq, TYPE_T_CLOSE_SESSION_REQ);
  g_autoptr (TCloseSessionResp) resp = NEW (TCloseSessionResp, TYPE_T_CLOSE_SESSION_RESP);
  g_set_object (&req->sessionHandle, session);
  CALL (c, close_session, resp, req);
  assert_success (resp->status);
}

TExecuteStatementResp *
execute (Client *c, TSessionHandle *session, const char *sql, gboolean run_async)
{
  g_autoptr (TExecuteStatementReq) req = NEW (TExecuteStatementReq, TYPE_T_EXECUTE_STATEMENT_REQ);
  TExecuteStatementResp *resp = NEW (TExecuteStatementResp, TYPE_T_EXECUTE_STATEMENT_RESP);
  g_set_object (&req->sessionHandle, session);
  req->statement = g_strdup (sql);
  req->runAsync = run_async;
  req->__isset_runAsync = TRUE;
  CALL (c, execute_statement, resp, req);
  return resp;
}

/* A statement that must succeed; returns its operation handle. */
TOperationHandle *
execute_ok (Client *c, TSessionHandle *session, const char *sql, gboolean run_async)
{
  g_autoptr (TExecuteStatementResp) resp = execute (c, session, sql, run_async);
  assert_success (resp->status);
  g_assert_true (resp->__isset_operationHandle);
  return g_object_ref (resp->operationHandle);
}

TGetOperationStatusResp *
operation_status (Client *c, TOperationHandle *op, gboolean progress)
{
  g_autoptr (TGetOperationStatusReq) req = NEW (TGetOperationStatusReq,
                                                TYPE_T_GET_OPERATION_STATUS_REQ);
  TGetOperationStatusResp *resp = NEW (TGetOperationStatusResp, TYPE_T_GET_OPERATION_STATUS_RESP);
  g_set_object (&req->operationHandle, op);
  req->getProgressUpdate = progress;
  req->__isset_getProgressUpdate = TRUE;
  CALL (c, get_operation_status, resp, req);
  return resp;
}

/* Polls (each poll is a server-side long poll) until the state is one of the terminal ones. */
TOperationState
wait_state (Client *c, TOperationHandle *op)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline) {
    g_autoptr (TGetOperationStatusResp) st = operation_status (c, op, FALSE);
    assert_success (st->status);
    g_assert_true (st->__isset_operationState);
    switch (st->operationState) {
    case T_OPERATION_STATE_INITIALIZED_STATE:
    case T_OPERATION_STATE_PENDING_STATE:
    case T_OPERATION_STATE_RUNNING_STATE:
      continue;
    default:
      return st->operationState;
    }
  }
  g_error ("the operation did not end within 30 s");
}

TTableSchema *
result_set_metadata (Client *c, TOperationHandle *op)
{
  g_autoptr (TGetResultSetMetadataReq) req = NEW (TGetResultSetMetadataReq,
                                                  TYPE_T_GET_RESULT_SET_METADATA_REQ);
  g_autoptr (TGetResultSetMetadataResp) resp = NEW (TGetResultSetMetadataResp,
                                                    TYPE_T_GET_RESULT_SET_METADATA_RESP);
  g_set_object (&req->operationHandle, op);
  CALL (c, get_result_set_metadata, resp, req);
  assert_success (resp->status);
  g_assert_true (resp->__isset_schema);
  return g_object_ref (resp->schema);
}

TFetchResultsResp *
fetch (Client *c, TOperationHandle *op, TFetchOrientation orientation, gint64 max_rows,
       gint16 fetch_type)
{
  g_autoptr (TFetchResultsReq) req = NEW (TFetchResultsReq, TYPE_T_FETCH_RESULTS_REQ);
  TFetchResultsResp *resp = NEW (TFetchResultsResp, TYPE_T_FETCH_RESULTS_RESP);
  g_set_object (&req->operationHandle, op);
  req->orientation = orientation;
  req->maxRows = max_rows;
  req->fetchType = fetch_type;
  req->__isset_fetchType = TRUE;
  CALL (c, fetch_results, resp, req);
  return resp;
}

TStatusCode
close_operation (Client *c, TOperationHandle *op)
{
  g_autoptr (TCloseOperationReq) req = NEW (TCloseOperationReq, TYPE_T_CLOSE_OPERATION_REQ);
  g_autoptr (TCloseOperationResp) resp = NEW (TCloseOperationResp, TYPE_T_CLOSE_OPERATION_RESP);
  g_set_object (&req->operationHandle, op);
  CALL (c, close_operation, resp, req);
  return resp->status->statusCode;
}

/* Row count of a columnar row set (length of column 0), checking every column has it. */
guint
columnar_rows (const TRowSet *rows)
{
  g_assert_true (rows->__isset_columns);
  g_assert_cmpuint (rows->rows->len, ==, 0);
  guint n = G_MAXUINT;
  for (guint i = 0; i < rows->columns->len; i++) {
    const TColumn *col = rows->columns->pdata[i];
    guint len = col->__isset_stringVal ? col->stringVal->values->len
              : col->__isset_i32Val    ? col->i32Val->values->len
              : col->__isset_i16Val    ? col->i16Val->values->len
              : col->__isset_i64Val    ? col->i64Val->values->len
              : col->__isset_boolVal   ? col->boolVal->values->len
              : col->__isset_byteVal   ? col->byteVal->values->len
              : col->__isset_doubleVal ? col->doubleVal->values->len
                                       : col->binaryVal->values->len;
    g_assert_true (n == G_MAXUINT || n == len);
    n = len;
  }
  return n == G_MAXUINT ? 0 : n;
}

gboolean
is_null (const GByteArray *nulls, guint row)
{
  return nulls != NULL && row / 8 < nulls->len && (nulls->data[row / 8] & (1u << (row % 8)));
}

/* ---- metadata ---- */

gchar *
metadata_columns (Client *c, TOperationHandle *op, guint *n_rows)
{
  g_assert_true (op->hasResultSet);
  /* FINISHED when the RPC returns: JDBC fetches metadata without polling. */
  g_autoptr (TGetOperationStatusResp) st = operation_status (c, op, FALSE);
  g_assert_cmpint (st->operationState, ==, T_OPERATION_STATE_FINISHED_STATE);
  g_autoptr (TTableSchema) schema = result_set_metadata (c, op);
  GString *names = g_string_new (NULL);
  for (guint i = 0; i < schema->columns->len; i++)
    g_string_append_printf (names, "%s%s", i ? "," : "",
                            ((TColumnDesc *) schema->columns->pdata[i])->columnName);
  g_autoptr (TFetchResultsResp) page = fetch (c, op, T_FETCH_ORIENTATION_FETCH_NEXT, 10000, 0);
  assert_success (page->status);
  g_assert_cmpuint (page->results->columns->len, ==, schema->columns->len);
  *n_rows = columnar_rows (page->results);
  g_assert_cmpint (close_operation (c, op), ==, T_STATUS_CODE_SUCCESS_STATUS);
  return g_string_free (names, FALSE);
}

void
check_metadata (Client *c, TOperationHandle *op, const char *expected, guint min_rows,
                guint max_rows)
{
  guint n_rows = 0;
  g_autofree gchar *names = metadata_columns (c, op, &n_rows);
  g_assert_cmpstr (names, ==, expected);
  g_assert_cmpuint (n_rows, >=, min_rows);
  g_assert_cmpuint (n_rows, <=, max_rows);
  g_object_unref (op);
}

/* ---- GetInfo ---- */

TGetInfoResp *
get_info (Client *c, TSessionHandle *session, gint32 type)
{
  g_autoptr (TGetInfoReq) req = NEW (TGetInfoReq, TYPE_T_GET_INFO_REQ);
  TGetInfoResp *resp = NEW (TGetInfoResp, TYPE_T_GET_INFO_RESP);
  g_set_object (&req->sessionHandle, session);
  req->infoType = type;
  CALL (c, get_info, resp, req);
  return resp;
}

/* ---- configuration ---- */

GwConfig *
test_config (void)
{
  GwConfig *config = gw_config_new ();
  gw_config_set (config, "sql-gateway.engine.duckdb.path", ":memory:");
  gw_config_set (config, "sql-gateway.engine.duckdb.catalogs", "hive");
  gw_config_set (config, "sql-gateway.endpoint.hiveserver2.thrift.port", "0");
  gw_config_set (config, "sql-gateway.endpoint.hiveserver2.thrift.http.port", "0");
  gw_config_set (config, "sql-gateway.endpoint.hiveserver2.thrift.login.timeout", "1 s");
  gw_config_set (config, "sql-gateway.endpoint.hiveserver2.thrift.long-polling.timeout", "500 ms");
  gw_config_set (config, "sql-gateway.endpoint.hiveserver2.thrift.max.message.size",
                 G_STRINGIFY (MAX_MESSAGE_SIZE));
  g_autoptr (GError) error = NULL;
  gw_config_validate (config, &error);
  g_assert_no_error (error);
  return config;
}

/* ---- raw sockets: HTTP mode and hostile input ---- */

GSocketConnection *
raw_connect (guint to_port)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GError) error = NULL;
  GSocketConnection *conn = g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) to_port,
                                                             NULL, &error);
  g_assert_no_error (error);
  /* A server that fails to close a bad connection fails the test instead of hanging it. */
  g_socket_set_timeout (g_socket_connection_get_socket (conn), 10);
  return conn;
}

/* Writes what the server lets through: it may close before a hostile write ends. */
void
raw_write (GSocketConnection *conn, const void *data, gsize length)
{
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), data, length,
                             NULL, NULL, NULL);
}

void
raw_shutdown_write (GSocketConnection *conn)
{
  g_socket_shutdown (g_socket_connection_get_socket (conn), FALSE, TRUE, NULL);
}

/* Everything the server sends until it closes the connection. */
GByteArray *
raw_read_to_eof (GSocketConnection *conn)
{
  GByteArray *data = g_byte_array_new ();
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  while (TRUE) {
    guint8 buf[4096];
    g_autoptr (GError) error = NULL;
    gssize n = g_input_stream_read (in, buf, sizeof buf, NULL, &error);
    if (n == 0 || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
        g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
      break;
    g_assert_no_error (error); /* G_IO_ERROR_TIMED_OUT: the server kept the connection open */
    g_byte_array_append (data, buf, (guint) n);
  }
  return data;
}

void
put_u32 (GByteArray *b, guint32 v)
{
  guint8 be[4] = { (guint8) (v >> 24), (guint8) (v >> 16), (guint8) (v >> 8), (guint8) v };
  g_byte_array_append (b, be, 4);
}

void
put_bytes (GByteArray *b, const void *data, gsize length)
{
  g_byte_array_append (b, data, (guint) length);
}

/* A SASL PLAIN handshake as Python and node clients send it; asserts the server's COMPLETE. */
void
sasl_login (GSocketConnection *conn)
{
  static const char response[] = "\0bob\0secret";
  g_autoptr (GByteArray) b = g_byte_array_new ();
  put_bytes (b, "\x01", 1);
  put_u32 (b, 5);
  put_bytes (b, "PLAIN", 5);
  put_bytes (b, "\x02", 1);
  put_u32 (b, sizeof response - 1);
  put_bytes (b, response, sizeof response - 1);
  raw_write (conn, b->data, b->len);
  guint8 reply[5];
  gsize got = 0;
  g_autoptr (GError) error = NULL;
  g_input_stream_read_all (g_io_stream_get_input_stream (G_IO_STREAM (conn)), reply, 5, &got, NULL,
                           &error);
  g_assert_no_error (error);
  static const guint8 complete[5] = { 0x05, 0, 0, 0, 0 };
  g_assert_cmpmem (reply, got, complete, 5);
}

MemClient *
mem_client_new (GBytes *input)
{
  MemClient *m = g_new0 (MemClient, 1);
  g_autoptr (GInputStream) in = input ? g_memory_input_stream_new_from_bytes (input)
                                      : g_memory_input_stream_new ();
  m->out = g_memory_output_stream_new_resizable ();
  g_autoptr (GIOStream) stream = g_simple_io_stream_new (in, m->out);
  m->transport = gw_hs2_transport_new (stream, 0);
  m->protocol = g_object_new (THRIFT_TYPE_BINARY_PROTOCOL, "transport", m->transport, NULL);
  m->client = g_object_new (TYPE_T_C_L_I_SERVICE_CLIENT, "input_protocol", m->protocol,
                            "output_protocol", m->protocol, NULL);
  return m;
}

GBytes *
mem_client_output (MemClient *m)
{
  g_output_stream_close (m->out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (m->out));
}

void
mem_client_free (MemClient *m)
{
  g_object_unref (m->client);
  g_object_unref (m->protocol);
  g_object_unref (m->transport);
  g_object_unref (m->out);
  g_free (m);
}

GBytes *
open_session_message (gint version)
{
  g_autoptr (MemClient) m = mem_client_new (NULL);
  g_autoptr (TOpenSessionReq) req = NEW (TOpenSessionReq, TYPE_T_OPEN_SESSION_REQ);
  req->client_protocol = version;
  g_autoptr (GError) error = NULL;
  g_assert_true (t_c_l_i_service_client_send_open_session (m->client, req, &error));
  return mem_client_output (m);
}

/* ---- the program ---- */

void
gw_hs2_test_start (int *argc, char ***argv)
{
  signal (SIGPIPE, SIG_IGN);
  tcli_ensure_types ();
  g_test_init (argc, argv, NULL);
  /* Thrift c_glib's dispatch processor warns about every message it cannot read, and the
   * hostile tests send such messages on purpose: warnings are not fatal here, criticals are. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_autoptr (GwConfig) config = test_config ();
  g_autoptr (GError) error = NULL;
  service = gw_service_new (config, &error);
  g_assert_no_error (error);
  endpoint = gw_hs2_endpoint_new (service, &error);
  g_assert_no_error (error);
  g_assert_true (gw_endpoint_start (endpoint, &error));
  port = gw_hs2_endpoint_get_port (endpoint);
  http_port = gw_hs2_endpoint_get_http_port (endpoint);
  g_assert_cmpuint (port, >, 0);
  g_assert_cmpuint (http_port, >, 0);
}

int
gw_hs2_test_run (void)
{
  int status = g_test_run ();

  gw_endpoint_stop (endpoint);
  gw_endpoint_free (endpoint);
  gw_service_free (service);
  return status;
}
