import { join, resolve } from "node:path";
import { Methods, type PlannedPipeline, type RunPipelineResult, type TransformationPipelineConfig } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Dag } from "../dag/build-dag.js";
import { RockyError, type RockyErrorCode } from "../errors.js";
import type { PipelineContext, RunContext } from "../pipeline/pipeline-context.js";
import type { PipelineRunner } from "../pipeline/registry.js";
import { setupStatement } from "../pipeline/replication-sql.js";
import { dialectFor, type Dialect } from "../sql/dialect.js";
import { tableKey } from "../state/state-store.js";
import { modelChecks } from "../checks/model-tests.js";
import { DEFAULT_CONTRACTS_DIR } from "../schema-change/contract.js";
import { compileModels, readModels } from "./compile-models.js";
import { diagnosticsError, formatDiagnostic } from "./diagnostics.js";
import type { ModelDefinition } from "./model-definition.js";
import { planModels, type PlannedModels } from "./plan-models.js";
import { runModelPlans } from "./run-model-plans.js";
import { CACHE_DIR, openSqlParseCache } from "./sql-parse-cache.js";
import { sqlParsePrefetch } from "./sql-parse-prefetch.js";
import type { PartitionSelection } from "./select-partitions.js";
import { renderModelPlan } from "./sql/render-model-plan.js";
import { pipelineGovernance } from "../governance/pipeline-governance.js";
import { lifecycleSteps } from "../governance/setup-steps.js";
import type { GovernanceSpec } from "../governance/governance-spec.js";
import { modelGovernance, runModelGovernance } from "../governance/model-governance.js";

export const DEFAULT_MODEL_CONCURRENCY = 4;

/** The command-line choices of `rocky plan` / `rocky run` that concern models. */
export interface ModelRunOptions {
  /** `--select` / `--model` terms: name, +name, name+, tag:x. */
  readonly select?: readonly string[] | undefined;
  readonly partitions?: PartitionSelection | undefined;
  /** The clock for --latest/--missing; tests pin it. */
  readonly now?: Date | undefined;
}

type Ctx = PipelineContext<TransformationPipelineConfig>;

interface Prepared {
  readonly client: AdapterClient;
  readonly dialect: Dialect;
  readonly dag: Dag;
  readonly planned: PlannedModels;
  readonly governance: GovernanceSpec;
  readonly models: readonly ModelDefinition[];
}

/** Loads and checks the models (every error at once), then plans the selected ones against the target adapter. */
export async function prepareModels(ctx: Ctx): Promise<Prepared> {
  const adapterName = ctx.config.target.adapter;
  const dir = resolve(ctx.project.dir, ctx.config.models ?? "models");
  const cacheDir = join(ctx.project.dir, CACHE_DIR);
  const parseSql = (client: AdapterClient) => async (texts: readonly string[]) => (await client.request(Methods.sqlParse, { statements: [...texts] as [string, ...string[]] })).results;
  // The models are read and scanned while the adapter starts; what depends on its dialect and capabilities waits for it.
  // Once it is up, the SQL its parser has to check goes out while the rest is read, so both cores work.
  const starting = ctx.adapters.get(adapterName);
  const prefetch = sqlParsePrefetch(
    starting.then((client) => {
      if (!client.has("warehouse") || !client.has("sql_parse")) return undefined;
      const cache = openSqlParseCache({ dir: cacheDir, dialect: dialectFor(client.manifest.dialect).name, modelsDir: dir });
      return { parseSql: parseSql(client), known: (sql: string) => cache.has(sql) };
    }),
  );
  const [client, read] = await Promise.all([starting, readModels({ dir, root: ctx.project.dir }, (models) => prefetch.add(models))]);
  prefetch.end();
  if (!client.has("warehouse")) {
    throw new RockyError("ADAPTER_CAPABILITY_MISSING", `Adapter "${adapterName}" cannot build the models of pipeline "${ctx.name}": it does not declare capability "warehouse"`, {
      hint: "Point target.adapter at a warehouse adapter such as duckdb",
      location: ctx.project.locate(["pipeline", ctx.name, "target", "adapter"]),
    });
  }
  const governance = pipelineGovernance({ pipeline: ctx.name, config: ctx.config.target.governance, project: ctx.project, target: client });
  const dialect = dialectFor(client.manifest.dialect);
  const adapter = { name: adapterName, capabilities: client.manifest.capabilities };
  const compiled = await compileModels(
    {
      dir,
      root: ctx.project.dir,
      dialect,
      adapter,
      defaults: { catalog: ctx.config.target.catalog, schema: ctx.config.target.schema },
      requireCatalog: true,
      cacheDir,
      contractsDir: resolve(ctx.project.dir, ctx.config.contracts ?? DEFAULT_CONTRACTS_DIR),
      // The warehouse's own parser, where the adapter offers it: it accepts what the warehouse runs, and parses faster.
      ...(client.has("sql_parse") ? { parseSql: prefetch.parseSql } : {}),
    },
    read,
  );
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  for (const warning of compiled.diagnostics.filter((d) => d.severity === "warning")) ctx.logger.warn(formatDiagnostic(warning));
  if (errors.length > 0 || !compiled.dag) throw diagnosticsError(`the models of pipeline "${ctx.name}"`, errors);
  ctx.progress.update(`${ctx.name}: planning ${compiled.models.length} models`);
  const options = ctx.models ?? {};
  const planned = await planModels({
    models: compiled.models as ModelDefinition[],
    dag: compiled.dag,
    select: options.select ?? [],
    partitions: options.partitions ?? {},
    client,
    adapterName,
    dialect,
    state: ctx.state,
    concurrency: ctx.config.concurrency ?? DEFAULT_MODEL_CONCURRENCY,
    now: options.now,
    logger: ctx.logger,
  });
  return { client, dialect, dag: compiled.dag, planned: { ...planned, setup: lifecycleSteps(planned.setup, governance) }, governance, models: compiled.models as ModelDefinition[] };
}

