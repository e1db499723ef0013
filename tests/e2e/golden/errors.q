# errors.q - the error cases, with Flink's root cause (REST) / message (HiveServer2); after each the
# session goes on

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# parser
# ==========================================================================

SELEC 1;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.sql.parser.impl.ParseException: Encountered "SELEC" at line 1, column 1.
!error

# ==========================================================================
# catalogs and databases
# ==========================================================================

USE CATALOG nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: A catalog with name [nope] does not exist.
!error

DROP CATALOG nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: Catalog nope does not exist.
!error

CREATE CATALOG default_catalog WITH ('type' = 'generic_in_memory');
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: Catalog default_catalog already exists.
!error

CREATE CATALOG bad_type WITH ('type' = 'nope');
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Could not find any factory for identifier 'nope' that implements 'org.apache.flink.table.factories.CatalogFactory' in the classpath.
!error

USE nope_db;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.CatalogException: A database with name [nope_db] does not exist in the catalog: [default_catalog].
!error

CREATE DATABASE default_database;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException: Database default_database already exists in Catalog default_catalog.
!error

DROP DATABASE nope_db;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.DatabaseNotExistException: Database nope_db does not exist in Catalog default_catalog.
!error

CREATE TABLE nope_cat.nope_db.t (a INT);
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Catalog nope_cat does not exist.
!error

# ==========================================================================
# tables and views
# ==========================================================================

SELECT * FROM nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.calcite.sql.validate.SqlValidatorException: Object 'nope' not found
!error

INSERT INTO nope VALUES (1);
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.TableException: Cannot find table '`default_catalog`.`default_database`.`nope`' in any of the catalogs [default_catalog], nor as a temporary table.
!error

DROP TABLE nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Table with identifier 'default_catalog.default_database.nope' does not exist.
!error

DROP VIEW nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: View with identifier 'default_catalog.default_database.nope' does not exist.
!error

DESCRIBE nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Tables or views with the identifier 'default_catalog.default_database.nope' doesn't exist.
!error

ALTER TABLE nope SET ('k' = 'v');
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Table `default_catalog`.`default_database`.`nope` doesn't exist or is a temporary table.
!error

CREATE TABLE t (a INT);
[INFO] Execute statement succeeded.
!info

CREATE TABLE t (a INT);
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.TableAlreadyExistException: Table (or view) default_database.t already exists in Catalog default_catalog.
!error

CREATE VIEW t AS SELECT 1 AS a;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.catalog.exceptions.TableAlreadyExistException: Table (or view) default_database.t already exists in Catalog default_catalog.
!error

# identifiers are case-sensitive
# differs from Flink (Object 'T' not found): DuckDB resolves table names case-insensitively
SELECT * FROM T;
Empty set
!ok

# ==========================================================================
# connectors
# ==========================================================================

# an unknown connector or option is reported when the table is used, naming it
CREATE TABLE unknown_connector (a INT) WITH ('connector' = 'nope');
[INFO] Execute statement succeeded.
!info

SELECT * FROM unknown_connector;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Could not find any factory for identifier 'nope' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.
!error

INSERT INTO unknown_connector VALUES (1);
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Could not find any factory for identifier 'nope' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.
!error

CREATE TABLE unknown_option (a INT) WITH ('connector' = 'blackhole', 'no.such.option' = '1');
[INFO] Execute statement succeeded.
!info

INSERT INTO unknown_option VALUES (1);
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Unsupported options found for 'blackhole'.
!error

# ==========================================================================
# gateway statements
# ==========================================================================

END;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.gateway.service.utils.SqlExecutionException: No Statement Set to submit. 'END' statement should be used after 'BEGIN STATEMENT SET'.
!error

DESCRIBE JOB 'ffffffffffffffffffffffffffffffff';
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.gateway.service.utils.SqlExecutionException: Described job ffffffffffffffffffffffffffffffff does not exist in the cluster.
!error

SET 'table.sql-dialect' = 'unknown';
[ERROR] Could not execute SQL statement. Reason:
java.lang.IllegalArgumentException: No enum constant org.apache.flink.table.api.SqlDialect.UNKNOWN
!error

# the session still works
SELECT 1 AS one;
+-----+
| one |
+-----+
|   1 |
+-----+
1 row in set
!ok
