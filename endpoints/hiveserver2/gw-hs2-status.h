/* The one place that maps gateway errors (GW_ERROR codes, gw-error.h) to HiveServer2: the
 * TStatus of every reply, and the sqlState / errorCode GetOperationStatus repeats for an
 * operation in ERROR_STATE. */
#pragma once

#include "gw-error.h"
#include "t_c_l_i_service_types.h"

G_BEGIN_DECLS

/* SQLSTATE of an error: "42000" when the engine rejected or failed the statement, "HYT00"
 * timeout, "HY008" canceled, "0A000" unsupported, "HY000" for everything else. */
const char *gw_hs2_error_sql_state (const GError *error);
/* Vendor error code of an error (SQLException.getErrorCode()); see the table in the .c. */
gint32      gw_hs2_error_code (const GError *error);

/* SUCCESS_STATUS, nothing optional set. */
void        gw_hs2_status_set_success (TStatus *status);
/* ERROR_STATUS with errorMessage, sqlState and errorCode from error. infoMessages stays unset:
 * Hive JDBC parses it as a Java stack trace and crashes on an empty list. */
void        gw_hs2_status_set_error (TStatus *status, const GError *error);
/* ERROR_STATUS for a failure the endpoint itself detects (an RPC it does not support, ...). */
void        gw_hs2_status_set_error_code (TStatus *status, GwErrorCode code, const char *message);

G_END_DECLS
