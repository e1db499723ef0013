/* A TRowSet subclass whose ThriftStruct write is the types module's direct columnar writer. */
#include "gw-hs2-batch-row-set.h"

typedef struct {
  TRowSet         parent;
  GwResultSchema *schema;           /* owned ref */
  GwBatch        *batch;            /* owned ref, nullable */
  gint64          start_row_offset;
  GTimeZone      *zone;             /* owned ref, nullable */
} GwHs2BatchRowSet;

typedef struct {
  TRowSetClass parent_class;
} GwHs2BatchRowSetClass;

G_DEFINE_TYPE (GwHs2BatchRowSet, gw_hs2_batch_row_set, TYPE_T_ROW_SET)

static gint32
batch_row_set_write (ThriftStruct *object, ThriftProtocol *protocol, GError **error)
{
  GwHs2BatchRowSet *self = (GwHs2BatchRowSet *) object;
  /* The processor only checks for -1; the byte count of a large batch would not fit anyway. */
  return gw_hs2_row_set_write_columnar (protocol, self->schema, self->batch,
                                        self->start_row_offset, self->zone, error) ? 0 : -1;
}

static gint32
batch_row_set_read (ThriftStruct *object, ThriftProtocol *protocol, GError **error)
{
  g_set_error_literal (error, THRIFT_PROTOCOL_ERROR, THRIFT_PROTOCOL_ERROR_NOT_IMPLEMENTED,
                       "a batch row set is written, never read");
  return -1;
}

static void
gw_hs2_batch_row_set_finalize (GObject *object)
{
  GwHs2BatchRowSet *self = (GwHs2BatchRowSet *) object;
  gw_result_schema_unref (self->schema);
  g_clear_pointer (&self->batch, gw_batch_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  G_OBJECT_CLASS (gw_hs2_batch_row_set_parent_class)->finalize (object);
}

static void
gw_hs2_batch_row_set_class_init (GwHs2BatchRowSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_hs2_batch_row_set_finalize;
  THRIFT_STRUCT_CLASS (klass)->write = batch_row_set_write;
  THRIFT_STRUCT_CLASS (klass)->read = batch_row_set_read;
}

static void
gw_hs2_batch_row_set_init (GwHs2BatchRowSet *self)
{
}

TRowSet *
gw_hs2_batch_row_set_new (GwResultSchema *schema, GwBatch *batch, gint64 start_row_offset,
                          GTimeZone *zone)
{
  g_return_val_if_fail (schema != NULL, NULL);
  GwHs2BatchRowSet *self = g_object_new (gw_hs2_batch_row_set_get_type (), NULL);
  self->schema = gw_result_schema_ref (schema);
  self->batch = batch ? gw_batch_ref (batch) : NULL;
  self->start_row_offset = start_row_offset;
  self->zone = zone ? g_time_zone_ref (zone) : NULL;
  return (TRowSet *) self;
}
