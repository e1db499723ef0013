/* The converter tree shared by gw-duckdb-types.c (columns) and gw-duckdb-text.c (text forms). */
#pragma once

#include "gw-duckdb-types.h"

G_BEGIN_DECLS

#ifndef __SIZEOF_INT128__
#error "HUGEINT and DECIMAL conversion needs a compiler with __int128"
#endif
typedef __int128 GwInt128;
typedef unsigned __int128 GwUInt128;

struct _GwDuckdbConverter {
  duckdb_type          id;
  GwLogicalType       *type;            /* owned: the mapped Flink type */
  duckdb_type          internal;        /* DECIMAL and ENUM: the physical storage type */
  int                  scale;           /* DECIMAL */
  gchar              **dictionary;      /* owned, ENUM values by index */
  guint32             *dictionary_len;  /* owned */
  guint32              dictionary_size;
  idx_t                array_size;      /* ARRAY */
  GwDuckdbConverter  **children;        /* owned: LIST/ARRAY element; MAP key, value; STRUCT
                                         * fields; UNION members */
  gchar              **names;           /* owned: STRUCT field / UNION member names */
  guint                n_children;
};

static inline gboolean
gw_duckdb_row_is_valid (const uint64_t *validity, idx_t row)
{
  return validity == NULL || ((validity[row >> 6] >> (row & 63)) & 1) != 0;
}

/* Inlined strings (up to 12 bytes) live in the struct itself, longer ones behind a pointer. */
static inline const char *
gw_duckdb_string_data (const duckdb_string_t *s, guint32 *len)
{
  *len = s->value.inlined.length;
  return *len <= 12 ? s->value.inlined.inlined : s->value.pointer.ptr;
}

static inline GwInt128
gw_duckdb_hugeint_value (duckdb_hugeint h)
{
  return (GwInt128) (((GwUInt128) (guint64) h.upper << 64) | h.lower);
}

static inline GwUInt128
gw_duckdb_uhugeint_value (duckdb_uhugeint h)
{
  return ((GwUInt128) h.upper << 64) | h.lower;
}

G_END_DECLS
