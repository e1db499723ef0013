/* The benchmarks' HiveServer2 client: ThriftSocket + ThriftBufferedTransport +
 * ThriftBinaryProtocol and the generated TCLIServiceClient for every RPC; FetchResults replies
 * decoded by the generated reader or by a lean one.
 *
 * The socket is a ThriftSocket subclass that counts the bytes it receives and, unless told not
 * to, reads ahead: ThriftBufferedTransport 0.17 does no read buffering (stack.md §2, trap 4),
 * so the stock stack makes one recv() per field header and per value. */
#include "gw-bench-hs2.h"

#include "t_c_l_i_service.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <thrift/c_glib/protocol/thrift_binary_protocol.h>
#include <thrift/c_glib/thrift_application_exception.h>
#include <thrift/c_glib/transport/thrift_buffered_transport.h>
#include <thrift/c_glib/transport/thrift_socket.h>

#define READ_AHEAD_SIZE (1024 * 1024)  /* also the largest value the lean reader borrows */
#define WRITE_BUF_SIZE  65536          /* requests are small: one send() each */

#define NEW(Type, TYPE) ((Type *) g_object_new (TYPE, NULL))

/* The generated structs are GObjects without autoptr declarations. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TFetchResultsReq, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TStatus, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThriftApplicationException, g_object_unref)

/* ---- GwBenchSocket: ThriftSocket with read-ahead and a byte count ------------------------ */

typedef struct {
  ThriftSocket parent;
  gboolean     read_ahead;
  guint8      *buf;       /* READ_AHEAD_SIZE bytes; [pos, end) not handed out yet */
  gsize        pos, end;
  guint64      received;  /* bytes received from the socket */
} GwBenchSocket;

typedef struct {
  ThriftSocketClass parent_class;
} GwBenchSocketClass;

G_DEFINE_TYPE (GwBenchSocket, gw_bench_socket, THRIFT_TYPE_SOCKET)

/* One recv() of at most n bytes (at least 1); -1 with error on failure or end of stream. */
static gssize
socket_receive (GwBenchSocket *self, guint8 *dst, gsize n, GError **error)
{
  gssize got;
  do
    got = recv (self->parent.sd, dst, n, 0);
  while (got < 0 && errno == EINTR);
  if (got <= 0) {
    g_set_error (error, THRIFT_TRANSPORT_ERROR, THRIFT_TRANSPORT_ERROR_RECEIVE,
                 "failed to read %zu bytes: %s", n,
                 got == 0 ? "connection closed" : g_strerror (errno));
    return -1;
  }
  self->received += (guint64) got;
  return got;
}

static gint32
gw_bench_socket_read (ThriftTransport *transport, gpointer buf, guint32 len, GError **error)
{
  GwBenchSocket *self = (GwBenchSocket *) transport;
  guint8 *out = buf;
  gsize done = 0;

  while (done < len) {
    gsize have = self->end - self->pos;
    if (have > 0) {
      gsize n = MIN (have, len - done);
      memcpy (out + done, self->buf + self->pos, n);
      self->pos += n;
      done += n;
      continue;
    }
    if (!self->read_ahead || len - done >= READ_AHEAD_SIZE) {
      gssize got = socket_receive (self, out + done, len - done, error);
      if (got < 0)
        return -1;
      done += (gsize) got;
      continue;
    }
    gssize got = socket_receive (self, self->buf, READ_AHEAD_SIZE, error);
    if (got < 0)
      return -1;
    self->pos = 0;
    self->end = (gsize) got;
  }
  return (gint32) len;
}

static gboolean
gw_bench_socket_peek (ThriftTransport *transport, GError **error)
{
  GwBenchSocket *self = (GwBenchSocket *) transport;
  return self->end > self->pos ||
         THRIFT_TRANSPORT_CLASS (gw_bench_socket_parent_class)->peek (transport, error);
}

/* The next n <= READ_AHEAD_SIZE bytes of the stream, contiguous, valid until the next read. */
static inline const guint8 *
socket_borrow (GwBenchSocket *self, gsize n, GError **error)
{
  if (G_UNLIKELY (self->end - self->pos < n)) {
    memmove (self->buf, self->buf + self->pos, self->end - self->pos);
    self->end -= self->pos;
    self->pos = 0;
    while (self->end < n) {
      gssize got = socket_receive (self, self->buf + self->end, READ_AHEAD_SIZE - self->end,
                                   error);
      if (got < 0)
        return NULL;
      self->end += (gsize) got;
    }
  }
  const guint8 *p = self->buf + self->pos;
  self->pos += n;
  return p;
}

