/** A column of `resultSetMetaData.rowType`. https://docs.snowflake.com/en/developer-guide/sql-api/reference#resultset-resultsetmetadata */
export interface RowTypeField {
  readonly name: string;
  readonly type: string;
  readonly scale?: number | null;
  readonly precision?: number | null;
  readonly nullable?: boolean;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The column's type as Snowflake spells it, e.g. NUMBER(38,0), VARCHAR, TIMESTAMP_NTZ. */
export function typeName(f: RowTypeField): string {
  switch (f.type.toLowerCase()) {
    case "fixed":
      return `NUMBER(${f.precision ?? 38},${f.scale ?? 0})`;
    case "real":
      return "FLOAT";
    case "text":
      return "VARCHAR";
    default:
      return f.type.toUpperCase();
  }
}

/**
 * A jsonv2 string value as protocol JSON, by the column's rowType
 * (https://docs.snowflake.com/en/developer-guide/sql-api/handling-responses#getting-the-data-from-the-results):
 * integers within ±2^53 as numbers and beyond as strings, decimals as strings, REAL as numbers, BOOLEAN as booleans,
 * DATE (days since the epoch) as 'YYYY-MM-DD', TIME as 'HH:MM:SS[.ffffff]', TIMESTAMP_* (seconds since the epoch,
 * TIMESTAMP_TZ followed by its offset) as 'YYYY-MM-DD HH:MM:SS[.ffffff]' in UTC, everything else as the string.
 */
export function convertValue(value: string | null, f: RowTypeField): unknown {
  if (value === null) return null;
  switch (f.type.toLowerCase()) {
    case "fixed": {
      if ((f.scale ?? 0) !== 0 || !/^-?\d+$/.test(value)) return value;
      const n = BigInt(value);
      return n >= -MAX_SAFE && n <= MAX_SAFE ? Number(n) : value;
    }
    case "real":
      return Number(value);
    case "boolean":
      return value === "true" || value === "1" || value === "TRUE";
    case "date":
      return dateText(BigInt(value));
    case "time": {
      const micros = epochMicros(value);
      return timeText(((micros % 86_400_000_000n) + 86_400_000_000n) % 86_400_000_000n);
    }
    case "timestamp_ntz":
    case "timestamp_ltz":
    case "timestamp_tz": {
      const micros = epochMicros(value.split(" ")[0] as string);
      const days = floorDiv(micros, 86_400_000_000n);
      return `${dateText(days)} ${timeText(micros - days * 86_400_000_000n)}`;
    }
    default:
      return value;
  }
}

export function convertRows(rows: readonly (readonly (string | null)[])[], rowType: readonly RowTypeField[]): unknown[][] {
  return rows.map((row) => row.map((v, i) => convertValue(v, rowType[i] ?? { name: "", type: "text" })));
}

/** "1709214330.123456789" → microseconds (nanoseconds truncated toward minus infinity). */
function epochMicros(text: string): bigint {
  const negative = text.startsWith("-");
  const [whole = "0", frac = ""] = text.replace(/^-/, "").split(".");
  const nanos = BigInt(whole) * 1_000_000_000n + BigInt((frac + "000000000").slice(0, 9));
  return floorDiv(negative ? -nanos : nanos, 1000n);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function dateText(days: bigint): string {
  return new Date(Number(days) * 86_400_000).toISOString().slice(0, 10);
}

/** Microseconds within a day → 'HH:MM:SS' with '.ffffff' when there is a fraction. */
function timeText(micros: bigint): string {
  const seconds = Number(micros / 1_000_000n);
  const frac = Number(micros % 1_000_000n);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, "0");
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return `${hh}:${mm}:${ss}${frac === 0 ? "" : `.${String(frac).padStart(6, "0")}`}`;
}
