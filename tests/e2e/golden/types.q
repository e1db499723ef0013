# types.q - Flink type names both ways: DDL takes them, DESCRIBE shows Flink's summary names, SHOW
# CREATE TABLE the serializable ones; values of the common types round-trip

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

CREATE TABLE all_types (
  c_boolean BOOLEAN,
  c_tinyint TINYINT,
  c_smallint SMALLINT,
  c_int INT,
  c_integer INTEGER,
  c_bigint BIGINT,
  c_float FLOAT,
  c_double DOUBLE,
  c_decimal DECIMAL(10, 2),
  c_decimal_default DECIMAL,
  c_string STRING,
  c_varchar VARCHAR(20),
  c_char CHAR(5),
  c_bytes BYTES,
  c_varbinary VARBINARY(8),
  c_date DATE,
  c_time TIME,
  c_time3 TIME(3),
  c_timestamp TIMESTAMP,
  c_timestamp3 TIMESTAMP(3),
  c_ltz TIMESTAMP_LTZ(3),
  c_ltz_long TIMESTAMP(6) WITH LOCAL TIME ZONE,
  c_interval_ym INTERVAL YEAR TO MONTH,
  c_interval_ds INTERVAL DAY TO SECOND(3),
  c_array ARRAY<INT>,
  c_map MAP<STRING, BIGINT>,
  c_multiset MULTISET<STRING>,
  c_row ROW<a INT, b STRING>,
  c_not_null INT NOT NULL
);
[INFO] Execute statement succeeded.
!info

DESCRIBE all_types;
+-------------------+------------------------------+-------+-----+--------+-----------+
|              name |                         type |  null | key | extras | watermark |
+-------------------+------------------------------+-------+-----+--------+-----------+
|         c_boolean |                      BOOLEAN |  TRUE |     |        |           |
|         c_tinyint |                      TINYINT |  TRUE |     |        |           |
|        c_smallint |                     SMALLINT |  TRUE |     |        |           |
|             c_int |                          INT |  TRUE |     |        |           |
|         c_integer |                          INT |  TRUE |     |        |           |
|          c_bigint |                       BIGINT |  TRUE |     |        |           |
|           c_float |                        FLOAT |  TRUE |     |        |           |
|          c_double |                       DOUBLE |  TRUE |     |        |           |
|         c_decimal |               DECIMAL(10, 2) |  TRUE |     |        |           |
| c_decimal_default |               DECIMAL(10, 0) |  TRUE |     |        |           |
|          c_string |                       STRING |  TRUE |     |        |           |
|         c_varchar |                  VARCHAR(20) |  TRUE |     |        |           |
|            c_char |                      CHAR(5) |  TRUE |     |        |           |
|           c_bytes |                        BYTES |  TRUE |     |        |           |
|       c_varbinary |                 VARBINARY(8) |  TRUE |     |        |           |
|            c_date |                         DATE |  TRUE |     |        |           |
|            c_time |                      TIME(0) |  TRUE |     |        |           |
|           c_time3 |                      TIME(3) |  TRUE |     |        |           |
|       c_timestamp |                 TIMESTAMP(6) |  TRUE |     |        |           |
|      c_timestamp3 |                 TIMESTAMP(3) |  TRUE |     |        |           |
|             c_ltz |             TIMESTAMP_LTZ(3) |  TRUE |     |        |           |
|        c_ltz_long |             TIMESTAMP_LTZ(6) |  TRUE |     |        |           |
|     c_interval_ym |    INTERVAL YEAR(2) TO MONTH |  TRUE |     |        |           |
|     c_interval_ds | INTERVAL DAY(2) TO SECOND(3) |  TRUE |     |        |           |
|           c_array |                   ARRAY<INT> |  TRUE |     |        |           |
|             c_map |          MAP<STRING, BIGINT> |  TRUE |     |        |           |
|        c_multiset |             MULTISET<STRING> |  TRUE |     |        |           |
|             c_row |     ROW<`a` INT, `b` STRING> |  TRUE |     |        |           |
|        c_not_null |                          INT | FALSE |     |        |           |
+-------------------+------------------------------+-------+-----+--------+-----------+
29 rows in set
!ok

