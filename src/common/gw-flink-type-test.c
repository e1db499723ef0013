/* Tests of the Flink type parser: every type of Flink's grammar against the summary string Flink
 * prints for it, and Flink's error messages for what does not parse. */
#include "gw-flink-type.h"
#include "gw-error.h"

typedef struct {
  const char *input;
  const char *expected;   /* asSummaryString() of Flink's parse result */
} TypeCase;

static const TypeCase atomic_cases[] = {
  { "CHAR", "CHAR(1)" },
  { "char(5)", "CHAR(5)" },
  { "VARCHAR", "VARCHAR(1)" },
  { "VARCHAR(10)", "VARCHAR(10)" },
  { "varchar(2147483647)", "STRING" },
  { "STRING", "STRING" },
  { "String NOT NULL", "STRING NOT NULL" },
  { "BOOLEAN", "BOOLEAN" },
  { "BINARY", "BINARY(1)" },
  { "BINARY(3)", "BINARY(3)" },
  { "VARBINARY", "VARBINARY(1)" },
  { "VARBINARY(7)", "VARBINARY(7)" },
  { "BYTES", "BYTES" },
  { "DECIMAL", "DECIMAL(10, 0)" },
  { "DECIMAL(5)", "DECIMAL(5, 0)" },
  { "DECIMAL(10, 2)", "DECIMAL(10, 2)" },
  { "DEC(38,38)", "DECIMAL(38, 38)" },
  { "NUMERIC(3, 1)", "DECIMAL(3, 1)" },
  { "TINYINT", "TINYINT" },
  { "SMALLINT", "SMALLINT" },
  { "INT", "INT" },
  { "INTEGER", "INT" },
  { "int not null", "INT NOT NULL" },
  { "INT NULL", "INT" },
  { "BIGINT", "BIGINT" },
  { "FLOAT", "FLOAT" },
  { "REAL", "FLOAT" },
  { "DOUBLE", "DOUBLE" },
  { "DOUBLE PRECISION", "DOUBLE" },
  { "DATE", "DATE" },
  { "TIME", "TIME(0)" },
  { "TIME(3)", "TIME(3)" },
  { "TIME(9) WITHOUT TIME ZONE", "TIME(9)" },
  { "TIMESTAMP", "TIMESTAMP(6)" },
  { "TIMESTAMP(3)", "TIMESTAMP(3)" },
  { "TIMESTAMP(0) WITHOUT TIME ZONE", "TIMESTAMP(0)" },
  { "TIMESTAMP WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE" },
  { "TIMESTAMP(3) WITH LOCAL TIME ZONE", "TIMESTAMP_LTZ(3)" },
  { "timestamp with local time zone not null", "TIMESTAMP_LTZ(6) NOT NULL" },
  { "TIMESTAMP_LTZ", "TIMESTAMP_LTZ(6)" },
  { "TIMESTAMP_LTZ(3)", "TIMESTAMP_LTZ(3)" },
  { "NULL", "NULL" },
  { "NULL NULL", "NULL" },
};

static const TypeCase interval_cases[] = {
  { "INTERVAL YEAR", "INTERVAL YEAR(2)" },
  { "INTERVAL YEAR(4)", "INTERVAL YEAR(4)" },
  { "INTERVAL YEAR TO MONTH", "INTERVAL YEAR(2) TO MONTH" },
  { "INTERVAL YEAR(3) TO MONTH", "INTERVAL YEAR(3) TO MONTH" },
  { "INTERVAL MONTH", "INTERVAL MONTH" },
  { "INTERVAL DAY", "INTERVAL DAY(2)" },
  { "INTERVAL DAY(5)", "INTERVAL DAY(5)" },
  { "INTERVAL DAY TO HOUR", "INTERVAL DAY(2) TO HOUR" },
  { "INTERVAL DAY(1) TO MINUTE", "INTERVAL DAY(1) TO MINUTE" },
  { "INTERVAL DAY TO SECOND", "INTERVAL DAY(2) TO SECOND(6)" },
  { "INTERVAL DAY(2) TO SECOND(3)", "INTERVAL DAY(2) TO SECOND(3)" },
  { "INTERVAL HOUR", "INTERVAL HOUR" },
  { "INTERVAL HOUR TO MINUTE", "INTERVAL HOUR TO MINUTE" },
  { "INTERVAL HOUR TO SECOND", "INTERVAL HOUR TO SECOND(6)" },
  { "INTERVAL HOUR TO SECOND(0)", "INTERVAL HOUR TO SECOND(0)" },
  { "INTERVAL MINUTE", "INTERVAL MINUTE" },
  { "INTERVAL MINUTE TO SECOND(9)", "INTERVAL MINUTE TO SECOND(9)" },
  { "INTERVAL SECOND", "INTERVAL SECOND(6)" },
  { "INTERVAL SECOND(3) NOT NULL", "INTERVAL SECOND(3) NOT NULL" },
};