export const transformationRunner: PipelineRunner<TransformationPipelineConfig> = {
  async plan(ctx): Promise<PlannedPipeline> {
    const prepared = await prepareModels(ctx);
    const { dialect, planned } = prepared;
    const governance = await modelGovernance(ctx, prepared);
    return {
      pipeline: ctx.name,
      type: "transformation",
      adapter: ctx.config.target.adapter,
      setup: planned.setup.map((s) => setupStatement(s, dialect)),
      tables: [],
      skipped: [],
      models: planned.plans.map((p) => ({
        name: p.name,
        target: tableKey(p.target),
        strategy: p.strategy.kind,
        configured_strategy: p.configured,
        reason: p.reason,
        depends_on: [...p.dependsOn],
        partitions: p.strategy.kind === "time_interval" ? p.strategy.batches.flatMap((b) => [...b.keys]) : [],
        statements: renderModelPlan(p, dialect).flatMap((b) => b.statements.map((s) => ({ sql: s.sql, params: [...s.params] }))),
      })),
      ...(governance ? { governance } : {}),
    };
  },

  async run(ctx: RunContext<TransformationPipelineConfig>): Promise<RunPipelineResult> {
    const started = performance.now();
    const prepared = await prepareModels(ctx);
    const { client, dialect, dag, planned } = prepared;
    const tests = modelChecks({ models: prepared.models, client, dialect, pipeline: ctx.name, events: ctx.events, failedTables: ctx.failedTables });
    const governed = await runModelGovernance(ctx, prepared, (setupFailures) => runModelPlans({
      planned: { ...planned, setup: [] },
      setupFailures,
      dag,
      client,
      dialect,
      state: ctx.state,
      runId: ctx.runId,
      concurrency: ctx.config.concurrency ?? DEFAULT_MODEL_CONCURRENCY,
      logger: ctx.logger,
      progress: ctx.progress,
      events: ctx.events,
      pipeline: ctx.name,
      hooks: tests.hooks,
    }));
    const models = governed.models.map((m) => (tests.checks.has(m.name) ? { ...m, checks: tests.checks.get(m.name) ?? [] } : m));
    return {
      pipeline: ctx.name,
      type: "transformation",
      status: models.every((m) => m.status === "succeeded") ? "succeeded" : "failed",
      duration_ms: Math.round(performance.now() - started),
      tables: [],
      skipped: [],
      models,
      ...(governed.governance ? { governance: governed.governance } : {}),
    };
  },
};
