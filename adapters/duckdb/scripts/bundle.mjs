// Bundles dist/serve-duckdb.js (tsc's output) with @rocky/protocol and the npm dependencies into one CommonJS file,
// dist/serve-duckdb.bundle.cjs, which dist/main.js runs (with V8's code cache, src/load-bundle.ts) while it is newer than
// the last `tsc -b`. CommonJS because only a classic script can be compiled from a code cache. Run by `npm run build`.
// Usage: node adapters/duckdb/scripts/bundle.mjs [outfile]
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = process.argv[2] ?? "dist/serve-duckdb.bundle.cjs";
rmSync(join(root, `${outfile}.cache`), { force: true });

await build({
  absWorkingDir: root,
  entryPoints: ["dist/serve-duckdb.js"],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // Loads the native addon of the running platform's package.
  external: ["@duckdb/node-bindings"],
  sourcemap: true,
  logLevel: "warning",
});
