/* The filesystem sink of DML jobs. DuckDB's COPY writes each statement's rows under hidden names
 * (".part-<job>-<n>.<ext>.inprogress", or a hidden ".staging-<job>-<n>" directory of k=v
 * sub-directories for PARTITIONED BY tables) while the job's transaction is open; only
 * gw_duckdb_dml_job_publish(), after the commit, gives them their visible names, so a failed or
 * canceled job leaves no file a reader could see. Names starting with '.' or '_' are hidden, as
 * for Flink's filesystem source.
 *
 * Limits: publishing after the commit is not atomic across files (a crash in between leaves some
 * files hidden, and a crash mid-job leaves hidden leftovers nobody reads); NULL and empty
 * partition values go to 'partition.default-name' (__DEFAULT_PARTITION__) like Flink, other
 * values are escaped the way DuckDB's PARTITION_BY does it (%2F for '/'). */
#include "gw-duckdb-sink.h"
#include "gw-error.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Flink's 'partition.default-name' default: the directory of NULL partition values. */
#define DEFAULT_PARTITION_NAME "__DEFAULT_PARTITION__"

typedef struct {
  gchar *staged; /* owned: hidden path DuckDB wrote */
  gchar *final;  /* owned: visible path after publishing */
} GwDuckdbStagedFile;

static void
staged_file_free (GwDuckdbStagedFile *file)
{
  g_free (file->staged);
  g_free (file->final);
  g_free (file);
}

