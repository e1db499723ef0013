/* Unit tests of the HiveServer2 type descriptions: TTypeId per protocol version, Hive type
 * names, java.sql.Types codes, GetColumns sizes and the GetResultSetMetadata schema read back
 * through TBinaryProtocol. */
#include "gw-hs2-test-wire.h"

static void
test_type_mapping (void)
{
  static const struct {
    GwTypeRoot root;
    gint32     param;     /* length or precision, -1 none */
    gint       version;
    TTypeId    id;
    const char *name;
    gint32     jdbc, size, digits;
  } cases[] = {
    { GW_TYPE_BOOLEAN, -1, V10, T_TYPE_ID_BOOLEAN_TYPE, "BOOLEAN", 16, 0, 0 },
    { GW_TYPE_TINYINT, -1, V10, T_TYPE_ID_TINYINT_TYPE, "TINYINT", -6, 3, 0 },
    { GW_TYPE_SMALLINT, -1, V10, T_TYPE_ID_SMALLINT_TYPE, "SMALLINT", 5, 5, 0 },
    { GW_TYPE_INTEGER, -1, V10, T_TYPE_ID_INT_TYPE, "INT", 4, 10, 0 },
    { GW_TYPE_BIGINT, -1, V10, T_TYPE_ID_BIGINT_TYPE, "BIGINT", -5, 19, 0 },
    { GW_TYPE_FLOAT, -1, V10, T_TYPE_ID_FLOAT_TYPE, "FLOAT", 6, 7, 7 },
    { GW_TYPE_DOUBLE, -1, V10, T_TYPE_ID_DOUBLE_TYPE, "DOUBLE", 8, 15, 15 },
    { GW_TYPE_CHAR, 255, V10, T_TYPE_ID_CHAR_TYPE, "CHAR", 1, 255, 0 },
    { GW_TYPE_CHAR, 256, V10, T_TYPE_ID_STRING_TYPE, "STRING", 12, 256, 0 },
    { GW_TYPE_CHAR, 0, V10, T_TYPE_ID_STRING_TYPE, "STRING", 12, 0, 0 },
    { GW_TYPE_CHAR, 5, V5 - 2, T_TYPE_ID_STRING_TYPE, "CHAR", 1, 5, 0 },  /* V3: no CHAR */
    { GW_TYPE_VARCHAR, 65535, V10, T_TYPE_ID_VARCHAR_TYPE, "VARCHAR", 12, 65535, 0 },
    { GW_TYPE_VARCHAR, 65536, V10, T_TYPE_ID_STRING_TYPE, "STRING", 12, 65536, 0 },
    { GW_TYPE_VARCHAR, GW_TYPE_MAX_LENGTH, V10, T_TYPE_ID_STRING_TYPE, "STRING", 12,
      GW_TYPE_MAX_LENGTH, 0 },
    { GW_TYPE_VARCHAR, 10, V5 - 3, T_TYPE_ID_STRING_TYPE, "VARCHAR", 12, 10, 0 }, /* V2 */
    { GW_TYPE_BINARY, 3, V10, T_TYPE_ID_BINARY_TYPE, "BINARY", -2, 3, 0 },
    { GW_TYPE_VARBINARY, GW_TYPE_MAX_LENGTH, V10, T_TYPE_ID_BINARY_TYPE, "BINARY", -2,
      GW_TYPE_MAX_LENGTH, 0 },
    { GW_TYPE_DATE, -1, V10, T_TYPE_ID_DATE_TYPE, "DATE", 91, 10, 0 },
    { GW_TYPE_TIME_WITHOUT_TIME_ZONE, 3, V10, T_TYPE_ID_STRING_TYPE, "STRING", 12, 12, 3 },
    { GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE, 9, V10, T_TYPE_ID_TIMESTAMP_TYPE, "TIMESTAMP", 93,
      29, 9 },
    { GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE, 0, V10, T_TYPE_ID_TIMESTAMP_TYPE, "TIMESTAMP", 93,
      19, 0 },
    { GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6, V10, T_TYPE_ID_TIMESTAMP_TYPE,
      "TIMESTAMP WITH LOCAL TIME ZONE", 1111, 26, 6 },
    { GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6, V11, T_TYPE_ID_TIMESTAMPLOCALTZ_TYPE,
      "TIMESTAMP WITH LOCAL TIME ZONE", 1111, 26, 6 },
    { GW_TYPE_NULL, -1, V10, T_TYPE_ID_NULL_TYPE, "NULL", 0, 0, 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GwLogicalType) t = NULL;
    if (cases[i].param < 0)
      t = type_new (cases[i].root);
    else if (cases[i].root <= GW_TYPE_VARBINARY)
      t = length_type (cases[i].root, cases[i].param);
    else
      t = precision_type (cases[i].root, cases[i].param);
    g_test_message ("case %u", i);
    g_assert_cmpint (gw_hs2_type_id (t, cases[i].version), ==, cases[i].id);
    g_assert_cmpstr (gw_hs2_type_name (t), ==, cases[i].name);
    g_assert_cmpint (gw_hs2_jdbc_type (t), ==, cases[i].jdbc);
    g_assert_cmpint (gw_hs2_column_size (t), ==, cases[i].size);
    g_assert_cmpint (gw_hs2_decimal_digits (t), ==, cases[i].digits);
  }

  g_autoptr (GwLogicalType) dec = gw_logical_type_new_decimal (TRUE, 10, 2);
  g_assert_cmpint (gw_hs2_type_id (dec, V10), ==, T_TYPE_ID_DECIMAL_TYPE);
  g_assert_cmpstr (gw_hs2_type_name (dec), ==, "DECIMAL");
  g_assert_cmpint (gw_hs2_jdbc_type (dec), ==, 3);
  g_assert_cmpint (gw_hs2_column_size (dec), ==, 10);
  g_assert_cmpint (gw_hs2_decimal_digits (dec), ==, 2);

  g_autoptr (GwLogicalType) ym = gw_logical_type_new_interval (
    GW_TYPE_INTERVAL_YEAR_MONTH, TRUE, GW_INTERVAL_YEAR_TO_MONTH, 2, 0);
  g_autoptr (GwLogicalType) dt = gw_logical_type_new_interval (
    GW_TYPE_INTERVAL_DAY_TIME, TRUE, GW_INTERVAL_DAY_TO_SECOND, 2, 6);
  g_assert_cmpint (gw_hs2_type_id (ym, V10), ==, T_TYPE_ID_INTERVAL_YEAR_MONTH_TYPE);
  g_assert_cmpint (gw_hs2_type_id (dt, V10), ==, T_TYPE_ID_INTERVAL_DAY_TIME_TYPE);
  g_assert_cmpint (gw_hs2_type_id (dt, V5 + 1), ==, T_TYPE_ID_STRING_TYPE); /* V7 */
  g_assert_cmpstr (gw_hs2_type_name (dt), ==, "INTERVAL_DAY_TIME");
  g_assert_cmpint (gw_hs2_jdbc_type (ym), ==, 1111);

  g_autoptr (GwLogicalType) arr = collection_type (GW_TYPE_ARRAY, type_new (GW_TYPE_INTEGER));
  g_autoptr (GwLogicalType) ms = collection_type (GW_TYPE_MULTISET, STRING_TYPE ());
  g_autoptr (GwLogicalType) map = gw_logical_type_new_map (TRUE, STRING_TYPE (),
                                                           type_new (GW_TYPE_BIGINT));
  g_autoptr (GwLogicalType) row = row_type ("a", type_new (GW_TYPE_INTEGER), NULL, NULL);
  g_assert_cmpint (gw_hs2_type_id (arr, V10), ==, T_TYPE_ID_ARRAY_TYPE);
  g_assert_cmpint (gw_hs2_type_id (ms, V10), ==, T_TYPE_ID_ARRAY_TYPE);
  g_assert_cmpint (gw_hs2_type_id (map, V10), ==, T_TYPE_ID_MAP_TYPE);
  g_assert_cmpint (gw_hs2_type_id (row, V10), ==, T_TYPE_ID_STRUCT_TYPE);
  g_assert_cmpstr (gw_hs2_type_name (arr), ==, "ARRAY");
  g_assert_cmpstr (gw_hs2_type_name (row), ==, "STRUCT");
  g_assert_cmpint (gw_hs2_jdbc_type (arr), ==, 2003);
  g_assert_cmpint (gw_hs2_jdbc_type (map), ==, 2000);
  g_assert_cmpint (gw_hs2_jdbc_type (row), ==, 2002);
}

