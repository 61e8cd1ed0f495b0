import type { SqlParam } from "@rocky/protocol";
import type { Dialect } from "../../sql/dialect.js";
import type { ModelPlan, PartitionBatch, Statement, StatementBatch, TimeInterval, TimeRange } from "../../ir/index.js";
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
 * True when the dialect replaces a partition with two statements (DELETE + INSERT) that must run in one transaction, which
 * only an adapter declaring `transactions` can do (execute_batch); false when one statement does it.
 */
export function replacesPartitionInTransaction(dialect: Dialect): boolean {
  return dialect.name !== "databricks" && dialect.name !== "duckdb";
}

/** One statement group per batch; the rows of each batch's range are replaced, never duplicated. */
export function renderTimeInterval(plan: ModelPlan, strategy: TimeInterval, dialect: Dialect): StatementBatch[] {
  return strategy.batches.map((batch, i) => {
    const statements = renderBatch(plan, strategy, dialect, batch, strategy.createTable && i === 0);
    return { statements, partitions: batch.keys, transaction: statements.length > 1 };
  });
}

/**
 * Missing target: CREATE TABLE AS the first batch. Databricks: INSERT INTO ... REPLACE WHERE. DuckDB: one MERGE that deletes
 * the range's old rows and inserts the new ones, atomic as one statement on any adapter of the dialect. Snowflake and generic:
 * DELETE + INSERT, run as one transactional execute_batch (never as separate requests, which may land on different sessions).
 */
function renderBatch(plan: ModelPlan, strategy: TimeInterval, dialect: Dialect, batch: PartitionBatch, create: boolean): Statement[] {
  const model = bindMacros(plan.select, dialect, batch.range);
  const bounds = [batch.range.start, batch.range.end];
  const inRange = (alias?: string) => {
    const col = `${alias ? `${dialect.quote(alias, "alias")}.` : ""}${dialect.quote(strategy.timeColumn, "time column")}`;
    return `${col} >= ${dialect.timestampParam()} AND ${col} < ${dialect.timestampParam()}`;
  };
  const select = selectFrom(dialect, model.sql, `WHERE ${inRange()}`);
  const selectParams = [...model.params, ...bounds];
  if (create) return [{ sql: dialect.createOrReplaceTableAs(plan.target, select), params: selectParams }];
  const target = dialect.tableRef(plan.target);
  switch (dialect.name) {
    case "databricks":
      return [{ sql: `INSERT INTO ${target} REPLACE WHERE ${inRange()}\n${select}`, params: [...bounds, ...selectParams] }];
    case "duckdb":
      return [
        {
          sql: [
            `MERGE INTO ${target} AS ${dialect.quote("t", "alias")}`,
            `USING (\n${select}\n) AS ${dialect.quote("s", "alias")}`,
            "ON FALSE",
            `WHEN NOT MATCHED BY SOURCE AND ${inRange("t")} THEN DELETE`,
            "WHEN NOT MATCHED BY TARGET THEN INSERT *",
          ].join("\n"),
          params: [...selectParams, ...bounds],
        },
      ];
    default:
      return [
        { sql: `DELETE FROM ${target} WHERE ${inRange()}`, params: bounds },
        { sql: dialect.insertInto(plan.target, select), params: selectParams },
      ];
  }
}
