-- batch 1: partitions 2024-01-02, in one transaction (execute_batch)
-- params: ["2024-01-02 00:00:00","2024-01-03 00:00:00"]
DELETE FROM warehouse.silver.page_views WHERE viewed_at >= TO_TIMESTAMP_NTZ(?) AND viewed_at < TO_TIMESTAMP_NTZ(?);

-- params: ["2024-01-02 00:00:00","2024-01-03 00:00:00","2024-01-02 00:00:00","2024-01-03 00:00:00"]
INSERT INTO warehouse.silver.page_views
SELECT * FROM (
SELECT page, viewed_at, user_id
FROM raw.page_views
WHERE viewed_at >= TO_TIMESTAMP_NTZ(?)
  AND viewed_at < TO_TIMESTAMP_NTZ(?) -- the partition's bounds, bound as parameters
  AND page <> '@start_date is not a macro inside a string'
) AS rocky_src
WHERE viewed_at >= TO_TIMESTAMP_NTZ(?) AND viewed_at < TO_TIMESTAMP_NTZ(?);

-- batch 2: partitions 2024-01-05, in one transaction (execute_batch)
-- params: ["2024-01-05 00:00:00","2024-01-06 00:00:00"]
DELETE FROM warehouse.silver.page_views WHERE viewed_at >= TO_TIMESTAMP_NTZ(?) AND viewed_at < TO_TIMESTAMP_NTZ(?);

-- params: ["2024-01-05 00:00:00","2024-01-06 00:00:00","2024-01-05 00:00:00","2024-01-06 00:00:00"]
INSERT INTO warehouse.silver.page_views
SELECT * FROM (
SELECT page, viewed_at, user_id
FROM raw.page_views
WHERE viewed_at >= TO_TIMESTAMP_NTZ(?)
  AND viewed_at < TO_TIMESTAMP_NTZ(?) -- the partition's bounds, bound as parameters
  AND page <> '@start_date is not a macro inside a string'
) AS rocky_src
WHERE viewed_at >= TO_TIMESTAMP_NTZ(?) AND viewed_at < TO_TIMESTAMP_NTZ(?);
