/**
 * Lexical helpers for the test server: walk Snowflake SQL outside string literals, quoted identifiers and comments.
 * Snowflake string literals may escape with a backslash or a doubled quote; $$...$$ is a string too.
 * https://docs.snowflake.com/en/sql-reference/data-types-text#string-constants
 */
export interface Segment {
  readonly text: string;
  /** "code" is plain SQL; the rest is copied through untouched. */
  readonly kind: "code" | "string" | "quoted" | "comment";
}

export function segments(sql: string): Segment[] {
  const out: Segment[] = [];
  let code = "";
  let i = 0;
  const flush = () => {
    if (code) out.push({ text: code, kind: "code" });
    code = "";
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    let end = -1;
    let kind: Segment["kind"] = "code";
    if (c === "'") {
      kind = "string";
      end = i + 1;
      while (end < sql.length) {
        if (sql[end] === "\\") end += 2;
        else if (sql[end] === "'" && sql[end + 1] === "'") end += 2;
        else if (sql[end] === "'") break;
        else end++;
      }
      end++;
    } else if (c === '"') {
      kind = "quoted";
      end = sql.indexOf('"', i + 1) + 1 || sql.length;
    } else if (c === "$" && next === "$") {
      kind = "string";
      end = sql.indexOf("$$", i + 2) + 2 || sql.length;
      if (end === 1) end = sql.length;
    } else if (c === "-" && next === "-") {
      kind = "comment";
      end = sql.indexOf("\n", i);
      if (end < 0) end = sql.length;
    } else if (c === "/" && next === "*") {
      kind = "comment";
      end = sql.indexOf("*/", i + 2);
      end = end < 0 ? sql.length : end + 2;
    }
    if (kind === "code") {
      code += c;
      i++;
      continue;
    }
    flush();
    out.push({ text: sql.slice(i, Math.min(end, sql.length)), kind });
    i = Math.min(end, sql.length);
  }
  flush();
  return out;
}

export interface SplitStatement {
  readonly sql: string;
  /** 1-based line of the request text on which the statement starts. */
  readonly line: number;
}

/** Splits a request's text on semicolons outside literals and comments; empty statements are dropped. */
export function splitStatements(text: string): SplitStatement[] {
  const out: SplitStatement[] = [];
  let current = "";
  let line = 1;
  let startLine = 1;
  const push = () => {
    const trimmed = current.trim();
    if (trimmed !== "" && !isOnlyComments(trimmed)) out.push({ sql: trimmed, line: startLine + leadingNewlines(current) });
    current = "";
  };
  for (const seg of segments(text)) {
    if (seg.kind !== "code") {
      current += seg.text;
      line += count(seg.text, "\n");
      continue;
    }
    for (const ch of seg.text) {
      if (ch === ";") {
        push();
        startLine = line;
        continue;
      }
      current += ch;
      if (ch === "\n") line++;
    }
  }
  push();
  return out;
}

/** The text with every plain-code character upper-cased: Snowflake folds unquoted identifiers to upper case. */
export function foldCase(sql: string): string {
  return segments(sql)
    .map((s) => (s.kind === "code" ? s.text.toUpperCase() : s.text))
    .join("");
}

/** Plain-code text only, for pattern matching on keywords: literals become "_" and comments spaces, keeping every offset. */
export function codeOnly(sql: string): string {
  return segments(sql)
    .map((s) => (s.kind === "code" ? s.text : blank(s.text, s.kind === "comment" ? " " : "_")))
    .join("");
}

/** Same length and line breaks, every other character `fill`. */
function blank(text: string, fill: string): string {
  return text
    .split("\n")
    .map((line) => fill.repeat(line.length))
    .join("\n");
}

function isOnlyComments(sql: string): boolean {
  return segments(sql).every((s) => s.kind === "comment" || s.text.trim() === "");
}

function leadingNewlines(text: string): number {
  const m = /^\s*/.exec(text);
  return m ? count(m[0], "\n") : 0;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
