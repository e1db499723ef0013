# table.q - CREATE [TEMPORARY] TABLE (computed columns, primary key, watermark, comments, partitions,
# options), CREATE TABLE ... LIKE, CTAS, DESCRIBE/DESC, SHOW CREATE TABLE, DROP [TEMPORARY] TABLE

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# validation
# ==========================================================================

DROP TABLE non_exist;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Table with identifier 'default_catalog.default_database.non_exist' does not exist.
!error

DESCRIBE non_exist;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Tables or views with the identifier 'default_catalog.default_database.non_exist' doesn't exist.
!error

DESC non_exist;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Tables or views with the identifier 'default_catalog.default_database.non_exist' doesn't exist.
!error

DROP TABLE IF EXISTS non_exist;
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# a table with a computed column, a primary key and a watermark
# ==========================================================================

CREATE TABLE IF NOT EXISTS orders (
 `user` BIGINT NOT NULl,
 product VARCHAR(32),
 amount INT,
 ts TIMESTAMP(3),
 cost AS amount * 2,
 PRIMARY KEY(`user`) NOT ENFORCED,
 WATERMARK FOR ts AS ts - INTERVAL '1' SECONDS
) with (
 'connector' = 'datagen'
);
[INFO] Execute statement succeeded.
!info

SHOW TABLES;
+------------+
| table name |
+------------+
|     orders |
+------------+
1 row in set
!ok

SHOW CREATE TABLE orders;
CREATE TABLE `default_catalog`.`default_database`.`orders` (
  `user` BIGINT NOT NULL,
  `product` VARCHAR(32),
  `amount` INT,
  `ts` TIMESTAMP(3),
  `cost` AS `amount` * 2,
  WATERMARK FOR `ts` AS `ts` - INTERVAL '1' SECOND,
  CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED
)
WITH (
  'connector' = 'datagen'
)
!ok

DESCRIBE orders;
+---------+------------------------+-------+-----------+-----------------+----------------------------+
|    name |                   type |  null |       key |          extras |                  watermark |
+---------+------------------------+-------+-----------+-----------------+----------------------------+
|    user |                 BIGINT | FALSE | PRI(user) |                 |                            |
| product |            VARCHAR(32) |  TRUE |           |                 |                            |
|  amount |                    INT |  TRUE |           |                 |                            |
|      ts | TIMESTAMP(3) *ROWTIME* |  TRUE |           |                 | `ts` - INTERVAL '1' SECOND |
|    cost |                    INT |  TRUE |           | AS `amount` * 2 |                            |
+---------+------------------------+-------+-----------+-----------------+----------------------------+
5 rows in set
!ok

DESC orders;
+---------+------------------------+-------+-----------+-----------------+----------------------------+
|    name |                   type |  null |       key |          extras |                  watermark |
+---------+------------------------+-------+-----------+-----------------+----------------------------+
|    user |                 BIGINT | FALSE | PRI(user) |                 |                            |
| product |            VARCHAR(32) |  TRUE |           |                 |                            |
|  amount |                    INT |  TRUE |           |                 |                            |
|      ts | TIMESTAMP(3) *ROWTIME* |  TRUE |           |                 | `ts` - INTERVAL '1' SECOND |
|    cost |                    INT |  TRUE |           | AS `amount` * 2 |                            |
+---------+------------------------+-------+-----------+-----------------+----------------------------+
5 rows in set
!ok

# IF NOT EXISTS leaves the existing table alone
CREATE TABLE IF NOT EXISTS orders (x INT);
[INFO] Execute statement succeeded.
!info

SHOW COLUMNS FROM orders;
+---------+------------------------+-------+-----------+-----------------+----------------------------+
|    name |                   type |  null |       key |          extras |                  watermark |
+---------+------------------------+-------+-----------+-----------------+----------------------------+
|    user |                 BIGINT | FALSE | PRI(user) |                 |                            |
| product |            VARCHAR(32) |  TRUE |           |                 |                            |
|  amount |                    INT |  TRUE |           |                 |                            |
|      ts | TIMESTAMP(3) *ROWTIME* |  TRUE |           |                 | `ts` - INTERVAL '1' SECOND |
|    cost |                    INT |  TRUE |           | AS `amount` * 2 |                            |
+---------+------------------------+-------+-----------+-----------------+----------------------------+
5 rows in set
!ok

CREATE TABLE orders (x INT);
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.TableAlreadyExistException: Table (or view) default_database.orders already exists in Catalog default_catalog.
!error

# ==========================================================================
# comments, partitions, options
# ==========================================================================

CREATE TABLE part_t (
  id BIGINT COMMENT 'the id',
  dt STRING COMMENT 'partition day',
  v DOUBLE
) COMMENT 'a partitioned table'
PARTITIONED BY (dt)
WITH (
  'connector' = 'filesystem',
  'path' = '${data_dir}/part_t',
  'format' = 'csv'
);
[INFO] Execute statement succeeded.
!info

DESCRIBE part_t;
+------+--------+------+-----+--------+-----------+---------------+
| name |   type | null | key | extras | watermark |       comment |
+------+--------+------+-----+--------+-----------+---------------+
|   id | BIGINT | TRUE |     |        |           |        the id |
|   dt | STRING | TRUE |     |        |           | partition day |
|    v | DOUBLE | TRUE |     |        |           |               |
+------+--------+------+-----+--------+-----------+---------------+
3 rows in set
!ok

SHOW CREATE TABLE part_t;
CREATE TABLE `default_catalog`.`default_database`.`part_t` (
  `id` BIGINT COMMENT 'the id',
  `dt` VARCHAR(2147483647) COMMENT 'partition day',
  `v` DOUBLE
)
COMMENT 'a partitioned table'
PARTITIONED BY (`dt`)
WITH (
  'connector' = 'filesystem',
  'format' = 'csv',
  'path' = '${data_dir}/part_t'
)
!ok

