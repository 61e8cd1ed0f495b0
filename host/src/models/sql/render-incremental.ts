import type { Dialect } from "../../sql/dialect.js";
import type { Incremental, ModelPlan, Statement } from "../../ir/index.js";
import { selectFrom } from "./subquery.js";

/**
 * INSERT INTO <target> SELECT * FROM (<model sql>) WHERE <timestamp_column> > the target's own maximum (the bound
 * watermark while it is empty): one statement, so rerunning it after a crash inserts nothing twice.
 */
export function renderIncremental(plan: ModelPlan, strategy: Incremental, dialect: Dialect): Statement[] {
  const where = dialect.watermarkPastTarget(strategy.timestampColumn, plan.target);
  return [{ sql: dialect.insertInto(plan.target, selectFrom(dialect, plan.select, where)), params: [strategy.watermark] }];
}
