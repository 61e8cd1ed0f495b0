-- params: []
CREATE OR REPLACE DYNAMIC TABLE warehouse.silver.order_lines_dt
TARGET_LAG = '1 hour'
WAREHOUSE = transform_wh
AS
SELECT order_id, line_no, sku, quantity * unit_price AS line_total
FROM raw.order_lines;
