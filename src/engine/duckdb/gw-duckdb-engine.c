/* The DuckDB engine: one database per gateway. DuckDB runs in memory as the system database and
 * the user's database is attached as Flink's default_catalog (a file, or :memory:), with
 * default_database as its schema. Global settings are made before the configuration is locked
 * (the lock refuses SET of anything afterwards, stack.md §8). */
#include "gw-duckdb-flink.h"
#include "gw-duckdb-private.h"
#include "gw-duckdb-types-private.h"
#include "gw-error.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#define KEY_PATH                "sql-gateway.engine.duckdb.path"
#define KEY_THREADS             "sql-gateway.engine.duckdb.threads"
#define KEY_MEMORY_LIMIT        "sql-gateway.engine.duckdb.memory-limit"
#define KEY_ALLOWED_DIRECTORIES "sql-gateway.engine.duckdb.allowed-directories"
#define KEY_SANDBOX             "sql-gateway.engine.duckdb.sandbox"
#define KEY_CATALOGS            "sql-gateway.engine.duckdb.catalogs"

#define COMPLETION_QUERY "SELECT suggestion FROM sql_auto_complete($1)"

/* Runs one statement and discards its result. */
static gboolean
run_sql (duckdb_connection connection, const char *sql, GwErrorCode code, const char *what,
         GError **error)
{
  duckdb_result result;
  gboolean ok = duckdb_query (connection, sql, &result) == DuckDBSuccess;
  if (!ok)
    g_set_error (error, GW_ERROR, code, "%s: %s", what, duckdb_result_error (&result));
  duckdb_destroy_result (&result);
  return ok;
}

/* A single-quoted SQL string literal. */
static void
append_literal (GString *sql, const char *text)
{
  g_string_append_c (sql, '\'');
  for (const char *p = text; *p != '\0'; p++) {
    if (*p == '\'')
      g_string_append_c (sql, '\'');
    g_string_append_c (sql, *p);
  }
  g_string_append_c (sql, '\'');
}

static void
engine_free (GwDuckdbEngine *engine)
{
  if (engine->database != NULL)
    duckdb_close (&engine->database);
  if (engine->temp_directory != NULL && g_rmdir (engine->temp_directory) != 0 && errno != ENOENT)
    g_debug ("Cannot remove DuckDB temp directory %s: %s", engine->temp_directory,
             g_strerror (errno));
  g_free (engine->temp_directory);
  g_free (engine->version);
  g_free (engine);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwDuckdbEngine, engine_free)

static gboolean
open_database (GwDuckdbEngine *engine, const GwConfig *config, GError **error)
{
  gint64 threads = gw_config_get_int (config, KEY_THREADS);
  const char *memory_limit = gw_config_get_string (config, KEY_MEMORY_LIMIT);
  duckdb_config duck_config = NULL;
  g_autofree gchar *threads_text = g_strdup_printf ("%" G_GINT64_FORMAT, threads);
  char *open_error = NULL;

  if (duckdb_create_config (&duck_config) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot create a DuckDB configuration");
    return FALSE;
  }
  const struct { const char *name, *value, *key; } options[] = {
    { "temp_directory", engine->temp_directory, NULL },
    { "threads", threads > 0 ? threads_text : NULL, KEY_THREADS },
    { "memory_limit", memory_limit != NULL && *memory_limit ? memory_limit : NULL,
      KEY_MEMORY_LIMIT },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (options); i++) {
    if (options[i].value == NULL)
      continue;
    if (duckdb_set_config (duck_config, options[i].name, options[i].value) == DuckDBError) {
      g_set_error (error, GW_ERROR, options[i].key ? GW_ERROR_CONFIG : GW_ERROR_INTERNAL,
                   "Invalid value '%s' for option '%s'", options[i].value,
                   options[i].key ? options[i].key : options[i].name);
      duckdb_destroy_config (&duck_config);
      return FALSE;
    }
  }
  gboolean ok = duckdb_open_ext (NULL, &engine->database, duck_config, &open_error)
                == DuckDBSuccess;
  duckdb_destroy_config (&duck_config);
  if (!ok) {
    /* In memory, only the options can make it fail. */
    g_set_error (error, GW_ERROR, GW_ERROR_CONFIG, "Cannot start DuckDB: %s",
                 open_error != NULL ? open_error : "unknown error");
    duckdb_free (open_error);
    engine->database = NULL;
  }
  return ok;
}

