import { ident } from "../scratch-sql.js";
import { show, type CheckContext, type CheckRun } from "./check-context.js";
import { fail } from "./expect.js";

export async function tableExists(ctx: CheckContext, ref: Parameters<CheckContext["sql"]["tableSql"]>[0]): Promise<boolean> {
  return (await ctx.call("table_exists", ref)).exists;
}

function dropSchemaSql(catalog: string, schema: string): string {
  return `DROP SCHEMA IF EXISTS ${catalog ? `${ident(catalog)}.` : ""}${ident(schema)} CASCADE`;
}

/** Best-effort removal of a catalog the run created; there is no protocol method for it. */
function dropCatalogSql(dialect: string, catalog: string): string | undefined {
  if (dialect === "duckdb") return `DETACH DATABASE IF EXISTS ${ident(catalog)}`;
  if (dialect === "databricks") return `DROP CATALOG IF EXISTS ${ident(catalog)} CASCADE`;
  if (dialect === "snowflake") return `DROP DATABASE IF EXISTS ${ident(catalog)}`;
  return undefined;
}

async function schemaIsUsable(ctx: CheckContext, catalog: string, schema: string, purpose: string): Promise<void> {
  const ref = ctx.sql.ref(purpose, { catalog, schema });
  await ctx.sql.create(ref, `id ${ctx.sql.types.bigint}`);
  if (!(await tableExists(ctx, ref))) fail(`table_exists answered false for ${show(ref)}, created in the new schema`);
}

export const DDL_CHECKS: Record<string, CheckRun> = {
  async create_table(ctx) {
    const ref = ctx.sql.ref("create");
    await ctx.sql.create(ref, `id ${ctx.sql.types.bigint} NOT NULL, name ${ctx.sql.types.string}`);
    if (!(await tableExists(ctx, ref))) fail(`table_exists answered false for ${show(ref)} right after CREATE TABLE succeeded`);
  },

  async drop_table(ctx) {
    const ref = ctx.sql.ref("drop");
    const table = await ctx.sql.create(ref, `id ${ctx.sql.types.bigint}`);
    await ctx.sql.exec(`DROP TABLE ${table}`);
    if (await tableExists(ctx, ref)) fail(`table_exists still answers true for ${show(ref)} after DROP TABLE succeeded`);
  },

  async create_schema(ctx) {
    const { catalog } = ctx.sql;
    const schema = ctx.sql.name("schema");
    await ctx.call("schema/create", { catalog, schema });
    ctx.sql.cleanupWith(dropSchemaSql(catalog, schema));
    await ctx.call("schema/create", { catalog, schema }).catch((err: unknown) =>
      fail(`a second schema/create of "${schema}" failed (${(err as Error).message}); it must succeed when the schema exists`, "Use CREATE SCHEMA IF NOT EXISTS"),
    );
    await schemaIsUsable(ctx, catalog, schema, "in_schema");
  },

  async create_catalog(ctx) {
    const catalog = ctx.sql.name("cat");
    await ctx.call("catalog/create", { catalog });
    const drop = ctx.has("drop_catalog") ? undefined : dropCatalogSql(ctx.builtin.name, catalog);
    if (drop) ctx.sql.cleanupWith(drop);
    await ctx.call("catalog/create", { catalog }).catch((err: unknown) =>
      fail(`a second catalog/create of "${catalog}" failed (${(err as Error).message}); it must succeed when the catalog exists`),
    );
    let note: string | undefined;
    if (ctx.has("create_schema")) {
      const schema = ctx.sql.name("cat_s");
      await ctx.call("schema/create", { catalog, schema });
      await schemaIsUsable(ctx, catalog, schema, "in_cat");
    } else note = `created catalog "${catalog}"; not verified further because create_schema is not declared`;
    if (!ctx.has("drop_catalog")) return note;
    await ctx.sql.cleanup(ctx.timeouts.requestMs);
    await ctx.call("catalog/drop", { catalog }).catch((err: unknown) => fail(`catalog/drop of "${catalog}" failed: ${(err as Error).message}`));
    await ctx.call("catalog/drop", { catalog }).catch((err: unknown) =>
      fail(`a second catalog/drop of "${catalog}" failed (${(err as Error).message}); dropping a catalog that does not exist must succeed`),
    );
    return `${note ?? `created catalog "${catalog}"`}; dropped it with catalog/drop, twice`;
  },
};
