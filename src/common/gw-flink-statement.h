/* Flink SQL statements the gateway understands, parsed once into a small tree (no engine types):
 * the service answers the gateway-level ones (SET, statement sets, jars, jobs) and routes DML to
 * jobs; an engine adapter translates the rest (catalogs, databases, DDL, SHOW, DESCRIBE) to its
 * own SQL. Anything the parser does not recognise is GW_FLINK_PASSTHROUGH: the engine gets the
 * text as written (after gw_flink_sql_to_engine()). Identifiers are kept as written (Flink is
 * case-sensitive); backtick quotes are removed ("`a``b`" → "a`b").
 *
 * Raw SQL pieces (queries, expressions) are byte ranges of the input, backticks untouched:
 * callers pass them through gw_flink_sql_to_engine() before handing them to an engine. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GW_FLINK_PASSTHROUGH,          /* not ours: the engine runs the text */

  /* gateway-level (src/service) */
  GW_FLINK_SET,                  /* SET 'k' = 'v' | SET k = v (Hive style): key, value */
  GW_FLINK_SET_LIST,             /* SET */
  GW_FLINK_SET_SHOW,             /* SET k (Hive style: show one key): key */
  GW_FLINK_RESET,                /* RESET 'k' | RESET k: key */
  GW_FLINK_RESET_ALL,            /* RESET */
  GW_FLINK_BEGIN_STATEMENT_SET,  /* BEGIN STATEMENT SET */
  GW_FLINK_END,                  /* END */
  GW_FLINK_EXECUTE_STATEMENT_SET,/* EXECUTE STATEMENT SET BEGIN s1; s2; ... END: statements */
  GW_FLINK_ADD_JAR,              /* ADD JAR '<path>': value */
  GW_FLINK_REMOVE_JAR,           /* REMOVE JAR '<path>': value */
  GW_FLINK_SHOW_JARS,            /* SHOW JARS */
  GW_FLINK_SHOW_JOBS,            /* SHOW JOBS */
  GW_FLINK_DESCRIBE_JOB,         /* DESCRIBE|DESC JOB '<id>': value */
  GW_FLINK_STOP_JOB,             /* STOP JOB '<id>' [WITH SAVEPOINT] [WITH DRAIN]: value */

  /* DML: run as jobs */
  GW_FLINK_INSERT,               /* INSERT INTO|OVERWRITE name [(cols)] query: insert */
  GW_FLINK_CREATE_TABLE_AS,      /* CREATE TABLE ... [WITH (...)] AS query: create_table */

  /* engine-translated */
  GW_FLINK_QUERY,                /* SELECT / WITH / VALUES / (…): query (the whole text) */
  GW_FLINK_EXPLAIN,              /* EXPLAIN [PLAN FOR | details,] stmt: query = the inner text */
  GW_FLINK_CREATE_CATALOG,       /* name(1 part), if_not_exists, options */
  GW_FLINK_DROP_CATALOG,         /* name, if_exists */
  GW_FLINK_ALTER_CATALOG,        /* ALTER CATALOG c SET (...) | RESET ('k', ...) | COMMENT 'x':
                                  * name, options (SET), reset_keys (RESET), comment */
  GW_FLINK_USE_CATALOG,          /* name */
  GW_FLINK_SHOW_CATALOGS,        /* like */
  GW_FLINK_SHOW_CURRENT_CATALOG,
  GW_FLINK_DESCRIBE_CATALOG,     /* DESCRIBE|DESC CATALOG [EXTENDED] c: name, extended */
  GW_FLINK_SHOW_CREATE_CATALOG,  /* name */
  GW_FLINK_CREATE_DATABASE,      /* name (1-2 parts), if_not_exists, comment, options */
  GW_FLINK_DROP_DATABASE,        /* name, if_exists, cascade */
  GW_FLINK_ALTER_DATABASE,       /* ALTER DATABASE [c.]db SET (...): name, options */
  GW_FLINK_USE_DATABASE,         /* USE [c.]db: name */
  GW_FLINK_SHOW_DATABASES,       /* SHOW DATABASES [FROM|IN c] [[NOT] [I]LIKE 'p']: from, like */
  GW_FLINK_SHOW_CURRENT_DATABASE,
  GW_FLINK_SHOW_TABLES,          /* SHOW TABLES [FROM|IN [c.]db] [like]: from, like */
  GW_FLINK_SHOW_VIEWS,           /* SHOW VIEWS [FROM|IN [c.]db] [like]: from, like */
  GW_FLINK_SHOW_COLUMNS,         /* SHOW COLUMNS FROM|IN [[c.]db.]t [like]: name, like */
  GW_FLINK_SHOW_FUNCTIONS,       /* SHOW [USER] FUNCTIONS [FROM|IN [c.]db] [like]: user, from, like */
  GW_FLINK_DESCRIBE_TABLE,       /* DESCRIBE|DESC [EXTENDED] [[c.]db.]t: name, extended */
  GW_FLINK_SHOW_CREATE_TABLE,    /* name */
  GW_FLINK_SHOW_CREATE_VIEW,     /* name */
  GW_FLINK_CREATE_TABLE,         /* create_table (also CREATE TABLE ... LIKE) */
  GW_FLINK_CREATE_VIEW,          /* create_view */
  GW_FLINK_DROP_TABLE,           /* DROP [TEMPORARY] TABLE [IF EXISTS] name: name, temporary, if_exists */
  GW_FLINK_DROP_VIEW,            /* DROP [TEMPORARY] VIEW [IF EXISTS] name */
  GW_FLINK_ALTER_TABLE,          /* alter_table */
} GwFlinkStatementKind;

