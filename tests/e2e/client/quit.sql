-- QUIT ends the script with exit code 0; the statements after it do not run.
SET 'sql-client.execution.result-mode' = 'tableau';
SELECT 'first' AS stage;
QUIT;
SELECT 'never' AS stage;
