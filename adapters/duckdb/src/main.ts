#!/usr/bin/env node
import { fileURLToPath } from "node:url";
import { bundleIsFresh, loadBundle } from "./load-bundle.js";
import type * as ServeDuckDb from "./serve-duckdb.js";

// `npm run build` also writes serve-duckdb.bundle.cjs: this adapter, @rocky/protocol and their dependencies in one file,
// run with V8's code cache: it starts ~50 ms sooner than ~400 modules. It runs only when newer than the last `tsc -b`
// of the packages it bundles, so a plain `tsc -b` never leaves a stale bundle in charge.
const bundle = fileURLToPath(new URL("./serve-duckdb.bundle.cjs", import.meta.url));
const builds = [import.meta.url, import.meta.resolve("@rocky/protocol"), import.meta.resolve("@rocky/adapter-kit")].map((file) => fileURLToPath(new URL("./.tsbuildinfo", file)));
const { serveDuckDb } = bundleIsFresh(bundle, builds) ? (loadBundle(bundle).exports as typeof ServeDuckDb) : await import("./serve-duckdb.js");
serveDuckDb();