# ==========================================================================
# a table without a connector is a native DuckDB table
# ==========================================================================

CREATE TABLE native_t (id INT NOT NULL, name STRING, PRIMARY KEY (id) NOT ENFORCED);
[INFO] Execute statement succeeded.
!info

INSERT INTO native_t VALUES (1, 'one'), (2, 'two');
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

SELECT * FROM native_t ORDER BY id;
+----+------+
| id | name |
+----+------+
|  1 |  one |
|  2 |  two |
+----+------+
2 rows in set
!ok

SHOW CREATE TABLE native_t;
CREATE TABLE `default_catalog`.`default_database`.`native_t` (
  `id` INT NOT NULL,
  `name` VARCHAR(2147483647),
  CONSTRAINT `PK_id` PRIMARY KEY (`id`) NOT ENFORCED
)
!ok

# ==========================================================================
# CREATE TABLE AS SELECT
# ==========================================================================

CREATE TABLE ctas_t AS SELECT name, UPPER(name) AS upper_name FROM native_t;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_2}
!info

SELECT * FROM ctas_t ORDER BY name;
+------+------------+
| name | upper_name |
+------+------------+
|  one |        ONE |
|  two |        TWO |
+------+------------+
2 rows in set
!ok

DESCRIBE ctas_t;
+------------+--------+------+-----+--------+-----------+
|       name |   type | null | key | extras | watermark |
+------------+--------+------+-----+--------+-----------+
|       name | STRING | TRUE |     |        |           |
| upper_name | STRING | TRUE |     |        |           |
+------------+--------+------+-----+--------+-----------+
2 rows in set
!ok

CREATE TABLE ctas_t AS SELECT 1 AS x;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.TableAlreadyExistException: Table (or view) default_database.ctas_t already exists in Catalog default_catalog.
!error

# ==========================================================================
# CREATE TABLE ... LIKE
# ==========================================================================

CREATE TABLE orders_like WITH ('connector' = 'blackhole')
LIKE orders (EXCLUDING OPTIONS);
[INFO] Execute statement succeeded.
!info

SHOW CREATE TABLE orders_like;
CREATE TABLE `default_catalog`.`default_database`.`orders_like` (
  `user` BIGINT NOT NULL,
  `product` VARCHAR(32),
  `amount` INT,
  `ts` TIMESTAMP(3),
  `cost` AS `amount` * 2,
  WATERMARK FOR `ts` AS `ts` - INTERVAL '1' SECOND,
  CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED
)
WITH (
  'connector' = 'blackhole'
)
!ok

# ==========================================================================
# temporary tables
# ==========================================================================

CREATE TEMPORARY TABLE tbl1 (
 `user` BIGINT NOT NULl,
 product VARCHAR(32),
 amount INT
) with (
 'connector' = 'datagen'
);
[INFO] Execute statement succeeded.
!info

CREATE TEMPORARY TABLE IF NOT EXISTS tbl1 (
 `user` BIGINT NOT NULl
) with (
 'connector' = 'datagen'
);
[INFO] Execute statement succeeded.
!info

CREATE TEMPORARY TABLE tbl1 (
 `user` BIGINT NOT NULl
) with (
 'connector' = 'datagen'
);
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Temporary table '`default_catalog`.`default_database`.`tbl1`' already exists
!error

# permanent and temporary tables are listed together
SHOW TABLES;
+-------------+
|  table name |
+-------------+
|      ctas_t |
|    native_t |
|      orders |
| orders_like |
|      part_t |
|        tbl1 |
+-------------+
6 rows in set
!ok

SHOW CREATE TABLE tbl1;
CREATE TEMPORARY TABLE `default_catalog`.`default_database`.`tbl1` (
  `user` BIGINT NOT NULL,
  `product` VARCHAR(32),
  `amount` INT
)
WITH (
  'connector' = 'datagen'
)
!ok

DROP TEMPORARY TABLE tbl1;
[INFO] Execute statement succeeded.
!info

DROP TEMPORARY TABLE IF EXISTS tbl1;
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# keywords and case as identifiers
# ==========================================================================

CREATE TABLE `mod` (`table` STRING, `database` STRING);
[INFO] Execute statement succeeded.
!info

DESCRIBE `mod`;
+----------+--------+------+-----+--------+-----------+
|     name |   type | null | key | extras | watermark |
+----------+--------+------+-----+--------+-----------+
|    table | STRING | TRUE |     |        |           |
| database | STRING | TRUE |     |        |           |
+----------+--------+------+-----+--------+-----------+
2 rows in set
!ok

DROP TABLE `mod`;
[INFO] Execute statement succeeded.
!info

CREATE TABLE MixedCase (Id INT);
[INFO] Execute statement succeeded.
!info

SHOW TABLES LIKE 'Mixed%';
+------------+
| table name |
+------------+
|  MixedCase |
+------------+
1 row in set
!ok

# differs from Flink (Object 'mixedcase' not found): DuckDB resolves table names case-insensitively
SELECT * FROM mixedcase;
Empty set
!ok

SELECT Id FROM default_catalog.default_database.MixedCase;
Empty set
!ok

# ==========================================================================
# drop
# ==========================================================================

DROP TABLE orders;
[INFO] Execute statement succeeded.
!info

DROP TABLE default_database.orders_like;
[INFO] Execute statement succeeded.
!info

DROP TABLE default_catalog.default_database.MixedCase;
[INFO] Execute statement succeeded.
!info

SHOW TABLES;
+------------+
| table name |
+------------+
|     ctas_t |
|   native_t |
|     part_t |
+------------+
3 rows in set
!ok
