/** A table name in a FROM or JOIN clause: its parts unquoted, and where it is written. */
export interface TableNameSpan {
  readonly parts: readonly string[];
  readonly start: number;
  readonly end: number;
}

interface Token {
  readonly kind: "word" | "quoted" | "string" | "punct";
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Words that end a FROM clause at its own nesting level. */
const CLAUSE_END = new Set(["where", "group", "order", "having", "limit", "qualify", "window", "union", "except", "intersect", "minus", "offset", "fetch", "select"]);

/** Per nesting level: is it a query (top level or a parenthesised SELECT/WITH), what the next name would be, and where in a WITH list it is. */
interface Level {
  readonly query: boolean;
  mode: "none" | "table" | "after";
  cte: "none" | "name" | "after-name" | "after-group";
  first: boolean;
}

export interface TableNameScan {
  readonly spans: TableNameSpan[];
  /** Names of the query's CTEs (at any level), lower-cased: a one-part name equal to one of them is not a table. */
  readonly cteNames: Set<string>;
}

/**
 * Every table name written in a FROM or JOIN clause (comma lists included), found lexically: strings and comments are
 * skipped, `FROM` inside function calls (EXTRACT(x FROM y)) is not a clause, and a name followed by `(` is a table function.
 */
export function findTableNames(sql: string): TableNameSpan[] {
  return scanTableNames(sql).spans;
}

/** findTableNames() plus the CTE names of `WITH name [(columns)] AS [[NOT] MATERIALIZED] (query), ...` lists. */
export function scanTableNames(sql: string): TableNameScan {
  const tokens = tokenize(sql);
  const spans: TableNameSpan[] = [];
  const cteNames = new Set<string>();
  const levels: Level[] = [{ query: true, mode: "none", cte: "none", first: true }];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const level = levels.at(-1) as Level;
    const word = t.kind === "word" ? t.text.toLowerCase() : undefined;
    if (t.text === "(") {
      const next = tokens[i + 1]?.text.toLowerCase();
      level.first = false;
      levels.push({ query: next === "select" || next === "with", mode: "none", cte: "none", first: true });
      continue;
    }
    if (t.text === ")") {
      if (levels.length > 1) levels.pop();
      const parent = levels.at(-1);
      if (parent && parent.mode === "table") parent.mode = "after";
      // A CTE's column list or its body: AS follows only the column list.
      if (parent && parent.cte === "after-name") parent.cte = "after-group";
      continue;
    }
    if (!level.query) continue;
    const first = level.first;
    level.first = false;
    if (first && word === "with") {
      level.cte = "name";
      continue;
    }
    if (level.cte === "name") {
      if (word === "recursive") continue;
      if (t.kind === "word" || t.kind === "quoted") cteNames.add(unquote(t).toLowerCase());
      level.cte = "after-name";
      continue;
    }
    if (level.cte === "after-name" && (word === "as" || word === "not" || word === "materialized")) continue;
    if (level.cte === "after-group") {
      if (word === "as") {
        level.cte = "after-name";
        continue;
      }
      if (t.text === ",") {
        level.cte = "name";
        continue;
      }
    }
    level.cte = "none";
    if (word === "from" || word === "join") {
      level.mode = "table";
      continue;
    }
    // A join condition ends at the next JOIN or comma, like an alias does.
    if (word === "on" || word === "using") {
      level.mode = "after";
      continue;
    }
    if (t.text === "," && level.mode === "after") {
      level.mode = "table";
      continue;
    }
    if (word !== undefined && CLAUSE_END.has(word)) {
      level.mode = "none";
      continue;
    }
    // A file read by path (FROM 'data.csv') is not a table name.
    if (level.mode === "table" && t.kind === "string") {
      level.mode = "after";
      continue;
    }
    if (level.mode === "table" && (t.kind === "word" || t.kind === "quoted")) {
      let j = i;
      const parts = [unquote(t)];
      while (tokens[j + 1]?.text === "." && (tokens[j + 2]?.kind === "word" || tokens[j + 2]?.kind === "quoted")) {
        parts.push(unquote(tokens[j + 2] as Token));
        j += 2;
      }
      level.mode = "after";
      if (tokens[j + 1]?.text === "(") continue;
      if (word === "lateral" || word === "unnest") continue;
      spans.push({ parts, start: t.start, end: (tokens[j] as Token).end });
      i = j;
    }
  }
  return { spans, cteNames };
}

/** Replaces each table name for which `replacement` returns text; others stay as written. `spans`: findTableNames(sql), when known. */
export function rewriteTableReferences(
  sql: string,
  replacement: (span: TableNameSpan) => string | undefined,
  spans: readonly TableNameSpan[] = findTableNames(sql),
): string {
  let out = "";
  let last = 0;
  for (const span of spans) {
    const text = replacement(span);
    if (text === undefined) continue;
    out += sql.slice(last, span.start) + text;
    last = span.end;
  }
  return out + sql.slice(last);
}

function unquote(t: Token): string {
  if (t.kind !== "quoted") return t.text;
  const q = t.text[0] as string;
  return t.text.slice(1, -1).split(q + q).join(q);
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    if (/\s/.test(ch)) i++;
    else if (ch === "-" && sql[i + 1] === "-") i = sql.indexOf("\n", i) === -1 ? sql.length : sql.indexOf("\n", i) + 1;
    else if (ch === "/" && sql[i + 1] === "*") i = sql.indexOf("*/", i + 2) === -1 ? sql.length : sql.indexOf("*/", i + 2) + 2;
    else if (ch === "'" || ch === '"' || ch === "`") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) j += sql[j] === ch ? 2 : 1;
      tokens.push({ kind: ch === "'" ? "string" : "quoted", text: sql.slice(i, j + 1), start: i, end: j + 1 });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i, i + 256)) as RegExpExecArray;
      tokens.push({ kind: "word", text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
    } else {
      tokens.push({ kind: "punct", text: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}
