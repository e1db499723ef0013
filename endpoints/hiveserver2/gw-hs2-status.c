/* GwError → TStatus: ERROR_STATUS with errorMessage, sqlState and errorCode (reference
 * hiveserver2.md §2.2, §7.7). Every error reply of the endpoint goes through here. */
#include "gw-hs2-status.h"

/* Hive's ErrorMsg.GENERIC_ERROR: JDBC users see it for statements the server rejected. */
#define HIVE_GENERIC_ERROR_CODE 40000
/* Other gateway errors: this base + the GwErrorCode, so a client can tell them apart. */
#define GATEWAY_ERROR_CODE_BASE 1000

const char *
gw_hs2_error_sql_state (const GError *error)
{
  if (error == NULL || error->domain != GW_ERROR)
    return "HY000";
  if (gw_error_is_statement_error (error))
    return "42000"; /* syntax error or access rule violation: Hive's compile errors */
  switch ((GwErrorCode) error->code) {
  case GW_ERROR_TIMEOUT:
    return "HYT00"; /* timeout expired (JDBC maps it to SQLTimeoutException) */
  case GW_ERROR_CANCELED:
    return "HY008"; /* operation canceled */
  case GW_ERROR_UNSUPPORTED:
    return "0A000"; /* feature not supported */
  case GW_ERROR_INVALID_ARGUMENT:
    return "22023"; /* invalid parameter value */
  default:
    return "HY000"; /* general error: internal, unknown handles, state, limits, config */
  }
}

gint32
gw_hs2_error_code (const GError *error)
{
  if (error == NULL || error->domain != GW_ERROR)
    return GATEWAY_ERROR_CODE_BASE + GW_ERROR_INTERNAL;
  if (gw_error_is_statement_error (error))
    return HIVE_GENERIC_ERROR_CODE;
  return GATEWAY_ERROR_CODE_BASE + error->code;
}

static void
clear_optional (TStatus *status)
{
  g_ptr_array_set_size (status->infoMessages, 0);
  status->__isset_infoMessages = FALSE;
  g_clear_pointer (&status->sqlState, g_free);
  status->__isset_sqlState = FALSE;
  status->errorCode = 0;
  status->__isset_errorCode = FALSE;
  g_clear_pointer (&status->errorMessage, g_free);
  status->__isset_errorMessage = FALSE;
}

void
gw_hs2_status_set_success (TStatus *status)
{
  g_return_if_fail (status != NULL);
  clear_optional (status);
  status->statusCode = T_STATUS_CODE_SUCCESS_STATUS;
}

static void
set_error (TStatus *status, const char *sql_state, gint32 code, const char *message)
{
  clear_optional (status);
  /* ERROR_STATUS, never INVALID_HANDLE_STATUS: jshs2 treats only ERROR_STATUS as a failure,
   * and Hive itself reports bad handles as ERROR_STATUS. */
  status->statusCode = T_STATUS_CODE_ERROR_STATUS;
  status->errorMessage = g_strdup (message && *message ? message : "Unknown error");
  status->__isset_errorMessage = TRUE;
  status->sqlState = g_strdup (sql_state);
  status->__isset_sqlState = TRUE;
  status->errorCode = code;
  status->__isset_errorCode = TRUE;
}

void
gw_hs2_status_set_error (TStatus *status, const GError *error)
{
  g_return_if_fail (status != NULL);
  set_error (status, gw_hs2_error_sql_state (error), gw_hs2_error_code (error),
             error ? error->message : NULL);
}

void
gw_hs2_status_set_error_code (TStatus *status, GwErrorCode code, const char *message)
{
  g_return_if_fail (status != NULL);
  g_autoptr (GError) error = g_error_new_literal (GW_ERROR, code, message ? message : "");
  gw_hs2_status_set_error (status, error);
}
