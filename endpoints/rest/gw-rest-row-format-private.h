/* Internals shared by the REST row encoders: the per-batch encoding plan (one node per column
 * and nested type, so the type is looked at once per batch, not per cell) and the JSON and
 * PLAIN_TEXT cell writers (gw-rest-row-json.c, gw-rest-row-text.c). */
#pragma once

#include "gw-batch.h"
#include "gw-value-text.h"

G_BEGIN_DECLS

typedef struct _GwCellPlan GwCellPlan;
struct _GwCellPlan {
  const GwColumn *column;      /* borrowed: the values */
  const GwLogicalType *type;   /* borrowed */
  GwTypeRoot      root;
  int             precision;   /* TIME/TIMESTAMP precision */
  gboolean        nanos;       /* TIMESTAMP stored as nanoseconds (precision > 6) */
  guint           n_children;
  GwCellPlan     *children;    /* owned: element; key, value; or one per ROW field */
  GString        *field_keys;  /* owned, JSON ROW only: the escaped "name": of every field */
  gsize          *field_key_ends; /* owned: end offset of each field's key in field_keys */
};

typedef struct {
  GString     *out;            /* borrowed: where rows go */
  GwZoneCache  zone;           /* session zone for TIMESTAMP_LTZ */
  GString     *scratch;        /* owned: PLAIN_TEXT nested values before JSON escaping */
} GwRowEncoder;

/* Checks that JSON can encode type (Flink builds its converters before the first row, so an
 * unsupported column fails the fetch even without rows). */
gboolean gw_rest_json_check_type (const GwLogicalType *type, GError **error);
void     gw_rest_json_append_cell (GwRowEncoder *encoder, const GwCellPlan *plan, guint row);
/* A top-level PLAIN_TEXT field: null, or the CAST-to-STRING text as a JSON string. */
void     gw_rest_text_append_field (GwRowEncoder *encoder, const GwCellPlan *plan, guint row);

/* Groups equal keys of one map or multiset, in first-occurrence order, as Jackson's ObjectNode
 * does (a repeated key keeps its first position and takes the last value). For each group,
 * last[g] is the index of its last occurrence and count[g] its number of occurrences; both
 * arrays hold n entries. Returns the number of groups. */
typedef struct {
  const char *data;
  gsize       len;
} GwKeyRef;

guint    gw_rest_group_keys (const GwKeyRef *keys, guint n, guint *last, guint *count);

G_END_DECLS
