# jobs.q - INSERT and CTAS run as jobs: job ids, job names, SHOW JOBS, DESCRIBE JOB, STOP JOB,
# table.dml-sync both ways

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

CREATE TABLE src (id BIGINT, name STRING);
[INFO] Execute statement succeeded.
!info

CREATE TABLE dst (id BIGINT, name STRING);
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# table.dml-sync = true: the job id comes back when the job is done
# ==========================================================================

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

INSERT INTO src VALUES (1, 'a'), (2, 'b'), (3, 'c');
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

DESCRIBE JOB '${job_id}';
+-------------+--------------------------------------------------+----------+---------------+
|      job id |                                         job name |   status |    start time |
+-------------+--------------------------------------------------+----------+---------------+
| ${job_id_1} | insert-into_default_catalog.default_database.src | FINISHED | ${start_time} |
+-------------+--------------------------------------------------+----------+---------------+
1 row in set
!ok

SELECT * FROM src ORDER BY id;
+----+------+
| id | name |
+----+------+
|  1 |    a |
|  2 |    b |
|  3 |    c |
+----+------+
3 rows in set
!ok

# pipeline.name names the job
SET 'pipeline.name' = 'copy src';
[INFO] Execute statement succeeded.
!info

INSERT INTO dst SELECT * FROM src WHERE id > 1;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_2}
!info

RESET 'pipeline.name';
[INFO] Execute statement succeeded.
!info

DESC JOB '${job_id}';
+-------------+----------+----------+---------------+
|      job id | job name |   status |    start time |
+-------------+----------+----------+---------------+
| ${job_id_2} | copy src | FINISHED | ${start_time} |
+-------------+----------+----------+---------------+
1 row in set
!ok

# CREATE TABLE AS is a job too
CREATE TABLE src_copy AS SELECT * FROM src WHERE id = 1;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_3}
!info

SELECT * FROM src_copy;
+----+------+
| id | name |
+----+------+
|  1 |    a |
+----+------+
1 row in set
!ok

!unordered
SHOW JOBS;
+-------------+-------------------------------------------------------+----------+---------------+
|      job id |                                              job name |   status |    start time |
+-------------+-------------------------------------------------------+----------+---------------+
| ${job_id_1} |      insert-into_default_catalog.default_database.src | FINISHED | ${start_time} |
| ${job_id_2} |                                              copy src | FINISHED | ${start_time} |
| ${job_id_3} | insert-into_default_catalog.default_database.src_copy | FINISHED | ${start_time} |
+-------------+-------------------------------------------------------+----------+---------------+
3 rows in set
!ok

# ==========================================================================
# table.dml-sync = false (the default): the job id comes back at once, the job runs on;
# STOP JOB cancels it
# ==========================================================================

SET 'table.dml-sync' = 'false';
[INFO] Execute statement succeeded.
!info

# an unbounded source (streaming mode): the INSERT never ends by itself
SET 'execution.runtime-mode' = 'streaming';
[INFO] Execute statement succeeded.
!info

CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen');
[INFO] Execute statement succeeded.
!info

CREATE TABLE nowhere (id BIGINT) WITH ('connector' = 'blackhole');
[INFO] Execute statement succeeded.
!info

SET 'pipeline.name' = 'endless insert';
[INFO] Execute statement succeeded.
!info

INSERT INTO nowhere SELECT id FROM endless;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_4}
!info

RESET 'pipeline.name';
[INFO] Execute statement succeeded.
!info

!wait-job RUNNING

DESCRIBE JOB '${job_id}';
+-------------+----------------+---------+---------------+
|      job id |       job name |  status |    start time |
+-------------+----------------+---------+---------------+
| ${job_id_4} | endless insert | RUNNING | ${start_time} |
+-------------+----------------+---------+---------------+
1 row in set
!ok

STOP JOB '${job_id}';
[INFO] Execute statement succeeded.
!info

!wait-job CANCELED

DESCRIBE JOB '${job_id_4}';
+-------------+----------------+----------+---------------+
|      job id |       job name |   status |    start time |
+-------------+----------------+----------+---------------+
| ${job_id_4} | endless insert | CANCELED | ${start_time} |
+-------------+----------------+----------+---------------+
1 row in set
!ok

!unordered
SHOW JOBS;
+-------------+-------------------------------------------------------+----------+---------------+
|      job id |                                              job name |   status |    start time |
+-------------+-------------------------------------------------------+----------+---------------+
| ${job_id_1} |      insert-into_default_catalog.default_database.src | FINISHED | ${start_time} |
| ${job_id_2} |                                              copy src | FINISHED | ${start_time} |
| ${job_id_3} | insert-into_default_catalog.default_database.src_copy | FINISHED | ${start_time} |
| ${job_id_4} |                                        endless insert | CANCELED | ${start_time} |
+-------------+-------------------------------------------------------+----------+---------------+
4 rows in set
!ok

# ==========================================================================
# jobs that do not exist
# ==========================================================================

DESCRIBE JOB '00000000000000000000000000000000';
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.gateway.service.utils.SqlExecutionException: Described job 00000000000000000000000000000000 does not exist in the cluster.
!error

STOP JOB '00000000000000000000000000000000';
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.runtime.messages.FlinkJobNotFoundException: Could not find Flink job (00000000000000000000000000000000)
!error

# ==========================================================================
# the session goes on serving while a job of its own runs
# ==========================================================================

INSERT INTO nowhere SELECT id FROM endless;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_5}
!info

!wait-job RUNNING

SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SELECT count(*) AS n FROM src;
+---+
| n |
+---+
| 3 |
+---+
1 row in set
!ok

INSERT INTO dst VALUES (4, 'd');
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_6}
!info

!wait-job FINISHED

STOP JOB '${job_id_5}';
[INFO] Execute statement succeeded.
!info

# (over HiveServer2 the asynchronous job's id is unknown, so the !wait-job above is skipped and
# this read could race the insert)
!rest-only
SELECT * FROM dst ORDER BY id;
+----+------+
| id | name |
+----+------+
|  2 |    b |
|  3 |    c |
|  4 |    d |
+----+------+
3 rows in set
!ok
