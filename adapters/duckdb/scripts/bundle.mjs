// Bundles dist/serve-duckdb.js (tsc's output) with @rocky/protocol and the npm dependencies into one ES module,
// dist/serve-duckdb.bundle.js, which dist/main.js runs while it is newer than the last `tsc -b`. Run by `npm run build`.
// Usage: node adapters/duckdb/scripts/bundle.mjs [outfile]
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ["dist/serve-duckdb.js"],
  outfile: process.argv[2] ?? "dist/serve-duckdb.bundle.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Loads the native addon of the running platform's package.
  external: ["@duckdb/node-bindings"],
  // The bundled CommonJS packages require Node built-ins.
  banner: { js: 'import { createRequire as __bundleCreateRequire } from "node:module";\nconst require = __bundleCreateRequire(import.meta.url);' },
  sourcemap: true,
  logLevel: "warning",
});
