/* Flink's TableauStyle in C: column widths from types or content, right-aligned cells, "..." for
 * overflow, and the border and footer lines, byte for byte what the Java SQL client prints. */
#include "gw-client-tableau.h"

#include <string.h>

#include "gw-client-text.h"

#define ROW_KIND_COLUMN        "op"
#define NULL_VALUE             "<NULL>"
#define COLUMN_TRUNCATED_FLAG  "..."

/* Flink's defaults for a type written without precision (DECIMAL = DECIMAL(10, 0), TIME = TIME(0),
 * TIMESTAMP = TIMESTAMP(6)), used when the logicalType JSON carried none. */
#define DEFAULT_DECIMAL_PRECISION    10
#define DEFAULT_TIME_PRECISION       0
#define DEFAULT_TIMESTAMP_PRECISION  6

struct _GwTableau {
  guint           n_data_columns;       /* the result's columns */
  GwClientColumn *columns;              /* owned: copies of the result's columns */
  guint           n_columns;            /* printed columns: the result's, plus "op" first */
  const char    **names;                /* owned array of borrowed names (columns[] or "op") */
  gsize          *widths;               /* owned: display cells per printed column */
  gboolean        fitted;               /* Flink's columnWidths != null */
  gsize           max_column_width;
  gboolean        print_null_as_empty;
  gboolean        print_row_kind;
};

GwTableau *
gw_tableau_new (const GwClientColumn *columns,
                guint                 n_columns,
                gint                  max_column_width,
                gboolean              print_null_as_empty,
                gboolean              print_row_kind)
{
  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);
  g_return_val_if_fail (max_column_width >= 0, NULL);

  GwTableau *t = g_new0 (GwTableau, 1);
  guint offset = print_row_kind ? 1 : 0;
  t->n_data_columns = n_columns;
  t->columns = g_new0 (GwClientColumn, n_columns);
  t->n_columns = n_columns + offset;
  t->names = g_new0 (const char *, t->n_columns);
  t->widths = g_new0 (gsize, t->n_columns);
  t->max_column_width = (gsize) max_column_width;
  t->print_null_as_empty = print_null_as_empty;
  t->print_row_kind = print_row_kind;

  if (print_row_kind)
    t->names[0] = ROW_KIND_COLUMN;
  for (guint i = 0; i < n_columns; i++) {
    t->columns[i].name = g_strdup (columns[i].name ? columns[i].name : "");
    t->columns[i].type_root = g_strdup (columns[i].type_root);
    t->columns[i].precision = columns[i].precision;
    t->names[i + offset] = t->columns[i].name;
  }
  return t;
}

void
gw_tableau_free (GwTableau *t)
{
  if (t == NULL)
    return;
  for (guint i = 0; i < t->n_data_columns; i++)
    gw_client_column_clear (&t->columns[i]);
  g_free (t->columns);
  g_free (t->names);
  g_free (t->widths);
  g_free (t);
}

/* Flink's rowFieldsToString: the strings one row prints as. Returns an owned array of borrowed
 * strings, NULL if the row does not match the columns. */
static const char **
row_cells (GwTableau *t, const GwClientRow *row)
{
  g_return_val_if_fail (row->n_fields == t->n_data_columns, NULL);

  const char **cells = g_new (const char *, t->n_columns);
  guint offset = t->print_row_kind ? 1 : 0;
  if (t->print_row_kind)
    cells[0] = gw_client_row_kind_short_string (row->kind);
  for (guint i = 0; i < row->n_fields; i++) {
    const char *field = row->fields[i];
    cells[i + offset] = field != NULL ? field : t->print_null_as_empty ? "" : NULL_VALUE;
  }
  return cells;
}

/* columnWidthsByContent starts from the names' String.length(), not their display width. */
static void
fit_name_lengths (GwTableau *t)
{
  for (guint i = 0; i < t->n_columns; i++) {
    gsize len = MIN (gw_client_text_utf16_length (t->names[i]), t->max_column_width);
    t->widths[i] = MAX (t->widths[i], len);
  }
  t->fitted = TRUE;
}