void
gw_duckdb_dml_job_init (GwDuckdbDmlJob *job, GwDuckdbConnection *conn, GCancellable *cancellable,
                        GwEnginePrintFunc print, gpointer print_data)
{
  memset (job, 0, sizeof *job);
  job->conn = conn;
  job->cancellable = cancellable;
  job->print = print;
  job->print_data = print_data;
  job->id = g_uuid_string_random ();
  job->staged = g_ptr_array_new_with_free_func ((GDestroyNotify) staged_file_free);
  job->staging_dirs = g_ptr_array_new_with_free_func (g_free);
  job->overwrite = g_ptr_array_new_with_free_func (g_free);
  job->refresh = g_ptr_array_new ();
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  if (dir != NULL) {
    const char *name;
    while ((name = g_dir_read_name (dir)) != NULL) {
      g_autofree gchar *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
    g_dir_close (dir);
  }
  if (g_remove (path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
}

void
gw_duckdb_dml_job_clear (GwDuckdbDmlJob *job)
{
  for (guint i = 0; job->staged != NULL && i < job->staged->len; i++) {
    GwDuckdbStagedFile *file = job->staged->pdata[i];
    if (g_unlink (file->staged) != 0 && errno != ENOENT)
      g_warning ("Cannot remove %s: %s", file->staged, g_strerror (errno));
  }
  for (guint i = 0; job->staging_dirs != NULL && i < job->staging_dirs->len; i++)
    remove_tree (job->staging_dirs->pdata[i]);
  g_clear_pointer (&job->id, g_free);
  g_clear_pointer (&job->staged, g_ptr_array_unref);
  g_clear_pointer (&job->staging_dirs, g_ptr_array_unref);
  g_clear_pointer (&job->overwrite, g_ptr_array_unref);
  g_clear_pointer (&job->refresh, g_ptr_array_unref);
}

/* ---- filesystem ---- */

/* Flink's 'path' is a local path or a file:// URI. */
static gchar *
local_directory (const GwFlinkCreateTable *table, GError **error)
{
  const char *path = gw_flink_options_lookup (&table->options, "path");
  if (path == NULL || *path == '\0') {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "One or more required options are missing.\n\nMissing required options are:"
                 "\n\npath");
    return NULL;
  }
  if (g_str_has_prefix (path, "file://"))
    path += strlen ("file://");
  return g_canonicalize_filename (path, NULL);
}

/* Our own mkdir is outside DuckDB's sandbox, so it asks DuckDB's settings first. */
static gboolean
directory_allowed (GwDuckdbConnection *conn, const char *directory, GError **error)
{
  duckdb_result result;
  if (duckdb_query (conn->connection,
                    "SELECT current_setting('enable_external_access')::VARCHAR, "
                    "unnest(current_setting('allowed_directories'))", &result) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot read DuckDB's allowed directories: %s",
                 duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return FALSE;
  }
  gboolean allowed = FALSE;
  idx_t rows = duckdb_row_count (&result);
  for (idx_t i = 0; i < rows && !allowed; i++) {
    char *open_access = duckdb_value_varchar (&result, 0, i);
    char *base = duckdb_value_varchar (&result, 1, i);
    g_autofree gchar *canonical = base != NULL ? g_canonicalize_filename (base, NULL) : NULL;
    allowed = g_strcmp0 (open_access, "true") == 0 ||
              (canonical != NULL && (strcmp (directory, canonical) == 0 ||
                                     (g_str_has_prefix (directory, canonical) &&
                                      (g_str_has_suffix (canonical, "/") ||
                                       directory[strlen (canonical)] == '/'))));
    duckdb_free (open_access);
    duckdb_free (base);
  }
  if (rows == 0) { /* no allowed directories: only an unsandboxed engine may write */
    duckdb_destroy_result (&result);
    if (duckdb_query (conn->connection,
                      "SELECT current_setting('enable_external_access')::VARCHAR", &result)
        == DuckDBSuccess) {
      char *open_access = duckdb_value_varchar (&result, 0, 0);
      allowed = g_strcmp0 (open_access, "true") == 0;
      duckdb_free (open_access);
    }
  }
  duckdb_destroy_result (&result);
  if (!allowed)
    g_set_error (error, GW_ERROR, GW_ERROR_SQL,
                 "Permission Error: Cannot create directory \"%s\": it is outside the allowed "
                 "directories (sql-gateway.engine.duckdb.allowed-directories)", directory);
  return allowed;
}

static gboolean
ensure_directory (GwDuckdbConnection *conn, const char *directory, GError **error)
{
  if (g_file_test (directory, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (g_file_test (directory, G_FILE_TEST_EXISTS)) {
    g_set_error (error, GW_ERROR, GW_ERROR_VALIDATION,
                 "The filesystem sink path '%s' is not a directory.", directory);
    return FALSE;
  }
  if (!directory_allowed (conn, directory, error))
    return FALSE;
  if (g_mkdir_with_parents (directory, 0755) != 0) {
    int saved = errno;
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "Cannot create directory \"%s\": %s", directory,
                 g_strerror (saved));
    return FALSE;
  }
  return TRUE;
}

static void
add_overwrite (GwDuckdbDmlJob *job, const char *directory)
{
  for (guint i = 0; i < job->overwrite->len; i++) {
    if (strcmp (job->overwrite->pdata[i], directory) == 0)
      return;
  }
  g_ptr_array_add (job->overwrite, g_strdup (directory));
}

/* Stages every file DuckDB wrote under staging (k=v/... sub-directories) for the same relative
 * path under directory; with overwrite, the partitions written replace their old files. */
static gboolean
stage_tree (GwDuckdbDmlJob *job, const char *staging, const char *directory, const char *relative,
            gboolean overwrite, GError **error)
{
  g_autofree gchar *source_dir = g_build_filename (staging, relative, NULL);
  g_autoptr (GDir) dir = g_dir_open (source_dir, 0, error);
  if (dir == NULL)
    return FALSE;
  const char *name;
  gboolean has_files = FALSE;
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree gchar *child_relative = *relative ? g_build_filename (relative, name, NULL)
                                                 : g_strdup (name);
    g_autofree gchar *child = g_build_filename (staging, child_relative, NULL);
    if (g_file_test (child, G_FILE_TEST_IS_DIR)) {
      if (!stage_tree (job, staging, directory, child_relative, overwrite, error))
        return FALSE;
      continue;
    }
    GwDuckdbStagedFile *file = g_new0 (GwDuckdbStagedFile, 1);
    file->staged = g_steal_pointer (&child);
    file->final = g_build_filename (directory, child_relative, NULL);
    g_ptr_array_add (job->staged, file);
    has_files = TRUE;
  }
  if (has_files && overwrite) {
    g_autofree gchar *partition = g_build_filename (directory, relative, NULL);
    add_overwrite (job, partition);
  }
  return TRUE;
}

/* The partition columns as the directory names show them: text, with Flink's default partition
 * name ('partition.default-name') for NULL and the empty string, as the source reads them. */
static gchar *
partition_values_sql (const GwFlinkCreateTable *table, const char *rows_sql)
{
  const char *default_name = gw_flink_options_lookup (&table->options, "partition.default-name");
  g_autofree gchar *default_literal = gw_duckdb_quote_literal (
    default_name != NULL ? default_name : DEFAULT_PARTITION_NAME);
  GString *sql = g_string_new ("SELECT * REPLACE (");
  for (guint i = 0; table->partition_keys[i] != NULL; i++) {
    g_autofree gchar *key = gw_duckdb_quote_identifier (table->partition_keys[i]);
    g_string_append_printf (sql, "%sCOALESCE(NULLIF(CAST(%s AS VARCHAR), ''), %s) AS %s",
                            i > 0 ? ", " : "", key, default_literal, key);
  }
  g_string_append_printf (sql, ") FROM (%s) AS rows", rows_sql);
  return g_string_free (sql, FALSE);
}

gint64
gw_duckdb_sink_write_files (GwDuckdbDmlJob *job, GwDuckdbSinkTarget *target, const char *rows_sql,
                  gboolean overwrite, GError **error)
{
  const GwFlinkCreateTable *table = target->ddl->create_table;
  const char *extension = NULL;
  g_autofree gchar *options = gw_duckdb_connector_copy_options (table, &extension, error);
  if (options == NULL)
    return -1;
  g_autofree gchar *directory = local_directory (table, error);
  if (directory == NULL || !ensure_directory (job->conn, directory, error))
    return -1;

  guint n = job->n_files++;
  gint64 count = 0;
  g_autoptr (GString) sql = g_string_new (NULL);
  if (table->partition_keys == NULL || table->partition_keys[0] == NULL) {
    g_autofree gchar *hidden = g_strdup_printf (".part-%s-%u.%s.inprogress", job->id, n, extension);
    g_autofree gchar *visible = g_strdup_printf ("part-%s-%u.%s", job->id, n, extension);
    GwDuckdbStagedFile *file = g_new0 (GwDuckdbStagedFile, 1);
    file->staged = g_build_filename (directory, hidden, NULL);
    file->final = g_build_filename (directory, visible, NULL);
    /* Registered first: whatever DuckDB leaves behind on a failure is removed with the job. */
    g_ptr_array_add (job->staged, file);
    g_autofree gchar *target_literal = gw_duckdb_quote_literal (file->staged);
    g_string_printf (sql, "COPY (%s) TO %s (%s)", rows_sql, target_literal, options);
    if (!gw_duckdb_dml_count (job, sql->str, &count, error))
      return -1;
    if (count == 0) { /* Flink writes no file for no rows */
      g_unlink (file->staged);
      g_ptr_array_remove (job->staged, file);
    }
    if (overwrite)
      add_overwrite (job, directory);
  } else {
    g_autofree gchar *hidden = g_strdup_printf (".staging-%s-%u", job->id, n);
    g_autofree gchar *staging = g_build_filename (directory, hidden, NULL);
    g_ptr_array_add (job->staging_dirs, g_strdup (staging));
    g_autofree gchar *target_literal = gw_duckdb_quote_literal (staging);
    g_autofree gchar *partitioned_sql = partition_values_sql (table, rows_sql);
    g_string_printf (sql, "COPY (%s) TO %s (%s, PARTITION_BY (", partitioned_sql, target_literal,
                     options);
    for (guint i = 0; table->partition_keys[i] != NULL; i++) {
      g_autofree gchar *key = gw_duckdb_quote_identifier (table->partition_keys[i]);
      g_string_append_printf (sql, i > 0 ? ", %s" : "%s", key);
    }
    g_string_append_printf (sql, "), FILENAME_PATTERN 'part-%s-%u-{i}')", job->id, n);
    if (!gw_duckdb_dml_count (job, sql->str, &count, error))
      return -1;
    if (count > 0 && !stage_tree (job, staging, directory, "", overwrite, error))
      return -1;
  }
  g_ptr_array_add (job->refresh, target);
  return count;
}

/* ---- publishing ---- */

static gboolean
is_hidden (const char *name)
{
  return name[0] == '.' || name[0] == '_';
}

/* The database files DuckDB has open (and their WALs): never data files, whatever a table's
 * 'path' says. */
static GHashTable *
database_files (GwDuckdbConnection *conn)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  duckdb_result result;
  if (duckdb_query (conn->connection,
                    "SELECT path FROM duckdb_databases() WHERE path IS NOT NULL", &result)
      == DuckDBSuccess) {
    for (idx_t i = 0; i < duckdb_row_count (&result); i++) {
      char *path = duckdb_value_varchar (&result, 0, i);
      gchar *canonical = g_canonicalize_filename (path, NULL);
      g_hash_table_add (files, g_strconcat (canonical, ".wal", NULL));
      g_hash_table_add (files, canonical);
      duckdb_free (path);
    }
  }
  duckdb_destroy_result (&result);
  return files;
}

/* INSERT OVERWRITE: what directory held goes, as Flink's committer deletes the visible entries
 * of the table (or partition) directory, sub-directories included; hidden ones stay. */
static gboolean
remove_visible_entries (const char *directory, GHashTable *keep, GError **error)
{
  g_autoptr (GDir) dir = g_dir_open (directory, 0, NULL);
  if (dir == NULL)
    return TRUE; /* a partition that did not exist yet */
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree gchar *path = g_build_filename (directory, name, NULL);
    if (is_hidden (name) || g_hash_table_contains (keep, path))
      continue;
    if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK)) {
      if (!remove_visible_entries (path, keep, error))
        return FALSE;
      g_rmdir (path); /* stays if it holds hidden entries */
    } else if (g_unlink (path) != 0 && errno != ENOENT) {
      int saved = errno;
      g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot remove %s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  }
  return TRUE;
}

