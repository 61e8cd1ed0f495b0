import { setImmediate as nextTurn } from "node:timers/promises";
import type { Dag } from "../dag/build-dag.js";
import { buildDag } from "../dag/build-dag.js";
import { closestMatch } from "../config/closest-match.js";
import { diagnostic, diagnosticFromError, sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import type { StrategyTarget } from "./check-strategy-support.js";
import type { ModelDefinition } from "./model-definition.js";
import { applyInheritedConfig, readInheritedConfig } from "./inherited-config.js";
import { listModelFiles, type ModelFiles } from "./list-model-files.js";
import { checkModel, readModel, type LoadedModel, type ReadModel, type TargetDefaults } from "./load-model.js";
import { locateTomlKey } from "./locate-toml-key.js";
import { findModelContracts } from "./model-contracts.js";
import { lineColumn } from "./macros.js";
import { createModelResolver, type ModelResolver } from "./resolve-references.js";
import { rewriteTableReferences, type TableNameSpan } from "./rewrite-table-references.js";
import { toReference } from "./scan-model-sql.js";
import { openSqlParseCache, type SqlParseCache } from "./sql-parse-cache.js";
import { checkModelSql, parseableSql } from "./check-model-sql.js";
import { PARSE_CHUNK } from "./sql-parse-prefetch.js";
import type { Dialect } from "../sql/dialect.js";
import type { SqlParseOutcome } from "@rocky/protocol";

/** Models loaded between two turns of the event loop, so that adapter output and signals are handled while thousands load. */
const LOAD_CHUNK = 200;

export interface CompileModelsOptions extends StrategyTarget {
  /** Absolute models directory. */
  readonly dir: string;
  /** Project root (rocky.toml's directory): file names in diagnostics are relative to it. */
  readonly root: string;
  readonly defaults?: TargetDefaults | undefined;
  /** False when the target's dialect is not known: strategies are checked at plan time instead. */
  readonly checkSupport?: boolean | undefined;
  /** Where the parse cache lives (<project>/.rocky/cache); without it every model is parsed and nothing is written. */
  readonly cacheDir?: string | undefined;
  /** Parse every model even when the cache knows its SQL (`rocky compile`), refreshing the cache. */
  readonly reparse?: boolean | undefined;
  /** Every model must have a target catalog (a project's pipeline; not a bare models directory). */
  readonly requireCatalog?: boolean | undefined;
  /**
   * The target warehouse's own parser (sql/parse, when the adapter declares sql_parse): one outcome per text, in order.
   * Given, it decides instead of the host's generic grammar, so SQL the warehouse accepts is never refused.
   */
  readonly parseSql?: ParseSql | undefined;
  /**
   * Without parseSql: the target warehouse's parser, started only when the generic grammar cannot read some model
   * (`rocky compile` starts no adapter otherwise); undefined when the target offers none. Its verdict replaces the grammar's.
   */
  readonly parseSqlFallback?: (() => Promise<ParseSql | undefined>) | undefined;
  /** Absolute directory of `<model>.contract.toml` files (the pipeline's `contracts`); contracts beside models and in sidecars are found anyway. */
  readonly contractsDir?: string | undefined;
}

/** The target warehouse's parser: one outcome per text, in order. */
export type ParseSql = (texts: readonly string[]) => Promise<readonly SqlParseOutcome[]>;


/** Asks the warehouse's parser about every model SQL the parse cache does not know; the outcomes by SQL. */
async function warehouseVerdicts(models: readonly ReadModel[], cache: Pick<SqlParseCache, "has"> | undefined, parseSql: ParseSql): Promise<Map<string, SqlParseOutcome>> {
  const unknown = [...new Set(models.map((m) => m.sql).filter((sql) => !cache?.has(sql)))];
  const chunks: string[][] = [];
  for (let i = 0; i < unknown.length; i += PARSE_CHUNK) chunks.push(unknown.slice(i, i + PARSE_CHUNK));
  const outcomes = await Promise.all(
    chunks.map(async (chunk) => {
      const answered = await parseSql(chunk.map((sql) => parseableSql(sql).text));
      if (answered.length !== chunk.length) throw new Error(`sql/parse answered ${answered.length} outcomes for ${chunk.length} texts`);
      return answered;
    }),
  );
  const verdicts = new Map<string, SqlParseOutcome>();
  chunks.forEach((chunk, c) => chunk.forEach((sql, i) => verdicts.set(sql, (outcomes[c] as readonly SqlParseOutcome[])[i] as SqlParseOutcome)));
  return verdicts;
}

export interface CompiledModels {
  /** Models without errors, in DAG order when the graph is valid. */
  readonly models: readonly ModelDefinition[];
  /** Undefined when any error was found. */
  readonly dag: Dag | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Every model of a directory read and scanned, with the problems of listing them: the part of compiling that needs no target. */
export interface ReadModels {
  readonly files: readonly ModelFiles[];
  readonly models: readonly ReadModel[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Lists, reads and scans every model; `rocky run` does this while the target adapter starts. */
export async function readModels(options: Pick<CompileModelsOptions, "dir" | "root">, onRead?: (models: readonly ReadModel[]) => void): Promise<ReadModels> {
  const listed = await listModelFiles(options.dir, options.root);
  const inherited = readInheritedConfig(listed.defaults, listed.groups, options.root);
  const models: ReadModel[] = [];
  for (let i = 0; i < listed.files.length; i++) {
    if (i > 0 && i % LOAD_CHUNK === 0) {
      onRead?.(models.slice(i - LOAD_CHUNK, i));
      await nextTurn();
    }
    models.push(applyInheritedConfig(readModel(listed.files[i] as ModelFiles), inherited, options.dir));
  }
  onRead?.(models.slice(models.length - (models.length % LOAD_CHUNK || LOAD_CHUNK)));
  return { files: listed.files, models, diagnostics: [...listed.diagnostics, ...inherited.diagnostics] };
}

/**
 * Loads every model (or takes `read`, from readModels() of the same directory), checks it against the target, resolves
 * dependencies and builds the DAG, collecting all problems instead of stopping at the first.
 */
export async function compileModels(options: CompileModelsOptions, read?: ReadModels): Promise<CompiledModels> {
  const { files, models, diagnostics: listed } = read ?? (await readModels(options));
  const diagnostics = [...listed];
  const cache = options.cacheDir === undefined ? undefined : openSqlParseCache({ dir: options.cacheDir, dialect: options.dialect.name, modelsDir: options.dir });
  const parseCache = cache && options.reparse ? { has: () => false, add: (sql: string) => cache.add(sql) } : cache;
  let sqlVerdicts = options.parseSql ? await warehouseVerdicts(models, parseCache, options.parseSql) : undefined;
  let checkCache: Pick<SqlParseCache, "has" | "add"> | undefined = parseCache;
  if (!sqlVerdicts && options.parseSqlFallback) {
    // The generic grammar first; the models it cannot read go to the warehouse, whose answer stands.
    const read = new Set<string>();
    const unread: ReadModel[] = [];
    for (const m of models) {
      if (parseCache?.has(m.sql) || read.has(m.sql)) continue;
      if (checkModelSql(m.sql, options.dialect.name, m.files.sqlFile, m.files.name).length > 0) unread.push(m);
      else {
        read.add(m.sql);
        parseCache?.add(m.sql);
      }
    }
    checkCache = { has: (sql) => read.has(sql) || parseCache?.has(sql) === true, add: (sql) => parseCache?.add(sql) };
    const parseSql = unread.length > 0 ? await options.parseSqlFallback() : undefined;
    if (parseSql) sqlVerdicts = await warehouseVerdicts(unread, parseCache, parseSql);
  }
  const loaded: LoadedModel[] = [];
  for (let i = 0; i < models.length; i++) {
    if (i > 0 && i % LOAD_CHUNK === 0) await nextTurn();
    const result = checkModel(models[i] as ReadModel, { ...options, parseCache: checkCache, sqlVerdicts });
    diagnostics.push(...result.diagnostics);
    if (result.model) loaded.push(result.model);
  }
  cache?.save();
  diagnostics.push(...duplicateTargets(loaded), ...duplicateNames(loaded));
  const resolver = createModelResolver(loaded.map((m) => ({ name: m.definition.name, target: m.definition.target })));
  const fileNames = new Set([...files.map((f) => f.name.toLowerCase()), ...models.flatMap((r) => (r.config?.name ? [r.config.name.toLowerCase()] : []))]);
  const modelNames = loaded.map((m) => m.definition.name);
  // Models whose own errors are already reported: a reference to one is not reported again as unknown.
  const loadedNames = new Set(modelNames.map((n) => n.toLowerCase()));
  const brokenNames = new Set(models.map((r) => (r.config?.name ?? r.files.name).toLowerCase()).filter((n) => !loadedNames.has(n)));
  const renamed = new Map(models.flatMap((r) => (r.config?.name !== undefined && r.config.name !== r.files.name ? [[r.files.name.toLowerCase(), r.config.name] as const] : [])));
  const sqlPaths = new Map(models.map((r) => [r.config?.name ?? r.files.name, r.files.sqlPath]));
  const contracts = findModelContracts(loaded, sqlPaths, options.contractsDir, options.root);
  diagnostics.push(...contracts.diagnostics);
  const definitions: ModelDefinition[] = loaded.map((m) => {
    const deps = new Set<string>();
    const sources: string[] = [];
    for (const ref of m.scan.references) {
      const model = resolver.resolve(ref);
      if (model === undefined) {
        sources.push(ref.text);
        if (ref.schema === undefined && !brokenNames.has(ref.table.toLowerCase()) && !declaresSource(m, ref.table)) diagnostics.push(unknownTable(m, ref.text, renamed.get(ref.table.toLowerCase()) ?? closestMatch(ref.table, modelNames.filter((n) => n !== m.definition.name))));
      } else if (model !== m.definition.name) deps.add(model);
    }
    for (const dep of m.config.depends_on ?? []) {
      const model = resolver.byName(dep)?.name;
      if (model !== undefined) deps.add(model);
      else diagnostics.push(missingDependency(m, dep, fileNames.has(dep.toLowerCase())));
    }
    const sql = qualifyModelReferences(m, resolver, options.dialect);
    const contract = contracts.byModel.get(m.definition.name);
    return { ...m.definition, sql, dependsOn: [...deps].sort(), sources: [...new Set(sources)].sort(), ...(contract ? { contract } : {}) };
  });
  const byName = new Map(definitions.map((d) => [d.name, d]));

  let dag: Dag | undefined;
  try {
    dag = buildDag(definitions.map((p) => ({ name: p.name, deps: p.dependsOn })));
  } catch (err) {
    const first = /cycle: ([a-zA-Z0-9_]+)/.exec((err as Error).message)?.[1];
    const model = first === undefined ? undefined : byName.get(first);
    diagnostics.push(diagnosticFromError(err, first, model ? { file: model.sqlFile } : undefined));
  }
  const failed = diagnostics.some((d) => d.severity === "error");
  const ordered = dag ? dag.order.map((n) => byName.get(n) as ModelDefinition) : definitions;
  return { models: ordered, dag: failed ? undefined : dag, diagnostics: sortDiagnostics(diagnostics) };
}

/** Model references written by model name or short target name become the model's full target, so the warehouse finds them. */
function qualifyModelReferences(m: LoadedModel, resolver: ModelResolver, dialect: Dialect): string {
  const rewrite = ({ parts }: TableNameSpan) => {
    if (parts.length === 1 && m.scan.cteNames.has((parts[0] as string).toLowerCase())) return undefined;
    const model = resolver.resolve(toReference(parts));
    const target = model === undefined ? undefined : resolver.byName(model)?.target;
    return target ? dialect.tableRef(target) : undefined;
  };
  return rewriteTableReferences(m.definition.sql, rewrite, m.scan.spans);
}

function missingDependency(model: LoadedModel, dep: string, exists: boolean): Diagnostic {
  return diagnostic({
    code: "DAG_MISSING_REF",
    message: exists
      ? `Model "${model.definition.name}" depends on "${dep}", which has errors`
      : `Model "${model.definition.name}" depends on "${dep}", which is not a model`,
    hint: exists ? `Fix the errors reported for "${dep}"` : `Add ${dep}.sql and ${dep}.toml to the models directory, or remove "${dep}" from depends_on`,
    location: { file: model.definition.configFile, line: locateTomlKey(model.configText, ["depends_on"]), key: "depends_on" },
    model: model.definition.name,
  });
}

function declaresSource(model: LoadedModel, table: string): boolean {
  return (model.config.sources ?? []).some((s) => s.table.toLowerCase() === table.toLowerCase());
}

/**
 * A one-part table name that is no model: a typo of a model's name or the file stem of a model its sidecar renamed (the
 * original Rocky treats bare names as models), or a table the warehouse resolves by its search path, which the SQL must
 * then qualify as schema.table or the sidecar list in [[sources]]. `near` is the model it probably means.
 */
function unknownTable(model: LoadedModel, table: string, near: string | undefined): Diagnostic {
  const span = model.scan.spans.find((s) => s.parts.length === 1 && s.parts[0] === table);
  return diagnostic({
    code: "DAG_MISSING_REF",
    message: `Model "${model.definition.name}" reads "${table}", which is neither a model nor a qualified source table${near ? `; did you mean "${near}"?` : ""}`,
    hint: near ? `Write ${near}, or qualify a warehouse table as schema.table or catalog.schema.table` : `Add a model of that name, qualify the warehouse table as schema.table, or declare it: [[sources]] table = "${table}"`,
    location: { file: model.definition.sqlFile, ...(span ? lineColumn(model.definition.sql, span.start) : {}) },
    model: model.definition.name,
  });
}

/** Two sidecars whose `name` (or file stem) is the same model name. */
function duplicateNames(models: readonly LoadedModel[]): Diagnostic[] {
  const seen = new Map<string, LoadedModel>();
  const out: Diagnostic[] = [];
  for (const m of models) {
    const key = m.definition.name.toLowerCase();
    const other = seen.get(key);
    if (other === undefined) {
      seen.set(key, m);
      continue;
    }
    out.push(
      diagnostic({
        code: "MODEL_INVALID",
        message: `Models "${other.definition.configFile}" and "${m.definition.configFile}" are both named "${m.definition.name}"`,
        hint: "Model names must be unique: change `name` in one sidecar, or drop it to use the file stem",
        location: { file: m.definition.configFile, line: locateTomlKey(m.configText, ["name"]), key: "name" },
        model: m.definition.name,
      }),
    );
  }
  return out;
}

function duplicateTargets(models: readonly LoadedModel[]): Diagnostic[] {
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const m of models) {
    const t = m.definition.target;
    const key = [t.catalog ?? "", t.schema, t.table].join(".").toLowerCase();
    const other = seen.get(key);
    if (other === undefined) {
      seen.set(key, m.definition.name);
      continue;
    }
    out.push(
      diagnostic({
        code: "MODEL_INVALID",
        message: `Models "${other}" and "${m.definition.name}" both build "${[t.catalog, t.schema, t.table].filter(Boolean).join(".")}"`,
        hint: "Give one of them a different [target] table or schema",
        location: { file: m.definition.configFile, line: locateTomlKey(m.configText, ["target"]), key: "target" },
        model: m.definition.name,
      }),
    );
  }
  return out;
}
