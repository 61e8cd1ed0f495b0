#!/usr/bin/env node
import type * as RockyCli from "./cli/rocky-cli.js";
import { bundleIsFresh } from "./fresh-bundle.js";

// `npm run build` also writes bundle/: the CLI, @rocky/protocol, @rocky/conformance and their dependencies in a few
// chunks, one per command plus what they share, which load ~100 ms sooner than ~500 modules. It runs only when newer
// than the last `tsc -b` of those packages, so a plain `tsc -b` never leaves a stale bundle in charge.
const bundle = new URL("./bundle/rocky-cli.js", import.meta.url);
const builds = [import.meta.url, import.meta.resolve("@rocky/protocol"), import.meta.resolve("@rocky/conformance")].map((file) => new URL("./.tsbuildinfo", file));
const entry = bundleIsFresh(bundle, builds) ? bundle.href : "./cli/rocky-cli.js";
const { runRockyCli } = (await import(entry)) as typeof RockyCli;
const code = await runRockyCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
