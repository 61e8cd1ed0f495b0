// Bundles dist/cli/rocky-cli.js (tsc's output) with @rocky/protocol, @rocky/conformance and the npm dependencies into
// dist/bundle/: an entry chunk with yargs and the command table, one chunk per command, and chunks they share.
// dist/main.js runs it while it is newer than the last `tsc -b`. Run by `npm run build`.
// Usage: node host/scripts/bundle.mjs [outdir]
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
// dist/<dir>/ like dist/cli/: modules find templates/ and adapters/ three levels above their own file.
const outdir = process.argv[2] ?? "dist/bundle";
rmSync(join(root, outdir), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ["dist/cli/rocky-cli.js"],
  outdir,
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // A native addon, loaded from the running platform's package.
  external: ["lmdb"],
  // The bundled CommonJS packages require Node built-ins.
  banner: { js: 'import { createRequire as __bundleCreateRequire } from "node:module";\nconst require = __bundleCreateRequire(import.meta.url);' },
  sourcemap: true,
  logLevel: "warning",
});
