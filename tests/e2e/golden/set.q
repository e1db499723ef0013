# set.q - SET, RESET and the Hive-style SET k=v / SET k (gateway-level statements)

# a fresh session lists no options of its own (the generated gateway configuration,
# keys sql-gateway.*, is left out by the runner)
# (HiveServer2 sessions also list table.dml-sync=true, which Flink sets for them)
!rest-only
SET;
Empty set
!ok

SET 'golden.key' = 'golden value';
[INFO] Execute statement succeeded.
!info

# keys and values are trimmed
SET ' golden.spaced ' = ' spaced value ';
[INFO] Execute statement succeeded.
!info

SET 'table.local-time-zone' = 'Europe/Berlin';
[INFO] Execute statement succeeded.
!info

# the listing is sorted by key
# (HiveServer2 sessions also list table.dml-sync=true, which Flink sets for them)
!rest-only
SET;
+-----------------------+---------------+
|                   key |         value |
+-----------------------+---------------+
|            golden.key |  golden value |
|         golden.spaced |  spaced value |
| table.local-time-zone | Europe/Berlin |
+-----------------------+---------------+
3 rows in set
!ok

# a second SET of a key replaces its value
SET 'golden.key' = 'second value';
[INFO] Execute statement succeeded.
!info

RESET 'golden.spaced';
[INFO] Execute statement succeeded.
!info

# (HiveServer2 sessions also list table.dml-sync=true, which Flink sets for them)
!rest-only
SET;
+-----------------------+---------------+
|                   key |         value |
+-----------------------+---------------+
|            golden.key |  second value |
| table.local-time-zone | Europe/Berlin |
+-----------------------+---------------+
2 rows in set
!ok

# resetting a key that is not set is fine
RESET 'golden.never.set';
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# Hive-style SET k=v and SET k
# ==========================================================================

SET hive.style.key=hive;
[INFO] Execute statement succeeded.
!info

SET hive.style.key;
+----------------+-------+
|            key | value |
+----------------+-------+
| hive.style.key |  hive |
+----------------+-------+
1 row in set
!ok

SET golden.key;
+------------+--------------+
|        key |        value |
+------------+--------------+
| golden.key | second value |
+------------+--------------+
1 row in set
!ok

RESET hive.style.key;
[INFO] Execute statement succeeded.
!info

# ==========================================================================
# validation: known options must parse
# ==========================================================================

SET 'table.sql-dialect' = 'unknown';
[ERROR] Could not execute SQL statement. Reason:
java.lang.IllegalArgumentException: No enum constant org.apache.flink.table.api.SqlDialect.UNKNOWN
!error

# the failed SET changed nothing
# (HiveServer2 sessions also list table.dml-sync=true, which Flink sets for them)
!rest-only
SET;
+-----------------------+---------------+
|                   key |         value |
+-----------------------+---------------+
|            golden.key |  second value |
| table.local-time-zone | Europe/Berlin |
+-----------------------+---------------+
2 rows in set
!ok

# the session time zone is used at once: epoch 0 is 01:00 in Berlin
# (HiveServer2 has no TIMESTAMP_LTZ type)
# differs from Flink: DuckDB has no TO_TIMESTAMP_LTZ function
!rest-only
SELECT TO_TIMESTAMP_LTZ(0, 3) AS ltz;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.TableException: Catalog Error: Scalar Function with name to_timestamp_ltz does not exist!
Did you mean "to_timestamp"?

LINE 1: SELECT TO_TIMESTAMP_LTZ(0, 3) AS ltz
               ^
!error

# ==========================================================================
# RESET of everything
# ==========================================================================

RESET;
[INFO] Execute statement succeeded.
!info

# (HiveServer2 sessions also list table.dml-sync=true, which Flink sets for them)
!rest-only
SET;
Empty set
!ok
