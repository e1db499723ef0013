/* GwRestClient: the SQL client's side of the Flink SQL Gateway REST protocol (reference
 * flink-rest.md §3, §12.2): version negotiation, sessions, statements, result pages. Blocking
 * calls, each interruptible through a GCancellable; works against any gateway speaking V2+. */
#pragma once

#include "gw-client-result.h"
#include "gw-rest-version.h"

#include <gio/gio.h>

G_BEGIN_DECLS

#define GW_CLIENT_ERROR (gw_client_error_quark ())
GQuark gw_client_error_quark (void);

typedef enum {
  GW_CLIENT_ERROR_CONNECT,    /* the gateway cannot be reached (refused, reset, gone mid-request) */
  GW_CLIENT_ERROR_PROTOCOL,   /* an answer this client cannot use (not JSON, missing field, only V1) */
  GW_CLIENT_ERROR_SERVER,     /* the gateway answered with an error body; message = its root cause */
  GW_CLIENT_ERROR_CANCELLED,  /* the user interrupted the call (Ctrl-C) */
  GW_CLIENT_ERROR_INPUT,      /* bad command line, option or file */
} GwClientErrorCode;


/* resultType of a fetch page (§4). */
typedef enum {
  GW_REST_RESULT_NOT_READY,  /* the operation is still running; ask again */
  GW_REST_RESULT_PAYLOAD,    /* rows (possibly none yet); nextResultUri follows */
  GW_REST_RESULT_EOS,        /* no more rows */
} GwRestResultType;

/* One fetched page. columns/rows are owned; columns are only set when the gateway sent them. */
typedef struct {
  GwRestResultType  result_type;
  gboolean      is_query_result;
  gboolean      result_kind_success;  /* resultKind SUCCESS (an "OK" statement) */
  gchar        *job_id;               /* NULL when the statement submitted no job */
  GArray       *columns;              /* GwClientColumn, cleared on free */
  GPtrArray    *rows;                 /* GwClientRow* */
  gchar        *next_uri;             /* NULL at the end */
} GwRestPage;

void gw_rest_page_free (GwRestPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRestPage, gw_rest_page_free)

typedef struct _GwRestClient GwRestClient;

/* endpoint: "host:port" or "http(s)://host:port[/path]". GW_CLIENT_ERROR_INPUT when malformed. */
GwRestClient *gw_rest_client_new (const char *endpoint, GError **error);
void          gw_rest_client_free (GwRestClient *client);
/* "http://host:port[/path]" as used. */
const char   *gw_rest_client_get_base_url (GwRestClient *client);

/* GET /v1/api_versions; picks the newest version both sides know; refuses a V1-only gateway. */
gboolean      gw_rest_client_negotiate (GwRestClient *client, GError **error);
GwRestVersion gw_rest_client_get_version (GwRestClient *client);

/* POST /sessions with sessionName and the properties map; keeps the handle. */
gboolean      gw_rest_client_open_session (GwRestClient *client, const char *session_name,
                                           GHashTable *properties, GError **error);
const char   *gw_rest_client_get_session_handle (GwRestClient *client);
/* DELETE /sessions/:handle (best effort when the gateway is gone). */
gboolean      gw_rest_client_close_session (GwRestClient *client, GError **error);
/* GET /sessions/:handle → newly allocated key → value map. */
GHashTable   *gw_rest_client_get_session_config (GwRestClient *client, GCancellable *cancellable,
                                                 GError **error);
gboolean      gw_rest_client_heartbeat (GwRestClient *client, GError **error);
/* POST configure-session (V2+): one SET/RESET/DDL/USE statement, synchronous. */
gboolean      gw_rest_client_configure_session (GwRestClient *client, const char *statement,
                                                GCancellable *cancellable, GError **error);
/* GET complete-statement (JSON body on a GET, §3.8) → NULL-terminated candidates. */
gchar       **gw_rest_client_complete_statement (GwRestClient *client, const char *statement,
                                                 int position, GError **error);

/* POST statements → newly allocated operation handle. */
gchar        *gw_rest_client_execute_statement (GwRestClient *client, const char *statement,
                                                GCancellable *cancellable, GError **error);
/* The first page's URI: /vN/sessions/:s/operations/:o/result/0?rowFormat=PLAIN_TEXT. */
gchar        *gw_rest_client_first_result_uri (GwRestClient *client, const char *operation);
/* GET uri (a result URI from above or a page's next_uri). */
GwRestPage   *gw_rest_client_fetch (GwRestClient *client, const char *uri,
                                    GCancellable *cancellable, GError **error);
/* DELETE …/close: cancels a running statement and frees its result. */
gboolean      gw_rest_client_close_operation (GwRestClient *client, const char *operation,
                                              GError **error);

/* The full error text of the last GW_CLIENT_ERROR_SERVER (every "errors" entry), for
 * sql-client.verbose; NULL when there was none. */
const char   *gw_rest_client_get_last_error_detail (GwRestClient *client);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRestClient, gw_rest_client_free)

G_END_DECLS
