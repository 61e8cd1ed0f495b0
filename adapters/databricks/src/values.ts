/** A result column as the manifest's schema describes it (https://docs.databricks.com/api/workspace/statementexecution/getstatement). */
export interface ResultColumn {
  readonly name: string;
  readonly type_name?: string;
  readonly type_text?: string;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INTEGER_TYPES = new Set(["BYTE", "SHORT", "INT", "LONG"]);
const NESTED_TYPES = new Set(["ARRAY", "STRUCT", "MAP"]);

/** A JSON_ARRAY value (a string, or null) as protocol JSON, by the column's type_name. */
export function convertValue(value: string | null, typeName: string | undefined): unknown {
  if (value === null) return null;
  const type = (typeName ?? "STRING").toUpperCase();
  if (INTEGER_TYPES.has(type)) {
    if (!/^-?\d+$/.test(value)) return value;
    const n = BigInt(value);
    return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : value;
  }
  if (type === "FLOAT" || type === "DOUBLE") {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  if (type === "BOOLEAN") return value === "true";
  if (type === "TIMESTAMP" || type === "TIMESTAMP_NTZ") return protocolTimestamp(value);
  if (NESTED_TYPES.has(type)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** `2024-01-02T03:04:05.120Z` → `2024-01-02 03:04:05.120000`; `.000` and no fraction → no fraction (UTC, the warehouse default). */
export function protocolTimestamp(value: string): string {
  const m = /^(\d{4,}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?(?:Z|[+-]00:?00)?$/.exec(value);
  if (!m) return value;
  const fraction = (m[3] ?? "").replace(/0+$/, "");
  return fraction === "" ? `${m[1]} ${m[2]}` : `${m[1]} ${m[2]}.${fraction.padEnd(6, "0").slice(0, 6)}`;
}

/** Converts a chunk's rows in place (the chunk is ours), by column. */
export function convertRows(rows: Array<Array<string | null>>, columns: readonly ResultColumn[]): unknown[][] {
  const types = columns.map((c) => c.type_name);
  for (const row of rows) for (let i = 0; i < row.length; i++) (row as unknown[])[i] = convertValue(row[i] ?? null, types[i]);
  return rows as unknown[][];
}
