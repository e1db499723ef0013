# connector_print_blackhole.q - the print connector (rows to the gateway log) and the blackhole connector
# (rows dropped); both are sinks only

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

CREATE TABLE p (id INT, name STRING) WITH ('connector' = 'print');
[INFO] Execute statement succeeded.
!info

INSERT INTO p VALUES (1, 'golden-a'), (2, 'golden-b');
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

!log-contains +I[1, golden-a]

!log-contains +I[2, golden-b]

DESCRIBE JOB '${job_id}';
+-------------+------------------------------------------------+----------+---------------+
|      job id |                                       job name |   status |    start time |
+-------------+------------------------------------------------+----------+---------------+
| ${job_id_1} | insert-into_default_catalog.default_database.p | FINISHED | ${start_time} |
+-------------+------------------------------------------------+----------+---------------+
1 row in set
!ok

# print-identifier prefixes the printed rows
CREATE TABLE p2 (id INT) WITH ('connector' = 'print', 'print-identifier' = 'golden-sink');
[INFO] Execute statement succeeded.
!info

INSERT INTO p2 VALUES (42);
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_2}
!info

!log-contains golden-sink> +I[42]

SELECT * FROM p;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Connector 'print' can only be used as a sink. It cannot be used as a source.
!error

CREATE TABLE b (id INT) WITH ('connector' = 'blackhole');
[INFO] Execute statement succeeded.
!info

INSERT INTO b VALUES (1), (2), (3);
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_3}
!info

DESCRIBE JOB '${job_id}';
+-------------+------------------------------------------------+----------+---------------+
|      job id |                                       job name |   status |    start time |
+-------------+------------------------------------------------+----------+---------------+
| ${job_id_3} | insert-into_default_catalog.default_database.b | FINISHED | ${start_time} |
+-------------+------------------------------------------------+----------+---------------+
1 row in set
!ok

SELECT * FROM b;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Connector 'blackhole' can only be used as a sink. It cannot be used as a source.
!error

# a statement set may write to both
EXECUTE STATEMENT SET BEGIN
INSERT INTO p VALUES (3, 'golden-c');
INSERT INTO b VALUES (4);
END;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_4}
!info

!log-contains +I[3, golden-c]