static gboolean
attach_default_catalog (duckdb_connection connection, const char *path, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("ATTACH ");
  if (strcmp (path, ":memory:") != 0) {
    g_autofree gchar *directory = g_path_get_dirname (path);
    if (g_mkdir_with_parents (directory, 0755) != 0) {
      int saved_errno = errno;
      g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                   "Cannot create directory '%s' for option '%s': %s", directory, KEY_PATH,
                   g_strerror (saved_errno));
      return FALSE;
    }
  }
  append_literal (sql, path);
  g_string_append (sql, " AS default_catalog");
  g_autofree gchar *what = g_strdup_printf ("Cannot open DuckDB database '%s' (option '%s')",
                                            path, KEY_PATH);
  return run_sql (connection, sql->str, GW_ERROR_CONFIG, what, error) &&
         run_sql (connection, "CREATE SCHEMA IF NOT EXISTS default_catalog.default_database",
                  GW_ERROR_INTERNAL, "Cannot create default_database", error) &&
         /* The gateway's own metadata (gw-duckdb-metadata.h), made here once rather than by two
          * sessions racing to create it. */
         run_sql (connection, "CREATE SCHEMA IF NOT EXISTS default_catalog.__gateway",
                  GW_ERROR_INTERNAL, "Cannot create the gateway's metadata schema", error);
}

/* Attaches the extra catalogs of KEY_CATALOGS beside the main database (before the sandbox
 * closes file access; a catalog attached later would need the data directory opened to SQL). */
static gboolean
attach_extra_catalogs (duckdb_connection connection, const GwConfig *config, const char *path,
                       GError **error)
{
  g_auto (GStrv) catalogs = gw_config_get_list (config, KEY_CATALOGS);
  g_autofree gchar *directory = strcmp (path, ":memory:") != 0 ? g_path_get_dirname (path) : NULL;
  for (guint i = 0; catalogs != NULL && catalogs[i] != NULL; i++) {
    if (strcmp (catalogs[i], "default_catalog") == 0)
      continue;
    g_autoptr (GString) sql = g_string_new ("ATTACH IF NOT EXISTS ");
    g_autofree gchar *file_name = g_strconcat (catalogs[i], ".duckdb", NULL);
    g_autofree gchar *file = directory ? g_build_filename (directory, file_name, NULL) : NULL;
    append_literal (sql, file ? file : ":memory:");
    g_string_append (sql, " AS \"");
    for (const char *p = catalogs[i]; *p; p++) {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
    g_string_append_c (sql, '"');
    g_autofree gchar *what = g_strdup_printf ("Cannot attach catalog '%s' (option '%s')",
                                              catalogs[i], KEY_CATALOGS);
    if (!run_sql (connection, sql->str, GW_ERROR_CONFIG, what, error))
      return FALSE;
  }
  return TRUE;
}

/* No file access outside allowed-directories, no extension downloads, and no SET to undo it. */
static gboolean
lock_down (duckdb_connection connection, const GwConfig *config, GError **error)
{
  g_auto (GStrv) directories = gw_config_get_list (config, KEY_ALLOWED_DIRECTORIES);
  g_autoptr (GString) sql = g_string_new ("SET allowed_directories = [");
  gboolean first = TRUE;
  for (guint i = 0; directories != NULL && directories[i] != NULL; i++) {
    /* DuckDB compares the paths as written: a relative directory is allowed both as given
     * (for relative file names in SQL) and absolute (for the gateway's own sinks, which write
     * to absolute paths). A trailing '/' keeps "/data" from also allowing "/data-private". */
    g_autofree gchar *absolute = g_canonicalize_filename (directories[i], NULL);
    const char *forms[] = { directories[i], g_path_is_absolute (directories[i]) ? NULL : absolute };
    for (gsize f = 0; f < G_N_ELEMENTS (forms); f++) {
      if (forms[f] == NULL)
        continue;
      g_autofree gchar *directory = g_str_has_suffix (forms[f], "/")
                                    ? g_strdup (forms[f]) : g_strconcat (forms[f], "/", NULL);
      if (!first)
        g_string_append (sql, ", ");
      first = FALSE;
      append_literal (sql, directory);
    }
  }
  g_string_append (sql, "]");
  if (!run_sql (connection, sql->str, GW_ERROR_CONFIG,
                "Invalid option '" KEY_ALLOWED_DIRECTORIES "'", error))
    return FALSE;
  static const char *const statements[] = {
    "SET enable_external_access = false",
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET lock_configuration = true",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (statements); i++) {
    if (!run_sql (connection, statements[i], GW_ERROR_INTERNAL, "Cannot sandbox DuckDB", error))
      return FALSE;
  }
  return TRUE;
}

static GwEngine *
duckdb_engine_open (const GwConfig *config, GError **error)
{
  const char *path = gw_config_get_string (config, KEY_PATH);
  if (path == NULL || *path == '\0')
    path = ":memory:";

  g_autoptr (GwDuckdbEngine) engine = g_new0 (GwDuckdbEngine, 1);
  engine->parent.klass = &gw_duckdb_engine_class;
  engine->file_backed = strcmp (path, ":memory:") != 0;
  engine->version = g_strdup_printf ("DuckDB %s", duckdb_library_version ());

  /* Private to this engine (0700, unique name) so no other user can plant files in it. */
  g_autoptr (GError) local_error = NULL;
  engine->temp_directory = g_dir_make_tmp ("sql-gateway-duckdb-XXXXXX", &local_error);
  if (engine->temp_directory == NULL) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL,
                 "Cannot create a temp directory for DuckDB: %s", local_error->message);
    return NULL;
  }
  if (!open_database (engine, config, error))
    return NULL;

  duckdb_connection setup = NULL;
  if (duckdb_connect (engine->database, &setup) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot connect to DuckDB");
    return NULL;
  }
  gboolean ok = attach_default_catalog (setup, path, error) &&
                attach_extra_catalogs (setup, config, path, error) &&
                gw_duckdb_flink_restore_catalogs (setup, error) &&
                gw_duckdb_flink_refresh_sources (setup, error) &&
                (!gw_config_get_bool (config, KEY_SANDBOX) || lock_down (setup, config, error));
  duckdb_disconnect (&setup);
  if (!ok)
    return NULL;
  return (GwEngine *) g_steal_pointer (&engine);
}

