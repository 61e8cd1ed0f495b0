import type { PlannedModel, RunModelResult } from "@rocky/protocol";

/** Human lines for `rocky run`: one per model with what it did, then why anything failed or was skipped. */
export function formatModelResults(models: readonly RunModelResult[]): string[] {
  const width = Math.max(0, ...models.map((m) => m.name.length));
  const count = (s: RunModelResult["status"]) => models.filter((m) => m.status === s).length;
  const lines = [`models: ${count("succeeded")} succeeded, ${count("failed")} failed, ${count("skipped")} skipped`];
  for (const m of models) {
    const name = m.name.padEnd(width);
    if (m.status === "skipped") {
      lines.push(`  skipped  ${name}  ${m.skipped_because ?? "not run"}`);
      continue;
    }
    if (m.status === "failed") {
      lines.push(`  FAILED   ${name}  ${m.target}: ${m.error ? `${m.error.message} (${m.error.code})` : "failed"}`);
      if (m.error?.hint) lines.push(`           ${" ".repeat(width)}  hint: ${m.error.hint}`);
      continue;
    }
    const rows = m.rows_affected === null ? "" : `, ${m.rows_affected} row${m.rows_affected === 1 ? "" : "s"}`;
    const parts = m.partitions.length > 0 ? `, partitions ${summarize(m.partitions)}` : "";
    lines.push(`  ok       ${name}  ${m.target} ${m.strategy} (${m.reason})${rows}${parts}, ${m.duration_ms} ms`);
  }
  return lines;
}

/** Human lines for `rocky plan`: each model's strategy and reason, then its statements with their parameters. */
export function formatPlannedModels(models: readonly PlannedModel[]): string[] {
  const lines: string[] = [];
  for (const m of models) {
    const deps = m.depends_on.length > 0 ? ` after ${m.depends_on.join(", ")}` : "";
    lines.push(`-- model ${m.name} → ${m.target}: ${m.strategy} (${m.reason})${deps}`);
    if (m.statements.length === 0) lines.push("-- nothing to do");
    for (const s of m.statements) {
      if ("sql" in s) {
        if (s.params.length > 0) lines.push(`-- params: ${JSON.stringify(s.params)}`);
        lines.push(`${s.sql};`);
      } else {
        lines.push(`-- ${s.method} ${JSON.stringify(s.params)}`);
      }
    }
    lines.push("");
  }
  return lines;
}

function summarize(keys: readonly string[]): string {
  return keys.length <= 3 ? keys.join(", ") : `${keys[0]} … ${keys.at(-1)} (${keys.length})`;
}
