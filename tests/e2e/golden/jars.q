# jars.q - ADD JAR / SHOW JARS / REMOVE JAR: jars are recorded and listed per session (nothing
# runs Java)

SHOW JARS;
Empty set
!ok

ADD JAR '${data_dir}/jars/udf-a.jar';
[INFO] Execute statement succeeded.
!info

ADD JAR '${data_dir}/jars/udf-b.jar';
[INFO] Execute statement succeeded.
!info

# listed in the order they were added
SHOW JARS;
+----------------------------+
|                       jars |
+----------------------------+
| ${data_dir}/jars/udf-a.jar |
| ${data_dir}/jars/udf-b.jar |
+----------------------------+
2 rows in set
!ok

# adding a jar twice lists it once
ADD JAR '${data_dir}/jars/udf-a.jar';
[INFO] Execute statement succeeded.
!info

SHOW JARS;
+----------------------------+
|                       jars |
+----------------------------+
| ${data_dir}/jars/udf-a.jar |
| ${data_dir}/jars/udf-b.jar |
+----------------------------+
2 rows in set
!ok

REMOVE JAR '${data_dir}/jars/udf-a.jar';
[INFO] Execute statement succeeded.
!info

SHOW JARS;
+----------------------------+
|                       jars |
+----------------------------+
| ${data_dir}/jars/udf-b.jar |
+----------------------------+
1 row in set
!ok

ADD JAR '${data_dir}/jars/not-a-jar.txt';
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: The registering or unregistering jar resource [${data_dir}/jars/not-a-jar.txt] must ends with '.jar' suffix.
!error

SHOW JARS;
+----------------------------+
|                       jars |
+----------------------------+
| ${data_dir}/jars/udf-b.jar |
+----------------------------+
1 row in set
!ok

# jars belong to the session: a new session (here after a restart) has none
!restart

SHOW JARS;
Empty set
!ok
