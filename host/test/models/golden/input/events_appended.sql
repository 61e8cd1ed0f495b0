SELECT id, kind, created_at
FROM raw.events
WHERE kind <> 'heartbeat'
