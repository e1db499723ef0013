/* One statement from the SQL client's point of view: client commands, submission, polling, the
 * messages Flink's Printer prints for each kind of result, closing and config refresh. */
#include "gw-client-executor.h"
#include "gw-client-cursor.h"
#include "gw-client-interrupt.h"
#include "gw-client-query.h"
#include "gw-client-status.h"
#include "gw-client-tableau.h"
#include "gw-config.h"

#include <string.h>
#include <unistd.h>

struct _GwClientExecutor {
  GwRestClient *client;  /* borrowed */
  FILE         *out;     /* borrowed */
  GwConfig     *config;  /* owned: the session configuration as the gateway reported it */
};

/* Client commands (Flink CliStrings.SQLCliCommandsDescriptions); never sent to the gateway. */
typedef enum {
  CLIENT_COMMAND_NONE,
  CLIENT_COMMAND_HELP,
  CLIENT_COMMAND_QUIT,
  CLIENT_COMMAND_CLEAR,
} ClientCommand;

static const char help_text[] =
  "The following commands are available:\n"
  "\n"
  "HELP                    Prints the available commands.\n"
  "QUIT/EXIT               Quits the SQL CLI client.\n"
  "CLEAR                   Clears the current terminal.\n"
  "SET                     Sets a session configuration property. Syntax: \"SET '<key>'='<value>';\". "
  "Use \"SET;\" for listing all properties.\n"
  "RESET                   Resets a session configuration property. Syntax: \"RESET '<key>';\". "
  "Use \"RESET;\" for reset all session properties.\n"
  "INSERT INTO             Inserts the results of a SQL SELECT query into a declared table sink.\n"
  "SELECT                  Executes a SQL SELECT query.\n"
  "EXPLAIN                 Describes the execution plan of a query or table with the given name.\n"
  "BEGIN STATEMENT SET     Begins a statement set. Syntax: \"BEGIN STATEMENT SET;\"\n"
  "END                     Ends a statement set. Syntax: \"END;\"\n"
  "SHOW CATALOGS           Show all catalogs.\n"
  "SHOW DATABASES          Show all databases in the current catalog.\n"
  "SHOW TABLES             Show all tables in the current catalog and the current database.\n"
  "SHOW FUNCTIONS          Show all functions.\n"
  "\n"
  "Hint: Make sure that a statement ends with \";\" for finalizing (multi-line) statements.\n"
  "Result modes (SET 'sql-client.execution.result-mode' = ...): TABLE (interactive view), "
  "CHANGELOG, TABLEAU.\n";

GwClientExecutor *
gw_client_executor_new (GwRestClient *client, FILE *out)
{
  GwClientExecutor *executor = g_new0 (GwClientExecutor, 1);
  executor->client = client;
  executor->out = out;
  executor->config = gw_config_new ();
  return executor;
}

void
gw_client_executor_free (GwClientExecutor *executor)
{
  if (executor == NULL)
    return;
  gw_config_unref (executor->config);
  g_free (executor);
}

gboolean
gw_client_executor_refresh_config (GwClientExecutor *executor, GError **error)
{
  g_autoptr (GHashTable) properties = gw_rest_client_get_session_config (executor->client, NULL,
                                                                         error);
  if (properties == NULL)
    return FALSE;
  g_autoptr (GwConfig) config = gw_config_new ();
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, properties);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gw_config_set (config, key, value);
  gw_config_unref (executor->config);
  executor->config = g_steal_pointer (&config);
  return TRUE;
}

const char *
gw_client_executor_get_option (GwClientExecutor *executor, const char *key)
{
  return gw_config_get_string (executor->config, key);
}

gboolean
gw_client_executor_get_bool (GwClientExecutor *executor, const char *key)
{
  return gw_config_get_bool (executor->config, key);
}

gint64
gw_client_executor_get_int (GwClientExecutor *executor, const char *key)
{
  const GwOptionSpec *spec = gw_option_lookup (key);
  if (spec != NULL && spec->type == GW_OPTION_DURATION)
    return gw_config_get_duration_ms (executor->config, key);
  return gw_config_get_int (executor->config, key);
}

void
gw_client_print_info (FILE *out, const char *message)
{
  fprintf (out, "[INFO] %s\n", message);
  fflush (out);
}

