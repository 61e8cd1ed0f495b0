#!/usr/bin/env node
// The `rocky` bin. npm links bins while `npm ci` installs, before the prepare script builds dist/, so the bin is this
// committed file and it runs the built entry point.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/main.js", import.meta.url);
if (existsSync(main)) await import(main.href);
else {
  process.stderr.write(`error: Cannot start rocky: "${fileURLToPath(main)}" is not built\nhint: Run "npm run build" (or "npm ci") at the repository root\n`);
  process.exitCode = 1;
}
