/* The SQL client's tableau printer: a byte-exact twin of Flink's TableauStyle (1.17+), the boxed
 * "| +I |  1 | abc |" tables and "N rows in set" footers the Java client prints. */
#pragma once

#include <stdio.h>

#include "gw-client-result.h"

G_BEGIN_DECLS

typedef struct _GwTableau GwTableau;

/* print_null_as_empty: Flink's non-query results (SHOW, SET listing) print NULL as ""; queries
 * print "<NULL>". print_row_kind: an extra first column "op" with +I/-U/+U/-D.
 * max_column_width: table.display.max-column-width (Flink: 30 for queries; G_MAXINT for non-query
 * results, which Flink leaves unbounded). The columns are copied. */
GwTableau *gw_tableau_new (const GwClientColumn *columns,
                           guint                 n_columns,
                           gint                  max_column_width,
                           gboolean              print_null_as_empty,
                           gboolean              print_row_kind);
void       gw_tableau_free (GwTableau *t);

/* Flink's columnWidthsByType, for streaming where rows are not known in advance: widths from the
 * types (TINYINT 4, SMALLINT 6, INTEGER 11, BIGINT 20, DECIMAL p+2, BOOLEAN 5, DATE 10, TIME 8 or
 * p+9, TIMESTAMP/TIMESTAMP_LTZ 19/23/26/29, anything else max_column_width), at least 6 for
 * "<NULL>" unless print_null_as_empty, at least the name's length; "op" is 2. Not capped. */
void       gw_tableau_fit_types (GwTableau *t);

/* Flink's columnWidthsByContent: widen every column to the display width of its name and of these
 * rows' cells, capped at max_column_width. Widths only grow, so it can be called again. */
void       gw_tableau_fit_rows (GwTableau *t, GPtrArray *rows /* GwClientRow* */);

/* The width in display cells of printed column i ("op" is column 0 when print_row_kind); 0 before
 * any fitting. */
gsize      gw_tableau_get_column_width (GwTableau *t, guint column);

/* "+" then "-" * (width + 2) + "+" per column. Needs fitted widths. */
void       gw_tableau_print_border (GwTableau *t, FILE *out);
/* The names row, right-aligned like every cell. */
void       gw_tableau_print_header (GwTableau *t, FILE *out);
/* One "| cell | cell |" line. Unfitted widths are fitted to this row, as Flink does. */
void       gw_tableau_print_row (GwTableau *t, const GwClientRow *row, FILE *out);

/* TableauStyle.print for a fully buffered result: "Empty set" when rows is empty; otherwise
 * fit_rows (unless widths are fitted already), border, header, border, rows, border and
 * "N row(s) in set" + row_count_suffix (" (0.12 seconds)", "" or NULL). */
void       gw_tableau_print_all (GwTableau  *t,
                                 GPtrArray  *rows /* GwClientRow* */,
                                 const char *row_count_suffix,
                                 FILE       *out);

/* Flink's time-cost suffix " (%.2f seconds)", e.g. " (0.13 seconds)" for 125 ms. */
gchar     *gw_tableau_format_time_cost (gint64 elapsed_us);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwTableau, gw_tableau_free)

G_END_DECLS