static void
gw_bench_socket_finalize (GObject *object)
{
  g_free (((GwBenchSocket *) object)->buf);
  G_OBJECT_CLASS (gw_bench_socket_parent_class)->finalize (object);
}

static void
gw_bench_socket_class_init (GwBenchSocketClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_bench_socket_finalize;
  THRIFT_TRANSPORT_CLASS (klass)->read = gw_bench_socket_read;
  THRIFT_TRANSPORT_CLASS (klass)->peek = gw_bench_socket_peek;
}

static void
gw_bench_socket_init (GwBenchSocket *self)
{
  self->buf = g_malloc (READ_AHEAD_SIZE);
  self->read_ahead = TRUE;
}

/* ---- connection and control RPCs --------------------------------------------------------- */

struct _GwBenchHs2 {
  GwBenchSocket   *socket;     /* the buffered transport does not take a reference */
  ThriftTransport *transport;  /* ThriftBufferedTransport */
  ThriftProtocol  *protocol;
  TCLIServiceIf   *client;
  TSessionHandle  *session;    /* nullable */
};

GwBenchHs2 *
gw_bench_hs2_connect (const char *host, guint port, gboolean read_ahead, GError **error)
{
  GwBenchHs2 *hs2 = g_new0 (GwBenchHs2, 1);
  hs2->socket = g_object_new (gw_bench_socket_get_type (), "hostname", host, "port", port, NULL);
  hs2->socket->read_ahead = read_ahead;
  hs2->transport = g_object_new (THRIFT_TYPE_BUFFERED_TRANSPORT, "transport", hs2->socket,
                                 "w_buf_size", WRITE_BUF_SIZE, "r_buf_size", READ_AHEAD_SIZE,
                                 NULL);
  hs2->protocol = g_object_new (THRIFT_TYPE_BINARY_PROTOCOL, "transport", hs2->transport, NULL);
  hs2->client = g_object_new (TYPE_T_C_L_I_SERVICE_CLIENT, "input_protocol", hs2->protocol,
                              "output_protocol", hs2->protocol, NULL);
  if (!thrift_transport_open (hs2->transport, error)) {
    g_prefix_error (error, "connect to %s:%u: ", host, port);
    gw_bench_hs2_free (hs2);
    return NULL;
  }
  /* Every request is one send(); Hive JDBC sets TCP_NODELAY as well. */
  int one = 1;
  setsockopt (hs2->socket->parent.sd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return hs2;
}

void
gw_bench_hs2_free (GwBenchHs2 *hs2)
{
  if (hs2 == NULL)
    return;
  if (thrift_transport_is_open (hs2->transport))
    thrift_transport_close (hs2->transport, NULL);
  g_clear_object (&hs2->session);
  g_object_unref (hs2->client);
  g_object_unref (hs2->protocol);
  g_object_unref (hs2->transport);
  g_object_unref (hs2->socket);
  g_free (hs2);
}

guint64
gw_bench_hs2_bytes_read (GwBenchHs2 *hs2)
{
  return hs2->socket->received;
}

static gboolean
check_status (const char *what, TStatusCode code, const char *message, GError **error)
{
  if (code == T_STATUS_CODE_SUCCESS_STATUS || code == T_STATUS_CODE_SUCCESS_WITH_INFO_STATUS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: status %d: %s", what, code,
               message != NULL ? message : "(no message)");
  return FALSE;
}

gboolean
gw_bench_hs2_open_session (GwBenchHs2 *hs2, GError **error)
{
  TOpenSessionReq *req = NEW (TOpenSessionReq, TYPE_T_OPEN_SESSION_REQ);
  TOpenSessionResp *resp = NEW (TOpenSessionResp, TYPE_T_OPEN_SESSION_RESP);
  req->client_protocol = T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V10;
  req->username = g_strdup ("gw-bench");
  req->__isset_username = TRUE;
  gboolean ok = t_c_l_i_service_client_open_session (hs2->client, &resp, req, error) &&
                check_status ("OpenSession", resp->status->statusCode,
                              resp->status->errorMessage, error);
  if (ok && resp->serverProtocolVersion != T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V10) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "OpenSession: server chose version %d",
                 resp->serverProtocolVersion + 1);
    ok = FALSE;
  }
  if (ok)
    g_set_object (&hs2->session, resp->sessionHandle);
  g_object_unref (req);
  g_object_unref (resp);
  return ok;
}

