-- params: []
CREATE OR REPLACE TABLE silver.customers_current AS
WITH latest AS (
  SELECT id, name, email, updated_at
  FROM raw.customers
)
SELECT id, name, email, updated_at FROM latest;
