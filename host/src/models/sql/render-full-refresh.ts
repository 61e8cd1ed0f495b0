import type { Dialect } from "../../sql/dialect.js";
import type { ModelPlan, Statement } from "../../ir/index.js";

/** CREATE OR REPLACE TABLE <target> AS <model sql> */
export function renderFullRefresh(plan: ModelPlan, dialect: Dialect): Statement[] {
  return [{ sql: dialect.createOrReplaceTableAs(plan.target, plan.select), params: [] }];
}