/* An identifier path as written: "t", "db.t" or "cat.db.t" (n_parts 1..3). */
typedef struct {
  gchar *parts[3]; /* owned, parts[n_parts..2] are NULL */
  guint  n_parts;
} GwFlinkName;

/* [NOT] LIKE | ILIKE 'pattern' on a SHOW list (SQL LIKE: % and _). */
typedef struct {
  gchar   *pattern;   /* owned; NULL: no filter */
  gboolean negated;   /* NOT LIKE */
  gboolean case_insensitive; /* ILIKE */
} GwFlinkLike;

/* Option lists: WITH ('k' = 'v', ...). Parallel arrays in written order, NULL-terminated. */
typedef struct {
  GStrv keys;   /* owned */
  GStrv values; /* owned */
} GwFlinkOptions;

typedef enum {
  GW_FLINK_COLUMN_PHYSICAL, /* name type [NOT NULL] ... */
  GW_FLINK_COLUMN_COMPUTED, /* name AS expression */
  GW_FLINK_COLUMN_METADATA, /* name type METADATA [FROM 'key'] [VIRTUAL] */
} GwFlinkColumnKind;

typedef struct {
  gchar            *name;        /* owned */
  GwFlinkColumnKind kind;
  gchar            *type;        /* owned: the Flink type as written, incl. NOT NULL ("INT NOT NULL");
                                  * NULL for computed columns */
  gchar            *expression;  /* owned: computed column expression text; metadata key */
  gboolean          is_virtual;  /* metadata VIRTUAL */
  gchar            *comment;     /* owned, may be NULL */
  gboolean          primary_key; /* inline PRIMARY KEY NOT ENFORCED */
} GwFlinkColumn;

typedef enum {
  GW_FLINK_LIKE_INCLUDING,
  GW_FLINK_LIKE_EXCLUDING,
  GW_FLINK_LIKE_OVERWRITING,
} GwFlinkLikeStrategy;

/* One `INCLUDING ALL` / `EXCLUDING OPTIONS` ... of CREATE TABLE ... LIKE. */
typedef struct {
  GwFlinkLikeStrategy strategy;
  gchar              *feature;   /* owned, upper case: ALL, CONSTRAINTS, GENERATED, METADATA,
                                  * OPTIONS, PARTITIONS, WATERMARKS */
} GwFlinkLikeOption;

