import { join, resolve } from "node:path";
import { Methods, type CompileOutput, type CompiledModel, type Diagnostic } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import { loadConfig, type LoadedConfig } from "../config/load-config.js";
import { silentLogger } from "../log.js";
import { createAdapterPool, type AdapterPool } from "../pipeline/adapter-pool.js";
import { selectPipelines } from "../pipeline/select-pipelines.js";
import { dialectFor, type Dialect } from "../sql/dialect.js";
import { compileModels, type ParseSql } from "./compile-models.js";
import { diagnostic } from "./diagnostics.js";
import { CACHE_DIR } from "./sql-parse-cache.js";

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
      const result = await compileModels({ dir, root, dialect, defaults, checkSupport, cacheDir, reparse: true, parseSqlFallback: fallback, requireCatalog: unit.pipeline !== undefined });
      diagnostics.push(...result.diagnostics);
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
    });
  }
  return units;
}
