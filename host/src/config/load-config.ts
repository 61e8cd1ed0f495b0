import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { parse, TomlError } from "smol-toml";
import type { AdapterSection, PipelineConfig, RockyConfig } from "@rocky/protocol";
import { RockyError, type SourceLocation } from "../errors.js";
import { checkConfig } from "./check-config.js";
import { formatKeyPath, indexKeyPositions, locateKey, type KeyPath } from "./locate-key.js";
import { registerSecret } from "../redact.js";
import { substituteEnv } from "./substitute-env.js";
import { validateConfig, type ConfigProblem } from "./validate-config.js";

export const DEFAULT_STATE_PATH = ".rocky/state";

/** rocky.toml, parsed, substituted and validated. */
export interface LoadedConfig {
  /** Absolute path of rocky.toml. */
  readonly file: string;
  /** Its directory: the base of relative paths and the cwd of adapter processes. */
  readonly dir: string;
  readonly raw: RockyConfig;
  readonly adapters: ReadonlyMap<string, AdapterSection>;
  readonly pipelines: ReadonlyMap<string, PipelineConfig>;
  /** Absolute directory of the state database. */
  readonly statePath: string;
  /** Where a key is written, for errors found after loading. */
  locate(path: KeyPath): SourceLocation;
}

export interface LoadConfigOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function problemsError(file: string, problems: readonly ConfigProblem[], locate: (path: KeyPath) => SourceLocation): RockyError {
  const [first] = problems as [ConfigProblem, ...ConfigProblem[]];
  const where = (p: ConfigProblem) => {
    const loc = locate(p.path);
    return loc.line === undefined ? loc.file : `${loc.file}:${loc.line}`;
  };
  if (problems.length === 1) {
    return new RockyError("CONFIG_INVALID", first.message, { location: locate(first.path), ...(first.hint ? { hint: first.hint } : {}) });
  }
  const lines = problems.map((p) => `  ${where(p)}: ${p.message}${p.hint ? ` (${p.hint.replace(/\.$/, "")})` : ""}`);
  return new RockyError("CONFIG_INVALID", `${problems.length} problems in "${file}":\n${lines.join("\n")}`, {
    location: locate(first.path),
    hint: "Fix each key listed above; unknown keys are rejected so typos do not go unnoticed",
  });
}

/** Reads rocky.toml: TOML syntax, `${VAR}` substitution, the config schema, then cross-references. */
export async function loadConfig(path: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const file = resolve(path);
  const shownFile = relative(process.cwd(), file).startsWith("..") || isAbsolute(relative(process.cwd(), file)) ? file : relative(process.cwd(), file);
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    throw new RockyError("CONFIG_NOT_FOUND", missing ? `Cannot read config "${path}": file not found` : `Cannot read config "${path}": ${(err as Error).message}`, {
      hint: "Run rocky in your project directory or pass --config path/to/rocky.toml",
      cause: err,
    });
  }

  let doc: unknown;
  try {
    doc = parse(source);
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    const reason = err.message.replace(/^Invalid TOML document: /, "").split("\n")[0] ?? "invalid TOML";
    throw new RockyError("CONFIG_INVALID", `Cannot parse "${path}": ${reason}`, {
      location: { file: shownFile, line: err.line, column: err.column },
      hint: `Fix the TOML syntax at line ${err.line}:\n${err.codeblock}`,
      cause: err,
    });
  }

  const positions = indexKeyPositions(source);
  const locate = (keyPath: KeyPath): SourceLocation => {
    const at = locateKey(positions, keyPath);
    return at ? { file: shownFile, line: at.line } : { file: shownFile };
  };

  const substituted = substituteEnv(doc, {
    env: options.env ?? process.env,
    // What the environment put into an adapter's command or config is a credential until proven otherwise.
    onSubstituted: (value, keyPath) => {
      if (keyPath[0] === "adapter") registerSecret(value);
    },
    onMissing: (variable, keyPath) =>
      new RockyError("CONFIG_ENV_MISSING", `Environment variable "${variable}" is not set (used by "${formatKeyPath(keyPath)}")`, {
        location: locate(keyPath),
        hint: `Export ${variable}, or give a default: \${${variable}:-value}`,
      }),
  });

  const schemaProblems = validateConfig(substituted);
  if (schemaProblems.length > 0) throw problemsError(shownFile, schemaProblems, locate);

  const config = substituted as RockyConfig;
  const crossProblems = checkConfig(config, (keyPath, template) => {
    throw new RockyError("IDENTIFIER_INVALID", `Template "${template}" at "${formatKeyPath(keyPath)}" cannot render a valid identifier: identifiers must match ^[a-zA-Z0-9_]+$`, {
      location: locate(keyPath),
      hint: "Use only letters, digits, underscores and {component} placeholders",
    });
  });
  if (crossProblems.length > 0) throw problemsError(shownFile, crossProblems, locate);

  const dir = dirname(file);
  return {
    file,
    dir,
    raw: config,
    adapters: new Map(Object.entries(config.adapter ?? {})),
    pipelines: new Map(Object.entries(config.pipeline ?? {})),
    statePath: resolve(dir, config.state?.path ?? DEFAULT_STATE_PATH),
    locate,
  };
}
