import { join, resolve } from "node:path";
import { Methods, type CompileOutput, type CompiledModel, type Diagnostic } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import { loadConfig, type LoadedConfig } from "../config/load-config.js";
import { silentLogger } from "../log.js";
import { createAdapterPool, type AdapterPool } from "../pipeline/adapter-pool.js";
import { checkTableContracts } from "../pipeline/check-table-contracts.js";
import { selectPipelines } from "../pipeline/select-pipelines.js";
import { dialectFor, type Dialect } from "../sql/dialect.js";
import { compileModels, type ParseSql } from "./compile-models.js";
import { diagnostic, sortDiagnostics } from "./diagnostics.js";
import { CACHE_DIR } from "./sql-parse-cache.js";
import { isAdapterError } from "../adapter/adapter-error.js";
import { contractDiagnostics } from "../schema-change/check-contract.js";
import { DEFAULT_CONTRACTS_DIR, type Contract } from "../schema-change/contract.js";
import { checkModelContract } from "../schema-change/model-contract.js";
import type { ModelDefinition } from "./model-definition.js";
import { targetRef } from "./plan-model.js";
import { bindMacros } from "./sql/render-time-interval.js";

const KNOWN_DIALECTS = new Set(["duckdb", "databricks", "snowflake", "generic"]);

export interface CompileProjectOptions {
  /** rocky.toml; its transformation pipelines say where the models are and which adapter (dialect) they target. */
  readonly config?: string | undefined;
  /** A models directory to compile without rocky.toml. */
  readonly models?: string | undefined;
  /** Overrides the dialect taken from the target adapter's type. */
  readonly dialect?: string | undefined;
  readonly pipeline?: string | undefined;
  readonly cwd?: string | undefined;
}

interface Unit {
  readonly pipeline?: string;
  readonly dir: string;
  readonly root: string;
  readonly dialect: Dialect;
  readonly checkSupport: boolean;
  readonly defaults: { catalog?: string | undefined; schema?: string | undefined };
  /** The project's cache directory; none for a bare models directory. */
  readonly cacheDir?: string;
  /** The target adapter's name in rocky.toml; none for a bare models directory. */
  readonly adapter?: string;
  /** Absolute directory of the pipeline's model contracts. */
  readonly contractsDir?: string;
}

/** A range to bind @start_date/@end_date to when only the output's shape matters. */
const SHAPE_RANGE = { start: "2000-01-01 00:00:00", end: "2000-01-02 00:00:00" };

/**
 * Checks each contracted model's output columns, as the target warehouse describes its SELECT without running it, and its
 * existing target. A model whose SELECT cannot be described yet (an upstream model not built) is checked before writing.
 */
async function checkModelContracts(models: readonly ModelDefinition[], adapters: AdapterPool, name: string, dialect: Dialect): Promise<Diagnostic[]> {
  let client: AdapterClient;
  try {
    client = await adapters.get(name);
  } catch (error) {
    return [diagnostic({ code: "CONTRACT_UNCHECKED", severity: "warning", message: `Could not start adapter "${name}" to check the model contracts: ${(error as Error).message}`, hint: "They are checked again before each model writes" })];
  }
  const out: Diagnostic[] = [];
  for (const m of models) {
    const contract = m.contract as Contract;
    const select = m.strategy.type === "time_interval" ? bindMacros(m.sql, dialect, SHAPE_RANGE) : { sql: m.sql, params: [] };
    try {
      const check = await checkModelContract({ client, dialect, contract, target: targetRef(m), select });
      out.push(...contractDiagnostics(m.name, contract, check));
    } catch (error) {
      if (!isAdapterError(error)) throw error;
      out.push(
        diagnostic({
          code: "CONTRACT_UNCHECKED",
          severity: "warning",
          message: `The contract of model "${m.name}" is checked before it writes: the warehouse cannot describe its SELECT yet (${error.message.split("\n")[0] ?? ""})`,
          hint: "An upstream table that does not exist yet is the usual cause; `rocky run` checks the contract once it does",
          location: { file: contract.file },
          model: m.name,
        }),
      );
    }
  }
  return out;
}

/** The warehouse's own parser, when the adapter declares sql_parse; an adapter that cannot start leaves the generic grammar's verdict. */
async function adapterParser(adapters: AdapterPool, name: string, diagnostics: Diagnostic[]): Promise<ParseSql | undefined> {
  let client: AdapterClient;
  try {
    client = await adapters.get(name);
  } catch (error) {
    diagnostics.push(
      diagnostic({
        code: "ADAPTER_SPAWN_FAILED",
        severity: "warning",
        message: `Could not start adapter "${name}" to ask its parser about the SQL Rocky's generic grammar cannot read: ${(error as Error).message}`,
        hint: "The generic grammar's verdict stands; `rocky plan` asks the warehouse again",
      }),
    );
    return undefined;
  }
  if (!client.has("sql_parse")) return undefined;
  return async (texts) => (await client.request(Methods.sqlParse, { statements: [...texts] as [string, ...string[]] })).results;
}

