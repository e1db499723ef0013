/* The job registry: ids, statuses, SHOW JOBS rows, STOP JOB and the ended-job history bound. */
#include "gw-error.h"
#include "gw-job.h"

#include <string.h>

static gchar *
cell (GwBatch *batch, guint column, guint row)
{
  gsize len;
  const char *text = gw_column_get_bytes (batch->columns[column], row, &len);
  return g_strndup (text, len);
}

static void
test_lifecycle (void)
{
  GwJobRegistry *registry = gw_job_registry_new (10);
  g_autoptr (GwJob) ok = gw_job_registry_start (registry, "insert-into_a");
  g_autoptr (GwJob) failing = gw_job_registry_start (registry, "insert-into_b");
  g_autoptr (GwJob) stopped = gw_job_registry_start (registry, "insert-into_c");
  g_assert_cmpuint (strlen (gw_job_get_id (ok)), ==, 32);
  g_assert_cmpstr (gw_job_get_id (ok), !=, gw_job_get_id (failing));

  gw_job_finish (ok, NULL);
  g_autoptr (GError) failure = g_error_new_literal (GW_ERROR, GW_ERROR_SQL, "boom");
  gw_job_finish (failing, failure);
  g_autoptr (GError) stop_error = NULL;
  g_assert_true (gw_job_stop (stopped, &stop_error));
  g_assert_true (g_cancellable_is_cancelled (gw_job_get_cancellable (stopped)));
  g_autoptr (GError) canceled = g_error_new_literal (GW_ERROR, GW_ERROR_CANCELED, "canceled");
  gw_job_finish (stopped, canceled);

  g_assert_cmpint (gw_job_get_status (ok), ==, GW_JOB_FINISHED);
  g_assert_cmpint (gw_job_get_status (failing), ==, GW_JOB_FAILED);
  g_assert_cmpint (gw_job_get_status (stopped), ==, GW_JOB_CANCELED);
  /* Stopping an ended job is an error. */
  g_assert_false (gw_job_stop (ok, &stop_error));
  g_assert_error (stop_error, GW_ERROR, GW_ERROR_ILLEGAL_STATE);

  g_autoptr (GwBatch) all = gw_job_registry_describe (registry, NULL);
  g_assert_cmpuint (all->n_rows, ==, 3);
  g_assert_cmpstr (gw_result_schema_get_name (all->schema, 0), ==, "job id");
  g_assert_cmpstr (gw_result_schema_get_name (all->schema, 1), ==, "job name");
  g_assert_cmpstr (gw_result_schema_get_name (all->schema, 2), ==, "status");
  g_assert_cmpstr (gw_result_schema_get_name (all->schema, 3), ==, "start time");
  g_autofree gchar *status = cell (all, 2, 1);
  g_assert_cmpstr (status, ==, "FAILED");

  g_autoptr (GwBatch) one = gw_job_registry_describe (registry, gw_job_get_id (stopped));
  g_assert_cmpuint (one->n_rows, ==, 1);
  g_autofree gchar *name = cell (one, 1, 0);
  g_assert_cmpstr (name, ==, "insert-into_c");
  g_autoptr (GwBatch) none = gw_job_registry_describe (registry, "0123");
  g_assert_cmpuint (none->n_rows, ==, 0);
  gw_job_registry_free (registry);
}

static void
test_history_bound (void)
{
  GwJobRegistry *registry = gw_job_registry_new (2);
  g_autoptr (GwJob) running = gw_job_registry_start (registry, "running");
  for (int i = 0; i < 5; i++) {
    g_autoptr (GwJob) job = gw_job_registry_start (registry, "ended");
    gw_job_finish (job, NULL);
  }
  /* Two ended jobs kept, the running one always. */
  g_autoptr (GwBatch) all = gw_job_registry_describe (registry, NULL);
  g_assert_cmpuint (all->n_rows, ==, 3);
  g_autoptr (GwJob) found = gw_job_registry_lookup (registry, gw_job_get_id (running));
  g_assert_true (found == running);
  gw_job_finish (running, NULL);
  gw_job_registry_free (registry);
}

static gpointer
finish_when_cancelled (gpointer data)
{
  GwJob *job = data;
  GMainContext *context = g_main_context_new ();
  /* Wait for the registry's cancel, as a job's engine statement would be interrupted. */
  GSource *source = g_cancellable_source_new (gw_job_get_cancellable (job));
  g_source_attach (source, context);
  while (!g_cancellable_is_cancelled (gw_job_get_cancellable (job)))
    g_main_context_iteration (context, TRUE);
  g_source_destroy (source);
  g_source_unref (source);
  g_main_context_unref (context);
  g_autoptr (GError) canceled = g_error_new_literal (GW_ERROR, GW_ERROR_CANCELED, "canceled");
  gw_job_finish (job, canceled);
  return NULL;
}

static void
test_free_stops_running_jobs (void)
{
  GwJobRegistry *registry = gw_job_registry_new (10);
  g_autoptr (GwJob) job = gw_job_registry_start (registry, "long");
  GThread *thread = g_thread_new ("job", finish_when_cancelled, job);
  gw_job_registry_free (registry); /* cancels, then waits for the job to end */
  g_thread_join (thread);
  g_assert_true (g_cancellable_is_cancelled (gw_job_get_cancellable (job)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/service/job/lifecycle", test_lifecycle);
  g_test_add_func ("/service/job/history-bound", test_history_bound);
  g_test_add_func ("/service/job/free-stops-running", test_free_stops_running_jobs);
  return g_test_run ();
}
