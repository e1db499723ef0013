/* Gateway-level statements: SET/RESET, BEGIN STATEMENT SET / END, jars and jobs, answered from
 * the session and the job registry with Flink's result schemas and messages. */
#include "gw-statement.h"
#include "gw-config.h"
#include "gw-error.h"
#include "gw-statement-results.h"

#include <string.h>

#define STATEMENT_SET_MESSAGE                                                                   \
  "Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' statement " \
  "to submit Statement Set."

gboolean
gw_gateway_statement_handles (GwFlinkStatementKind kind)
{
  switch (kind) {
  case GW_FLINK_SET:
  case GW_FLINK_SET_LIST:
  case GW_FLINK_SET_SHOW:
  case GW_FLINK_RESET:
  case GW_FLINK_RESET_ALL:
  case GW_FLINK_BEGIN_STATEMENT_SET:
  case GW_FLINK_END:
  case GW_FLINK_ADD_JAR:
  case GW_FLINK_REMOVE_JAR:
  case GW_FLINK_SHOW_JARS:
  case GW_FLINK_SHOW_JOBS:
  case GW_FLINK_DESCRIBE_JOB:
  case GW_FLINK_STOP_JOB:
    return TRUE;
  default:
    return FALSE;
  }
}

void
gw_statement_set_refuse (GError **error)
{
  g_set_error_literal (error, GW_ERROR, GW_ERROR_SQL_EXECUTION, STATEMENT_SET_MESSAGE);
}

/* Flink validates a SET by building an environment with it; known options must parse. */
static gboolean
set_config (GwSession *session, const char *raw_key, const char *raw_value, GError **error)
{
  /* Flink stores the key and the value trimmed. */
  g_autofree gchar *key = g_strstrip (g_strdup (raw_key));
  g_autofree gchar *value = g_strstrip (g_strdup (raw_value));
  if (g_strcmp0 (key, "table.sql-dialect") == 0 && g_ascii_strcasecmp (value, "default") != 0 &&
      g_ascii_strcasecmp (value, "hive") != 0) {
    /* What Flink's SqlDialect.valueOf() answers. */
    g_autofree gchar *upper = g_ascii_strup (value, -1);
    g_set_error (error, GW_ERROR, GW_ERROR_ILLEGAL_ARGUMENT,
                 "No enum constant org.apache.flink.table.api.SqlDialect.%s", upper);
    return FALSE;
  }
  if (gw_option_lookup (key) != NULL) {
    g_autoptr (GwConfig) probe = gw_config_new ();
    g_autoptr (GError) invalid = NULL;
    gw_config_set (probe, key, value);
    if (!gw_config_validate (probe, &invalid)) {
      g_set_error (error, GW_ERROR, GW_ERROR_ILLEGAL_ARGUMENT,
                   "Failed to set key %s with value %s. %s", key, value, invalid->message);
      return FALSE;
    }
  }
  return gw_session_set_config (session, key, value, error);
}

static GwLogicalType *
string_type (void)
{
  return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
}

/* One STRING column `name` with rows. */
static GwResultFetcher *
string_list (const char *name, const char *const *rows)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, name, string_type (), NULL);
  GwBatch *batch = gw_batch_new (schema, rows ? g_strv_length ((GStrv) rows) : 0);
  for (guint i = 0; rows != NULL && rows[i] != NULL; i++)
    gw_column_append_bytes (batch->columns[0], rows[i], strlen (rows[i]));
  gw_batch_finish (batch);
  return gw_result_fetcher_new_materialized (schema, batch);
}

static GwResultFetcher *
jobs_result (GwSession *session, const char *id, GError **error)
{
  g_autoptr (GwBatch) rows = gw_job_registry_describe (gw_session_get_jobs (session), id);
  if (id != NULL && rows->n_rows == 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL_EXECUTION,
                 "Described job %s does not exist in the cluster.", id);
    return NULL;
  }
  return gw_result_fetcher_new_materialized (rows->schema, gw_batch_ref (rows));
}

static gboolean
stop_job (GwSession *session, const GwFlinkStatement *st, GError **error)
{
  if (st->with_savepoint) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_UNSUPPORTED,
                         "STOP JOB WITH SAVEPOINT is not supported: DuckDB jobs keep no state "
                         "to save.");
    return FALSE;
  }
  g_autoptr (GwJob) job = gw_job_registry_lookup (gw_session_get_jobs (session), st->value);
  if (job == NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_JOB_NOT_FOUND, "Could not find Flink job (%s)",
                 st->value);
    return FALSE;
  }
  return gw_job_stop (job, error);
}

