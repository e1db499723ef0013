/* Helpers shared by the DuckDB engine tests: an engine on a generated configuration, and whole
 * results read into one batch. */
#pragma once

#include <stdarg.h>
#include <string.h>

#include "gw-engine.h"
#include "gw-error.h"

/* key, value, ..., NULL */
G_GNUC_UNUSED G_GNUC_NULL_TERMINATED static GwEngine *
test_engine_open (const char *first_key, ...)
{
  g_autoptr (GwConfig) config = gw_config_new ();
  g_autoptr (GError) error = NULL;
  va_list args;
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    gw_config_set (config, key, va_arg (args, const char *));
  va_end (args);
  GwEngine *engine = gw_engine_open (config, &error);
  g_assert_no_error (error);
  g_assert_nonnull (engine);
  return engine;
}

G_GNUC_UNUSED static GwEngineConnection *
test_connect (GwEngine *engine)
{
  g_autoptr (GError) error = NULL;
  GwEngineConnection *conn = gw_engine_connect (engine, &error);
  g_assert_no_error (error);
  return conn;
}

/* Runs sql and reads its whole result into one batch; kind may be NULL. */
G_GNUC_UNUSED static GwBatch *
test_query (GwEngineConnection *conn, const char *sql, GwStatementKind *kind)
{
  g_autoptr (GError) error = NULL;
  GwEngineCursor *cursor = gw_engine_execute (conn, sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cursor);
  GwBatch *batch = gw_batch_new (gw_engine_cursor_get_schema (cursor), 16);
  gboolean eos = FALSE;
  while (!eos) {
    gboolean ok = gw_engine_cursor_fetch (cursor, batch, G_MAXUINT, G_MAXSIZE, &eos, &error);
    g_assert_no_error (error);
    g_assert_true (ok);
  }
  if (kind != NULL)
    *kind = gw_engine_cursor_get_kind (cursor);
  gw_engine_cursor_free (cursor);
  return batch;
}

/* Runs sql, discarding its rows. */
G_GNUC_UNUSED static void
test_run (GwEngineConnection *conn, const char *sql)
{
  GwBatch *batch = test_query (conn, sql, NULL);
  gw_batch_free (batch);
}

/* The error sql fails with (the test fails if it succeeds). */
G_GNUC_UNUSED static GError *
test_query_error (GwEngineConnection *conn, const char *sql)
{
  GError *error = NULL;
  GwEngineCursor *cursor = gw_engine_execute (conn, sql, NULL, &error);
  if (cursor != NULL) {
    g_autoptr (GwBatch) batch = gw_batch_new (gw_engine_cursor_get_schema (cursor), 16);
    gboolean eos = FALSE;
    while (!eos && gw_engine_cursor_fetch (cursor, batch, G_MAXUINT, G_MAXSIZE, &eos, &error))
      ;
    gw_engine_cursor_free (cursor);
  }
  if (error == NULL)
    g_error ("'%s' did not fail", sql);
  return error;
}

/* expected NULL means a SQL NULL. */
G_GNUC_UNUSED static void
test_assert_text (const GwColumn *column, guint row, const char *expected)
{
  g_assert_cmpuint (row, <, column->n_rows);
  if (expected == NULL) {
    g_assert_true (gw_column_is_null (column, row));
    return;
  }
  g_assert_false (gw_column_is_null (column, row));
  gsize len;
  const char *data = gw_column_get_bytes (column, row, &len);
  g_autofree gchar *text = g_strndup (data, len);
  g_assert_cmpstr (text, ==, expected);
}

G_GNUC_UNUSED static void
test_assert_int64 (const GwColumn *column, guint row, gint64 expected)
{
  g_assert_cmpuint (row, <, column->n_rows);
  g_assert_false (gw_column_is_null (column, row));
  g_assert_cmpint (column->i64[row], ==, expected);
}

G_GNUC_UNUSED static void
test_assert_null (const GwColumn *column, guint row)
{
  g_assert_cmpuint (row, <, column->n_rows);
  g_assert_true (gw_column_is_null (column, row));
}
