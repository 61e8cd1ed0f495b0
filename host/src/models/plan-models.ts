import type { Capabilities } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Dag } from "../dag/build-dag.js";
import { parseSelectors, selectNodes } from "../dag/select-nodes.js";
import { RockyError } from "../errors.js";
import type { ModelPlan, SetupStep } from "../ir/index.js";
import { silentLogger, type Logger } from "../log.js";
import { mapConcurrent } from "../pipeline/map-concurrent.js";
import { createTargetTables } from "../pipeline/target-tables.js";
import type { Dialect } from "../sql/dialect.js";
import { strategySupportProblem } from "./check-strategy-support.js";
import { gatherModelFacts, needsTarget } from "./gather-model-facts.js";
import type { ModelDefinition } from "./model-definition.js";
import type { ModelState } from "./model-state.js";
import { planModel, targetRef } from "./plan-model.js";
import type { PartitionSelection } from "./select-partitions.js";

export interface PlanModelsOptions {
  readonly models: readonly ModelDefinition[];
  readonly dag: Dag;
  /** `--select` terms; every model when empty. */
  readonly select: readonly string[];
  readonly partitions: PartitionSelection;
  readonly client: AdapterClient;
  readonly adapterName: string;
  readonly dialect: Dialect;
  readonly state: ModelState | undefined;
  readonly concurrency: number;
  readonly now?: Date | undefined;
  readonly logger?: Logger | undefined;
}

export interface PlannedModels {
  /** Catalogs and schemas ensured before any model runs. */
  readonly setup: readonly SetupStep[];
  /** The selected models, in DAG order. */
  readonly plans: readonly ModelPlan[];
}

/** Selects models, refuses what the target cannot express (before touching the warehouse), then plans each from its facts. */
export async function planModels(o: PlanModelsOptions): Promise<PlannedModels> {
  const byName = new Map(o.models.map((m) => [m.name, m]));
  const chosen = selectNodes(o.dag, parseSelectors(o.select), (n) => byName.get(n)?.tags ?? []).map((n) => byName.get(n) as ModelDefinition);
  const adapter = { name: o.adapterName, capabilities: o.client.manifest.capabilities as Capabilities };
  const refusals = chosen.map((m) => strategySupportProblem(m.name, m.strategy, { dialect: o.dialect, adapter })).filter((e) => e !== undefined);
  if (refusals.length === 1) throw refusals[0];
  if (refusals.length > 1) {
    throw new RockyError("PLAN_INVALID", `${refusals.length} models cannot run on adapter "${o.adapterName}":\n${refusals.map((r) => `  ${r.message}`).join("\n")}`, {
      hint: "Change their strategies, or point the pipeline at an adapter that supports them",
    });
  }
  for (const m of chosen) {
    if (m.target.catalog === undefined) {
      throw new RockyError("PLAN_INVALID", `Model "${m.name}" has no target catalog`, {
        hint: "Set [target] catalog in its .toml, or a default `catalog` in the pipeline's target in rocky.toml",
        location: { file: m.configFile },
      });
    }
  }
  const now = o.now ?? new Date();
  // Whether targets exist: one discovery/list per catalog rather than a table_exists per model (when the adapter can list).
  const targets = createTargetTables(o.client, chosen.filter((m) => needsTarget(m.strategy.type)).map(targetRef), o.logger ?? silentLogger());
  const plans = await mapConcurrent(chosen, o.concurrency, async (def) => {
    const facts = await gatherModelFacts({ def, client: o.client, dialect: o.dialect, state: o.state, selection: o.partitions, now, targets });
    return planModel(def, facts, { dialect: o.dialect, adapter });
  });
  return { setup: setupSteps(plans, o.client), plans };
}

function setupSteps(plans: readonly ModelPlan[], client: AdapterClient): SetupStep[] {
  const steps: SetupStep[] = [];
  const seen = new Set<string>();
  for (const { target } of plans) {
    if (target.catalog !== "" && client.has("create_catalog") && !seen.has(target.catalog)) {
      seen.add(target.catalog);
      steps.push({ kind: "create_catalog", catalog: target.catalog, via: "method" });
    }
    const key = `${target.catalog}.${target.schema}`;
    if (!seen.has(key)) {
      seen.add(key);
      steps.push({ kind: "create_schema", catalog: target.catalog, schema: target.schema, via: client.has("create_schema") ? "method" : "sql" });
    }
  }
  return steps;
}
