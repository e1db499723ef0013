/* The one place that maps a Flink LogicalType to HiveServer2: TTypeId, Hive type name,
 * java.sql.Types code, GetColumns sizes, the result-set schema (this file), and the TColumn arm
 * and value text the result sets use (gw-hs2-rowset.h, gw-hs2-value-text.c).
 *
 * Mapping (Hive's own, not Flink's quirks): BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT,
 * DOUBLE, DECIMAL, DATE, TIMESTAMP map to their Hive namesakes; CHAR(n <= 255) → CHAR,
 * VARCHAR(n <= 65535) → VARCHAR, longer ones and STRING → STRING; BINARY/VARBINARY → BINARY;
 * TIME → STRING (Hive has no TIME); TIMESTAMP_LTZ (and TIMESTAMP WITH TIME ZONE, rendered the
 * same way) → TIMESTAMPLOCALTZ from V11, TIMESTAMP below; intervals → INTERVAL_*; ARRAY and
 * MULTISET → ARRAY; MAP → MAP; ROW → STRUCT; NULL → NULL. Type ids an older client's IDL does
 * not have degrade to STRING_TYPE (the IDL comments date them: VARCHAR V3, CHAR V4, intervals
 * V8; TIMESTAMPLOCALTZ V11 → TIMESTAMP_TYPE), because a Java client reads an unknown enum value
 * as null and the JDBC driver then fails on the column. */
#pragma once

#include "gw-batch.h"
#include "t_c_l_i_service_types.h"

G_BEGIN_DECLS

/* Columnar TRowSets (TRowSet.columns) from this version on, row-based (TRowSet.rows) below. */
#define GW_HS2_PROTOCOL_COLUMNAR T_PROTOCOL_VERSION_HIVE_CLI_SERVICE_PROTOCOL_V6

TTypeId       gw_hs2_type_id (const GwLogicalType *type, gint protocol_version);
/* Hive's TYPE_NAMES entry of the type as the newest protocol sees it: "STRING", "DECIMAL",
 * "ARRAY", "TIMESTAMP WITH LOCAL TIME ZONE", ... (GetColumns TYPE_NAME). */
const char   *gw_hs2_type_name (const GwLogicalType *type);
/* java.sql.Types code as Hive's Type.toJavaSQLType: BIGINT -5, VARCHAR 12, intervals and
 * TIMESTAMP WITH LOCAL TIME ZONE 1111 (OTHER), ... (GetColumns DATA_TYPE). */
gint32        gw_hs2_jdbc_type (const GwLogicalType *type);
/* GetColumns COLUMN_SIZE: numeric precision (Hive's maximum for integers and floating point,
 * the declared one for DECIMAL), character or byte length, text length for DATE (10),
 * TIME (8, + 1 + fraction digits) and TIMESTAMP (19, + 1 + fraction digits); 0 otherwise. */
gint32        gw_hs2_column_size (const GwLogicalType *type);
/* GetColumns DECIMAL_DIGITS: DECIMAL scale, TIME/TIMESTAMP fraction digits, FLOAT 7 and
 * DOUBLE 15 (as Hive); 0 otherwise. */
gint32        gw_hs2_decimal_digits (const GwLogicalType *type);
/* GetResultSetMetadata: one TPrimitiveTypeEntry per column (also for ARRAY/MAP/STRUCT: Hive
 * JDBC reads types[0].primitiveEntry), qualifiers characterMaximumLength for CHAR/VARCHAR and
 * precision + scale for DECIMAL, positions from 1, comment when the schema has one. */
TTableSchema *gw_hs2_table_schema_new (const GwResultSchema *schema, gint protocol_version);

G_END_DECLS
