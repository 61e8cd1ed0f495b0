import type { Dialect } from "../../sql/dialect.js";
import type { ModelPlan, StatementBatch } from "../../ir/index.js";
import { renderDynamicTable } from "./render-dynamic-table.js";
import { renderFullRefresh } from "./render-full-refresh.js";
import { renderIncremental } from "./render-incremental.js";
import { renderMaterializedView } from "./render-materialized-view.js";
import { renderMerge } from "./render-merge.js";
import { renderTimeInterval } from "./render-time-interval.js";

/** The statements that build one planned model, grouped into batches that succeed or fail together. */
export function renderModelPlan(plan: ModelPlan, dialect: Dialect): StatementBatch[] {
  const s = plan.strategy;
  const one = (statements: StatementBatch["statements"]): StatementBatch[] => [{ statements, partitions: [], transaction: false }];
  switch (s.kind) {
    case "full_refresh":
      return one(renderFullRefresh(plan, dialect));
    case "incremental":
      return one(renderIncremental(plan, s, dialect));
    case "merge":
      return one(renderMerge(plan, s, dialect));
    case "materialized_view":
      return one(renderMaterializedView(plan, dialect));
    case "dynamic_table":
      return one(renderDynamicTable(plan, s, dialect));
    case "time_interval":
      return renderTimeInterval(plan, s, dialect);
  }
}
