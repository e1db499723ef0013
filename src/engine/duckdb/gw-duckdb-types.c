/* DuckDB logical types → Flink LogicalTypes, and DuckDB vectors → GwColumn values. Every mapped
 * type is nullable (DuckDB result columns carry no NOT NULL).
 *
 *   BOOLEAN                          BOOLEAN
 *   TINYINT SMALLINT INTEGER BIGINT  the same
 *   UTINYINT / USMALLINT / UINTEGER  SMALLINT / INTEGER / BIGINT (the next wider signed type)
 *   UBIGINT                          DECIMAL(20, 0)  integer text
 *   HUGEINT UHUGEINT                 DECIMAL(38, 0)  integer text (all digits, even beyond 38)
 *   FLOAT DOUBLE                     the same
 *   DECIMAL(p, s)                    DECIMAL(p, s)   plain text with s fractional digits
 *   VARCHAR                          STRING          ENUM too, as its dictionary text
 *   BLOB                             BYTES           raw bytes
 *   BIT, BIGNUM, TIME_TZ, UNION      STRING          '0101', digits, "HH:MM:SS[.f]+HH:MM", and the
 *                                                    active member's DuckDB-like text
 *   UUID                             VARCHAR(36)     canonical lower-case text
 *   DATE                             DATE
 *   TIME, TIME_NS                    TIME(6)         micros (the batch stores TIME as micros, so
 *                                                    TIME_NS is truncated to micros)
 *   TIMESTAMP / _S / _MS / _NS       TIMESTAMP(6 / 0 / 3 / 9)  micros; _NS keeps nanos
 *   TIMESTAMP_TZ                     TIMESTAMP_LTZ(6)          micros, UTC instant
 *   INTERVAL                         INTERVAL DAY(6) TO SECOND(3)  micros, DuckDB's own
 *                                    normalization: a month is 30 days
 *   LIST, ARRAY[n]                   ARRAY<element>
 *   MAP                              MAP<key, value>
 *   STRUCT                           ROW<fields>
 *   SQLNULL                          NULL
 *   anything else                    STRING, every value NULL (warned once)
 *
 * Infinite dates and timestamps keep DuckDB's raw sentinel values (±int32/int64 max) unscaled.
 * Conversion loops per column and chunk, never dispatching on the type per cell. */
#include "gw-duckdb-text.h"

#include <string.h>

#define MICROS_PER_DAY (G_GINT64_CONSTANT (86400) * G_GINT64_CONSTANT (1000000))

/* ---- type mapping ---- */

static GwLogicalType *
string_type (void)
{
  return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
}

static void
warn_unmapped (duckdb_type id)
{
  static gint warned = 0;
  if (g_atomic_int_compare_and_exchange (&warned, 0, 1))
    g_warning ("DuckDB type %d has no Flink mapping; its values are returned as NULL strings",
               (int) id);
}

static void
init_children (GwDuckdbConverter *c, guint n)
{
  c->n_children = n;
  c->children = g_new0 (GwDuckdbConverter *, MAX (n, 1));
}

/* Child converters own what DuckDB's accessors return; the handle is destroyed here. */
static GwDuckdbConverter *
converter_new_take (duckdb_logical_type type)
{
  GwDuckdbConverter *c = gw_duckdb_converter_new (type);
  duckdb_destroy_logical_type (&type);
  return c;
}

static GwLogicalType *
child_type (const GwDuckdbConverter *c, guint i)
{
  return gw_logical_type_ref (c->children[i]->type);
}

static void
init_named_children (GwDuckdbConverter *c, duckdb_logical_type type, gboolean is_union)
{
  guint n = (guint) (is_union ? duckdb_union_type_member_count (type)
                              : duckdb_struct_type_child_count (type));
  init_children (c, n);
  c->names = g_new0 (gchar *, n + 1);
  for (guint i = 0; i < n; i++) {
    char *name = is_union ? duckdb_union_type_member_name (type, i)
                          : duckdb_struct_type_child_name (type, i);
    c->names[i] = g_strdup (name != NULL ? name : "");
    duckdb_free (name);
    c->children[i] = converter_new_take (is_union ? duckdb_union_type_member_type (type, i)
                                                  : duckdb_struct_type_child_type (type, i));
  }
}

