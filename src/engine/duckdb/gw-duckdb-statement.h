/* What the DuckDB engine needs to know about a statement's text before DuckDB parses it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Number of non-empty statements separated by top-level semicolons (quotes, dollar quotes and
 * comments respected). DuckDB's own count differs when it expands one statement into several
 * (PIVOT without an IN list first creates its enum types). */
guint  gw_duckdb_statement_count (const char *sql);
/* The first word, upper-cased, after comments, whitespace and opening parentheses; "" if none. */
gchar *gw_duckdb_statement_first_keyword (const char *sql);

G_END_DECLS
