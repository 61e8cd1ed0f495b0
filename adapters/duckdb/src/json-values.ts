import { DuckDBTypeId, JsonDuckDBValueConverter, type DuckDBValueConverter, type Json } from "@duckdb/node-api";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const SHORT_FRACTION = /^(-?\d+-\d\d-\d\d \d\d:\d\d:\d\d)\.(\d{1,5})(?!\d)/;

/** `2024-01-02 03:04:05.1` → `2024-01-02 03:04:05.100000`: the protocol's 'YYYY-MM-DD HH:MM:SS[.ffffff]'. */
export function normalizeTimestamp(text: string): string {
  return text.replace(SHORT_FRACTION, (_all, head: string, fraction: string) => `${head}.${fraction.padEnd(6, "0")}`);
}

/**
 * DuckDB values as protocol JSON: node-api's JSON conversion, except that integers within ±2^53 stay numbers
 * and timestamps carry six fractional digits when they have any. Decimals, dates and big integers are strings.
 */
export const toJsonValue: DuckDBValueConverter<Json> = (value, type, self) => {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT: {
      const n = value as bigint;
      return n >= MIN_SAFE && n <= MAX_SAFE ? Number(n) : n.toString();
    }
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return normalizeTimestamp(String(value));
    default:
      return JsonDuckDBValueConverter(value, type, self);
  }
};
