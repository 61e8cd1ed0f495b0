/** A piece of Databricks SQL text. */
export interface SqlSegment {
  readonly kind: "code" | "string" | "identifier" | "comment";
  /** The text as written, delimiters included. */
  readonly text: string;
}

/**
 * Splits Databricks SQL into code, string literals ('...' and "...", backslash escapes, as Spark SQL reads them),
 * backquoted identifiers (`` ` `` doubled to escape) and comments (-- and block), so that rewriting code never
 * touches a literal. https://docs.databricks.com/en/sql/language-manual/sql-ref-literals.html
 */
export function lexSql(sql: string): SqlSegment[] {
  const segments: SqlSegment[] = [];
  let code = "";
  let i = 0;
  const flush = () => {
    if (code !== "") segments.push({ kind: "code", text: code });
    code = "";
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    let end = -1;
    let kind: SqlSegment["kind"] | undefined;
    if (c === "'" || c === '"') {
      kind = "string";
      end = i + 1;
      while (end < sql.length && sql[end] !== c) end += sql[end] === "\\" ? 2 : 1;
      end = Math.min(end + 1, sql.length);
    } else if (c === "`") {
      kind = "identifier";
      end = i + 1;
      while (end < sql.length) {
        if (sql[end] === "`" && sql[end + 1] === "`") end += 2;
        else if (sql[end] === "`") break;
        else end++;
      }
      end = Math.min(end + 1, sql.length);
    } else if (c === "-" && next === "-") {
      kind = "comment";
      const newline = sql.indexOf("\n", i);
      end = newline === -1 ? sql.length : newline;
    } else if (c === "/" && next === "*") {
      kind = "comment";
      const close = sql.indexOf("*/", i + 2);
      end = close === -1 ? sql.length : close + 2;
    }
    if (kind === undefined) {
      code += c;
      i++;
      continue;
    }
    flush();
    segments.push({ kind, text: sql.slice(i, end) });
    i = end;
  }
  flush();
  return segments;
}
