import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunModelResult, SqlParam } from "@rocky/protocol";
import { resolveAdapter } from "../../../src/adapter/resolve-adapter.js";
import { spawnAdapter } from "../../../src/adapter/spawn-adapter.js";
import type { AdapterClient } from "../../../src/adapter/types.js";
import { silentLogger } from "../../../src/log.js";
import { compileModels } from "../../../src/models/compile-models.js";
import { formatDiagnostic } from "../../../src/models/diagnostics.js";
import type { ModelDefinition } from "../../../src/models/model-definition.js";
import { planModels, type PlannedModels } from "../../../src/models/plan-models.js";
import { runModelPlans } from "../../../src/models/run-model-plans.js";
import type { PartitionSelection } from "../../../src/models/select-partitions.js";
import { DUCKDB, type Dialect } from "../../../src/sql/dialect.js";
import { openStateStore, type StateStore } from "../../../src/state/state-store.js";

export interface RunOptions {
  readonly select?: string[];
  readonly partitions?: PartitionSelection;
  readonly now?: Date;
  readonly concurrency?: number;
}

/** A temporary project: a models directory, the real DuckDB adapter process, and a real lmdb state store. */
export interface DuckDbProject {
  readonly dir: string;
  readonly client: AdapterClient;
  readonly state: StateStore;
  /** Writes models/<name>.sql and models/<name>.toml. */
  model(name: string, sql: string, toml: string): void;
  exec(sql: string, params?: SqlParam[]): Promise<void>;
  rows(sql: string): Promise<unknown[][]>;
  plan(options?: RunOptions): Promise<PlannedModels>;
  run(options?: RunOptions): Promise<RunModelResult[]>;
  close(): Promise<void>;
}

/** `dialect`: the SQL Rocky renders for the models (default DuckDB's); the generic one exercises execute_batch on real DuckDB. */
export async function createDuckDbProject({ dialect = DUCKDB }: { dialect?: Dialect } = {}): Promise<DuckDbProject> {
  const dir = mkdtempSync(join(tmpdir(), "rocky-models-"));
  mkdirSync(join(dir, "models"));
  const spec = resolveAdapter({ name: "warehouse", type: "duckdb", config: { path: join(dir, "main.duckdb"), catalogs_dir: join(dir, "catalogs") }, baseDir: dir });
  const client = await spawnAdapter({ spec, logger: silentLogger() });
  const state = openStateStore(join(dir, "state"));
  let runs = 0;

  const compile = async () => {
    const compiled = await compileModels({ dir: join(dir, "models"), root: dir, dialect, adapter: { name: "warehouse", capabilities: client.manifest.capabilities } });
    const errors = compiled.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0 || !compiled.dag) throw new Error(errors.map(formatDiagnostic).join("\n"));
    return { models: compiled.models as ModelDefinition[], dag: compiled.dag };
  };
  const plan = async (o: RunOptions = {}) => {
    const { models, dag } = await compile();
    const planned = await planModels({
      models, dag, select: o.select ?? [], partitions: o.partitions ?? {}, client, adapterName: "warehouse", dialect, state,
      concurrency: o.concurrency ?? 4, now: o.now,
    });
    return { planned, dag };
  };

  return {
    dir,
    client,
    state,
    model(name, sql, toml) {
      writeFileSync(join(dir, "models", `${name}.sql`), sql);
      writeFileSync(join(dir, "models", `${name}.toml`), toml);
    },
    exec: (sql, params) => client.executeStatement(sql, params),
    rows: async (sql) => (await client.query(sql)).rows,
    plan: async (o) => (await plan(o)).planned,
    async run(o = {}) {
      const { planned, dag } = await plan(o);
      runs++;
      return runModelPlans({ planned, dag, client, dialect, state, runId: `run-${runs}`, concurrency: o.concurrency ?? 4, logger: silentLogger() });
    },
    async close() {
      await client.close();
      await state.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** name → status, for compact assertions. */
export function statuses(results: readonly RunModelResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.name, r.status === "skipped" ? `skipped: ${r.skipped_because}` : r.status]));
}
