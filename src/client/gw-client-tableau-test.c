/* Unit tests of the tableau printer against the exact text Flink's TableauStyle prints: content and
 * type widths, right alignment, "..." truncation, wide characters, the op column and the footers. */
#include "gw-client-tableau.h"

#include <stdarg.h>
#include <stdlib.h>

/* An in-memory FILE the printer writes to; sink_finish() closes it and returns the text. */
typedef struct {
  FILE  *out;
  char  *buf;
  size_t len;
} Sink;

static void
sink_open (Sink *sink)
{
  sink->buf = NULL;
  sink->len = 0;
  sink->out = open_memstream (&sink->buf, &sink->len);
  g_assert_nonnull (sink->out);
}

static gchar *
sink_finish (Sink *sink)
{
  fclose (sink->out);
  gchar *text = g_strndup (sink->buf, sink->len);
  free (sink->buf);
  return text;
}

/* A row of n fields; a NULL argument is SQL NULL. */
static GwClientRow *
row_of (GwClientRowKind kind, guint n, ...)
{
  GwClientRow *row = gw_client_row_new (kind, n);
  va_list ap;
  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    row->fields[i] = g_strdup (va_arg (ap, const char *));
  va_end (ap);
  return row;
}

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
}

static gchar *
print_all (GwTableau *t, GPtrArray *rows, const char *suffix)
{
  Sink sink;
  sink_open (&sink);
  gw_tableau_print_all (t, rows, suffix, sink.out);
  return sink_finish (&sink);
}

static void
test_query_style (void)
{
  GwClientColumn columns[] = {
    { "id", "INTEGER", -1 },
    { "name", "VARCHAR", -1 },
  };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 2, 30, FALSE, FALSE);
  g_autoptr (GPtrArray) rows = rows_new ();
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 2, "1", "Alice"));
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 2, NULL, NULL));
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 2, "42", ""));

  g_autofree gchar *text = print_all (t, rows, "");
  g_assert_cmpstr (text, ==,
                   "+--------+--------+\n"
                   "|     id |   name |\n"
                   "+--------+--------+\n"
                   "|      1 |  Alice |\n"
                   "| <NULL> | <NULL> |\n"
                   "|     42 |        |\n"
                   "+--------+--------+\n"
                   "3 rows in set\n");
}

static void
test_non_query_style (void)
{
  GwClientColumn columns[] = {
    { "key", "VARCHAR", -1 },
    { "value", "VARCHAR", -1 },
  };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 2, G_MAXINT, TRUE, FALSE);
  g_autoptr (GPtrArray) rows = rows_new ();
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 2, "a", NULL));
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 2, "table.display.max-column-width", "30"));

  /* No cap: the 30-char key is not truncated; NULL prints as nothing. */
  g_autofree gchar *text = print_all (t, rows, NULL);
  g_assert_cmpstr (text, ==,
                   "+--------------------------------+-------+\n"
                   "|                            key | value |\n"
                   "+--------------------------------+-------+\n"
                   "|                              a |       |\n"
                   "| table.display.max-column-width |    30 |\n"
                   "+--------------------------------+-------+\n"
                   "2 rows in set\n");
}

static void
test_empty_set (void)
{
  GwClientColumn columns[] = { { "id", "INTEGER", -1 } };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 1, 30, FALSE, FALSE);
  g_autoptr (GPtrArray) rows = rows_new ();

  /* Flink prints no table and no time cost for an empty result. */
  g_autofree gchar *text = print_all (t, rows, " (0.01 seconds)");
  g_assert_cmpstr (text, ==, "Empty set\n");
}

static void
test_one_row (void)
{
  GwClientColumn columns[] = { { "EXPR$0", "INTEGER", -1 } };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 1, 30, FALSE, FALSE);
  g_autoptr (GPtrArray) rows = rows_new ();
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 1, "1"));

  g_autofree gchar *text = print_all (t, rows, " (0.05 seconds)");
  g_assert_cmpstr (text, ==,
                   "+--------+\n"
                   "| EXPR$0 |\n"
                   "+--------+\n"
                   "|      1 |\n"
                   "+--------+\n"
                   "1 row in set (0.05 seconds)\n");
}

static GwClientColumn flink_example_columns[] = {
  { "boolean_col", "BOOLEAN", -1 },
  { "int_col", "INTEGER", -1 },
  { "varchar_col", "VARCHAR", 2147483647 },
};

static void
add_flink_example_rows (GPtrArray *rows)
{
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 3, "true", "1", "abc"));
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_DELETE, 3, NULL, NULL, NULL));
}

