/* Gateway configuration: one declarative option table (key, type, default, description) drives
 * parsing of $FLINK_CONF_DIR/flink-conf.yaml (flat keys) or config.yaml (nested YAML), the
 * -Dkey=value overrides (which win), validation, `sql-gateway --help` and the README table.
 *
 * Keys that are not in the table are kept as they are (they become session defaults, as Flink
 * passes its whole configuration to sessions), except under "sql-gateway.endpoint.<id>." and
 * "sql-gateway.engine." / "sql-gateway.session." / "sql-gateway.worker." / "sql-gateway.result.",
 * where an unknown key is an error. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GW_OPTION_STRING,
  GW_OPTION_INT,       /* 32-bit signed */
  GW_OPTION_LONG,      /* 64-bit signed */
  GW_OPTION_BOOL,      /* true/false (case-insensitive) */
  GW_OPTION_DURATION,  /* "10 min", "5 s", "100ms", "1h", plain number = milliseconds */
  GW_OPTION_MEMORY,    /* "64mb", "1 gb", "1024" (bytes) */
  GW_OPTION_LIST,      /* "a;b" or "a,b" (YAML lists allowed too) */
  GW_OPTION_ENUM,      /* one of a fixed set, case-insensitive */
} GwOptionType;

typedef struct {
  const char   *key;
  GwOptionType  type;
  const char   *default_value;  /* NULL = no default */
  const char   *description;
  const char   *enum_values;    /* GW_OPTION_ENUM only: "A|B|C" */
} GwOptionSpec;

/* The whole table, terminated by an entry with key NULL. */
const GwOptionSpec *gw_option_table (void);
const GwOptionSpec *gw_option_lookup (const char *key);

typedef struct _GwConfig GwConfig;

GwConfig   *gw_config_new (void);
GwConfig   *gw_config_ref (GwConfig *config);
void        gw_config_unref (GwConfig *config);
GwConfig   *gw_config_copy (const GwConfig *config);

/* Loads $FLINK_CONF_DIR (conf_dir) config.yaml if present, else flink-conf.yaml if present;
 * a missing directory or file is not an error. */
gboolean    gw_config_load_dir (GwConfig *config, const char *conf_dir, GError **error);
gboolean    gw_config_load_file (GwConfig *config, const char *path, GError **error);
/* One "-D" argument: "key=value". */
gboolean    gw_config_set_from_arg (GwConfig *config, const char *arg, GError **error);
void        gw_config_set (GwConfig *config, const char *key, const char *value);
void        gw_config_unset (GwConfig *config, const char *key);
/* Checks every key set against the table: known keys must parse as their type; unknown keys
 * under the reserved prefixes are errors. GW_ERROR_CONFIG names the key and the bad value. */
gboolean    gw_config_validate (const GwConfig *config, GError **error);

/* Raw string: the value set, else the table default, else NULL. */
const char *gw_config_get_string (const GwConfig *config, const char *key);
gboolean    gw_config_contains (const GwConfig *config, const char *key);
/* Typed getters for table keys; a value that does not parse falls back to the default (call
 * gw_config_validate first to report it). */
gint64      gw_config_get_int (const GwConfig *config, const char *key);
gboolean    gw_config_get_bool (const GwConfig *config, const char *key);
gint64      gw_config_get_duration_ms (const GwConfig *config, const char *key);
gint64      gw_config_get_memory_bytes (const GwConfig *config, const char *key);
/* NULL-terminated, trimmed, empty items dropped. */
gchar     **gw_config_get_list (const GwConfig *config, const char *key);

/* Every key explicitly set, with its value (not the defaults). Newly allocated copy. */
GHashTable *gw_config_to_hash_table (const GwConfig *config);
/* Keys explicitly set that start with prefix. */
GHashTable *gw_config_get_prefixed (const GwConfig *config, const char *prefix);

/* Parsers, exposed for tests and other callers. */
gboolean    gw_parse_duration_ms (const char *text, gint64 *out_ms);
gboolean    gw_parse_memory_bytes (const char *text, gint64 *out_bytes);
gboolean    gw_parse_bool (const char *text, gboolean *out);

/* `sql-gateway --help` text and the README's Markdown table. */
gchar      *gw_option_table_format_help (void);
gchar      *gw_option_table_format_markdown (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwConfig, gw_config_unref)

G_END_DECLS
