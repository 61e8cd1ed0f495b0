import { escapeText } from "../escape-text.js";
import type { CliIo } from "./cli-io.js";

/** Text from an adapter or a file, safe on a terminal: control characters (escape sequences, newlines) shown as \uXXXX. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One JSON document on stdout. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export interface Column<R> {
  readonly header: string;
  readonly value: (row: R) => string;
  readonly align?: "left" | "right";
}

/** A compact table: upper-case headers, columns padded to their widest cell, two spaces apart, no trailing spaces. */
export function renderTable<R>(rows: readonly R[], columns: readonly Column<R>[]): string {
  const cells = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => escapeText(c.value(r))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (columns[i]?.align === "right" ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")
    .concat("\n");
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  return `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