static const TypeCase nested_cases[] = {
  { "ARRAY<INT>", "ARRAY<INT>" },
  { "ARRAY<INT NOT NULL> NOT NULL", "ARRAY<INT NOT NULL> NOT NULL" },
  { "INT ARRAY", "ARRAY<INT>" },
  { "INT NOT NULL ARRAY NOT NULL", "ARRAY<INT NOT NULL> NOT NULL" },
  { "ARRAY<ARRAY<STRING>>", "ARRAY<ARRAY<STRING>>" },
  { "MULTISET<STRING>", "MULTISET<STRING>" },
  { "STRING MULTISET", "MULTISET<STRING>" },
  { "MAP<STRING, INT>", "MAP<STRING, INT>" },
  { "map<varchar(3) not null, array<decimal(5, 1)>>", "MAP<VARCHAR(3) NOT NULL, ARRAY<DECIMAL(5, 1)>>" },
  { "ROW<a INT, b STRING>", "ROW<`a` INT, `b` STRING>" },
  { "ROW(a INT, b STRING)", "ROW<`a` INT, `b` STRING>" },
  { "ROW<`a b` INT NOT NULL 'the a', `date` DATE 'it''s'>", "ROW<`a b` INT NOT NULL, `date` DATE>" },
  { "ROW<Mixed INT>", "ROW<`Mixed` INT>" },
  { "ROW<`a``b` INT>", "ROW<`a``b` INT>" },
  { "ROW<>", "ROW<>" },
  { "ROW<r ROW<x INT ARRAY>, m MAP<INT, ROW(y BOOLEAN)>> NOT NULL",
    "ROW<`r` ROW<`x` ARRAY<INT>>, `m` MAP<INT, ROW<`y` BOOLEAN>>> NOT NULL" },
  { "  ARRAY < INT >  ", "ARRAY<INT>" },
};

static void
check_cases (const TypeCase *cases, gsize n)
{
  for (gsize i = 0; i < n; i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GwLogicalType) type = gw_flink_type_parse (cases[i].input, &error);
    g_assert_no_error (error);
    g_assert_nonnull (type);
    g_autofree gchar *summary = gw_logical_type_to_string (type);
    if (g_strcmp0 (summary, cases[i].expected) != 0)
      g_error ("%s: expected %s, got %s", cases[i].input, cases[i].expected, summary);
    /* the summary string is itself a Flink type string that parses to the same type */
    g_autoptr (GwLogicalType) again = gw_flink_type_parse (summary, &error);
    g_assert_no_error (error);
    g_autofree gchar *summary_again = gw_logical_type_to_string (again);
    g_assert_cmpstr (summary_again, ==, summary);
  }
}

static void
test_atomic (void)
{
  check_cases (atomic_cases, G_N_ELEMENTS (atomic_cases));
}

static void
test_interval (void)
{
  check_cases (interval_cases, G_N_ELEMENTS (interval_cases));
}

static void
test_nested (void)
{
  check_cases (nested_cases, G_N_ELEMENTS (nested_cases));
}

/* The parts a summary string does not show. */
static void
test_structure (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GwLogicalType) row = gw_flink_type_parse ("ROW<`a``b` INT NOT NULL, c MAP<INT, STRING>>",
                                                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_logical_type_get_root (row), ==, GW_TYPE_ROW);
  g_assert_cmpuint (gw_logical_type_get_n_fields (row), ==, 2);
  g_assert_cmpstr (gw_logical_type_get_field_name (row, 0), ==, "a`b");
  g_assert_false (gw_logical_type_is_nullable (gw_logical_type_get_field_type (row, 0)));
  GwLogicalType *map = gw_logical_type_get_field_type (row, 1);
  g_assert_cmpint (gw_logical_type_get_root (map), ==, GW_TYPE_MAP);
  g_assert_cmpint (gw_logical_type_get_root (gw_logical_type_get_key (map)), ==, GW_TYPE_INTEGER);
  g_assert_cmpint (gw_logical_type_get_length (gw_logical_type_get_value (map)), ==,
                   GW_TYPE_MAX_LENGTH);

  g_autoptr (GwLogicalType) interval = gw_flink_type_parse ("INTERVAL DAY(3) TO SECOND(4)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_logical_type_get_root (interval), ==, GW_TYPE_INTERVAL_DAY_TIME);
  g_assert_cmpint (gw_logical_type_get_resolution (interval), ==, GW_INTERVAL_DAY_TO_SECOND);
  g_assert_cmpint (gw_logical_type_get_precision (interval), ==, 3);
  g_assert_cmpint (gw_logical_type_get_fractional_precision (interval), ==, 4);

  g_autoptr (GwLogicalType) ltz = gw_flink_type_parse ("TIMESTAMP(3) WITH LOCAL TIME ZONE", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_logical_type_get_root (ltz), ==, GW_TYPE_TIMESTAMP_WITH_LOCAL_TIME_ZONE);
  g_assert_cmpint (gw_logical_type_get_precision (ltz), ==, 3);
}

