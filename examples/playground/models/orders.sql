-- Paid, pending and shipped orders; refunds are dropped. Appends what bronze synced since the last run.
SELECT id, customer_id, amount, status, created_at, _fivetran_synced
FROM acme_warehouse.staging__us_west__shopify.orders
WHERE status <> 'refunded'
