/** The macros a time_interval model may use; each becomes a bound timestamp parameter. */
export const MACROS = ["@start_date", "@end_date"] as const;
export type MacroName = (typeof MACROS)[number];

export interface MacroUse {
  readonly name: MacroName;
  readonly offset: number;
}

/** Every @start_date / @end_date in `sql` outside string literals, quoted identifiers and comments, in order. */
export function findMacros(sql: string): MacroUse[] {
  const uses: MacroUse[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === "'" || ch === '"' || ch === "`") {
      i = skipQuoted(sql, i, ch);
    } else if (ch === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (ch === "@") {
      const name = MACROS.find((m) => sql.startsWith(m, i) && !/[a-zA-Z0-9_]/.test(sql[i + m.length] ?? ""));
      if (name) uses.push({ name, offset: i });
      i += name ? name.length : 1;
    } else {
      i++;
    }
  }
  return uses;
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

export interface Substituted {
  readonly text: string;
  /** Maps an offset in `text` back to the offset in the original SQL. */
  readonly originalOffset: (offset: number) => number;
}

/** Replaces each macro use with `replacement(name)`, keeping a map from new offsets to original ones. */
export function substituteMacros(sql: string, replacement: (name: MacroName) => string): Substituted {
  const uses = findMacros(sql);
  const shifts: { at: number; origAt: number; newLen: number; origLen: number }[] = [];
  let text = "";
  let last = 0;
  for (const use of uses) {
    text += sql.slice(last, use.offset);
    const repl = replacement(use.name);
    shifts.push({ at: text.length, origAt: use.offset, newLen: repl.length, origLen: use.name.length });
    text += repl;
    last = use.offset + use.name.length;
  }
  text += sql.slice(last);
  const originalOffset = (offset: number) => {
    let delta = 0;
    for (const s of shifts) {
      if (offset < s.at) break;
      if (offset < s.at + s.newLen) return s.origAt;
      delta = s.origAt + s.origLen - (s.at + s.newLen);
    }
    return offset + delta;
  };
  return { text, originalOffset };
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