static void
init_enum (GwDuckdbConverter *c, duckdb_logical_type type)
{
  c->internal = duckdb_enum_internal_type (type);
  c->dictionary_size = duckdb_enum_dictionary_size (type);
  c->dictionary = g_new0 (gchar *, c->dictionary_size + 1);
  c->dictionary_len = g_new0 (guint32, MAX (c->dictionary_size, 1));
  for (guint32 i = 0; i < c->dictionary_size; i++) {
    char *value = duckdb_enum_dictionary_value (type, i);
    c->dictionary[i] = g_strdup (value != NULL ? value : "");
    c->dictionary_len[i] = (guint32) strlen (c->dictionary[i]);
    duckdb_free (value);
  }
}

GwDuckdbConverter *
gw_duckdb_converter_new (duckdb_logical_type type)
{
  g_return_val_if_fail (type != NULL, NULL);
  GwDuckdbConverter *c = g_new0 (GwDuckdbConverter, 1);
  c->id = duckdb_get_type_id (type);

  switch (c->id) {
  case DUCKDB_TYPE_BOOLEAN: c->type = gw_logical_type_new (GW_TYPE_BOOLEAN, TRUE); break;
  case DUCKDB_TYPE_TINYINT: c->type = gw_logical_type_new (GW_TYPE_TINYINT, TRUE); break;
  case DUCKDB_TYPE_SMALLINT:
  case DUCKDB_TYPE_UTINYINT: c->type = gw_logical_type_new (GW_TYPE_SMALLINT, TRUE); break;
  case DUCKDB_TYPE_INTEGER:
  case DUCKDB_TYPE_USMALLINT: c->type = gw_logical_type_new (GW_TYPE_INTEGER, TRUE); break;
  case DUCKDB_TYPE_BIGINT:
  case DUCKDB_TYPE_UINTEGER: c->type = gw_logical_type_new (GW_TYPE_BIGINT, TRUE); break;
  case DUCKDB_TYPE_UBIGINT: c->type = gw_logical_type_new_decimal (TRUE, 20, 0); break;
  case DUCKDB_TYPE_HUGEINT:
  case DUCKDB_TYPE_UHUGEINT: c->type = gw_logical_type_new_decimal (TRUE, 38, 0); break;
  case DUCKDB_TYPE_FLOAT: c->type = gw_logical_type_new (GW_TYPE_FLOAT, TRUE); break;
  case DUCKDB_TYPE_DOUBLE: c->type = gw_logical_type_new (GW_TYPE_DOUBLE, TRUE); break;
  case DUCKDB_TYPE_DECIMAL:
    c->internal = duckdb_decimal_internal_type (type);
    c->scale = duckdb_decimal_scale (type);
    c->type = gw_logical_type_new_decimal (TRUE, duckdb_decimal_width (type), c->scale);
    break;
  case DUCKDB_TYPE_VARCHAR:
  case DUCKDB_TYPE_BIT:
  case DUCKDB_TYPE_BIGNUM:
  case DUCKDB_TYPE_TIME_TZ:
    c->type = string_type ();
    break;
  case DUCKDB_TYPE_ENUM:
    init_enum (c, type);
    c->type = string_type ();
    break;
  case DUCKDB_TYPE_BLOB:
    c->type = gw_logical_type_new_with_length (GW_TYPE_VARBINARY, TRUE, GW_TYPE_MAX_LENGTH);
    break;
  case DUCKDB_TYPE_UUID:
    c->type = gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, 36);
    break;
  case DUCKDB_TYPE_DATE: c->type = gw_logical_type_new (GW_TYPE_DATE, TRUE); break;
  case DUCKDB_TYPE_TIME:
  case DUCKDB_TYPE_TIME_NS:
    c->type = gw_logical_type_new_with_precision (GW_TYPE_TIME_WITHOUT_TIME_ZONE, TRUE, 6);
    break;
  case DUCKDB_TYPE_TIMESTAMP:
  case DUCKDB_TYPE_TIMESTAMP_S:
  case DUCKDB_TYPE_TIMESTAMP_MS:
  case DUCKDB_TYPE_TIMESTAMP_NS: {
    int precision = c->id == DUCKDB_TYPE_TIMESTAMP_S ? 0 : c->id == DUCKDB_TYPE_TIMESTAMP_MS ? 3
                  : c->id == DUCKDB_TYPE_TIMESTAMP_NS ? 9 : 6;
    c->type = gw_logical_type_new_with_precision (GW_TYPE_TIMESTAMP_WITHOUT_TIME_ZONE, TRUE,
                                                  precision);
    break;
  }
  case DUCKDB_TYPE_TIMESTAMP_TZ:
    c->type = gw_logical_type_new_with_precision (GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, TRUE, 6);
    break;
  case DUCKDB_TYPE_INTERVAL:
    c->type = gw_logical_type_new_interval (GW_TYPE_INTERVAL_DAY_TIME, TRUE,
                                            GW_INTERVAL_DAY_TO_SECOND, 6, 3);
    break;
  case DUCKDB_TYPE_LIST:
  case DUCKDB_TYPE_ARRAY:
    init_children (c, 1);
    if (c->id == DUCKDB_TYPE_LIST) {
      c->children[0] = converter_new_take (duckdb_list_type_child_type (type));
    } else {
      c->children[0] = converter_new_take (duckdb_array_type_child_type (type));
      c->array_size = duckdb_array_type_array_size (type);
    }
    c->type = gw_logical_type_new_collection (GW_TYPE_ARRAY, TRUE, child_type (c, 0));
    break;
  case DUCKDB_TYPE_MAP:
    init_children (c, 2);
    c->children[0] = converter_new_take (duckdb_map_type_key_type (type));
    c->children[1] = converter_new_take (duckdb_map_type_value_type (type));
    c->type = gw_logical_type_new_map (TRUE, child_type (c, 0), child_type (c, 1));
    break;
  case DUCKDB_TYPE_STRUCT: {
    init_named_children (c, type, FALSE);
    g_autofree GwLogicalType **types = g_new0 (GwLogicalType *, MAX (c->n_children, 1));
    for (guint i = 0; i < c->n_children; i++)
      types[i] = child_type (c, i);
    c->type = gw_logical_type_new_row (TRUE, c->n_children, (const char *const *) c->names,
                                       types);
    break;
  }
  case DUCKDB_TYPE_UNION:
    init_named_children (c, type, TRUE);
    c->type = string_type ();
    break;
  case DUCKDB_TYPE_SQLNULL: c->type = gw_logical_type_new (GW_TYPE_NULL, TRUE); break;
  default:
    warn_unmapped (c->id);
    c->type = string_type ();
    break;
  }
  return c;
}

