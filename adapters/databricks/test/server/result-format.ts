// DuckDB results in the shapes of the Statement Execution API's ResultManifest and JSON_ARRAY data:
// https://docs.databricks.com/api/workspace/statementexecution/getstatement (manifest.schema.columns: name, position,
// type_name, type_text, type_precision, type_scale; "each non-null value is formatted as a string")
import { DuckDBTypeId, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";

export interface ColumnInfo {
  readonly name: string;
  readonly position: number;
  readonly type_name: string;
  readonly type_text: string;
  readonly type_precision?: number;
  readonly type_scale?: number;
}

export function columnInfo(name: string, type: DuckDBType, position: number): ColumnInfo {
  const text = String(type);
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(text);
  if (decimal) {
    const [precision, scale] = [Number(decimal[1]), Number(decimal[2])];
    return { name, position, type_name: "DECIMAL", type_text: `DECIMAL(${precision},${scale})`, type_precision: precision, type_scale: scale };
  }
  const [typeName, typeText] = typeNames(type);
  return { name, position, type_name: typeName, type_text: typeText };
}

function typeNames(type: DuckDBType): [string, string] {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return ["BOOLEAN", "BOOLEAN"];
    case DuckDBTypeId.TINYINT:
      return ["BYTE", "TINYINT"];
    case DuckDBTypeId.SMALLINT:
      return ["SHORT", "SMALLINT"];
    case DuckDBTypeId.INTEGER:
      return ["INT", "INT"];
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
      return ["LONG", "BIGINT"];
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
      return ["DECIMAL", "DECIMAL(38,0)"];
    case DuckDBTypeId.FLOAT:
      return ["FLOAT", "FLOAT"];
    case DuckDBTypeId.DOUBLE:
      return ["DOUBLE", "DOUBLE"];
    case DuckDBTypeId.DATE:
      return ["DATE", "DATE"];
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return ["TIMESTAMP", "TIMESTAMP"];
    case DuckDBTypeId.BLOB:
      return ["BINARY", "BINARY"];
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return ["ARRAY", "ARRAY<STRING>"];
    case DuckDBTypeId.STRUCT:
      return ["STRUCT", "STRUCT<>"];
    case DuckDBTypeId.MAP:
      return ["MAP", "MAP<STRING,STRING>"];
    case DuckDBTypeId.INTERVAL:
      return ["INTERVAL", "INTERVAL"];
    case DuckDBTypeId.SQLNULL:
      return ["NULL", "VOID"];
    default:
      return ["STRING", "STRING"];
  }
}

/** A DuckDB value as the API's string: booleans "true"/"false", timestamps ISO-8601 in UTC with a Z. */
export function formatValue(value: DuckDBValue, type: DuckDBType): string | null {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ: {
      const [date, time = "00:00:00"] = String(value).replace(/(\+00(:00)?)$/, "").split(" ");
      const [clock, fraction] = time.split(".");
      return `${date}T${clock}.${(fraction ?? "").padEnd(3, "0")}Z`;
    }
    default:
      return String(value);
  }
}
