SELECT date_trunc('DAY', ordered_at) AS day, sum(amount) AS revenue
FROM warehouse.silver.orders
GROUP BY 1
