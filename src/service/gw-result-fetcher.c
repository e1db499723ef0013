/* Token paging over materialized, streaming and spooled results. */
#include "gw-result-fetcher.h"
#include "gw-error.h"
#include "gw-result-spool.h"

typedef enum {
  SOURCE_MATERIALIZED, /* pending holds all remaining rows */
  SOURCE_CURSOR,       /* rows come from a live engine cursor */
  SOURCE_SPOOL,        /* rows come from a spool file */
  SOURCE_EXHAUSTED,    /* nothing more to read */
} SourceKind;

struct _GwResultFetcher {
  gint             ref_count;
  GMutex           lock;
  GwResultSchema  *schema;        /* owned ref */
  SourceKind       source;
  GwBatch         *pending;       /* owned, SOURCE_MATERIALIZED */
  GwEngineCursor  *cursor;        /* owned, SOURCE_CURSOR */
  gboolean         cursor_eos;    /* the cursor said it has no more rows */
  GMutex          *engine_lock;   /* borrowed */
  GwResultSpool   *spool;         /* owned, SOURCE_SPOOL */
  GwFetchLimits    limits;
  gchar           *spool_directory;
  gint64           current_token;
  GwBatch         *previous;      /* owned ref: the page served for current_token - 1 */
  gboolean         eos_sent;
  GwBatch         *materialized;  /* owned ref: all rows of a materialized result, for rewind */
  GwBatch         *row_buffer;    /* owned: a page being handed out by fetch_rows */
  guint            row_offset;    /* rows of row_buffer already handed out */
  guint64          rows_fetched;
  GError          *failure;       /* owned: why the rest of the result was lost, if it was */
};

static GwResultFetcher *
fetcher_alloc (GwResultSchema *schema)
{
  GwResultFetcher *f = g_new0 (GwResultFetcher, 1);
  f->ref_count = 1;
  g_mutex_init (&f->lock);
  f->schema = gw_result_schema_ref (schema);
  return f;
}

GwResultFetcher *
gw_result_fetcher_new_materialized (GwResultSchema *schema, GwBatch *rows)
{
  GwResultFetcher *f = fetcher_alloc (schema);
  f->pending = rows;
  f->materialized = rows ? gw_batch_ref (rows) : NULL;
  f->source = rows != NULL && rows->n_rows > 0 ? SOURCE_MATERIALIZED : SOURCE_EXHAUSTED;
  return f;
}

GwResultFetcher *
gw_result_fetcher_new_cursor (GwEngineCursor *cursor, GMutex *engine_lock,
                              const GwFetchLimits *limits)
{
  GwResultFetcher *f = fetcher_alloc (gw_engine_cursor_get_schema (cursor));
  f->source = SOURCE_CURSOR;
  f->cursor = cursor;
  f->engine_lock = engine_lock;
  f->limits = *limits;
  f->spool_directory = g_strdup (limits->spool_directory);
  f->limits.spool_directory = f->spool_directory;
  return f;
}

GwResultSchema *
gw_result_fetcher_get_schema (GwResultFetcher *f)
{
  return f->schema;
}

static void
close_cursor (GwResultFetcher *f)
{
  g_clear_pointer (&f->cursor, gw_engine_cursor_free);
}

/* Pulls one page from the live cursor; caller holds f->lock and the engine lock. */
static GwBatch *
pull_from_cursor (GwResultFetcher *f, GError **error)
{
  g_autoptr (GwBatch) batch = gw_batch_new (f->schema, MIN (f->limits.page_max_rows, 2048));
  gboolean eos = FALSE;
  if (!gw_engine_cursor_fetch (f->cursor, batch, f->limits.page_max_rows,
                               f->limits.page_max_bytes, &eos, error))
    return NULL;
  if (eos) {
    close_cursor (f);
    f->source = SOURCE_EXHAUSTED;
  }
  return g_steal_pointer (&batch);
}

/* The next page from whatever the source is; NULL without error at the end. Caller holds
 * f->lock (and the engine lock for SOURCE_CURSOR). */
static GwBatch *
pull_page (GwResultFetcher *f, GError **error)
{
  if (f->failure != NULL) {
    g_propagate_error (error, g_error_copy (f->failure));
    return NULL;
  }
  switch (f->source) {
  case SOURCE_MATERIALIZED:
    f->source = SOURCE_EXHAUSTED;
    return g_steal_pointer (&f->pending);
  case SOURCE_CURSOR:
    return pull_from_cursor (f, error);
  case SOURCE_SPOOL: {
    GError *local = NULL;
    GwBatch *batch = gw_result_spool_read (f->spool, &local);
    if (batch == NULL) {
      g_clear_pointer (&f->spool, gw_result_spool_free);
      f->source = SOURCE_EXHAUSTED;
      if (local != NULL) {
        g_propagate_error (error, local);
        return NULL;
      }
    }
    return batch;
  }
  case SOURCE_EXHAUSTED:
    return NULL;
  }
  return NULL;
}

