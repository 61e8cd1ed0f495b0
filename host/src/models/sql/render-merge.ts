import type { Dialect } from "../../sql/dialect.js";
import type { Merge, ModelPlan, Statement } from "../../ir/index.js";

const TARGET = "t";
const SOURCE = "s";

/** MERGE INTO t USING (<sql>) s ON t.key = s.key WHEN MATCHED THEN UPDATE SET ... WHEN NOT MATCHED THEN INSERT (every column). */
export function renderMerge(plan: ModelPlan, strategy: Merge, dialect: Dialect): Statement[] {
  const q = (c: string) => dialect.quote(c, "column name");
  const t = dialect.quote(TARGET, "alias");
  const s = dialect.quote(SOURCE, "alias");
  const lines = [
    `MERGE INTO ${dialect.tableRef(plan.target)} AS ${t}`,
    `USING (\n${plan.select}\n) AS ${s}`,
    `ON ${strategy.uniqueKey.map((k) => `${t}.${q(k)} = ${s}.${q(k)}`).join(" AND ")}`,
  ];
  if (strategy.updateColumns.length > 0) {
    lines.push(`WHEN MATCHED THEN UPDATE SET ${strategy.updateColumns.map((c) => `${q(c)} = ${s}.${q(c)}`).join(", ")}`);
  }
  const cols = strategy.columns;
  lines.push(`WHEN NOT MATCHED THEN INSERT (${cols.map(q).join(", ")}) VALUES (${cols.map((c) => `${s}.${q(c)}`).join(", ")})`);
  return [{ sql: lines.join("\n"), params: [] }];
}