/* Makes file visible without ever replacing an existing one: link() fails on an existing name
 * where rename() would silently replace it. File systems without hard links get a checked
 * rename (the names carry the job's UUID, so only a deliberate clash can race it). */
static gboolean
publish_file (const GwDuckdbStagedFile *file, GError **error)
{
  g_autofree gchar *parent = g_path_get_dirname (file->final);
  int result = g_mkdir_with_parents (parent, 0755);
  if (result == 0) {
    result = link (file->staged, file->final);
    if (result != 0 && (errno == EPERM || errno == ENOTSUP || errno == ENOSYS)) {
      errno = EEXIST;
      result = g_file_test (file->final, G_FILE_TEST_EXISTS)
               ? -1 : g_rename (file->staged, file->final);
    }
  }
  if (result != 0) {
    int saved = errno;
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot publish %s: %s", file->final,
                 g_strerror (saved));
    return FALSE;
  }
  g_unlink (file->staged);
  return TRUE;
}

gboolean
gw_duckdb_dml_job_publish (GwDuckdbDmlJob *job, GError **error)
{
  /* The commit is done: from here on a failure cannot undo the job, it can only be reported. */
  g_autoptr (GHashTable) keep = job->overwrite->len > 0 ? database_files (job->conn) : NULL;
  for (guint i = 0; i < job->overwrite->len; i++) {
    if (!remove_visible_entries (job->overwrite->pdata[i], keep, error))
      return FALSE;
  }
  while (job->staged->len > 0) {
    if (!publish_file (job->staged->pdata[0], error))
      return FALSE;
    g_ptr_array_remove_index (job->staged, 0);
  }
  for (guint i = 0; i < job->refresh->len; i++) {
    GwDuckdbSinkTarget *target = job->refresh->pdata[i];
    g_autoptr (GError) refresh_error = NULL;
    /* The files are published; a view that still reads the old file list is stale, not wrong
     * data, so this is worth a warning but not a failed job. */
    if (!gw_duckdb_flink_refresh_source (job->conn, &target->path, target->ddl->create_table,
                                         target->temporary, &refresh_error))
      g_warning ("Cannot refresh the source of %s: %s", target->flink_name,
                 refresh_error->message);
  }
  return TRUE;
}
