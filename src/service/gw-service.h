/* GwService: the gateway service every endpoint uses (the C twin of Flink's SqlGatewayService).
 * Thread-safe. Fallible calls return FALSE/NULL with a GW_ERROR (gw-error.h) that each endpoint
 * maps to its protocol in one place. */
#pragma once

#include "gw-batch.h"
#include "gw-catalog.h"
#include "gw-config.h"
#include "gw-error.h"
#include "gw-handle.h"
#include "gw-operation-status.h"
#include "gw-statement-kind.h"

G_BEGIN_DECLS

typedef struct _GwService GwService;

/* Flink's ResultSet.ResultType. */
typedef enum {
  GW_RESULT_NOT_READY, /* the operation has not produced its result yet: poll again */
  GW_RESULT_PAYLOAD,   /* a page of rows (possibly empty) and a next token */
  GW_RESULT_EOS,       /* no more rows */
} GwResultType;

/* Flink's ResultKind. */
typedef enum {
  GW_RESULT_KIND_SUCCESS,              /* "OK"-type statement: DDL, SET k=v, USE ... */
  GW_RESULT_KIND_SUCCESS_WITH_CONTENT, /* queries, SHOW/EXPLAIN, DML job id, SET listing */
} GwResultKind;

/* One page of an operation's result. */
typedef struct {
  GwResultType    type;
  gboolean        is_query_result;
  gchar          *job_id;       /* owned, NULL when the statement has no job */
  GwResultKind    result_kind;
  GwResultSchema *schema;       /* owned ref, NULL when NOT_READY */
  GwBatch        *batch;        /* owned, NULL when NOT_READY; may have 0 rows */
  gint64          next_token;   /* -1 when there is no next page (after EOS) */
  GTimeZone      *zone;         /* owned ref: the session's table.local-time-zone */
} GwFetchResult;

void gw_fetch_result_free (GwFetchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwFetchResult, gw_fetch_result_free)

/* Opens the engine and starts the worker pool and the session checker. Takes a ref on config. */
GwService  *gw_service_new (GwConfig *config, GError **error);
/* Closes every session (canceling running operations), waits for the workers, closes the engine
 * (which checkpoints committed data). */
void        gw_service_free (GwService *service);

GwConfig   *gw_service_get_config (GwService *service);   /* borrowed */
const char *gw_service_get_product_name (GwService *service);
const char *gw_service_get_version (GwService *service);
const char *gw_service_get_engine_version (GwService *service);

/* ---- sessions ---- */

/* properties (may be NULL) are laid over the gateway defaults. */
gboolean    gw_service_open_session (GwService *service, const char *session_name,
                                     GHashTable *properties, GwHandle *out_session, GError **error);
gboolean    gw_service_close_session (GwService *service, const GwHandle *session, GError **error);
gboolean    gw_service_heartbeat (GwService *service, const GwHandle *session, GError **error);
/* The effective session configuration, a new GHashTable of strings. */
GHashTable *gw_service_get_session_config (GwService *service, const GwHandle *session,
                                           GError **error);
/* Runs one configuring statement (SET, RESET, CREATE, DROP, ALTER, USE, ...) and waits for it. */
gboolean    gw_service_configure_session (GwService *service, const GwHandle *session,
                                          const char *statement, gint64 timeout_ms, GError **error);
/* Completion candidates for statement at position (NULL-terminated). */
gchar     **gw_service_complete_statement (GwService *service, const GwHandle *session,
                                           const char *statement, int position, GError **error);
guint       gw_service_get_session_count (GwService *service);

/* ---- operations ---- */

/* Queues statement on the session (statements of one session run in order) and returns at once.
 * timeout_ms > 0 bounds the time until the result is ready (status TIMEOUT after it).
 * execution_config (may be NULL) is laid over the session config for this statement only. */
gboolean    gw_service_execute_statement (GwService *service, const GwHandle *session,
                                          const char *statement, gint64 timeout_ms,
                                          GHashTable *execution_config, GwHandle *out_operation,
                                          GError **error);
