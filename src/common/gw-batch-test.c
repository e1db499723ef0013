/* Column builders for every physical kind, including nested lists, maps and rows. */
#include "gw-batch.h"

#include <string.h>

static void
test_scalars_and_nulls (void)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "i", gw_logical_type_new (GW_TYPE_BIGINT, TRUE), NULL);
  gw_result_schema_add_column (schema, "s", gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, 10), "c");
  g_autoptr (GwBatch) batch = gw_batch_new (schema, 1); /* grows past the capacity */
  for (int i = 0; i < 100; i++) {
    if (i % 3 == 0) {
      gw_column_append_null (batch->columns[0]);
      gw_column_append_null (batch->columns[1]);
    } else {
      g_autofree gchar *s = g_strdup_printf ("v%d", i);
      gw_column_append_int64 (batch->columns[0], i);
      gw_column_append_bytes (batch->columns[1], s, strlen (s));
    }
  }
  gw_batch_finish (batch);
  g_assert_cmpuint (batch->n_rows, ==, 100);
  g_assert_cmpstr (gw_result_schema_get_comment (schema, 1), ==, "c");
  g_assert_true (gw_column_is_null (batch->columns[0], 99));
  g_assert_false (gw_column_is_null (batch->columns[0], 98));
  g_assert_cmpint (batch->columns[0]->i64[98], ==, 98);
  gsize len;
  const char *text = gw_column_get_bytes (batch->columns[1], 98, &len);
  g_assert_cmpmem (text, len, "v98", 3);
  gw_column_get_bytes (batch->columns[1], 99, &len);
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpuint (gw_batch_get_memory_size (batch), >, 100 * 8);
}

static void
test_nested (void)
{
  /* ARRAY<ROW<a INT, m MAP<STRING, INT>>> */
  GwLogicalType *map = gw_logical_type_new_map (TRUE,
      gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH),
      gw_logical_type_new (GW_TYPE_INTEGER, TRUE));
  const char *names[] = { "a", "m" };
  GwLogicalType *fields[] = { gw_logical_type_new (GW_TYPE_INTEGER, TRUE), map };
  GwLogicalType *row = gw_logical_type_new_row (TRUE, 2, names, fields);
  g_autoptr (GwLogicalType) array = gw_logical_type_new_collection (GW_TYPE_ARRAY, TRUE, row);
  GwColumn *c = gw_column_new (array, 4);
  g_assert_cmpint (c->kind, ==, GW_PHYSICAL_LIST);
  GwColumn *rows = c->children[0];
  g_assert_cmpint (rows->kind, ==, GW_PHYSICAL_STRUCT);
  GwColumn *m = rows->children[1];
  /* row 0: [ {a:1, m:{x:7}}, NULL ] */
  gw_column_append_int64 (rows->children[0], 1);
  gw_column_append_bytes (m->children[0], "x", 1);
  gw_column_append_int64 (m->children[1], 7);
  gw_column_append_list (m, 1);
  gw_column_append_struct (rows);
  gw_column_append_null (rows->children[0]);
  gw_column_append_null (m);
  gw_column_append_null (rows);
  gw_column_append_list (c, 2);
  /* row 1: NULL; row 2: [] */
  gw_column_append_null (c);
  gw_column_append_list (c, 0);

  g_assert_cmpuint (c->n_rows, ==, 3);
  g_assert_cmpuint (c->offsets[0], ==, 0);
  g_assert_cmpuint (c->offsets[1], ==, 2);
  g_assert_cmpuint (c->offsets[2], ==, 2);
  g_assert_cmpuint (c->offsets[3], ==, 2);
  g_assert_true (gw_column_is_null (c, 1));
  g_assert_false (gw_column_is_null (c, 2));
  g_assert_true (gw_column_is_null (rows, 1));
  g_assert_false (gw_column_is_null (rows, 0));
  g_assert_cmpuint (m->offsets[1], ==, 1);
  g_assert_cmpint (m->children[1]->i64[0], ==, 7);
  gw_column_free (c);
}

static void
test_slice (void)
{
  GwLogicalType *element = gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "l", gw_logical_type_new_collection (GW_TYPE_ARRAY, TRUE, element), NULL);
  gw_result_schema_add_column (schema, "d", gw_logical_type_new (GW_TYPE_DOUBLE, TRUE), NULL);
  g_autoptr (GwBatch) batch = gw_batch_new (schema, 4);
  for (int i = 0; i < 6; i++) {
    for (int k = 0; k < i; k++)
      gw_column_append_bytes (batch->columns[0]->children[0], "ab", 1 + k % 2);
    if (i == 3)
      gw_column_append_null (batch->columns[0]);
    else
      gw_column_append_list (batch->columns[0], i);
    if (i == 4)
      gw_column_append_null (batch->columns[1]);
    else
      gw_column_append_double (batch->columns[1], i / 2.0);
  }
  gw_batch_finish (batch);
  g_autoptr (GwBatch) slice = gw_batch_slice (batch, 2, 3); /* rows 2, 3, 4 */
  g_assert_cmpuint (slice->n_rows, ==, 3);
  GwColumn *l = slice->columns[0];
  g_assert_cmpuint (l->offsets[1] - l->offsets[0], ==, 2);
  g_assert_true (gw_column_is_null (l, 1));
  g_assert_cmpuint (l->offsets[3] - l->offsets[2], ==, 4);
  gsize len;
  const char *text = gw_column_get_bytes (l->children[0], l->offsets[2] + 1, &len);
  g_assert_cmpmem (text, len, "ab", 2);
  g_assert_cmpfloat (slice->columns[1]->f64[0], ==, 1.0);
  g_assert_true (gw_column_is_null (slice->columns[1], 2));
  g_autoptr (GwBatch) tail = gw_batch_slice (batch, 5, 10);
  g_assert_cmpuint (tail->n_rows, ==, 1);
  g_autoptr (GwBatch) empty = gw_batch_slice (batch, 6, 1);
  g_assert_cmpuint (empty->n_rows, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/batch/scalars-and-nulls", test_scalars_and_nulls);
  g_test_add_func ("/common/batch/nested", test_nested);
  g_test_add_func ("/common/batch/slice", test_slice);
  return g_test_run ();
}
