/* STUB */
#include "gw-flink-type.h"
#include "gw-error.h"

GwLogicalType *
gw_flink_type_parse (const char *text, GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_UNSUPPORTED, "not implemented");
  return NULL;
}
