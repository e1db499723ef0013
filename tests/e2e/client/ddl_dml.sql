-- CREATE TABLE, INSERT (asynchronous and with table.dml-sync), then the rows read back.
SET 'sql-client.execution.result-mode' = 'tableau';
CREATE TABLE orders (id INT, item STRING, qty INT);
INSERT INTO orders VALUES (2, 'pear', 5), (1, 'apple', 10), (3, 'fig', 1);
SET 'table.dml-sync' = 'true';
INSERT INTO orders SELECT 4, 'kiwi', 7;
SELECT id, item, qty FROM orders ORDER BY id;
SELECT count(*) AS n, sum(qty) AS total FROM orders;
DROP TABLE orders;
