/* STUB (replaced by the parser): every statement is passed to the engine. */
#include "gw-flink-statement.h"
#include "gw-error.h"

GwFlinkStatement *
gw_flink_statement_parse (const char *sql, GError **error)
{
  GwFlinkStatement *s = g_new0 (GwFlinkStatement, 1);
  s->kind = GW_FLINK_PASSTHROUGH;
  s->text = g_strdup (sql);
  return s;
}

void
gw_flink_statement_free (GwFlinkStatement *s)
{
  if (s == NULL)
    return;
  g_free (s->text);
  g_free (s);
}

gboolean gw_flink_statement_is_strict (const char *sql) { return FALSE; }
gboolean gw_flink_statement_is_dml (const GwFlinkStatement *s) { return FALSE; }
gchar *gw_flink_name_to_string (const GwFlinkName *name) { return g_strdup (""); }
void gw_flink_name_clear (GwFlinkName *name) {}
void gw_flink_options_clear (GwFlinkOptions *options) {}
const char *gw_flink_options_lookup (const GwFlinkOptions *options, const char *key) { return NULL; }
gchar *gw_flink_create_table_to_sql (const GwFlinkCreateTable *t, const GwFlinkName *n) { return g_strdup (""); }
gchar *gw_flink_create_view_to_sql (const GwFlinkCreateView *v, const GwFlinkName *n) { return g_strdup (""); }
gchar *gw_flink_sql_to_engine (const char *sql) { return g_strdup (sql); }
