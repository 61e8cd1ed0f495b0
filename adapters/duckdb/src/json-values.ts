import {
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  type DuckDBDataChunk,
  type DuckDBResult,
  type DuckDBType,
  type DuckDBValueConverter,
  type DuckDBVector,
  type Json,
} from "@duckdb/node-api";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const SHORT_FRACTION = /^(-?\d+-\d\d-\d\d \d\d:\d\d:\d\d)\.(\d{1,5})(?!\d)/;

// Read once: in the bundle every `DuckDBTypeId.X` is a getter call of esbuild's import wrapper.
const {
  BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, UTINYINT, USMALLINT, UINTEGER, UBIGINT, FLOAT, DOUBLE, HUGEINT, UHUGEINT,
  VARCHAR, DATE, TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_TZ,
} = DuckDBTypeId;

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
    case BIGINT:
    case UBIGINT:
    case HUGEINT:
    case UHUGEINT: {
      const n = value as bigint;
      return n >= MIN_SAFE && n <= MAX_SAFE ? Number(n) : n.toString();
    }
    case TIMESTAMP:
    case TIMESTAMP_S:
    case TIMESTAMP_MS:
    case TIMESTAMP_TZ:
      return normalizeTimestamp(String(value));
    default:
      return JsonDuckDBValueConverter(value, type, self);
  }
};

/**
 * Writes one column of a chunk into `rows[i][column]`, as toJsonValue would convert each value. Chosen once per column
 * type (columnWriter), so a page converts column by column with no per-value dispatch on the type.
 */
export type ColumnWriter = (vector: DuckDBVector, rows: unknown[][], column: number) => void;

/** The fields of node-api's vectors the fast writers read (typed arrays over DuckDB's own buffers); absent, the value-by-value path runs. */
interface VectorInternals {
  readonly items?: unknown;
  readonly dataView?: unknown;
  readonly validity?: { readonly data?: unknown; readonly offset?: unknown };
}

/** The validity bitmap as bytes (bit i set = value i is not NULL), null when every value is valid; undefined when unreadable. */
function validityBytes(vector: DuckDBVector): Uint8Array | null | undefined {
  const validity = (vector as unknown as VectorInternals).validity;
  if (!validity || validity.offset !== 0) return undefined;
  const { data } = validity;
  if (data === null) return null;
  return data instanceof BigUint64Array ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : undefined;
}

/** Value by value through toJsonValue: every type the fast writers do not cover, and vectors whose internals are not as expected. */
function byValue(type: DuckDBType): ColumnWriter {
  return (vector, rows, column) => {
    for (let i = 0; i < rows.length; i++) (rows[i] as unknown[])[column] = toJsonValue(vector.getItem(i), type, toJsonValue);
  };
}

/** A writer over a typed array of the vector's values: `convert` gets each non-NULL item. */
function typedWriter<A extends ArrayLike<unknown>>(
  isItems: (items: unknown) => items is A,
  convert: (items: A, i: number, vector: DuckDBVector) => unknown,
  fallback: ColumnWriter,
): ColumnWriter {
  return (vector, rows, column) => {
    const { items } = vector as unknown as VectorInternals;
    const valid = validityBytes(vector);
    if (valid === undefined || !isItems(items) || items.length !== rows.length) return fallback(vector, rows, column);
    for (let i = 0; i < rows.length; i++) {
      (rows[i] as unknown[])[column] = valid === null || (valid[i >> 3]! >> (i & 7)) & 1 ? convert(items, i, vector) : null;
    }
  };
}

const isInt8 = (a: unknown): a is Int8Array => a instanceof Int8Array;
const isInt16 = (a: unknown): a is Int16Array => a instanceof Int16Array;
const isInt32 = (a: unknown): a is Int32Array => a instanceof Int32Array;
const isUint8 = (a: unknown): a is Uint8Array => a instanceof Uint8Array;
const isUint16 = (a: unknown): a is Uint16Array => a instanceof Uint16Array;
const isUint32 = (a: unknown): a is Uint32Array => a instanceof Uint32Array;
const isFloat32 = (a: unknown): a is Float32Array => a instanceof Float32Array;
const isFloat64 = (a: unknown): a is Float64Array => a instanceof Float64Array;
const isBigInt64 = (a: unknown): a is BigInt64Array => a instanceof BigInt64Array;
const isBigUint64 = (a: unknown): a is BigUint64Array => a instanceof BigUint64Array;

