# catalog.q - CREATE/DROP/ALTER/USE CATALOG, SHOW CATALOGS, SHOW CURRENT CATALOG, DESCRIBE CATALOG,
# SHOW CREATE CATALOG (a catalog is an attached DuckDB database)

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

SHOW CATALOGS;
+-----------------+
|    catalog name |
+-----------------+
| default_catalog |
+-----------------+
1 row in set
!ok

SHOW CURRENT CATALOG;
+----------------------+
| current catalog name |
+----------------------+
|      default_catalog |
+----------------------+
1 row in set
!ok

USE CATALOG non_existing_catalog;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: A catalog with name [non_existing_catalog] does not exist.
!error

# differs from Flink (Encountered "." at column 23): our parser reports the token after the dot
CREATE CATALOG invalid.cat WITH ('type'='generic_in_memory');
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.sql.parser.impl.ParseException: Encountered "cat" at line 1, column 24.
!error

# ==========================================================================
# generic_in_memory catalogs
# ==========================================================================

CREATE CATALOG c1 WITH ('type'='generic_in_memory');
[INFO] Execute statement succeeded.
!info

SHOW CATALOGS;
+-----------------+
|    catalog name |
+-----------------+
|              c1 |
| default_catalog |
+-----------------+
2 rows in set
!ok

CREATE CATALOG c1 WITH ('type'='generic_in_memory');
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: Catalog c1 already exists.
!error

CREATE CATALOG IF NOT EXISTS c1 WITH ('type'='generic_in_memory');
[INFO] Execute statement succeeded.
!info

USE CATALOG c1;
[INFO] Execute statement succeeded.
!info

SHOW CURRENT CATALOG;
+----------------------+
| current catalog name |
+----------------------+
|                   c1 |
+----------------------+
1 row in set
!ok

# a generic_in_memory catalog starts with the database `default`
SHOW CURRENT DATABASE;
+-----------------------+
| current database name |
+-----------------------+
|               default |
+-----------------------+
1 row in set
!ok

SHOW DATABASES;
+---------------+
| database name |
+---------------+
|       default |
+---------------+
1 row in set
!ok

CREATE TABLE t_in_c1 (a INT, b STRING);
[INFO] Execute statement succeeded.
!info

SHOW TABLES;
+------------+
| table name |
+------------+
|    t_in_c1 |
+------------+
1 row in set
!ok

DROP CATALOG c1;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: Cannot drop a catalog which is currently in use.
!error

USE CATALOG default_catalog;
[INFO] Execute statement succeeded.
!info

# three-part names reach into another catalog
SHOW TABLES FROM c1.`default`;
+------------+
| table name |
+------------+
|    t_in_c1 |
+------------+
1 row in set
!ok

INSERT INTO c1.`default`.t_in_c1 VALUES (1, 'one');
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

SELECT * FROM c1.`default`.t_in_c1;
+---+-----+
| a |   b |
+---+-----+
| 1 | one |
+---+-----+
1 row in set
!ok

DROP CATALOG c1;
[INFO] Execute statement succeeded.
!info

DROP CATALOG c1;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: Catalog c1 does not exist.
!error

DROP CATALOG IF EXISTS c1;
[INFO] Execute statement succeeded.
!info

SHOW CATALOGS;
+-----------------+
|    catalog name |
+-----------------+
| default_catalog |
+-----------------+
1 row in set
!ok

# ==========================================================================
# comments and options: DESCRIBE CATALOG [EXTENDED], SHOW CREATE CATALOG, ALTER CATALOG
# ==========================================================================

CREATE CATALOG cat_comment COMMENT 'hello ''catalog''' WITH ('type'='generic_in_memory', 'default-database'='db');
[INFO] Execute statement succeeded.
!info

SHOW CREATE CATALOG cat_comment;
CREATE CATALOG `cat_comment`
COMMENT 'hello ''catalog'''
WITH (
  'default-database' = 'db',
  'type' = 'generic_in_memory'
)
!ok

DESCRIBE CATALOG cat_comment;
+-----------+-------------------+
| info name |        info value |
+-----------+-------------------+
|      name |       cat_comment |
|      type | generic_in_memory |
|   comment |   hello 'catalog' |
+-----------+-------------------+
3 rows in set
!ok

DESCRIBE CATALOG EXTENDED cat_comment;
+-------------------------+-------------------+
|               info name |        info value |
+-------------------------+-------------------+
|                    name |       cat_comment |
|                    type | generic_in_memory |
|                 comment |   hello 'catalog' |
| option:default-database |                db |
+-------------------------+-------------------+
4 rows in set
!ok