gboolean
gw_bench_hs2_close_session (GwBenchHs2 *hs2, GError **error)
{
  if (hs2->session == NULL)
    return TRUE;
  TCloseSessionReq *req = NEW (TCloseSessionReq, TYPE_T_CLOSE_SESSION_REQ);
  TCloseSessionResp *resp = NEW (TCloseSessionResp, TYPE_T_CLOSE_SESSION_RESP);
  g_set_object (&req->sessionHandle, hs2->session);
  gboolean ok = t_c_l_i_service_client_close_session (hs2->client, &resp, req, error) &&
                check_status ("CloseSession", resp->status->statusCode,
                              resp->status->errorMessage, error);
  g_clear_object (&hs2->session);
  g_object_unref (req);
  g_object_unref (resp);
  return ok;
}

TOperationHandle *
gw_bench_hs2_execute (GwBenchHs2 *hs2, const char *sql, GError **error)
{
  TExecuteStatementReq *req = NEW (TExecuteStatementReq, TYPE_T_EXECUTE_STATEMENT_REQ);
  TExecuteStatementResp *resp = NEW (TExecuteStatementResp, TYPE_T_EXECUTE_STATEMENT_RESP);
  TOperationHandle *operation = NULL;
  g_set_object (&req->sessionHandle, hs2->session);
  req->statement = g_strdup (sql);
  req->runAsync = FALSE;
  req->__isset_runAsync = TRUE;
  if (t_c_l_i_service_client_execute_statement (hs2->client, &resp, req, error) &&
      check_status ("ExecuteStatement", resp->status->statusCode, resp->status->errorMessage,
                    error))
    operation = g_object_ref (resp->operationHandle);
  g_object_unref (req);
  g_object_unref (resp);
  return operation;
}

gboolean
gw_bench_hs2_close_operation (GwBenchHs2 *hs2, TOperationHandle *operation, GError **error)
{
  TCloseOperationReq *req = NEW (TCloseOperationReq, TYPE_T_CLOSE_OPERATION_REQ);
  TCloseOperationResp *resp = NEW (TCloseOperationResp, TYPE_T_CLOSE_OPERATION_RESP);
  g_set_object (&req->operationHandle, operation);
  gboolean ok = t_c_l_i_service_client_close_operation (hs2->client, &resp, req, error) &&
                check_status ("CloseOperation", resp->status->statusCode,
                              resp->status->errorMessage, error);
  g_object_unref (req);
  g_object_unref (resp);
  return ok;
}

/* ---- FetchResults through the generated reader ------------------------------------------ */

/* Rows of one generated TColumn (-1 if no arm is set); adds every value to *checksum. */
static gint64
touch_generated_column (const TColumn *column, guint64 *checksum)
{
  guint64 sum = 0;
  guint n;
#define SUM_ARRAY(arm, type)                                  \
  if (column->__isset_##arm) {                                \
    GArray *values = column->arm->values;                     \
    n = values->len;                                          \
    for (guint i = 0; i < n; i++)                             \
      sum += (guint64) (gint64) g_array_index (values, type, i); \
    *checksum += sum;                                         \
    return n;                                                 \
  }
  SUM_ARRAY (boolVal, gboolean)
  SUM_ARRAY (byteVal, gint8)
  SUM_ARRAY (i16Val, gint16)
  SUM_ARRAY (i32Val, gint32)
  SUM_ARRAY (i64Val, gint64)
  SUM_ARRAY (doubleVal, gdouble)
#undef SUM_ARRAY
  if (column->__isset_stringVal) {
    GPtrArray *values = column->stringVal->values;
    for (guint i = 0; i < values->len; i++)
      sum += strlen (g_ptr_array_index (values, i));
    *checksum += sum;
    return values->len;
  }
  if (column->__isset_binaryVal) {
    GPtrArray *values = column->binaryVal->values;
    for (guint i = 0; i < values->len; i++)
      sum += ((GByteArray *) g_ptr_array_index (values, i))->len;
    *checksum += sum;
    return values->len;
  }
  return -1;
}

