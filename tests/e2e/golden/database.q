# database.q - CREATE/DROP/ALTER/USE DATABASE, SHOW DATABASES, SHOW CURRENT DATABASE (a database is a
# DuckDB schema)

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SHOW DATABASES;
+------------------+
|    database name |
+------------------+
| default_database |
+------------------+
1 row in set
!ok

SHOW CURRENT DATABASE;
+-----------------------+
| current database name |
+-----------------------+
|      default_database |
+-----------------------+
1 row in set
!ok

# ==========================================================================
# validation
# ==========================================================================

USE non_existing_db;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: A database with name [non_existing_db] does not exist in the catalog: [default_catalog].
!error

CREATE DATABASE my.db;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Catalog my does not exist
!error

# ==========================================================================
# create, alter, list, use
# ==========================================================================

CREATE DATABASE db1;
[INFO] Execute statement succeeded.
!info

CREATE DATABASE db1;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException: Database db1 already exists in Catalog default_catalog.
!error

CREATE DATABASE IF NOT EXISTS db1;
[INFO] Execute statement succeeded.
!info

CREATE DATABASE db2 COMMENT 'db2_comment' WITH ('k1' = 'v1');
[INFO] Execute statement succeeded.
!info

ALTER DATABASE db2 SET ('k1' = 'a', 'k2' = 'b');
[INFO] Execute statement succeeded.
!info

SHOW DATABASES;
+------------------+
|    database name |
+------------------+
|              db1 |
|              db2 |
| default_database |
+------------------+
3 rows in set
!ok

SHOW DATABASES LIKE 'db%';
+---------------+
| database name |
+---------------+
|           db1 |
|           db2 |
+---------------+
2 rows in set
!ok

SHOW DATABASES ILIKE 'DB1%';
+---------------+
| database name |
+---------------+
|           db1 |
+---------------+
1 row in set
!ok

SHOW DATABASES NOT LIKE 'db%';
+------------------+
|    database name |
+------------------+
| default_database |
+------------------+
1 row in set
!ok

SHOW DATABASES NOT ILIKE 'DB%';
+------------------+
|    database name |
+------------------+
| default_database |
+------------------+
1 row in set
!ok

USE db1;
[INFO] Execute statement succeeded.
!info

SHOW CURRENT DATABASE;
+-----------------------+
| current database name |
+-----------------------+
|                   db1 |
+-----------------------+
1 row in set
!ok

CREATE TABLE t1 (a INT);
[INFO] Execute statement succeeded.
!info

SHOW TABLES;
+------------+
| table name |
+------------+
|         t1 |
+------------+
1 row in set
!ok

USE default_database;
[INFO] Execute statement succeeded.
!info

SHOW TABLES;
Empty set
!ok

SHOW TABLES FROM db1;
+------------+
| table name |
+------------+
|         t1 |
+------------+
1 row in set
!ok

SELECT * FROM db1.t1;
Empty set
!ok

SELECT * FROM default_catalog.db1.t1;
Empty set
!ok

# ==========================================================================
# names are case-sensitive and may be quoted
# ==========================================================================

USE DB1;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: A database with name [DB1] does not exist in the catalog: [default_catalog].
!error

CREATE DATABASE `Mixed Case`;
[INFO] Execute statement succeeded.
!info

SHOW DATABASES LIKE 'M%';
+---------------+
| database name |
+---------------+
|    Mixed Case |
+---------------+
1 row in set
!ok

USE `Mixed Case`;
[INFO] Execute statement succeeded.
!info

SHOW CURRENT DATABASE;
+-----------------------+
| current database name |
+-----------------------+
|            Mixed Case |
+-----------------------+
1 row in set
!ok

# USE catalog.database
USE default_catalog.default_database;
[INFO] Execute statement succeeded.
!info

SHOW CURRENT DATABASE;
+-----------------------+
| current database name |
+-----------------------+
|      default_database |
+-----------------------+
1 row in set
!ok

# ==========================================================================
# drop
# ==========================================================================

DROP DATABASE db1;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.DatabaseNotEmptyException: Database db1 in catalog default_catalog is not empty.
!error

DROP DATABASE db1 CASCADE;
[INFO] Execute statement succeeded.
!info

DROP DATABASE db1;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.DatabaseNotExistException: Database db1 does not exist in Catalog default_catalog.
!error

DROP DATABASE IF EXISTS db1;
[INFO] Execute statement succeeded.
!info

ALTER DATABASE db1 SET ('k' = 'v');
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.DatabaseNotExistException: Database db1 does not exist in Catalog default_catalog.
!error

DROP DATABASE default_database;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Cannot drop a database which is currently in use.
!error

DROP DATABASE db2;
[INFO] Execute statement succeeded.
!info

SHOW DATABASES;
+------------------+
|    database name |
+------------------+
|       Mixed Case |
| default_database |
+------------------+
2 rows in set
!ok

# ==========================================================================
# databases of another catalog
# ==========================================================================

CREATE CATALOG c1 WITH ('type'='generic_in_memory');
[INFO] Execute statement succeeded.
!info

CREATE DATABASE c1.db_c1;
[INFO] Execute statement succeeded.
!info

SHOW DATABASES FROM c1;
+---------------+
| database name |
+---------------+
|         db_c1 |
|       default |
+---------------+
2 rows in set
!ok

SHOW DATABASES IN c1 LIKE 'db%';
+---------------+
| database name |
+---------------+
|         db_c1 |
+---------------+
1 row in set
!ok

SHOW DATABASES FROM nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Catalog nope does not exist
!error

USE c1.db_c1;
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

SHOW CURRENT DATABASE;
+-----------------------+
| current database name |
+-----------------------+
|                 db_c1 |
+-----------------------+
1 row in set
!ok
