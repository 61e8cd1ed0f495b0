import { readdirSync, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import { FIRST_PARTY_DIR, firstPartyAdapter, isExecutable, resolveAdapter } from "./resolve-adapter.js";
import type { AdapterSpec } from "./types.js";

/** An adapter executable found on PATH, or a first-party adapter of this checkout. */
export interface AdapterCandidate {
  /** The adapter type it serves. */
  readonly name: string;
  readonly program: string;
  readonly path: string;
  readonly origin: "path" | "builtin";
  /** Whether `type = "<name>"` without a command starts this one. */
  readonly used: boolean;
  readonly spec: AdapterSpec;
}

/** The adapter type a PATH program serves: rocky-adapter-<type> or rocky-<type>; undefined for anything else. */
export function adapterTypeOf(program: string): string | undefined {
  const type = program.startsWith("rocky-adapter-") ? program.slice("rocky-adapter-".length) : program.startsWith("rocky-") ? program.slice("rocky-".length) : "";
  return /^[a-zA-Z0-9_-]+$/.test(type) && type !== "lsp" ? type : undefined;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A first-party adapter's committed bin shim (what npm links into node_modules/.bin) runs its dist/main.js: one adapter. */
function adapterFile(path: string): string {
  const real = realPath(path);
  const shim = /^(.*)[/\\]bin[/\\]main\.js$/.exec(real);
  return shim && realPath(join(shim[1] as string, "..")) === realPath(FIRST_PARTY_DIR) ? join(shim[1] as string, "dist", "main.js") : real;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * Every rocky-adapter-* and rocky-* executable on PATH (the first of each program name, and of each file reached under
 * several names, a first-party adapter's linked bin and its build counting as one) and every built first-party adapter, sorted by name with the one `rocky run` would start first.
 */
export function findAdapterCandidates(searchPath = process.env.PATH ?? ""): AdapterCandidate[] {
  const found: Omit<AdapterCandidate, "used" | "spec">[] = [];
  const programs = new Set<string>();
  const files = new Set<string>();
  const add = (c: Omit<AdapterCandidate, "used" | "spec">) => {
    const real = adapterFile(c.path);
    if (programs.has(c.program) || files.has(real)) return;
    programs.add(c.program);
    files.add(real);
    found.push(c);
  };
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    for (const program of listDir(dir)) {
      const name = adapterTypeOf(program);
      if (name !== undefined && isExecutable(join(dir, program))) add({ name, program, path: join(dir, program), origin: "path" });
    }
  }
  for (const name of listDir(FIRST_PARTY_DIR)) {
    const entry = firstPartyAdapter(name);
    if (entry) add({ name, program: `adapters/${name}`, path: entry, origin: "builtin" });
  }
  const candidates = found.map((c) => {
    const spec = resolveAdapter({ name: c.name, type: c.name, searchPath });
    const used = realPath(spec.command.at(-1) ?? "") === realPath(c.path);
    const command = c.origin === "builtin" ? [process.execPath, c.path] : [c.path];
    return { ...c, used, spec: { ...spec, command, origin: c.origin } };
  });
  return candidates.sort((a, b) => a.name.localeCompare(b.name) || Number(b.used) - Number(a.used) || a.path.localeCompare(b.path));
}

