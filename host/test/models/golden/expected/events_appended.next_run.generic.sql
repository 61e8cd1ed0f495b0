-- params: ["2024-03-01 12:30:00"]
INSERT INTO "warehouse"."silver"."events"
SELECT * FROM (
SELECT id, kind, created_at
FROM raw.events
WHERE kind <> 'heartbeat'
) AS "rocky_src"
WHERE "created_at" > COALESCE((SELECT MAX("rocky_target"."created_at") FROM "warehouse"."silver"."events" AS "rocky_target"), CAST(? AS TIMESTAMP));
