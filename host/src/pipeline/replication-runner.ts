import type { DiscoveredPipeline, PlannedPipeline, ReplicationPipelineConfig, RunPipelineResult } from "@rocky/protocol";
import { checkReplicatedTables } from "../checks/replication-checks.js";
import { RockyError } from "../errors.js";
import type { ReplicationPlan } from "../ir/replication-plan.js";
import { dialectFor } from "../sql/dialect.js";
import { tableKey } from "../state/state-store.js";
import { diagnosticsError } from "../models/diagnostics.js";
import { loadTableContracts } from "../schema-change/table-contracts.js";
import { discoverSources, type DiscoveredSources } from "./discover-sources.js";
import type { PipelineContext, RunContext } from "./pipeline-context.js";
import { DEFAULT_CONCURRENCY, planReplication } from "./plan-replication.js";
import type { PipelineRunner } from "./registry.js";
import { setupStatement, tableStatements } from "./replication-sql.js";
import { toRunError } from "./run-error.js";
import { recordSourceSyncs, skipUnchangedSources } from "./source-syncs.js";
import { refuseMissingState } from "./refuse-missing-state.js";
import { runReplication } from "./run-replication.js";
import { applyTargetGovernance, pipelineGovernance, planTargetGovernance, tagWrittenTables, type TargetGovernanceOptions } from "../governance/pipeline-governance.js";
import { governsAccess, type GovernanceSpec } from "../governance/governance-spec.js";
import { lifecycleSteps } from "../governance/setup-steps.js";

/** Shown in `rocky plan` where the run id will be bound. */
export const PLANNED_RUN_ID = "<run_id>";

export async function buildPlan(ctx: PipelineContext<ReplicationPipelineConfig>): Promise<{ plan: ReplicationPlan; sources: DiscoveredSources; governance: GovernanceSpec }> {
  const source = await ctx.adapters.get(ctx.config.source.adapter);
  const target = await ctx.adapters.get(ctx.config.target.adapter);
  if (!target.has("warehouse")) {
    throw new RockyError("ADAPTER_CAPABILITY_MISSING", `Adapter "${ctx.config.target.adapter}" cannot be the target of pipeline "${ctx.name}": it does not declare capability "warehouse"`, {
      hint: "Point target.adapter at a warehouse adapter such as duckdb",
      location: ctx.project.locate(["pipeline", ctx.name, "target", "adapter"]),
    });
  }
  const governance = pipelineGovernance({ pipeline: ctx.name, config: ctx.config.target.governance, project: ctx.project, target });
  ctx.progress.update(`${ctx.name}: discovering sources`);
  const sources = skipUnchangedSources(ctx.name, await discoverSources(ctx.config, source), ctx.state);
  ctx.progress.update(`${ctx.name}: planning ${sources.schemas.reduce((n, s) => n + s.tables.length, 0)} tables`);
  const contracts = loadTableContracts(ctx.config.contracts, ctx.project.dir);
  const invalid = contracts.diagnostics.filter((d) => d.severity === "error");
  if (invalid.length > 0) throw diagnosticsError(`the contracts of pipeline "${ctx.name}"`, invalid);
  const plan = await planReplication({
    name: ctx.name, config: ctx.config, sources, target, state: ctx.state, logger: ctx.logger, fullRefresh: ctx.fullRefresh === true, contracts,
    locate: (path) => ctx.project.locate(["pipeline", ctx.name, ...path]),
  });
  return { plan: { ...plan, setup: lifecycleSteps(plan.setup, governance) }, sources, governance };
}

async function governanceOptions(ctx: PipelineContext<ReplicationPipelineConfig>, plan: ReplicationPlan, spec: GovernanceSpec): Promise<TargetGovernanceOptions> {
  const client = await ctx.adapters.get(plan.targetAdapter);
  return {
    spec, client, dialect: dialectFor(client.manifest.dialect), setup: plan.setup, tables: plan.tables.map((t) => t.target), state: ctx.state,
    logger: ctx.logger, fullRefresh: ctx.fullRefresh, concurrency: ctx.config.concurrency ?? DEFAULT_CONCURRENCY,
  };
}

