import { RockyError } from "../../errors.js";
import type { Dialect } from "../../sql/dialect.js";
import type { DynamicTable, ModelPlan, Statement } from "../../ir/index.js";

/** The only lag text ever written into SQL (DDL options cannot be bound parameters). */
const TARGET_LAG = /^(?:([1-9][0-9]{0,5}) (second|minute|hour|day)s?|(DOWNSTREAM))$/i;

/** `'1 hour'`, `'5 minutes'` or `DOWNSTREAM`, as Snowflake spells them; undefined for anything else. */
export function normalizeTargetLag(lag: string): string | undefined {
  const m = TARGET_LAG.exec(lag);
  if (!m) return undefined;
  if (m[3]) return "DOWNSTREAM";
  return `'${m[1]} ${m[2]?.toLowerCase()}${m[1] === "1" ? "" : "s"}'`;
}

/** Snowflake: CREATE OR REPLACE DYNAMIC TABLE <target> TARGET_LAG = '<lag>' WAREHOUSE = <identifier> AS <model sql> */
export function renderDynamicTable(plan: ModelPlan, strategy: DynamicTable, dialect: Dialect): Statement[] {
  const lag = normalizeTargetLag(strategy.targetLag);
  if (lag === undefined) {
    throw new RockyError("MODEL_INVALID", `Model "${plan.name}" has invalid target_lag "${strategy.targetLag}"`, {
      hint: 'Write it as "<n> seconds|minutes|hours|days", e.g. "1 hour", or "DOWNSTREAM"',
    });
  }
  const sql = [
    `CREATE OR REPLACE DYNAMIC TABLE ${dialect.tableRef(plan.target)}`,
    `TARGET_LAG = ${lag}`,
    `WAREHOUSE = ${dialect.quote(strategy.warehouse, "warehouse name")}`,
    `AS\n${plan.select}`,
  ].join("\n");
  return [{ sql, params: [] }];
}
