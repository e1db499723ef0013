# explain.q - EXPLAIN returns the engine's plan text in one `result` cell: the plan itself is the
# engine's, so only the table it reads is compared

# batch mode, as Flink's own .q files use for bounded data: results without an op
# column, ORDER BY on any column, INSERT OVERWRITE
SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

CREATE TABLE orders (id INT, product STRING, amount INT);
[INFO] Execute statement succeeded.
!info

CREATE TABLE totals (product STRING, total INT);
[INFO] Execute statement succeeded.
!info

EXPLAIN SELECT product, SUM(amount) FROM orders GROUP BY product;
orders
!contains

EXPLAIN PLAN FOR SELECT * FROM orders WHERE amount > 10;
orders
!contains

EXPLAIN ESTIMATED_COST, CHANGELOG_MODE SELECT * FROM orders;
orders
!contains

EXPLAIN INSERT INTO totals SELECT product, SUM(amount) FROM orders GROUP BY product;
orders
!contains

# differs from Flink: EXPLAIN STATEMENT SET is not supported (DuckDB explains one statement)
EXPLAIN STATEMENT SET BEGIN
INSERT INTO totals SELECT product, amount FROM orders;
INSERT INTO totals SELECT product, id FROM orders;
END;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.TableException: Parser Error: syntax error at or near "STATEMENT"
!error

# EXPLAIN runs nothing
SELECT count(*) AS n FROM totals;
+---+
| n |
+---+
| 0 |
+---+
1 row in set
!ok

# differs from Flink (SqlValidatorException: Object 'nope' not found): EXPLAIN reports DuckDB's catalog error
EXPLAIN SELECT * FROM nope;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.TableException: Catalog Error: Table with name nope does not exist!
Did you mean "orders"?

LINE 1: EXPLAIN SELECT * FROM nope
                              ^
!error
