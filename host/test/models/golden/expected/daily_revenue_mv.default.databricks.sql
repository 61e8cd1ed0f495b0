-- params: []
CREATE OR REPLACE MATERIALIZED VIEW `warehouse`.`gold`.`daily_revenue_mv` AS
SELECT date_trunc('DAY', ordered_at) AS day, sum(amount) AS revenue
FROM warehouse.silver.orders
GROUP BY 1;
