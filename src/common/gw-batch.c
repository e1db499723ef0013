/* Result schemas and columnar batches (layout documented in gw-batch.h). */
#include "gw-batch.h"

#include <string.h>

typedef struct {
  gchar         *name;
  GwLogicalType *type;
  gchar         *comment;
} SchemaColumn;

struct _GwResultSchema {
  gint    ref_count;
  GArray *columns; /* SchemaColumn, owned */
};

static void
schema_column_clear (gpointer data)
{
  SchemaColumn *c = data;
  g_free (c->name);
  g_free (c->comment);
  gw_logical_type_unref (c->type);
}

GwResultSchema *
gw_result_schema_new (void)
{
  GwResultSchema *s = g_new0 (GwResultSchema, 1);
  s->ref_count = 1;
  s->columns = g_array_new (FALSE, TRUE, sizeof (SchemaColumn));
  g_array_set_clear_func (s->columns, schema_column_clear);
  return s;
}

void
gw_result_schema_add_column (GwResultSchema *schema, const char *name, GwLogicalType *type,
                             const char *comment)
{
  SchemaColumn c = { g_strdup (name), type, g_strdup (comment) };
  g_array_append_val (schema->columns, c);
}

GwResultSchema *
gw_result_schema_ref (GwResultSchema *schema)
{
  g_atomic_int_inc (&schema->ref_count);
  return schema;
}

void
gw_result_schema_unref (GwResultSchema *schema)
{
  if (schema == NULL || !g_atomic_int_dec_and_test (&schema->ref_count))
    return;
  g_array_unref (schema->columns);
  g_free (schema);
}

guint
gw_result_schema_get_n_columns (const GwResultSchema *schema)
{
  return schema->columns->len;
}

const char *
gw_result_schema_get_name (const GwResultSchema *schema, guint i)
{
  return g_array_index (schema->columns, SchemaColumn, i).name;
}

GwLogicalType *
gw_result_schema_get_type (const GwResultSchema *schema, guint i)
{
  return g_array_index (schema->columns, SchemaColumn, i).type;
}

const char *
gw_result_schema_get_comment (const GwResultSchema *schema, guint i)
{
  return g_array_index (schema->columns, SchemaColumn, i).comment;
}

GwPhysicalKind
gw_physical_kind_of (const GwLogicalType *type)
{
  switch (gw_logical_type_get_root (type)) {
  case GW_TYPE_BOOLEAN:
    return GW_PHYSICAL_BOOL;
  case GW_TYPE_TINYINT:
  case GW_TYPE_SMALLINT:
  case GW_TYPE_INTEGER:
  case GW_TYPE_BIGINT:
  case GW_TYPE_DATE:
  case GW_TYPE_TIME_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_TIME_ZONE:
  case GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE:
  case GW_TYPE_INTERVAL_YEAR_MONTH:
  case GW_TYPE_INTERVAL_DAY_TIME:
    return GW_PHYSICAL_INT64;
  case GW_TYPE_FLOAT:
  case GW_TYPE_DOUBLE:
    return GW_PHYSICAL_DOUBLE;
  case GW_TYPE_CHAR:
  case GW_TYPE_VARCHAR:
  case GW_TYPE_BINARY:
  case GW_TYPE_VARBINARY:
  case GW_TYPE_DECIMAL:
    return GW_PHYSICAL_BYTES;
  case GW_TYPE_ARRAY:
  case GW_TYPE_MULTISET:
  case GW_TYPE_MAP:
    return GW_PHYSICAL_LIST;
  case GW_TYPE_ROW:
    return GW_PHYSICAL_STRUCT;
  case GW_TYPE_NULL:
    return GW_PHYSICAL_NONE;
  }
  return GW_PHYSICAL_NONE;
}

GwColumn *
gw_column_new (GwLogicalType *type, guint capacity)
{
  GwColumn *c = g_new0 (GwColumn, 1);
  c->type = gw_logical_type_ref (type);
  c->kind = gw_physical_kind_of (type);
  c->capacity = MAX (capacity, 16);
  switch (c->kind) {
  case GW_PHYSICAL_BOOL:
    c->bools = g_new (guint8, c->capacity);
    break;
  case GW_PHYSICAL_INT64:
    c->i64 = g_new (gint64, c->capacity);
    break;
  case GW_PHYSICAL_DOUBLE:
    c->f64 = g_new (gdouble, c->capacity);
    break;
  case GW_PHYSICAL_BYTES:
    c->offsets = g_new (guint32, c->capacity + 1);
    c->offsets[0] = 0;
    c->bytes = g_byte_array_sized_new (c->capacity * 8);
    break;
  case GW_PHYSICAL_LIST: {
    GwTypeRoot root = gw_logical_type_get_root (type);
    c->offsets = g_new (guint32, c->capacity + 1);
    c->offsets[0] = 0;
    c->n_children = root == GW_TYPE_MAP ? 2 : 1;
    c->children = g_new0 (GwColumn *, c->n_children);
    if (root == GW_TYPE_MAP) {
      c->children[0] = gw_column_new (gw_logical_type_get_key (type), capacity);
      c->children[1] = gw_column_new (gw_logical_type_get_value (type), capacity);
    } else {
      c->children[0] = gw_column_new (gw_logical_type_get_element (type), capacity);
    }
    break;
  }
  case GW_PHYSICAL_STRUCT:
    c->n_children = gw_logical_type_get_n_fields (type);
    c->children = g_new0 (GwColumn *, MAX (c->n_children, 1));
    for (guint i = 0; i < c->n_children; i++)
      c->children[i] = gw_column_new (gw_logical_type_get_field_type (type, i), capacity);
    break;
  case GW_PHYSICAL_NONE:
    break;
  }
  return c;
}