/**
 * `rocky compile`: loads, parses and resolves every model of every transformation pipeline (or of one directory). Every
 * model is parsed by Rocky's generic grammar; only when it cannot read some model is the target adapter started, and if
 * it declares sql_parse the warehouse's own parser decides about those (SQL the warehouse accepts is never refused). The
 * SQL that parses is remembered in .rocky/cache so `rocky plan` and `rocky run` need not parse it again. The dialect is the target adapter's type when Rocky knows it; for others, strategies are checked at plan time.
 */
export async function compileProject(options: CompileProjectOptions): Promise<CompileOutput> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.models === undefined ? await loadConfig(resolve(cwd, options.config ?? "rocky.toml")) : undefined;
  const units = config ? transformationUnits(config, options) : [directoryUnit(options, cwd)];
  const models: CompiledModel[] = [];
  const order: string[] = [];
  const diagnostics: Diagnostic[] = [];
  if (units.length === 0) {
    diagnostics.push(
      diagnostic({
        code: "CONFIG_INVALID",
        severity: "warning",
        message: "No transformation pipeline to compile",
        hint: 'Add [pipeline.silver] type = "transformation" with target.adapter, or pass --models <dir>',
      }),
    );
  }
  const adapters = config ? createAdapterPool(config, silentLogger()) : undefined;
  try {
    for (const unit of units) {
      const { dir, root, dialect, defaults, checkSupport, cacheDir, adapter } = unit;
      const fallback = adapters && adapter !== undefined ? () => adapterParser(adapters, adapter, diagnostics) : undefined;
      const result = await compileModels({
        dir, root, dialect, defaults, checkSupport, cacheDir, reparse: true, parseSqlFallback: fallback, requireCatalog: unit.pipeline !== undefined, contractsDir: unit.contractsDir,
      });
      diagnostics.push(...result.diagnostics);
      const contracted = result.models.filter((m) => m.contract !== undefined);
      if (contracted.length > 0 && adapters && adapter !== undefined) diagnostics.push(...sortDiagnostics(await checkModelContracts(contracted, adapters, adapter, dialect)));
      order.push(...(result.dag?.order ?? []));
      for (const m of result.models) {
        models.push({
          name: m.name,
          ...(unit.pipeline !== undefined ? { pipeline: unit.pipeline } : {}),
          sql_file: m.sqlFile,
          config_file: m.configFile,
          target: { ...(m.target.catalog !== undefined ? { catalog: m.target.catalog } : {}), schema: m.target.schema, table: m.target.table },
          strategy: m.strategy.type,
          depends_on: [...m.dependsOn],
          sources: [...m.sources],
          tags: [...m.tags],
          ...(m.intent === undefined ? {} : { intent: m.intent }),
        });
      }
    }
    for (const [name, pipeline] of config ? selectPipelines(config, options.pipeline) : []) {
      if (pipeline.type !== "replication" || pipeline.contracts === undefined || !config || !adapters) continue;
      diagnostics.push(...sortDiagnostics(await checkTableContracts({ name, config: pipeline, adapters, root: config.dir, logger: silentLogger() })));
    }
  } finally {
    await adapters?.closeAll();
  }
  const dialects = [...new Set(units.map((u) => u.dialect.name))];
  const ok = !diagnostics.some((d) => d.severity === "error");
  return {
    command: "compile",
    status: ok ? "succeeded" : "failed",
    ok,
    ...(dialects.length === 1 ? { dialect: dialects[0] as string } : {}),
    models,
    order: diagnostics.some((d) => d.severity === "error") ? [] : order,
    diagnostics,
  };
}

function directoryUnit(options: CompileProjectOptions, cwd: string): Unit {
  const dialect = options.dialect ?? "duckdb";
  return { dir: resolve(cwd, options.models as string), root: cwd, dialect: dialectFor(dialect), checkSupport: KNOWN_DIALECTS.has(dialect), defaults: {} };
}

function transformationUnits(config: LoadedConfig, options: CompileProjectOptions): Unit[] {
  const units: Unit[] = [];
  for (const [name, pipeline] of selectPipelines(config, options.pipeline)) {
    if (pipeline.type !== "transformation") continue;
    const type = options.dialect ?? config.adapters.get(pipeline.target.adapter)?.type ?? "generic";
    units.push({
      pipeline: name,
      dir: resolve(config.dir, pipeline.models ?? "models"),
      root: config.dir,
      dialect: dialectFor(type),
      checkSupport: KNOWN_DIALECTS.has(type.toLowerCase()),
      defaults: { catalog: pipeline.target.catalog, schema: pipeline.target.schema },
      cacheDir: join(config.dir, CACHE_DIR),
      adapter: pipeline.target.adapter,
      contractsDir: resolve(config.dir, pipeline.contracts ?? DEFAULT_CONTRACTS_DIR),
    });
  }
  return units;
}
