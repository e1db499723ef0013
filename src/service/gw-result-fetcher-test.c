/* Token paging (Flink's ResultFetcher rules) over materialized and spooled results, and the
 * spool file round trip for every physical kind. */
#include "gw-error.h"
#include "gw-result-fetcher.h"
#include "gw-result-spool.h"

#include <string.h>

static GwResultSchema *
int_schema (void)
{
  GwResultSchema *schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "i", gw_logical_type_new (GW_TYPE_BIGINT, TRUE), NULL);
  return schema;
}

static GwBatch *
int_rows (GwResultSchema *schema, int from, int n)
{
  GwBatch *batch = gw_batch_new (schema, n);
  for (int i = 0; i < n; i++)
    gw_column_append_int64 (batch->columns[0], from + i);
  gw_batch_finish (batch);
  return batch;
}

static void
fetch_ok (GwResultFetcher *f, gint64 token, guint expect_rows, gint64 expect_next)
{
  g_autoptr (GError) error = NULL;
  GwBatch *batch = NULL;
  gint64 next = 99;
  g_assert_true (gw_result_fetcher_fetch (f, token, &batch, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next, ==, expect_next);
  if (expect_next < 0) {
    g_assert_null (batch); /* EOS */
  } else {
    g_assert_nonnull (batch);
    g_assert_cmpuint (batch->n_rows, ==, expect_rows);
  }
  g_clear_pointer (&batch, gw_batch_unref);
}

static void
fetch_fails (GwResultFetcher *f, gint64 token, const char *message)
{
  g_autoptr (GError) error = NULL;
  GwBatch *batch = NULL;
  gint64 next;
  g_assert_false (gw_result_fetcher_fetch (f, token, &batch, &next, &error));
  g_assert_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_materialized_paging (void)
{
  g_autoptr (GwResultSchema) schema = int_schema ();
  g_autoptr (GwResultFetcher) f = gw_result_fetcher_new_materialized (schema, int_rows (schema, 0, 3));
  fetch_fails (f, 1, "Expecting token to be 0, but found 1.");
  fetch_ok (f, 0, 3, 1);                 /* all rows */
  fetch_ok (f, 0, 3, 1);                 /* the previous token again: same page */
  fetch_fails (f, 5, "Expecting token to be 1 or 0, but found 5.");
  fetch_ok (f, 1, 0, -1);                /* EOS */
  fetch_ok (f, 1, 0, -1);                /* EOS stays EOS */
  fetch_ok (f, 0, 0, 1);                 /* after EOS the previous page is empty */
  fetch_fails (f, -1, "Expecting token to be 1 or 0, but found -1.");
}

static void
test_empty_result_is_eos_at_zero (void)
{
  g_autoptr (GwResultSchema) schema = int_schema ();
  g_autoptr (GwResultFetcher) f = gw_result_fetcher_new_materialized (schema, NULL);
  fetch_ok (f, 0, 0, -1);
}

static guint
rows_of (GwResultFetcher *f, guint max_rows, gint64 *first)
{
  g_autoptr (GError) error = NULL;
  GwBatch *batch = NULL;
  g_assert_true (gw_result_fetcher_fetch_rows (f, max_rows, &batch, &error));
  g_assert_no_error (error);
  if (batch == NULL)
    return 0;
  guint n = batch->n_rows;
  if (first != NULL && n > 0)
    *first = batch->columns[0]->i64[0];
  gw_batch_unref (batch);
  return n;
}

static void
test_fetch_rows_and_rewind (void)
{
  g_autoptr (GwResultSchema) schema = int_schema ();
  g_autoptr (GwResultFetcher) f = gw_result_fetcher_new_materialized (schema, int_rows (schema, 0, 10));
  gint64 first = -1;
  g_assert_true (gw_result_fetcher_rewind (f)); /* nothing read yet */
  g_assert_cmpuint (rows_of (f, 4, &first), ==, 4);
  g_assert_cmpint (first, ==, 0);
  g_assert_cmpuint (rows_of (f, 4, &first), ==, 4);
  g_assert_cmpint (first, ==, 4);
  g_assert_cmpuint (rows_of (f, 4, &first), ==, 2);
  g_assert_cmpint (first, ==, 8);
  g_assert_cmpuint (rows_of (f, 4, NULL), ==, 0);
  g_assert_cmpuint (rows_of (f, 4, NULL), ==, 0);
  g_assert_cmpuint (gw_result_fetcher_get_rows_fetched (f), ==, 10);
  g_assert_true (gw_result_fetcher_rewind (f)); /* materialized: back to the first row */
  g_assert_cmpuint (rows_of (f, 100, &first), ==, 10);
  g_assert_cmpint (first, ==, 0);
}

/* A spool written with three pages reads back the same pages, in order. */
static void
test_spool_round_trip (void)
{
  GwLogicalType *map = gw_logical_type_new_map (TRUE,
      gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH),
      gw_logical_type_new (GW_TYPE_DOUBLE, TRUE));
  const char *names[] = { "b", "m" };
  GwLogicalType *fields[] = { gw_logical_type_new (GW_TYPE_BOOLEAN, TRUE), map };
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "i", gw_logical_type_new (GW_TYPE_BIGINT, TRUE), NULL);
  gw_result_schema_add_column (schema, "r", gw_logical_type_new_row (TRUE, 2, names, fields), NULL);
  gw_result_schema_add_column (schema, "n", gw_logical_type_new (GW_TYPE_NULL, TRUE), NULL);

  g_autoptr (GError) error = NULL;
  GwResultSpool *spool = gw_result_spool_new (schema, NULL, &error);
  g_assert_no_error (error);
  for (int page = 0; page < 3; page++) {
    g_autoptr (GwBatch) b = gw_batch_new (schema, 4);
    for (int i = 0; i < 5; i++) {
      int v = page * 5 + i;
      GwColumn *r = b->columns[1], *m = r->children[1];
      if (v % 4 == 0) {
        gw_column_append_null (b->columns[0]);
        gw_column_append_null (r->children[0]);
        gw_column_append_null (m);
        gw_column_append_null (r);
      } else {
        gw_column_append_int64 (b->columns[0], v);
        gw_column_append_bool (r->children[0], v % 2);
        for (int k = 0; k < v % 3; k++) {
          g_autofree gchar *key = g_strdup_printf ("k%d", k);
          gw_column_append_bytes (m->children[0], key, strlen (key));
          gw_column_append_double (m->children[1], v + k / 10.0);
        }
        gw_column_append_list (m, v % 3);
        gw_column_append_struct (r);
      }
      gw_column_append_null (b->columns[2]);
    }
    gw_batch_finish (b);
    g_assert_true (gw_result_spool_write (spool, b, &error));
  }
  g_assert_true (gw_result_spool_finish_writing (spool, &error));
  g_assert_cmpuint (gw_result_spool_get_bytes_written (spool), >, 0);

  for (int page = 0; page < 3; page++) {
    g_autoptr (GwBatch) b = gw_result_spool_read (spool, &error);
    g_assert_no_error (error);
    g_assert_nonnull (b);
    g_assert_cmpuint (b->n_rows, ==, 5);
    for (int i = 0; i < 5; i++) {
      int v = page * 5 + i;
      GwColumn *r = b->columns[1], *m = r->children[1];
      g_assert_true (gw_column_is_null (b->columns[2], i));
      if (v % 4 == 0) {
        g_assert_true (gw_column_is_null (b->columns[0], i));
        g_assert_true (gw_column_is_null (r, i));
        continue;
      }
      g_assert_cmpint (b->columns[0]->i64[i], ==, v);
      g_assert_cmpint (r->children[0]->bools[i], ==, v % 2);
      g_assert_cmpuint (m->offsets[i + 1] - m->offsets[i], ==, (guint) (v % 3));
      for (guint k = m->offsets[i]; k < m->offsets[i + 1]; k++) {
        gsize len;
        const char *key = gw_column_get_bytes (m->children[0], k, &len);
        g_autofree gchar *expect = g_strdup_printf ("k%u", k - m->offsets[i]);
        g_assert_cmpmem (key, len, expect, strlen (expect));
        g_assert_cmpfloat (m->children[1]->f64[k], ==, v + (k - m->offsets[i]) / 10.0);
      }
    }
  }
  g_assert_null (gw_result_spool_read (spool, &error));
  g_assert_no_error (error);
  gw_result_spool_free (spool);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/service/result-fetcher/materialized-paging", test_materialized_paging);
  g_test_add_func ("/service/result-fetcher/empty-is-eos", test_empty_result_is_eos_at_zero);
  g_test_add_func ("/service/result-spool/round-trip", test_spool_round_trip);
  g_test_add_func ("/service/result-fetcher/fetch-rows-and-rewind", test_fetch_rows_and_rewind);
  return g_test_run ();
}
