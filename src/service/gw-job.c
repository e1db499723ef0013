/* GwJob and GwJobRegistry: DML jobs with Flink's job identity (id, name, status, start time).
 * The registry keeps every running job and the last max_history ended ones. */
#include "gw-job.h"
#include "gw-error.h"
#include "gw-handle.h"

#include <string.h>

struct _GwJob {
  gint           ref_count;
  gchar         *id;
  gchar         *name;
  gint64         start_us;      /* wall clock */
  GCancellable  *cancellable;   /* owned */
  GwJobRegistry *registry;      /* borrowed: valid until gw_job_finish() (the registry waits for
                                 * running jobs, not for their last references) */
  gint           status;        /* GwJobStatus, atomic: read after the registry may be gone */
};

struct _GwJobRegistry {
  GMutex     lock;
  GCond      ended;     /* signalled when a job ends */
  GQueue     jobs;      /* GwJob* refs, oldest first */
  guint      n_running;
  guint      max_history;
};

static const char *const status_names[] = {
  [GW_JOB_RUNNING] = "RUNNING",
  [GW_JOB_FINISHED] = "FINISHED",
  [GW_JOB_FAILED] = "FAILED",
  [GW_JOB_CANCELED] = "CANCELED",
};

const char *
gw_job_status_name (GwJobStatus status)
{
  return (guint) status < G_N_ELEMENTS (status_names) ? status_names[status] : "UNKNOWN";
}

GwJobRegistry *
gw_job_registry_new (guint max_history)
{
  GwJobRegistry *registry = g_new0 (GwJobRegistry, 1);
  g_mutex_init (&registry->lock);
  g_cond_init (&registry->ended);
  g_queue_init (&registry->jobs);
  registry->max_history = max_history;
  return registry;
}

void
gw_job_registry_free (GwJobRegistry *registry)
{
  if (registry == NULL)
    return;
  g_mutex_lock (&registry->lock);
  for (GList *l = registry->jobs.head; l != NULL; l = l->next) {
    GwJob *job = l->data;
    if (job->status == GW_JOB_RUNNING)
      g_cancellable_cancel (job->cancellable);
  }
  while (registry->n_running > 0)
    g_cond_wait (&registry->ended, &registry->lock);
  g_mutex_unlock (&registry->lock);
  g_queue_clear_full (&registry->jobs, (GDestroyNotify) gw_job_unref);
  g_mutex_clear (&registry->lock);
  g_cond_clear (&registry->ended);
  g_free (registry);
}

/* Caller holds the lock: forgets the oldest ended jobs beyond max_history. */
static void
trim_history (GwJobRegistry *registry)
{
  guint ended = registry->jobs.length - registry->n_running;
  for (GList *l = registry->jobs.head; l != NULL && ended > registry->max_history;) {
    GList *next = l->next;
    GwJob *job = l->data;
    if (job->status != GW_JOB_RUNNING) {
      g_queue_delete_link (&registry->jobs, l);
      gw_job_unref (job);
      ended--;
    }
    l = next;
  }
}

GwJob *
gw_job_registry_start (GwJobRegistry *registry, const char *name)
{
  GwJob *job = g_new0 (GwJob, 1);
  job->ref_count = 1;
  job->id = gw_job_id_generate ();
  job->name = g_strdup (name);
  job->start_us = g_get_real_time ();
  job->cancellable = g_cancellable_new ();
  job->registry = registry;
  job->status = GW_JOB_RUNNING;
  g_mutex_lock (&registry->lock);
  g_queue_push_tail (&registry->jobs, gw_job_ref (job));
  registry->n_running++;
  g_mutex_unlock (&registry->lock);
  return job;
}

/* Caller holds the lock. */
static GwJob *
lookup_locked (GwJobRegistry *registry, const char *id)
{
  for (GList *l = registry->jobs.head; l != NULL; l = l->next) {
    GwJob *job = l->data;
    if (g_ascii_strcasecmp (job->id, id) == 0)
      return job;
  }
  return NULL;
}

