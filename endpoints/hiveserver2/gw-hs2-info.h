/* GetInfo: the TGetInfoValue of each info type the gateway answers (reference hiveserver2.md
 * §1.1 TGetInfoType, §2.2: beeline's banner, JDBC isValid() and getSQLKeywords()). */
#pragma once

#include "gw-service.h"
#include "t_c_l_i_service_types.h"

G_BEGIN_DECLS

/* Sets exactly one arm of value. An info type the gateway does not answer fails with
 * GW_ERROR_UNSUPPORTED and value = lenValue 0, since the reply's infoValue is required. user:
 * the session's user (CLI_USER_NAME), may be NULL. */
gboolean gw_hs2_info_get (GwService *service, const char *user, gint32 info_type,
                          TGetInfoValue *value, GError **error);

G_END_DECLS
