import type { TableRef } from "@rocky/protocol";
import { show, type CheckContext, type CheckRun } from "./check-context.js";
import { asBigInt, canonicalTimestamp, expectEqual, fail, json, sameName } from "./expect.js";

function matches(entry: { schema: string; table: string }, ref: TableRef): boolean {
  return sameName(entry.schema, ref.schema) && sameName(entry.table, ref.table);
}

/**
 * A source-only adapter cannot create a scratch table to look for: it lists what it has, then narrows by the first
 * listed schema's name as schema_prefix and by its catalog, which must keep that schema and nothing outside the prefix.
 */
async function discoverSourceOnly(ctx: CheckContext): Promise<string> {
  const all = (await ctx.call("discovery/list", {})).schemas;
  const first = all[0];
  if (!first) return "listed no schemas (nothing landed in the configured source to narrow by)";
  const narrowed = (await ctx.call("discovery/list", { schema_prefix: first.schema, ...(first.catalog ? { catalog: first.catalog } : {}) })).schemas;
  const outside = narrowed.find((s) => !s.schema.toLowerCase().startsWith(first.schema.toLowerCase()) || (first.catalog !== "" && !sameName(s.catalog, first.catalog)));
  if (outside) fail(`discovery/list with schema_prefix "${first.schema}" and catalog "${first.catalog}" listed "${outside.catalog}.${outside.schema}"`);
  const again = narrowed.find((s) => sameName(s.schema, first.schema));
  if (!again) fail(`discovery/list listed "${first.catalog}.${first.schema}", but not when narrowed to schema_prefix "${first.schema}"`);
  const lost = first.tables.filter((t) => !again.tables.some((u) => sameName(u.name, t.name)));
  if (lost.length > 0) fail(`narrowing by schema_prefix lost table(s) ${json(lost.map((t) => t.name))} of "${first.schema}"`);
  return `${all.length} schema(s) listed; narrowing to "${first.schema}" keeps it and its ${first.tables.length} table(s)`;
}

async function rowsTable(ctx: CheckContext, purpose: string, n: number): Promise<TableRef> {
  const ref = ctx.sql.ref(purpose);
  const table = await ctx.sql.create(ref, `id ${ctx.sql.types.bigint}, updated_at ${ctx.sql.types.timestamp}`);
  const rows = Array.from({ length: n }, (_, i) => [i + 1, `2024-01-0${i + 1} 00:00:00`]);
  if (n > 0) await ctx.sql.insert(table, ["id", "updated_at"], rows);
  return ref;
}

export const CAPABILITY_CHECKS: Record<string, CheckRun> = {
  async set_tags(ctx) {
    const ref = await rowsTable(ctx, "tags", 0);
    await ctx.call("governance/set_tags", { target: ref, tags: { rocky_conformance: "true" } });
  },

  async get_grants(ctx) {
    const ref = await rowsTable(ctx, "grants", 0);
    const { grants } = await ctx.call("governance/get_grants", { target: ref });
    return `${grants.length} grant(s) on ${show(ref)}`;
  },

  async batch_row_counts(ctx) {
    const refs = [await rowsTable(ctx, "count2", 2), await rowsTable(ctx, "count3", 3), await rowsTable(ctx, "count0", 0)];
    const { counts } = await ctx.call("checks/row_counts", { tables: refs });
    if (counts.length !== refs.length) fail(`checks/row_counts of ${refs.length} tables answered ${counts.length} counts`);
    for (const [ref, expected] of [[refs[0], 2n], [refs[1], 3n], [refs[2], 0n]] as const) {
      const entry = counts.find((c) => matches(c, ref as TableRef));
      if (!entry) fail(`checks/row_counts has no entry for ${show(ref as TableRef)}`);
      if (asBigInt(entry.row_count) !== expected) fail(`checks/row_counts says ${show(ref as TableRef)} has ${entry.row_count} rows; it has ${expected}`);
    }
  },

  async batch_freshness(ctx) {
    const full = await rowsTable(ctx, "fresh3", 3);
    const empty = await rowsTable(ctx, "fresh0", 0);
    const { results } = await ctx.call("checks/freshness", { tables: [{ ...full, column: "updated_at" }, { ...empty, column: "updated_at" }] });
    const latest = results.find((r) => matches(r, full));
    const none = results.find((r) => matches(r, empty));
    if (!latest || !none) fail(`checks/freshness answered ${json(results)}, missing ${!latest ? show(full) : show(empty)}`);
    if (canonicalTimestamp(latest.max_value) !== "2024-01-03 00:00:00") {
      fail(`checks/freshness says the latest updated_at of ${show(full)} is ${json(latest.max_value)}; expected '2024-01-03 00:00:00'`);
    }
    expectEqual(none.max_value, null, `checks/freshness max_value of the empty table ${show(empty)}`);
  },

  async discover(ctx) {
    if (!ctx.has("warehouse")) return discoverSourceOnly(ctx);
    const ref = await rowsTable(ctx, "discover", 2);
    const params = { schema_prefix: ref.schema, ...(ref.catalog ? { catalog: ref.catalog } : {}) };
    const { schemas } = await ctx.call("discovery/list", params);
    const outside = schemas.find((s) => !s.schema.toLowerCase().startsWith(ref.schema.toLowerCase()));
    if (outside) fail(`discovery/list with schema_prefix "${ref.schema}" listed schema "${outside.schema}"`);
    const schema = schemas.find((s) => sameName(s.schema, ref.schema) && (ref.catalog === "" || sameName(s.catalog, ref.catalog)));
    if (!schema) fail(`discovery/list with schema_prefix "${ref.schema}" does not list the schema; it listed ${json(schemas.map((s) => `${s.catalog}.${s.schema}`))}`);
    const table = schema.tables.find((t) => sameName(t.name, ref.table));
    if (!table) fail(`discovery/list lists schema "${schema.schema}" without table "${ref.table}"; tables: ${json(schema.tables.map((t) => t.name))}`);
    if (table.row_count !== undefined && table.row_count !== null && table.row_count !== 2) {
      return `row_count of ${show(ref)} is ${table.row_count} for 2 rows inserted (an estimate?)`;
    }
  },
};