static void
duckdb_engine_close (GwEngine *base)
{
  GwDuckdbEngine *engine = (GwDuckdbEngine *) base;
  duckdb_connection connection = NULL;

  /* Committed data is already in the WAL; the checkpoint folds it into the file so the next
   * start does not replay it. FORCE aborts transactions a leaked connection still holds. */
  if (engine->file_backed && duckdb_connect (engine->database, &connection) == DuckDBSuccess) {
    g_autoptr (GError) error = NULL;
    if (!run_sql (connection, "CHECKPOINT default_catalog", GW_ERROR_INTERNAL, "CHECKPOINT",
                  &error)) {
      g_clear_error (&error);
      if (!run_sql (connection, "FORCE CHECKPOINT default_catalog", GW_ERROR_INTERNAL,
                    "FORCE CHECKPOINT", &error))
        g_warning ("DuckDB checkpoint on close failed: %s", error->message);
    }
    duckdb_disconnect (&connection);
  }
  engine_free (engine);
}

static const char *
duckdb_engine_get_version (GwEngine *base)
{
  return ((GwDuckdbEngine *) base)->version;
}

static GwEngineConnection *
duckdb_engine_connect (GwEngine *base, GError **error)
{
  GwDuckdbEngine *engine = (GwDuckdbEngine *) base;
  duckdb_connection connection = NULL;
  if (duckdb_connect (engine->database, &connection) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot connect to DuckDB");
    return NULL;
  }
  /* The progress bar settings are per connection and cannot be set globally; the PRAGMAs still
   * work under lock_configuration, SET would not. Without the bar, duckdb_query_progress() is
   * always -1; without turning printing off, DuckDB draws bars on the gateway's terminal. */
  static const char *const setup[] = {
    "USE default_catalog.default_database",
    "PRAGMA enable_progress_bar",
    "PRAGMA disable_print_progress_bar",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (setup); i++) {
    if (!run_sql (connection, setup[i], GW_ERROR_INTERNAL, "Cannot set up a DuckDB connection",
                  error)) {
      duckdb_disconnect (&connection);
      return NULL;
    }
  }
  GwDuckdbConnection *conn = g_new0 (GwDuckdbConnection, 1);
  conn->parent.klass = &gw_duckdb_engine_class;
  conn->engine = engine;
  conn->connection = connection;
  return (GwEngineConnection *) conn;
}

static void
duckdb_connection_close (GwEngineConnection *base)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  if (conn->streaming != NULL)
    gw_duckdb_cursor_detach (conn->streaming);
  duckdb_disconnect (&conn->connection);
  g_free (conn);
}

gboolean
gw_duckdb_connection_check_idle (GwDuckdbConnection *conn, GError **error)
{
  if (conn->streaming == NULL)
    return TRUE;
  g_set_error (error, GW_ERROR, GW_ERROR_ILLEGAL_STATE,
               "The connection is still streaming the result of a previous statement; read it to "
               "the end or close it first");
  return FALSE;
}

static void
duckdb_connection_interrupt (GwEngineConnection *base)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  /* DuckDB forgets an interrupt when the next query begins; the flag covers the steps of
   * gw_engine_execute() before that. */
  g_atomic_int_set (&conn->interrupt_requested, 1);
  duckdb_interrupt (conn->connection);
}

static double
duckdb_connection_get_progress (GwEngineConnection *base)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  duckdb_query_progress_type progress = duckdb_query_progress (conn->connection);
  if (progress.percentage < 0)
    return -1;
  return CLAMP (progress.percentage, 0.0, 100.0);
}

