SELECT page, viewed_at, user_id
FROM raw.page_views
WHERE viewed_at >= @start_date
  AND viewed_at < @end_date -- the partition's bounds, bound as parameters
  AND page <> '@start_date is not a macro inside a string'
