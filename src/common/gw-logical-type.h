/* Flink LogicalTypes: the column types of every result the gateway returns, whatever the engine.
 * Immutable and reference-counted; serialized to JSON exactly as Flink's LogicalTypeJsonSerializer
 * (reference/flink-rest.md §5) and printed as Flink's summary string ("VARCHAR(10)"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* LogicalTypeRoot names, in Flink's order; gw_type_root_name() gives the JSON name. */
typedef enum {
  GW_TYPE_CHAR,
  GW_TYPE_VARCHAR,                          /* length 2147483647 = STRING */
  GW_TYPE_BOOLEAN,
  GW_TYPE_BINARY,
  GW_TYPE_VARBINARY,                        /* length 2147483647 = BYTES */
  GW_TYPE_DECIMAL,
  GW_TYPE_TINYINT,
  GW_TYPE_SMALLINT,
  GW_TYPE_INTEGER,
  GW_TYPE_BIGINT,
  GW_TYPE_FLOAT,
  GW_TYPE_DOUBLE,
  GW_TYPE_DATE,
  GW_TYPE_TIME_WITHOUT_TIME_ZONE,
  GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE,
  GW_TYPE_TIMESTAMP_WITH_TIME_ZONE,
  GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE,
  GW_TYPE_INTERVAL_YEAR_MONTH,
  GW_TYPE_INTERVAL_DAY_TIME,
  GW_TYPE_ARRAY,
  GW_TYPE_MULTISET,
  GW_TYPE_MAP,
  GW_TYPE_ROW,
  GW_TYPE_NULL,
} GwTypeRoot;

#define GW_TYPE_MAX_LENGTH 2147483647

/* Resolutions of Flink's interval types. */
typedef enum {
  GW_INTERVAL_YEAR,
  GW_INTERVAL_YEAR_TO_MONTH,
  GW_INTERVAL_MONTH,
  GW_INTERVAL_DAY,
  GW_INTERVAL_DAY_TO_HOUR,
  GW_INTERVAL_DAY_TO_MINUTE,
  GW_INTERVAL_DAY_TO_SECOND,
  GW_INTERVAL_HOUR,
  GW_INTERVAL_HOUR_TO_MINUTE,
  GW_INTERVAL_HOUR_TO_SECOND,
  GW_INTERVAL_MINUTE,
  GW_INTERVAL_MINUTE_TO_SECOND,
  GW_INTERVAL_SECOND,
} GwIntervalResolution;

typedef struct _GwLogicalType GwLogicalType;

/* Types without parameters: BOOLEAN, TINYINT..DOUBLE, DATE, NULL. */
GwLogicalType *gw_logical_type_new (GwTypeRoot root, gboolean nullable);
/* CHAR, VARCHAR, BINARY, VARBINARY. */
GwLogicalType *gw_logical_type_new_with_length (GwTypeRoot root, gboolean nullable, gint32 length);
GwLogicalType *gw_logical_type_new_decimal (gboolean nullable, int precision, int scale);
/* TIME_WITHOUT_TIME_ZONE and the three TIMESTAMP roots; precision 0..9. */
GwLogicalType *gw_logical_type_new_with_precision (GwTypeRoot root, gboolean nullable, int precision);
/* INTERVAL_YEAR_MONTH (precision = year precision) or INTERVAL_DAY_TIME (precision = day
 * precision, fractional_precision = second fraction digits). */
GwLogicalType *gw_logical_type_new_interval (GwTypeRoot root, gboolean nullable,
                                             GwIntervalResolution resolution,
                                             int precision, int fractional_precision);
/* ARRAY or MULTISET; takes ownership of element. */
GwLogicalType *gw_logical_type_new_collection (GwTypeRoot root, gboolean nullable,
                                               GwLogicalType *element);
/* Takes ownership of key and value. */
GwLogicalType *gw_logical_type_new_map (gboolean nullable, GwLogicalType *key, GwLogicalType *value);
/* Takes ownership of every field type; names are copied. */
GwLogicalType *gw_logical_type_new_row (gboolean nullable, guint n_fields,
                                        const char *const *names, GwLogicalType **types);

GwLogicalType *gw_logical_type_ref (GwLogicalType *type);
void           gw_logical_type_unref (GwLogicalType *type);

GwTypeRoot     gw_logical_type_get_root (const GwLogicalType *type);
gboolean       gw_logical_type_is_nullable (const GwLogicalType *type);
gint32         gw_logical_type_get_length (const GwLogicalType *type);
/* DECIMAL precision, TIME/TIMESTAMP precision, interval (year/day) precision. */
int            gw_logical_type_get_precision (const GwLogicalType *type);
int            gw_logical_type_get_scale (const GwLogicalType *type);
int            gw_logical_type_get_fractional_precision (const GwLogicalType *type);
GwIntervalResolution gw_logical_type_get_resolution (const GwLogicalType *type);
/* ARRAY/MULTISET element; MAP key and value. Borrowed. */
GwLogicalType *gw_logical_type_get_element (const GwLogicalType *type);
GwLogicalType *gw_logical_type_get_key (const GwLogicalType *type);
GwLogicalType *gw_logical_type_get_value (const GwLogicalType *type);
guint          gw_logical_type_get_n_fields (const GwLogicalType *type);
const char    *gw_logical_type_get_field_name (const GwLogicalType *type, guint i);
GwLogicalType *gw_logical_type_get_field_type (const GwLogicalType *type, guint i);

const char    *gw_type_root_name (GwTypeRoot root);
const char    *gw_interval_resolution_name (GwIntervalResolution resolution);

/* Appends the LogicalTypeJsonSerializer object for type. */
void           gw_logical_type_append_json (const GwLogicalType *type, GString *out);
/* Flink's asSummaryString(): "INT NOT NULL", "VARCHAR(10)", "STRING", "ARRAY<INT>", ... */
gchar         *gw_logical_type_to_string (const GwLogicalType *type);
/* Flink's asSerializableString(), as SHOW CREATE TABLE prints types: "VARCHAR(2147483647)",
 * "TIMESTAMP(3) WITH LOCAL TIME ZONE", ... */
gchar         *gw_logical_type_to_serializable_string (const GwLogicalType *type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwLogicalType, gw_logical_type_unref)

G_END_DECLS