/* One FetchResults; *rows = the batch's row count. */
static gboolean
fetch_generated (GwBenchHs2 *hs2, TFetchResultsReq *req, guint64 *rows, guint64 *checksum,
                 GError **error)
{
  TFetchResultsResp *resp = NEW (TFetchResultsResp, TYPE_T_FETCH_RESULTS_RESP);
  gboolean ok = t_c_l_i_service_client_fetch_results (hs2->client, &resp, req, error) &&
                check_status ("FetchResults", resp->status->statusCode,
                              resp->status->errorMessage, error);
  gint64 n = -1;
  GPtrArray *columns = ok && resp->__isset_results ? resp->results->columns : NULL;
  for (guint c = 0; ok && columns != NULL && c < columns->len; c++) {
    gint64 column_rows = touch_generated_column (g_ptr_array_index (columns, c), checksum);
    if (column_rows < 0 || (n >= 0 && column_rows != n)) {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "FetchResults: column %u has %" G_GINT64_FORMAT " rows, column 0 %"
                   G_GINT64_FORMAT, c, column_rows, n);
      ok = FALSE;
    }
    n = column_rows;
  }
  if (ok && n < 0) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "FetchResults: no columnar row set");
    ok = FALSE;
  }
  *rows = ok ? (guint64) n : 0;
  g_object_unref (resp);
  return ok;
}

/* ---- FetchResults through the lean reader ----------------------------------------------- */

/* Reading stops at the first failure; every helper returns FALSE once *error is set. */
#define READ(call)               \
  G_STMT_START {                 \
    if ((call) < 0)              \
      return FALSE;              \
  } G_STMT_END

/* The values of a T*Column list: fixed-size ones summed in bulk, strings by length. */
static gboolean
lean_values (GwBenchHs2 *hs2, ThriftType type, guint32 n, guint64 *checksum, GError **error)
{
  GwBenchSocket *socket = hs2->socket;
  guint64 sum = 0;
  gsize size = type == T_BOOL || type == T_BYTE ? 1 : type == T_I16 ? 2 : type == T_I32 ? 4 : 8;

  if (type != T_STRING && type != T_BOOL && type != T_BYTE && type != T_I16 && type != T_I32 &&
      type != T_I64 && type != T_DOUBLE) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "FetchResults: column values of thrift type %d", type);
    return FALSE;
  }

  if (type == T_STRING) {
    for (guint32 i = 0; i < n; i++) {
      const guint8 *p = socket_borrow (socket, 4, error);
      if (p == NULL)
        return FALSE;
      guint32 len;
      memcpy (&len, p, 4);
      len = GUINT32_FROM_BE (len);
      for (guint32 left = len; left > 0;) {
        guint32 chunk = MIN (left, READ_AHEAD_SIZE);
        if ((p = socket_borrow (socket, chunk, error)) == NULL)
          return FALSE;
        sum += strnlen ((const char *) p, chunk);
        left -= chunk;
      }
    }
  } else {
    gsize per_chunk = READ_AHEAD_SIZE / size;
    for (gsize done = 0; done < (gsize) n;) {
      gsize count = MIN (per_chunk, (gsize) n - done);
      const guint8 *p = socket_borrow (socket, count * size, error);
      if (p == NULL)
        return FALSE;
      /* Summed as the generated reader sums them: signed integers, doubles as integers. */
      for (gsize i = 0; i < count; i++, p += size) {
        guint64 v = 0;
        memcpy ((guint8 *) &v + 8 - size, p, size); /* the big-endian value in the low bytes */
        v = GUINT64_FROM_BE (v);
        if (type == T_DOUBLE) {
          gdouble d;
          memcpy (&d, &v, 8);
          sum += (guint64) (gint64) d;
        } else {
          sum += (guint64) (((gint64) (v << (64 - 8 * size))) >> (64 - 8 * size));
        }
      }
      done += count;
    }
  }
  *checksum += sum;
  return TRUE;
}

