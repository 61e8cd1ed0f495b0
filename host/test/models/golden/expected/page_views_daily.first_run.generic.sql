-- batch 1: partitions 2024-01-01, 2024-01-02, 2024-01-03
-- params: ["2024-01-01 00:00:00","2024-01-04 00:00:00","2024-01-01 00:00:00","2024-01-04 00:00:00"]
CREATE OR REPLACE TABLE "warehouse"."silver"."page_views" AS
SELECT * FROM (
SELECT page, viewed_at, user_id
FROM raw.page_views
WHERE viewed_at >= CAST(? AS TIMESTAMP)
  AND viewed_at < CAST(? AS TIMESTAMP) -- the partition's bounds, bound as parameters
  AND page <> '@start_date is not a macro inside a string'
) AS "rocky_src"
WHERE "viewed_at" >= CAST(? AS TIMESTAMP) AND "viewed_at" < CAST(? AS TIMESTAMP);

-- batch 2: partitions 2024-01-04, in one transaction (execute_batch)
-- params: ["2024-01-04 00:00:00","2024-01-05 00:00:00"]
DELETE FROM "warehouse"."silver"."page_views" WHERE "viewed_at" >= CAST(? AS TIMESTAMP) AND "viewed_at" < CAST(? AS TIMESTAMP);

-- params: ["2024-01-04 00:00:00","2024-01-05 00:00:00","2024-01-04 00:00:00","2024-01-05 00:00:00"]
INSERT INTO "warehouse"."silver"."page_views"
SELECT * FROM (
SELECT page, viewed_at, user_id
FROM raw.page_views
WHERE viewed_at >= CAST(? AS TIMESTAMP)
  AND viewed_at < CAST(? AS TIMESTAMP) -- the partition's bounds, bound as parameters
  AND page <> '@start_date is not a macro inside a string'
) AS "rocky_src"
WHERE "viewed_at" >= CAST(? AS TIMESTAMP) AND "viewed_at" < CAST(? AS TIMESTAMP);
