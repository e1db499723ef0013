/* The fixture of the Flink DDL and connector tests: a file-backed engine in a temporary
 * directory (also its only allowed directory), and small query helpers. */
#pragma once

#include "gw-duckdb-test-util.h"

#include <glib/gstdio.h>

typedef struct {
  gchar              *dir;
  gchar              *db_path;
  GwEngine           *engine;
  GwEngineConnection *conn;
} Fixture;

G_GNUC_UNUSED static void
fixture_open (Fixture *f)
{
  f->engine = test_engine_open ("sql-gateway.engine.duckdb.path", f->db_path,
                                "sql-gateway.engine.duckdb.allowed-directories", f->dir, NULL);
  f->conn = test_connect (f->engine);
}

G_GNUC_UNUSED static void
fixture_close (Fixture *f)
{
  g_clear_pointer (&f->conn, gw_engine_connection_close);
  g_clear_pointer (&f->engine, gw_engine_close);
}

G_GNUC_UNUSED static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  f->dir = g_dir_make_tmp ("gw-ddl-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "gateway.duckdb", NULL);
  fixture_open (f);
}

G_GNUC_UNUSED static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK)) {
    g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
    const char *name;
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
      g_autofree gchar *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
    g_rmdir (path);
  } else {
    g_unlink (path);
  }
}

G_GNUC_UNUSED static void
teardown (Fixture *f, gconstpointer data)
{
  fixture_close (f);
  remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

G_GNUC_UNUSED static void
run (Fixture *f, const char *sql)
{
  test_run (f->conn, sql);
}

/* sql with every "$DIR" replaced by the fixture's directory. */
G_GNUC_UNUSED static gchar *
in_dir (Fixture *f, const char *sql)
{
  g_auto (GStrv) parts = g_strsplit (sql, "$DIR", -1);
  return g_strjoinv (f->dir, parts);
}

G_GNUC_UNUSED static void
run_in_dir (Fixture *f, const char *sql)
{
  g_autofree gchar *text = in_dir (f, sql);
  run (f, text);
}

G_GNUC_UNUSED static void
write_file (Fixture *f, const char *relative, const char *contents)
{
  g_autofree gchar *path = g_build_filename (f->dir, relative, NULL);
  g_autofree gchar *parent = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The single value of a one-row, one-column query, as text (NULL for SQL NULL). */
G_GNUC_UNUSED static gchar *
scalar (Fixture *f, const char *sql)
{
  g_autoptr (GwBatch) batch = test_query (f->conn, sql, NULL);
  g_assert_cmpuint (batch->columns[0]->n_rows, ==, 1);
  if (gw_column_is_null (batch->columns[0], 0))
    return NULL;
  gsize len;
  const char *data = gw_column_get_bytes (batch->columns[0], 0, &len);
  return g_strndup (data, len);
}

G_GNUC_UNUSED static void
assert_scalar (Fixture *f, const char *sql, const char *expected)
{
  g_autofree gchar *value = scalar (f, sql);
  g_assert_cmpstr (value, ==, expected);
}

G_GNUC_UNUSED static void
assert_error (Fixture *f, const char *sql, GwErrorCode code, const char *message)
{
  g_autofree gchar *text = in_dir (f, sql);
  g_autoptr (GError) error = test_query_error (f->conn, text);
  g_assert_error (error, GW_ERROR, (gint) code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

G_GNUC_UNUSED static void
assert_error_prefix (Fixture *f, const char *sql, GwErrorCode code, const char *prefix)
{
  g_autofree gchar *text = in_dir (f, sql);
  g_autoptr (GError) error = test_query_error (f->conn, text);
  g_assert_error (error, GW_ERROR, (gint) code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("'%s' does not start with '%s'", error->message, prefix);
}

/* The stored Flink DDL of a permanent object. */
G_GNUC_UNUSED static gchar *
stored_ddl (Fixture *f, const char *name)
{
  g_autofree gchar *sql = g_strdup_printf (
      "SELECT (SELECT ddl FROM default_catalog.__gateway.flink_objects WHERE database = "
      "'default_database' AND name = '%s')", name);
  return scalar (f, sql);
}

/* DuckDB's column list of an object: "a INTEGER NOT NULL, b VARCHAR". */
G_GNUC_UNUSED static gchar *
duckdb_columns (Fixture *f, const char *schema, const char *name)
{
  g_autofree gchar *sql = g_strdup_printf (
      "SELECT string_agg(column_name || ' ' || data_type || CASE WHEN is_nullable THEN '' ELSE "
      "' NOT NULL' END, ', ' ORDER BY column_index) FROM duckdb_columns() WHERE schema_name = "
      "'%s' AND table_name = '%s'", schema, name);
  return scalar (f, sql);
}
