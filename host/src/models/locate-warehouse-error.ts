import { RockyError, isRockyError } from "../errors.js";
import type { ModelPlan, Statement } from "../ir/index.js";

/** Where the model's SELECT starts in a statement: the number of lines the strategy wrote before it, or undefined. */
function linesBefore(sql: string, select: string): number | undefined {
  const at = sql.indexOf(select);
  if (at >= 0) return sql.slice(0, at).split("\n").length - 1;
  // Macros (@start_date) are rendered as placeholders: match the SELECT line by line, skipping the lines that hold one.
  const lines = sql.split("\n");
  const own = select.split("\n");
  for (let start = 0; start + own.length <= lines.length; start++) {
    if (own.every((line, i) => line.includes("@") || lines[start + i] === line)) return start;
  }
  return undefined;
}

/**
 * A warehouse error that names a line ("LINE 4:", as DuckDB and Postgres-like engines write it) counts the lines of the
 * statement sent, which wraps the model's SELECT in CREATE ... AS or MERGE; this points it at the model file's own line.
 */
export function locateWarehouseError(err: unknown, plan: ModelPlan, statements: readonly Statement[]): unknown {
  const message = err instanceof Error ? err.message : "";
  const match = /\bLINE (\d+):/.exec(message);
  if (!match || plan.sqlFile === undefined) return err;
  const offsets = statements.map((s) => linesBefore(s.sql, plan.select)).filter((n): n is number => n !== undefined);
  // Several statements holding the SELECT with different wrappers: the line is ambiguous.
  if (offsets.length === 0 || offsets.some((n) => n !== offsets[0])) return err;
  const line = Number(match[1]) - (offsets[0] as number);
  if (line < 1 || line > plan.select.split("\n").length) return err;
  return new RockyError(isRockyError(err) ? err.code : "ADAPTER_REQUEST_FAILED", `${plan.sqlFile}:${line}: ${message.replace(match[0], `LINE ${line}:`)}`, {
    hint: isRockyError(err) && err.hint ? err.hint : `Fix line ${line} of ${plan.sqlFile}; "rocky plan" shows the statement as sent`,
    location: { file: plan.sqlFile, line },
    cause: err,
  });
}
