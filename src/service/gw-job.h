/* Jobs: the DML a session submits (INSERT, CTAS, statement sets) as Flink's cluster would see
 * them: an id, a name, a status and a start time, listed by SHOW JOBS and stopped by STOP JOB
 * from any session. GwJobRegistry is the service's one list of them. */
#pragma once

#include "gw-batch.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* Flink's JobStatus names, the ones a DuckDB job can reach. */
typedef enum {
  GW_JOB_RUNNING,   /* submitted; its statements run on the session's connection */
  GW_JOB_FINISHED,  /* every statement committed */
  GW_JOB_FAILED,    /* a statement failed: nothing committed */
  GW_JOB_CANCELED,  /* STOP JOB (or the gateway stopping) interrupted it: nothing committed */
} GwJobStatus;

typedef struct _GwJob GwJob;
typedef struct _GwJobRegistry GwJobRegistry;

const char    *gw_job_status_name (GwJobStatus status);

GwJobRegistry *gw_job_registry_new (guint max_history);
/* Cancels the running jobs and waits until they ended. */
void           gw_job_registry_free (GwJobRegistry *registry);

/* A new RUNNING job with a fresh 32-hex id (ref owned by the caller; the registry keeps one). */
GwJob         *gw_job_registry_start (GwJobRegistry *registry, const char *name);
/* New ref, or NULL when no job has that id. */
GwJob         *gw_job_registry_lookup (GwJobRegistry *registry, const char *id);
/* SHOW JOBS / DESCRIBE JOB rows (`job id`, `job name`, `status`, `start time`): every job, or
 * just the one with id (a batch with no rows when it is unknown). */
GwBatch       *gw_job_registry_describe (GwJobRegistry *registry, const char *id);

GwJob         *gw_job_ref (GwJob *job);
void           gw_job_unref (GwJob *job);
const char    *gw_job_get_id (GwJob *job);
GwJobStatus    gw_job_get_status (GwJob *job);
/* Cancelled by STOP JOB: the job's statements are interrupted. Borrowed. */
GCancellable  *gw_job_get_cancellable (GwJob *job);
/* The job ended: FINISHED without error, CANCELED when it was cancelled, FAILED otherwise. */
void           gw_job_finish (GwJob *job, const GError *error);
/* STOP JOB: FALSE with GW_ERROR_ILLEGAL_STATE when the job is no longer running. */
gboolean       gw_job_stop (GwJob *job, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwJob, gw_job_unref)

G_END_DECLS
