SELECT order_id, line_no, sku, quantity * unit_price AS line_total
FROM raw.order_lines