void
gw_client_executor_print_error (GwClientExecutor *executor, const GError *error)
{
  const char *detail = NULL;
  if (error->domain == GW_CLIENT_ERROR && error->code == GW_CLIENT_ERROR_SERVER &&
      gw_client_executor_get_bool (executor, "sql-client.verbose"))
    detail = gw_rest_client_get_last_error_detail (executor->client);
  fprintf (executor->out, "[ERROR] Could not execute SQL statement. Reason:\n%s\n",
           detail ? detail : error->message);
  fflush (executor->out);
}

static ClientCommand
parse_client_command (const char *statement)
{
  g_auto (GStrv) words = g_strsplit_set (statement, " \t\r\n", -1);
  const char *word = NULL;
  for (guint i = 0; words[i]; i++) {
    if (*words[i] == '\0')
      continue;
    if (word != NULL)
      return CLIENT_COMMAND_NONE;  /* client commands are one word */
    word = words[i];
  }
  if (word == NULL)
    return CLIENT_COMMAND_NONE;
  if (g_ascii_strcasecmp (word, "HELP") == 0)
    return CLIENT_COMMAND_HELP;
  if (g_ascii_strcasecmp (word, "QUIT") == 0 || g_ascii_strcasecmp (word, "EXIT") == 0)
    return CLIENT_COMMAND_QUIT;
  if (g_ascii_strcasecmp (word, "CLEAR") == 0)
    return CLIENT_COMMAND_CLEAR;
  return CLIENT_COMMAND_NONE;
}

static void
clear_terminal (FILE *out)
{
  if (isatty (fileno (out))) {
    fputs ("\033[H\033[2J", out);
  } else {
    for (int i = 0; i < 200; i++)  /* Flink's plain-terminal fallback */
      fputc ('\n', out);
  }
  fflush (out);
}

static void
keep_rows (gpointer data, GPtrArray *rows)
{
  gw_client_rows_move (rows, data);
}

/* Every page of a non-query result, for the SHOW/SET/DESCRIBE style tables. */
static gboolean
collect_rows (GwClientExecutor *executor, GwRestPage *first, GCancellable *cancellable,
              GPtrArray *rows, GError **error)
{
  GwClientCursor cursor;
  gw_client_cursor_init (&cursor, executor->client, cancellable, first);
  gboolean interrupted = FALSE;
  gboolean ok = gw_client_cursor_drain (
    &cursor, gw_client_executor_get_int (executor, "sql-client.result.fetch-interval"), keep_rows,
    rows, &interrupted, error);
  gw_client_cursor_clear (&cursor);
  if (ok && interrupted) {
    g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_CANCELLED, "Interrupted.");
    return FALSE;
  }
  return ok;
}

/* Polls the first result page while the gateway answers NOT_READY. */
static GwRestPage *
await_first_page (GwClientExecutor *executor, const char *operation, GCancellable *cancellable,
                  GError **error)
{
  g_autofree gchar *uri = gw_rest_client_first_result_uri (executor->client, operation);
  /* Short statements answer within milliseconds: start polling at 5 ms and double up to the
   * configured interval, so the interval bounds the wait without adding it to every statement. */
  gint64 interval = gw_client_executor_get_int (executor, "sql-client.result.fetch-interval");
  gint64 wait_ms = MIN (5, MAX (interval, 1));
  for (;;) {
    g_autoptr (GwRestPage) page = gw_rest_client_fetch (executor->client, uri, cancellable, error);
    if (page == NULL)
      return NULL;
    if (page->result_type != GW_REST_RESULT_NOT_READY)
      return g_steal_pointer (&page);
    if (page->next_uri != NULL) {
      g_free (uri);
      uri = g_strdup (page->next_uri);
    }
    if (gw_client_interrupt_wait ((guint) wait_ms)) {
      g_set_error_literal (error, GW_CLIENT_ERROR, GW_CLIENT_ERROR_CANCELLED, "Interrupted.");
      return NULL;
    }
    wait_ms = MIN (wait_ms * 2, MAX (interval, 1));
  }
}

/* Printer.ClientResultPrinter for everything but queries. */
static gboolean
print_statement_result (GwClientExecutor *executor, GwRestPage *first, GCancellable *cancellable,
                        GError **error)
{
  FILE *out = executor->out;
  if (first->job_id != NULL) {
    if (gw_client_executor_get_bool (executor, "table.dml-sync")) {
      gw_client_print_info (out, "Complete execution of the SQL update statement.");
    } else {
      gw_client_print_info (out, "Submitting SQL update statement to the cluster...");
      gw_client_print_info (out, "SQL update statement has been successfully submitted to the cluster:");
      fprintf (out, "Job ID: %s\n\n", first->job_id);
      fflush (out);
    }
    return TRUE;
  }
  if (first->result_kind_success) {
    gw_client_print_info (out, "Execute statement succeeded.");
    return TRUE;
  }
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_client_row_free);
  if (!collect_rows (executor, first, cancellable, rows, error))
    return FALSE;
  gw_client_status_stop ();
  g_autoptr (GwTableau) tableau = gw_tableau_new ((GwClientColumn *) first->columns->data,
                                                  first->columns->len, G_MAXINT, TRUE, FALSE);
  gw_tableau_print_all (tableau, rows, NULL, out);
  fflush (out);
  return TRUE;
}

