/* Flink LogicalTypes as DuckDB type text, for the columns of tables created by Flink DDL and for
 * casts. Chosen so that reading the column back (gw-duckdb-types.c) gives the same Flink type
 * where DuckDB can hold it; what it cannot (lengths, TIME/TIMESTAMP precisions other than 6 and
 * 9, interval resolutions, NOT NULL) is kept by the DDL metadata, not here. */
#include "gw-duckdb-type-sql.h"

/* DuckDB's DECIMAL holds at most 38 digits, as Flink's does; more is clamped rather than
 * failed, since no Flink type can carry it anyway. */
#define DUCKDB_MAX_DECIMAL_PRECISION 38

static void append_type (const GwLogicalType *type, GString *out);

static void
append_quoted (const char *name, GString *out)
{
  g_string_append_c (out, '"');
  for (const char *c = name; *c != '\0'; c++) {
    if (*c == '"')
      g_string_append_c (out, '"');
    g_string_append_c (out, *c);
  }
  g_string_append_c (out, '"');
}

static void
append_type (const GwLogicalType *type, GString *out)
{
  switch (gw_logical_type_get_root (type)) {
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
    /* DuckDB accepts VARCHAR(n) but ignores n; plain VARCHAR says what is enforced. */
    g_string_append (out, "VARCHAR");
    break;
  case GW_TYPE_BOOLEAN: g_string_append (out, "BOOLEAN"); break;
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY:
    g_string_append (out, "BLOB");
    break;
  case GW_TYPE_DECIMAL: {
    int precision = MIN (gw_logical_type_get_precision (type), DUCKDB_MAX_DECIMAL_PRECISION);
    int scale = MIN (gw_logical_type_get_scale (type), precision);
    g_string_append_printf (out, "DECIMAL(%d, %d)", MAX (precision, 1), MAX (scale, 0));
    break;
  }
  case GW_TYPE_TINYINT: g_string_append (out, "TINYINT"); break;
  case GW_TYPE_SMALLINT: g_string_append (out, "SMALLINT"); break;
  case GW_TYPE_INTEGER: g_string_append (out, "INTEGER"); break;
  case GW_TYPE_BIGINT: g_string_append (out, "BIGINT"); break;
  case GW_TYPE_FLOAT: g_string_append (out, "FLOAT"); break;
  case GW_TYPE_DOUBLE: g_string_append (out, "DOUBLE"); break;
  case GW_TYPE_DATE: g_string_append (out, "DATE"); break;
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
    /* micros; TIME_NS would be read back as TIME(6) anyway (the batch stores TIME as micros) */
    g_string_append (out, "TIME");
    break;
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
    /* TIMESTAMP_S/_MS would keep precisions 0 and 3 exactly, but many DuckDB functions and
     * casts handle only TIMESTAMP; micros hold every value of precision <= 6. */
    g_string_append (out, gw_logical_type_get_precision (type) > 6 ? "TIMESTAMP_NS" : "TIMESTAMP");
    break;
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    /* an instant in micros, shown in the session time zone: Flink's TIMESTAMP_LTZ semantics */
    g_string_append (out, "TIMESTAMPTZ");
    break;
  case GW_TYPE_INTERVAL_YEAR_MONTH:
  case GW_TYPE_INTERVAL_DAY_TIME:
    g_string_append (out, "INTERVAL");
    break;
  case GW_TYPE_ARRAY:
    append_type (gw_logical_type_get_element (type), out);
    g_string_append (out, "[]");
    break;
  case GW_TYPE_MULTISET:
    /* Flink represents a multiset as a map from element to its count */
    g_string_append (out, "MAP(");
    append_type (gw_logical_type_get_element (type), out);
    g_string_append (out, ", INTEGER)");
    break;
  case GW_TYPE_MAP:
    g_string_append (out, "MAP(");
    append_type (gw_logical_type_get_key (type), out);
    g_string_append (out, ", ");
    append_type (gw_logical_type_get_value (type), out);
    g_string_append_c (out, ')');
    break;
  case GW_TYPE_ROW:
    /* an empty ROW<> gives STRUCT(), which DuckDB rejects: its error is the honest answer */
    g_string_append (out, "STRUCT(");
    for (guint i = 0; i < gw_logical_type_get_n_fields (type); i++) {
      if (i > 0)
        g_string_append (out, ", ");
      append_quoted (gw_logical_type_get_field_name (type, i), out);
      g_string_append_c (out, ' ');
      append_type (gw_logical_type_get_field_type (type, i), out);
    }
    g_string_append_c (out, ')');
    break;
  case GW_TYPE_NULL:
  default:
    /* DuckDB has no column type of only NULLs ("NULL" is rejected in CREATE TABLE) */
    g_string_append (out, "VARCHAR");
    break;
  }
}

gchar *
gw_duckdb_type_sql (const GwLogicalType *type)
{
  g_return_val_if_fail (type != NULL, NULL);
  GString *out = g_string_new (NULL);
  append_type (type, out);
  return g_string_free (out, FALSE);
}
