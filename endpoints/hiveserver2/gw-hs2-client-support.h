/* Shared support for the HiveServer2 client tests (gw-hs2-client-test.c, gw-hs2-hostile-test.c):
 * an in-process service (DuckDB :memory:) and the HiveServer2 endpoint on free ports, a c_glib
 * TCLIService client (the same generated code) over real sockets, one helper per RPC that
 * asserts the call itself worked, raw sockets for hand-cut bytes, and in-memory clients for HTTP
 * bodies and hand-cut messages. */
#pragma once

#include "gw-hs2-endpoint.h"
#include "gw-hs2-transport.h"
#include "tcli-ensure-types.h"
#include "t_c_l_i_service.h"

#include <gio/gio.h>
#include <thrift/c_glib/protocol/thrift_binary_protocol.h>
#include <thrift/c_glib/thrift_application_exception.h>
#include <thrift/c_glib/transport/thrift_buffered_transport.h>
#include <thrift/c_glib/transport/thrift_socket.h>

#define V(n) T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V##n
#define MAX_MESSAGE_SIZE 1048576

/* The generated structs are GObjects without autoptr declarations. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TCancelOperationReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TCancelOperationResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TCloseOperationReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TCloseOperationResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TCloseSessionReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TCloseSessionResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TExecuteStatementReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TExecuteStatementResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TFetchResultsReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TFetchResultsResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetDelegationTokenReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetDelegationTokenResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetInfoReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetInfoResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetOperationStatusReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetOperationStatusResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetQueryIdReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetQueryIdResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetResultSetMetadataReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetResultSetMetadataResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TOpenSessionReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TOpenSessionResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TOperationHandle, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TSessionHandle, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TTableSchema, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThriftApplicationException, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetTypeInfoReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetTypeInfoResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetCatalogsReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetCatalogsResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetSchemasReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetSchemasResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetTablesReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetTablesResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetTableTypesReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetTableTypesResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetColumnsReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetColumnsResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetFunctionsReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetFunctionsResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetPrimaryKeysReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetPrimaryKeysResp, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetCrossReferenceReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TGetCrossReferenceResp, g_object_unref)

/* The gateway under test, started by gw_hs2_test_start () on free ports. */
extern GwService  *service;
extern GwEndpoint *endpoint;
extern guint       port;
extern guint       http_port;

/* ---- a c_glib client: ThriftSocket + ThriftBufferedTransport + ThriftBinaryProtocol ---- */

typedef struct {
  ThriftSocket    *socket;    /* the buffered transport does not take a reference */
  ThriftTransport *transport;
  ThriftProtocol  *protocol;
  TCLIServiceIf   *client;
} Client;

Client *client_new_on (guint to_port);
Client *client_new (void);
void    client_free (Client *c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, client_free)

/* Each RPC: allocate the request and the response, call, assert the call itself worked. */
#define CALL(c, method, resp, req)                                                             \
  G_STMT_START {                                                                               \
    g_autoptr (GError) call_error_ = NULL;                                                     \
    gboolean call_ok_ = t_c_l_i_service_client_##method ((c)->client, &(resp), (req),          \
                                                         &call_error_);                        \
    g_assert_no_error (call_error_);                                                           \
    g_assert_true (call_ok_);                                                                  \
  } G_STMT_END

#define NEW(Type, TYPE) ((Type *) g_object_new (TYPE, NULL))

void                     assert_success (const TStatus *status);
void                     assert_error (const TStatus *status);
TSessionHandle          *open_session (Client *c, gint version, TProtocolVersion *negotiated);
void                     close_session (Client *c, TSessionHandle *session);
TExecuteStatementResp   *execute (Client *c, TSessionHandle *session, const char *sql,
                                  gboolean run_async);
/* A statement that must succeed; returns its operation handle. */
TOperationHandle        *execute_ok (Client *c, TSessionHandle *session, const char *sql,
                                     gboolean run_async);
TGetOperationStatusResp *operation_status (Client *c, TOperationHandle *op, gboolean progress);
/* Polls (each poll is a server-side long poll) until the state is one of the terminal ones. */
TOperationState          wait_state (Client *c, TOperationHandle *op);
TTableSchema            *result_set_metadata (Client *c, TOperationHandle *op);
TFetchResultsResp       *fetch (Client *c, TOperationHandle *op, TFetchOrientation orientation,
                                gint64 max_rows, gint16 fetch_type);
TStatusCode              close_operation (Client *c, TOperationHandle *op);
TGetInfoResp            *get_info (Client *c, TSessionHandle *session, gint32 type);
/* Row count of a columnar row set (length of column 0), checking every column has it. */
guint                    columnar_rows (const TRowSet *rows);
gboolean                 is_null (const GByteArray *nulls, guint row);

/* Runs a metadata RPC: Req/Resp types, client method, the expected operation type. */
#define METADATA(c, method, Req, REQ, Resp, RESP, op_type, setup)                              \
  ({                                                                                           \
    g_autoptr (Req) req_ = NEW (Req, REQ);                                                     \
    g_autoptr (Resp) resp_ = NEW (Resp, RESP);                                                 \
    g_set_object (&req_->sessionHandle, session);                                              \
    setup;                                                                                     \
    CALL (c, method, resp_, req_);                                                             \
    assert_success (resp_->status);                                                            \
    g_assert_true (resp_->__isset_operationHandle);                                            \
    g_assert_cmpint (resp_->operationHandle->operationType, ==, op_type);                      \
    (TOperationHandle *) g_object_ref (resp_->operationHandle);                                \
  })

#define SET_STRING(field, value) (req_->field = g_strdup (value), req_->__isset_##field = TRUE)

/* The column names of a metadata operation's result set, comma-separated; *n_rows its rows. */
gchar *metadata_columns (Client *c, TOperationHandle *op, guint *n_rows);
void   check_metadata (Client *c, TOperationHandle *op, const char *expected, guint min_rows,
                       guint max_rows);

/* The test configuration: DuckDB :memory:, both ports 0, short login and long-poll timeouts. */
GwConfig *test_config (void);

/* ---- raw sockets ---- */

GSocketConnection *raw_connect (guint to_port);
/* Writes what the server lets through: it may close before a hostile write ends. */
void               raw_write (GSocketConnection *conn, const void *data, gsize length);
void               raw_shutdown_write (GSocketConnection *conn);
/* Everything the server sends until it closes the connection. */
GByteArray        *raw_read_to_eof (GSocketConnection *conn);
void               put_u32 (GByteArray *b, guint32 v);
void               put_bytes (GByteArray *b, const void *data, gsize length);
/* A SASL PLAIN handshake as Python and node clients send it; asserts the server's COMPLETE. */
void               sasl_login (GSocketConnection *conn);

/* A client whose messages go to / come from memory (HTTP bodies, hand-cut messages). */
typedef struct {
  GOutputStream   *out;
  GwHs2Transport  *transport;
  ThriftProtocol  *protocol;
  TCLIServiceIf   *client;
} MemClient;

MemClient *mem_client_new (GBytes *input);
GBytes    *mem_client_output (MemClient *m);
void       mem_client_free (MemClient *m);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MemClient, mem_client_free)

/* An OpenSession call at that protocol version, as bytes. */
GBytes *open_session_message (gint version);

/* ---- the program ---- */

/* Initialises GLib testing and starts the service and the endpoint (binary and HTTP). */
void gw_hs2_test_start (int *argc, char ***argv);
/* Runs the registered tests, stops and frees the endpoint and the service; the exit status. */
int  gw_hs2_test_run (void);
