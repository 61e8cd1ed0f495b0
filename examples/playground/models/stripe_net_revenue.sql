SELECT
  ch.currency,
  count(*) AS charges,
  sum(ch.amount_cents) / 100.0 AS gross,
  coalesce(sum(r.refunded_cents), 0) / 100.0 AS refunded,
  (sum(ch.amount_cents) - coalesce(sum(r.refunded_cents), 0)) / 100.0 AS net
FROM acme_warehouse.staging__eu_central__stripe.charges AS ch
LEFT JOIN (
  SELECT charge_id, sum(amount_cents) AS refunded_cents
  FROM acme_warehouse.staging__eu_central__stripe.refunds
  GROUP BY charge_id
) AS r ON r.charge_id = ch.id
GROUP BY ch.currency
