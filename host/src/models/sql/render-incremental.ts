import type { Dialect } from "../../sql/dialect.js";
import type { Incremental, ModelPlan, Statement } from "../../ir/index.js";
import { selectFrom } from "./subquery.js";

/** INSERT INTO <target> SELECT * FROM (<model sql>) WHERE <timestamp_column> > ?, the watermark bound. */
export function renderIncremental(plan: ModelPlan, strategy: Incremental, dialect: Dialect): Statement[] {
  const where = dialect.watermarkWhere(strategy.timestampColumn);
  return [{ sql: dialect.insertInto(plan.target, selectFrom(dialect, plan.select, where)), params: [strategy.watermark] }];
}