GwResultFetcher *
gw_gateway_statement_run (GwSession *session, const GwFlinkStatement *st,
                          GwResultKind *result_kind, GError **error)
{
  *result_kind = GW_RESULT_KIND_SUCCESS;
  GwResultFetcher *content = NULL;
  switch (st->kind) {
  case GW_FLINK_SET:
    return set_config (session, st->key, st->value, error) ? gw_statement_result_ok () : NULL;
  case GW_FLINK_SET_LIST: {
    g_autoptr (GHashTable) config = gw_session_dup_config (session);
    content = gw_statement_result_config (config);
    break;
  }
  case GW_FLINK_SET_SHOW: {
    /* Hive's `SET k`: the one key, no row when it is not set. */
    g_autoptr (GHashTable) config = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    gchar *value = gw_session_dup_config_value (session, st->key);
    if (value != NULL)
      g_hash_table_insert (config, g_strdup (st->key), value);
    content = gw_statement_result_config (config);
    break;
  }
  case GW_FLINK_RESET: {
    g_autofree gchar *key = g_strstrip (g_strdup (st->key));
    gw_session_reset_config (session, key);
    return gw_statement_result_ok ();
  }
  case GW_FLINK_RESET_ALL:
    gw_session_reset_config (session, NULL);
    return gw_statement_result_ok ();
  case GW_FLINK_BEGIN_STATEMENT_SET:
    if (!gw_session_begin_statement_set (session)) {
      gw_statement_set_refuse (error);
      return NULL;
    }
    return gw_statement_result_ok ();
  case GW_FLINK_END:
    g_set_error_literal (error, GW_ERROR, GW_ERROR_SQL_EXECUTION,
                         "No Statement Set to submit. 'END' statement should be used after "
                         "'BEGIN STATEMENT SET'.");
    return NULL;
  case GW_FLINK_ADD_JAR:
    if (!g_str_has_suffix (st->value, ".jar")) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "The registering or unregistering jar resource [%s] must ends with '.jar' "
                   "suffix.", st->value);
      return NULL;
    }
    gw_session_add_jar (session, st->value); /* adding it twice is not an error in Flink */
    return gw_statement_result_ok ();
  case GW_FLINK_REMOVE_JAR:
    if (!gw_session_remove_jar (session, st->value)) {
      g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                   "The jar %s has not been added to the session.", st->value);
      return NULL;
    }
    return gw_statement_result_ok ();
  case GW_FLINK_SHOW_JARS: {
    g_auto (GStrv) jars = gw_session_dup_jars (session);
    content = string_list ("jars", (const char *const *) jars);
    break;
  }
  case GW_FLINK_SHOW_JOBS:
    content = jobs_result (session, NULL, error);
    break;
  case GW_FLINK_DESCRIBE_JOB:
    content = jobs_result (session, st->value, error);
    break;
  case GW_FLINK_STOP_JOB:
    return stop_job (session, st, error) ? gw_statement_result_ok () : NULL;
  default:
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Not a gateway statement: %s", st->text);
    return NULL;
  }
  if (content != NULL)
    *result_kind = GW_RESULT_KIND_SUCCESS_WITH_CONTENT;
  return content;
}

/* A sink name as Flink prints it in job names: catalog.database.table. */
static gchar *
full_name (const GwFlinkName *name, const char *catalog, const char *database)
{
  switch (name->n_parts) {
  case 1:
    return g_strdup_printf ("%s.%s.%s", catalog, database, name->parts[0]);
  case 2:
    return g_strdup_printf ("%s.%s.%s", catalog, name->parts[0], name->parts[1]);
  default:
    return g_strdup_printf ("%s.%s.%s", name->parts[0], name->parts[1], name->parts[2]);
  }
}

gchar *
gw_job_name_for (GwSession *session, const char *const *statements)
{
  gchar *name = gw_session_dup_config_value (session, "pipeline.name");
  if (name != NULL && *name != '\0')
    return name;
  g_free (name);
  g_autofree gchar *catalog = NULL;
  g_autofree gchar *database = NULL;
  if (!gw_engine_get_current (gw_session_get_connection (session), &catalog, &database, NULL)) {
    catalog = g_strdup ("default_catalog");
    database = g_strdup ("default_database");
  }
  GString *s = g_string_new ("insert-into_");
  gboolean first = TRUE;
  for (guint i = 0; statements[i] != NULL; i++) {
    g_autoptr (GwFlinkStatement) st = gw_flink_statement_parse (statements[i], NULL);
    const GwFlinkName *target = NULL;
    if (st != NULL && st->kind == GW_FLINK_INSERT)
      target = &st->insert->target;
    else if (st != NULL && st->kind == GW_FLINK_CREATE_TABLE_AS)
      target = &st->create_table->name;
    if (target == NULL || target->n_parts == 0)
      continue;
    g_autofree gchar *sink = full_name (target, catalog, database);
    g_string_append_printf (s, "%s%s", first ? "" : ",", sink);
    first = FALSE;
  }
  return g_string_free (s, FALSE);
}

gboolean
gw_statement_is_configuring (const char *statement)
{
  static const char *const leading[] = { "SET", "RESET", "CREATE", "DROP", "ALTER", "USE",
                                         "LOAD", "UNLOAD", "ADD" };
  const char *p = statement;
  /* Skip blanks and comments before the first word. */
  for (;;) {
    while (g_ascii_isspace (*p))
      p++;
    if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n')
        p++;
    } else if (p[0] == '/' && p[1] == '*') {
      const char *end = strstr (p + 2, "*/");
      p = end ? end + 2 : p + strlen (p);
    } else {
      break;
    }
  }
  for (guint i = 0; i < G_N_ELEMENTS (leading); i++) {
    gsize n = strlen (leading[i]);
    if (g_ascii_strncasecmp (p, leading[i], n) == 0 && !g_ascii_isalnum (p[n]) && p[n] != '_')
      return TRUE;
  }
  return FALSE;
}