typedef struct {
  GwFlinkName     name;
  gboolean        temporary;
  gboolean        if_not_exists;
  GPtrArray      *columns;          /* GwFlinkColumn*, owned; empty for CTAS without columns */
  GStrv           primary_key;      /* owned: table-level PRIMARY KEY (a, b) NOT ENFORCED, or NULL */
  gchar          *constraint_name;  /* owned: CONSTRAINT name, may be NULL */
  gchar          *watermark_column; /* owned: WATERMARK FOR column AS expression */
  gchar          *watermark_expression; /* owned */
  gchar          *comment;          /* owned */
  GStrv           partition_keys;   /* owned: PARTITIONED BY (a, b), or NULL */
  GwFlinkOptions  options;          /* WITH (...) */
  GwFlinkName     like_source;      /* LIKE source (n_parts 0: no LIKE) */
  GPtrArray      *like_options;     /* GwFlinkLikeOption*, owned */
  gchar          *as_query;         /* owned: CTAS query text, NULL otherwise */
} GwFlinkCreateTable;

typedef struct {
  GwFlinkName name;
  gboolean    temporary;
  gboolean    if_not_exists;
  GStrv       column_names;  /* owned: CREATE VIEW v (a, b) AS ..., or NULL */
  gchar      *comment;       /* owned */
  gchar      *query;         /* owned: the text after AS */
} GwFlinkCreateView;

typedef enum {
  GW_FLINK_ALTER_RENAME,        /* ALTER TABLE t RENAME TO new: new_name */
  GW_FLINK_ALTER_SET,           /* ALTER TABLE t SET ('k'='v', ...): options */
  GW_FLINK_ALTER_RESET,         /* ALTER TABLE t RESET ('k', ...): reset_keys */
  GW_FLINK_ALTER_ADD,           /* ALTER TABLE t ADD col | ADD (col, ...) [FIRST|AFTER c]: columns */
  GW_FLINK_ALTER_MODIFY,        /* ALTER TABLE t MODIFY col | MODIFY (col, ...): columns */
  GW_FLINK_ALTER_DROP_COLUMNS,  /* ALTER TABLE t DROP col | DROP (a, b): column_names */
  GW_FLINK_ALTER_RENAME_COLUMN, /* ALTER TABLE t RENAME a TO b: column_names = {a, b} */
  GW_FLINK_ALTER_DROP_PRIMARY_KEY,  /* ALTER TABLE t DROP PRIMARY KEY */
  GW_FLINK_ALTER_DROP_WATERMARK,    /* ALTER TABLE t DROP WATERMARK */
} GwFlinkAlterAction;

typedef struct {
  GwFlinkName        name;
  gboolean           if_exists;
  GwFlinkAlterAction action;
  GwFlinkName        new_name;     /* RENAME TO */
  GwFlinkOptions     options;      /* SET */
  GStrv              reset_keys;   /* owned: RESET */
  GPtrArray         *columns;      /* GwFlinkColumn*, owned: ADD / MODIFY */
  GStrv              column_names; /* owned: DROP, RENAME column */
  gchar             *position_after; /* owned: AFTER col, or NULL */
  gboolean           position_first; /* FIRST */
  /* ADD/MODIFY may also carry a PRIMARY KEY or WATERMARK clause: */
  GStrv              primary_key;
  gchar             *watermark_column;
  gchar             *watermark_expression;
} GwFlinkAlterTable;

typedef struct {
  gchar       *target_text;  /* owned: the target as written, for job names */
  GwFlinkName  target;
  gboolean     overwrite;    /* INSERT OVERWRITE */
  GStrv        columns;      /* owned: INSERT INTO t (a, b), or NULL */
  gchar       *query;        /* owned: the source query text (SELECT/VALUES/WITH ...) */
} GwFlinkInsert;

