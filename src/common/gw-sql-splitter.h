/* Splits SQL script text into statements at ';' (Flink SQL and DuckDB lexical rules), fed a line
 * at a time by the SQL client or all at once for a script; EXECUTE STATEMENT SET blocks stay whole. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GwSqlSplitter GwSqlSplitter;

GwSqlSplitter *gw_sql_splitter_new (void);
void           gw_sql_splitter_free (GwSqlSplitter *splitter);
/* Appends text (typically one input line plus "\n"). Scanning state carries across calls, and
 * only the new bytes are scanned. */
void           gw_sql_splitter_feed (GwSqlSplitter *splitter, const char *text);
/* The next complete statement, or NULL when none is complete yet. The text is as typed (inner
 * newlines and comments kept, trailing comments before the ';' too) without its terminating ';',
 * surrounding whitespace and leading comments. Empty statements are skipped. */
gchar         *gw_sql_splitter_next (GwSqlSplitter *splitter);
/* TRUE when text after the complete statements is more than whitespace and comments, i.e. an
 * incomplete statement; also TRUE inside an unterminated block comment, so that a CLI keeps
 * showing its continuation prompt. */
gboolean       gw_sql_splitter_has_pending (GwSqlSplitter *splitter);
/* TRUE while the incomplete statement is an EXECUTE STATEMENT SET BEGIN ... END block whose END;
 * has not been seen (a CLI may show a different continuation prompt). */
gboolean       gw_sql_splitter_in_block (GwSqlSplitter *splitter);
/* The incomplete rest (trimmed, leading comments dropped), NULL when has_pending() is FALSE; it
 * is cleared either way. Call it at the end of a script file, after next() returned NULL. */
gchar         *gw_sql_splitter_take_pending (GwSqlSplitter *splitter);
/* Drops everything: buffered text, complete statements not yet taken, scanner state. */
void           gw_sql_splitter_reset (GwSqlSplitter *splitter);

/* One-shot for a whole script: every complete statement, then the incomplete rest if any as the
 * last element. Returns a GPtrArray of owned gchar* (free func set). */
GPtrArray     *gw_sql_split_script (const char *script);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwSqlSplitter, gw_sql_splitter_free)

G_END_DECLS