const plain = (items: ArrayLike<number>, i: number) => items[i];
/** FLOAT and DOUBLE: NaN and ±Infinity are not JSON numbers; node-api sends them as strings. */
const jsonNumber = (items: ArrayLike<number>, i: number) => {
  const x = items[i] as number;
  return Number.isFinite(x) ? x : String(x);
};
const bigToJson = (items: ArrayLike<bigint>, i: number) => {
  const n = items[i] as bigint;
  return n >= MIN_SAFE && n <= MAX_SAFE ? Number(n) : n.toString();
};

const MICROS_PER_DAY = 86_400_000_000;
/** Days since 1970-01-01 of 0001-01-01 and of 9999-12-31: dates outside print with "(BC)" or 5+ digit years, left to node-api. */
const FIRST_DAY = -719_162;
const LAST_DAY = 2_932_896;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a day number in years 1..9999 (H. Hinnant's days_from_civil inverse). */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}`;
}

/** A small cache of day strings: a page's timestamps mostly share few days. */
function dateStrings(): (days: number) => string {
  const cache = new Map<number, string>();
  return (days) => {
    let text = cache.get(days);
    if (text === undefined) {
      if (cache.size > 4096) cache.clear();
      text = civilDate(days);
      cache.set(days, text);
    }
    return text;
  };
}

/** TIMESTAMP (microseconds) as 'YYYY-MM-DD HH:MM:SS[.ffffff]', exactly as toJsonValue prints it; outside ±2^53 µs (years 1685..2255) node-api's own formatting. */
function timestampWriter(type: DuckDBType): ColumnWriter {
  const date = dateStrings();
  const slow = (vector: DuckDBVector, i: number) => toJsonValue(vector.getItem(i), type, toJsonValue);
  return (vector, rows, column) => {
    const { items } = vector as unknown as VectorInternals;
    const valid = validityBytes(vector);
    if (valid === undefined || !isBigInt64(items) || items.length !== rows.length) return byValue(type)(vector, rows, column);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as unknown[];
      if (valid !== null && !((valid[i >> 3]! >> (i & 7)) & 1)) {
        row[column] = null;
        continue;
      }
      const micros = Number(items[i]);
      if (!Number.isSafeInteger(micros)) {
        row[column] = slow(vector, i);
        continue;
      }
      const days = Math.floor(micros / MICROS_PER_DAY);
      let rest = micros - days * MICROS_PER_DAY;
      const fraction = rest % 1_000_000;
      rest = (rest - fraction) / 1_000_000;
      const seconds = rest % 60;
      rest = (rest - seconds) / 60;
      const minutes = rest % 60;
      const hours = (rest - minutes) / 60;
      const time = `${two(hours)}:${two(minutes)}:${two(seconds)}`;
      row[column] = `${date(days)} ${time}${fraction === 0 ? "" : `.${String(fraction).padStart(6, "0")}`}`;
    }
  };
}

/** DATE as 'YYYY-MM-DD'; outside years 1..9999 (BC, infinity) node-api's own formatting. */
function dateWriter(type: DuckDBType): ColumnWriter {
  const date = dateStrings();
  return typedWriter(
    isInt32,
    (items, i, vector) => {
      const days = items[i] as number;
      return days >= FIRST_DAY && days <= LAST_DAY ? date(days) : toJsonValue(vector.getItem(i), type, toJsonValue);
    },
    byValue(type),
  );
}

const decoder = new TextDecoder();

