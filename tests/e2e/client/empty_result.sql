-- Results without rows, from a query and from a non-query statement.
SET 'sql-client.execution.result-mode' = 'tableau';
SHOW TABLES;
CREATE TABLE empty_t (id INT, name STRING);
SELECT * FROM empty_t;
SELECT id, name FROM empty_t WHERE id > 0 ORDER BY id;
SELECT 1 AS one WHERE 1 = 0;