/* TColumn: a union with one T*Column {1: list<T> values, 2: binary nulls}; *rows = its length. */
static gboolean
lean_column (GwBenchHs2 *hs2, gint64 *rows, guint64 *checksum, GError **error)
{
  ThriftProtocol *protocol = hs2->protocol;
  gchar *ignored = NULL; /* TBinaryProtocol sends no struct or field names */
  ThriftType ftype, etype;
  gint16 fid;
  guint32 n;
  *rows = -1;

  READ (thrift_protocol_read_struct_begin (protocol, &ignored, error));
  for (;;) {
    READ (thrift_protocol_read_field_begin (protocol, &ignored, &ftype, &fid, error));
    if (ftype == T_STOP)
      break;
    if (ftype != T_STRUCT || fid < 1 || fid > 8) {
      READ (thrift_protocol_skip (protocol, ftype, error));
      READ (thrift_protocol_read_field_end (protocol, error));
      continue;
    }
    READ (thrift_protocol_read_struct_begin (protocol, &ignored, error));
    for (;;) {
      READ (thrift_protocol_read_field_begin (protocol, &ignored, &ftype, &fid, error));
      if (ftype == T_STOP)
        break;
      if (fid == 1 && ftype == T_LIST) {
        READ (thrift_protocol_read_list_begin (protocol, &etype, &n, error));
        if (THRIFT_BUFFERED_TRANSPORT (hs2->transport)->r_buf->len != 0) {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "lean reader: the buffered transport holds read data");
          return FALSE;
        }
        if (!lean_values (hs2, etype, n, checksum, error))
          return FALSE;
        READ (thrift_protocol_read_list_end (protocol, error));
        *rows = n;
      } else {
        READ (thrift_protocol_skip (protocol, ftype, error)); /* the nulls bitmap */
      }
      READ (thrift_protocol_read_field_end (protocol, error));
    }
    READ (thrift_protocol_read_struct_end (protocol, error));
    READ (thrift_protocol_read_field_end (protocol, error));
  }
  READ (thrift_protocol_read_struct_end (protocol, error));
  return TRUE;
}

/* TRowSet: {1: i64 startRowOffset, 2: list<TRow> rows (empty), 3: list<TColumn> columns}. */
static gboolean
lean_row_set (GwBenchHs2 *hs2, gint64 *rows, guint64 *checksum, GError **error)
{
  ThriftProtocol *protocol = hs2->protocol;
  gchar *ignored = NULL; /* TBinaryProtocol sends no struct or field names */
  ThriftType ftype, etype;
  gint16 fid;
  guint32 n_columns;

  READ (thrift_protocol_read_struct_begin (protocol, &ignored, error));
  for (;;) {
    READ (thrift_protocol_read_field_begin (protocol, &ignored, &ftype, &fid, error));
    if (ftype == T_STOP)
      break;
    if (fid != 3 || ftype != T_LIST) {
      READ (thrift_protocol_skip (protocol, ftype, error));
      READ (thrift_protocol_read_field_end (protocol, error));
      continue;
    }
    READ (thrift_protocol_read_list_begin (protocol, &etype, &n_columns, error));
    for (guint32 c = 0; c < n_columns; c++) {
      gint64 column_rows;
      if (!lean_column (hs2, &column_rows, checksum, error))
        return FALSE;
      if (column_rows < 0 || (c > 0 && column_rows != *rows)) {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "FetchResults: column %u has %" G_GINT64_FORMAT " rows, column 0 %"
                     G_GINT64_FORMAT, c, column_rows, *rows);
        return FALSE;
      }
      *rows = column_rows;
    }
    READ (thrift_protocol_read_list_end (protocol, error));
    READ (thrift_protocol_read_field_end (protocol, error));
  }
  READ (thrift_protocol_read_struct_end (protocol, error));
  return TRUE;
}

