-- SHOW and DESCRIBE print as non-query tables: NULL as an empty cell, no time cost.
SET 'sql-client.execution.result-mode' = 'tableau';
SHOW TABLES;
CREATE TABLE s (id INT PRIMARY KEY, name VARCHAR DEFAULT 'x', note VARCHAR);
CREATE VIEW v AS SELECT id FROM s;
SHOW TABLES;
DESCRIBE s;
