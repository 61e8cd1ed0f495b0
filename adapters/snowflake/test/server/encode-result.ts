import { DuckDBTypeId, type DuckDBResult, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";

/**
 * Result columns and values as the SQL API sends them (format "jsonv2": every value a string or null).
 * https://docs.snowflake.com/en/developer-guide/sql-api/handling-responses#getting-the-data-from-the-results
 * FIXED as a decimal string, REAL as a number string, BOOLEAN "true"/"false", DATE as days since the epoch,
 * TIME/TIMESTAMP_NTZ/TIMESTAMP_LTZ as seconds since the epoch with 9 decimals, TIMESTAMP_TZ the same followed by a
 * space and the offset in minutes plus 1440, BINARY as hex.
 */
export interface RowTypeField {
  readonly name: string;
  readonly database: string;
  readonly schema: string;
  readonly table: string;
  readonly type: string;
  readonly scale: number | null;
  readonly precision: number | null;
  readonly length: number | null;
  readonly byteLength: number | null;
  readonly nullable: boolean;
  readonly collation: string | null;
}

export interface EncodedResult {
  readonly rowType: RowTypeField[];
  readonly rows: (string | null)[][];
}

export function field(name: string, type: string, extra: Partial<RowTypeField> = {}): RowTypeField {
  return { name, database: "", schema: "", table: "", type, scale: null, precision: null, length: null, byteLength: null, nullable: true, collation: null, ...extra };
}

function rowTypeOf(name: string, t: DuckDBType): RowTypeField {
  switch (t.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
      return field(name, "fixed", { precision: 38, scale: 0 });
    case DuckDBTypeId.DECIMAL: {
      const d = t as unknown as { width: number; scale: number };
      return field(name, "fixed", { precision: d.width, scale: d.scale });
    }
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return field(name, "real");
    case DuckDBTypeId.BOOLEAN:
      return field(name, "boolean");
    case DuckDBTypeId.DATE:
      return field(name, "date");
    case DuckDBTypeId.TIME:
      return field(name, "time", { scale: 9 });
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
      return field(name, "timestamp_ntz", { scale: 9 });
    case DuckDBTypeId.TIMESTAMP_TZ:
      return field(name, "timestamp_tz", { scale: 9 });
    case DuckDBTypeId.BLOB:
      return field(name, "binary", { length: 8388608, byteLength: 8388608 });
    case DuckDBTypeId.VARCHAR:
      return field(name, "text", { length: 16777216, byteLength: 16777216 });
    default:
      return field(name, "variant");
  }
}

/** Seconds since the epoch with 9 decimals, from microseconds. */
function epochSeconds(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / 1_000_000n;
  const frac = (abs % 1_000_000n).toString().padStart(6, "0");
  if (!negative) return `${whole}.${frac}000`;
  // -1.5 s is "-1.500000000": sign, then the absolute value.
  return `-${whole}.${frac}000`;
}

function encodeValue(value: DuckDBValue, t: DuckDBType): string | null {
  if (value === null) return null;
  switch (t.typeId) {
    case DuckDBTypeId.DATE:
      return String((value as unknown as { days: number }).days);
    case DuckDBTypeId.TIME:
      return epochSeconds((value as unknown as { micros: bigint }).micros);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
      return epochSeconds((value as unknown as { micros: bigint }).micros);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return `${epochSeconds((value as unknown as { micros: bigint }).micros)} 1440`;
    case DuckDBTypeId.BLOB:
      return Buffer.from((value as unknown as { bytes: Uint8Array }).bytes).toString("hex").toUpperCase();
    case DuckDBTypeId.BOOLEAN:
      return value ? "true" : "false";
    default:
      return String(value);
  }
}

export async function encodeResult(result: DuckDBResult): Promise<EncodedResult> {
  const names = result.columnNames();
  const types = result.columnTypes();
  const rowType = names.map((n, i) => rowTypeOf(n, types[i] as DuckDBType));
  const rows = (await result.getRows()).map((row) => row.map((v, i) => encodeValue(v, types[i] as DuckDBType)));
  return { rowType, rows };
}
