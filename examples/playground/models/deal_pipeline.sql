SELECT
  c.lifecycle_stage,
  count(DISTINCT c.id) AS contacts,
  count(d.id) AS deals,
  coalesce(sum(d.amount), 0) AS pipeline_amount
FROM globex_warehouse.staging__us_east__hubspot.contacts AS c
LEFT JOIN globex_warehouse.staging__us_east__hubspot.deals AS d ON d.contact_id = c.id
GROUP BY c.lifecycle_stage
