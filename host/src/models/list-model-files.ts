import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { CONTRACT_SUFFIX } from "../schema-change/contract.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";

export interface ModelFiles {
  readonly name: string;
  /** Absolute paths. */
  readonly sqlPath: string;
  readonly configPath: string;
  /** Paths relative to the project root, for messages. */
  readonly sqlFile: string;
  readonly configFile: string;
}

/** Directory defaults, as the original Rocky names them: `_defaults.toml` in any directory of the models. */
export const DEFAULTS_FILE = "_defaults.toml";
/** Config groups: `<models>/groups/NAME.toml`; not models. */
export const GROUPS_DIR = "groups";
/** The original's named test definitions; not a model. */
const TEST_DEFINITIONS_FILE = "test_definitions.toml";

export interface ListedModelFiles {
  readonly files: ModelFiles[];
  /** Absolute paths of every _defaults.toml. */
  readonly defaults: string[];
  /** Absolute paths of every groups/NAME.toml. */
  readonly groups: string[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Every `name.sql` + `name.toml` pair under `dir` (recursively); a file without its partner is an error. `_defaults.toml`
 * files, `groups/` and `test_definitions.toml` are listed apart: they configure models and are not models.
 */
export async function listModelFiles(dir: string, root: string): Promise<ListedModelFiles> {
  const display = (p: string) => relative(root, p) || p;
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })).map((e) => join(dir, e));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    return {
      files: [],
      defaults: [],
      groups: [],
      diagnostics: [
        diagnostic({
          code: "CONFIG_INVALID",
          message: `Models directory "${display(dir)}" does not exist`,
          hint: "Create it, or set `models = \"<dir>\"` in the transformation pipeline of rocky.toml",
        }),
      ],
    };
  }
  const stems = new Map<string, { sql?: string; toml?: string }>();
  const defaults: string[] = [];
  const groups: string[] = [];
  const groupsDir = join(dir, GROUPS_DIR) + sep;
  for (const path of entries.sort()) {
    if (path.startsWith(groupsDir)) {
      if (path.endsWith(".toml") && !path.slice(groupsDir.length).includes(sep)) groups.push(path);
      continue;
    }
    if (basename(path) === DEFAULTS_FILE) {
      defaults.push(path);
      continue;
    }
    if (path === join(dir, TEST_DEFINITIONS_FILE)) continue;
    // <model>.contract.toml beside a model is its contract, not a sidecar.
    const ext = path.endsWith(".sql") ? "sql" : path.endsWith(".toml") && !path.endsWith(CONTRACT_SUFFIX) ? "toml" : undefined;
    if (!ext) continue;
    const stem = path.slice(0, -(ext.length + 1));
    const pair = stems.get(stem) ?? {};
    pair[ext] = path;
    stems.set(stem, pair);
  }
  const files: ModelFiles[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const [stem, pair] of stems) {
    const name = basename(stem);
    if (pair.sql === undefined || pair.toml === undefined) {
      const have = (pair.sql ?? pair.toml) as string;
      const missing = pair.sql === undefined ? `${name}.sql` : `${name}.toml`;
      diagnostics.push(
        diagnostic({
          code: "MODEL_INVALID",
          message: `Model "${name}" has no "${missing}" next to "${display(have)}"`,
          hint: pair.sql === undefined ? "Add the model's SELECT in a .sql file of the same name, or remove the .toml" : sidecarHint(pair.sql, name),
          location: { file: display(have) },
          model: name,
        }),
      );
      continue;
    }
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) {
      diagnostics.push(
        diagnostic({
          code: "MODEL_INVALID",
          message: `Model name "${name}" is used twice: "${display(earlier)}" and "${display(pair.sql)}"`,
          hint: "Model names are file names and must be unique across the models directory; rename one",
          location: { file: display(pair.sql) },
          model: name,
        }),
      );
      continue;
    }
    seen.set(name.toLowerCase(), pair.sql);
    files.push({ name, sqlPath: pair.sql, configPath: pair.toml, sqlFile: display(pair.sql), configFile: display(pair.toml) });
  }
  return { files, defaults, groups, diagnostics };
}

/** The original Rocky's legacy form keeps the config in the .sql, between `---toml` and `---`: say where it goes now. */
function sidecarHint(sqlPath: string, name: string): string {
  if (/^\s*---toml\s*\n/.test(readFileSync(sqlPath, "utf8").slice(0, 64))) {
    return `Inline ---toml frontmatter (the original Rocky's legacy form) is not read: move the lines between ---toml and --- into ${name}.toml`;
  }
  return 'Add a sidecar .toml with at least [target] schema = "..."';
}
