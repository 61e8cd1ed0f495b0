import { validate, type ModelConfig, type SchemaProblem, type SchemaTypeName } from "@rocky/protocol";
import { parse, TomlError } from "smol-toml";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { locateTomlKey } from "./locate-toml-key.js";

const STRATEGY_TYPES: Readonly<Record<string, SchemaTypeName>> = {
  full_refresh: "FullRefreshStrategy",
  incremental: "IncrementalStrategy",
  merge: "MergeStrategy",
  materialized_view: "MaterializedViewStrategy",
  dynamic_table: "DynamicTableStrategy",
  time_interval: "TimeIntervalStrategy",
};

/**
 * Parses and validates one sidecar (or, with `type`, a _defaults.toml or group file: any TOML file of the models
 * directory); every problem is a diagnostic with file, line and key.
 */
export function readModelConfig(text: string, file: string, model: string): { config?: ModelConfig; diagnostics: Diagnostic[] };
export function readModelConfig<T>(text: string, file: string, model: string, type: SchemaTypeName): { config?: T; diagnostics: Diagnostic[] };
export function readModelConfig(text: string, file: string, model: string, type: SchemaTypeName = "ModelConfig"): { config?: unknown; diagnostics: Diagnostic[] } {
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    const first = err.message.split("\n")[0] ?? err.message;
    return {
      diagnostics: [
        diagnostic({
          code: "MODEL_INVALID",
          message: `Cannot parse ${fileKind(type, file)}: ${first.replace(/^Invalid TOML document: /, "")}`,
          hint: "Check the TOML syntax at this line: quoted strings, [table] headers, key = value",
          location: { file, line: err.line, column: err.column },
          model,
        }),
      ],
    };
  }
  const problems = schemaProblems(value, type);
  if (problems.length === 0) return { config: value, diagnostics: [] };
  return {
    diagnostics: problems.map((p) => {
      const keyPath = keyPathOf(p);
      return diagnostic({
        code: "MODEL_INVALID",
        message: `Invalid ${fileKind(type, file)}: ${keyPath.length === 0 ? "the file" : `"${keyPath.join(".")}"`} ${p.message}`,
        hint: hintFor(p, keyPath),
        location: { file, line: locateTomlKey(text, keyPath), ...(keyPath.length > 0 ? { key: keyPath.join(".") } : {}) },
        model,
      });
    }),
  };
}

/** The oneOf over strategies reports every branch; validate against the branch `type` names instead. */
/** What kind of file a TOML file of the project is, for messages. */
function fileKind(type: SchemaTypeName, file: string): string {
  if (type === "ModelConfig") return "model config";
  if (type === "ContractConfig") return "contract";
  return file.endsWith("_defaults.toml") ? "directory defaults" : "model group";
}

function schemaProblems(value: unknown, schema: SchemaTypeName): SchemaProblem[] {
  const problems = validate(schema, value);
  const strategy = (value as { strategy?: unknown } | null)?.strategy;
  if (!problems.some((p) => p.path.startsWith("/strategy")) || strategy === null || typeof strategy !== "object") return problems;
  const rest = problems.filter((p) => !p.path.startsWith("/strategy"));
  const type = (strategy as { type?: unknown }).type;
  const typeName = typeof type === "string" ? STRATEGY_TYPES[type] : undefined;
  if (typeName === undefined) {
    const allowed = Object.keys(STRATEGY_TYPES).map((t) => `"${t}"`).join(", ");
    return [...rest, { path: "/strategy/type", keyword: "enum", message: type === undefined ? `is missing; must be one of ${allowed}` : `must be one of ${allowed}` }];
  }
  return [...rest, ...validate(typeName, strategy).map((p) => ({ ...p, path: p.path === "/" ? "/strategy" : `/strategy${p.path}` }))];
}

function keyPathOf(problem: SchemaProblem): string[] {
  const path = problem.path === "/" ? [] : problem.path.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const extra = /property "([^"]+)"/.exec(problem.message)?.[1];
  // Array indexes point inside a value; the key is what a reader finds in the file.
  const keys = path.filter((p) => !/^\d+$/.test(p));
  return extra !== undefined ? [...keys, extra] : keys;
}

function hintFor(problem: SchemaProblem, keyPath: readonly string[]): string {
  const key = keyPath.at(-1) ?? "";
  if (problem.keyword === "additionalProperties") return `Remove "${key}" or fix its spelling; see schemas/config/model.schema.json for the allowed keys`;
  if (problem.keyword === "required") return `Add ${key} = ... ${keyPath.length > 1 ? `under [${keyPath.slice(0, -1).join(".")}]` : "at the top of the file"}`;
  if (problem.keyword === "pattern" && problem.message.includes("a-zA-Z0-9_")) return "Identifiers may contain only letters, digits and underscores";
  if (key === "target_lag") return 'Write the lag as "<n> seconds|minutes|hours|days", e.g. "1 hour", or "DOWNSTREAM"';
  if (key === "type" && keyPath[0] === "strategy") return 'Set [strategy] type = "full_refresh" (the default), "incremental", "merge", "time_interval", ...';
  return "See schemas/config/model.schema.json for the expected shape";
}