void
gw_column_free (GwColumn *c)
{
  if (c == NULL)
    return;
  for (guint i = 0; i < c->n_children; i++)
    gw_column_free (c->children[i]);
  g_free (c->children);
  g_free (c->nulls);
  g_free (c->bools);
  g_free (c->i64);
  g_free (c->f64);
  g_free (c->offsets);
  if (c->bytes)
    g_byte_array_unref (c->bytes);
  gw_logical_type_unref (c->type);
  g_free (c);
}

gsize
gw_column_get_memory_size (const GwColumn *c)
{
  gsize size = sizeof *c + (c->nulls ? c->capacity : 0);
  switch (c->kind) {
  case GW_PHYSICAL_BOOL: size += c->capacity; break;
  case GW_PHYSICAL_INT64:
  case GW_PHYSICAL_DOUBLE: size += c->capacity * 8; break;
  case GW_PHYSICAL_BYTES: size += (c->capacity + 1) * 4 + c->bytes->len; break;
  case GW_PHYSICAL_LIST: size += (c->capacity + 1) * 4; break;
  default: break;
  }
  for (guint i = 0; i < c->n_children; i++)
    size += gw_column_get_memory_size (c->children[i]);
  return size;
}

static void
column_reserve_row (GwColumn *c)
{
  if (c->n_rows < c->capacity)
    return;
  guint cap = c->capacity * 2;
  if (c->nulls) {
    c->nulls = g_realloc (c->nulls, cap);
    memset (c->nulls + c->capacity, 0, cap - c->capacity);
  }
  if (c->bools)
    c->bools = g_realloc_n (c->bools, cap, sizeof *c->bools);
  if (c->i64)
    c->i64 = g_realloc_n (c->i64, cap, sizeof *c->i64);
  if (c->f64)
    c->f64 = g_realloc_n (c->f64, cap, sizeof *c->f64);
  if (c->offsets)
    c->offsets = g_realloc_n (c->offsets, cap + 1, sizeof *c->offsets);
  c->capacity = cap;
}

static inline void
column_mark_valid (GwColumn *c)
{
  if (c->nulls)
    c->nulls[c->n_rows] = 0;
}

void
gw_column_append_null (GwColumn *c)
{
  column_reserve_row (c);
  if (c->nulls == NULL)
    c->nulls = g_malloc0 (c->capacity);
  c->nulls[c->n_rows] = 1;
  switch (c->kind) {
  case GW_PHYSICAL_BOOL: c->bools[c->n_rows] = 0; break;
  case GW_PHYSICAL_INT64: c->i64[c->n_rows] = 0; break;
  case GW_PHYSICAL_DOUBLE: c->f64[c->n_rows] = 0; break;
  case GW_PHYSICAL_BYTES: c->offsets[c->n_rows + 1] = c->bytes->len; break;
  case GW_PHYSICAL_LIST: c->offsets[c->n_rows + 1] = c->offsets[c->n_rows]; break;
  default: break;
  }
  c->n_rows++;
}

void
gw_column_append_bool (GwColumn *c, gboolean value)
{
  column_reserve_row (c);
  column_mark_valid (c);
  c->bools[c->n_rows++] = value ? 1 : 0;
}

void
gw_column_append_int64 (GwColumn *c, gint64 value)
{
  column_reserve_row (c);
  column_mark_valid (c);
  c->i64[c->n_rows++] = value;
}

void
gw_column_append_double (GwColumn *c, gdouble value)
{
  column_reserve_row (c);
  column_mark_valid (c);
  c->f64[c->n_rows++] = value;
}

void
gw_column_append_bytes (GwColumn *c, const void *data, gsize len)
{
  column_reserve_row (c);
  column_mark_valid (c);
  g_byte_array_append (c->bytes, data, len);
  c->offsets[++c->n_rows] = c->bytes->len;
}

