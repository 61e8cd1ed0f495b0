-- A model is a SELECT (this file) and its sidecar (hello.toml). Replace it with your own, e.g.
--   SELECT customer_id, count(*) AS orders FROM staging__shop.orders GROUP BY customer_id
SELECT 1 AS id, 'hello from rocky' AS greeting
