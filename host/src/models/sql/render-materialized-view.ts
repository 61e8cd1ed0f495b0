import type { Dialect } from "../../sql/dialect.js";
import type { ModelPlan, Statement } from "../../ir/index.js";

/** Databricks: CREATE OR REPLACE MATERIALIZED VIEW <target> AS <model sql> */
export function renderMaterializedView(plan: ModelPlan, dialect: Dialect): Statement[] {
  return [{ sql: `CREATE OR REPLACE MATERIALIZED VIEW ${dialect.tableRef(plan.target)} AS\n${plan.select}`, params: [] }];
}
