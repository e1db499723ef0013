/* Rows and columns of a client-side result. */
#include "gw-client-result.h"

#include <string.h>

static const char *const row_kind_names[] = { "INSERT", "UPDATE_BEFORE", "UPDATE_AFTER", "DELETE" };
static const char *const row_kind_short[] = { "+I", "-U", "+U", "-D" };

const char *
gw_client_row_kind_short_string (GwClientRowKind kind)
{
  g_return_val_if_fail (kind <= GW_CLIENT_ROW_DELETE, "+I");
  return row_kind_short[kind];
}

gboolean
gw_client_row_kind_parse (const char *name, GwClientRowKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (row_kind_names); i++) {
    if (g_strcmp0 (name, row_kind_names[i]) == 0) {
      *out = (GwClientRowKind) i;
      return TRUE;
    }
  }
  return FALSE;
}

GwClientRow *
gw_client_row_new (GwClientRowKind kind, guint n_fields)
{
  GwClientRow *row = g_malloc0 (sizeof (GwClientRow) + n_fields * sizeof (gchar *));
  row->kind = kind;
  row->n_fields = n_fields;
  return row;
}

void
gw_client_row_free (GwClientRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < row->n_fields; i++)
    g_free (row->fields[i]);
  g_free (row);
}

void
gw_client_column_clear (GwClientColumn *column)
{
  g_clear_pointer (&column->name, g_free);
  g_clear_pointer (&column->type_root, g_free);
}
