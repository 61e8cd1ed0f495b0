import type { Figure, SuiteResult } from "./figure.js";
import type { MachineInfo } from "./machine.js";
import { round } from "./stats.js";

export interface BenchReport {
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly suites: SuiteResult[];
}

const fmt = (v: number): string => {
  if (!Number.isFinite(v)) return String(v);
  const r = round(v, 3);
  return Math.abs(r) >= 10_000 ? Math.round(r).toLocaleString("en-US") : String(r);
};

function row(f: Figure): string {
  const baseline = f.baseline ? `${fmt(f.baseline.value)} ${f.unit} (${f.baseline.name})` : "";
  const ratio = f.ratio === undefined ? "" : `${round(f.ratio, 3)}x`;
  const target = f.target ? `${f.target.text} ${f.target.met ? "✅" : "❌"}` : "";
  return `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${baseline} | ${ratio} | ${target} |`;
}

export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const out = [
    `# Rocky benchmarks, ${report.startedAt}`,
    "",
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memory}, Node ${m.node}, ${m.python}, Linux ${m.kernel}, commit ${m.commit}.`,
  ];
  for (const s of report.suites) {
    out.push("", `## ${s.title}`, "");
    if (s.blocked) out.push(`Blocked: ${s.blocked}.`);
    if (s.error) out.push(`Failed: ${s.error}`);
    if (s.figures.length > 0) {
      out.push("| Measurement | Rocky | Baseline (same run) | Ratio | Target |", "|---|---|---|---|---|", ...s.figures.map(row));
    }
    if (s.notes.length > 0) out.push("", ...s.notes.map((n) => `- ${n}`));
    if (s.durationMs !== undefined) out.push("", `_Suite took ${(s.durationMs / 1000).toFixed(1)} s._`);
  }
  return `${out.join("\n")}\n`;
}
