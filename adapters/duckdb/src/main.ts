#!/usr/bin/env node
import { bundleIsFresh } from "./fresh-bundle.js";
import type * as ServeDuckDb from "./serve-duckdb.js";

// `npm run build` also writes serve-duckdb.bundle.js: this adapter, @rocky/protocol and their dependencies in one file,
// which starts ~30 ms sooner than ~400 modules. It runs only when newer than the last `tsc -b` of both packages, so a
// plain `tsc -b` never leaves a stale bundle in charge.
const bundle = new URL("./serve-duckdb.bundle.js", import.meta.url);
const builds = [import.meta.url, import.meta.resolve("@rocky/protocol")].map((file) => new URL("./.tsbuildinfo", file));
const entry = bundleIsFresh(bundle, builds) ? bundle.href : "./serve-duckdb.js";
const { serveDuckDb } = (await import(entry)) as typeof ServeDuckDb;
serveDuckDb();