void
gw_duckdb_converter_free (GwDuckdbConverter *c)
{
  if (c == NULL)
    return;
  for (guint i = 0; i < c->n_children; i++)
    gw_duckdb_converter_free (c->children[i]);
  g_free (c->children);
  g_strfreev (c->names);
  g_strfreev (c->dictionary);
  g_free (c->dictionary_len);
  gw_logical_type_unref (c->type);
  g_free (c);
}

GwLogicalType *
gw_duckdb_converter_get_type (const GwDuckdbConverter *c)
{
  g_return_val_if_fail (c != NULL, NULL);
  return c->type;
}

/* ---- values ---- */

/* Runs stmt for every valid row r in [offset, end), appending NULL for the others. */
#define FOR_EACH_ROW(stmt)                                     \
  for (idx_t r = offset; r < end; r++) {                       \
    if (!gw_duckdb_row_is_valid (validity, r))                 \
      gw_column_append_null (column);                          \
    else {                                                     \
      stmt;                                                    \
    }                                                          \
  }

#define DATA(ctype) ((const ctype *) data)

/* A null STRUCT row still needs one row in every (nested) field column. */
static void
append_null_deep (GwColumn *column)
{
  if (column->kind == GW_PHYSICAL_STRUCT) {
    for (guint i = 0; i < column->n_children; i++)
      append_null_deep (column->children[i]);
  }
  gw_column_append_null (column);
}

/* Infinities stay raw; anything else that overflows saturates. */
static inline gint64
scale_time_value (gint64 value, gint64 factor)
{
  gint64 out;
  if (value == G_MAXINT64 || value == -G_MAXINT64)
    return value;
  if (__builtin_mul_overflow (value, factor, &out))
    return value < 0 ? G_MININT64 : G_MAXINT64;
  return out;
}

