SELECT warehouse_id, sku, quantity, note FROM raw.inventory
