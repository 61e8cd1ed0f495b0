-- params: []
CREATE OR REPLACE TABLE "warehouse"."silver"."events" AS
SELECT id, kind, created_at
FROM raw.events
WHERE kind <> 'heartbeat';
