/* Shared by the parts of GwHs2Handler: the object, its bookkeeping and the session lifecycle
 * (gw-hs2-handler.c), the other session RPCs (gw-hs2-session-rpcs.c) and the operation RPCs
 * (gw-hs2-operations.c). */
#pragma once

#include "gw-hs2-handler.h"

G_BEGIN_DECLS

/* Newest protocol the gateway speaks (TIMESTAMP WITH LOCAL TIME ZONE). */
#define GW_HS2_SERVER_PROTOCOL T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V11
/* Protocol assumed for a session this handler did not open (e.g. one opened over REST). */
#define GW_HS2_FALLBACK_PROTOCOL T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V10

struct _GwHs2Handler {
  TCLIServiceHandler parent;
  GwService         *service;           /* borrowed: outlives the handler's calls */
  gchar             *catalog;
  gchar             *database;
  gint               default_fetch_size;
  guint              max_fetch_size;
  gint64             long_poll_ms;

  GMutex             lock;
  GCond              idle;              /* signalled when in_flight drops to 0 */
  GHashTable        *sessions;          /* under lock: GwHandle* (guid) → Hs2Session* */
  guint              opened_since_sweep;/* under lock */
  guint              in_flight;         /* under lock: calls in progress */
  gboolean           stopping;          /* under lock */
};

/* A call's admission: FALSE (status set to "shutting down") once the handler stops. */
gboolean gw_hs2_handler_call_begin (GwHs2Handler *self, TStatus *status);
void     gw_hs2_handler_call_end   (GwHs2Handler *self);
/* A message being processed (read, answered, reply flushed): counted even while stopping, since
 * it is answered either way; ended with gw_hs2_handler_call_end(). */
void     gw_hs2_handler_message_begin (GwHs2Handler *self);
gboolean gw_hs2_handler_is_stopping (GwHs2Handler *self);

/* Reads a TSessionHandle; checks the secret of a session this handler opened. *version: the
 * session's negotiated protocol. */
gboolean gw_hs2_handler_resolve_session (GwHs2Handler *self, const TSessionHandle *handle,
                                         GwHandle *session, gint *version, GError **error);
/* Reads a TOperationHandle: the operation guid and the session (its guid is the secret). */
gboolean gw_hs2_handler_resolve_operation (GwHs2Handler *self, const TOperationHandle *handle,
                                           GwHandle *session, GwHandle *operation, gint *version,
                                           GError **error);
/* Sets the error status; forgets the session when the error says it no longer exists. */
void     gw_hs2_handler_reply_error (GwHs2Handler *self, TStatus *status, const GwHandle *session,
                                     const GError *error);
/* Writes an operation handle {operation guid, secret = session guid}. */
void     gw_hs2_handler_set_operation_handle (TOperationHandle *handle, const GwHandle *session,
                                              const GwHandle *operation, TOperationType type,
                                              gboolean has_result_set);

/* FetchResults' startRowOffset bookkeeping per operation: returns the offset of the next batch
 * (0 after from_first) and advances it by n_rows. */
gint64   gw_hs2_handler_advance_offset (GwHs2Handler *self, const GwHandle *session,
                                        const GwHandle *operation, gboolean from_first,
                                        guint n_rows);
void     gw_hs2_handler_forget_operation (GwHs2Handler *self, const GwHandle *session,
                                          const GwHandle *operation);

/* Defines the handler vfunc hs2_<name> around `static void do_<name> (self, req, resp)`, which
 * the caller writes next: admission (a shutting-down handler answers ERROR_STATUS), the call,
 * TRUE. The processor has allocated resp with its required members; do_<name> fills them. */
#define GW_HS2_RPC(name, Req, Resp)                                                            \
  static void do_##name (GwHs2Handler *self, const Req *req, Resp *resp);                    \
  static gboolean                                                                            \
  hs2_##name (TCLIServiceIf *iface, Resp **_return, const Req *req, GError **error)           \
  {                                                                                          \
    GwHs2Handler *self = GW_HS2_HANDLER (iface);                                             \
    if (gw_hs2_handler_call_begin (self, (*_return)->status)) {                              \
      do_##name (self, req, *_return);                                                       \
      gw_hs2_handler_call_end (self);                                                        \
    }                                                                                        \
    return TRUE;                                                                             \
  }

/* What the handler knows of a session it opened (NULL / nothing for other sessions). */
gchar   *gw_hs2_handler_dup_session_user (GwHs2Handler *self, const GwHandle *session);
/* SetClientInfo: records configuration's entries on the session. */
void     gw_hs2_handler_add_client_info  (GwHs2Handler *self, const GwHandle *session,
                                          GHashTable *configuration);

/* The RPCs of gw-hs2-session-rpcs.c and gw-hs2-operations.c, installed by the class init. */
void     gw_hs2_session_rpcs_class_init (TCLIServiceHandlerClass *klass);
void     gw_hs2_operations_class_init   (TCLIServiceHandlerClass *klass);

G_END_DECLS