CREATE CATALOG cat2 WITH ('type'='generic_in_memory', 'default-database'='db');
[INFO] Execute statement succeeded.
!info

DESC CATALOG cat2;
+-----------+-------------------+
| info name |        info value |
+-----------+-------------------+
|      name |              cat2 |
|      type | generic_in_memory |
|   comment |                   |
+-----------+-------------------+
3 rows in set
!ok

ALTER CATALOG cat2 SET ('default-database'='db_new');
[INFO] Execute statement succeeded.
!info

DESC CATALOG EXTENDED cat2;
+-------------------------+-------------------+
|               info name |        info value |
+-------------------------+-------------------+
|                    name |              cat2 |
|                    type | generic_in_memory |
|                 comment |                   |
| option:default-database |            db_new |
+-------------------------+-------------------+
4 rows in set
!ok

ALTER CATALOG cat2 RESET ('default-database', 'k1');
[INFO] Execute statement succeeded.
!info

DESC CATALOG EXTENDED cat2;
+-----------+-------------------+
| info name |        info value |
+-----------+-------------------+
|      name |              cat2 |
|      type | generic_in_memory |
|   comment |                   |
+-----------+-------------------+
3 rows in set
!ok

ALTER CATALOG cat2 RESET ('type');
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: ALTER CATALOG RESET does not support changing 'type'
!error

# differs from Flink (ValidationException 'ALTER CATALOG RESET does not support empty key'): our parser rejects an empty key list
ALTER CATALOG cat2 RESET ();
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.sql.parser.impl.ParseException: Encountered ")" at line 1, column 27.
!error

ALTER CATALOG cat2 COMMENT 'comment for catalog ''cat2''';
[INFO] Execute statement succeeded.
!info

DESC CATALOG EXTENDED cat2;
+-----------+----------------------------+
| info name |                 info value |
+-----------+----------------------------+
|      name |                       cat2 |
|      type |          generic_in_memory |
|   comment | comment for catalog 'cat2' |
+-----------+----------------------------+
3 rows in set
!ok

# ==========================================================================
# a catalog in a DuckDB file of the data directory
# ==========================================================================

CREATE CATALOG file_cat WITH ('type'='duckdb', 'path'='${data_dir}/file_cat.duckdb');
[INFO] Execute statement succeeded.
!info

CREATE DATABASE file_cat.sales;
[INFO] Execute statement succeeded.
!info

CREATE TABLE file_cat.sales.orders (id INT, amount DECIMAL(10, 2));
[INFO] Execute statement succeeded.
!info

INSERT INTO file_cat.sales.orders VALUES (1, 9.99), (2, 100);
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_2}
!info

USE CATALOG file_cat;
[INFO] Execute statement succeeded.
!info

USE sales;
[INFO] Execute statement succeeded.
!info

SHOW CURRENT CATALOG;
+----------------------+
| current catalog name |
+----------------------+
|             file_cat |
+----------------------+
1 row in set
!ok

SHOW CURRENT DATABASE;
+-----------------------+
| current database name |
+-----------------------+
|                 sales |
+-----------------------+
1 row in set
!ok

SELECT * FROM orders ORDER BY id;
+----+--------+
| id | amount |
+----+--------+
|  1 |   9.99 |
|  2 | 100.00 |
+----+--------+
2 rows in set
!ok

DESCRIBE CATALOG EXTENDED file_cat;
+-------------+-----------------------------+
|   info name |                  info value |
+-------------+-----------------------------+
|        name |                    file_cat |
|        type |                      duckdb |
|     comment |                             |
| option:path | ${data_dir}/file_cat.duckdb |
+-------------+-----------------------------+
4 rows in set
!ok

SHOW CREATE CATALOG file_cat;
CREATE CATALOG `file_cat`
WITH (
  'path' = '${data_dir}/file_cat.duckdb',
  'type' = 'duckdb'
)
!ok

# the data is in the file: after a restart the same catalog sees it again
!restart

# a new session: its options are the defaults again
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

CREATE CATALOG IF NOT EXISTS file_cat WITH ('type'='duckdb', 'path'='${data_dir}/file_cat.duckdb');
[INFO] Execute statement succeeded.
!info

SELECT * FROM file_cat.sales.orders ORDER BY id;
+----+--------+
| id | amount |
+----+--------+
|  1 |   9.99 |
|  2 | 100.00 |
+----+--------+
2 rows in set
!ok
