# show.q - SHOW TABLES | VIEWS [FROM|IN db] [NOT] [I]LIKE, SHOW COLUMNS, SHOW [USER] FUNCTIONS

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SHOW TABLES;
Empty set
!ok

SHOW VIEWS;
Empty set
!ok

CREATE TABLE person (a INT, b STRING);
[INFO] Execute statement succeeded.
!info

CREATE TABLE dim (a INT, b STRING);
[INFO] Execute statement succeeded.
!info

CREATE TABLE address (a INT, b STRING);
[INFO] Execute statement succeeded.
!info

CREATE VIEW v_person AS SELECT * FROM person;
[INFO] Execute statement succeeded.
!info

CREATE VIEW v_address COMMENT 'view comment' AS SELECT * FROM address;
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# tables and views, sorted, with filters
# ==========================================================================

SHOW TABLES;
+------------+
| table name |
+------------+
|    address |
|        dim |
|     person |
|  v_address |
|   v_person |
+------------+
5 rows in set
!ok

SHOW VIEWS;
+-----------+
| view name |
+-----------+
| v_address |
|  v_person |
+-----------+
2 rows in set
!ok

SHOW TABLES LIKE '%person%';
+------------+
| table name |
+------------+
|     person |
|   v_person |
+------------+
2 rows in set
!ok

SHOW TABLES NOT LIKE '%person%';
+------------+
| table name |
+------------+
|    address |
|        dim |
|  v_address |
+------------+
3 rows in set
!ok

SHOW TABLES ILIKE '%PERSON%';
+------------+
| table name |
+------------+
|     person |
|   v_person |
+------------+
2 rows in set
!ok

SHOW TABLES NOT ILIKE '%PERSON%';
+------------+
| table name |
+------------+
|    address |
|        dim |
|  v_address |
+------------+
3 rows in set
!ok

SHOW TABLES LIKE 'p_r%';
+------------+
| table name |
+------------+
|     person |
+------------+
1 row in set
!ok

SHOW TABLES LIKE '%PERSON%';
Empty set
!ok

SHOW VIEWS LIKE '%p_r%';
+-----------+
| view name |
+-----------+
|  v_person |
+-----------+
1 row in set
!ok

SHOW VIEWS NOT LIKE '%person%';
+-----------+
| view name |
+-----------+
| v_address |
+-----------+
1 row in set
!ok

# ==========================================================================
# FROM | IN another database
# ==========================================================================

CREATE DATABASE db1;
[INFO] Execute statement succeeded.
!info

CREATE TABLE db1.t1 (x INT);
[INFO] Execute statement succeeded.
!info

CREATE VIEW db1.v1 AS SELECT x FROM db1.t1;
[INFO] Execute statement succeeded.
!info

SHOW TABLES FROM db1;
+------------+
| table name |
+------------+
|         t1 |
|         v1 |
+------------+
2 rows in set
!ok

SHOW TABLES IN default_catalog.db1 LIKE 't%';
+------------+
| table name |
+------------+
|         t1 |
+------------+
1 row in set
!ok

SHOW VIEWS IN db1;
+-----------+
| view name |
+-----------+
|        v1 |
+-----------+
1 row in set
!ok

SHOW VIEWS FROM db1 NOT LIKE 'v%';
Empty set
!ok

SHOW TABLES FROM nope_db;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Database 'default_catalog'.'nope_db' doesn't exist.
!error

# ==========================================================================
# SHOW COLUMNS
# ==========================================================================

SHOW COLUMNS FROM person;
+------+--------+------+-----+--------+-----------+
| name |   type | null | key | extras | watermark |
+------+--------+------+-----+--------+-----------+
|    a |    INT | TRUE |     |        |           |
|    b | STRING | TRUE |     |        |           |
+------+--------+------+-----+--------+-----------+
2 rows in set
!ok

SHOW COLUMNS IN person LIKE 'a';
+------+------+------+-----+--------+-----------+
| name | type | null | key | extras | watermark |
+------+------+------+-----+--------+-----------+
|    a |  INT | TRUE |     |        |           |
+------+------+------+-----+--------+-----------+
1 row in set
!ok

SHOW COLUMNS FROM person NOT LIKE 'a';
+------+--------+------+-----+--------+-----------+
| name |   type | null | key | extras | watermark |
+------+--------+------+-----+--------+-----------+
|    b | STRING | TRUE |     |        |           |
+------+--------+------+-----+--------+-----------+
1 row in set
!ok

SHOW COLUMNS FROM v_person;
+------+--------+------+-----+--------+-----------+
| name |   type | null | key | extras | watermark |
+------+--------+------+-----+--------+-----------+
|    a |    INT | TRUE |     |        |           |
|    b | STRING | TRUE |     |        |           |
+------+--------+------+-----+--------+-----------+
2 rows in set
!ok

SHOW COLUMNS FROM db1.t1;
+------+------+------+-----+--------+-----------+
| name | type | null | key | extras | watermark |
+------+------+------+-----+--------+-----------+
|    x |  INT | TRUE |     |        |           |
+------+------+------+-----+--------+-----------+
1 row in set
!ok

SHOW COLUMNS FROM nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Tables or views with the identifier 'default_catalog.default_database.nope' doesn't exist.
!error

# ==========================================================================
# SHOW FUNCTIONS: the built-in list is the engine's; only the shape and one function are compared
# ==========================================================================

SHOW USER FUNCTIONS;
Empty set
!ok

SHOW FUNCTIONS ILIKE 'abs';
function name
1 row in set
!contains

SHOW FUNCTIONS LIKE 'no_such_function%';
Empty set
!ok
