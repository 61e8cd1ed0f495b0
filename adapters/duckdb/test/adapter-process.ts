import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect } from "vitest";
import { startAdapterProcess, type AdapterProcess } from "../../../test/support/adapter-process.js";

export const MAIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");

export type { AdapterProcess, WireMessage } from "../../../test/support/adapter-process.js";

/** The built DuckDB adapter (or `entry`) as a real process. */
export const startAdapter = (entry = MAIN): AdapterProcess => startAdapterProcess(entry);

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), "rocky-duckdb-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Per-test temporary directory and adapter processes, killed after each test, which also checks that no
 * adapter wrote anything but protocol lines to stdout. `open(config)` starts one and initializes it
 * with `path` = `<dir>/warehouse.duckdb` unless the config says otherwise.
 */
export function useAdapters() {
  let dir: ReturnType<typeof tempDir> | undefined;
  let running: AdapterProcess[] = [];
  beforeEach(() => {
    dir = tempDir();
    running = [];
  });
  afterEach(async () => {
    for (const adapter of running) {
      expect(adapter.junk).toEqual([]);
      adapter.kill();
      await adapter.exited;
    }
    dir?.remove();
  });
  const path = () => {
    if (!dir) throw new Error("useAdapters() is used outside a test");
    return dir.path;
  };
  const start = () => {
    const adapter = startAdapter();
    running.push(adapter);
    return adapter;
  };
  const open = async (config: object = {}) => {
    const adapter = start();
    await adapter.initialize({ path: join(path(), "warehouse.duckdb"), ...config });
    return adapter;
  };
  return { start, open, path };
}