typedef struct {
  GwFlinkStatementKind kind;
  gchar               *text;         /* owned: the statement as given, trailing ';' removed */
  /* which members are used depends on kind (see the enum) */
  gchar               *key;          /* SET, SET_SHOW, RESET */
  gchar               *value;        /* SET; ADD/REMOVE JAR path; job id */
  GwFlinkName          name;         /* the object a statement names */
  GwFlinkName          from;         /* SHOW ... FROM|IN */
  GwFlinkLike          like;
  GwFlinkOptions       options;
  GStrv                reset_keys;   /* ALTER CATALOG RESET */
  gchar               *comment;
  gboolean             if_exists;
  gboolean             if_not_exists;
  gboolean             temporary;
  gboolean             extended;     /* DESCRIBE [CATALOG] EXTENDED */
  gboolean             cascade;      /* DROP DATABASE ... CASCADE */
  gboolean             user_only;    /* SHOW USER FUNCTIONS */
  gboolean             with_savepoint; /* STOP JOB ... WITH SAVEPOINT */
  gboolean             with_drain;   /* STOP JOB ... WITH DRAIN */
  gchar               *query;        /* QUERY: the whole text; EXPLAIN: the inner statement */
  GPtrArray           *statements;   /* EXECUTE STATEMENT SET: GwFlinkStatement*, owned */
  GwFlinkInsert       *insert;       /* INSERT, owned */
  GwFlinkCreateTable  *create_table; /* CREATE_TABLE, CREATE_TABLE_AS, owned */
  GwFlinkCreateView   *create_view;  /* owned */
  GwFlinkAlterTable   *alter_table;  /* owned */
} GwFlinkStatement;

/* Parses one statement (a trailing ';' is allowed). Returns NULL with GW_ERROR_SQL and a Flink-like
 * message ("SQL parse failed. Encountered \"x\" at line 1, column 7.") when the statement starts
 * like one of ours but does not parse: a caller may still hand the text to the engine as
 * GW_FLINK_PASSTHROUGH (see gw_flink_statement_is_strict()). Never NULL for unknown statements:
 * those come back as GW_FLINK_PASSTHROUGH. */
GwFlinkStatement *gw_flink_statement_parse (const char *sql, GError **error);
void              gw_flink_statement_free (GwFlinkStatement *statement);
/* TRUE when a parse failure of sql must be reported rather than passed to the engine: the
 * statement starts with words only Flink has (SET '…', STATEMENT SET, JAR, JOB(S), CATALOG(S),
 * SHOW CURRENT, ... WITH ( connector ...). */
gboolean          gw_flink_statement_is_strict (const char *sql);

/* DML that runs as a job: INSERT, CTAS, EXECUTE STATEMENT SET. */
gboolean          gw_flink_statement_is_dml (const GwFlinkStatement *statement);

/* "c.db.t" with each part backtick-quoted when it is not a plain identifier. */
gchar            *gw_flink_name_to_string (const GwFlinkName *name);
void              gw_flink_name_clear (GwFlinkName *name);
/* Frees a column built by a parser or by a caller (every string member is owned). */
void              gw_flink_column_free (GwFlinkColumn *column);
void              gw_flink_create_table_free (GwFlinkCreateTable *table);
void              gw_flink_options_clear (GwFlinkOptions *options);
/* The value of key in options (exact key match), or NULL. */
const char       *gw_flink_options_lookup (const GwFlinkOptions *options, const char *key);

/* Flink's SHOW CREATE TABLE / VIEW text for a parsed CREATE TABLE or CREATE VIEW, with the
 * object's full path (`c`.`d`.`t`) instead of the name as written; options sorted by key. Also
 * the normalized form the DuckDB engine stores as metadata (it parses back to the same tree). */
gchar            *gw_flink_create_table_to_sql (const GwFlinkCreateTable *table,
                                                const GwFlinkName *full_name);
gchar            *gw_flink_create_view_to_sql (const GwFlinkCreateView *view,
                                               const GwFlinkName *full_name);

/* Rewrites Flink SQL text for an engine whose identifiers are double-quoted (DuckDB,
 * PostgreSQL): `a``b` → "a`b", a double quote inside becomes "". String literals, comments and
 * everything else are copied as they are. */
gchar            *gw_flink_sql_to_engine (const char *sql);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwFlinkStatement, gw_flink_statement_free)

G_END_DECLS
