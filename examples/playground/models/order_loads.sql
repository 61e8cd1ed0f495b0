-- Orders by the day bronze loaded them: each run rebuilds today's partition (and yesterday's, lookback = 1).
SELECT id, status, amount, _run_id, _loaded_at
FROM acme_warehouse.staging__us_west__shopify.orders
WHERE _loaded_at >= @start_date
  AND _loaded_at < @end_date