gboolean
gw_result_fetcher_fetch (GwResultFetcher *f, gint64 token, GwBatch **out_batch,
                         gint64 *out_next_token, GError **error)
{
  g_return_val_if_fail (f != NULL && out_batch != NULL && out_next_token != NULL, FALSE);
  *out_batch = NULL;
  *out_next_token = -1;

  /* Lock order is engine lock, then fetcher lock (the same as a statement that spools us). */
  g_mutex_lock (&f->lock);
  gboolean need_engine = f->source == SOURCE_CURSOR && token == f->current_token && !f->eos_sent;
  if (need_engine) {
    g_mutex_unlock (&f->lock);
    g_mutex_lock (f->engine_lock);
    g_mutex_lock (&f->lock);
    if (f->source != SOURCE_CURSOR) { /* spooled meanwhile: the engine is not needed any more */
      g_mutex_unlock (f->engine_lock);
      need_engine = FALSE;
    }
  }

  gboolean ok = TRUE;
  if (token == f->current_token) {
    if (f->eos_sent) {
      /* EOS again: nothing to send. */
    } else {
      GError *local = NULL;
      GwBatch *page = pull_page (f, &local);
      if (local != NULL) {
        g_propagate_error (error, local);
        ok = FALSE;
      } else if (page == NULL || page->n_rows == 0) {
        if (page != NULL && f->source != SOURCE_EXHAUSTED) {
          /* An empty page from a source that is not finished: PAYLOAD with no rows. */
          g_clear_pointer (&f->previous, gw_batch_unref);
          f->previous = gw_batch_ref (page);
          *out_batch = page;
          *out_next_token = ++f->current_token;
        } else {
          g_clear_pointer (&page, gw_batch_unref);
          g_clear_pointer (&f->previous, gw_batch_unref);
          f->eos_sent = TRUE;
        }
      } else {
        g_clear_pointer (&f->previous, gw_batch_unref);
        f->previous = gw_batch_ref (page);
        *out_batch = page;
        *out_next_token = ++f->current_token;
      }
    }
    if (*out_batch != NULL)
      f->rows_fetched += (*out_batch)->n_rows;
  } else if (token >= 0 && token == f->current_token - 1) {
    /* A retry of the previous page (after EOS the previous page was dropped: empty payload). */
    *out_batch = f->previous ? gw_batch_ref (f->previous) : gw_batch_new (f->schema, 0);
    *out_next_token = f->current_token;
  } else if (f->current_token == 0) {
    g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                 "Expecting token to be 0, but found %" G_GINT64_FORMAT ".", token);
    ok = FALSE;
  } else {
    g_set_error (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                 "Expecting token to be %" G_GINT64_FORMAT " or %" G_GINT64_FORMAT
                 ", but found %" G_GINT64_FORMAT ".",
                 f->current_token, f->current_token - 1, token);
    ok = FALSE;
  }

  g_mutex_unlock (&f->lock);
  if (need_engine)
    g_mutex_unlock (f->engine_lock);
  return ok;
}

gboolean
gw_result_fetcher_fetch_rows (GwResultFetcher *f, guint max_rows, GwBatch **out_batch,
                              GError **error)
{
  g_return_val_if_fail (f != NULL && out_batch != NULL && max_rows > 0, FALSE);
  *out_batch = NULL;
  g_mutex_lock (&f->lock);
  gboolean need_engine = f->source == SOURCE_CURSOR &&
                         (f->row_buffer == NULL || f->row_offset >= f->row_buffer->n_rows);
  if (need_engine) {
    g_mutex_unlock (&f->lock);
    g_mutex_lock (f->engine_lock);
    g_mutex_lock (&f->lock);
    if (f->source != SOURCE_CURSOR) {
      g_mutex_unlock (f->engine_lock);
      need_engine = FALSE;
    }
  }
  gboolean ok = TRUE;
  while (f->row_buffer == NULL || f->row_offset >= f->row_buffer->n_rows) {
    g_clear_pointer (&f->row_buffer, gw_batch_unref);
    f->row_offset = 0;
    GError *local = NULL;
    f->row_buffer = pull_page (f, &local);
    if (local != NULL) {
      g_propagate_error (error, local);
      ok = FALSE;
      break;
    }
    if (f->row_buffer == NULL)
      break; /* the end */
    if (f->row_buffer->n_rows == 0 && f->source == SOURCE_EXHAUSTED) {
      g_clear_pointer (&f->row_buffer, gw_batch_unref);
      break;
    }
  }
  if (ok && f->row_buffer != NULL) {
    guint n = MIN (max_rows, f->row_buffer->n_rows - f->row_offset);
    *out_batch = f->row_offset == 0 && n == f->row_buffer->n_rows
                     ? gw_batch_ref (f->row_buffer)
                     : gw_batch_slice (f->row_buffer, f->row_offset, n);
    f->row_offset += n;
    f->rows_fetched += n;
  }
  g_mutex_unlock (&f->lock);
  if (need_engine)
    g_mutex_unlock (f->engine_lock);
  return ok;
}