void
gw_column_append_list (GwColumn *c, guint n_elements)
{
  column_reserve_row (c);
  column_mark_valid (c);
  c->offsets[c->n_rows + 1] = c->offsets[c->n_rows] + n_elements;
  c->n_rows++;
}

void
gw_column_append_struct (GwColumn *c)
{
  column_reserve_row (c);
  column_mark_valid (c);
  c->n_rows++;
}

GwBatch *
gw_batch_new (GwResultSchema *schema, guint capacity)
{
  GwBatch *b = g_new0 (GwBatch, 1);
  b->ref_count = 1;
  guint n = gw_result_schema_get_n_columns (schema);
  b->schema = gw_result_schema_ref (schema);
  b->columns = g_new0 (GwColumn *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    b->columns[i] = gw_column_new (gw_result_schema_get_type (schema, i), capacity);
  return b;
}

GwBatch *
gw_batch_ref (GwBatch *b)
{
  g_atomic_int_inc (&b->ref_count);
  return b;
}

void
gw_batch_free (GwBatch *b)
{
  gw_batch_unref (b);
}

void
gw_batch_unref (GwBatch *b)
{
  if (b == NULL || !g_atomic_int_dec_and_test (&b->ref_count))
    return;
  guint n = gw_result_schema_get_n_columns (b->schema);
  for (guint i = 0; i < n; i++)
    gw_column_free (b->columns[i]);
  g_free (b->columns);
  gw_result_schema_unref (b->schema);
  g_free (b);
}

void
gw_batch_finish (GwBatch *b)
{
  guint n = gw_result_schema_get_n_columns (b->schema);
  b->n_rows = n > 0 ? b->columns[0]->n_rows : 0;
  for (guint i = 1; i < n; i++)
    g_return_if_fail (b->columns[i]->n_rows == b->n_rows);
}

gsize
gw_batch_get_memory_size (const GwBatch *b)
{
  gsize size = sizeof *b;
  guint n = gw_result_schema_get_n_columns (b->schema);
  for (guint i = 0; i < n; i++)
    size += gw_column_get_memory_size (b->columns[i]);
  return size;
}

/* Appends rows [from, from + count) of src to dst (same type), recursively. */
static void
column_copy_rows (const GwColumn *src, GwColumn *dst, guint from, guint count)
{
  for (guint r = from; r < from + count; r++) {
    if (src->kind == GW_PHYSICAL_STRUCT) {
      for (guint k = 0; k < src->n_children; k++)
        column_copy_rows (src->children[k], dst->children[k], r, 1);
      if (gw_column_is_null (src, r))
        gw_column_append_null (dst);
      else
        gw_column_append_struct (dst);
      continue;
    }
    if (gw_column_is_null (src, r)) {
      gw_column_append_null (dst);
      continue;
    }
    switch (src->kind) {
    case GW_PHYSICAL_BOOL: gw_column_append_bool (dst, src->bools[r]); break;
    case GW_PHYSICAL_INT64: gw_column_append_int64 (dst, src->i64[r]); break;
    case GW_PHYSICAL_DOUBLE: gw_column_append_double (dst, src->f64[r]); break;
    case GW_PHYSICAL_BYTES: {
      gsize len;
      const char *data = gw_column_get_bytes (src, r, &len);
      gw_column_append_bytes (dst, data, len);
      break;
    }
    case GW_PHYSICAL_LIST: {
      guint start = src->offsets[r], n = src->offsets[r + 1] - start;
      for (guint k = 0; k < src->n_children; k++)
        column_copy_rows (src->children[k], dst->children[k], start, n);
      gw_column_append_list (dst, n);
      break;
    }
    case GW_PHYSICAL_NONE:
    case GW_PHYSICAL_STRUCT:
      gw_column_append_null (dst);
      break;
    }
  }
}

GwBatch *
gw_batch_slice (const GwBatch *batch, guint offset, guint count)
{
  g_return_val_if_fail (offset <= batch->n_rows, NULL);
  count = MIN (count, batch->n_rows - offset);
  GwBatch *slice = gw_batch_new (batch->schema, count);
  guint n = gw_result_schema_get_n_columns (batch->schema);
  for (guint i = 0; i < n; i++)
    column_copy_rows (batch->columns[i], slice->columns[i], offset, count);
  gw_batch_finish (slice);
  return slice;
}

void
gw_batch_append_rows (GwBatch *dst, const GwBatch *src, guint offset, guint count)
{
  g_return_if_fail (offset <= src->n_rows);
  count = MIN (count, src->n_rows - offset);
  guint n = gw_result_schema_get_n_columns (src->schema);
  g_return_if_fail (gw_result_schema_get_n_columns (dst->schema) == n);
  for (guint i = 0; i < n; i++)
    column_copy_rows (src->columns[i], dst->columns[i], offset, count);
  gw_batch_finish (dst);
}
