/* Flink LogicalType → HiveServer2 type descriptions (mapping rules in gw-hs2-types.h). */
#include "gw-hs2-types-private.h"

/* Hive's serde limits (HiveChar.MAX_CHAR_LENGTH, HiveVarchar.MAX_VARCHAR_LENGTH): longer
 * character types are STRING in Hive, as in Flink's HiveTypeUtil. */
#define HIVE_MAX_CHAR_LENGTH    255
#define HIVE_MAX_VARCHAR_LENGTH 65535

/* java.sql.Types codes used by Hive's Type.toJavaSQLType. */
enum {
  JDBC_NULL = 0,
  JDBC_CHAR = 1,
  JDBC_DECIMAL = 3,
  JDBC_INTEGER = 4,
  JDBC_SMALLINT = 5,
  JDBC_FLOAT = 6,
  JDBC_DOUBLE = 8,
  JDBC_VARCHAR = 12,
  JDBC_BOOLEAN = 16,
  JDBC_DATE = 91,
  JDBC_TIMESTAMP = 93,
  JDBC_OTHER = 1111,
  JDBC_JAVA_OBJECT = 2000, /* Hive's code for MAP */
  JDBC_STRUCT = 2002,
  JDBC_ARRAY = 2003,
  JDBC_BIGINT = -5,
  JDBC_TINYINT = -6,
  JDBC_BINARY = -2,
};

/* Indexed by TTypeId: the IDL's TYPE_NAMES (USER_DEFINED has none there) and the JDBC code. */
static const struct {
  const char *name;
  gint32      jdbc;
} hive_types[] = {
  [T_TYPE_ID_BOOLEAN_TYPE] = { "BOOLEAN", JDBC_BOOLEAN },
  [T_TYPE_ID_TINYINT_TYPE] = { "TINYINT", JDBC_TINYINT },
  [T_TYPE_ID_SMALLINT_TYPE] = { "SMALLINT", JDBC_SMALLINT },
  [T_TYPE_ID_INT_TYPE] = { "INT", JDBC_INTEGER },
  [T_TYPE_ID_BIGINT_TYPE] = { "BIGINT", JDBC_BIGINT },
  [T_TYPE_ID_FLOAT_TYPE] = { "FLOAT", JDBC_FLOAT },
  [T_TYPE_ID_DOUBLE_TYPE] = { "DOUBLE", JDBC_DOUBLE },
  [T_TYPE_ID_STRING_TYPE] = { "STRING", JDBC_VARCHAR },
  [T_TYPE_ID_TIMESTAMP_TYPE] = { "TIMESTAMP", JDBC_TIMESTAMP },
  [T_TYPE_ID_BINARY_TYPE] = { "BINARY", JDBC_BINARY },
  [T_TYPE_ID_ARRAY_TYPE] = { "ARRAY", JDBC_ARRAY },
  [T_TYPE_ID_MAP_TYPE] = { "MAP", JDBC_JAVA_OBJECT },
  [T_TYPE_ID_STRUCT_TYPE] = { "STRUCT", JDBC_STRUCT },
  [T_TYPE_ID_UNION_TYPE] = { "UNIONTYPE", JDBC_OTHER },
  [T_TYPE_ID_USER_DEFINED_TYPE] = { "USER_DEFINED", JDBC_OTHER },
  [T_TYPE_ID_DECIMAL_TYPE] = { "DECIMAL", JDBC_DECIMAL },
  [T_TYPE_ID_NULL_TYPE] = { "NULL", JDBC_NULL },
  [T_TYPE_ID_DATE_TYPE] = { "DATE", JDBC_DATE },
  [T_TYPE_ID_VARCHAR_TYPE] = { "VARCHAR", JDBC_VARCHAR },
  [T_TYPE_ID_CHAR_TYPE] = { "CHAR", JDBC_CHAR },
  [T_TYPE_ID_INTERVAL_YEAR_MONTH_TYPE] = { "INTERVAL_YEAR_MONTH", JDBC_OTHER },
  [T_TYPE_ID_INTERVAL_DAY_TIME_TYPE] = { "INTERVAL_DAY_TIME", JDBC_OTHER },
  [T_TYPE_ID_TIMESTAMPLOCALTZ_TYPE] = { "TIMESTAMP WITH LOCAL TIME ZONE", JDBC_OTHER },
};

/* Below this version the client's TTypeId has no value for the type (IDL comments). */
static TTypeId
if_known (gint protocol_version, gint since, TTypeId id, TTypeId fallback)
{
  return protocol_version >= since ? id : fallback;
}

