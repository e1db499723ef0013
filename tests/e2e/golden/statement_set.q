# statement_set.q - BEGIN STATEMENT SET / END and EXECUTE STATEMENT SET: the INSERTs (and CTAS) of a set
# run as one job and commit together or not at all

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

CREATE TABLE src (id INT, str STRING);
[INFO] Execute statement succeeded.
!info

INSERT INTO src VALUES (1, 'Hello World'), (2, 'Hi'), (3, 'Hello');
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

CREATE TABLE sink1 (id INT, str STRING);
[INFO] Execute statement succeeded.
!info

CREATE TABLE sink2 (id INT, str STRING);
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# BEGIN STATEMENT SET ... END
# ==========================================================================

BEGIN STATEMENT SET;
[INFO] Execute statement succeeded.
!info

# statements of a set are buffered: OK, no job yet
INSERT INTO sink1 SELECT * FROM src;
[INFO] Execute statement succeeded.
!info

INSERT INTO sink2 SELECT id, UPPER(str) FROM src WHERE id > 1;
[INFO] Execute statement succeeded.
!info

# anything but INSERT / CREATE TABLE AS is refused, and the set stays open
SELECT * FROM src;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.gateway.service.utils.SqlExecutionException: Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' statement to submit Statement Set.
!error

CREATE TABLE not_in_a_set (id INT);
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.gateway.service.utils.SqlExecutionException: Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' statement to submit Statement Set.
!error

SET 'k' = 'v';
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.gateway.service.utils.SqlExecutionException: Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' statement to submit Statement Set.
!error

# CREATE TABLE AS belongs in a set too
CREATE TABLE ctas_in_set AS SELECT id FROM src WHERE id = 1;
[INFO] Execute statement succeeded.
!info

# END submits the whole set as one job
END;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_2}
!info

SELECT * FROM sink1 ORDER BY id;
+----+-------------+
| id |         str |
+----+-------------+
|  1 | Hello World |
|  2 |          Hi |
|  3 |       Hello |
+----+-------------+
3 rows in set
!ok

SELECT * FROM sink2 ORDER BY id;
+----+-------+
| id |   str |
+----+-------+
|  2 |    HI |
|  3 | HELLO |
+----+-------+
2 rows in set
!ok

SELECT * FROM ctas_in_set;
+----+
| id |
+----+
|  1 |
+----+
1 row in set
!ok

# one job for the set, named after all its sinks
DESCRIBE JOB '${job_id_2}';
+-------------+----------------------------------------------------------------------------------------------------------------------------------------+----------+---------------+
|      job id |                                                                                                                               job name |   status |    start time |
+-------------+----------------------------------------------------------------------------------------------------------------------------------------+----------+---------------+
| ${job_id_2} | insert-into_default_catalog.default_database.sink1,default_catalog.default_database.sink2,default_catalog.default_database.ctas_in_set | FINISHED | ${start_time} |
+-------------+----------------------------------------------------------------------------------------------------------------------------------------+----------+---------------+
1 row in set
!ok

# ==========================================================================
# END without a set, an empty set
# ==========================================================================

END;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.gateway.service.utils.SqlExecutionException: No Statement Set to submit. 'END' statement should be used after 'BEGIN STATEMENT SET'.
!error

BEGIN STATEMENT SET;
[INFO] Execute statement succeeded.
!info

END;
[INFO] Execute statement succeeded.
!info

END;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.gateway.service.utils.SqlExecutionException: No Statement Set to submit. 'END' statement should be used after 'BEGIN STATEMENT SET'.
!error

# ==========================================================================
# EXECUTE STATEMENT SET BEGIN ... END
# ==========================================================================

EXECUTE STATEMENT SET BEGIN
INSERT INTO sink1 VALUES (4, 'four');
INSERT INTO sink2 VALUES (4, 'FOUR');
END;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_3}
!info

SELECT * FROM sink1 ORDER BY id;
+----+-------------+
| id |         str |
+----+-------------+
|  1 | Hello World |
|  2 |          Hi |
|  3 |       Hello |
|  4 |        four |
+----+-------------+
4 rows in set
!ok

SELECT * FROM sink2 ORDER BY id;
+----+-------+
| id |   str |
+----+-------+
|  2 |    HI |
|  3 | HELLO |
|  4 |  FOUR |
+----+-------+
3 rows in set
!ok

EXECUTE STATEMENT SET BEGIN
END;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.sql.parser.impl.ParseException: Encountered "END" at line 2, column 1.
!error

# ==========================================================================
# a set that fails half-way commits nothing
# ==========================================================================

CREATE TABLE strict_sink (id INT NOT NULL, str STRING);
[INFO] Execute statement succeeded.
!info

# the first INSERT alone would succeed; the second writes NULL into a NOT NULL column
EXECUTE STATEMENT SET BEGIN
INSERT INTO sink1 VALUES (5, 'five');
INSERT INTO strict_sink VALUES (CAST(NULL AS INT), 'no id');
END;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.TableException: Column 'id' is NOT NULL, however, a null value is being written into it. You can set job configuration 'table.exec.sink.not-null-enforcer'='DROP' to suppress this exception and drop such records silently.
!error

SELECT * FROM sink1 ORDER BY id;
+----+-------------+
| id |         str |
+----+-------------+
|  1 | Hello World |
|  2 |          Hi |
|  3 |       Hello |
|  4 |        four |
+----+-------------+
4 rows in set
!ok

SELECT count(*) AS n FROM strict_sink;
+---+
| n |
+---+
| 0 |
+---+
1 row in set
!ok

# the same through BEGIN STATEMENT SET, submitted without waiting (table.dml-sync=false):
# the job id comes back, the job FAILS, and still nothing is committed
SET 'table.dml-sync' = 'false';
[INFO] Execute statement succeeded.
!info

BEGIN STATEMENT SET;
[INFO] Execute statement succeeded.
!info

INSERT INTO sink2 VALUES (6, 'SIX');
[INFO] Execute statement succeeded.
!info

INSERT INTO strict_sink VALUES (CAST(NULL AS INT), 'no id');
[INFO] Execute statement succeeded.
!info

END;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_4}
!info

!wait-job FAILED

SELECT * FROM sink2 ORDER BY id;
+----+-------+
| id |   str |
+----+-------+
|  2 |    HI |
|  3 | HELLO |
|  4 |  FOUR |
+----+-------+
3 rows in set
!ok

SELECT count(*) AS n FROM strict_sink;
+---+
| n |
+---+
| 0 |
+---+
1 row in set
!ok
