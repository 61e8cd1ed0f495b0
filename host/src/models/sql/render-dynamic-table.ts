import type { DynamicTableStrategy } from "@rocky/protocol";
import { RockyError } from "../../errors.js";
import type { Dialect } from "../../sql/dialect.js";
import type { ModelPlan, Statement } from "../ir.js";

/** The only lag text ever written into SQL; DDL options cannot be bound parameters. */
export const TARGET_LAG_PATTERN = /^(?:([1-9][0-9]{0,5}) (second|minute|hour|day)s?|(DOWNSTREAM))$/i;

/** Snowflake: CREATE OR REPLACE DYNAMIC TABLE <target> TARGET_LAG = '<lag>' WAREHOUSE = <identifier> AS <model sql> */
export function renderDynamicTable(plan: ModelPlan, strategy: DynamicTableStrategy, dialect: Dialect): Statement[] {
  const m = TARGET_LAG_PATTERN.exec(strategy.target_lag);
  if (!m) {
    throw new RockyError("MODEL_INVALID", `Model "${plan.name}" has invalid target_lag "${strategy.target_lag}"`, {
      hint: 'Write it as "<n> seconds|minutes|hours|days", e.g. "1 hour", or "DOWNSTREAM"',
      location: { file: plan.configFile },
    });
  }
  const lag = m[3] ? "DOWNSTREAM" : `'${m[1]} ${m[2]?.toLowerCase()}${m[1] === "1" ? "" : "s"}'`;
  return [
    {
      sql: [
        `CREATE OR REPLACE DYNAMIC TABLE ${dialect.tableRef(plan.target)}`,
        `TARGET_LAG = ${lag}`,
        `WAREHOUSE = ${dialect.quote(strategy.warehouse, "warehouse name")}`,
        `AS\n${plan.sql}`,
      ].join("\n"),
      params: [],
    },
  ];
}
