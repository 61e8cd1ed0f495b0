import type { Dialect } from "../../sql/dialect.js";
import type { IncrementalStrategy } from "@rocky/protocol";
import type { ModelPlan, RenderContext, Statement } from "../ir.js";
import { selectFrom } from "./subquery.js";

/**
 * First run: CREATE OR REPLACE TABLE AS. Then INSERT INTO <target> SELECT * FROM (<sql>) WHERE ts > ?, the watermark bound;
 * without a watermark (an empty target) every row is inserted.
 */
export function renderIncremental(plan: ModelPlan, strategy: IncrementalStrategy, dialect: Dialect, context: RenderContext): Statement[] {
  if (!context.targetExists) return [{ sql: dialect.createOrReplaceTableAs(plan.target, plan.sql), params: [] }];
  if (context.watermark === undefined) return [{ sql: dialect.insertInto(plan.target, selectFrom(dialect, plan.sql)), params: [] }];
  const where = dialect.watermarkWhere(strategy.timestamp_column);
  return [{ sql: dialect.insertInto(plan.target, selectFrom(dialect, plan.sql, where)), params: [context.watermark] }];
}