static void
test_op_column (void)
{
  g_autoptr (GwTableau) t = gw_tableau_new (flink_example_columns, 3, 30, FALSE, TRUE);
  g_autoptr (GPtrArray) rows = rows_new ();
  add_flink_example_rows (rows);

  /* The example in TableauStyle's Javadoc. */
  g_autofree gchar *text = print_all (t, rows, "");
  g_assert_cmpstr (text, ==,
                   "+----+-------------+---------+-------------+\n"
                   "| op | boolean_col | int_col | varchar_col |\n"
                   "+----+-------------+---------+-------------+\n"
                   "| +I |        true |       1 |         abc |\n"
                   "| -D |      <NULL> |  <NULL> |      <NULL> |\n"
                   "+----+-------------+---------+-------------+\n"
                   "2 rows in set\n");
}

static void
test_streaming_by_type (void)
{
  g_autoptr (GwTableau) t = gw_tableau_new (flink_example_columns, 3, 30, FALSE, TRUE);
  g_autoptr (GPtrArray) rows = rows_new ();
  add_flink_example_rows (rows);

  /* The streaming path: widths from the types, rows printed as they arrive. */
  gw_tableau_fit_types (t);
  Sink sink;
  sink_open (&sink);
  gw_tableau_print_border (t, sink.out);
  gw_tableau_print_header (t, sink.out);
  gw_tableau_print_border (t, sink.out);
  for (guint i = 0; i < rows->len; i++)
    gw_tableau_print_row (t, g_ptr_array_index (rows, i), sink.out);
  g_autofree gchar *text = sink_finish (&sink);
  g_assert_cmpstr (text, ==,
                   "+----+-------------+-------------+--------------------------------+\n"
                   "| op | boolean_col |     int_col |                    varchar_col |\n"
                   "+----+-------------+-------------+--------------------------------+\n"
                   "| +I |        true |           1 |                            abc |\n"
                   "| -D |      <NULL> |      <NULL> |                         <NULL> |\n");
}

static void
test_truncation (void)
{
  GwClientColumn columns[] = { { "s", "VARCHAR", -1 } };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 1, 10, FALSE, FALSE);
  g_autoptr (GPtrArray) rows = rows_new ();
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 1, "abcdefghijklmnop"));
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 1, "short"));
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 1, "abcdefghij"));
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 1, "abcdefghijk"));

  /* Exactly 10 cells still fit; 11 keep 7 and add "...". */
  g_autofree gchar *text = print_all (t, rows, "");
  g_assert_cmpstr (text, ==,
                   "+------------+\n"
                   "|          s |\n"
                   "+------------+\n"
                   "| abcdefg... |\n"
                   "|      short |\n"
                   "| abcdefghij |\n"
                   "| abcdefg... |\n"
                   "+------------+\n"
                   "4 rows in set\n");
}

static void
test_wide_characters (void)
{
  GwClientColumn columns[] = { { "名前", "VARCHAR", -1 } };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 1, 10, FALSE, FALSE);
  g_autoptr (GPtrArray) rows = rows_new ();
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 1, "中文"));
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 1, "これは日本語です"));
  g_ptr_array_add (rows, row_of (GW_CLIENT_ROW_INSERT, 1, "ab"));

  /* Wide characters take two cells; truncation to 7 cells keeps 3 of them and pads one space. */
  g_autofree gchar *text = print_all (t, rows, "");
  g_assert_cmpstr (text, ==,
                   "+------------+\n"
                   "|       名前 |\n"
                   "+------------+\n"
                   "|       中文 |\n"
                   "|  これは... |\n"
                   "|         ab |\n"
                   "+------------+\n"
                   "3 rows in set\n");
}

static void
test_wide_name_by_type (void)
{
  GwClientColumn columns[] = { { "名前名前名前", "BOOLEAN", -1 } };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 1, 30, FALSE, FALSE);

  /* Flink sizes streaming columns from the name's String.length() (6), not its display width
   * (12), so a wide name is truncated in its own header. */
  gw_tableau_fit_types (t);
  g_assert_cmpuint (gw_tableau_get_column_width (t, 0), ==, 6);
  Sink sink;
  sink_open (&sink);
  gw_tableau_print_header (t, sink.out);
  g_autofree gchar *text = sink_finish (&sink);
  g_assert_cmpstr (text, ==, "|  名... |\n");
}

static void
test_row_before_fitting (void)
{
  GwClientColumn columns[] = { { "id", "INTEGER", -1 }, { "s", "VARCHAR", -1 } };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 2, 30, FALSE, FALSE);
  g_autoptr (GwClientRow) row = row_of (GW_CLIENT_ROW_INSERT, 2, "7", "a\tb");

  /* Like printTableauRow with no widths yet: sized from the names and this row. Control
   * characters go out raw. */
  Sink sink;
  sink_open (&sink);
  gw_tableau_print_row (t, row, sink.out);
  gw_tableau_print_border (t, sink.out);
  g_autofree gchar *text = sink_finish (&sink);
  g_assert_cmpstr (text, ==,
                   "|  7 | a\tb |\n"
                   "+----+-----+\n");
}

