import { CATEGORY_ORDER } from "../check-catalog.js";
import type { CheckCategory, CheckResult, ConformanceReport } from "../types.js";
import { summarize } from "./summarize.js";

const LABELS: Readonly<Record<CheckCategory, string>> = {
  connection: "Connection", ddl: "DDL", dml: "DML", query: "Query", types: "Types", dialect: "Dialect",
  governance: "Governance", batch_checks: "Batch checks", discovery: "Discovery", protocol: "Protocol", lifecycle: "Lifecycle",
};

const flat = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

function line(r: CheckResult): string[] {
  const head = `  ${r.status === "passed" ? "+" : r.status === "failed" ? "X" : "-"} ${r.id.padEnd(24)}${r.tier.padEnd(10)}`;
  if (r.status === "skipped") return [`${head}SKIPPED (${flat(r.message) || "no reason given"})`];
  if (r.status === "passed") return [`${head}${`${r.durationMs}ms`.padEnd(8)}${flat(r.message)}`.trimEnd()];
  return [`${head}${r.expected ? "FAILED (expected)" : "FAILED"}: ${flat(r.message)}`, ...(r.hint ? [`      hint: ${flat(r.hint)}`] : [])];
}

/** The human report: results by category, then the totals and what to do next. */
export function formatHuman(report: ConformanceReport, options: { expectedFailuresFile?: string } = {}): string {
  const s = summarize(report);
  const version = [report.adapterVersion, report.sdkVersion && `SDK ${report.sdkVersion}`, report.protocolVersion !== null && `protocol ${report.protocolVersion}${report.legacyProtocol ? " (original)" : ""}`]
    .filter(Boolean);
  const out = [`Adapter conformance: ${report.adapter}${version.length > 0 ? ` (${version.join(", ")})` : ""}`, "=".repeat(50)];
  // With --only, the checks left out would drown the ones that ran.
  const unselected = report.results.filter((r) => r.status === "skipped" && r.message === "not selected").length;
  for (const category of CATEGORY_ORDER) {
    const results = report.results.filter((r) => r.category === category && !(r.status === "skipped" && r.message === "not selected"));
    if (results.length === 0) continue;
    out.push("", `${LABELS[category]}:`, ...results.flatMap(line));
  }
  out.push(
    "",
    `Result: ${s.passed} passed, ${s.failed} failed${s.expected.length > 0 ? ` (${s.expected.length} expected)` : ""}, ${s.skipped} skipped ` +
      `(core ${s.core.passed}/${s.core.run} passed, optional ${s.optional.passed}/${s.optional.run} passed) in ${(report.durationMs / 1000).toFixed(1)}s`,
  );
  if (unselected > 0) out.push(`${unselected} check(s) not selected by --only are not listed`);
  if (s.stale.length > 0) {
    out.push(`Stale expected failures (these now pass; remove them from ${options.expectedFailuresFile ?? "the expected-failures file"}): ${s.stale.join(", ")}`);
  }
  if (s.status === "skipped") out.push("", "NO CONFORMANCE CHECK RAN: every check was skipped, so nothing about this adapter was verified.");
  return `${out.join("\n")}\n`;
}