static GwClientOutcome
failure (GwClientExecutor *executor, const GError *error)
{
  gw_client_status_stop ();
  if (error->domain == GW_CLIENT_ERROR && error->code == GW_CLIENT_ERROR_CANCELLED) {
    gw_client_print_info (executor->out, "Statement interrupted; its operation was closed.");
    return GW_CLIENT_OUTCOME_FAILED;
  }
  gw_client_executor_print_error (executor, error);
  if (error->domain == GW_CLIENT_ERROR && error->code == GW_CLIENT_ERROR_CONNECT)
    return GW_CLIENT_OUTCOME_GATEWAY_LOST;
  return GW_CLIENT_OUTCOME_FAILED;
}

static GwClientOutcome
run_initialization (GwClientExecutor *executor, const char *statement)
{
  g_autoptr (GError) error = NULL;
  GCancellable *cancellable = gw_client_interrupt_begin ();
  gboolean ok = gw_rest_client_configure_session (executor->client, statement, cancellable, &error);
  gw_client_interrupt_end ();
  if (!ok)
    return failure (executor, error);
  gw_client_executor_refresh_config (executor, NULL);
  return GW_CLIENT_OUTCOME_OK;
}

GwClientOutcome
gw_client_executor_run (GwClientExecutor *executor, const char *statement, GwClientMode mode)
{
  switch (parse_client_command (statement)) {
  case CLIENT_COMMAND_HELP:
    fputs (help_text, executor->out);
    fflush (executor->out);
    return GW_CLIENT_OUTCOME_OK;
  case CLIENT_COMMAND_QUIT:
    gw_client_print_info (executor->out, "Exiting Flink SQL CLI Client...");
    return GW_CLIENT_OUTCOME_QUIT;
  case CLIENT_COMMAND_CLEAR:
    clear_terminal (executor->out);
    return GW_CLIENT_OUTCOME_OK;
  case CLIENT_COMMAND_NONE:
    break;
  }
  if (mode == GW_CLIENT_MODE_INITIALIZATION)
    return run_initialization (executor, statement);

  gint64 started_us = g_get_monotonic_time ();
  GCancellable *cancellable = gw_client_interrupt_begin ();
  gw_client_status_start (isatty (fileno (executor->out)));
  g_autoptr (GError) error = NULL;
  GwClientOutcome outcome = GW_CLIENT_OUTCOME_OK;
  g_autofree gchar *operation = gw_rest_client_execute_statement (executor->client, statement,
                                                                  cancellable, &error);
  if (operation == NULL) {
    outcome = failure (executor, error);
    gw_client_interrupt_end ();
    return outcome;
  }
  g_autoptr (GwRestPage) first = await_first_page (executor, operation, cancellable, &error);
  gboolean ok = first != NULL;
  if (ok && first->is_query_result)
    ok = gw_client_query_show (executor, executor->client, executor->out, operation, first,
                               cancellable, started_us, mode, &error);
  else if (ok)
    ok = print_statement_result (executor, first, cancellable, &error);
  gw_client_status_stop ();
  gw_client_interrupt_end ();

  /* Close whatever happened: it cancels a running statement and frees the result (Flink closes
   * the operation after printing and on interrupt). */
  g_autoptr (GError) close_error = NULL;
  gboolean closed = gw_rest_client_close_operation (executor->client, operation, &close_error);
  if (!ok)
    outcome = failure (executor, error);
  else if (!closed && close_error->code == GW_CLIENT_ERROR_CONNECT)
    outcome = failure (executor, close_error);
  if (outcome != GW_CLIENT_OUTCOME_GATEWAY_LOST) {
    g_autoptr (GError) refresh_error = NULL;
    if (!gw_client_executor_refresh_config (executor, &refresh_error) &&
        refresh_error->code == GW_CLIENT_ERROR_CONNECT)
      outcome = failure (executor, refresh_error);
  }
  return outcome;
}
