/* Legal operation status transitions, in one place. */
#include "gw-operation-status.h"

const char *
gw_operation_status_name (GwOperationStatus status)
{
  static const char *const names[] = {
    "INITIALIZED", "PENDING", "RUNNING", "FINISHED", "CANCELED", "CLOSED", "ERROR", "TIMEOUT",
  };
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (names), "ERROR");
  return names[status];
}

gboolean
gw_operation_status_is_terminal (GwOperationStatus status)
{
  return status >= GW_OPERATION_FINISHED;
}

gboolean
gw_operation_status_can_transition (GwOperationStatus from, GwOperationStatus to)
{
  switch (from) {
  case GW_OPERATION_INITIALIZED:
    return to == GW_OPERATION_PENDING || to == GW_OPERATION_CANCELED || to == GW_OPERATION_CLOSED ||
           to == GW_OPERATION_TIMEOUT || to == GW_OPERATION_ERROR;
  case GW_OPERATION_PENDING:
    return to == GW_OPERATION_RUNNING || to == GW_OPERATION_CANCELED || to == GW_OPERATION_CLOSED ||
           to == GW_OPERATION_TIMEOUT || to == GW_OPERATION_ERROR;
  case GW_OPERATION_RUNNING:
    return to == GW_OPERATION_FINISHED || to == GW_OPERATION_CANCELED || to == GW_OPERATION_CLOSED ||
           to == GW_OPERATION_TIMEOUT || to == GW_OPERATION_ERROR;
  case GW_OPERATION_FINISHED:
  case GW_OPERATION_CANCELED:
  case GW_OPERATION_ERROR:
  case GW_OPERATION_TIMEOUT:
    return to == GW_OPERATION_CLOSED;
  case GW_OPERATION_CLOSED:
    return FALSE;
  }
  return FALSE;
}
