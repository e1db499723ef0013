/* GwHs2Handler: the TCLIService handler, every RPC of the HiveServer2 protocol on GwService
 * (reference hiveserver2.md §1.3, §2, §7). One handler serves every connection thread: its own
 * state (the sessions it opened, their negotiated protocol versions) is under a mutex.
 *
 * Handles: TSessionHandle = {session guid, session secret}; TOperationHandle = {operation guid,
 * secret = the session guid} (Flink's packing, so an operation RPC finds its session). Every
 * failure is an ERROR_STATUS reply (gw-hs2-status.c); the handler never answers with a
 * TApplicationException, so a client always gets the fields it requires. */
#pragma once

#include "gw-service.h"
#include "t_c_l_i_service.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TCLIServiceHandler, g_object_unref)

#define GW_TYPE_HS2_HANDLER (gw_hs2_handler_get_type ())
G_DECLARE_FINAL_TYPE (GwHs2Handler, gw_hs2_handler, GW, HS2_HANDLER, TCLIServiceHandler)

typedef struct {
  const char *catalog;            /* sessions start in catalog.database (created if missing) */
  const char *database;           /* unless OpenSession names one with use:database */
  gint        default_fetch_size; /* suggested to clients at OpenSession */
  gint        max_fetch_size;     /* most rows one FetchResults returns */
  gint64      long_poll_ms;       /* GetOperationStatus waits this long for a running operation */
} GwHs2HandlerOptions;

/* service must outlive every call: gw_hs2_handler_shutdown() before the service goes away. */
GwHs2Handler *gw_hs2_handler_new (GwService *service, const GwHs2HandlerOptions *options);

/* Refuses new calls (ERROR_STATUS "shutting down"), ends the waits of calls in progress, closes
 * the sessions opened through this handler (which cancels their running statements) and waits
 * up to timeout_ms for the calls in progress to return (with gw_hs2_processor_new(): until
 * their replies are flushed). FALSE if some did not. */
gboolean      gw_hs2_handler_shutdown (GwHs2Handler *self, guint timeout_ms);

/* ---- connections: the context of the transport's connection hooks ---- */

typedef struct _GwHs2Connection GwHs2Connection;

/* user: the SASL PLAIN or HTTP Basic user (NULL for NOSASL). owns_sessions: the sessions opened
 * on this connection close with it (a TCP connection; not an HTTP request). */
GwHs2Connection *gw_hs2_handler_open_connection  (GwHs2Handler *self, const char *user,
                                                  const char *peer, gboolean owns_sessions);
/* Closes the sessions the connection owns that are still open, then frees it. */
void             gw_hs2_handler_close_connection (GwHs2Handler *self, GwHs2Connection *connection);

G_END_DECLS
