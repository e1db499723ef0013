/* GwConfig: the keys set by flink-conf.yaml / config.yaml and -D arguments, typed access with
 * table defaults, and validation against the option table (gw-option-table.c). */
#include "gw-config.h"
#include "gw-error.h"

#include <string.h>
#include <yaml.h>

struct _GwConfig {
  gatomicrefcount ref_count;
  GHashTable *values; /* owned: key → value, only the keys set explicitly */
};

/* Nesting deeper than this in config.yaml is a mistake, not a configuration. */
#define MAX_YAML_DEPTH 64

static GHashTable *
new_string_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GwConfig *
gw_config_new (void)
{
  GwConfig *config = g_new0 (GwConfig, 1);
  g_atomic_ref_count_init (&config->ref_count);
  config->values = new_string_table ();
  return config;
}

GwConfig *
gw_config_ref (GwConfig *config)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_atomic_ref_count_inc (&config->ref_count);
  return config;
}

void
gw_config_unref (GwConfig *config)
{
  g_return_if_fail (config != NULL);
  if (!g_atomic_ref_count_dec (&config->ref_count))
    return;
  g_hash_table_unref (config->values);
  g_free (config);
}

GwConfig *
gw_config_copy (const GwConfig *config)
{
  g_return_val_if_fail (config != NULL, NULL);
  GwConfig *copy = gw_config_new ();
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, config->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->values, g_strdup (key), g_strdup (value));
  return copy;
}

void
gw_config_set (GwConfig *config, const char *key, const char *value)
{
  g_return_if_fail (config != NULL);
  g_return_if_fail (key != NULL);
  if (value == NULL)
    g_hash_table_remove (config->values, key);
  else
    g_hash_table_insert (config->values, g_strdup (key), g_strdup (value));
}

void
gw_config_unset (GwConfig *config, const char *key)
{
  g_return_if_fail (config != NULL);
  g_return_if_fail (key != NULL);
  g_hash_table_remove (config->values, key);
}

/* Checking values against the table */

static gboolean
parse_int64 (const char *text, gint64 min, gint64 max, gint64 *out)
{
  g_autofree gchar *trimmed = g_strstrip (g_strdup (text));
  gint64 value;
  if (!g_ascii_string_to_signed (trimmed, 10, min, max, &value, NULL))
    return FALSE;
  if (out != NULL)
    *out = value;
  return TRUE;
}

static gboolean
enum_contains (const char *enum_values, const char *text)
{
  g_auto (GStrv) values = g_strsplit (enum_values != NULL ? enum_values : "", "|", -1);
  g_autofree gchar *trimmed = g_strstrip (g_strdup (text));
  for (guint i = 0; values[i] != NULL; i++) {
    if (g_ascii_strcasecmp (values[i], trimmed) == 0)
      return TRUE;
  }
  return FALSE;
}

/* NULL when value parses as spec's type, else what was expected, for the error message. */
static gchar *
describe_invalid_value (const GwOptionSpec *spec, const char *value)
{
  switch (spec->type) {
  case GW_OPTION_STRING:
  case GW_OPTION_LIST:
    return NULL;
  case GW_OPTION_INT:
    if (parse_int64 (value, G_MININT32, G_MAXINT32, NULL))
      return NULL;
    if (parse_int64 (value, G_MININT64, G_MAXINT64, NULL))
      return g_strdup_printf ("expected an integer between %d and %d", G_MININT32, G_MAXINT32);
    return g_strdup ("expected an integer");
  case GW_OPTION_LONG:
    if (parse_int64 (value, G_MININT64, G_MAXINT64, NULL))
      return NULL;
    return g_strdup ("expected a 64-bit integer");
  case GW_OPTION_BOOL:
    if (gw_parse_bool (value, NULL))
      return NULL;
    return g_strdup ("expected 'true' or 'false'");
  case GW_OPTION_DURATION:
    if (gw_parse_duration_ms (value, NULL))
      return NULL;
    return g_strdup ("expected a non-negative duration such as '10 min', '30 s' or '500 ms'");
  case GW_OPTION_MEMORY:
    if (gw_parse_memory_bytes (value, NULL))
      return NULL;
    return g_strdup ("expected a non-negative memory size such as '64 mb', '1 gb' or '1024'");
  case GW_OPTION_ENUM:
    if (enum_contains (spec->enum_values, value))
      return NULL;
    g_auto (GStrv) values = g_strsplit (spec->enum_values != NULL ? spec->enum_values : "",
                                        "|", -1);
    g_autofree gchar *joined = g_strjoinv (", ", values);
    return g_strdup_printf ("expected one of %s", joined);
  }
  return g_strdup ("unknown option type");
}