/** VARCHAR: strings of up to 12 bytes are inline in the 16-byte string_t; longer ones are read by node-api. */
function varcharWriter(type: DuckDBType): ColumnWriter {
  const fallback = byValue(type);
  return (vector, rows, column) => {
    const { dataView } = vector as unknown as VectorInternals;
    const valid = validityBytes(vector);
    if (valid === undefined || !(dataView instanceof DataView) || dataView.byteLength !== rows.length * 16) return fallback(vector, rows, column);
    const bytes = new Uint8Array(dataView.buffer, dataView.byteOffset, dataView.byteLength);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as unknown[];
      if (valid !== null && !((valid[i >> 3]! >> (i & 7)) & 1)) {
        row[column] = null;
        continue;
      }
      const at = i * 16;
      const length = dataView.getUint32(at, true);
      if (length > 12) {
        row[column] = vector.getItem(i);
        continue;
      }
      let text = "";
      for (let b = at + 4; b < at + 4 + length; b++) {
        const byte = bytes[b] as number;
        if (byte >= 0x80) {
          text = decoder.decode(bytes.subarray(at + 4, at + 4 + length));
          break;
        }
        text += String.fromCharCode(byte);
      }
      row[column] = text;
    }
  };
}

function booleanWriter(type: DuckDBType): ColumnWriter {
  const fallback = byValue(type);
  return (vector, rows, column) => {
    const { dataView } = vector as unknown as VectorInternals;
    const valid = validityBytes(vector);
    // One byte per value when sizeof(bool) is 1, as on every platform DuckDB ships for; otherwise value by value.
    if (valid === undefined || !(dataView instanceof DataView) || dataView.byteLength !== rows.length) return fallback(vector, rows, column);
    for (let i = 0; i < rows.length; i++) {
      (rows[i] as unknown[])[column] = valid === null || (valid[i >> 3]! >> (i & 7)) & 1 ? dataView.getUint8(i) !== 0 : null;
    }
  };
}

/** The writer for one column type: chosen once per result, then run on every chunk. */
export function columnWriter(type: DuckDBType): ColumnWriter {
  const fallback = byValue(type);
  switch (type.typeId) {
    case BOOLEAN:
      return booleanWriter(type);
    case TINYINT:
      return typedWriter(isInt8, plain, fallback);
    case SMALLINT:
      return typedWriter(isInt16, plain, fallback);
    case INTEGER:
      return typedWriter(isInt32, plain, fallback);
    case UTINYINT:
      return typedWriter(isUint8, plain, fallback);
    case USMALLINT:
      return typedWriter(isUint16, plain, fallback);
    case UINTEGER:
      return typedWriter(isUint32, plain, fallback);
    case FLOAT:
      return typedWriter(isFloat32, jsonNumber, fallback);
    case DOUBLE:
      return typedWriter(isFloat64, jsonNumber, fallback);
    case BIGINT:
      return typedWriter(isBigInt64, bigToJson, fallback);
    case UBIGINT:
      return typedWriter(isBigUint64, bigToJson, fallback);
    case VARCHAR:
      return varcharWriter(type);
    case DATE:
      return dateWriter(type);
    case TIMESTAMP:
      return timestampWriter(type);
    default:
      return fallback;
  }
}

/** The rows of a chunk as protocol JSON, converted column by column with `writers` (one per column, from columnWriter). */
export function chunkRows(chunk: DuckDBDataChunk, writers: readonly ColumnWriter[]): unknown[][] {
  const count = chunk.rowCount;
  const width = writers.length;
  const rows = new Array<unknown[]>(count);
  for (let i = 0; i < count; i++) rows[i] = new Array<unknown>(width);
  for (let c = 0; c < width; c++) (writers[c] as ColumnWriter)(chunk.getColumnVector(c), rows, c);
  return rows;
}

/** Every row of a result as protocol JSON, converted column by column. */
export async function resultRows(result: DuckDBResult): Promise<unknown[][]> {
  const writers = result.columnTypes().map(columnWriter);
  const rows: unknown[][] = [];
  for (const chunk of await result.fetchAllChunks()) for (const row of chunkRows(chunk, writers)) rows.push(row);
  return rows;
}
