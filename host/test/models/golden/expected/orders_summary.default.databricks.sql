-- params: []
CREATE OR REPLACE TABLE `warehouse`.`silver`.`orders_summary` AS
-- Revenue per customer
SELECT customer_id, count(*) AS order_count, sum(amount) AS revenue
FROM raw.orders
GROUP BY customer_id;