static void
fit_cells (GwTableau *t, const char *const *cells)
{
  for (guint i = 0; i < t->n_columns; i++) {
    gsize width = MIN (gw_client_text_width (cells[i]), t->max_column_width);
    t->widths[i] = MAX (t->widths[i], width);
  }
  t->fitted = TRUE;
}

static gsize
timestamp_width (gint precision)
{
  gsize base = 19;  /* uuuu-MM-dd HH:mm:ss */
  if (precision == 0)
    return base;
  if (precision <= 3)
    return base + 4;
  if (precision <= 6)
    return base + 7;
  return base + 10;
}

static gsize
type_width (const GwClientColumn *column, gsize max_column_width)
{
  const char *root = column->type_root != NULL ? column->type_root : "";
  gint p = column->precision;

  /* The integer widths are the type's digits plus one for the minus sign. */
  if (g_str_equal (root, "TINYINT"))
    return 4;
  if (g_str_equal (root, "SMALLINT"))
    return 6;
  if (g_str_equal (root, "INTEGER"))
    return 11;
  if (g_str_equal (root, "BIGINT"))
    return 20;
  if (g_str_equal (root, "DECIMAL"))  /* sign and decimal point */
    return (gsize) (p >= 0 ? p : DEFAULT_DECIMAL_PRECISION) + 2;
  if (g_str_equal (root, "BOOLEAN"))  /* "false" */
    return 5;
  if (g_str_equal (root, "DATE"))     /* 9999-12-31 */
    return 10;
  if (g_str_equal (root, "TIME_WITHOUT_TIME_ZONE")) {  /* 23:59:59[.999999999] */
    p = p >= 0 ? p : DEFAULT_TIME_PRECISION;
    return p == 0 ? 8 : (gsize) p + 9;
  }
  if (g_str_equal (root, "TIMESTAMP_WITHOUT_TIME_ZONE") ||
      g_str_equal (root, "TIMESTAMP_WITH_LOCAL_TIME_ZONE"))
    return timestamp_width (p >= 0 ? p : DEFAULT_TIMESTAMP_PRECISION);
  return max_column_width;
}

void
gw_tableau_fit_types (GwTableau *t)
{
  g_return_if_fail (t != NULL);

  guint offset = t->print_row_kind ? 1 : 0;
  if (t->print_row_kind)
    t->widths[0] = MAX (t->widths[0], strlen (ROW_KIND_COLUMN));
  for (guint i = 0; i < t->n_data_columns; i++) {
    gsize len = type_width (&t->columns[i], t->max_column_width);
    if (!t->print_null_as_empty)
      len = MAX (len, strlen (NULL_VALUE));
    /* Deliberately not capped: Flink lets a long name or a wide type exceed the maximum. */
    len = MAX (len, gw_client_text_utf16_length (t->columns[i].name));
    t->widths[i + offset] = MAX (t->widths[i + offset], len);
  }
  t->fitted = TRUE;
}

void
gw_tableau_fit_rows (GwTableau *t, GPtrArray *rows)
{
  g_return_if_fail (t != NULL);
  g_return_if_fail (rows != NULL);

  /* TableauStyle.print measures the names as one more content row, so by display width. */
  fit_name_lengths (t);
  fit_cells (t, t->names);
  for (guint r = 0; r < rows->len; r++) {
    g_autofree const char **cells = row_cells (t, g_ptr_array_index (rows, r));
    if (cells != NULL)
      fit_cells (t, cells);
  }
}

gsize
gw_tableau_get_column_width (GwTableau *t, guint column)
{
  g_return_val_if_fail (t != NULL, 0);
  g_return_val_if_fail (column < t->n_columns, 0);

  return t->widths[column];
}

