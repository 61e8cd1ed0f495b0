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
    // A real Redis server on loopback for the cache tests (fails the run when it cannot start).
    globalSetup: ["test/redis/global-setup.ts"],
  },
});