static TPrimitiveTypeEntry *
primitive_entry (TTableSchema *schema, guint i)
{
  TColumnDesc *desc = schema->columns->pdata[i];
  return ((TTypeEntry *) desc->typeDesc->types->pdata[0])->primitiveEntry;
}

static gint32
qualifier (TTableSchema *schema, guint i, const char *key)
{
  TPrimitiveTypeEntry *entry = primitive_entry (schema, i);
  TTypeQualifierValue *value = g_hash_table_lookup (entry->typeQualifiers->qualifiers, key);
  g_assert_nonnull (value);
  g_assert_true (value->__isset_i32Value);
  return value->i32Value;
}

static void
test_table_schema (void)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  add (schema, "c", length_type (GW_TYPE_CHAR, 5));
  add (schema, "vc", length_type (GW_TYPE_VARCHAR, 10));
  add (schema, "dec", gw_logical_type_new_decimal (TRUE, 10, 2));
  add (schema, "s", STRING_TYPE ());
  gw_result_schema_add_column (schema, "arr", collection_type (GW_TYPE_ARRAY,
                               type_new (GW_TYPE_INTEGER)), "a comment");
  add (schema, "ltz", precision_type (GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3));

  TTableSchema *built = gw_hs2_table_schema_new (schema, V11);
  g_autoptr (GByteArray) bytes = serialize (binary, built);
  g_object_unref (built);
  TTableSchema *read = deserialize (bytes, TYPE_T_TABLE_SCHEMA);

  static const TTypeId ids[] = { T_TYPE_ID_CHAR_TYPE, T_TYPE_ID_VARCHAR_TYPE,
                                 T_TYPE_ID_DECIMAL_TYPE, T_TYPE_ID_STRING_TYPE,
                                 T_TYPE_ID_ARRAY_TYPE, T_TYPE_ID_TIMESTAMPLOCALTZ_TYPE };
  g_assert_cmpuint (read->columns->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < read->columns->len; i++) {
    TColumnDesc *desc = read->columns->pdata[i];
    g_assert_cmpstr (desc->columnName, ==, gw_result_schema_get_name (schema, i));
    g_assert_cmpint (desc->position, ==, i + 1);
    g_assert_cmpuint (desc->typeDesc->types->len, ==, 1);
    TTypeEntry *entry = desc->typeDesc->types->pdata[0];
    g_assert_true (entry->__isset_primitiveEntry);
    g_assert_false (entry->__isset_arrayEntry || entry->__isset_structEntry);
    g_assert_cmpint (entry->primitiveEntry->type, ==, ids[i]);
    guint n_qualifiers = g_hash_table_size (entry->primitiveEntry->typeQualifiers->qualifiers);
    g_assert_true (entry->primitiveEntry->__isset_typeQualifiers == (n_qualifiers > 0));
    g_assert_cmpuint (n_qualifiers, ==, i == 2 ? 2 : i < 2 ? 1 : 0);
    g_assert_true (desc->__isset_comment == (i == 4));
  }
  TColumnDesc *arr = read->columns->pdata[4];
  g_assert_cmpstr (arr->comment, ==, "a comment");
  g_assert_cmpint (qualifier (read, 0, "characterMaximumLength"), ==, 5);
  g_assert_cmpint (qualifier (read, 1, "characterMaximumLength"), ==, 10);
  g_assert_cmpint (qualifier (read, 2, "precision"), ==, 10);
  g_assert_cmpint (qualifier (read, 2, "scale"), ==, 2);
  g_object_unref (read);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wire_init ();
  g_test_add_func ("/hs2/types/mapping", test_type_mapping);
  g_test_add_func ("/hs2/types/table-schema", test_table_schema);
  int result = g_test_run ();
  wire_clear ();
  return result;
}