static inline gint64
interval_micros (duckdb_interval v)
{
  gint64 days = (gint64) v.months * 30 + v.days;
  gint64 out;
  if (__builtin_mul_overflow (days, MICROS_PER_DAY, &out) ||
      __builtin_add_overflow (out, v.micros, &out))
    return days < 0 ? G_MININT64 : G_MAXINT64;
  return out;
}

static void
append_decimals (const GwDuckdbConverter *c, const void *data, const uint64_t *validity,
                 idx_t offset, idx_t end, GwColumn *column)
{
  char buf[GW_DUCKDB_DECIMAL_TEXT_MAX];
  int scale = c->scale;
#define APPEND_DECIMAL(value) \
  gw_column_append_bytes (column, buf, gw_duckdb_format_decimal (buf, (value), scale))
  switch (c->internal) {
  case DUCKDB_TYPE_SMALLINT: FOR_EACH_ROW (APPEND_DECIMAL (DATA (gint16)[r])); break;
  case DUCKDB_TYPE_INTEGER: FOR_EACH_ROW (APPEND_DECIMAL (DATA (gint32)[r])); break;
  case DUCKDB_TYPE_BIGINT: FOR_EACH_ROW (APPEND_DECIMAL (DATA (gint64)[r])); break;
  default:
    FOR_EACH_ROW (APPEND_DECIMAL (gw_duckdb_hugeint_value (DATA (duckdb_hugeint)[r])));
    break;
  }
#undef APPEND_DECIMAL
}

static void
append_enums (const GwDuckdbConverter *c, const void *data, const uint64_t *validity,
              idx_t offset, idx_t end, GwColumn *column)
{
#define APPEND_ENUM(index)                                                                   \
  do {                                                                                       \
    guint64 i_ = (index);                                                                    \
    if (i_ < c->dictionary_size)                                                             \
      gw_column_append_bytes (column, c->dictionary[i_], c->dictionary_len[i_]);             \
    else                                                                                     \
      gw_column_append_null (column);                                                        \
  } while (0)
  switch (c->internal) {
  case DUCKDB_TYPE_UTINYINT: FOR_EACH_ROW (APPEND_ENUM (DATA (guint8)[r])); break;
  case DUCKDB_TYPE_USMALLINT: FOR_EACH_ROW (APPEND_ENUM (DATA (guint16)[r])); break;
  default: FOR_EACH_ROW (APPEND_ENUM (DATA (guint32)[r])); break;
  }
#undef APPEND_ENUM
}

/* BIT, BIGNUM, TIME_TZ, UNION: rendered through a scratch string, one row at a time. */
static void
append_texts (const GwDuckdbConverter *c, duckdb_vector vector, const void *data,
              const uint64_t *validity, idx_t offset, idx_t end, GwColumn *column)
{
  g_autoptr (GString) text = g_string_sized_new (64);
  guint32 len;
  const char *s;
  for (idx_t r = offset; r < end; r++) {
    if (!gw_duckdb_row_is_valid (validity, r)) {
      gw_column_append_null (column);
      continue;
    }
    g_string_truncate (text, 0);
    switch (c->id) {
    case DUCKDB_TYPE_BIT:
      s = gw_duckdb_string_data (DATA (duckdb_string_t) + r, &len);
      gw_duckdb_text_append_bit (text, (const guint8 *) s, len);
      break;
    case DUCKDB_TYPE_BIGNUM:
      s = gw_duckdb_string_data (DATA (duckdb_string_t) + r, &len);
      gw_duckdb_text_append_bignum (text, (const guint8 *) s, len);
      break;
    case DUCKDB_TYPE_TIME_TZ:
      gw_duckdb_text_append_time_tz (text, DATA (duckdb_time_tz)[r]);
      break;
    default: { /* UNION: a STRUCT of the member tag, then one child per member */
      guint8 tag = ((const guint8 *) duckdb_vector_get_data (
                      duckdb_struct_vector_get_child (vector, 0)))[r];
      duckdb_vector member = tag < c->n_children
                             ? duckdb_struct_vector_get_child (vector, tag + 1) : NULL;
      if (member == NULL || !gw_duckdb_row_is_valid (duckdb_vector_get_validity (member), r)) {
        gw_column_append_null (column);
        continue;
      }
      gw_duckdb_text_append_value (text, c->children[tag], member, r, FALSE);
      break;
    }
    }
    gw_column_append_bytes (column, text->str, text->len);
  }
}

