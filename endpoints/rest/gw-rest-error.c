/* GwError → HTTP status and Flink-style error bodies. */
#include "gw-rest-error.h"
#include "gw-error.h"
#include "gw-json.h"

#include <libsoup/soup.h>

guint
gw_rest_status_for_error (const GError *error)
{
  /* A failed statement is a 500, as Flink answers it. */
  if (error->domain != GW_ERROR || gw_error_is_statement_error (error))
    return SOUP_STATUS_INTERNAL_SERVER_ERROR;
  switch ((GwErrorCode) error->code) {
  case GW_ERROR_INVALID_ARGUMENT:
    return SOUP_STATUS_BAD_REQUEST;
  case GW_ERROR_SESSION_NOT_FOUND:
  case GW_ERROR_OPERATION_NOT_FOUND:
    return SOUP_STATUS_NOT_FOUND;
  case GW_ERROR_UNSUPPORTED:
    return SOUP_STATUS_NOT_IMPLEMENTED;
  default:
    return SOUP_STATUS_INTERNAL_SERVER_ERROR;
  }
}

/* Exception class names Flink clients recognise in the trace text. */
static const char *
exception_class (const GError *error)
{
  if (error->domain != GW_ERROR)
    return "java.lang.RuntimeException";
  switch ((GwErrorCode) error->code) {
  case GW_ERROR_SQL: return "org.apache.flink.table.api.TableException";
  case GW_ERROR_CATALOG: return "org.apache.flink.table.catalog.exceptions.CatalogException";
  case GW_ERROR_VALIDATION: return "org.apache.flink.table.api.ValidationException";
  case GW_ERROR_PARSE: return "org.apache.flink.sql.parser.impl.ParseException";
  case GW_ERROR_SQL_EXECUTION:
    return "org.apache.flink.table.gateway.service.utils.SqlExecutionException";
  case GW_ERROR_DATABASE_NOT_EXIST:
    return "org.apache.flink.table.catalog.exceptions.DatabaseNotExistException";
  case GW_ERROR_DATABASE_ALREADY_EXIST:
    return "org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException";
  case GW_ERROR_DATABASE_NOT_EMPTY:
    return "org.apache.flink.table.catalog.exceptions.DatabaseNotEmptyException";
  case GW_ERROR_TABLE_NOT_EXIST:
    return "org.apache.flink.table.catalog.exceptions.TableNotExistException";
  case GW_ERROR_TABLE_ALREADY_EXIST:
    return "org.apache.flink.table.catalog.exceptions.TableAlreadyExistException";
  case GW_ERROR_JOB_NOT_FOUND:
    return "org.apache.flink.runtime.messages.FlinkJobNotFoundException";
  case GW_ERROR_OBJECT_NOT_FOUND:
    return "org.apache.calcite.sql.validate.SqlValidatorException";
  case GW_ERROR_INVALID_ARGUMENT:
  case GW_ERROR_ILLEGAL_ARGUMENT: return "java.lang.IllegalArgumentException";
  case GW_ERROR_UNSUPPORTED: return "java.lang.UnsupportedOperationException";
  case GW_ERROR_CANCELED: return "java.util.concurrent.CancellationException";
  case GW_ERROR_TIMEOUT: return "java.util.concurrent.TimeoutException";
  default: return "org.apache.flink.table.gateway.api.utils.SqlGatewayException";
  }
}

void
gw_rest_error_body (GString *out, const char *context, const GError *error)
{
  g_autofree gchar *trace = g_strdup_printf (
      "<Exception on server side:\norg.apache.flink.table.gateway.api.utils.SqlGatewayException: %s\n"
      "Caused by: %s: %s\n\tat sql-gateway\nEnd of exception on server side>",
      context, exception_class (error), error->message);
  g_string_append (out, "{\"errors\":[");
  gw_json_append_string (out, context, -1);
  g_string_append_c (out, ',');
  gw_json_append_string (out, trace, -1);
  g_string_append (out, "],\"rootCause\":");
  gw_json_append_string (out, error->message, -1);
  g_string_append_c (out, '}');
}

void
gw_rest_simple_error_body (GString *out, const char *message)
{
  g_string_append (out, "{\"errors\":[");
  gw_json_append_string (out, message, -1);
  g_string_append (out, "],\"rootCause\":");
  gw_json_append_string (out, message, -1);
  g_string_append_c (out, '}');
}