export const replicationRunner: PipelineRunner<ReplicationPipelineConfig> = {
  async discover(ctx): Promise<DiscoveredPipeline> {
    const sources = await discoverSources(ctx.config, await ctx.adapters.get(ctx.config.source.adapter));
    return {
      pipeline: ctx.name,
      type: "replication",
      adapter: ctx.config.source.adapter,
      schemas: sources.schemas.map((s) => ({
        catalog: s.catalog,
        schema: s.schema,
        components: { ...s.components },
        target_catalog: s.targetCatalog === "" ? null : s.targetCatalog,
        target_schema: s.targetSchema,
        ...(s.syncedAt !== null ? { synced_at: s.syncedAt } : {}),
        tables: s.tables.map((t) => ({ name: t.name, ...(t.row_count !== undefined ? { row_count: t.row_count } : {}) })),
      })),
      skipped: [...sources.skipped],
    };
  },

  async plan(ctx): Promise<PlannedPipeline> {
    const { plan, governance: spec } = await buildPlan(ctx);
    const dialect = dialectFor((await ctx.adapters.get(plan.targetAdapter)).manifest.dialect);
    const governance = await planTargetGovernance(await governanceOptions(ctx, plan, spec));
    return {
      pipeline: ctx.name,
      type: "replication",
      adapter: plan.targetAdapter,
      setup: plan.setup.map((s) => setupStatement(s, dialect)),
      tables: plan.tables.map((t) => ({
        source: tableKey(t.source),
        target: tableKey(t.target),
        strategy: t.strategy.kind,
        reason: t.reason,
        notes: [...t.notes],
        ...(t.drift ? { drift: [...t.drift] } : {}),
        statements: tableStatements(t, { dialect, pipeline: ctx.name, runId: PLANNED_RUN_ID }).map((s) => ({ sql: s.sql, params: [...s.params] })),
      })),
      skipped: [
        ...plan.skipped,
        ...plan.unplanned.map((u) => ({ catalog: u.source.catalog, schema: u.source.schema, table: u.source.table, reason: `cannot plan: ${toRunError(u.error).message}` })),
      ],
      ...(governance ? { governance } : {}),
    };
  },

  async run(ctx: RunContext<ReplicationPipelineConfig>): Promise<RunPipelineResult> {
    const started = performance.now();
    const { plan, sources, governance: spec } = await buildPlan(ctx);
    if (ctx.state.empty && ctx.fullRefresh !== true) refuseMissingState(plan, ctx.state.path);
    ctx.state.markFirstWrite(ctx.runId);
    const target = await ctx.adapters.get(plan.targetAdapter);
    const governing = await governanceOptions(ctx, plan, spec);
    const governed = await applyTargetGovernance(governing);
    const copied = await runReplication({
      plan: { ...plan, setup: [] },
      setupFailures: governed.failures,
      target,
      dialect: dialectFor(target.manifest.dialect),
      state: ctx.state,
      runId: ctx.runId,
      concurrency: ctx.config.concurrency ?? DEFAULT_CONCURRENCY,
      logger: ctx.logger,
      progress: ctx.progress,
      events: ctx.events,
    });
    const written = new Set(copied.filter((t) => t.status === "succeeded").map((t) => t.target));
    const tagged = await tagWrittenTables({ ...governing, tables: plan.tables.map((t) => t.target).filter((t) => written.has(tableKey(t))) });
    const governance = [...governed.actions, ...tagged];
    const tables = await checkReplicatedTables(ctx, plan, copied);
    await recordSourceSyncs(ctx.name, sources.schemas, tables, ctx.state, ctx.runId);
    for (const s of plan.skipped) {
      ctx.events.emit({ type: "table_finished", pipeline: ctx.name, source: [s.catalog, s.schema, s.table].filter(Boolean).join("."), status: "skipped", message: s.reason });
    }
    return {
      pipeline: ctx.name,
      type: "replication",
      status: tables.every((t) => t.status === "succeeded") ? "succeeded" : "failed",
      duration_ms: Math.round(performance.now() - started),
      tables,
      skipped: [...plan.skipped],
      ...(governance.length > 0 || governsAccess(spec) ? { governance } : {}),
    };
  },
};
