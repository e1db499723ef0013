# connector_filesystem.q - the filesystem connector (csv, json, parquet): written by INSERT as new part files
# (INSERT OVERWRITE replaces them), read by SELECT, still there after a gateway restart

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

CREATE TABLE fs_csv (id INT, name STRING, amount DOUBLE) WITH (
  'connector' = 'filesystem',
  'path' = '${data_dir}/fs_csv',
  'format' = 'csv'
);
[INFO] Execute statement succeeded.
!info

INSERT INTO fs_csv VALUES (1, 'a', 1.5), (2, 'b', 2.5);
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

SELECT * FROM fs_csv ORDER BY id;
+----+------+--------+
| id | name | amount |
+----+------+--------+
|  1 |    a |    1.5 |
|  2 |    b |    2.5 |
+----+------+--------+
2 rows in set
!ok

# a second INSERT adds a part file: the rows before stay
INSERT INTO fs_csv VALUES (3, 'c', 3.5);
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_2}
!info

SELECT * FROM fs_csv ORDER BY id;
+----+------+--------+
| id | name | amount |
+----+------+--------+
|  1 |    a |    1.5 |
|  2 |    b |    2.5 |
|  3 |    c |    3.5 |
+----+------+--------+
3 rows in set
!ok

# filter and aggregate over the files
SELECT count(*) AS n, SUM(amount) AS total FROM fs_csv WHERE id > 1;
+---+-------+
| n | total |
+---+-------+
| 2 |   6.0 |
+---+-------+
1 row in set
!ok

# ==========================================================================
# json and parquet, filled from the csv table
# ==========================================================================

CREATE TABLE fs_json (id INT, name STRING, amount DOUBLE) WITH (
  'connector' = 'filesystem',
  'path' = '${data_dir}/fs_json',
  'format' = 'json'
);
[INFO] Execute statement succeeded.
!info

INSERT INTO fs_json SELECT * FROM fs_csv;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_3}
!info

SELECT * FROM fs_json ORDER BY id;
+----+------+--------+
| id | name | amount |
+----+------+--------+
|  1 |    a |    1.5 |
|  2 |    b |    2.5 |
|  3 |    c |    3.5 |
+----+------+--------+
3 rows in set
!ok

CREATE TABLE fs_parquet (id INT, name STRING, amount DOUBLE) WITH (
  'connector' = 'filesystem',
  'path' = '${data_dir}/fs_parquet',
  'format' = 'parquet'
);
[INFO] Execute statement succeeded.
!info

INSERT INTO fs_parquet SELECT id, UPPER(name), amount * 2 FROM fs_json;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_4}
!info

SELECT * FROM fs_parquet ORDER BY id;
+----+------+--------+
| id | name | amount |
+----+------+--------+
|  1 |    A |    3.0 |
|  2 |    B |    5.0 |
|  3 |    C |    7.0 |
+----+------+--------+
3 rows in set
!ok

# ==========================================================================
# INSERT OVERWRITE replaces the files
# ==========================================================================

INSERT OVERWRITE fs_json VALUES (9, 'z', 9.5);
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_5}
!info

SELECT * FROM fs_json;
+----+------+--------+
| id | name | amount |
+----+------+--------+
|  9 |    z |    9.5 |
+----+------+--------+
1 row in set
!ok

# ==========================================================================
# CREATE TABLE AS into a filesystem table
# ==========================================================================

CREATE TABLE fs_ctas WITH (
  'connector' = 'filesystem',
  'path' = '${data_dir}/fs_ctas',
  'format' = 'csv'
) AS SELECT id, name FROM fs_csv WHERE id < 3;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_6}
!info

SELECT * FROM fs_ctas ORDER BY id;
+----+------+
| id | name |
+----+------+
|  1 |    a |
|  2 |    b |
+----+------+
2 rows in set
!ok

# ==========================================================================
# after a restart: the tables, their options and their files are still there
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
|     fs_csv |
|    fs_ctas |
|    fs_json |
| fs_parquet |
+------------+
4 rows in set
!ok

SHOW CREATE TABLE fs_csv;
CREATE TABLE `default_catalog`.`default_database`.`fs_csv` (
  `id` INT,
  `name` VARCHAR(2147483647),
  `amount` DOUBLE
)
WITH (
  'connector' = 'filesystem',
  'format' = 'csv',
  'path' = '${data_dir}/fs_csv'
)
!ok

SELECT * FROM fs_csv ORDER BY id;
+----+------+--------+
| id | name | amount |
+----+------+--------+
|  1 |    a |    1.5 |
|  2 |    b |    2.5 |
|  3 |    c |    3.5 |
+----+------+--------+
3 rows in set
!ok

SELECT * FROM fs_json;
+----+------+--------+
| id | name | amount |
+----+------+--------+
|  9 |    z |    9.5 |
+----+------+--------+
1 row in set
!ok

SELECT * FROM fs_parquet ORDER BY id;
+----+------+--------+
| id | name | amount |
+----+------+--------+
|  1 |    A |    3.0 |
|  2 |    B |    5.0 |
|  3 |    C |    7.0 |
+----+------+--------+
3 rows in set
!ok

SELECT * FROM fs_ctas ORDER BY id;
+----+------+
| id | name |
+----+------+
|  1 |    a |
|  2 |    b |
+----+------+
2 rows in set
!ok

INSERT INTO fs_csv VALUES (4, 'after restart', 4.5);
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_7}
!info

SELECT * FROM fs_csv WHERE id = 4;
+----+---------------+--------+
| id |          name | amount |
+----+---------------+--------+
|  4 | after restart |    4.5 |
+----+---------------+--------+
1 row in set
!ok

# ==========================================================================
# errors
# ==========================================================================

CREATE TABLE fs_xml (id INT) WITH ('connector' = 'filesystem', 'path' = '${data_dir}/fs_xml', 'format' = 'xml');
[INFO] Execute statement succeeded.
!info

SELECT * FROM fs_xml;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Could not find any factory for identifier 'xml' that implements 'org.apache.flink.table.factories.DeserializationFormatFactory' in the classpath.
!error
