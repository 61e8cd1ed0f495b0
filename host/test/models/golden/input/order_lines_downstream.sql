SELECT order_id, sum(line_total) AS total FROM warehouse.silver.order_lines_dt GROUP BY order_id