typedef struct {
  const char *input;
  const char *message;   /* what Flink's LogicalTypeParser throws */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "", "Could not parse type at position 0: Unexpected end.\n Input type string: " },
  { "FOO", "Could not parse type at position 0: Unsupported type: FOO\n Input type string: FOO" },
  { "INT NOT", "Could not parse type at position 3: Unexpected token: NOT\n Input type string: INT NOT" },
  { "ARRAY<INT", "Could not parse type at position 6: Unexpected end.\n Input type string: ARRAY<INT" },
  { "MAP<INT>", "Could not parse type at position 7: <LIST_SEPARATOR> expected but was "
                "<END_SUBTYPE>.\n Input type string: MAP<INT>" },
  { "VARCHAR(x)", "Could not parse type at position 8: <LITERAL_INT> expected but was "
                  "<IDENTIFIER>.\n Input type string: VARCHAR(x)" },
  { "VARCHAR(99999999999)", "Could not parse type at position 8: Invalid integer value.\n"
                            " Input type string: VARCHAR(99999999999)" },
  { "TIMESTAMP WITH ZONE", "Could not parse type at position 14: Keyword 'TIME' expected but was "
                           "'ZONE'.\n Input type string: TIMESTAMP WITH ZONE" },
  { "INTERVAL WEEK", "Could not parse type at position 8: <KEYWORD> expected but was "
                     "<IDENTIFIER>.\n Input type string: INTERVAL WEEK" },
  { "INTERVAL DATE", "Could not parse type at position 8: Invalid interval resolution.\n"
                     " Input type string: INTERVAL DATE" },
  { "INTERVAL HOUR TO DAY", "Could not parse type at position 16: Invalid day-time interval "
                            "resolution.\n Input type string: INTERVAL HOUR TO DAY" },
  { "ROW<date INT>", "Could not parse type at position 4: <IDENTIFIER> expected but was "
                     "<KEYWORD>.\n Input type string: ROW<date INT>" },
  { "RAW('a', 'b')", "Could not parse type at position 0: Unsupported type: RAW\n"
                     " Input type string: RAW('a', 'b')" },
  { "INT ARRAY ARRAY", "Could not parse type at position 9: Unexpected token: ARRAY\n"
                       " Input type string: INT ARRAY ARRAY" },
  { "VARCHAR(0)", "Variable character string length must be between 1 and 2147483647 (both "
                  "inclusive)." },
  { "CHAR(0)", "Character string length must be between 1 and 2147483647 (both inclusive)." },
  { "DECIMAL(39, 0)", "Decimal precision must be between 1 and 38 (both inclusive)." },
  { "DECIMAL(5, 6)", "Decimal scale must be between 0 and the precision 5 (both inclusive)." },
  { "TIMESTAMP(10)", "Timestamp precision must be between 0 and 9 (both inclusive)." },
  { "TIMESTAMP_LTZ(10)", "Timestamp with local time zone precision must be between 0 and 9 "
                         "(both inclusive)." },
  { "INTERVAL YEAR(5)", "Year precision of year-month intervals must be between 1 and 4 (both "
                        "inclusive)." },
  { "INTERVAL SECOND(10)", "Fractional precision of day-time intervals must be between 0 and 9 "
                           "(both inclusive)." },
  { "ROW<a INT, a STRING>", "Field names must be unique. Found duplicates: [a]" },
  { "NULL NOT NULL", "The nullability of a NULL type cannot be disabled because the type must "
                     "always be able to contain null values." },
};

static void
test_errors (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (error_cases); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GwLogicalType) type = gw_flink_type_parse (error_cases[i].input, &error);
    g_assert_null (type);
    g_assert_error (error, GW_ERROR, GW_ERROR_VALIDATION);
    if (g_strcmp0 (error->message, error_cases[i].message) != 0)
      g_error ("%s: expected \"%s\", got \"%s\"", error_cases[i].input, error_cases[i].message,
               error->message);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/common/flink-type/atomic", test_atomic);
  g_test_add_func ("/common/flink-type/interval", test_interval);
  g_test_add_func ("/common/flink-type/nested", test_nested);
  g_test_add_func ("/common/flink-type/structure", test_structure);
  g_test_add_func ("/common/flink-type/errors", test_errors);
  return g_test_run ();
}
