import { join, resolve } from "node:path";
import type { CompileOutput, CompiledModel, Diagnostic } from "@rocky/protocol";
import { loadConfig, type LoadedConfig } from "../config/load-config.js";
import { selectPipelines } from "../pipeline/select-pipelines.js";
import { dialectFor, type Dialect } from "../sql/dialect.js";
import { compileModels } from "./compile-models.js";
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
}

/**
 * `rocky compile`: loads, parses and resolves every model of every transformation pipeline (or of one directory) without
 * starting an adapter. Every model is parsed; the SQL that parses is remembered in .rocky/cache so `rocky plan` and
 * `rocky run` need not parse it again. The dialect is the target adapter's type when Rocky knows it; for others, strategies are checked at plan time.
 */
export async function compileProject(options: CompileProjectOptions): Promise<CompileOutput> {
  const cwd = options.cwd ?? process.cwd();
  const units = options.models !== undefined ? [directoryUnit(options, cwd)] : transformationUnits(await loadConfig(resolve(cwd, options.config ?? "rocky.toml")), options);
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
  for (const unit of units) {
    const { dir, root, dialect, defaults, checkSupport, cacheDir } = unit;
    const result = await compileModels({ dir, root, dialect, defaults, checkSupport, cacheDir, reparse: true, requireCatalog: unit.pipeline !== undefined });
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
    });
  }
  return units;
}
