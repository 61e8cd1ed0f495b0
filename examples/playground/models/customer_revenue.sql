-- Reads the two models above by name; rocky orders it after them and qualifies the names.
SELECT
  c.id AS customer_id,
  c.email,
  c.country,
  count(o.id) AS order_count,
  coalesce(sum(o.amount), 0) AS revenue
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.email, c.country
