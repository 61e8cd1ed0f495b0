-- params: ["2024-03-01 12:30:00"]
INSERT INTO "warehouse"."silver"."events"
SELECT * FROM (
SELECT id, kind, created_at
FROM raw.events
WHERE kind <> 'heartbeat'
) AS "rocky_src"
WHERE "created_at" > CAST(? AS TIMESTAMP);
