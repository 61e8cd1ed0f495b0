import type { CheckContext, CheckRun } from "./check-context.js";
import { expectColumns, expectEqual, fail } from "./expect.js";

async function namesTable(ctx: CheckContext, purpose: string, rows: (number | string)[][]): Promise<string> {
  const table = await ctx.sql.create(ctx.sql.ref(purpose), `id ${ctx.sql.types.bigint}, name ${ctx.sql.types.string}`);
  if (rows.length > 0) await ctx.sql.insert(table, ["id", "name"], rows);
  return table;
}

export async function selectAll(ctx: CheckContext, table: string): Promise<unknown[][]> {
  const result = await ctx.sql.query(`SELECT id, name FROM ${table} ORDER BY id`);
  expectColumns(result, ["id", "name"], "SELECT id, name");
  return result.rows;
}

export const DML_CHECKS: Record<string, CheckRun> = {
  async insert_into(ctx) {
    const table = await namesTable(ctx, "insert", []);
    const affected = await ctx.sql.exec(`INSERT INTO ${table} (id, name) VALUES (?, ?), (?, ?)`, [1, "a", 2, "b"]);
    if (affected !== undefined && affected !== null && affected !== 2) {
      fail(`INSERT of 2 rows answered rows_affected ${affected}; expected 2, or null when the warehouse does not say`);
    }
    await ctx.sql.exec(`INSERT INTO ${table} (id, name) SELECT id + 10, name FROM ${table} WHERE id = ?`, [1]);
    expectEqual(await selectAll(ctx, table), [[1, "a"], [2, "b"], [11, "a"]], "rows after INSERT ... VALUES and INSERT ... SELECT");
  },

  async merge_into(ctx) {
    const target = await namesTable(ctx, "merge_t", [[1, "a"], [2, "b"]]);
    const source = await namesTable(ctx, "merge_s", [[2, "B"], [3, "c"]]);
    await ctx.sql.exec(
      `MERGE INTO ${target} AS t USING ${source} AS s ON t.id = s.id ` +
        "WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)",
    );
    expectEqual(await selectAll(ctx, target), [[1, "a"], [2, "B"], [3, "c"]], "rows after MERGE INTO");
  },
};

export { namesTable };
