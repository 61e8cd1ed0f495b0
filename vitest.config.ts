import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@rocky/protocol": fileURLToPath(new URL("./protocol/src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["{protocol,host,adapters,conformance,test}/**/test/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "templates/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Most tests wait on child processes (adapters, DuckDB, the CLI), so one worker per core keeps both cores of a 2-core
    // machine busy; the default (cores - 1) left one idle and the suite took ~12.5 minutes instead of ~7.
    maxWorkers: Math.max(2, availableParallelism()),
    // A real Redis server on loopback for the cache tests (fails the run when it cannot start).
    globalSetup: ["test/redis/global-setup.ts"],
  },
});