gboolean    gw_service_get_operation_status (GwService *service, const GwHandle *session,
                                             const GwHandle *operation,
                                             GwOperationStatus *out_status, GError **error);
/* The error of an operation in ERROR status (NULL otherwise), a copy. */
GError     *gw_service_get_operation_error (GwService *service, const GwHandle *session,
                                            const GwHandle *operation);
/* Cancels a queued or running operation (CANCELED at once, the engine is interrupted).
 * Canceling a terminal operation fails with GW_ERROR_ILLEGAL_STATE. */
gboolean    gw_service_cancel_operation (GwService *service, const GwHandle *session,
                                         const GwHandle *operation, GwOperationStatus *out_status,
                                         GError **error);
/* Closes and forgets the operation; an unknown operation in a known session is not an error. */
gboolean    gw_service_close_operation (GwService *service, const GwHandle *session,
                                        const GwHandle *operation, GError **error);
/* Token paging (reference/flink-rest.md §4.1): token == current → next page; token == current-1
 * → the previous page again; anything else → GW_ERROR_INVALID_ARGUMENT. */
GwFetchResult *gw_service_fetch_results (GwService *service, const GwHandle *session,
                                         const GwHandle *operation, gint64 token,
                                         GError **error);

/* ---- what HiveServer2 needs beyond Flink's protocol ---- */

typedef struct {
  GwOperationStatus status;
  gint64            started_ms;     /* Unix ms when it started running, 0 before */
  gint64            completed_ms;   /* Unix ms when it became terminal, 0 before */
  GwStatementKind   statement_kind; /* query, content, DML or other (DDL, SET ...) */
  gboolean          is_query;
  GwResultKind      result_kind;
  gint64            modified_rows;  /* DML: rows changed; -1 otherwise */
  double            progress;       /* 0..100 while running (engine estimate), -1 unknown */
  GError           *error;          /* owned copy in ERROR */
  GwResultSchema   *schema;         /* owned ref once FINISHED */
} GwOperationInfo;

void        gw_operation_info_clear (GwOperationInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GwOperationInfo, gw_operation_info_clear)
/* Waits up to wait_ms (0: not at all) while the operation is not terminal, then describes it:
 * HiveServer2 GetOperationStatus long-polls this way. */
gboolean    gw_service_get_operation_info (GwService *service, const GwHandle *session,
                                           const GwHandle *operation, gint64 wait_ms,
                                           GwOperationInfo *info, GError **error);
/* FetchResults: the next at most max_rows rows; from_first restarts at the first row. type is
 * NOT_READY while the operation runs and EOS (0 rows) at the end. */
GwFetchResult *gw_service_fetch_rows (GwService *service, const GwHandle *session,
                                      const GwHandle *operation, gboolean from_first,
                                      guint max_rows, GError **error);
/* The operation's log lines not read yet (from_start: all), NULL-terminated. */
gchar     **gw_service_fetch_operation_log (GwService *service, const GwHandle *session,
                                            const GwHandle *operation, gboolean from_start,
                                            GError **error);

/* Makes catalog.database the session's current database; with create, attaches the catalog and
 * creates the database first when they do not exist (HiveServer2 sessions start in
 * sql-gateway.endpoint.hiveserver2.catalog.name / catalog.default-database). */
gboolean    gw_service_use_database (GwService *service, const GwHandle *session,
                                     const char *catalog, const char *database, gboolean create,
                                     GError **error);

/* ---- metadata ---- */

/* Catalog objects of kind in the session's engine (GwCatalogObject*, owned). */
GPtrArray  *gw_service_list_catalog (GwService *service, const GwHandle *session, GwCatalogKind kind,
                                     const GwCatalogFilter *filter, GError **error);
/* Registers rows an endpoint built itself (e.g. a JDBC metadata result set) as an operation of
 * the session that is FINISHED at once and fetched like any other. Takes ownership of rows
 * (NULL = no rows). */
gboolean    gw_service_add_result_operation (GwService *service, const GwHandle *session,
                                             GwResultSchema *schema, GwBatch *rows,
                                             GwHandle *out_operation, GError **error);

G_END_DECLS
