# alter.q - ALTER TABLE ... RENAME TO | SET (...) | RESET (...) | ADD / MODIFY / DROP / RENAME column;
# table options persist across a restart

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

ALTER TABLE non_exist RENAME TO non_exist2;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Table `default_catalog`.`default_database`.`non_exist` doesn't exist or is a temporary table.
!error

ALTER TABLE IF EXISTS non_exist RENAME TO non_exist2;
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# rename and options
# ==========================================================================

CREATE TABLE orders (
 `user` BIGINT NOT NULL,
 product VARCHAR(32),
 amount INT,
 PRIMARY KEY (`user`) NOT ENFORCED
)
WITH (
 'connector' = 'datagen',
 'number-of-rows' = '5'
);
[INFO] Execute statement succeeded.
!info

ALTER TABLE orders RENAME TO orders2;
[INFO] Execute statement succeeded.
!info

SHOW TABLES;
+------------+
| table name |
+------------+
|    orders2 |
+------------+
1 row in set
!ok

ALTER TABLE orders2 SET ('number-of-rows' = '10', 'fields.amount.min' = '1', 'fields.amount.max' = '1');
[INFO] Execute statement succeeded.
!info

SHOW CREATE TABLE orders2;
CREATE TABLE `default_catalog`.`default_database`.`orders2` (
  `user` BIGINT NOT NULL,
  `product` VARCHAR(32),
  `amount` INT,
  CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED
)
WITH (
  'connector' = 'datagen',
  'fields.amount.max' = '1',
  'fields.amount.min' = '1',
  'number-of-rows' = '10'
)
!ok

# the new options are used
SELECT count(*) AS n, SUM(amount) AS total FROM orders2;
+----+-------+
|  n | total |
+----+-------+
| 10 |    10 |
+----+-------+
1 row in set
!ok

ALTER TABLE orders2 RESET ('fields.amount.min', 'fields.amount.max');
[INFO] Execute statement succeeded.
!info

SHOW CREATE TABLE orders2;
CREATE TABLE `default_catalog`.`default_database`.`orders2` (
  `user` BIGINT NOT NULL,
  `product` VARCHAR(32),
  `amount` INT,
  CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED
)
WITH (
  'connector' = 'datagen',
  'number-of-rows' = '10'
)
!ok

# differs from Flink (ValidationException 'ALTER TABLE RESET does not support empty key'): our parser rejects an empty key list
ALTER TABLE orders2 RESET ();
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.sql.parser.impl.ParseException: Encountered ")" at line 1, column 28.
!error

ALTER TABLE orders2 RESET ('connector');
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: ALTER TABLE RESET does not support changing 'connector'
!error

# ==========================================================================
# columns of a native table keep their data
# ==========================================================================

CREATE TABLE people (id INT, name STRING);
[INFO] Execute statement succeeded.
!info

INSERT INTO people VALUES (1, 'ann'), (2, 'bob');
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

ALTER TABLE people ADD age INT;
[INFO] Execute statement succeeded.
!info

ALTER TABLE people ADD (email STRING COMMENT 'mail address');
[INFO] Execute statement succeeded.
!info

DESCRIBE people;
+-------+--------+------+-----+--------+-----------+--------------+
|  name |   type | null | key | extras | watermark |      comment |
+-------+--------+------+-----+--------+-----------+--------------+
|    id |    INT | TRUE |     |        |           |              |
|  name | STRING | TRUE |     |        |           |              |
|   age |    INT | TRUE |     |        |           |              |
| email | STRING | TRUE |     |        |           | mail address |
+-------+--------+------+-----+--------+-----------+--------------+
4 rows in set
!ok

ALTER TABLE people ADD id INT;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Failed to execute ALTER TABLE statement.
Try to add a column `id` which already exists in the table.
!error

ALTER TABLE people MODIFY age BIGINT COMMENT 'years';
[INFO] Execute statement succeeded.
!info

ALTER TABLE people DROP email;
[INFO] Execute statement succeeded.
!info

ALTER TABLE people DROP nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Failed to execute ALTER TABLE statement.
The column `nope` does not exist in the base table.
!error

ALTER TABLE people RENAME name TO full_name;
[INFO] Execute statement succeeded.
!info

DESCRIBE people;
+-----------+--------+------+-----+--------+-----------+---------+
|      name |   type | null | key | extras | watermark | comment |
+-----------+--------+------+-----+--------+-----------+---------+
|        id |    INT | TRUE |     |        |           |         |
| full_name | STRING | TRUE |     |        |           |         |
|       age | BIGINT | TRUE |     |        |           |   years |
+-----------+--------+------+-----+--------+-----------+---------+
3 rows in set
!ok

SELECT * FROM people ORDER BY id;
+----+-----------+--------+
| id | full_name |    age |
+----+-----------+--------+
|  1 |       ann | <NULL> |
|  2 |       bob | <NULL> |
+----+-----------+--------+
2 rows in set
!ok

# FIRST / AFTER place a new column (a connector table: only its schema changes)
CREATE TABLE gen_cols (a INT, c INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
[INFO] Execute statement succeeded.
!info

ALTER TABLE gen_cols ADD b STRING COMMENT 'in the middle' AFTER a;
[INFO] Execute statement succeeded.
!info

ALTER TABLE gen_cols ADD first_col BIGINT FIRST;
[INFO] Execute statement succeeded.
!info

DESCRIBE gen_cols;
+-----------+--------+------+-----+--------+-----------+---------------+
|      name |   type | null | key | extras | watermark |       comment |
+-----------+--------+------+-----+--------+-----------+---------------+
| first_col | BIGINT | TRUE |     |        |           |               |
|         a |    INT | TRUE |     |        |           |               |
|         b | STRING | TRUE |     |        |           | in the middle |
|         c |    INT | TRUE |     |        |           |               |
+-----------+--------+------+-----+--------+-----------+---------------+
4 rows in set
!ok

# ==========================================================================
# everything above survives a restart
# ==========================================================================

!restart

# a new session: its options are the defaults again
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

SHOW TABLES;
+------------+
| table name |
+------------+
|   gen_cols |
|    orders2 |
|     people |
+------------+
3 rows in set
!ok

SHOW CREATE TABLE orders2;
CREATE TABLE `default_catalog`.`default_database`.`orders2` (
  `user` BIGINT NOT NULL,
  `product` VARCHAR(32),
  `amount` INT,
  CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED
)
WITH (
  'connector' = 'datagen',
  'number-of-rows' = '10'
)
!ok

DESCRIBE people;
+-----------+--------+------+-----+--------+-----------+---------+
|      name |   type | null | key | extras | watermark | comment |
+-----------+--------+------+-----+--------+-----------+---------+
|        id |    INT | TRUE |     |        |           |         |
| full_name | STRING | TRUE |     |        |           |         |
|       age | BIGINT | TRUE |     |        |           |   years |
+-----------+--------+------+-----+--------+-----------+---------+
3 rows in set
!ok

SELECT * FROM people ORDER BY id;
+----+-----------+--------+
| id | full_name |    age |
+----+-----------+--------+
|  1 |       ann | <NULL> |
|  2 |       bob | <NULL> |
+----+-----------+--------+
2 rows in set
!ok