/* Flink fails on left-over keys under the endpoint prefix; this gateway extends that to every
 * key under its own "sql-gateway." namespace so a typo in a bound is never silently ignored.
 * Other keys (table.*, pipeline.*) pass through to sessions as Flink does. */
static gboolean
is_reserved_key (const char *key)
{
  return g_str_has_prefix (key, "sql-gateway.");
}

gboolean
gw_config_validate (const GwConfig *config, GError **error)
{
  g_return_val_if_fail (config != NULL, FALSE);
  /* Sorted so that with several bad keys the one reported does not depend on hashing. */
  g_autoptr (GList) keys = g_list_sort (g_hash_table_get_keys (config->values),
                                        (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next) {
    const char *key = l->data;
    const char *value = g_hash_table_lookup (config->values, key);
    const GwOptionSpec *spec = gw_option_lookup (key);
    if (spec == NULL) {
      if (is_reserved_key (key)) {
        g_set_error (error, GW_ERROR, GW_ERROR_CONFIG, "Unknown option '%s'", key);
        return FALSE;
      }
      continue;
    }
    g_autofree gchar *expected = describe_invalid_value (spec, value);
    if (expected != NULL) {
      g_set_error (error, GW_ERROR, GW_ERROR_CONFIG, "Invalid value '%s' for option '%s': %s",
                   value, key, expected);
      return FALSE;
    }
  }
  return TRUE;
}

/* Getters */

const char *
gw_config_get_string (const GwConfig *config, const char *key)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  const char *value = g_hash_table_lookup (config->values, key);
  if (value != NULL)
    return value;
  const GwOptionSpec *spec = gw_option_lookup (key);
  return spec != NULL ? spec->default_value : NULL;
}

gboolean
gw_config_contains (const GwConfig *config, const char *key)
{
  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  return g_hash_table_contains (config->values, key);
}

typedef gboolean (*ValueParser) (const GwOptionSpec *spec, const char *text, gint64 *out);

static gboolean
parse_int_value (const GwOptionSpec *spec, const char *text, gint64 *out)
{
  if (spec != NULL && spec->type == GW_OPTION_INT)
    return parse_int64 (text, G_MININT32, G_MAXINT32, out);
  return parse_int64 (text, G_MININT64, G_MAXINT64, out);
}

