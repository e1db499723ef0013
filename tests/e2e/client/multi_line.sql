-- Statements over several lines, ';' inside strings and comments, two statements on one line.
SET 'sql-client.execution.result-mode' = 'tableau';
-- a comment line; with a semicolon
SELECT 'a;b' AS s,   -- a trailing comment; with a semicolon
  2 AS n
ORDER BY 1;
SELECT 1 AS x; SELECT 2 AS y;
/* a block comment; with a semicolon */ SELECT 'it''s' AS q;
SELECT
  'x' AS "semi;colon",
  3 AS n
;
