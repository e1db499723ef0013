/* Catalog object records. */
#include "gw-catalog.h"

GwCatalogObject *
gw_catalog_object_new (void)
{
  return g_new0 (GwCatalogObject, 1);
}

void
gw_catalog_object_free (GwCatalogObject *o)
{
  if (o == NULL)
    return;
  g_free (o->catalog);
  g_free (o->schema);
  g_free (o->table);
  g_free (o->name);
  g_clear_pointer (&o->type, gw_logical_type_unref);
  g_free (o->default_value);
  g_free (o->comment);
  g_free (o->constraint_name);
  g_free (o->ref_table);
  g_free (o->ref_name);
  g_free (o);
}

const char *
gw_table_type_name (GwTableType type)
{
  return type == GW_TABLE_TYPE_VIEW ? "VIEW" : "TABLE";
}
