/* Batch serialization for result spooling. The format is private to one process run: per batch
 * a row count, then each column recursively (null flags, then the physical storage of its kind,
 * gw-batch.h). Files are unlinked at creation, so nothing is left behind on a crash. */
#include "gw-result-spool.h"
#include "gw-error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct _GwResultSpool {
  GwResultSchema *schema;   /* owned ref */
  FILE           *file;     /* owned */
  guint64         bytes_written;
};

GwResultSpool *
gw_result_spool_new (GwResultSchema *schema, const char *directory, GError **error)
{
  g_autofree gchar *path = g_build_filename (directory ? directory : g_get_tmp_dir (),
                                             "sql-gateway-spool-XXXXXX", NULL);
  int fd = g_mkstemp (path);
  if (fd < 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot create a spool file in %s: %s",
                 directory ? directory : g_get_tmp_dir (), g_strerror (errno));
    return NULL;
  }
  unlink (path);
  GwResultSpool *spool = g_new0 (GwResultSpool, 1);
  spool->schema = gw_result_schema_ref (schema);
  spool->file = fdopen (fd, "w+b");
  return spool;
}

static void
put (GwResultSpool *spool, const void *data, gsize len)
{
  if (len > 0 && fwrite (data, 1, len, spool->file) == len)
    spool->bytes_written += len;
}

static void
write_column (GwResultSpool *spool, const GwColumn *c)
{
  guint32 n = c->n_rows;
  guint8 has_nulls = c->nulls != NULL;
  put (spool, &n, sizeof n);
  put (spool, &has_nulls, 1);
  if (has_nulls)
    put (spool, c->nulls, n);
  switch (c->kind) {
  case GW_PHYSICAL_BOOL: put (spool, c->bools, n); break;
  case GW_PHYSICAL_INT64: put (spool, c->i64, n * sizeof (gint64)); break;
  case GW_PHYSICAL_DOUBLE: put (spool, c->f64, n * sizeof (gdouble)); break;
  case GW_PHYSICAL_BYTES:
    put (spool, c->offsets, (n + 1) * sizeof (guint32));
    put (spool, c->bytes->data, c->offsets[n]);
    break;
  case GW_PHYSICAL_LIST:
    put (spool, c->offsets, (n + 1) * sizeof (guint32));
    for (guint i = 0; i < c->n_children; i++)
      write_column (spool, c->children[i]);
    break;
  case GW_PHYSICAL_STRUCT:
    for (guint i = 0; i < c->n_children; i++)
      write_column (spool, c->children[i]);
    break;
  case GW_PHYSICAL_NONE:
    break;
  }
}

gboolean
gw_result_spool_write (GwResultSpool *spool, const GwBatch *batch, GError **error)
{
  guint32 n = batch->n_rows;
  put (spool, &n, sizeof n);
  for (guint i = 0; i < gw_result_schema_get_n_columns (batch->schema); i++)
    write_column (spool, batch->columns[i]);
  if (ferror (spool->file)) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot write the result spool file: %s",
                 g_strerror (errno));
    return FALSE;
  }
  return TRUE;
}

gboolean
gw_result_spool_finish_writing (GwResultSpool *spool, GError **error)
{
  if (fflush (spool->file) != 0 || fseek (spool->file, 0, SEEK_SET) != 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot rewind the result spool file: %s",
                 g_strerror (errno));
    return FALSE;
  }
  return TRUE;
}

static gboolean
get (GwResultSpool *spool, void *data, gsize len)
{
  return len == 0 || fread (data, 1, len, spool->file) == len;
}

static gboolean
read_column (GwResultSpool *spool, GwColumn *c)
{
  guint32 n;
  guint8 has_nulls;
  if (!get (spool, &n, sizeof n) || !get (spool, &has_nulls, 1))
    return FALSE;
  /* Size the column for exactly n rows; builders are not used on this path. */
  if (n > c->capacity) {
    c->capacity = n;
    if (c->bools) c->bools = g_realloc (c->bools, n);
    if (c->i64) c->i64 = g_realloc_n (c->i64, n, sizeof (gint64));
    if (c->f64) c->f64 = g_realloc_n (c->f64, n, sizeof (gdouble));
    if (c->offsets) c->offsets = g_realloc_n (c->offsets, n + 1, sizeof (guint32));
  }
  c->n_rows = n;
  if (has_nulls) {
    c->nulls = g_malloc0 (c->capacity);
    if (!get (spool, c->nulls, n))
      return FALSE;
  }
  switch (c->kind) {
  case GW_PHYSICAL_BOOL: return get (spool, c->bools, n);
  case GW_PHYSICAL_INT64: return get (spool, c->i64, n * sizeof (gint64));
  case GW_PHYSICAL_DOUBLE: return get (spool, c->f64, n * sizeof (gdouble));
  case GW_PHYSICAL_BYTES:
    if (!get (spool, c->offsets, (n + 1) * sizeof (guint32)))
      return FALSE;
    g_byte_array_set_size (c->bytes, c->offsets[n]);
    return get (spool, c->bytes->data, c->offsets[n]);
  case GW_PHYSICAL_LIST:
    if (!get (spool, c->offsets, (n + 1) * sizeof (guint32)))
      return FALSE;
    for (guint i = 0; i < c->n_children; i++)
      if (!read_column (spool, c->children[i]))
        return FALSE;
    return TRUE;
  case GW_PHYSICAL_STRUCT:
    for (guint i = 0; i < c->n_children; i++)
      if (!read_column (spool, c->children[i]))
        return FALSE;
    return TRUE;
  case GW_PHYSICAL_NONE:
    return TRUE;
  }
  return TRUE;
}

GwBatch *
gw_result_spool_read (GwResultSpool *spool, GError **error)
{
  guint32 n;
  if (fread (&n, 1, sizeof n, spool->file) != sizeof n)
    return NULL; /* end of the spool */
  g_autoptr (GwBatch) batch = gw_batch_new (spool->schema, n);
  for (guint i = 0; i < gw_result_schema_get_n_columns (spool->schema); i++) {
    if (!read_column (spool, batch->columns[i])) {
      g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "The result spool file is truncated");
      return NULL;
    }
  }
  gw_batch_finish (batch);
  return g_steal_pointer (&batch);
}

guint64
gw_result_spool_get_bytes_written (GwResultSpool *spool)
{
  return spool->bytes_written;
}

void
gw_result_spool_free (GwResultSpool *spool)
{
  if (spool == NULL)
    return;
  fclose (spool->file);
  gw_result_schema_unref (spool->schema);
  g_free (spool);
}
