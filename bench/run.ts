// Runs the benchmark suites (all, or those named on the command line) and writes bench/results/<timestamp>.{json,md}.
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createSuiteResult, type SuiteResult } from "./lib/figure.js";
import { machineInfo } from "./lib/machine.js";
import { BENCH } from "./lib/peers.js";
import { renderMarkdown, type BenchReport } from "./lib/report.js";
import { nowMs } from "./lib/stats.js";
import { crashSuite } from "./suites/crash.js";
import { dataSuite } from "./suites/data.js";
import { e2eSuite } from "./suites/e2e.js";
import { protocolSuite } from "./suites/protocol.js";
import { scaleSuite } from "./suites/scale.js";
import { startupSuite } from "./suites/startup.js";

const SUITES: Record<string, () => Promise<SuiteResult>> = {
  protocol: protocolSuite,
  startup: startupSuite,
  data: dataSuite,
  scale: scaleSuite,
  e2e: e2eSuite,
  crash: crashSuite,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in SUITES));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown suite ${unknown.map((n) => `"${n}"`).join(", ")}; choose from ${Object.keys(SUITES).join(", ")}\n`);
    process.exit(2);
  }
  const startedAt = new Date().toISOString();
  const report: BenchReport = { startedAt, machine: machineInfo(), suites: [] };
  for (const name of names.length > 0 ? names : Object.keys(SUITES)) {
    process.stderr.write(`bench: ${name}…\n`);
    const t0 = nowMs();
    let result: SuiteResult;
    try {
      result = await (SUITES[name] as () => Promise<SuiteResult>)();
    } catch (err) {
      result = createSuiteResult(name, name);
      result.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    }
    result.durationMs = nowMs() - t0;
    report.suites.push(result);
  }
  const dir = resolve(BENCH, "results");
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.replace(/[:.]/g, "-");
  const markdown = renderMarkdown(report);
  writeFileSync(resolve(dir, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(resolve(dir, `${stamp}.md`), markdown);
  process.stdout.write(markdown);
  process.stderr.write(`bench: wrote bench/results/${stamp}.{json,md}\n`);
}

await main();
