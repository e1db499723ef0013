/* Shared helpers of the REST row encoder tests (gw-rest-row-format-test.c: names, columns,
 * shape and scalar types; gw-rest-row-nested-test.c: collections and rows): building batches,
 * encoding them and asserting the JSON text in both row formats. */
#pragma once

#include "gw-rest-row-format.h"
#include "gw-error.h"

#define JSON GW_ROW_FORMAT_JSON
#define TEXT GW_ROW_FORMAT_PLAIN_TEXT
#define FIELDS(...) ((const char *const[]) { __VA_ARGS__, NULL })
/* Most tests run once per row format: format is their local variable. */
#define EXPECT(batch, zone, json_rows, text_rows) \
  assert_rows ((batch), format, (zone), format == JSON ? (json_rows) : (text_rows))

GwLogicalType *type_new (GwTypeRoot root);
GwLogicalType *string_type (void);
GwLogicalType *map_type (GwLogicalType *key, GwLogicalType *value);
GwLogicalType *array_type (GwLogicalType *element);

/* A batch with one column per type (named c0, c1, ...); takes the types; NULL-terminated. */
GwBatch *batch_new (GwLogicalType *first, ...);
void     append_str (GwColumn *column, const char *text);
void     append_int (GwColumn *column, gint64 value);

gchar *encode (GwBatch *batch, GwRowFormat format, GTimeZone *zone);
/* Asserts the data array: rows[i] is the text between the brackets of row i's "fields". */
void   assert_rows (GwBatch *batch, GwRowFormat format, GTimeZone *zone, const char *const *rows);
/* Asserts an UNSUPPORTED error with that message, and nothing appended. */
void   assert_unsupported (GwBatch *batch, const char *message);

/* Registers /rest/row-format/json/<name> and /rest/row-format/plain-text/<name>. */
void add_per_format (const char *name, GTestDataFunc func);
