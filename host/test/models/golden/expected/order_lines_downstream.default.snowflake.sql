-- params: []
CREATE OR REPLACE DYNAMIC TABLE warehouse.gold.order_lines_downstream
TARGET_LAG = DOWNSTREAM
WAREHOUSE = transform_wh
AS
SELECT order_id, sum(line_total) AS total FROM warehouse.silver.order_lines_dt GROUP BY order_id;
