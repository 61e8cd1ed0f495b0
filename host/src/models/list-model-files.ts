import { readdir } from "node:fs/promises";
import { basename, join, relative } from "node:path";
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

/** Every `name.sql` + `name.toml` pair under `dir` (recursively); a file without its partner is an error. */
export async function listModelFiles(dir: string, root: string): Promise<{ files: ModelFiles[]; diagnostics: Diagnostic[] }> {
  const display = (p: string) => relative(root, p) || p;
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })).map((e) => join(dir, e));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    return {
      files: [],
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
  for (const path of entries.sort()) {
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
          hint: pair.sql === undefined ? "Add the model's SELECT in a .sql file of the same name, or remove the .toml" : 'Add a sidecar .toml with at least [target] schema = "..."',
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
  return { files, diagnostics };
}
