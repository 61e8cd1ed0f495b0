import type { MergeStrategy } from "@rocky/protocol";
import { RockyError } from "../../errors.js";
import type { Dialect } from "../../sql/dialect.js";
import { uniqueKeyOf, type ModelPlan, type RenderContext, type Statement } from "../ir.js";

const TARGET = "t";
const SOURCE = "s";

/**
 * First run: CREATE OR REPLACE TABLE AS. Then MERGE INTO t USING (<sql>) s ON t.key = s.key
 * WHEN MATCHED THEN UPDATE SET (update_columns, or every non-key column) WHEN NOT MATCHED THEN INSERT (every column).
 */
export function renderMerge(plan: ModelPlan, strategy: MergeStrategy, dialect: Dialect, context: RenderContext): Statement[] {
  if (!context.targetExists) return [{ sql: dialect.createOrReplaceTableAs(plan.target, plan.sql), params: [] }];
  const columns = context.columns;
  if (columns === undefined || columns.length === 0) {
    throw new RockyError("PLAN_INVALID", `Cannot merge into "${plan.name}": the target's columns are unknown`, {
      hint: "The target table exists but describe_table returned no columns",
    });
  }
  const keys = uniqueKeyOf(strategy);
  const has = (c: string) => columns.some((col) => col.toLowerCase() === c.toLowerCase());
  for (const c of [...keys, ...(strategy.update_columns ?? [])]) {
    if (!has(c)) {
      throw new RockyError("PLAN_INVALID", `Model "${plan.name}" merges on column "${c}", which its target table does not have`, {
        hint: `The target has columns ${columns.map((x) => `"${x}"`).join(", ")}; fix unique_key/update_columns in ${plan.configFile}`,
      });
    }
  }
  const q = (c: string) => dialect.quote(c, "column name");
  const t = dialect.quote(TARGET, "alias");
  const s = dialect.quote(SOURCE, "alias");
  const isKey = (c: string) => keys.some((k) => k.toLowerCase() === c.toLowerCase());
  const updates = strategy.update_columns ?? columns.filter((c) => !isKey(c));
  const lines = [
    `MERGE INTO ${dialect.tableRef(plan.target)} AS ${t}`,
    `USING (\n${plan.sql}\n) AS ${s}`,
    `ON ${keys.map((k) => `${t}.${q(k)} = ${s}.${q(k)}`).join(" AND ")}`,
  ];
  if (updates.length > 0) lines.push(`WHEN MATCHED THEN UPDATE SET ${updates.map((c) => `${q(c)} = ${s}.${q(c)}`).join(", ")}`);
  lines.push(`WHEN NOT MATCHED THEN INSERT (${columns.map(q).join(", ")}) VALUES (${columns.map((c) => `${s}.${q(c)}`).join(", ")})`);
  return [{ sql: lines.join("\n"), params: [] }];
}
