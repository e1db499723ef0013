# set.q - SET, RESET and the Hive-style SET k=v / SET k (gateway-level statements)

# a fresh session lists no options of its own (the generated gateway configuration,
# keys sql-gateway.*, is left out by the runner)
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
!rest-only
SELECT TO_TIMESTAMP_LTZ(0, 3) AS ltz;
+-------------------------+
|                     ltz |
+-------------------------+
| 1970-01-01 01:00:00.000 |
+-------------------------+
1 row in set
!ok

# ==========================================================================
# RESET of everything
# ==========================================================================

RESET;
[INFO] Execute statement succeeded.
!info

SET;
Empty set
!ok