/* LIST and MAP: element ranges of consecutive rows are usually adjacent in the child vector,
 * so the children are converted one contiguous run at a time. */
static void
append_lists (const GwDuckdbConverter *c, duckdb_vector vector, const void *data,
              const uint64_t *validity, idx_t offset, idx_t end, GwColumn *column)
{
  duckdb_vector child = duckdb_list_vector_get_child (vector);
  gboolean is_map = c->id == DUCKDB_TYPE_MAP;
  duckdb_vector keys = is_map ? duckdb_struct_vector_get_child (child, 0) : child;
  duckdb_vector values = is_map ? duckdb_struct_vector_get_child (child, 1) : NULL;
  idx_t run_start = 0, run_end = 0;

#define FLUSH_RUN()                                                                          \
  do {                                                                                       \
    if (run_end > run_start) {                                                               \
      gw_duckdb_converter_append (c->children[0], keys, run_start, run_end - run_start,      \
                                  column->children[0]);                                      \
      if (is_map)                                                                            \
        gw_duckdb_converter_append (c->children[1], values, run_start, run_end - run_start,  \
                                    column->children[1]);                                    \
    }                                                                                        \
  } while (0)

  for (idx_t r = offset; r < end; r++) {
    if (!gw_duckdb_row_is_valid (validity, r)) {
      gw_column_append_null (column);
      continue;
    }
    duckdb_list_entry entry = DATA (duckdb_list_entry)[r];
    if (entry.offset != run_end) {
      FLUSH_RUN ();
      run_start = run_end = entry.offset;
    }
    run_end += entry.length;
    gw_column_append_list (column, (guint) entry.length);
  }
  FLUSH_RUN ();
#undef FLUSH_RUN
}

/* ARRAY and STRUCT: convert the children one run of non-null rows at a time. */
static void
append_runs (const GwDuckdbConverter *c, duckdb_vector vector, const uint64_t *validity,
             idx_t offset, idx_t end, GwColumn *column)
{
  gboolean is_array = c->id == DUCKDB_TYPE_ARRAY;
  duckdb_vector element = is_array ? duckdb_array_vector_get_child (vector) : NULL;
  idx_t r = offset;
  while (r < end) {
    if (!gw_duckdb_row_is_valid (validity, r)) {
      if (is_array)
        gw_column_append_null (column);
      else
        append_null_deep (column);
      r++;
      continue;
    }
    idx_t run = r + 1;
    while (run < end && gw_duckdb_row_is_valid (validity, run))
      run++;
    if (is_array) {
      gw_duckdb_converter_append (c->children[0], element, r * c->array_size,
                                  (run - r) * c->array_size, column->children[0]);
      for (idx_t i = r; i < run; i++)
        gw_column_append_list (column, (guint) c->array_size);
    } else {
      for (guint k = 0; k < c->n_children; k++)
        gw_duckdb_converter_append (c->children[k], duckdb_struct_vector_get_child (vector, k),
                                    r, run - r, column->children[k]);
      for (idx_t i = r; i < run; i++)
        gw_column_append_struct (column);
    }
    r = run;
  }
}

