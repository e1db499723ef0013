/* HiveServer2 metadata result sets: Hive's schemas (reference hiveserver2.md §3) filled from
 * gw_service_list_catalog() and registered with gw_service_add_result_operation(). */
#include "gw-hs2-metadata.h"
#include "gw-hs2-types.h"

#include <string.h>

/* The column types metadata result sets use (Hive's names in the comments). */
typedef enum {
  COL_STRING,   /* STRING = VARCHAR(MAX) */
  COL_INT,      /* INT */
  COL_SMALLINT, /* SMALLINT */
  COL_TINYINT,  /* TINYINT */
  COL_BOOLEAN,  /* BOOLEAN */
} ColumnType;

typedef struct {
  const char *name;
  ColumnType  type;
} ColumnSpec;

static const ColumnSpec type_info_columns[] = {
  { "TYPE_NAME", COL_STRING }, { "DATA_TYPE", COL_INT }, { "PRECISION", COL_INT },
  { "LITERAL_PREFIX", COL_STRING }, { "LITERAL_SUFFIX", COL_STRING },
  { "CREATE_PARAMS", COL_STRING }, { "NULLABLE", COL_SMALLINT },
  { "CASE_SENSITIVE", COL_BOOLEAN }, { "SEARCHABLE", COL_SMALLINT },
  { "UNSIGNED_ATTRIBUTE", COL_BOOLEAN }, { "FIXED_PREC_SCALE", COL_BOOLEAN },
  { "AUTO_INCREMENT", COL_BOOLEAN }, { "LOCAL_TYPE_NAME", COL_STRING },
  { "MINIMUM_SCALE", COL_SMALLINT }, { "MAXIMUM_SCALE", COL_SMALLINT },
  { "SQL_DATA_TYPE", COL_INT }, { "SQL_DATETIME_SUB", COL_INT }, { "NUM_PREC_RADIX", COL_INT },
};

static const ColumnSpec catalog_columns[] = { { "TABLE_CAT", COL_STRING } };

/* Hive's GetCrossReference schema, KEQ_SEQ misspelt as Hive spells it. */
static const ColumnSpec cross_reference_columns[] = {
  { "PKTABLE_CAT", COL_STRING }, { "PKTABLE_SCHEM", COL_STRING }, { "PKTABLE_NAME", COL_STRING },
  { "PKCOLUMN_NAME", COL_STRING }, { "FKTABLE_CAT", COL_STRING }, { "FKTABLE_SCHEM", COL_STRING },
  { "FKTABLE_NAME", COL_STRING }, { "FKCOLUMN_NAME", COL_STRING }, { "KEQ_SEQ", COL_INT },
  { "UPDATE_RULE", COL_INT }, { "DELETE_RULE", COL_INT }, { "FK_NAME", COL_STRING },
  { "PK_NAME", COL_STRING }, { "DEFERRABILITY", COL_INT },
};

static const ColumnSpec schema_columns[] = {
  { "TABLE_SCHEM", COL_STRING }, { "TABLE_CATALOG", COL_STRING },
};

static const ColumnSpec table_columns[] = {
  { "TABLE_CAT", COL_STRING }, { "TABLE_SCHEM", COL_STRING }, { "TABLE_NAME", COL_STRING },
  { "TABLE_TYPE", COL_STRING }, { "REMARKS", COL_STRING }, { "TYPE_CAT", COL_STRING },
  { "TYPE_SCHEM", COL_STRING }, { "TYPE_NAME", COL_STRING },
  { "SELF_REFERENCING_COL_NAME", COL_STRING }, { "REF_GENERATION", COL_STRING },
};

static const ColumnSpec table_type_columns[] = { { "TABLE_TYPE", COL_STRING } };

static const ColumnSpec column_columns[] = {
  { "TABLE_CAT", COL_STRING }, { "TABLE_SCHEM", COL_STRING }, { "TABLE_NAME", COL_STRING },
  { "COLUMN_NAME", COL_STRING }, { "DATA_TYPE", COL_INT }, { "TYPE_NAME", COL_STRING },
  { "COLUMN_SIZE", COL_INT }, { "BUFFER_LENGTH", COL_TINYINT }, { "DECIMAL_DIGITS", COL_INT },
  { "NUM_PREC_RADIX", COL_INT }, { "NULLABLE", COL_INT }, { "REMARKS", COL_STRING },
  { "COLUMN_DEF", COL_STRING }, { "SQL_DATA_TYPE", COL_INT }, { "SQL_DATETIME_SUB", COL_INT },
  { "CHAR_OCTET_LENGTH", COL_INT }, { "ORDINAL_POSITION", COL_INT },
  { "IS_NULLABLE", COL_STRING }, { "SCOPE_CATALOG", COL_STRING },
  { "SCOPE_SCHEMA", COL_STRING }, { "SCOPE_TABLE", COL_STRING },
  { "SOURCE_DATA_TYPE", COL_SMALLINT }, { "IS_AUTO_INCREMENT", COL_STRING },
};

