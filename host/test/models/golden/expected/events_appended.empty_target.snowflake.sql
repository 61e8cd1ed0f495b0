-- params: []
INSERT INTO warehouse.silver.events
SELECT * FROM (
SELECT id, kind, created_at
FROM raw.events
WHERE kind <> 'heartbeat'
) AS rocky_src;
