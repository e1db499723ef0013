# view.q - CREATE [TEMPORARY] VIEW, SHOW VIEWS, DESCRIBE, SHOW CREATE VIEW, DROP [TEMPORARY] VIEW

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

CREATE TABLE orders (`user` BIGINT NOT NULL, product VARCHAR(32), amount INT);
[INFO] Execute statement succeeded.
!info

INSERT INTO orders VALUES (1, 'apple', 3), (2, 'pear', 5), (3, 'apple', 7);
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

# ==========================================================================
# temporary views
# ==========================================================================

CREATE TEMPORARY VIEW v1 AS SELECT * FROM orders;
[INFO] Execute statement succeeded.
!info

CREATE TEMPORARY VIEW v1 AS SELECT * FROM orders;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Temporary table '`default_catalog`.`default_database`.`v1`' already exists
!error

CREATE TEMPORARY VIEW IF NOT EXISTS v1 AS SELECT * FROM orders;
[INFO] Execute statement succeeded.
!info

# a view on a view
CREATE TEMPORARY VIEW IF NOT EXISTS v2 AS SELECT * FROM v1;
[INFO] Execute statement succeeded.
!info

# the query text of SHOW CREATE VIEW is the engine's expansion: only its head is compared
SHOW CREATE VIEW v1;
CREATE TEMPORARY VIEW `default_catalog`.`default_database`.`v1` (
  `user`,
  `product`,
  `amount`
)
AS SELECT
!contains

SHOW TABLES;
+------------+
| table name |
+------------+
|     orders |
|         v1 |
|         v2 |
+------------+
3 rows in set
!ok

SHOW VIEWS;
+-----------+
| view name |
+-----------+
|        v1 |
|        v2 |
+-----------+
2 rows in set
!ok

SHOW CREATE TABLE v1;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.TableException: SHOW CREATE TABLE is only supported for tables, but `default_catalog`.`default_database`.`v1` is a view. Please use SHOW CREATE VIEW instead.
!error

SHOW CREATE VIEW orders;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.TableException: SHOW CREATE VIEW is only supported for views, but `default_catalog`.`default_database`.`orders` is a table. Please use SHOW CREATE TABLE instead.
!error

SELECT product, SUM(amount) AS total FROM v2 GROUP BY product ORDER BY product;
+---------+-------+
| product | total |
+---------+-------+
|   apple |    10 |
|    pear |     5 |
+---------+-------+
2 rows in set
!ok

# ==========================================================================
# permanent views
# ==========================================================================

CREATE VIEW permanent_v1 AS SELECT `user`, amount FROM orders WHERE amount > 3;
[INFO] Execute statement succeeded.
!info

CREATE VIEW permanent_v1 AS SELECT * FROM orders;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.TableAlreadyExistException: Table (or view) default_database.permanent_v1 already exists in Catalog default_catalog.
!error

CREATE VIEW IF NOT EXISTS permanent_v1 AS SELECT 1 AS one;
[INFO] Execute statement succeeded.
!info

SHOW CREATE VIEW permanent_v1;
CREATE VIEW `default_catalog`.`default_database`.`permanent_v1` (
  `user`,
  `amount`
)
AS SELECT
!contains

# differs from Flink (user BIGINT NOT NULL): a view's columns come from DuckDB, which reports every view column as nullable
DESCRIBE permanent_v1;
+--------+--------+------+-----+--------+-----------+
|   name |   type | null | key | extras | watermark |
+--------+--------+------+-----+--------+-----------+
|   user | BIGINT | TRUE |     |        |           |
| amount |    INT | TRUE |     |        |           |
+--------+--------+------+-----+--------+-----------+
2 rows in set
!ok

SELECT * FROM permanent_v1 ORDER BY `user`;
+------+--------+
| user | amount |
+------+--------+
|    2 |      5 |
|    3 |      7 |
+------+--------+
2 rows in set
!ok

# a view with column names and a comment
CREATE VIEW named_v (u, a) COMMENT 'renamed columns' AS SELECT `user`, amount FROM orders;
[INFO] Execute statement succeeded.
!info

# differs from Flink (u BIGINT NOT NULL): a view's columns come from DuckDB, which reports every view column as nullable
DESCRIBE named_v;
+------+--------+------+-----+--------+-----------+
| name |   type | null | key | extras | watermark |
+------+--------+------+-----+--------+-----------+
|    u | BIGINT | TRUE |     |        |           |
|    a |    INT | TRUE |     |        |           |
+------+--------+------+-----+--------+-----------+
2 rows in set
!ok

SELECT u, a FROM named_v WHERE u = 1;
+---+---+
| u | a |
+---+---+
| 1 | 3 |
+---+---+
1 row in set
!ok

# views are listed with the tables
SHOW VIEWS;
+--------------+
|    view name |
+--------------+
|      named_v |
| permanent_v1 |
|           v1 |
|           v2 |
+--------------+
4 rows in set
!ok

# ==========================================================================
# views survive a restart, temporary views do not
# ==========================================================================

!restart

# a new session: its options are the defaults again
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

SHOW VIEWS;
+--------------+
|    view name |
+--------------+
|      named_v |
| permanent_v1 |
+--------------+
2 rows in set
!ok

SELECT * FROM permanent_v1 ORDER BY `user`;
+------+--------+
| user | amount |
+------+--------+
|    2 |      5 |
|    3 |      7 |
+------+--------+
2 rows in set
!ok

# ==========================================================================
# drop
# ==========================================================================

CREATE TEMPORARY VIEW permanent_v1 AS SELECT 1 AS one;
[INFO] Execute statement succeeded.
!info

DROP VIEW permanent_v1;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Temporary view with identifier '`default_catalog`.`default_database`.`permanent_v1`' exists. Drop it first before removing the permanent view.
!error

DROP TEMPORARY VIEW permanent_v1;
[INFO] Execute statement succeeded.
!info

DROP VIEW permanent_v1;
[INFO] Execute statement succeeded.
!info

DROP VIEW non_exist;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: View with identifier 'default_catalog.default_database.non_exist' does not exist.
!error

DROP VIEW IF EXISTS non_exist;
[INFO] Execute statement succeeded.
!info

DROP TEMPORARY VIEW IF EXISTS non_exist;
[INFO] Execute statement succeeded.
!info

DROP VIEW named_v;
[INFO] Execute statement succeeded.
!info

SHOW VIEWS;
Empty set
!ok
