/* Tests of Flink type → DuckDB type text: the text for every Flink type, and that a real DuckDB
 * table column of that type reads back through the engine as the expected Flink type. */
#include "gw-duckdb-test-util.h"
#include "gw-duckdb-private.h"
#include "gw-duckdb-type-sql.h"
#include "gw-flink-type.h"

static GwEngine *engine;
static GwEngineConnection *conn;

typedef struct {
  const char *flink;       /* Flink type string */
  const char *duckdb;      /* gw_duckdb_type_sql() */
  const char *read_back;   /* summary of the DuckDB column's type as the engine reports it */
} TypeSqlCase;

/* Types that do not round-trip exactly (read_back != the flink summary), and why:
 *   CHAR(n), VARCHAR(n)       → STRING             DuckDB strings have no length
 *   BINARY(n), VARBINARY(n)   → BYTES              the same for BLOB
 *   TIME(p), p != 6           → TIME(6)            DuckDB TIME is micros
 *   TIMESTAMP(p), p < 6       → TIMESTAMP(6)       micros (TIMESTAMP_S/_MS avoided, see the .c)
 *   TIMESTAMP(p), 6 < p < 9   → TIMESTAMP(9)       nanos
 *   TIMESTAMP(p) WITH TIME ZONE, TIMESTAMP_LTZ(p) → TIMESTAMP_LTZ(6)  DuckDB TIMESTAMPTZ is an
 *                                                  instant in micros
 *   every INTERVAL            → INTERVAL DAY(6) TO SECOND(3)  DuckDB has one interval type
 *   MULTISET<T>               → MAP<T, INT>        Flink's own representation of a multiset
 *   NULL                      → STRING             DuckDB has no NULL column type
 *   T NOT NULL                → T                  nullability is a column constraint
 * and all of these inside ARRAY, MAP and ROW. */
static const TypeSqlCase cases[] = {
  { "CHAR(3)", "VARCHAR", "STRING" },
  { "VARCHAR(10)", "VARCHAR", "STRING" },
  { "STRING", "VARCHAR", "STRING" },
  { "BOOLEAN", "BOOLEAN", "BOOLEAN" },
  { "BINARY(3)", "BLOB", "BYTES" },
  { "VARBINARY(7)", "BLOB", "BYTES" },
  { "BYTES", "BLOB", "BYTES" },
  { "DECIMAL(10, 2)", "DECIMAL(10, 2)", "DECIMAL(10, 2)" },
  { "DECIMAL(1, 0)", "DECIMAL(1, 0)", "DECIMAL(1, 0)" },
  { "DECIMAL(38, 38)", "DECIMAL(38, 38)", "DECIMAL(38, 38)" },
  { "TINYINT", "TINYINT", "TINYINT" },
  { "SMALLINT", "SMALLINT", "SMALLINT" },
  { "INT", "INTEGER", "INT" },
  { "BIGINT", "BIGINT", "BIGINT" },
  { "FLOAT", "FLOAT", "FLOAT" },
  { "DOUBLE", "DOUBLE", "DOUBLE" },
  { "DATE", "DATE", "DATE" },
  { "TIME", "TIME", "TIME(6)" },
  { "TIME(6)", "TIME", "TIME(6)" },
  { "TIME(9)", "TIME", "TIME(6)" },
  { "TIMESTAMP(0)", "TIMESTAMP", "TIMESTAMP(6)" },
  { "TIMESTAMP(3)", "TIMESTAMP", "TIMESTAMP(6)" },
  { "TIMESTAMP", "TIMESTAMP", "TIMESTAMP(6)" },
  { "TIMESTAMP(7)", "TIMESTAMP_NS", "TIMESTAMP(9)" },
  { "TIMESTAMP(9)", "TIMESTAMP_NS", "TIMESTAMP(9)" },
  { "TIMESTAMP(3) WITH TIME ZONE", "TIMESTAMPTZ", "TIMESTAMP_LTZ(6)" },
  { "TIMESTAMP(3) WITH LOCAL TIME ZONE", "TIMESTAMPTZ", "TIMESTAMP_LTZ(6)" },
  { "TIMESTAMP_LTZ", "TIMESTAMPTZ", "TIMESTAMP_LTZ(6)" },
  { "INTERVAL YEAR TO MONTH", "INTERVAL", "INTERVAL DAY(6) TO SECOND(3)" },
  { "INTERVAL DAY(2) TO SECOND(3)", "INTERVAL", "INTERVAL DAY(6) TO SECOND(3)" },
  { "INTERVAL SECOND", "INTERVAL", "INTERVAL DAY(6) TO SECOND(3)" },
  { "ARRAY<INT>", "INTEGER[]", "ARRAY<INT>" },
  { "ARRAY<ARRAY<STRING NOT NULL>>", "VARCHAR[][]", "ARRAY<ARRAY<STRING>>" },
  { "MULTISET<STRING>", "MAP(VARCHAR, INTEGER)", "MAP<STRING, INT>" },
  { "MAP<STRING, INT>", "MAP(VARCHAR, INTEGER)", "MAP<STRING, INT>" },
  { "MAP<INT, ARRAY<DECIMAL(5, 1)>>", "MAP(INTEGER, DECIMAL(5, 1)[])", "MAP<INT, ARRAY<DECIMAL(5, 1)>>" },
  { "ROW<a INT, b STRING>", "STRUCT(\"a\" INTEGER, \"b\" VARCHAR)", "ROW<`a` INT, `b` STRING>" },
  { "ROW<`we\"ird name` INT, `Up` ROW<x TIMESTAMP_LTZ(3)>>",
    "STRUCT(\"we\"\"ird name\" INTEGER, \"Up\" STRUCT(\"x\" TIMESTAMPTZ))",
    "ROW<`we\"ird name` INT, `Up` ROW<`x` TIMESTAMP_LTZ(6)>>" },
  { "ARRAY<ROW<k BYTES, v MAP<DATE, DOUBLE>>>", "STRUCT(\"k\" BLOB, \"v\" MAP(DATE, DOUBLE))[]",
    "ARRAY<ROW<`k` BYTES, `v` MAP<DATE, DOUBLE>>>" },
  { "INT NOT NULL", "INTEGER", "INT" },
  { "NULL", "VARCHAR", "STRING" },
};

