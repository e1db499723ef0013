/* The operation state machine (Flink's OperationStatus): one enum and the one function that
 * validates every transition (reference/flink-rest.md §9.1; Kyuubi validateTransition). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GW_OPERATION_INITIALIZED, /* created, waiting for its turn in the session's statement queue */
  GW_OPERATION_PENDING,     /* its turn came; queued on the worker pool */
  GW_OPERATION_RUNNING,     /* a worker is executing it on the engine */
  GW_OPERATION_FINISHED,    /* the result is ready to fetch (rows may still stream) */
  GW_OPERATION_CANCELED,    /* canceled by the client; the engine was interrupted */
  GW_OPERATION_CLOSED,      /* closed by the client or with its session; resources freed */
  GW_OPERATION_ERROR,       /* the statement failed; the error is kept for status and fetch */
  GW_OPERATION_TIMEOUT,     /* ran past its execution timeout; the engine was interrupted */
} GwOperationStatus;

const char *gw_operation_status_name (GwOperationStatus status);
gboolean    gw_operation_status_is_terminal (GwOperationStatus status);
/* TRUE when from → to is a legal transition. */
gboolean    gw_operation_status_can_transition (GwOperationStatus from, GwOperationStatus to);

G_END_DECLS