/* FUNCTION_TYPE is INT although the IDL comment says SMALLINT: Hive and Flink send INT. */
static const ColumnSpec function_columns[] = {
  { "FUNCTION_CAT", COL_STRING }, { "FUNCTION_SCHEM", COL_STRING },
  { "FUNCTION_NAME", COL_STRING }, { "REMARKS", COL_STRING }, { "FUNCTION_TYPE", COL_INT },
  { "SPECIFIC_NAME", COL_STRING },
};

static const ColumnSpec primary_key_columns[] = {
  { "TABLE_CAT", COL_STRING }, { "TABLE_SCHEM", COL_STRING }, { "TABLE_NAME", COL_STRING },
  { "COLUMN_NAME", COL_STRING }, { "KEY_SEQ", COL_INT }, { "PK_NAME", COL_STRING },
};

/* java.sql.DatabaseMetaData constants. */
#define TYPE_NULLABLE           1 /* typeNullable, columnNullable */
#define COLUMN_NO_NULLS         0 /* columnNoNulls */
#define TYPE_SEARCHABLE         3 /* typeSearchable */
#define TYPE_PRED_NONE          0 /* typePredNone */
#define FUNCTION_NO_TABLE       1 /* functionNoTable */
#define FUNCTION_RETURNS_TABLE  2 /* functionReturnsTable */

/* One row per Hive type, as Hive's GetTypeInfoOperation lists them. precision -1 = NULL. */
static const struct {
  const char *name;
  gint32      jdbc_type;
  gint32      precision;
  gboolean    numeric;
  gboolean    complex;
} hive_types[] = {
  { "VOID", 0, -1, FALSE, FALSE },
  { "BOOLEAN", 16, -1, FALSE, FALSE },
  { "TINYINT", -6, 3, TRUE, FALSE },
  { "SMALLINT", 5, 5, TRUE, FALSE },
  { "INT", 4, 10, TRUE, FALSE },
  { "BIGINT", -5, 19, TRUE, FALSE },
  { "FLOAT", 6, 7, TRUE, FALSE },
  { "DOUBLE", 8, 15, TRUE, FALSE },
  { "STRING", 12, -1, FALSE, FALSE },
  { "CHAR", 1, -1, FALSE, FALSE },
  { "VARCHAR", 12, -1, FALSE, FALSE },
  { "DATE", 91, -1, FALSE, FALSE },
  { "TIMESTAMP", 93, -1, FALSE, FALSE },
  { "TIMESTAMP WITH LOCAL TIME ZONE", 1111, -1, FALSE, FALSE },
  { "INTERVAL_YEAR_MONTH", 1111, -1, FALSE, FALSE },
  { "INTERVAL_DAY_TIME", 1111, -1, FALSE, FALSE },
  { "BINARY", -2, -1, FALSE, FALSE },
  { "DECIMAL", 3, 38, TRUE, FALSE },
  { "ARRAY", 2003, -1, FALSE, TRUE },
  { "MAP", 2000, -1, FALSE, TRUE },
  { "STRUCT", 2002, -1, FALSE, TRUE },
  { "UNIONTYPE", 1111, -1, FALSE, TRUE },
  { "USER_DEFINED", 1111, -1, FALSE, TRUE },
};

static GwLogicalType *
column_type_new (ColumnType type)
{
  switch (type) {
  case COL_STRING:
    return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
  case COL_INT:
    return gw_logical_type_new (GW_TYPE_INTEGER, TRUE);
  case COL_SMALLINT:
    return gw_logical_type_new (GW_TYPE_SMALLINT, TRUE);
  case COL_TINYINT:
    return gw_logical_type_new (GW_TYPE_TINYINT, TRUE);
  case COL_BOOLEAN:
    return gw_logical_type_new (GW_TYPE_BOOLEAN, TRUE);
  }
  g_return_val_if_reached (NULL);
}

