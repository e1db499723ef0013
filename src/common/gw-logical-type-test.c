/* LogicalType JSON (Flink's LogicalTypeJsonSerializer) and summary strings. */
#include "gw-logical-type.h"

static void
check_json (GwLogicalType *type, const char *expected)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gw_logical_type_append_json (type, out);
  g_assert_cmpstr (out->str, ==, expected);
  gw_logical_type_unref (type);
}

static GwLogicalType *
string_type (void)
{
  return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
}

static void
test_json_scalars (void)
{
  check_json (gw_logical_type_new (GW_TYPE_BIGINT, TRUE), "{\"type\":\"BIGINT\",\"nullable\":true}");
  check_json (gw_logical_type_new (GW_TYPE_BOOLEAN, FALSE), "{\"type\":\"BOOLEAN\",\"nullable\":false}");
  check_json (gw_logical_type_new (GW_TYPE_NULL, TRUE), "{\"type\":\"NULL\"}");
  check_json (string_type (), "{\"type\":\"VARCHAR\",\"nullable\":true,\"length\":2147483647}");
  check_json (gw_logical_type_new_with_length (GW_TYPE_VARBINARY, TRUE, GW_TYPE_MAX_LENGTH),
              "{\"type\":\"VARBINARY\",\"nullable\":true,\"length\":2147483647}");
  check_json (gw_logical_type_new_decimal (TRUE, 38, 0),
              "{\"type\":\"DECIMAL\",\"nullable\":true,\"precision\":38,\"scale\":0}");
  check_json (gw_logical_type_new_with_precision (GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, TRUE, 9),
              "{\"type\":\"TIMESTAMP_WITH_LOCAL_TIME_ZONE\",\"nullable\":true,\"precision\":9}");
  check_json (gw_logical_type_new_with_precision (GW_TYPE_TIME_WITHOUT_TIME_ZONE, TRUE, 6),
              "{\"type\":\"TIME_WITHOUT_TIME_ZONE\",\"nullable\":true,\"precision\":6}");
  check_json (gw_logical_type_new_interval (GW_TYPE_INTERVAL_DAY_TIME, TRUE, GW_INTERVAL_DAY_TO_SECOND, 6, 3),
              "{\"type\":\"INTERVAL_DAY_TIME\",\"nullable\":true,\"precision\":6,"
              "\"fractionalPrecision\":3,\"resolution\":\"DAY_TO_SECOND\"}");
  check_json (gw_logical_type_new_interval (GW_TYPE_INTERVAL_YEAR_MONTH, TRUE, GW_INTERVAL_YEAR_TO_MONTH, 2, 0),
              "{\"type\":\"INTERVAL_YEAR_MONTH\",\"nullable\":true,\"precision\":2,\"resolution\":\"YEAR_TO_MONTH\"}");
}

static void
test_json_nested (void)
{
  check_json (gw_logical_type_new_map (TRUE, string_type (), gw_logical_type_new (GW_TYPE_BIGINT, TRUE)),
              "{\"type\":\"MAP\",\"nullable\":true,\"keyType\":{\"type\":\"VARCHAR\",\"nullable\":true,"
              "\"length\":2147483647},\"valueType\":{\"type\":\"BIGINT\",\"nullable\":true}}");
  check_json (gw_logical_type_new_collection (GW_TYPE_ARRAY, TRUE, gw_logical_type_new (GW_TYPE_INTEGER, FALSE)),
              "{\"type\":\"ARRAY\",\"nullable\":true,\"elementType\":{\"type\":\"INTEGER\",\"nullable\":false}}");
  const char *names[] = { "a", "b\"c" };
  GwLogicalType *types[] = { gw_logical_type_new (GW_TYPE_INTEGER, TRUE), string_type () };
  check_json (gw_logical_type_new_row (TRUE, 2, names, types),
              "{\"type\":\"ROW\",\"nullable\":true,\"fields\":[{\"name\":\"a\",\"fieldType\":{\"type\":"
              "\"INTEGER\",\"nullable\":true}},{\"name\":\"b\\\"c\",\"fieldType\":{\"type\":\"VARCHAR\","
              "\"nullable\":true,\"length\":2147483647}}]}");
}

static void
check_summary (GwLogicalType *type, const char *expected)
{
  g_autofree gchar *text = gw_logical_type_to_string (type);
  g_assert_cmpstr (text, ==, expected);
  gw_logical_type_unref (type);
}

static void
test_summary (void)
{
  check_summary (string_type (), "STRING");
  check_summary (gw_logical_type_new_with_length (GW_TYPE_VARCHAR, FALSE, 10), "VARCHAR(10) NOT NULL");
  check_summary (gw_logical_type_new (GW_TYPE_INTEGER, TRUE), "INT");
  check_summary (gw_logical_type_new_decimal (TRUE, 10, 2), "DECIMAL(10, 2)");
  check_summary (gw_logical_type_new_with_precision (GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, TRUE, 6),
                 "TIMESTAMP_LTZ(6)");
  check_summary (gw_logical_type_new_map (TRUE, string_type (), gw_logical_type_new (GW_TYPE_INTEGER, TRUE)),
                 "MAP<STRING, INT>");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/logical-type/json-scalars", test_json_scalars);
  g_test_add_func ("/common/logical-type/json-nested", test_json_nested);
  g_test_add_func ("/common/logical-type/summary", test_summary);
  return g_test_run ();
}
