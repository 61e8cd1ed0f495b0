-- A model is a SELECT (this file) and its sidecar (.toml). Replace it with your own, reading the bronze tables, e.g.
--   SELECT * FROM acme_warehouse.staging__shopify.orders
SELECT 1 AS id, current_timestamp() AS built_at
