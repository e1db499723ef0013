# connector_datagen.q - the datagen connector: number-of-rows, fields.<f>.kind random|sequence,
# min/max/length/start/end

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

CREATE TABLE gen (id INT, v BIGINT, s STRING) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '5',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '5',
  'fields.v.min' = '10',
  'fields.v.max' = '10',
  'fields.s.length' = '3'
);
[INFO] Execute statement succeeded.
!info

SELECT id, v, CHAR_LENGTH(s) AS len FROM gen ORDER BY id;
+----+----+-----+
| id |  v | len |
+----+----+-----+
|  1 | 10 |   3 |
|  2 | 10 |   3 |
|  3 | 10 |   3 |
|  4 | 10 |   3 |
|  5 | 10 |   3 |
+----+----+-----+
5 rows in set
!ok

SELECT count(*) AS n FROM gen;
+---+
| n |
+---+
| 5 |
+---+
1 row in set
!ok

# random values stay within min and max
CREATE TABLE gen_random (x INT, d DOUBLE) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '100',
  'fields.x.kind' = 'random',
  'fields.x.min' = '1',
  'fields.x.max' = '3',
  'fields.d.min' = '0.5',
  'fields.d.max' = '0.75'
);
[INFO] Execute statement succeeded.
!info

SELECT count(*) AS n, MIN(x) >= 1 AS x_lo, MAX(x) <= 3 AS x_hi, MIN(d) >= 0.5 AS d_lo, MAX(d) <= 0.75 AS d_hi FROM gen_random;
+-----+------+------+------+------+
|   n | x_lo | x_hi | d_lo | d_hi |
+-----+------+------+------+------+
| 100 | TRUE | TRUE | TRUE | TRUE |
+-----+------+------+------+------+
1 row in set
!ok

# a sequence without number-of-rows ends at its end
CREATE TABLE gen_seq (id BIGINT) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '7',
  'fields.id.end' = '9'
);
[INFO] Execute statement succeeded.
!info

SELECT id FROM gen_seq ORDER BY id;
+----+
| id |
+----+
|  7 |
|  8 |
|  9 |
+----+
3 rows in set
!ok

# ==========================================================================
# datagen as the source of an INSERT
# ==========================================================================

CREATE TABLE sink (id INT, v BIGINT);
[INFO] Execute statement succeeded.
!info

INSERT INTO sink SELECT id, v FROM gen;
[INFO] Submitting SQL update statement to the cluster...
[INFO] SQL update statement has been successfully submitted to the cluster:
Job ID: ${job_id_1}
!info

SELECT count(*) AS n, SUM(id) AS ids, SUM(v) AS vs FROM sink;
+---+-----+----+
| n | ids | vs |
+---+-----+----+
| 5 |  15 | 50 |
+---+-----+----+
1 row in set
!ok

# ==========================================================================
# errors
# ==========================================================================

# options are checked when the table is used
CREATE TABLE gen_bad (id INT) WITH ('connector' = 'datagen', 'no.such.option' = '1');
[INFO] Execute statement succeeded.
!info

SELECT * FROM gen_bad;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Unsupported options found for 'datagen'.
!error