TTypeId
gw_hs2_type_id (const GwLogicalType *type, gint protocol_version)
{
  g_return_val_if_fail (type != NULL, T_TYPE_ID_STRING_TYPE);

  gint32 length;
  switch (gw_logical_type_get_root (type)) {
  case GW_TYPE_BOOLEAN: return T_TYPE_ID_BOOLEAN_TYPE;
  case GW_TYPE_TINYINT: return T_TYPE_ID_TINYINT_TYPE;
  case GW_TYPE_SMALLINT: return T_TYPE_ID_SMALLINT_TYPE;
  case GW_TYPE_INTEGER: return T_TYPE_ID_INT_TYPE;
  case GW_TYPE_BIGINT: return T_TYPE_ID_BIGINT_TYPE;
  case GW_TYPE_FLOAT: return T_TYPE_ID_FLOAT_TYPE;
  case GW_TYPE_DOUBLE: return T_TYPE_ID_DOUBLE_TYPE;
  case GW_TYPE_DECIMAL: return T_TYPE_ID_DECIMAL_TYPE;
  case GW_TYPE_CHAR:
    /* CHAR(0) (Flink's empty literal) has no Hive form either. */
    length = gw_logical_type_get_length (type);
    if (length < 1 || length > HIVE_MAX_CHAR_LENGTH)
      return T_TYPE_ID_STRING_TYPE;
    return if_known (protocol_version, T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V4,
                     T_TYPE_ID_CHAR_TYPE, T_TYPE_ID_STRING_TYPE);
  case GW_TYPE_VARCHAR:
    length = gw_logical_type_get_length (type);
    if (length < 1 || length > HIVE_MAX_VARCHAR_LENGTH)
      return T_TYPE_ID_STRING_TYPE;
    return if_known (protocol_version, T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V3,
                     T_TYPE_ID_VARCHAR_TYPE, T_TYPE_ID_STRING_TYPE);
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY: return T_TYPE_ID_BINARY_TYPE;
  case GW_TYPE_DATE: return T_TYPE_ID_DATE_TYPE;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE: return T_TYPE_ID_STRING_TYPE;
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE: return T_TYPE_ID_TIMESTAMP_TYPE;
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    return if_known (protocol_version, T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V11,
                     T_TYPE_ID_TIMESTAMPLOCALTZ_TYPE, T_TYPE_ID_TIMESTAMP_TYPE);
  case GW_TYPE_INTERVAL_YEAR_MONTH:
    return if_known (protocol_version, T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V8,
                     T_TYPE_ID_INTERVAL_YEAR_MONTH_TYPE, T_TYPE_ID_STRING_TYPE);
  case GW_TYPE_INTERVAL_DAY_TIME:
    return if_known (protocol_version, T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V8,
                     T_TYPE_ID_INTERVAL_DAY_TIME_TYPE, T_TYPE_ID_STRING_TYPE);
  case GW_TYPE_ARRAY:
  case GW_TYPE_MULTISET: return T_TYPE_ID_ARRAY_TYPE;
  case GW_TYPE_MAP: return T_TYPE_ID_MAP_TYPE;
  case GW_TYPE_ROW: return T_TYPE_ID_STRUCT_TYPE;
  case GW_TYPE_NULL: return T_TYPE_ID_NULL_TYPE;
  }
  return T_TYPE_ID_STRING_TYPE;
}

/* The type as a client of the newest protocol sees it. */
static TTypeId
newest_type_id (const GwLogicalType *type)
{
  return gw_hs2_type_id (type, T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V11);
}

const char *
gw_hs2_type_name (const GwLogicalType *type)
{
  g_return_val_if_fail (type != NULL, NULL);
  return hive_types[newest_type_id (type)].name;
}

gint32
gw_hs2_jdbc_type (const GwLogicalType *type)
{
  g_return_val_if_fail (type != NULL, JDBC_OTHER);
  return hive_types[newest_type_id (type)].jdbc;
}

/* Length of "HH:mm:ss" (+ "." and the fraction digits). */
static gint32
time_text_length (int base, int precision)
{
  return base + (precision > 0 ? 1 + precision : 0);
}

