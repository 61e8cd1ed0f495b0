import { readFileSync } from "node:fs";
import { basename, dirname, relative } from "node:path";
import type { ModelConfig, ModelDefaults, ModelGroup, ModelTags } from "@rocky/protocol";
import { closestMatch } from "../config/closest-match.js";
import { parseTemplate } from "../pipeline/schema-pattern.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import type { ReadModel } from "./load-model.js";
import { locateTomlKey } from "./locate-toml-key.js";
import { readModelConfig } from "./read-model-config.js";

interface ConfigFile<T> {
  readonly file: string;
  readonly text: string;
  readonly config: T;
}

/** What models inherit: `_defaults.toml` by directory, and config groups by name. */
export interface InheritedConfig {
  /** By absolute directory. */
  readonly defaults: ReadonlyMap<string, ConfigFile<ModelDefaults>>;
  readonly groups: ReadonlyMap<string, ConfigFile<ModelGroup>>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and validates every _defaults.toml and group file listed by listModelFiles. */
export function readInheritedConfig(defaultsPaths: readonly string[], groupPaths: readonly string[], root: string): InheritedConfig {
  const diagnostics: Diagnostic[] = [];
  const read = <T>(path: string, type: "ModelDefaults" | "ModelGroup"): ConfigFile<T> | undefined => {
    const file = relative(root, path) || path;
    const text = readFileSync(path, "utf8");
    const { config, diagnostics: problems } = readModelConfig<T>(text, file, basename(path, ".toml"), type);
    diagnostics.push(...problems);
    return config === undefined ? undefined : { file, text, config };
  };
  const defaults = new Map<string, ConfigFile<ModelDefaults>>();
  for (const path of defaultsPaths) {
    const d = read<ModelDefaults>(path, "ModelDefaults");
    if (d) defaults.set(dirname(path), d);
  }
  const groups = new Map<string, ConfigFile<ModelGroup>>();
  for (const path of groupPaths) {
    const g = read<ModelGroup>(path, "ModelGroup");
    if (!g) continue;
    groups.set(basename(path, ".toml"), g);
    if (g.config.governance !== undefined) {
      diagnostics.push(
        diagnostic({
          code: "MODEL_INVALID",
          severity: "warning",
          message: `Group "${basename(path, ".toml")}" has [governance], which this version of Rocky reads but does not apply to models`,
          hint: "Governance is applied to replication targets ([pipeline.NAME.target.governance]); remove it here or keep it for the original Rocky",
          location: { file: g.file, line: locateTomlKey(g.text, ["governance"]), key: "governance" },
        }),
      );
    }
  }
  return { defaults, groups, diagnostics };
}

/** Each key from the nearest _defaults.toml at or above the model's directory that sets it, up to the models directory. */
function directoryDefaults(inherited: InheritedConfig, sqlPath: string, modelsDir: string): { catalog?: string; schema?: string } {
  let catalog: string | undefined;
  let schema: string | undefined;
  for (let dir = dirname(sqlPath); dir.startsWith(modelsDir); dir = dirname(dir)) {
    const target = inherited.defaults.get(dir)?.config.target;
    catalog ??= target?.catalog;
    schema ??= target?.schema;
    if (dir === modelsDir || dir === dirname(dir)) break;
  }
  return { ...(catalog === undefined ? {} : { catalog }), ...(schema === undefined ? {} : { schema }) };
}

function tagList(tags: ModelTags | undefined): string[] {
  if (tags === undefined) return [];
  return Array.isArray(tags) ? [...tags] : Object.entries(tags).map(([key, value]) => `${key}:${value}`);
}

/**
 * The model's config with what it inherits filled in: its own file first, then its group (schema_template rendered from
 * [args], strategy, tags), then the _defaults.toml files of its directory and those above (nearest first); the pipeline's target comes after all of them. Misuse of a
 * group is reported against the model's file.
 */
export function applyInheritedConfig(read: ReadModel, inherited: InheritedConfig, modelsDir: string): ReadModel {
  const config = read.config;
  if (!config) return read;
  const name = config.name ?? read.files.name;
  const problems: Diagnostic[] = [];
  const problem = (key: string, message: string, hint: string) =>
    problems.push(diagnostic({ code: "MODEL_INVALID", message, hint, location: { file: read.files.configFile, line: locateTomlKey(read.configText, key.split(".")), key }, model: name }));

  const group = config.group === undefined ? undefined : inherited.groups.get(config.group)?.config;
  let groupSchema: string | undefined;
  if (config.group !== undefined && group === undefined) {
    const suggestion = closestMatch(config.group, inherited.groups.keys());
    problem("group", `Model "${name}" is in group "${config.group}", which has no file groups/${config.group}.toml`, suggestion ? `Did you mean "${suggestion}"?` : `Create groups/${config.group}.toml in the models directory, or remove group`);
  } else if (config.group === undefined && config.args !== undefined) {
    problem("args", `Model "${name}" has [args] but no group`, "Set group = \"NAME\" (models/groups/NAME.toml), or remove [args]");
  }
  if (group) {
    if (group.enforce && config.target?.schema !== undefined) problem("target.schema", `Model "${name}" sets its own target schema, but group "${config.group}" enforces its schema_template`, "Remove [target] schema, or set enforce = false in the group");
    if (group.enforce && config.strategy !== undefined) problem("strategy", `Model "${name}" sets its own strategy, but group "${config.group}" enforces its strategy`, "Remove [strategy], or set enforce = false in the group");
    if (config.args !== undefined && config.target?.schema !== undefined) problem("target.schema", `Model "${name}" pins [target] schema and also gives [args] for group "${config.group}"'s schema_template`, "Keep one: the pinned schema, or the [args] that fill the template");
    if (group.schema_template !== undefined && config.target?.schema === undefined) {
      const parts = parseTemplate(group.schema_template) ?? [];
      const missing = parts.flatMap((p) => ("placeholder" in p && config.args?.[p.placeholder] === undefined ? [p.placeholder] : []));
      if (missing.length > 0) {
        problem(config.args === undefined ? "group" : "args", `Model "${name}" does not give ${missing.map((m) => `"${m}"`).join(", ")} for group "${config.group}"'s schema_template "${group.schema_template}"`, `Add [args] ${missing.map((m) => `${m} = "..."`).join(", ")}`);
      } else groupSchema = parts.map((p) => ("literal" in p ? p.literal : (config.args?.[p.placeholder] ?? ""))).join("");
    }
  }

  const defaults = directoryDefaults(inherited, read.files.sqlPath, modelsDir);
  const catalog = config.target?.catalog ?? group?.catalog ?? defaults.catalog;
  const schema = config.target?.schema ?? groupSchema ?? defaults.schema;
  const target = {
    ...(catalog === undefined ? {} : { catalog }),
    ...(schema === undefined ? {} : { schema }),
    ...(config.target?.table === undefined ? {} : { table: config.target.table }),
  };
  const strategy = config.strategy ?? group?.strategy;
  const tags = [...new Set([...tagList(group?.tags), ...tagList(config.tags)])];
  const effective: ModelConfig = {
    ...config,
    ...(Object.keys(target).length > 0 ? { target } : {}),
    ...(strategy === undefined ? {} : { strategy }),
    ...(tags.length > 0 ? { tags } : {}),
  };
  return { ...read, config: effective, configProblems: [...read.configProblems, ...problems] };
}