gboolean
gw_result_fetcher_rewind (GwResultFetcher *f)
{
  g_mutex_lock (&f->lock);
  gboolean ok = TRUE;
  if (f->rows_fetched == 0) {
    /* nothing handed out yet: already at the first row */
  } else if (f->materialized != NULL) {
    g_clear_pointer (&f->row_buffer, gw_batch_unref);
    g_clear_pointer (&f->pending, gw_batch_unref);
    f->pending = gw_batch_ref (f->materialized);
    f->source = SOURCE_MATERIALIZED;
    f->row_offset = 0;
    f->rows_fetched = 0;
    f->current_token = 0;
    f->eos_sent = FALSE;
    g_clear_pointer (&f->previous, gw_batch_unref);
  } else {
    ok = FALSE;
  }
  g_mutex_unlock (&f->lock);
  return ok;
}

guint64
gw_result_fetcher_get_rows_fetched (GwResultFetcher *f)
{
  g_mutex_lock (&f->lock);
  guint64 n = f->rows_fetched;
  g_mutex_unlock (&f->lock);
  return n;
}

gboolean
gw_result_fetcher_spool (GwResultFetcher *f, GError **error)
{
  g_mutex_lock (&f->lock);
  gboolean ok = TRUE;
  if (f->source == SOURCE_CURSOR) {
    GwResultSpool *spool = gw_result_spool_new (f->schema, f->spool_directory, error);
    ok = spool != NULL;
    while (ok && f->source == SOURCE_CURSOR) {
      g_autoptr (GwBatch) page = pull_from_cursor (f, error);
      ok = page != NULL && gw_result_spool_write (spool, page, error);
    }
    ok = ok && gw_result_spool_finish_writing (spool, error);
    close_cursor (f);
    if (ok) {
      f->spool = spool;
      f->source = SOURCE_SPOOL;
    } else {
      /* The rest of the result is lost: say so on every later fetch rather than truncate. */
      g_clear_pointer (&spool, gw_result_spool_free);
      f->source = SOURCE_EXHAUSTED;
      if (error != NULL && *error != NULL)
        f->failure = g_error_copy (*error);
      else
        f->failure = g_error_new_literal (GW_ERROR, GW_ERROR_INTERNAL, "Spooling the result failed");
    }
  }
  g_mutex_unlock (&f->lock);
  return ok;
}

gboolean
gw_result_fetcher_is_streaming (GwResultFetcher *f)
{
  g_mutex_lock (&f->lock);
  gboolean streaming = f->source == SOURCE_CURSOR;
  g_mutex_unlock (&f->lock);
  return streaming;
}

GwResultFetcher *
gw_result_fetcher_ref (GwResultFetcher *f)
{
  g_atomic_int_inc (&f->ref_count);
  return f;
}

void
gw_result_fetcher_unref (GwResultFetcher *f)
{
  if (f == NULL || !g_atomic_int_dec_and_test (&f->ref_count))
    return;
  if (f->cursor != NULL) {
    g_mutex_lock (f->engine_lock);
    close_cursor (f);
    g_mutex_unlock (f->engine_lock);
  }
  g_clear_pointer (&f->pending, gw_batch_unref);
  g_clear_pointer (&f->spool, gw_result_spool_free);
  g_clear_pointer (&f->previous, gw_batch_unref);
  g_clear_pointer (&f->materialized, gw_batch_unref);
  g_clear_pointer (&f->row_buffer, gw_batch_unref);
  g_clear_error (&f->failure);
  gw_result_schema_unref (f->schema);
  g_free (f->spool_directory);
  g_mutex_clear (&f->lock);
  g_free (f);
}