gint32
gw_hs2_column_size (const GwLogicalType *type)
{
  g_return_val_if_fail (type != NULL, 0);

  switch (gw_logical_type_get_root (type)) {
  /* Hive's Type.getMaxPrecision() */
  case GW_TYPE_TINYINT: return 3;
  case GW_TYPE_SMALLINT: return 5;
  case GW_TYPE_INTEGER: return 10;
  case GW_TYPE_BIGINT: return 19;
  case GW_TYPE_FLOAT: return 7;
  case GW_TYPE_DOUBLE: return 15;
  case GW_TYPE_DECIMAL: return gw_logical_type_get_precision (type);
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY: return gw_logical_type_get_length (type);
  case GW_TYPE_DATE: return 10;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
    return time_text_length (8, gw_logical_type_get_precision (type));
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    return time_text_length (19, gw_logical_type_get_precision (type));
  default: return 0;
  }
}

gint32
gw_hs2_decimal_digits (const GwLogicalType *type)
{
  g_return_val_if_fail (type != NULL, 0);

  switch (gw_logical_type_get_root (type)) {
  case GW_TYPE_FLOAT: return 7;
  case GW_TYPE_DOUBLE: return 15;
  case GW_TYPE_DECIMAL: return gw_logical_type_get_scale (type);
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE: return gw_logical_type_get_precision (type);
  default: return 0;
  }
}

GwHs2Arm
gw_hs2_arm_of (const GwLogicalType *type, gint protocol_version)
{
  switch (gw_logical_type_get_root (type)) {
  case GW_TYPE_BOOLEAN: return GW_HS2_ARM_BOOL;
  case GW_TYPE_TINYINT: return GW_HS2_ARM_BYTE;
  case GW_TYPE_SMALLINT: return GW_HS2_ARM_I16;
  case GW_TYPE_INTEGER: return GW_HS2_ARM_I32;
  case GW_TYPE_BIGINT: return GW_HS2_ARM_I64;
  case GW_TYPE_FLOAT:
  case GW_TYPE_DOUBLE: return GW_HS2_ARM_DOUBLE;
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY:
    /* V6 "BINARY payload as binary (was string)". */
    return protocol_version >= GW_HS2_PROTOCOL_COLUMNAR ? GW_HS2_ARM_BINARY : GW_HS2_ARM_STRING;
  default: return GW_HS2_ARM_STRING;
  }
}

static void
add_qualifier (TPrimitiveTypeEntry *entry, const char *key, gint32 value)
{
  TTypeQualifierValue *qualifier = g_object_new (TYPE_T_TYPE_QUALIFIER_VALUE, NULL);
  qualifier->i32Value = value;
  qualifier->__isset_i32Value = TRUE;
  g_hash_table_insert (entry->typeQualifiers->qualifiers, g_strdup (key), qualifier);
  entry->__isset_typeQualifiers = TRUE;
}

static TColumnDesc *
column_desc_new (const GwResultSchema *schema, guint i, gint protocol_version)
{
  const GwLogicalType *type = gw_result_schema_get_type (schema, i);
  const char *comment = gw_result_schema_get_comment (schema, i);
  TColumnDesc *desc = g_object_new (TYPE_T_COLUMN_DESC, NULL);
  desc->columnName = g_strdup (gw_result_schema_get_name (schema, i));
  desc->position = (gint32) i + 1;
  if (comment != NULL) {
    desc->comment = g_strdup (comment);
    desc->__isset_comment = TRUE;
  }

  /* TTypeEntry is a union with every arm pre-allocated: mark the one that is written. */
  TTypeEntry *entry = g_object_new (TYPE_T_TYPE_ENTRY, NULL);
  entry->__isset_primitiveEntry = TRUE;
  TPrimitiveTypeEntry *primitive = entry->primitiveEntry;
  primitive->type = gw_hs2_type_id (type, protocol_version);
  switch (primitive->type) {
  case T_TYPE_ID_CHAR_TYPE:
  case T_TYPE_ID_VARCHAR_TYPE:
    add_qualifier (primitive, "characterMaximumLength", gw_logical_type_get_length (type));
    break;
  case T_TYPE_ID_DECIMAL_TYPE:
    add_qualifier (primitive, "precision", gw_logical_type_get_precision (type));
    add_qualifier (primitive, "scale", gw_logical_type_get_scale (type));
    break;
  default:
    break;
  }
  g_ptr_array_add (desc->typeDesc->types, entry);
  return desc;
}

TTableSchema *
gw_hs2_table_schema_new (const GwResultSchema *schema, gint protocol_version)
{
  g_return_val_if_fail (schema != NULL, NULL);

  TTableSchema *table_schema = g_object_new (TYPE_T_TABLE_SCHEMA, NULL);
  for (guint i = 0; i < gw_result_schema_get_n_columns (schema); i++)
    g_ptr_array_add (table_schema->columns, column_desc_new (schema, i, protocol_version));
  return table_schema;
}
