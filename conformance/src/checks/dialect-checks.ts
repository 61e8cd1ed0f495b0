import { show, type CheckContext, type CheckRun } from "./check-context.js";
import { asBigInt, expectEqual, fail, firstColumn, json } from "./expect.js";

function source(ctx: CheckContext): string {
  return ctx.has("dialect") ? "the adapter's dialect/* methods" : `the host's built-in "${ctx.builtin.name}" dialect (manifest dialect "${ctx.manifest.dialect}")`;
}

async function fragment(ctx: CheckContext, kind: "watermark" | "hash", arg: string | string[]): Promise<string> {
  if (ctx.has("dialect")) {
    const r = kind === "watermark"
      ? await ctx.call("dialect/watermark_where", { column: arg as string })
      : await ctx.call("dialect/row_hash", { columns: arg as [string, ...string[]] });
    return r.sql;
  }
  return kind === "watermark" ? ctx.builtin.watermarkWhere(arg as string) : ctx.builtin.rowHash(arg as string[]);
}

const hint = (ctx: CheckContext) =>
  ctx.has("dialect")
    ? "Fix the SQL the adapter's dialect/* method returns"
    : "Declare capability dialect and answer dialect/* with this warehouse's SQL, or set the manifest's dialect to a built-in one (duckdb, databricks, snowflake, generic) that fits";

export const DIALECT_CHECKS: Record<string, CheckRun> = {
  async format_table_ref(ctx) {
    const ref = ctx.sql.ref("ref");
    const table = await ctx.sql.tableSql(ref);
    if (table.trim() === "") fail(`${source(ctx)} rendered ${show(ref)} as an empty table reference`);
    await ctx.sql.create(ref, `id ${ctx.sql.types.bigint}`);
    await ctx.sql.insert(table, ["id"], [[1], [2]]);
    const count = firstColumn(await ctx.sql.query(`SELECT COUNT(*) AS n FROM ${table}`))[0];
    if (asBigInt(count) !== 2n) fail(`SELECT COUNT(*) FROM ${table} answered ${json(count)}; expected 2`, hint(ctx));
    return `${show(ref)} → ${table} (${source(ctx)})`;
  },

  async watermark_where(ctx) {
    const table = await ctx.sql.create(ctx.sql.ref("watermark"), `id ${ctx.sql.types.bigint}, updated_at ${ctx.sql.types.timestamp}`);
    await ctx.sql.insert(table, ["id", "updated_at"], [[1, "2024-01-01 00:00:00"], [2, "2024-01-02 12:00:00"], [3, "2024-01-03 00:00:00"]]);
    const sql = await fragment(ctx, "watermark", "updated_at");
    const marks = sql.split("?").length - 1;
    if (marks !== 1) fail(`watermark fragment ${json(sql)} has ${marks} "?" placeholders; it must have exactly one`, hint(ctx));
    const where = /^\s*WHERE\b/i.test(sql) ? sql : `WHERE ${sql}`;
    const after = await ctx.sql.query(`SELECT id FROM ${table} ${where} ORDER BY id`, ["2024-01-02 00:00:00"]);
    expectEqual(firstColumn(after), [2, 3], `ids with updated_at after 2024-01-02 00:00:00 using ${json(sql)}`, hint(ctx));
    const none = await ctx.sql.query(`SELECT id FROM ${table} ${where} ORDER BY id`, ["2024-01-03 00:00:00"]);
    expectEqual(firstColumn(none), [], `ids with updated_at after the latest row (the comparison must be strict) using ${json(sql)}`, hint(ctx));
    return `${sql} (${source(ctx)})`;
  },

  async row_hash(ctx) {
    const t = ctx.sql.types;
    const table = await ctx.sql.create(ctx.sql.ref("hash"), `id ${t.bigint}, a ${t.string}, b ${t.string}`);
    await ctx.sql.insert(table, ["id", "a", "b"], [[1, "ab", "c"], [2, "a", "bc"], [3, "ab", "c"], [4, "ab", "d"]]);
    const sql = await fragment(ctx, "hash", ["a", "b"]);
    const hashes = firstColumn(await ctx.sql.query(`SELECT ${sql} AS h FROM ${table} ORDER BY id`));
    if (hashes.length !== 4 || hashes.some((h) => h === null || h === "")) fail(`row hashes ${json(hashes)} include a missing value`, hint(ctx));
    const [h1, h2, h3, h4] = hashes.map((h) => JSON.stringify(h));
    if (h1 !== h3) fail(`equal rows ('ab','c') hash differently: ${h1} and ${h3} using ${json(sql)}`, hint(ctx));
    if (h1 === h4) fail(`rows ('ab','c') and ('ab','d') hash the same (${h1}) using ${json(sql)}`, hint(ctx));
    if (h1 === h2) fail(`rows ('ab','c') and ('a','bc') hash the same (${h1}) using ${json(sql)}: separate the columns`, hint(ctx));
    return `${sql} (${source(ctx)})`;
  },
};
