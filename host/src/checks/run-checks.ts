import type { CheckResult, ReplicationPipelineConfig, TransformationPipelineConfig } from "@rocky/protocol";
import type { LoadedConfig } from "../config/load-config.js";
import type { Logger } from "../log.js";
import { prepareModels } from "../models/transformation-runner.js";
import { createAdapterPool, type AdapterPool } from "../pipeline/adapter-pool.js";
import { discoverSources } from "../pipeline/discover-sources.js";
import { mapConcurrent } from "../pipeline/map-concurrent.js";
import { SILENT_PROGRESS, type Progress } from "../pipeline/pipeline-context.js";
import { DEFAULT_TIMESTAMP_COLUMN } from "../pipeline/plan-replication.js";
import { selectPipelines } from "../pipeline/select-pipelines.js";
import { globToRegExp } from "../pipeline/table-filter.js";
import { createTargetTables } from "../pipeline/target-tables.js";
import { dialectFor } from "../sql/dialect.js";
import { openStateStore, tableKey, type StateStore } from "../state/state-store.js";
import { testOf } from "./model-tests.js";
import { ROW_COUNT_NAMESPACE } from "./replication-checks.js";
import type { RowCountHistory } from "./row-count-history.js";
import { runAssertion, runTableChecks, type TableToCheck } from "./table-checks.js";

export interface RunChecksOptions {
  readonly config: LoadedConfig;
  readonly pipeline?: string | undefined;
  /** --select: model terms as `rocky run` takes them; plain names (or globs) also pick replicated tables by name. */
  readonly select?: readonly string[] | undefined;
  readonly logger: Logger;
  readonly progress?: Progress | undefined;
}

interface Shared {
  readonly o: RunChecksOptions;
  readonly adapters: AdapterPool;
  readonly state: StateStore | undefined;
  readonly progress: Progress;
}

/** `rocky check`: every pipeline's checks and every selected model's [[tests]], on what the warehouse holds now. Writes nothing. */
export async function runChecks(o: RunChecksOptions): Promise<CheckResult[]> {
  const selected = selectPipelines(o.config, o.pipeline);
  const adapters = createAdapterPool(o.config, o.logger);
  const state = openStateStore(o.config.statePath, { create: false });
  const shared: Shared = { o, adapters, state, progress: o.progress ?? SILENT_PROGRESS };
  const results: CheckResult[] = [];
  try {
    for (const [name, pipeline] of selected) {
      const found = pipeline.type === "replication" ? await replicationChecks(name, pipeline, shared) : await modelTests(name, pipeline, shared);
      results.push(...found.map((c) => ({ ...c, pipeline: name })));
    }
  } finally {
    await adapters.closeAll();
    await state?.close();
  }
  return results;
}

function tableSelector(select: readonly string[] | undefined): (key: string) => boolean {
  const terms = (select ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "" && !s.includes(":") && !s.includes("+"));
  if ((select ?? []).length === 0) return () => true;
  const patterns = terms.map(globToRegExp);
  return (key) => patterns.some((re) => re.test(key) || re.test(key.split(".").at(-1) ?? ""));
}

async function replicationChecks(name: string, config: ReplicationPipelineConfig, s: Shared): Promise<CheckResult[]> {
  if (!config.checks || config.checks.enabled === false) return [];
  const [source, target] = await Promise.all([s.adapters.get(config.source.adapter), s.adapters.get(config.target.adapter)]);
  s.progress.update(`${name}: discovering sources`);
  const discovered = await discoverSources(config, source);
  const wanted = tableSelector(s.o.select);
  const pairs = discovered.schemas.flatMap((schema) =>
    schema.tables.map((t) => ({
      source: { catalog: schema.catalog, schema: schema.schema, table: t.name },
      target: { catalog: schema.targetCatalog, schema: schema.targetSchema, table: t.name },
    })),
  ).filter((p) => wanted(tableKey(p.target)));
  const existing = createTargetTables(target, pairs.map((p) => p.target), s.o.logger);
  const tables = (await mapConcurrent(pairs, config.concurrency ?? 4, async (p): Promise<TableToCheck | undefined> => {
    if (!(await existing.exists(p.target))) return undefined;
    return { ...p, columns: (await target.describeTable(p.target)).map((c) => c.name) };
  })).filter((t): t is TableToCheck => t !== undefined);
  s.progress.update(`${name}: checking ${tables.length} tables`);
  const { checks } = await runTableChecks({
    config: config.checks,
    timestampColumn: config.timestamp_column ?? DEFAULT_TIMESTAMP_COLUMN,
    tables,
    target,
    dialect: dialectFor(target.manifest.dialect),
    history: s.state?.namespace(ROW_COUNT_NAMESPACE) as RowCountHistory | undefined,
    concurrency: config.concurrency ?? 4,
  });
  return [...checks.values()].flat();
}

async function modelTests(name: string, config: TransformationPipelineConfig, s: Shared): Promise<CheckResult[]> {
  const ctx = { name, config, project: s.o.config, adapters: s.adapters, state: s.state, logger: s.o.logger, progress: s.progress, models: { select: s.o.select ?? [] } };
  const { client, dialect, planned, models } = await prepareModels(ctx);
  const byName = new Map(models.map((m) => [m.name, m]));
  const results: CheckResult[] = [];
  for (const plan of planned.plans) {
    for (const test of byName.get(plan.name)?.tests ?? []) results.push(await runAssertion(testOf(test, byName), plan.target, client, dialect));
  }
  return results;
}
