import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { resolveAdapter } from "../../src/adapter/resolve-adapter.js";
import { spawnAdapter } from "../../src/adapter/spawn-adapter.js";
import type { AdapterClient, SpawnAdapterOptions } from "../../src/adapter/types.js";

export const FIXTURES = resolve(import.meta.dirname, "..", "..", "..", "test", "fixtures", "adapters");

/** A logger whose lines are kept for assertions. */
export function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split("\n")) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: pino({ level: "trace" }, stream), lines };
}

export function fixtureSpec(file: string, config: Record<string, unknown> = {}) {
  const program = file.endsWith(".py") ? "python3" : process.execPath;
  return resolveAdapter({ name: file.replace(/\.(mjs|py)$/, ""), type: "fixture", command: [program, join(FIXTURES, file)], config });
}

export async function spawnFixture(file: string, options: Partial<SpawnAdapterOptions> & { config?: Record<string, unknown> } = {}): Promise<AdapterClient> {
  const { logger } = captureLogger();
  return spawnAdapter({ spec: fixtureSpec(file, options.config), logger, shutdownGraceMs: 300, ...options });
}

/** True while the process runs; a zombie (exited, not yet reaped by its new parent) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Polls until the process is gone; false if it still runs after `ms`. */
export async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}
