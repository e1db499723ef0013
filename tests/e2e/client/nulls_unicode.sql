-- NULL prints as <NULL>; wide (CJK) characters count two columns, emoji as Flink counts them.
SET 'sql-client.execution.result-mode' = 'tableau';
SELECT * FROM (VALUES
  (1, CAST(NULL AS STRING), '中文字'),
  (22, 'abc', NULL),
  (333, '😀x', 'ü'),
  (4444, 'こんにちは', '한국어')
) AS t(id, s, c) ORDER BY id;
SELECT CAST(NULL AS INT) AS i, CAST(NULL AS BOOLEAN) AS b, TRUE AS t, NULL AS n;