static GwResultSchema *
schema_new (const ColumnSpec *specs, guint n_specs)
{
  GwResultSchema *schema = gw_result_schema_new ();
  for (guint i = 0; i < n_specs; i++)
    gw_result_schema_add_column (schema, specs[i].name, column_type_new (specs[i].type), NULL);
  return schema;
}

#define SCHEMA_NEW(specs) schema_new (specs, G_N_ELEMENTS (specs))

/* Cell writers: exactly one per column and row, in column order. */
static void
put_string (GwBatch *batch, guint column, const char *value)
{
  if (value == NULL)
    gw_column_append_null (batch->columns[column]);
  else
    gw_column_append_bytes (batch->columns[column], value, strlen (value));
}

static void
put_int (GwBatch *batch, guint column, gint64 value)
{
  gw_column_append_int64 (batch->columns[column], value);
}

static void
put_bool (GwBatch *batch, guint column, gboolean value)
{
  gw_column_append_bool (batch->columns[column], value);
}

static void
put_null (GwBatch *batch, guint column)
{
  gw_column_append_null (batch->columns[column]);
}

/* Registers the rows (taken) as a finished operation of the session. */
static gboolean
add_result (GwService *service, const GwHandle *session, GwResultSchema *schema, GwBatch *rows,
            GwHandle *out_operation, GError **error)
{
  gw_batch_finish (rows);
  return gw_service_add_result_operation (service, session, schema, rows, out_operation, error);
}

