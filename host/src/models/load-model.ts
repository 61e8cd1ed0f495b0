import { readFileSync } from "node:fs";
import type { ModelConfig } from "@rocky/protocol";
import { isValidIdentifier } from "../sql/identifiers.js";
import type { SqlParseOutcome } from "@rocky/protocol";
import { checkModelSql, warehouseSqlDiagnostics } from "./check-model-sql.js";
import { strategySupportProblem, type StrategyTarget } from "./check-strategy-support.js";
import { diagnostic, diagnosticFromError, type Diagnostic } from "./diagnostics.js";
import type { ConfiguredStrategy, ModelDefinition } from "./model-definition.js";
import type { ModelFiles } from "./list-model-files.js";
import { locateTomlKey } from "./locate-toml-key.js";
import { findMacros, lineColumn } from "./macros.js";
import { parsePartitionKey } from "./partitions.js";
import { readModelConfig } from "./read-model-config.js";
import { scanModelSql, type ModelSqlScan } from "./scan-model-sql.js";
import type { SqlParseCache } from "./sql-parse-cache.js";

export interface TargetDefaults {
  readonly catalog?: string | undefined;
  readonly schema?: string | undefined;
}

/** A model read from disk, before its references are resolved against the other models. */
export interface LoadedModel {
  readonly definition: Omit<ModelDefinition, "dependsOn" | "sources">;
  readonly config: ModelConfig;
  readonly configText: string;
  /** The tables its SQL reads, found lexically. */
  readonly scan: ModelSqlScan;
}

/** A model's files read, its sidecar parsed and its SQL scanned: everything that needs neither dialect nor adapter. */
export interface ReadModel {
  readonly files: ModelFiles;
  /** The SELECT, trailing semicolons removed. */
  readonly sql: string;
  readonly configText: string;
  readonly config: ModelConfig | undefined;
  readonly configProblems: readonly Diagnostic[];
  readonly scan: ModelSqlScan;
}

export interface CheckModelOptions extends StrategyTarget {
  readonly defaults?: TargetDefaults | undefined;
  /** False when the target's dialect is not known (a process adapter not started): strategies are not refused. */
  readonly checkSupport?: boolean | undefined;
  /** A project's models must say which catalog they land in (plan refuses them otherwise); a bare directory's need not. */
  readonly requireCatalog?: boolean | undefined;
  /** SQL known to parse is not parsed again; SQL that parses is added. Without it every model is parsed. */
  readonly parseCache?: Pick<SqlParseCache, "has" | "add"> | undefined;
  /** What the target warehouse's own parser said of model SQL texts (sql/parse), by SQL; these are not parsed here. */
  readonly sqlVerdicts?: ReadonlyMap<string, SqlParseOutcome> | undefined;
}

export interface LoadModelOptions extends CheckModelOptions {
  readonly files: ModelFiles;
}

/** Reads, validates and parses one model (unless `parseCache` knows its SQL); returns it only when it has no errors. */
export function loadModel(options: LoadModelOptions): { model?: LoadedModel; diagnostics: Diagnostic[] } {
  return checkModel(readModel(options.files), options);
}

/**
 * Reads one model's files, parses its sidecar and scans its SQL. The reads are synchronous: for thousands of small files
 * several times faster than fs/promises, and two files open at most.
 */
export function readModel(files: ModelFiles): ReadModel {
  const sql = readFileSync(files.sqlPath, "utf8").replace(/[\s;]+$/, "");
  const configText = readFileSync(files.configPath, "utf8");
  const { config, diagnostics: configProblems } = readModelConfig(configText, files.configFile, files.name);
  return { files, sql, configText, config, configProblems, scan: scanModelSql(sql) };
}

