-- Cells wider than table.display.max-column-width (30 by default) are cut and end in "...".
SET 'sql-client.execution.result-mode' = 'tableau';
SELECT REPEAT('abcdefghij', 6) AS long_text, 1 AS n;
SELECT REPEAT('x', 30) AS exactly_30, REPEAT('y', 31) AS thirty_one;
SET 'table.display.max-column-width' = '10';
SELECT REPEAT('abcdefghij', 6) AS long_text, 1 AS n;
SELECT '中文中文中文中文中文' AS cjk, 'ab中文中文中文中文' AS mixed;
