SELECT id, lower(email) AS email, country, _fivetran_synced AS updated_at
FROM acme_warehouse.staging__us_west__shopify.customers
