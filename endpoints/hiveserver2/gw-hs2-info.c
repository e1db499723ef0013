/* GetInfo values. Names and numbers follow what Hive answers where Hive answers (MAX_*_NAME_LEN
 * 128); the product name and version are the gateway's own, and the keywords DuckDB's. */
#include "gw-hs2-info.h"

/* Hive's answer for every MAX_*_LEN it knows (HiveSessionImpl.getInfo). */
#define MAX_NAME_LENGTH 128

/* SQL keywords of DuckDB beyond SQL:2003's (JDBC getSQLKeywords(), beeline's completer). */
static const char odbc_keywords[] =
    "ANALYZE,ANTI,ASOF,ATTACH,CHECKPOINT,COLUMNS,COPY,DESCRIBE,DETACH,EXCLUDE,EXPORT,FORCE,"
    "GLOB,ILIKE,IMPORT,INSTALL,LIMIT,LOAD,MACRO,MAP,OFFSET,PIVOT,PIVOT_LONGER,PIVOT_WIDER,"
    "POSITIONAL,PRAGMA,QUALIFY,REPLACE,RETURNING,SEMI,SEQUENCE,SHOW,STRUCT,SUMMARIZE,TRY_CAST,"
    "UNPIVOT,USE,VACUUM";

static void
set_string (TGetInfoValue *value, const char *text)
{
  g_free (value->stringValue);
  value->stringValue = g_strdup (text ? text : "");
  value->__isset_stringValue = TRUE;
}

static void
set_length (TGetInfoValue *value, gint64 length)
{
  value->lenValue = length;
  value->__isset_lenValue = TRUE;
}

gboolean
gw_hs2_info_get (GwService *service, const char *user, gint32 info_type, TGetInfoValue *value,
                 GError **error)
{
  g_return_val_if_fail (value != NULL, FALSE);
  switch (info_type) {
  case T_GET_INFO_TYPE_CLI_SERVER_NAME:
    set_string (value, "sql-gateway");
    return TRUE;
  case T_GET_INFO_TYPE_CLI_DBMS_NAME:
    set_string (value, gw_service_get_product_name (service));
    return TRUE;
  case T_GET_INFO_TYPE_CLI_DBMS_VER:
    /* Dotted numbers: JDBC getDatabaseMajorVersion() splits it on '.' and '-'. */
    set_string (value, gw_service_get_version (service));
    return TRUE;
  case T_GET_INFO_TYPE_CLI_ODBC_KEYWORDS:
    set_string (value, odbc_keywords);
    return TRUE;
  case T_GET_INFO_TYPE_CLI_SEARCH_PATTERN_ESCAPE:
    set_string (value, "\\");
    return TRUE;
  case T_GET_INFO_TYPE_CLI_IDENTIFIER_QUOTE_CHAR:
    set_string (value, "\"");
    return TRUE;
  case T_GET_INFO_TYPE_CLI_USER_NAME:
    set_string (value, user);
    return TRUE;
  case T_GET_INFO_TYPE_CLI_DATA_SOURCE_READ_ONLY:
    set_string (value, "N");
    return TRUE;
  case T_GET_INFO_TYPE_CLI_MAX_COLUMN_NAME_LEN:
  case T_GET_INFO_TYPE_CLI_MAX_SCHEMA_NAME_LEN:
  case T_GET_INFO_TYPE_CLI_MAX_CATALOG_NAME_LEN:
  case T_GET_INFO_TYPE_CLI_MAX_TABLE_NAME_LEN:
  case T_GET_INFO_TYPE_CLI_MAX_CURSOR_NAME_LEN:
  case T_GET_INFO_TYPE_CLI_MAX_USER_NAME_LEN:
  case T_GET_INFO_TYPE_CLI_MAX_IDENTIFIER_LEN:
    set_length (value, MAX_NAME_LENGTH);
    return TRUE;
  default:
    /* Flink and Kyuubi answer lenValue 0 with the error: infoValue is a required field. */
    set_length (value, 0);
    g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED, "Unrecognized TGetInfoType value: %d",
                 info_type);
    return FALSE;
  }
}