/** Validates a read model against the target: name, SQL (parsed unless `parseCache` knows it), schema, strategy, macros. */
export function checkModel(read: ReadModel, options: CheckModelOptions): { model?: LoadedModel; diagnostics: Diagnostic[] } {
  const { files, sql, config, configText } = read;
  const { dialect, defaults } = options;
  // The original Rocky's sidecars may name the model; the file stem is the default.
  const name = config?.name ?? files.name;
  const diagnostics: Diagnostic[] = [];
  if (!isValidIdentifier(name)) {
    diagnostics.push(
      diagnostic({
        code: "IDENTIFIER_INVALID",
        message: `Invalid model name "${name}": identifiers must match ^[a-zA-Z0-9_]+$`,
        hint: "Rename the .sql and .toml files using only letters, digits and underscores",
        location: { file: files.sqlFile },
        model: name,
      }),
    );
  }
  diagnostics.push(...read.configProblems);
  if (!options.parseCache?.has(sql)) {
    const verdict = options.sqlVerdicts?.get(sql);
    const sqlProblems = verdict
      ? warehouseSqlDiagnostics(verdict, sql, dialect.name, files.sqlFile, name)
      : checkModelSql(sql, dialect.name, files.sqlFile, name);
    diagnostics.push(...sqlProblems);
    if (sqlProblems.length === 0) options.parseCache?.add(sql);
  }
  if (!config) return { diagnostics };

  const at = (key: string) => ({ file: files.configFile, line: locateTomlKey(configText, key.split(".")), key });
  const schema = config.target?.schema ?? defaults?.schema;
  const catalog = config.target?.catalog ?? defaults?.catalog;
  if (schema === undefined) {
    diagnostics.push(
      diagnostic({
        code: "MODEL_INVALID",
        message: `Model "${name}" has no target schema`,
        hint: 'Set [target] schema = "..." in the .toml, or a default `schema` in the pipeline\'s target in rocky.toml',
        location: at("target.schema"),
        model: name,
      }),
    );
  }
  if (catalog === undefined && options.requireCatalog) {
    diagnostics.push(
      diagnostic({
        code: "MODEL_INVALID",
        message: `Model "${name}" has no target catalog`,
        hint: 'Set [target] catalog = "..." in the .toml, or a default `catalog` in the pipeline\'s target in rocky.toml',
        location: at(config.target === undefined ? "target" : "target.catalog"),
        model: name,
      }),
    );
  }
  const strategy: ConfiguredStrategy = config.strategy ?? { type: "full_refresh" };
  const refused = options.checkSupport === false ? undefined : strategySupportProblem(name, strategy, options);
  if (refused) diagnostics.push(diagnosticFromError(refused, name, at("strategy.type")));
  diagnostics.push(...checkMacros(name, strategy, sql, findMacros(sql), files.sqlFile, at));
  if (strategy.type === "time_interval" && strategy.first_partition !== undefined && !parsePartitionKey(strategy.first_partition, strategy.granularity)) {
    diagnostics.push(
      diagnostic({
        code: "MODEL_INVALID",
        message: `Invalid first_partition "${strategy.first_partition}" for ${strategy.granularity} partitions`,
        hint: "Write it as a partition key: 2024 (year), 2024-01 (month), 2024-01-15 (day), 2024-01-15T13 (hour)",
        location: at("strategy.first_partition"),
        model: name,
      }),
    );
  }
  if (diagnostics.some((d) => d.severity === "error") || schema === undefined) return { diagnostics };
  const target = { ...(catalog === undefined ? {} : { catalog }), schema, table: config.target?.table ?? name };
  return {
    model: {
      definition: { name, sqlFile: files.sqlFile, configFile: files.configFile, sql, target, strategy, tags: tagsOf(config), ...(config.intent === undefined ? {} : { intent: config.intent }), ...(config.tests === undefined ? {} : { tests: config.tests }) },
      config,
      configText,
      scan: read.scan,
    },
    diagnostics,
  };
}

/** Tags as a list, or the original Rocky's [tags] table whose key = "value" pairs become key:value. */
function tagsOf(config: ModelConfig): readonly string[] {
  const tags = config.tags ?? [];
  return Array.isArray(tags) ? tags : Object.entries(tags).map(([key, value]) => `${key}:${value}`);
}

function checkMacros(
  model: string,
  strategy: ConfiguredStrategy,
  sql: string,
  macros: readonly { name: string; offset: number }[],
  sqlFile: string,
  at: (key: string) => { file: string; line: number; key: string },
): Diagnostic[] {
  if (strategy.type !== "time_interval") {
    return macros.map((m) =>
      diagnostic({
        code: "MODEL_SQL_INVALID",
        message: `Model "${model}" uses ${m.name}, which only time_interval models have`,
        hint: 'Set [strategy] type = "time_interval" with time_column and granularity, or remove the macro',
        location: { file: sqlFile, ...lineColumn(sql, m.offset) },
        model,
      }),
    );
  }
  const missing = ["@start_date", "@end_date"].filter((n) => !macros.some((m) => m.name === n));
  if (missing.length === 0) return [];
  return [
    diagnostic({
      code: "MODEL_SQL_INVALID",
      severity: "warning",
      message: `Time-interval model "${model}" does not use ${missing.join(" or ")}: every partition reads the whole source`,
      hint: `Filter the source, e.g. WHERE ${strategy.time_column} >= @start_date AND ${strategy.time_column} < @end_date`,
      location: at("strategy.type"),
      model,
    }),
  ];
}
