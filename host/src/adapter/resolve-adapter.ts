import { accessSync, constants, existsSync, statSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { RockyError } from "../errors.js";
import type { AdapterSpec } from "./types.js";

/** adapters/ of this checkout: host/{src,dist}/adapter → ../../../adapters. */
export const FIRST_PARTY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "adapters");

export interface ResolveAdapterOptions {
  readonly name: string;
  readonly type: string;
  /** From rocky.toml: a program and its arguments, or one string split on whitespace. */
  readonly command?: string | readonly string[] | undefined;
  readonly config?: Readonly<Record<string, unknown>>;
  /** Directory of rocky.toml: the adapter's cwd and the base of a relative command. */
  readonly baseDir?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** PATH to search (defaults to process.env.PATH). */
  readonly searchPath?: string;
}

export function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findOnPath(program: string, searchPath = process.env.PATH ?? ""): string | undefined {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, program);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function firstPartyAdapter(type: string): string | undefined {
  const entry = join(FIRST_PARTY_DIR, type, "dist", "main.js");
  return /^[a-z0-9_-]+$/.test(type) && existsSync(entry) ? entry : undefined;
}

/** rocky.toml's command, else `rocky-adapter-<type>` or `rocky-<type>` on PATH, else the first-party adapter in this repo. */
export function resolveAdapter(options: ResolveAdapterOptions): AdapterSpec {
  const { name, type } = options;
  const base = {
    name,
    type,
    config: options.config ?? {},
    ...(options.baseDir ? { cwd: options.baseDir } : {}),
    ...(options.env ? { env: options.env } : {}),
  };
  if (options.command !== undefined) {
    const command = typeof options.command === "string" ? options.command.trim().split(/\s+/) : [...options.command];
    if (command.length === 0 || !command[0]) {
      throw new RockyError("ADAPTER_NOT_FOUND", `Adapter "${name}" has an empty command`, { hint: `Set command = ["program", "arg"] in [adapter.${name}]` });
    }
    const [program, ...args] = command as [string, ...string[]];
    const local = program.includes("/") && options.baseDir ? resolve(options.baseDir, program) : program;
    return { ...base, command: [local, ...args], origin: "config" };
  }
  for (const program of [`rocky-adapter-${type}`, `rocky-${type}`]) {
    const found = findOnPath(program, options.searchPath);
    if (found) return { ...base, command: [found], origin: "path" };
  }
  const entry = firstPartyAdapter(type);
  if (entry) return { ...base, command: [process.execPath, entry], origin: "builtin" };
  throw new RockyError("ADAPTER_NOT_FOUND", `Cannot find adapter type "${type}" for adapter "${name}": no command in rocky.toml, no rocky-adapter-${type} or rocky-${type} on PATH, and no first-party adapter of that type`, {
    hint: `Install the adapter so that rocky-adapter-${type} is on PATH, or set command = ["path/to/adapter"] in [adapter.${name}]`,
  });
}