static GwLogicalType *
parse (const char *flink)
{
  g_autoptr (GError) error = NULL;
  GwLogicalType *type = gw_flink_type_parse (flink, &error);
  g_assert_no_error (error);
  return type;
}

static void
test_text (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GwLogicalType) type = parse (cases[i].flink);
    g_autofree gchar *sql = gw_duckdb_type_sql (type);
    if (g_strcmp0 (sql, cases[i].duckdb) != 0)
      g_error ("%s: expected %s, got %s", cases[i].flink, cases[i].duckdb, sql);
  }
}

/* DuckDB SQL straight to the engine connection: the Flink front-end would read the column
 * types of CREATE TABLE as Flink types. */
static GwResultSchema *
run_sql (const char *sql)
{
  g_autoptr (GError) error = NULL;
  GwEngineCursor *cursor = gw_duckdb_cursor_execute_sql ((GwDuckdbConnection *) conn, sql, NULL,
                                                         &error);
  if (cursor == NULL)
    g_error ("%s: %s", sql, error->message);
  GwResultSchema *schema = gw_result_schema_ref (gw_engine_cursor_get_schema (cursor));
  g_autoptr (GwBatch) batch = gw_batch_new (schema, 1);
  gboolean eos = FALSE;
  while (!eos) {
    gboolean ok = gw_engine_cursor_fetch (cursor, batch, G_MAXUINT, G_MAXSIZE, &eos, &error);
    g_assert_no_error (error);
    g_assert_true (ok);
  }
  gw_engine_cursor_free (cursor);
  return schema;
}

static void
check_read_back (GwResultSchema *schema, const TypeSqlCase *c)
{
  g_assert_cmpuint (gw_result_schema_get_n_columns (schema), ==, 1);
  g_autofree gchar *summary = gw_logical_type_to_string (gw_result_schema_get_type (schema, 0));
  if (g_strcmp0 (summary, c->read_back) != 0)
    g_error ("%s as %s: expected to read back %s, got %s", c->flink, c->duckdb, c->read_back,
             summary);
}

static void
test_create_table (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GwLogicalType) type = parse (cases[i].flink);
    g_autofree gchar *sql = gw_duckdb_type_sql (type);
    g_autofree gchar *create = g_strdup_printf ("CREATE TABLE type_sql_t (c %s)", sql);
    g_autoptr (GwResultSchema) created = run_sql (create);
    g_autoptr (GwResultSchema) schema = run_sql ("SELECT c FROM type_sql_t");
    check_read_back (schema, &cases[i]);
    g_autoptr (GwResultSchema) dropped = run_sql ("DROP TABLE type_sql_t");
  }
}

/* The same text works in a cast, the other use of the function. */
static void
test_cast (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GwLogicalType) type = parse (cases[i].flink);
    g_autofree gchar *sql = gw_duckdb_type_sql (type);
    g_autofree gchar *select = g_strdup_printf ("SELECT CAST(NULL AS %s) AS c", sql);
    g_autoptr (GwResultSchema) schema = run_sql (select);
    check_read_back (schema, &cases[i]);
  }
}

/* Built directly, since the parser rejects a DECIMAL wider than Flink's 38 digits. */
static void
test_decimal_clamp (void)
{
  g_autoptr (GwLogicalType) wide = gw_logical_type_new_decimal (TRUE, 40, 2);
  g_autofree gchar *sql = gw_duckdb_type_sql (wide);
  g_assert_cmpstr (sql, ==, "DECIMAL(38, 2)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  engine = test_engine_open ("sql-gateway.engine.duckdb.threads", "2", NULL);
  conn = test_connect (engine);

  g_test_add_func ("/engine/duckdb/type-sql/text", test_text);
  g_test_add_func ("/engine/duckdb/type-sql/create-table", test_create_table);
  g_test_add_func ("/engine/duckdb/type-sql/cast", test_cast);
  g_test_add_func ("/engine/duckdb/type-sql/decimal-clamp", test_decimal_clamp);

  int status = g_test_run ();
  gw_engine_connection_close (conn);
  gw_engine_close (engine);
  return status;
}