static gboolean
parse_bool_value (const GwOptionSpec *spec, const char *text, gint64 *out)
{
  gboolean value;
  if (!gw_parse_bool (text, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
parse_duration_value (const GwOptionSpec *spec, const char *text, gint64 *out)
{
  return gw_parse_duration_ms (text, out);
}

static gboolean
parse_memory_value (const GwOptionSpec *spec, const char *text, gint64 *out)
{
  return gw_parse_memory_bytes (text, out);
}

/* The set value if it parses, else the table default, else 0. */
static gint64
get_parsed (const GwConfig *config, const char *key, ValueParser parse)
{
  const GwOptionSpec *spec = gw_option_lookup (key);
  const char *value = g_hash_table_lookup (config->values, key);
  gint64 result;
  if (value != NULL && parse (spec, value, &result))
    return result;
  if (spec != NULL && spec->default_value != NULL && parse (spec, spec->default_value, &result))
    return result;
  return 0;
}

gint64
gw_config_get_int (const GwConfig *config, const char *key)
{
  g_return_val_if_fail (config != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);
  return get_parsed (config, key, parse_int_value);
}

gboolean
gw_config_get_bool (const GwConfig *config, const char *key)
{
  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  return get_parsed (config, key, parse_bool_value) != 0;
}

gint64
gw_config_get_duration_ms (const GwConfig *config, const char *key)
{
  g_return_val_if_fail (config != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);
  return get_parsed (config, key, parse_duration_value);
}

gint64
gw_config_get_memory_bytes (const GwConfig *config, const char *key)
{
  g_return_val_if_fail (config != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);
  return get_parsed (config, key, parse_memory_value);
}

gchar **
gw_config_get_list (const GwConfig *config, const char *key)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  const char *value = gw_config_get_string (config, key);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  if (value != NULL) {
    g_auto (GStrv) items = g_strsplit_set (value, ";,", -1);
    for (guint i = 0; items[i] != NULL; i++) {
      g_strstrip (items[i]);
      if (items[i][0] != '\0')
        g_strv_builder_add (builder, items[i]);
    }
  }
  return g_strv_builder_end (builder);
}

GHashTable *
gw_config_to_hash_table (const GwConfig *config)
{
  g_return_val_if_fail (config != NULL, NULL);
  return gw_config_get_prefixed (config, "");
}

GHashTable *
gw_config_get_prefixed (const GwConfig *config, const char *prefix)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (prefix != NULL, NULL);
  GHashTable *result = new_string_table ();
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, config->values);
  while (g_hash_table_iter_next (&iter, &key, &value)) {
    if (g_str_has_prefix (key, prefix))
      g_hash_table_insert (result, g_strdup (key), g_strdup (value));
  }
  return result;
}

/* Loading */

gboolean
gw_config_set_from_arg (GwConfig *config, const char *arg, GError **error)
{
  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (arg != NULL, FALSE);
  const char *eq = strchr (arg, '=');
  g_autofree gchar *key = eq != NULL ? g_strstrip (g_strndup (arg, eq - arg)) : NULL;
  if (key == NULL || key[0] == '\0') {
    g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                 "Invalid dynamic property '%s': expected key=value", arg);
    return FALSE;
  }
  g_autofree gchar *value = g_strstrip (g_strdup (eq + 1));
  gw_config_set (config, key, value);
  return TRUE;
}

/* One line of the legacy flink-conf.yaml: "key: value", '#' starting a comment at the start of
 * the line or after whitespace (so "a#b" values survive), and a value in matching quotes
 * taken without them. Sets *out_key to NULL for blank and comment lines. */
static gboolean
parse_flat_line (const char *line, gchar **out_key, gchar **out_value)
{
  *out_key = NULL;
  *out_value = NULL;
  while (g_ascii_isspace (*line))
    line++;
  if (*line == '\0' || *line == '#')
    return TRUE;

  const char *sep = NULL;
  for (const char *p = line; *p != '\0' && sep == NULL; p++) {
    if (*p == '#' && g_ascii_isspace (p[-1]))
      break;
    if (p[0] == ':' && (p[1] == ' ' || p[1] == '\t'))
      sep = p;
  }
  if (sep == NULL)
    return FALSE;
  g_autofree gchar *key = g_strstrip (g_strndup (line, sep - line));
  const char *start = sep + 2;
  while (g_ascii_isspace (*start))
    start++;

  g_autofree gchar *value = NULL;
  if (*start == '"' || *start == '\'') {
    const char *close = strchr (start + 1, *start);
    const char *rest = close != NULL ? close + 1 : NULL;
    while (rest != NULL && g_ascii_isspace (*rest))
      rest++;
    if (rest != NULL && (*rest == '\0' || *rest == '#'))
      value = g_strndup (start + 1, close - start - 1);
  }
  if (value == NULL) {
    const char *end = start;
    while (*end != '\0' && !(*end == '#' && g_ascii_isspace (end[-1])))
      end++;
    value = g_strstrip (g_strndup (start, end - start));
    /* Flink ignores "key:" lines without a value; here a half-written line is an error. */
    if (value[0] == '\0')
      return FALSE;
  }
  if (key[0] == '\0')
    return FALSE;
  *out_key = g_steal_pointer (&key);
  *out_value = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
parse_flat (const char *path, const char *contents, GHashTable *pairs, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    gchar *key, *value;
    if (!parse_flat_line (lines[i], &key, &value)) {
      g_set_error (error, GW_ERROR, GW_ERROR_CONFIG,
                   "Invalid line %u in '%s': expected 'key: value', got '%s'", i + 1, path,
                   g_strstrip (lines[i]));
      return FALSE;
    }
    if (key != NULL)
      g_hash_table_insert (pairs, key, value);
  }
  return TRUE;
}