/* NULL for "": HiveServer2 clients send empty names and patterns meaning "any". */
static const char *
filter_value (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

gboolean
gw_hs2_metadata_type_info (GwService *service, const GwHandle *session, GwHandle *out_operation,
                           GError **error)
{
  g_autoptr (GwResultSchema) schema = SCHEMA_NEW (type_info_columns);
  GwBatch *rows = gw_batch_new (schema, G_N_ELEMENTS (hive_types));
  for (guint i = 0; i < G_N_ELEMENTS (hive_types); i++) {
    guint c = 0;
    put_string (rows, c++, hive_types[i].name);
    put_int (rows, c++, hive_types[i].jdbc_type);
    if (hive_types[i].precision >= 0)
      put_int (rows, c++, hive_types[i].precision);
    else
      put_null (rows, c++);
    put_null (rows, c++);                                  /* LITERAL_PREFIX */
    put_null (rows, c++);                                  /* LITERAL_SUFFIX */
    put_null (rows, c++);                                  /* CREATE_PARAMS */
    put_int (rows, c++, TYPE_NULLABLE);                    /* NULLABLE */
    put_bool (rows, c++, strcmp (hive_types[i].name, "STRING") == 0); /* CASE_SENSITIVE */
    put_int (rows, c++, hive_types[i].complex ? TYPE_PRED_NONE : TYPE_SEARCHABLE);
    put_bool (rows, c++, !hive_types[i].numeric);          /* UNSIGNED_ATTRIBUTE, as Hive */
    put_bool (rows, c++, FALSE);                           /* FIXED_PREC_SCALE */
    put_bool (rows, c++, FALSE);                           /* AUTO_INCREMENT */
    put_null (rows, c++);                                  /* LOCAL_TYPE_NAME */
    put_int (rows, c++, 0);                                /* MINIMUM_SCALE */
    put_int (rows, c++, 0);                                /* MAXIMUM_SCALE */
    put_null (rows, c++);                                  /* SQL_DATA_TYPE */
    put_null (rows, c++);                                  /* SQL_DATETIME_SUB */
    if (hive_types[i].numeric)
      put_int (rows, c++, 10);                             /* NUM_PREC_RADIX */
    else
      put_null (rows, c++);
  }
  return add_result (service, session, schema, rows, out_operation, error);
}

gboolean
gw_hs2_metadata_catalogs (GwService *service, const GwHandle *session, GwHandle *out_operation,
                          GError **error)
{
  g_autoptr (GPtrArray) objects = gw_service_list_catalog (service, session, GW_CATALOG_CATALOGS,
                                                           NULL, error);
  if (objects == NULL)
    return FALSE;
  g_autoptr (GwResultSchema) schema = SCHEMA_NEW (catalog_columns);
  GwBatch *rows = gw_batch_new (schema, objects->len);
  for (guint i = 0; i < objects->len; i++) {
    const GwCatalogObject *object = objects->pdata[i];
    put_string (rows, 0, object->name);
  }
  return add_result (service, session, schema, rows, out_operation, error);
}

gboolean
gw_hs2_metadata_schemas (GwService *service, const GwHandle *session, const char *catalog,
                         const char *schema_pattern, GwHandle *out_operation, GError **error)
{
  GwCatalogFilter filter = { filter_value (catalog), filter_value (schema_pattern), NULL, NULL };
  g_autoptr (GPtrArray) objects = gw_service_list_catalog (service, session, GW_CATALOG_SCHEMAS,
                                                           &filter, error);
  if (objects == NULL)
    return FALSE;
  g_autoptr (GwResultSchema) schema = SCHEMA_NEW (schema_columns);
  GwBatch *rows = gw_batch_new (schema, objects->len);
  for (guint i = 0; i < objects->len; i++) {
    const GwCatalogObject *object = objects->pdata[i];
    put_string (rows, 0, object->name);
    put_string (rows, 1, object->catalog);
  }
  return add_result (service, session, schema, rows, out_operation, error);
}

static gboolean
table_type_wanted (GwTableType type, const char *const *table_types)
{
  if (table_types == NULL || table_types[0] == NULL)
    return TRUE;
  for (guint i = 0; table_types[i]; i++)
    if (g_ascii_strcasecmp (table_types[i], gw_table_type_name (type)) == 0)
      return TRUE;
  return FALSE;
}

gboolean
gw_hs2_metadata_tables (GwService *service, const GwHandle *session, const char *catalog,
                        const char *schema_pattern, const char *table_pattern,
                        const char *const *table_types, GwHandle *out_operation, GError **error)
{
  GwCatalogFilter filter = { filter_value (catalog), filter_value (schema_pattern),
                             filter_value (table_pattern), NULL };
  g_autoptr (GPtrArray) objects = gw_service_list_catalog (service, session, GW_CATALOG_TABLES,
                                                           &filter, error);
  if (objects == NULL)
    return FALSE;
  g_autoptr (GwResultSchema) schema = SCHEMA_NEW (table_columns);
  GwBatch *rows = gw_batch_new (schema, objects->len);
  for (guint i = 0; i < objects->len; i++) {
    const GwCatalogObject *object = objects->pdata[i];
    if (!table_type_wanted (object->table_type, table_types))
      continue;
    guint c = 0;
    put_string (rows, c++, object->catalog);
    put_string (rows, c++, object->schema);
    put_string (rows, c++, object->name);
    put_string (rows, c++, gw_table_type_name (object->table_type));
    put_string (rows, c++, object->comment ? object->comment : "");
    while (c < G_N_ELEMENTS (table_columns))
      put_null (rows, c++); /* TYPE_CAT .. REF_GENERATION */
  }
  return add_result (service, session, schema, rows, out_operation, error);
}

gboolean
gw_hs2_metadata_table_types (GwService *service, const GwHandle *session,
                             GwHandle *out_operation, GError **error)
{
  static const GwTableType types[] = { GW_TABLE_TYPE_TABLE, GW_TABLE_TYPE_VIEW };
  g_autoptr (GwResultSchema) schema = SCHEMA_NEW (table_type_columns);
  GwBatch *rows = gw_batch_new (schema, G_N_ELEMENTS (types));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    put_string (rows, 0, gw_table_type_name (types[i]));
  return add_result (service, session, schema, rows, out_operation, error);
}

static gboolean
is_numeric (GwTypeRoot root)
{
  switch (root) {
  case GW_TYPE_TINYINT:
  case GW_TYPE_SMALLINT:
  case GW_TYPE_INTEGER:
  case GW_TYPE_BIGINT:
  case GW_TYPE_FLOAT:
  case GW_TYPE_DOUBLE:
  case GW_TYPE_DECIMAL:
    return TRUE;
  default:
    return FALSE;
  }
}

/* DECIMAL_DIGITS applies to numbers and to types with fractional seconds (JDBC); NULL
 * elsewhere, as Hive. */
static gboolean
has_decimal_digits (GwTypeRoot root)
{
  return is_numeric (root) || root == GW_TYPE_TIME_WITHOUT_TIME_ZONE ||
         root == GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE || root == GW_TYPE_TIMESTAMP_WITH_TIME_ZONE ||
         root == GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE;
}

gboolean
gw_hs2_metadata_columns (GwService *service, const GwHandle *session, const char *catalog,
                         const char *schema_pattern, const char *table_pattern,
                         const char *column_pattern, GwHandle *out_operation, GError **error)
{
  GwCatalogFilter filter = { filter_value (catalog), filter_value (schema_pattern),
                             filter_value (table_pattern), filter_value (column_pattern) };
  g_autoptr (GPtrArray) objects = gw_service_list_catalog (service, session, GW_CATALOG_COLUMNS,
                                                           &filter, error);
  if (objects == NULL)
    return FALSE;
  g_autoptr (GwResultSchema) schema = SCHEMA_NEW (column_columns);
  GwBatch *rows = gw_batch_new (schema, objects->len);
  for (guint i = 0; i < objects->len; i++) {
    const GwCatalogObject *object = objects->pdata[i];
    GwTypeRoot root = gw_logical_type_get_root (object->type);
    gint32 size = gw_hs2_column_size (object->type);
    guint c = 0;
    put_string (rows, c++, object->catalog);
    put_string (rows, c++, object->schema);
    put_string (rows, c++, object->table);
    put_string (rows, c++, object->name);
    put_int (rows, c++, gw_hs2_jdbc_type (object->type));
    put_string (rows, c++, gw_hs2_type_name (object->type));
    if (size > 0)
      put_int (rows, c++, size);                          /* COLUMN_SIZE */
    else
      put_null (rows, c++);
    put_null (rows, c++);                                 /* BUFFER_LENGTH */
    if (has_decimal_digits (root))
      put_int (rows, c++, gw_hs2_decimal_digits (object->type));
    else
      put_null (rows, c++);
    if (is_numeric (root))
      put_int (rows, c++, 10);                            /* NUM_PREC_RADIX */
    else
      put_null (rows, c++);
    put_int (rows, c++, object->nullable ? TYPE_NULLABLE : COLUMN_NO_NULLS);
    put_string (rows, c++, object->comment);              /* REMARKS */
    put_string (rows, c++, object->default_value);        /* COLUMN_DEF */
    put_null (rows, c++);                                 /* SQL_DATA_TYPE */
    put_null (rows, c++);                                 /* SQL_DATETIME_SUB */
    put_null (rows, c++);                                 /* CHAR_OCTET_LENGTH */
    put_int (rows, c++, object->position);                /* ORDINAL_POSITION, 1-based */
    put_string (rows, c++, object->nullable ? "YES" : "NO");
    put_null (rows, c++);                                 /* SCOPE_CATALOG */
    put_null (rows, c++);                                 /* SCOPE_SCHEMA */
    put_null (rows, c++);                                 /* SCOPE_TABLE */
    put_null (rows, c++);                                 /* SOURCE_DATA_TYPE */
    put_string (rows, c++, "NO");                         /* IS_AUTO_INCREMENT */
  }
  return add_result (service, session, schema, rows, out_operation, error);
}

gboolean
gw_hs2_metadata_functions (GwService *service, const GwHandle *session, const char *catalog,
                           const char *schema_pattern, const char *function_pattern,
                           GwHandle *out_operation, GError **error)
{
  GwCatalogFilter filter = { filter_value (catalog), filter_value (schema_pattern), NULL,
                             filter_value (function_pattern) };
  g_autoptr (GPtrArray) objects = gw_service_list_catalog (service, session, GW_CATALOG_FUNCTIONS,
                                                           &filter, error);
  if (objects == NULL)
    return FALSE;
  g_autoptr (GwResultSchema) schema = SCHEMA_NEW (function_columns);
  GwBatch *rows = gw_batch_new (schema, objects->len);
  for (guint i = 0; i < objects->len; i++) {
    const GwCatalogObject *object = objects->pdata[i];
    guint c = 0;
    put_string (rows, c++, object->catalog);
    put_string (rows, c++, object->schema);
    put_string (rows, c++, object->name);
    put_string (rows, c++, object->comment ? object->comment : ""); /* REMARKS, "" as Hive */
    put_int (rows, c++, object->returns_table ? FUNCTION_RETURNS_TABLE : FUNCTION_NO_TABLE);
    put_string (rows, c++, object->name);                           /* SPECIFIC_NAME */
  }
  return add_result (service, session, schema, rows, out_operation, error);
}

gboolean
gw_hs2_metadata_primary_keys (GwService *service, const GwHandle *session, const char *catalog,
                              const char *schema_name, const char *table, GwHandle *out_operation,
                              GError **error)
{
  GwCatalogFilter filter = { filter_value (catalog), filter_value (schema_name),
                             filter_value (table), NULL };
  g_autoptr (GPtrArray) objects = gw_service_list_catalog (service, session,
                                                           GW_CATALOG_PRIMARY_KEYS, &filter, error);
  if (objects == NULL)
    return FALSE;
  g_autoptr (GwResultSchema) schema = SCHEMA_NEW (primary_key_columns);
  GwBatch *rows = gw_batch_new (schema, objects->len);
  for (guint i = 0; i < objects->len; i++) {
    const GwCatalogObject *object = objects->pdata[i];
    guint c = 0;
    put_string (rows, c++, object->catalog);
    put_string (rows, c++, object->schema);
    put_string (rows, c++, object->table);
    put_string (rows, c++, object->name);
    put_int (rows, c++, object->position);      /* KEY_SEQ */
    put_string (rows, c++, object->constraint_name);
  }
  return add_result (service, session, schema, rows, out_operation, error);
}

/* java.sql.DatabaseMetaData rule and deferrability codes: DuckDB enforces foreign keys with
 * NO ACTION semantics and never defers the check. */
#define IMPORTED_KEY_NO_ACTION    3
#define IMPORTED_KEY_NOT_DEFERRABLE 7

/* An exact name as a LIKE pattern (the catalog filter takes patterns). */
static gchar *
escape_like (const char *name)
{
  GString *s = g_string_new (NULL);
  for (const char *p = name; *p; p++) {
    if (*p == '%' || *p == '_' || *p == '\\')
      g_string_append_c (s, '\\');
    g_string_append_c (s, *p);
  }
  return g_string_free (s, FALSE);
}

/* An exact-name filter from the request: NULL or "" matches anything. */
static gboolean
matches (const char *wanted, const char *name)
{
  return wanted == NULL || *wanted == '\0' || g_strcmp0 (wanted, name) == 0;
}

gboolean
gw_hs2_metadata_cross_reference (GwService *service, const GwHandle *session,
                                 const char *parent_catalog, const char *parent_schema,
                                 const char *parent_table, const char *foreign_catalog,
                                 const char *foreign_schema, const char *foreign_table,
                                 GwHandle *out_operation, GError **error)
{
  /* The filter selects the referencing (foreign) side; the referenced side is checked here. In
   * DuckDB both tables of a foreign key live in the same catalog and schema. */
  g_autofree gchar *schema_pattern = NULL, *table_pattern = NULL;
  GwCatalogFilter filter = { filter_value (foreign_catalog), NULL, NULL, NULL };
  if (filter_value (foreign_schema) != NULL)
    filter.schema_pattern = schema_pattern = escape_like (foreign_schema);
  if (filter_value (foreign_table) != NULL)
    filter.table_pattern = table_pattern = escape_like (foreign_table);
  g_autoptr (GPtrArray) objects = gw_service_list_catalog (service, session,
                                                           GW_CATALOG_FOREIGN_KEYS, &filter, error);
  if (objects == NULL)
    return FALSE;
  g_autoptr (GwResultSchema) schema = SCHEMA_NEW (cross_reference_columns);
  GwBatch *rows = gw_batch_new (schema, objects->len);
  for (guint i = 0; i < objects->len; i++) {
    const GwCatalogObject *fk = objects->pdata[i];
    if (!matches (parent_catalog, fk->catalog) || !matches (parent_schema, fk->schema) ||
        !matches (parent_table, fk->ref_table))
      continue;
    guint c = 0;
    put_string (rows, c++, fk->catalog);                 /* PKTABLE_CAT */
    put_string (rows, c++, fk->schema);                  /* PKTABLE_SCHEM */
    put_string (rows, c++, fk->ref_table);               /* PKTABLE_NAME */
    put_string (rows, c++, fk->ref_name);                /* PKCOLUMN_NAME */
    put_string (rows, c++, fk->catalog);                 /* FKTABLE_CAT */
    put_string (rows, c++, fk->schema);                  /* FKTABLE_SCHEM */
    put_string (rows, c++, fk->table);                   /* FKTABLE_NAME */
    put_string (rows, c++, fk->name);                    /* FKCOLUMN_NAME */
    put_int (rows, c++, fk->position);                   /* KEQ_SEQ */
    put_int (rows, c++, IMPORTED_KEY_NO_ACTION);         /* UPDATE_RULE */
    put_int (rows, c++, IMPORTED_KEY_NO_ACTION);         /* DELETE_RULE */
    put_string (rows, c++, fk->constraint_name);         /* FK_NAME */
    put_null (rows, c++);                                /* PK_NAME: not listed */
    put_int (rows, c++, IMPORTED_KEY_NOT_DEFERRABLE);    /* DEFERRABILITY */
  }
  return add_result (service, session, schema, rows, out_operation, error);
}