/* TFetchResultsResp: {1: TStatus status, 2: bool hasMoreRows, 3: TRowSet results}. */
static gboolean
lean_fetch_results_resp (GwBenchHs2 *hs2, gint64 *rows, guint64 *checksum, GError **error)
{
  ThriftProtocol *protocol = hs2->protocol;
  g_autoptr (TStatus) status = NEW (TStatus, TYPE_T_STATUS);
  gchar *ignored = NULL; /* TBinaryProtocol sends no struct or field names */
  ThriftType ftype;
  gint16 fid;

  READ (thrift_protocol_read_struct_begin (protocol, &ignored, error));
  for (;;) {
    READ (thrift_protocol_read_field_begin (protocol, &ignored, &ftype, &fid, error));
    if (ftype == T_STOP)
      break;
    if (fid == 1 && ftype == T_STRUCT)
      READ (thrift_struct_read (THRIFT_STRUCT (status), protocol, error));
    else if (fid == 3 && ftype == T_STRUCT) {
      if (!lean_row_set (hs2, rows, checksum, error))
        return FALSE;
    } else
      READ (thrift_protocol_skip (protocol, ftype, error));
    READ (thrift_protocol_read_field_end (protocol, error));
  }
  READ (thrift_protocol_read_struct_end (protocol, error));
  return check_status ("FetchResults", status->statusCode, status->errorMessage, error);
}

/* The reply of t_c_l_i_service_client_recv_fetch_results(), decoded without the structs. */
static gboolean
fetch_lean (GwBenchHs2 *hs2, TFetchResultsReq *req, guint64 *rows, guint64 *checksum,
            GError **error)
{
  ThriftProtocol *protocol = hs2->protocol;
  g_autofree gchar *name = NULL;
  ThriftMessageType type;
  gint32 seqid;
  gchar *ignored = NULL; /* TBinaryProtocol sends no struct or field names */
  ThriftType ftype;
  gint16 fid;
  gint64 n = -1;

  if (!t_c_l_i_service_client_send_fetch_results (hs2->client, req, error))
    return FALSE;
  READ (thrift_protocol_read_message_begin (protocol, &name, &type, &seqid, error));
  if (type == T_EXCEPTION) {
    g_autoptr (ThriftApplicationException) exception =
      g_object_new (THRIFT_TYPE_APPLICATION_EXCEPTION, NULL);
    thrift_struct_read (THRIFT_STRUCT (exception), protocol, NULL);
    g_set_error (error, THRIFT_APPLICATION_EXCEPTION_ERROR, exception->type,
                 "FetchResults: application error: %s", exception->message);
    return FALSE;
  }
  if (type != T_REPLY || g_strcmp0 (name, "FetchResults") != 0) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "FetchResults: unexpected reply %s of type %d", name, type);
    return FALSE;
  }
  READ (thrift_protocol_read_struct_begin (protocol, &ignored, error));
  for (;;) {
    READ (thrift_protocol_read_field_begin (protocol, &ignored, &ftype, &fid, error));
    if (ftype == T_STOP)
      break;
    if (fid == 0 && ftype == T_STRUCT) {
      if (!lean_fetch_results_resp (hs2, &n, checksum, error))
        return FALSE;
    } else
      READ (thrift_protocol_skip (protocol, ftype, error));
    READ (thrift_protocol_read_field_end (protocol, error));
  }
  READ (thrift_protocol_read_struct_end (protocol, error));
  READ (thrift_protocol_read_message_end (protocol, error));
  if (!thrift_transport_read_end (protocol->transport, error))
    return FALSE;
  if (n < 0) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "FetchResults: no columnar row set");
    return FALSE;
  }
  *rows = (guint64) n;
  return TRUE;
}

gboolean
gw_bench_hs2_fetch_all (GwBenchHs2 *hs2, TOperationHandle *operation, gint64 max_rows,
                        GwBenchHs2Reader reader, gint64 start_us, GwBenchHs2FetchStats *stats,
                        GError **error)
{
  g_autoptr (TFetchResultsReq) req = NEW (TFetchResultsReq, TYPE_T_FETCH_RESULTS_REQ);
  g_set_object (&req->operationHandle, operation);
  req->orientation = T_FETCH_ORIENTATION_FETCH_NEXT;
  req->maxRows = max_rows;

  stats->first_row_s = -1;
  for (;;) {
    guint64 rows = 0;
    gboolean ok = reader == GW_BENCH_HS2_READER_LEAN
                    ? fetch_lean (hs2, req, &rows, &stats->checksum, error)
                    : fetch_generated (hs2, req, &rows, &stats->checksum, error);
    if (!ok)
      return FALSE;
    stats->fetches++;
    if (rows == 0)
      return TRUE;
    if (stats->first_row_s < 0)
      stats->first_row_s = (double) (g_get_monotonic_time () - start_us) / G_USEC_PER_SEC;
    stats->rows += rows;
  }
}