typedef struct {
  yaml_parser_t parser;
  const char *path;
  GHashTable *pairs; /* borrowed: flattened key → value */
} YamlLoad;

static gboolean
yaml_fail (YamlLoad *load, gsize line, const char *problem, GError **error)
{
  g_set_error (error, GW_ERROR, GW_ERROR_CONFIG, "Invalid YAML in '%s' at line %" G_GSIZE_FORMAT
               ": %s", load->path, line + 1, problem);
  return FALSE;
}

static gboolean
yaml_next (YamlLoad *load, yaml_event_t *event, GError **error)
{
  if (yaml_parser_parse (&load->parser, event))
    return TRUE;
  const char *problem = load->parser.problem != NULL ? load->parser.problem : "syntax error";
  g_autofree gchar *message = load->parser.context != NULL
    ? g_strdup_printf ("%s %s", problem, load->parser.context) : g_strdup (problem);
  return yaml_fail (load, load->parser.problem_mark.line, message, error);
}

/* YAML's null ("", "~", "null") as a value: the key is treated as not set. */
static gboolean
yaml_scalar_is_null (const yaml_event_t *event)
{
  const char *text = (const char *) event->data.scalar.value;
  if (event->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;
  return text[0] == '\0' || strcmp (text, "~") == 0 || strcmp (text, "null") == 0 ||
         strcmp (text, "Null") == 0 || strcmp (text, "NULL") == 0;
}

static gboolean yaml_node (YamlLoad *load, const yaml_event_t *event, const char *key,
                           guint depth, GError **error);

static gboolean
yaml_mapping (YamlLoad *load, const char *prefix, guint depth, GError **error)
{
  for (;;) {
    yaml_event_t key_event;
    if (!yaml_next (load, &key_event, error))
      return FALSE;
    if (key_event.type == YAML_MAPPING_END_EVENT) {
      yaml_event_delete (&key_event);
      return TRUE;
    }
    gsize line = key_event.start_mark.line;
    if (key_event.type != YAML_SCALAR_EVENT || key_event.data.scalar.length == 0) {
      yaml_event_delete (&key_event);
      return yaml_fail (load, line, "keys must be non-empty strings", error);
    }
    const char *name = (const char *) key_event.data.scalar.value;
    g_autofree gchar *key = prefix != NULL ? g_strconcat (prefix, ".", name, NULL)
                                           : g_strdup (name);
    yaml_event_delete (&key_event);

    yaml_event_t value_event;
    if (!yaml_next (load, &value_event, error))
      return FALSE;
    gboolean ok = yaml_node (load, &value_event, key, depth + 1, error);
    yaml_event_delete (&value_event);
    if (!ok)
      return FALSE;
  }
}

/* A list of scalars becomes "a;b;c", the form Flink's list options take in flat files. */
static gboolean
yaml_sequence (YamlLoad *load, const char *key, GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  for (;;) {
    yaml_event_t event;
    if (!yaml_next (load, &event, error))
      return FALSE;
    if (event.type == YAML_SEQUENCE_END_EVENT) {
      yaml_event_delete (&event);
      break;
    }
    gsize line = event.start_mark.line;
    if (event.type != YAML_SCALAR_EVENT) {
      yaml_event_delete (&event);
      return yaml_fail (load, line, "a list may only contain plain values", error);
    }
    if (!yaml_scalar_is_null (&event))
      g_ptr_array_add (items, g_strdup ((const char *) event.data.scalar.value));
    yaml_event_delete (&event);
  }
  g_ptr_array_add (items, NULL);
  g_hash_table_insert (load->pairs, g_strdup (key), g_strjoinv (";", (gchar **) items->pdata));
  return TRUE;
}

/* Consumes the node that starts with event; key is the dotted path leading to it (NULL at the
 * top level, which must be a mapping or empty). */
static gboolean
yaml_node (YamlLoad *load, const yaml_event_t *event, const char *key, guint depth,
           GError **error)
{
  gsize line = event->start_mark.line;
  if (depth > MAX_YAML_DEPTH)
    return yaml_fail (load, line, "nesting is too deep", error);
  switch (event->type) {
  case YAML_SCALAR_EVENT:
    if (yaml_scalar_is_null (event))
      return TRUE;
    if (key == NULL)
      return yaml_fail (load, line, "the top level must be a mapping of keys to values", error);
    g_hash_table_insert (load->pairs, g_strdup (key),
                         g_strdup ((const char *) event->data.scalar.value));
    return TRUE;
  case YAML_MAPPING_START_EVENT:
    return yaml_mapping (load, key, depth, error);
  case YAML_SEQUENCE_START_EVENT:
    if (key == NULL)
      return yaml_fail (load, line, "the top level must be a mapping of keys to values", error);
    return yaml_sequence (load, key, error);
  case YAML_ALIAS_EVENT:
    return yaml_fail (load, line, "aliases are not supported", error);
  default:
    return yaml_fail (load, line, "unexpected YAML event", error);
  }
}

static gboolean
parse_yaml (const char *path, const char *contents, gsize length, GHashTable *pairs,
            GError **error)
{
  YamlLoad load = { .path = path, .pairs = pairs };
  if (!yaml_parser_initialize (&load.parser)) {
    g_set_error (error, GW_ERROR, GW_ERROR_INTERNAL, "Cannot initialize the YAML parser");
    return FALSE;
  }
  yaml_parser_set_input_string (&load.parser, (const unsigned char *) contents, length);
  gboolean ok = TRUE;
  gboolean done = FALSE;
  while (ok && !done) {
    yaml_event_t event;
    ok = yaml_next (&load, &event, error);
    if (!ok)
      break;
    switch (event.type) {
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
      break;
    case YAML_STREAM_END_EVENT:
      done = TRUE;
      break;
    default:
      ok = yaml_node (&load, &event, NULL, 0, error);
      break;
    }
    yaml_event_delete (&event);
  }
  yaml_parser_delete (&load.parser);
  return ok;
}

/* "flink-conf.yaml" is Flink's legacy flat format; any other file name is read as standard
 * YAML, as Flink 1.19+ reads config.yaml. */
gboolean
gw_config_load_file (GwConfig *config, const char *path, GError **error)
{
  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_autofree gchar *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) local_error = NULL;
  if (!g_file_get_contents (path, &contents, &length, &local_error)) {
    g_set_error (error, GW_ERROR, GW_ERROR_CONFIG, "Cannot read configuration file: %s",
                 local_error->message);
    return FALSE;
  }

  /* Parsed into a scratch table first so a file with an error changes nothing. */
  g_autoptr (GHashTable) pairs = new_string_table ();
  g_autofree gchar *basename = g_path_get_basename (path);
  gboolean ok = strcmp (basename, "flink-conf.yaml") == 0
    ? parse_flat (path, contents, pairs, error)
    : parse_yaml (path, contents, length, pairs, error);
  if (!ok)
    return FALSE;

  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, &value)) {
    g_hash_table_iter_steal (&iter);
    g_hash_table_insert (config->values, key, value);
  }
  return TRUE;
}

gboolean
gw_config_load_dir (GwConfig *config, const char *conf_dir, GError **error)
{
  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (conf_dir != NULL, FALSE);
  static const char *const names[] = { "config.yaml", "flink-conf.yaml" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree gchar *path = g_build_filename (conf_dir, names[i], NULL);
    if (g_file_test (path, G_FILE_TEST_EXISTS))
      return gw_config_load_file (config, path, error);
  }
  return TRUE;
}
