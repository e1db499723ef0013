-- SET and RESET of one key, of a display option that takes effect, and RESET of everything
-- (which in gateway mode also drops the -D options: they are session properties, not defaults).
SET 'sql-client.execution.result-mode' = 'tableau';
SET 'golden.key' = 'golden value';
SET 'table.display.max-column-width' = '12';
SELECT 'abcdefghijklmnopqrstuvwxyz' AS letters;
RESET 'table.display.max-column-width';
SELECT 'abcdefghijklmnopqrstuvwxyz' AS letters;
RESET 'golden.key';
SET 'table.display.max-column-width' = '5';
RESET;
SET 'sql-client.execution.result-mode' = 'tableau';
SET 'sql-client.display.print-time-cost' = 'false';
SELECT 'abcdefghijklmnopqrstuvwxyz' AS letters;
