import type { SqlParam, TimeIntervalStrategy } from "@rocky/protocol";
import { RockyError } from "../../errors.js";
import type { Dialect } from "../../sql/dialect.js";
import type { ModelPlan, RenderContext, Statement, TimeRange } from "../ir.js";
import { substituteMacros } from "../macros.js";
import { selectFrom } from "./subquery.js";

/** The model's SQL with each @start_date/@end_date a bound timestamp parameter, in order of appearance. */
export function bindMacros(sql: string, dialect: Dialect, range: TimeRange): Statement {
  const params: SqlParam[] = [];
  const { text } = substituteMacros(sql, (name) => {
    params.push(name === "@start_date" ? range.start : range.end);
    return dialect.timestampParam();
  });
  return { sql: text, params };
}

/**
 * One batch [start, end): rows of the range are replaced, never duplicated. First batch on a missing target: CREATE TABLE AS.
 * Databricks: INSERT INTO ... REPLACE WHERE (atomic). DuckDB, Snowflake: DELETE + INSERT in a transaction. Generic: DELETE + INSERT.
 */
export function renderTimeInterval(plan: ModelPlan, strategy: TimeIntervalStrategy, dialect: Dialect, context: RenderContext): Statement[] {
  const range = context.range;
  if (range === undefined) throw new RockyError("PLAN_INVALID", `Time-interval model "${plan.name}" was rendered without a partition range`);
  const model = bindMacros(plan.sql, dialect, range);
  const column = dialect.quote(strategy.time_column, "time column");
  const inRange = `${column} >= ${dialect.timestampParam()} AND ${column} < ${dialect.timestampParam()}`;
  const bounds = [range.start, range.end];
  const select = selectFrom(dialect, model.sql, `WHERE ${inRange}`);
  const insertParams = [...model.params, ...bounds];
  if (!context.targetExists) return [{ sql: dialect.createOrReplaceTableAs(plan.target, select), params: insertParams }];
  const target = dialect.tableRef(plan.target);
  if (dialect.name === "databricks") {
    return [{ sql: `INSERT INTO ${target} REPLACE WHERE ${inRange}\n${select}`, params: [...bounds, ...insertParams] }];
  }
  const replace: Statement[] = [
    { sql: `DELETE FROM ${target} WHERE ${inRange}`, params: bounds },
    { sql: dialect.insertInto(plan.target, select), params: insertParams },
  ];
  if (dialect.name === "generic") return replace;
  return [{ sql: "BEGIN TRANSACTION", params: [] }, ...replace, { sql: "COMMIT", params: [] }];
}
