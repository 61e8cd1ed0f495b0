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
  },
});