GwJob *
gw_job_registry_lookup (GwJobRegistry *registry, const char *id)
{
  g_mutex_lock (&registry->lock);
  GwJob *job = lookup_locked (registry, id);
  if (job != NULL)
    gw_job_ref (job);
  g_mutex_unlock (&registry->lock);
  return job;
}

static GwLogicalType *
string_type (void)
{
  return gw_logical_type_new_with_length (GW_TYPE_VARCHAR, TRUE, GW_TYPE_MAX_LENGTH);
}

static void
append_text (GwColumn *column, const char *text)
{
  gw_column_append_bytes (column, text, strlen (text));
}

GwBatch *
gw_job_registry_describe (GwJobRegistry *registry, const char *id)
{
  g_autoptr (GwResultSchema) schema = gw_result_schema_new ();
  gw_result_schema_add_column (schema, "job id", string_type (), NULL);
  gw_result_schema_add_column (schema, "job name", string_type (), NULL);
  gw_result_schema_add_column (schema, "status", string_type (), NULL);
  gw_result_schema_add_column (schema, "start time",
                               gw_logical_type_new_with_precision (
                                 GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE, TRUE, 3), NULL);
  g_mutex_lock (&registry->lock);
  GwBatch *batch = gw_batch_new (schema, registry->jobs.length);
  for (GList *l = registry->jobs.head; l != NULL; l = l->next) {
    GwJob *job = l->data;
    if (id != NULL && g_ascii_strcasecmp (job->id, id) != 0)
      continue;
    append_text (batch->columns[0], job->id);
    append_text (batch->columns[1], job->name);
    append_text (batch->columns[2], gw_job_status_name (job->status));
    gw_column_append_int64 (batch->columns[3], job->start_us / 1000 * 1000); /* milliseconds */
  }
  g_mutex_unlock (&registry->lock);
  gw_batch_finish (batch);
  return batch;
}

GwJob *
gw_job_ref (GwJob *job)
{
  g_atomic_int_inc (&job->ref_count);
  return job;
}

void
gw_job_unref (GwJob *job)
{
  if (job == NULL || !g_atomic_int_dec_and_test (&job->ref_count))
    return;
  g_object_unref (job->cancellable);
  g_free (job->id);
  g_free (job->name);
  g_free (job);
}

const char *
gw_job_get_id (GwJob *job)
{
  return job->id;
}

GwJobStatus
gw_job_get_status (GwJob *job)
{
  return (GwJobStatus) g_atomic_int_get (&job->status);
}

GCancellable *
gw_job_get_cancellable (GwJob *job)
{
  return job->cancellable;
}

void
gw_job_finish (GwJob *job, const GError *error)
{
  GwJobRegistry *registry = job->registry;
  g_mutex_lock (&registry->lock);
  if (job->status != GW_JOB_RUNNING) {
    g_mutex_unlock (&registry->lock);
    g_critical ("Job %s finished twice", job->id);
    return;
  }
  GwJobStatus status = GW_JOB_FAILED;
  if (error == NULL)
    status = GW_JOB_FINISHED;
  else if (g_cancellable_is_cancelled (job->cancellable) ||
           g_error_matches (error, GW_ERROR, GW_ERROR_CANCELED))
    status = GW_JOB_CANCELED;
  g_atomic_int_set (&job->status, status);
  g_message ("Job %s (%s) %s%s%s", job->id, job->name, gw_job_status_name (status),
             error ? ": " : "", error ? error->message : "");
  registry->n_running--;
  trim_history (registry);
  g_cond_broadcast (&registry->ended);
  /* The last use of the registry: once running jobs are all done it may be freed. */
  job->registry = NULL;
  g_mutex_unlock (&registry->lock);
}

gboolean
gw_job_stop (GwJob *job, GError **error)
{
  GwJobStatus status = gw_job_get_status (job);
  if (status != GW_JOB_RUNNING) {
    g_set_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE,
                 "Job %s is not running: its status is %s.", job->id, gw_job_status_name (status));
    return FALSE;
  }
  g_cancellable_cancel (job->cancellable);
  return TRUE;
}