void
gw_duckdb_converter_append (const GwDuckdbConverter *c, duckdb_vector vector, idx_t offset,
                            idx_t count, GwColumn *column)
{
  g_return_if_fail (c != NULL && vector != NULL && column != NULL);
  const uint64_t *validity = duckdb_vector_get_validity (vector);
  const void *data = duckdb_vector_get_data (vector);
  idx_t end = offset + count;
  char buf[GW_DUCKDB_DECIMAL_TEXT_MAX];
  guint32 len;
  const char *s;

#define APPEND_INT64(ctype) FOR_EACH_ROW (gw_column_append_int64 (column, DATA (ctype)[r]))
#define APPEND_TEXT(format) FOR_EACH_ROW (gw_column_append_bytes (column, buf, (format)))
  switch (c->id) {
  case DUCKDB_TYPE_BOOLEAN: FOR_EACH_ROW (gw_column_append_bool (column, DATA (bool)[r])); break;
  case DUCKDB_TYPE_TINYINT: APPEND_INT64 (gint8); break;
  case DUCKDB_TYPE_SMALLINT: APPEND_INT64 (gint16); break;
  case DUCKDB_TYPE_INTEGER: APPEND_INT64 (gint32); break;
  case DUCKDB_TYPE_BIGINT: APPEND_INT64 (gint64); break;
  case DUCKDB_TYPE_UTINYINT: APPEND_INT64 (guint8); break;
  case DUCKDB_TYPE_USMALLINT: APPEND_INT64 (guint16); break;
  case DUCKDB_TYPE_UINTEGER: APPEND_INT64 (guint32); break;
  case DUCKDB_TYPE_UBIGINT:
    APPEND_TEXT (gw_duckdb_format_unsigned (buf, DATA (guint64)[r]));
    break;
  case DUCKDB_TYPE_HUGEINT:
    APPEND_TEXT (gw_duckdb_format_decimal (buf, gw_duckdb_hugeint_value (DATA (duckdb_hugeint)[r]),
                                           0));
    break;
  case DUCKDB_TYPE_UHUGEINT:
    APPEND_TEXT (gw_duckdb_format_unsigned (buf,
                                            gw_duckdb_uhugeint_value (DATA (duckdb_uhugeint)[r])));
    break;
  case DUCKDB_TYPE_FLOAT: FOR_EACH_ROW (gw_column_append_double (column, DATA (float)[r])); break;
  case DUCKDB_TYPE_DOUBLE: FOR_EACH_ROW (gw_column_append_double (column, DATA (double)[r])); break;
  case DUCKDB_TYPE_DECIMAL: append_decimals (c, data, validity, offset, end, column); break;
  case DUCKDB_TYPE_VARCHAR:
  case DUCKDB_TYPE_BLOB:
    FOR_EACH_ROW (s = gw_duckdb_string_data (DATA (duckdb_string_t) + r, &len);
                  gw_column_append_bytes (column, s, len));
    break;
  case DUCKDB_TYPE_ENUM: append_enums (c, data, validity, offset, end, column); break;
  case DUCKDB_TYPE_UUID: APPEND_TEXT (gw_duckdb_format_uuid (buf, DATA (duckdb_hugeint)[r])); break;
  case DUCKDB_TYPE_BIT:
  case DUCKDB_TYPE_BIGNUM:
  case DUCKDB_TYPE_TIME_TZ:
  case DUCKDB_TYPE_UNION:
    append_texts (c, vector, data, validity, offset, end, column);
    break;
  case DUCKDB_TYPE_DATE: APPEND_INT64 (gint32); break;
  case DUCKDB_TYPE_TIME:
  case DUCKDB_TYPE_TIMESTAMP:
  case DUCKDB_TYPE_TIMESTAMP_NS:
  case DUCKDB_TYPE_TIMESTAMP_TZ:
    APPEND_INT64 (gint64);
    break;
  case DUCKDB_TYPE_TIME_NS:
    FOR_EACH_ROW (gw_column_append_int64 (column, DATA (gint64)[r] / 1000));
    break;
  case DUCKDB_TYPE_TIMESTAMP_S:
    FOR_EACH_ROW (gw_column_append_int64 (column, scale_time_value (DATA (gint64)[r], 1000000)));
    break;
  case DUCKDB_TYPE_TIMESTAMP_MS:
    FOR_EACH_ROW (gw_column_append_int64 (column, scale_time_value (DATA (gint64)[r], 1000)));
    break;
  case DUCKDB_TYPE_INTERVAL:
    FOR_EACH_ROW (gw_column_append_int64 (column, interval_micros (DATA (duckdb_interval)[r])));
    break;
  case DUCKDB_TYPE_LIST:
  case DUCKDB_TYPE_MAP:
    append_lists (c, vector, data, validity, offset, end, column);
    break;
  case DUCKDB_TYPE_ARRAY:
  case DUCKDB_TYPE_STRUCT:
    append_runs (c, vector, validity, offset, end, column);
    break;
  default: /* SQLNULL and the unmapped types */
    for (idx_t r = offset; r < end; r++)
      gw_column_append_null (column);
    break;
  }
#undef APPEND_INT64
#undef APPEND_TEXT
}
