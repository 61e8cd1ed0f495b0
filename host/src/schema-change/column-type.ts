import { isValidIdentifier } from "../sql/identifiers.js";

/** What a column type means for comparisons, whatever a warehouse (or a contract, in Rocky type names) calls it. */
export type TypeFamily =
  | "boolean" | "int8" | "int16" | "int32" | "int64" | "int128" | "float32" | "float64" | "decimal" | "string"
  | "binary" | "date" | "time" | "timestamp" | "timestamptz" | "other";

/** A column type read through a strict grammar: words that are identifiers, optional arguments, optional `[]` suffixes. */
export interface ColumnType {
  /** The type as it may be written into DDL: rebuilt from the parse, never the input text. */
  readonly sql: string;
  readonly family: TypeFamily;
  /** decimal: precision and scale; string: its length when bounded. */
  readonly precision?: number;
  readonly scale?: number;
  readonly length?: number;
}

/** Names of the families, upper case: warehouse spellings (DuckDB, Databricks, Snowflake, ANSI) and the original Rocky's type names. */
const FAMILIES: Readonly<Record<string, TypeFamily>> = {
  BOOLEAN: "boolean", BOOL: "boolean", LOGICAL: "boolean",
  TINYINT: "int8", INT1: "int8", BYTE: "int8", INT8_T: "int8",
  SMALLINT: "int16", INT2: "int16", SHORT: "int16", INT16: "int16",
  INTEGER: "int32", INT: "int32", INT4: "int32", SIGNED: "int32", INT32: "int32",
  BIGINT: "int64", INT8: "int64", LONG: "int64", INT64: "int64",
  HUGEINT: "int128", INT128: "int128",
  FLOAT: "float32", FLOAT4: "float32", REAL: "float32", FLOAT32: "float32",
  DOUBLE: "float64", FLOAT8: "float64", "DOUBLE PRECISION": "float64", FLOAT64: "float64",
  DECIMAL: "decimal", NUMERIC: "decimal", NUMBER: "decimal", DEC: "decimal",
  VARCHAR: "string", STRING: "string", TEXT: "string", CHAR: "string", BPCHAR: "string", NVARCHAR: "string", "CHARACTER VARYING": "string", CHARACTER: "string",
  BLOB: "binary", BYTEA: "binary", BINARY: "binary", VARBINARY: "binary",
  DATE: "date",
  TIME: "time",
  TIMESTAMP: "timestamp", DATETIME: "timestamp", TIMESTAMP_NTZ: "timestamp", TIMESTAMPNTZ: "timestamp",
  TIMESTAMPTZ: "timestamptz", "TIMESTAMP WITH TIME ZONE": "timestamptz", TIMESTAMP_TZ: "timestamptz", TIMESTAMP_LTZ: "timestamptz",
};

/** A bare DECIMAL's precision and scale per dialect (DuckDB 18,3; Databricks 10,0; Snowflake NUMBER 38,0). */
const DEFAULT_DECIMAL: Readonly<Record<string, readonly [number, number]>> = { duckdb: [18, 3], databricks: [10, 0], snowflake: [38, 0] };

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9]+/y;

/** Recursive-descent reader of `type := words [ "(" arg {"," arg} ")" ] { "[" [digits] "]" }`, `arg := digits | [field] type`. */
class Reader {
  private at = 0;
  constructor(private readonly text: string) {}
  private space(): void {
    while (this.text[this.at] === " ") this.at++;
  }
  private match(re: RegExp): string | undefined {
    this.space();
    re.lastIndex = this.at;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.at += m[0].length;
    return m[0];
  }
  private take(ch: string): boolean {
    this.space();
    if (this.text[this.at] !== ch) return false;
    this.at++;
    return true;
  }
  done(): boolean {
    this.space();
    return this.at === this.text.length;
  }
  /** A struct field name: an identifier, bare or in double quotes. */
  private field(): string | undefined {
    const start = this.at;
    if (this.take('"')) {
      const end = this.text.indexOf('"', this.at);
      const name = end < 0 ? "" : this.text.slice(this.at, end);
      if (!isValidIdentifier(name)) return undefined;
      this.at = end + 1;
      return name;
    }
    const word = this.match(WORD);
    // A field is followed by its type; a lone word is a type argument.
    const save = this.at;
    if (word !== undefined && this.match(WORD) !== undefined) {
      this.at = save;
      return word;
    }
    this.at = start;
    return undefined;
  }
  type(): { sql: string; name: string; args: number[] } | undefined {
    const words: string[] = [];
    for (let w = this.match(WORD); w !== undefined; w = this.match(WORD)) words.push(w.toUpperCase());
    if (words.length === 0) return undefined;
    const name = words.join(" ");
    let sql = name;
    const args: number[] = [];
    if (this.take("(")) {
      const parts: string[] = [];
      do {
        const n = this.match(NUMBER);
        if (n !== undefined) {
          args.push(Number(n));
          parts.push(n);
          continue;
        }
        const field = this.field();
        const inner = this.type();
        if (!inner) return undefined;
        parts.push(field === undefined ? inner.sql : `${field} ${inner.sql}`);
      } while (this.take(","));
      if (!this.take(")")) return undefined;
      sql += `(${parts.join(", ")})`;
    }
    while (this.take("[")) {
      const n = this.match(NUMBER) ?? "";
      if (!this.take("]")) return undefined;
      sql += `[${n}]`;
    }
    return { sql, name, args };
  }
}

/**
 * Parses a column type from a describe answer or a contract. Undefined for anything outside the grammar (quotes, ENUM
 * values, semicolons): such a type is never written into SQL. `dialect` fills in what a bare DECIMAL means.
 */
export function parseColumnType(text: string, dialect = "generic"): ColumnType | undefined {
  if (text.length > 500) return undefined;
  const reader = new Reader(text.trim());
  const parsed = reader.type();
  if (!parsed || !reader.done()) return undefined;
  const { sql, name, args } = parsed;
  const nested = sql.length > name.length && !/^[A-Z_ ]+\([0-9, ]+\)$/.test(sql);
  let family = nested ? "other" : (FAMILIES[name] ?? "other");
  // Snowflake's FLOAT is 64-bit; its NUMBER(p,0) holds the integers.
  if (family === "float32" && dialect === "snowflake") family = "float64";
  if (family === "decimal") {
    const [p, s] = args.length > 0 ? [args[0] as number, args[1] ?? 0] : (DEFAULT_DECIMAL[dialect] ?? [18, 3]);
    return { sql, family, precision: p, scale: s };
  }
  if (family === "string" && args.length === 1) return { sql, family, length: args[0] as number };
  return { sql, family };
}

/** The type as it may be written into DDL, or undefined when it is not safe to write (see parseColumnType). */
export function safeDataType(text: string): string | undefined {
  return parseColumnType(text)?.sql;
}

/** For messages: the type as the warehouse or the contract wrote it. */
export function showType(text: string | undefined): string {
  return text === undefined ? "none" : JSON.stringify(text);
}
