import { assertStrategySupported, type StrategyTarget } from "../check-strategy-support.js";
import type { ModelPlan, RenderContext, Statement } from "../ir.js";
import { renderDynamicTable } from "./render-dynamic-table.js";
import { renderFullRefresh } from "./render-full-refresh.js";
import { renderIncremental } from "./render-incremental.js";
import { renderMaterializedView } from "./render-materialized-view.js";
import { renderMerge } from "./render-merge.js";
import { renderTimeInterval } from "./render-time-interval.js";

/** The statements that build one model (one batch, for time_interval); refuses a strategy the target cannot express. */
export function renderModel(plan: ModelPlan, target: StrategyTarget, context: RenderContext): Statement[] {
  assertStrategySupported(plan.name, plan.strategy, target);
  const { dialect } = target;
  const s = plan.strategy;
  switch (s.type) {
    case "full_refresh":
      return renderFullRefresh(plan, dialect);
    case "incremental":
      return renderIncremental(plan, s, dialect, context);
    case "merge":
      return renderMerge(plan, s, dialect, context);
    case "materialized_view":
      return renderMaterializedView(plan, dialect);
    case "dynamic_table":
      return renderDynamicTable(plan, s, dialect);
    case "time_interval":
      return renderTimeInterval(plan, s, dialect, context);
  }
}
