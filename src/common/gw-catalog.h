/* Catalog objects an engine lists for metadata requests (HiveServer2 GetTables/GetColumns...,
 * completion): engine-neutral, the service and endpoints shape them into result sets. */
#pragma once

#include "gw-logical-type.h"

G_BEGIN_DECLS

typedef enum {
  GW_CATALOG_CATALOGS,     /* name = catalog */
  GW_CATALOG_SCHEMAS,      /* catalog, name = schema (Flink: database) */
  GW_CATALOG_TABLES,       /* catalog, schema, name = table or view, table_type, comment */
  GW_CATALOG_COLUMNS,      /* catalog, schema, table, name = column, type, nullable, position
                            * (1-based), default_value, comment */
  GW_CATALOG_FUNCTIONS,    /* catalog, schema, name = function, returns_table, comment */
  GW_CATALOG_PRIMARY_KEYS, /* catalog, schema, table, name = column, position = key sequence
                            * (1-based), constraint_name */
  GW_CATALOG_FOREIGN_KEYS, /* catalog, schema, table, name = referencing column, position = key
                            * sequence (1-based), constraint_name, ref_table, ref_name = the
                            * referenced table and column (same catalog and schema); the filter
                            * applies to the referencing table */
} GwCatalogKind;

typedef enum {
  GW_TABLE_TYPE_TABLE,
  GW_TABLE_TYPE_VIEW,
} GwTableType;

typedef struct {
  gchar         *catalog;          /* owned, NULL for GW_CATALOG_CATALOGS */
  gchar         *schema;           /* owned */
  gchar         *table;            /* owned: COLUMNS and PRIMARY_KEYS */
  gchar         *name;             /* owned: the object itself */
  GwTableType    table_type;
  GwLogicalType *type;             /* owned ref: COLUMNS */
  gboolean       nullable;
  gint           position;
  gboolean       returns_table;    /* FUNCTIONS: a table function */
  gchar         *default_value;    /* owned, may be NULL */
  gchar         *comment;          /* owned, may be NULL */
  gchar         *constraint_name;  /* owned, PRIMARY_KEYS and FOREIGN_KEYS */
  gchar         *ref_table;        /* owned, FOREIGN_KEYS */
  gchar         *ref_name;         /* owned, FOREIGN_KEYS */
} GwCatalogObject;

/* Filters: NULL means no filter. catalog and table names are exact for PRIMARY_KEYS' table;
 * the *_pattern members are JDBC/SQL LIKE patterns: '%' any run, '_' one character, '\' escapes. */
typedef struct {
  const char *catalog;
  const char *schema_pattern;
  const char *table_pattern;
  const char *name_pattern;     /* column or function name pattern */
} GwCatalogFilter;

GwCatalogObject *gw_catalog_object_new (void);
void             gw_catalog_object_free (GwCatalogObject *object);
const char      *gw_table_type_name (GwTableType type); /* "TABLE", "VIEW" */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwCatalogObject, gw_catalog_object_free)

G_END_DECLS
