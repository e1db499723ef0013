/* Result schemas and column batches: the one format in which every engine hands rows to the
 * service and every encoder (REST JSON, REST PLAIN_TEXT, HiveServer2) reads them.
 *
 * A GwColumn is a plain columnar buffer (the layout is public so encoders can read it in tight
 * loops); the physical storage follows from the column's logical type root:
 *
 *   BOOLEAN                                  bools[i] (0/1)
 *   TINYINT SMALLINT INTEGER BIGINT          i64[i]
 *   FLOAT DOUBLE                             f64[i]
 *   DATE                                     i64[i] = days since 1970-01-01
 *   TIME_WITHOUT_TIME_ZONE                   i64[i] = microseconds since midnight
 *   TIMESTAMP_* (precision <= 6)             i64[i] = microseconds since 1970-01-01 00:00:00 (UTC
 *                                            instant for the zoned roots)
 *   TIMESTAMP_* (precision 7..9)             i64[i] = nanoseconds since the epoch
 *   INTERVAL_YEAR_MONTH                      i64[i] = months
 *   INTERVAL_DAY_TIME                        i64[i] = microseconds
 *   CHAR VARCHAR BINARY VARBINARY DECIMAL    bytes [offsets[i], offsets[i+1]); DECIMAL holds the
 *                                            plain decimal text with its full scale ("-12.50")
 *   ARRAY MULTISET                           elements children[0] rows [offsets[i], offsets[i+1])
 *   MAP                                      keys children[0], values children[1], rows
 *                                            [offsets[i], offsets[i+1])
 *   ROW                                      field k of row i is children[k] row i
 *   NULL                                     nothing: every row is null
 *
 * nulls[i] != 0 marks a SQL NULL (nulls may be NULL when no row is null).
 */
#pragma once

#include "gw-logical-type.h"

G_BEGIN_DECLS

/* ---- schema ---- */

typedef struct _GwResultSchema GwResultSchema;

GwResultSchema *gw_result_schema_new (void);
/* Takes ownership of type; comment may be NULL. */
void            gw_result_schema_add_column (GwResultSchema *schema, const char *name,
                                             GwLogicalType *type, const char *comment);
GwResultSchema *gw_result_schema_ref (GwResultSchema *schema);
void            gw_result_schema_unref (GwResultSchema *schema);
guint           gw_result_schema_get_n_columns (const GwResultSchema *schema);
const char     *gw_result_schema_get_name (const GwResultSchema *schema, guint i);
GwLogicalType  *gw_result_schema_get_type (const GwResultSchema *schema, guint i);
const char     *gw_result_schema_get_comment (const GwResultSchema *schema, guint i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwResultSchema, gw_result_schema_unref)

/* ---- columns ---- */

typedef enum {
  GW_PHYSICAL_NONE,   /* NULL type: no storage */
  GW_PHYSICAL_BOOL,
  GW_PHYSICAL_INT64,
  GW_PHYSICAL_DOUBLE,
  GW_PHYSICAL_BYTES,  /* offsets + bytes */
  GW_PHYSICAL_LIST,   /* offsets + children (ARRAY, MULTISET: 1 child; MAP: 2 children) */
  GW_PHYSICAL_STRUCT, /* children, one per ROW field */
} GwPhysicalKind;

GwPhysicalKind gw_physical_kind_of (const GwLogicalType *type);

typedef struct _GwColumn GwColumn;
struct _GwColumn {
  GwLogicalType  *type;       /* owned (a ref) */
  GwPhysicalKind  kind;
  guint           n_rows;
  guint           capacity;
  guint8         *nulls;      /* owned, NULL until the first null */
  guint8         *bools;      /* owned, BOOL */
  gint64         *i64;        /* owned, INT64 */
  gdouble        *f64;        /* owned, DOUBLE */
  guint32        *offsets;    /* owned, n_rows + 1 entries, BYTES and LIST */
  GByteArray     *bytes;      /* owned, BYTES */
  GwColumn      **children;   /* owned, LIST and STRUCT */
  guint           n_children;
};

GwColumn *gw_column_new (GwLogicalType *type, guint capacity);
void      gw_column_free (GwColumn *column);
/* Approximate heap bytes held, for buffer limits. */
gsize     gw_column_get_memory_size (const GwColumn *column);

/* Builders: exactly one append per row. For LIST columns append the elements to the children
 * first, then call gw_column_append_list() with the number of elements added; for STRUCT
 * columns append one value (or null) to every child, then gw_column_append_struct(). A null
 * STRUCT row still needs one (null) value appended to every child. */
void gw_column_append_null (GwColumn *column);
void gw_column_append_bool (GwColumn *column, gboolean value);
void gw_column_append_int64 (GwColumn *column, gint64 value);
void gw_column_append_double (GwColumn *column, gdouble value);
void gw_column_append_bytes (GwColumn *column, const void *data, gsize len);
void gw_column_append_list (GwColumn *column, guint n_elements);
void gw_column_append_struct (GwColumn *column);

static inline gboolean
gw_column_is_null (const GwColumn *column, guint row)
{
  return column->kind == GW_PHYSICAL_NONE || (column->nulls != NULL && column->nulls[row]);
}

static inline const char *
gw_column_get_bytes (const GwColumn *column, guint row, gsize *len)
{
  *len = column->offsets[row + 1] - column->offsets[row];
  return (const char *) column->bytes->data + column->offsets[row];
}

/* ---- batches ---- */

typedef struct _GwBatch GwBatch;
struct _GwBatch {
  gint            ref_count;
  GwResultSchema *schema;   /* owned (a ref) */
  guint           n_rows;
  GwColumn      **columns;  /* owned, one per schema column */
};

/* An empty batch with one column per schema column, each with room for capacity rows. */
GwBatch *gw_batch_new (GwResultSchema *schema, guint capacity);
/* Batches are reference-counted: a fetcher keeps the previous page for a retry while an encoder
 * writes it. gw_batch_free() drops one reference (same as gw_batch_unref()). */
GwBatch *gw_batch_ref (GwBatch *batch);
void     gw_batch_unref (GwBatch *batch);
void     gw_batch_free (GwBatch *batch);
/* Sets n_rows from the columns after they were filled (all must agree). */
void     gw_batch_finish (GwBatch *batch);
gsize    gw_batch_get_memory_size (const GwBatch *batch);
/* A new batch holding copies of rows [offset, offset + count) of batch. */
GwBatch *gw_batch_slice (const GwBatch *batch, guint offset, guint count);

/* Appends copies of rows [offset, offset + count) of src to dst (same schema); finishes dst. */
void     gw_batch_append_rows (GwBatch *dst, const GwBatch *src, guint offset, guint count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwBatch, gw_batch_unref)

G_END_DECLS
