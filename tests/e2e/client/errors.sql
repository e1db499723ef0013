-- The first failing statement ends the script with exit code 1; nothing after it runs.
SET 'sql-client.execution.result-mode' = 'tableau';
SELECT 'before' AS stage;
SELEC 1;
SELECT 'after' AS stage;
CREATE TABLE never_created (id INT);