void
gw_tableau_print_border (GwTableau *t, FILE *out)
{
  g_return_if_fail (t != NULL);
  g_return_if_fail (t->fitted);
  g_return_if_fail (out != NULL);

  g_autoptr (GString) line = g_string_new ("+");
  for (guint i = 0; i < t->n_columns; i++) {
    for (gsize k = 0; k < t->widths[i] + 1; k++)
      g_string_append_c (line, '-');
    g_string_append (line, "-+");
  }
  g_string_append_c (line, '\n');
  fwrite (line->str, 1, line->len, out);
}

/* Flink's printTableauRow. Every cell is right-aligned, strings too; overflow keeps what fits in
 * width - 3 cells and appends "...". Control characters go out raw, as in the Java client. */
static void
print_cells (GwTableau *t, const char *const *cells, FILE *out)
{
  if (!t->fitted) {
    /* Flink sizes a table whose first output is a bare row from the names and that row. */
    fit_name_lengths (t);
    fit_cells (t, cells);
  }

  g_autoptr (GString) line = g_string_new ("|");
  for (guint i = 0; i < t->n_columns; i++) {
    gsize width = t->widths[i];
    gsize cell_width = gw_client_text_width (cells[i]);
    g_string_append_c (line, ' ');
    if (cell_width <= width) {
      for (gsize k = cell_width; k < width; k++)
        g_string_append_c (line, ' ');
      g_string_append (line, cells[i]);
    } else {
      /* Flink's target goes negative below 3 cells, which keeps nothing, like 0 does. */
      gsize target = width > strlen (COLUMN_TRUNCATED_FLAG) ? width - strlen (COLUMN_TRUNCATED_FLAG) : 0;
      g_autofree gchar *kept = gw_client_text_truncate (cells[i], target);
      g_string_append (line, kept);
      g_string_append (line, COLUMN_TRUNCATED_FLAG);
    }
    g_string_append (line, " |");
  }
  g_string_append_c (line, '\n');
  fwrite (line->str, 1, line->len, out);
}

void
gw_tableau_print_header (GwTableau *t, FILE *out)
{
  g_return_if_fail (t != NULL);
  g_return_if_fail (out != NULL);

  print_cells (t, t->names, out);
}

void
gw_tableau_print_row (GwTableau *t, const GwClientRow *row, FILE *out)
{
  g_return_if_fail (t != NULL);
  g_return_if_fail (row != NULL);
  g_return_if_fail (out != NULL);

  g_autofree const char **cells = row_cells (t, row);
  if (cells != NULL)
    print_cells (t, cells, out);
}

void
gw_tableau_print_all (GwTableau  *t,
                      GPtrArray  *rows,
                      const char *row_count_suffix,
                      FILE       *out)
{
  g_return_if_fail (t != NULL);
  g_return_if_fail (rows != NULL);
  g_return_if_fail (out != NULL);

  /* Flink prints no time cost after "Empty set". */
  if (rows->len == 0) {
    fputs ("Empty set\n", out);
    return;
  }
  if (!t->fitted)
    gw_tableau_fit_rows (t, rows);

  gw_tableau_print_border (t, out);
  gw_tableau_print_header (t, out);
  gw_tableau_print_border (t, out);
  for (guint r = 0; r < rows->len; r++)
    gw_tableau_print_row (t, g_ptr_array_index (rows, r), out);
  gw_tableau_print_border (t, out);
  fprintf (out, "%u %s in set%s\n", rows->len, rows->len > 1 ? "rows" : "row",
           row_count_suffix != NULL ? row_count_suffix : "");
}

gchar *
gw_tableau_format_time_cost (gint64 elapsed_us)
{
  /* Flink formats (stop - start) / 1000d from millisecond clocks with String.format("%.2f"), which
   * rounds the decimal value half up (0.125 -> "0.13"); C's printf would round the binary double
   * and print "0.12". So round milliseconds to centiseconds in integers. A clock that went
   * backwards prints 0.00 rather than Java's negative time. */
  gint64 ms = MAX (elapsed_us, 0) / 1000;
  gint64 centis = (ms + 5) / 10;
  return g_strdup_printf (" (%" G_GINT64_FORMAT ".%02d seconds)", centis / 100, (int) (centis % 100));
}
