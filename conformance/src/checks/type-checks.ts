import type { SqlParam } from "@rocky/protocol";
import type { CheckContext, CheckRun } from "./check-context.js";
import { canonicalTimestamp, expectEqual, fail, firstColumn, json } from "./expect.js";

/** Creates a table with one column of `type`, inserts `values` (bound, or as SQL literals), and reads them back in order. */
async function roundTrip(ctx: CheckContext, purpose: string, type: string, values: readonly SqlParam[], literals: readonly string[] = []): Promise<unknown[]> {
  const table = await ctx.sql.create(ctx.sql.ref(purpose), `id ${ctx.sql.types.bigint}, v ${type}`);
  if (values.length > 0) await ctx.sql.insert(table, ["id", "v"], values.map((v, i) => [i, v]));
  for (const [i, literal] of literals.entries()) await ctx.sql.exec(`INSERT INTO ${table} (id, v) VALUES (${values.length + i}, ${literal})`);
  return firstColumn(await ctx.sql.query(`SELECT v FROM ${table} ORDER BY id`));
}

export const STRINGS = ["hello", "żółć 日本語 🎸 ∑ \"double\" 'single' \\ back", "", "line1\nline2\ttab"];

export const TYPE_CHECKS: Record<string, CheckRun> = {
  async type_string(ctx) {
    expectEqual(await roundTrip(ctx, "t_string", ctx.sql.types.string, STRINGS), STRINGS, `${ctx.sql.types.string} values read back`);
  },

  async type_integer(ctx) {
    const small = [42, -7, 0, 2147483648];
    const got = await roundTrip(ctx, "t_integer", ctx.sql.types.bigint, small, ["9007199254740993", "-9007199254740993"]);
    expectEqual(got.slice(0, 4), small, "BIGINT values within 2^53 read back as JSON numbers");
    expectEqual(got.slice(4), ["9007199254740993", "-9007199254740993"], "BIGINT values beyond 2^53 read back as strings (JSON numbers would lose digits)");
  },

  async type_float(ctx) {
    const values = [3.5, -0.25, 12345.678, 1e-7];
    const got = await roundTrip(ctx, "t_float", ctx.sql.types.double, values);
    for (const [i, v] of values.entries()) {
      const g = got[i];
      if (typeof g !== "number" || Math.abs(g - v) > Math.abs(v) * 1e-12) fail(`DOUBLE ${v} read back as ${json(g)}; expected the JSON number ${v}`);
    }
  },

  async type_boolean(ctx) {
    expectEqual(await roundTrip(ctx, "t_boolean", ctx.sql.types.boolean, [true, false]), [true, false], "BOOLEAN values read back");
  },

  async type_date(ctx) {
    const values = ["2024-02-29", "1999-12-31"];
    expectEqual(await roundTrip(ctx, "t_date", ctx.sql.types.date, values), values, "DATE values (bound as strings) read back as 'YYYY-MM-DD'");
  },

  async type_timestamp(ctx) {
    const values = ["2024-02-29 13:45:30.123456", "2024-01-01 00:00:00"];
    const got = await roundTrip(ctx, "t_timestamp", ctx.sql.types.timestamp, values);
    for (const [i, v] of values.entries()) {
      if (canonicalTimestamp(got[i]) !== canonicalTimestamp(v)) {
        fail(`${ctx.sql.types.timestamp} ${json(v)} read back as ${json(got[i])}; expected 'YYYY-MM-DD HH:MM:SS[.ffffff]' with the same instant`);
      }
    }
  },

  async type_null(ctx) {
    const t = ctx.sql.types;
    const table = await ctx.sql.create(ctx.sql.ref("t_null"), `id ${t.bigint}, s ${t.string}, n ${t.bigint}, d ${t.double}, b ${t.boolean}, ts ${t.timestamp}`);
    await ctx.sql.insert(table, ["id", "s", "n", "d", "b", "ts"], [[1, null, null, null, null, null]]);
    const { rows } = await ctx.sql.query(`SELECT s, n, d, b, ts FROM ${table}`);
    expectEqual(rows, [[null, null, null, null, null]], "NULLs of every type read back");
  },
};
