import { ErrorCodes } from "@rocky/protocol";
import { show, type CheckRun } from "./check-context.js";
import { tableExists } from "./ddl-checks.js";
import { namesTable } from "./dml-checks.js";
import { expectColumns, expectEqual, fail, json } from "./expect.js";
import { ReplyError } from "../wire/wire-faults.js";

export const QUERY_CHECKS: Record<string, CheckRun> = {
  async describe_table(ctx) {
    const t = ctx.sql.types;
    const ref = ctx.sql.ref("describe");
    await ctx.sql.create(ref, `id ${t.bigint} NOT NULL, name ${t.string}, amount ${t.double}, created_at ${t.timestamp}`);
    const { columns } = await ctx.call("describe_table", ref);
    expectEqual(columns.map((c) => c.name.toLowerCase()), ["id", "name", "amount", "created_at"], `describe_table of ${show(ref)}: column names in order`);
    const blank = columns.find((c) => c.data_type.trim() === "");
    if (blank) fail(`describe_table gave column "${blank.name}" an empty data_type`);
    if (columns[0]?.nullable !== false) fail('describe_table says column "id", declared NOT NULL, is nullable');
    if (columns[1]?.nullable !== true) fail('describe_table says column "name", declared without NOT NULL, is not nullable');
    const missing = ctx.sql.ref("missing");
    const answer = await ctx.call("describe_table", missing).then(
      (r) => fail(`describe_table of the missing table ${show(missing)} answered ${json(r)}; it must answer an error (NotFound, -32053)`),
      (err: unknown) => err,
    );
    if (!(answer instanceof ReplyError)) throw answer;
    return answer.code === ErrorCodes.NotFound ? undefined : `a missing table answers ${answer.code} (${answer.codeName}); NotFound (-32053) is preferred`;
  },

  async table_exists_true(ctx) {
    const ref = ctx.sql.ref("exists");
    await ctx.sql.create(ref, `id ${ctx.sql.types.bigint}`);
    if (!(await tableExists(ctx, ref))) fail(`table_exists answered false for ${show(ref)}, which was just created`);
  },

  async table_exists_false(ctx) {
    const missing = ctx.sql.ref("missing");
    if (await tableExists(ctx, missing)) fail(`table_exists answered true for ${show(missing)}, which does not exist`);
    const noSchema = { catalog: ctx.sql.catalog, schema: ctx.sql.name("no_schema"), table: "t" };
    if (await tableExists(ctx, noSchema)) fail(`table_exists answered true for ${show(noSchema)}, whose schema does not exist`);
  },

  async execute_query(ctx) {
    const table = await namesTable(ctx, "query", [[1, "a"], [2, "b"], [3, "c"]]);
    const some = await ctx.sql.query(`SELECT id, name FROM ${table} WHERE id >= ? ORDER BY id`, [2]);
    expectColumns(some, ["id", "name"], "SELECT with a bound parameter");
    expectEqual(some.rows, [[2, "b"], [3, "c"]], "rows of SELECT ... WHERE id >= 2");
    const none = await ctx.sql.query(`SELECT id FROM ${table} WHERE id > ?`, [100]);
    expectColumns(none, ["id"], "an empty result");
    expectEqual(none.rows, [], "rows of an empty result");
  },

  async query_paging(ctx) {
    const table = await ctx.sql.create(ctx.sql.ref("paging"), `id ${ctx.sql.types.bigint}`);
    await ctx.sql.insert(table, ["id"], [[1], [2], [3], [4], [5], [6], [7]]);
    const opened = await ctx.call("query/open", { sql: `SELECT id FROM ${table} ORDER BY id`, batch_rows: 3 });
    expectEqual(opened.columns.map((c) => c.toLowerCase()), ["id"], "query/open columns");
    const ids: unknown[] = [];
    for (let page = 0; ; page++) {
      if (page > 10) fail("query/fetch never answered done: true for 7 rows fetched 3 at a time");
      const batch = await ctx.call("query/fetch", { cursor: opened.cursor, max_rows: 3 });
      if (batch.rows.length > 3) fail(`query/fetch with max_rows 3 answered ${batch.rows.length} rows`);
      ids.push(...batch.rows.map((r) => r[0]));
      if (batch.done) break;
    }
    expectEqual(ids, [1, 2, 3, 4, 5, 6, 7], "rows fetched page by page");
    const again = await ctx.call("query/open", { sql: `SELECT id FROM ${table}`, batch_rows: 2 });
    await ctx.call("query/fetch", { cursor: again.cursor, max_rows: 2 });
    await ctx.call("query/close", { cursor: again.cursor });
    const closed = await ctx.call("query/fetch", { cursor: again.cursor }).then(
      () => fail("query/fetch on a closed cursor succeeded; it must answer an error (NotFound, -32053)"),
      (err: unknown) => err,
    );
    if (!(closed instanceof ReplyError)) throw closed;
  },
};