SHOW CREATE TABLE all_types;
CREATE TABLE `default_catalog`.`default_database`.`all_types` (
  `c_boolean` BOOLEAN,
  `c_tinyint` TINYINT,
  `c_smallint` SMALLINT,
  `c_int` INT,
  `c_integer` INT,
  `c_bigint` BIGINT,
  `c_float` FLOAT,
  `c_double` DOUBLE,
  `c_decimal` DECIMAL(10, 2),
  `c_decimal_default` DECIMAL(10, 0),
  `c_string` VARCHAR(2147483647),
  `c_varchar` VARCHAR(20),
  `c_char` CHAR(5),
  `c_bytes` VARBINARY(2147483647),
  `c_varbinary` VARBINARY(8),
  `c_date` DATE,
  `c_time` TIME(0),
  `c_time3` TIME(3),
  `c_timestamp` TIMESTAMP(6),
  `c_timestamp3` TIMESTAMP(3),
  `c_ltz` TIMESTAMP(3) WITH LOCAL TIME ZONE,
  `c_ltz_long` TIMESTAMP(6) WITH LOCAL TIME ZONE,
  `c_interval_ym` INTERVAL YEAR(2) TO MONTH,
  `c_interval_ds` INTERVAL DAY(2) TO SECOND(3),
  `c_array` ARRAY<INT>,
  `c_map` MAP<VARCHAR(2147483647), BIGINT>,
  `c_multiset` MULTISET<VARCHAR(2147483647)>,
  `c_row` ROW<`a` INT, `b` VARCHAR(2147483647)>,
  `c_not_null` INT NOT NULL
)
!ok

# ==========================================================================
# values
# ==========================================================================

CREATE TABLE scalars (b BOOLEAN, i INT, bi BIGINT, d DECIMAL(10, 2), s STRING, dt DATE, ts TIMESTAMP(3));
[INFO] Execute statement succeeded.
!info

INSERT INTO scalars VALUES
  (TRUE, 1, 10000000000, 12.5, 'héllo', DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.123'),
  (FALSE, NULL, -1, 100, NULL, NULL, NULL);
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

# differs from Flink (ts prints .123): a TIMESTAMP(3) column is stored as DuckDB TIMESTAMP (microseconds) and reads back as TIMESTAMP(6)
# (HiveServer2 carries no timestamp precision, so its text differs again)
!rest-only
SELECT * FROM scalars ORDER BY bi DESC;
+-------+--------+-------------+--------+--------+------------+----------------------------+
|     b |      i |          bi |      d |      s |         dt |                         ts |
+-------+--------+-------------+--------+--------+------------+----------------------------+
|  TRUE |      1 | 10000000000 |  12.50 |  héllo | 2024-01-02 | 2024-01-02 03:04:05.123000 |
| FALSE | <NULL> |          -1 | 100.00 | <NULL> |     <NULL> |                     <NULL> |
+-------+--------+-------------+--------+--------+------------+----------------------------+
2 rows in set
!ok

# differs from Flink: DuckDB has no BYTES type name in CAST
SELECT CAST('12.345' AS DECIMAL(5, 2)) AS d, CAST(42 AS TINYINT) AS t, CAST(7 AS SMALLINT) AS si, CAST('abc' AS BYTES) AS b, CAST(1 AS STRING) AS s, CAST(0.5 AS DOUBLE) AS dbl;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.TableException: Catalog Error: Type with name BYTES does not exist!
!error

# nested values (HiveServer2 sends ARRAY as a JSON string: not comparable there)
# differs from Flink: DuckDB has no MAP[...] constructor syntax
!rest-only
SELECT ARRAY[1, 2, 3] AS arr, MAP['k', 1] AS m, ROW(1, 'x') AS r;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.sql.parser.impl.ParseException: Encountered "," at line 1, column 38.
!error

# a timestamp keeps its precision in the text (HiveServer2 carries no precision)
!rest-only
SELECT CAST(TIMESTAMP '2024-01-02 03:04:05' AS TIMESTAMP(3)) AS ts3;
+-------------------------+
|                     ts3 |
+-------------------------+
| 2024-01-02 03:04:05.000 |
+-------------------------+
1 row in set
!ok
