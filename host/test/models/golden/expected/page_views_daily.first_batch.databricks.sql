-- params: ["2024-01-01 00:00:00","2024-01-02 00:00:00","2024-01-01 00:00:00","2024-01-02 00:00:00"]
CREATE OR REPLACE TABLE `warehouse`.`silver`.`page_views` AS
SELECT * FROM (
SELECT page, viewed_at, user_id
FROM raw.page_views
WHERE viewed_at >= CAST(? AS TIMESTAMP)
  AND viewed_at < CAST(? AS TIMESTAMP) -- the partition's bounds, bound as parameters
  AND page <> '@start_date is not a macro inside a string'
) AS `rocky_src`
WHERE `viewed_at` >= CAST(? AS TIMESTAMP) AND `viewed_at` < CAST(? AS TIMESTAMP);