static void
check_type_width (const char *type_root, gint precision, gboolean null_as_empty, gsize expected)
{
  GwClientColumn columns[] = { { "c", (gchar *) type_root, precision } };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 1, 30, null_as_empty, FALSE);
  gw_tableau_fit_types (t);
  g_assert_cmpuint (gw_tableau_get_column_width (t, 0), ==, expected);
}

static void
test_fit_types (void)
{
  GwClientColumn columns[] = {
    { "i", "INTEGER", -1 },
    { "b", "BIGINT", -1 },
    { "d", "DECIMAL", 10 },
    { "ts", "TIMESTAMP_WITHOUT_TIME_ZONE", 3 },
    { "f", "BOOLEAN", -1 },
    { "s", "VARCHAR", 2147483647 },
  };
  g_autoptr (GwTableau) t = gw_tableau_new (columns, 6, 30, FALSE, TRUE);
  gw_tableau_fit_types (t);

  /* op 2, INTEGER 11, BIGINT 20, DECIMAL(10, 2) 12, TIMESTAMP(3) 23, BOOLEAN 5 -> 6 for <NULL>,
   * STRING the maximum 30. */
  Sink sink;
  sink_open (&sink);
  gw_tableau_print_border (t, sink.out);
  gw_tableau_print_header (t, sink.out);
  g_autofree gchar *text = sink_finish (&sink);
  g_assert_cmpstr (text, ==,
                   "+----+-------------+----------------------+--------------+"
                   "-------------------------+--------+--------------------------------+\n"
                   "| op |           i |                    b |            d |"
                   "                      ts |      f |                              s |\n");

  check_type_width ("BOOLEAN", -1, TRUE, 5);
  check_type_width ("TINYINT", -1, FALSE, 6);
  check_type_width ("TINYINT", -1, TRUE, 4);
  check_type_width ("SMALLINT", -1, TRUE, 6);
  check_type_width ("DATE", -1, TRUE, 10);
  check_type_width ("TIME_WITHOUT_TIME_ZONE", 0, TRUE, 8);
  check_type_width ("TIME_WITHOUT_TIME_ZONE", 3, TRUE, 12);
  check_type_width ("TIMESTAMP_WITHOUT_TIME_ZONE", 0, TRUE, 19);
  check_type_width ("TIMESTAMP_WITHOUT_TIME_ZONE", 9, TRUE, 29);
  check_type_width ("TIMESTAMP_WITH_LOCAL_TIME_ZONE", 6, TRUE, 26);
  check_type_width ("DECIMAL", 38, TRUE, 40);
  check_type_width ("DOUBLE", -1, TRUE, 30);
}

static void
check_time_cost (gint64 elapsed_us, const char *expected)
{
  g_autofree gchar *got = gw_tableau_format_time_cost (elapsed_us);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_time_cost (void)
{
  check_time_cost (0, " (0.00 seconds)");
  check_time_cost (4999, " (0.00 seconds)");
  check_time_cost (5000, " (0.01 seconds)");
  /* Java's %.2f rounds 0.125 half up; C's printf would print 0.12. */
  check_time_cost (125000, " (0.13 seconds)");
  check_time_cost (124999, " (0.12 seconds)");
  check_time_cost (1234567, " (1.23 seconds)");
  check_time_cost (61005000, " (61.01 seconds)");
  check_time_cost (-1000, " (0.00 seconds)");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/client/tableau/query-style", test_query_style);
  g_test_add_func ("/client/tableau/non-query-style", test_non_query_style);
  g_test_add_func ("/client/tableau/empty-set", test_empty_set);
  g_test_add_func ("/client/tableau/one-row", test_one_row);
  g_test_add_func ("/client/tableau/op-column", test_op_column);
  g_test_add_func ("/client/tableau/streaming-by-type", test_streaming_by_type);
  g_test_add_func ("/client/tableau/truncation", test_truncation);
  g_test_add_func ("/client/tableau/wide-characters", test_wide_characters);
  g_test_add_func ("/client/tableau/wide-name-by-type", test_wide_name_by_type);
  g_test_add_func ("/client/tableau/row-before-fitting", test_row_before_fitting);
  g_test_add_func ("/client/tableau/fit-types", test_fit_types);
  g_test_add_func ("/client/tableau/time-cost", test_time_cost);
  return g_test_run ();
}