static gchar **
duckdb_connection_complete (GwEngineConnection *base, const char *statement, int position,
                            GError **error)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  if (!gw_duckdb_connection_check_idle (conn, error))
    return NULL;

  /* Complete the text before the cursor, cut on a character boundary. */
  gsize length = strlen (statement);
  gsize end = position < 0 ? 0 : MIN ((gsize) position, length);
  while (end > 0 && end < length && ((guchar) statement[end] & 0xC0) == 0x80)
    end--;
  if (!g_utf8_validate_len (statement, end, NULL)) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_INVALID_ARGUMENT,
                         "The statement is not valid UTF-8");
    return NULL;
  }

  duckdb_prepared_statement prepared = NULL;
  duckdb_result result;
  gboolean ok;
  if (duckdb_prepare (conn->connection, COMPLETION_QUERY, &prepared) == DuckDBError) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_prepare_error (prepared));
    duckdb_destroy_prepare (&prepared);
    return NULL;
  }
  if (duckdb_bind_varchar_length (prepared, 1, statement, end) == DuckDBError) {
    g_set_error_literal (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot bind the completion text");
    duckdb_destroy_prepare (&prepared);
    return NULL;
  }
  ok = duckdb_execute_prepared (prepared, &result) == DuckDBSuccess;
  duckdb_destroy_prepare (&prepared);
  if (!ok) {
    g_set_error (error, GW_ERROR, GW_ERROR_SQL, "%s", duckdb_result_error (&result));
    duckdb_destroy_result (&result);
    return NULL;
  }

  /* DuckDB suggests keywords with a trailing space and may repeat a candidate. */
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_null_terminated (16, g_free, TRUE);
  duckdb_data_chunk chunk;
  while ((chunk = duckdb_fetch_chunk (result)) != NULL) {
    duckdb_vector vector = duckdb_data_chunk_get_vector (chunk, 0);
    const duckdb_string_t *data = duckdb_vector_get_data (vector);
    const uint64_t *validity = duckdb_vector_get_validity (vector);
    idx_t size = duckdb_data_chunk_get_size (chunk);
    for (idx_t row = 0; row < size; row++) {
      if (!gw_duckdb_row_is_valid (validity, row))
        continue;
      guint32 len;
      const char *text = gw_duckdb_string_data (&data[row], &len);
      gchar *candidate = g_strchomp (g_strndup (text, len));
      if (*candidate == '\0' || g_hash_table_contains (seen, candidate)) {
        g_free (candidate);
        continue;
      }
      g_hash_table_add (seen, candidate);
      g_ptr_array_add (candidates, candidate);
    }
    duckdb_destroy_data_chunk (&chunk);
  }
  duckdb_destroy_result (&result);
  return (gchar **) g_ptr_array_steal (candidates, NULL);
}

static gboolean
duckdb_connection_get_current (GwEngineConnection *base, gchar **catalog, gchar **database,
                               GError **error)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  return gw_duckdb_connection_check_idle (conn, error) &&
         gw_duckdb_flink_current (conn, catalog, database, error);
}

/* DuckDB's temp catalog is per connection; the gateway's own temp metadata table does not count
 * (it only describes temporary objects, which are counted themselves). */
static gboolean
duckdb_connection_has_private_objects (GwEngineConnection *base)
{
  GwDuckdbConnection *conn = (GwDuckdbConnection *) base;
  duckdb_result result;
  if (duckdb_query (conn->connection,
                    "SELECT (SELECT count(*) FROM duckdb_tables() WHERE temporary"
                    "        AND table_name NOT LIKE '\\_\\_gateway%' ESCAPE '\\')"
                    "     + (SELECT count(*) FROM duckdb_views() WHERE temporary AND NOT internal)",
                    &result) == DuckDBError) {
    duckdb_destroy_result (&result);
    return TRUE; /* when in doubt, stay on the connection */
  }
  gboolean any = duckdb_value_int64 (&result, 0, 0) > 0;
  duckdb_destroy_result (&result);
  return any;
}

const GwEngineClass gw_duckdb_engine_class = {
  .type = "duckdb",
  .open = duckdb_engine_open,
  .close = duckdb_engine_close,
  .get_version = duckdb_engine_get_version,
  .connect = duckdb_engine_connect,
  .connection_close = duckdb_connection_close,
  .execute = gw_duckdb_cursor_execute,
  .interrupt = duckdb_connection_interrupt,
  .get_progress = duckdb_connection_get_progress,
  .complete = duckdb_connection_complete,
  .list_catalog = gw_duckdb_list_catalog,
  .use_database = gw_duckdb_use_database,
  .get_current = duckdb_connection_get_current,
  .has_private_objects = duckdb_connection_has_private_objects,
  .validate_dml = gw_duckdb_validate_dml,
  .execute_dml = gw_duckdb_execute_dml,
  .cursor_fetch = gw_duckdb_cursor_fetch,
  .cursor_free = gw_duckdb_cursor_free,
};
