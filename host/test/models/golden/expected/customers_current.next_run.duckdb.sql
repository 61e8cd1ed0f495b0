-- params: []
MERGE INTO "silver"."customers_current" AS "t"
USING (
WITH latest AS (
  SELECT id, name, email, updated_at
  FROM raw.customers
)
SELECT id, name, email, updated_at FROM latest
) AS "s"
ON "t"."id" = "s"."id"
WHEN MATCHED THEN UPDATE SET "name" = "s"."name", "email" = "s"."email", "updated_at" = "s"."updated_at"
WHEN NOT MATCHED THEN INSERT ("id", "name", "email", "updated_at") VALUES ("s"."id", "s"."name", "s"."email", "s"."updated_at");
