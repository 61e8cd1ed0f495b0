import type { TableRef } from "@rocky/protocol";
import { invalidParams } from "./adapter-errors.js";

const IDENTIFIER = /^[a-zA-Z0-9_]+$/;

/** Quotes a catalog, schema, table or column name for SQL this adapter builds; anything but ^[a-zA-Z0-9_]+$ is refused (-32602). */
export function quoteIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) {
    throw invalidParams(`Invalid ${what} ${JSON.stringify(name)}: identifiers must match ^[a-zA-Z0-9_]+$`);
  }
  return `"${name}"`;
}

/** `"catalog"."schema"."table"`, or `"schema"."table"` when the catalog is empty (the default database). */
export function quoteTableRef(ref: TableRef): string {
  const tail = `${quoteIdentifier(ref.schema, "schema name")}.${quoteIdentifier(ref.table, "table name")}`;
  return ref.catalog === "" ? tail : `${quoteIdentifier(ref.catalog, "catalog name")}.${tail}`;
}

/** A SQL string literal; used only for file paths in ATTACH, which takes no parameters. */
export function quoteLiteral(value: string): string {
  if (/[\0\n\r]/.test(value)) throw invalidParams(`Invalid path ${JSON.stringify(value)}: control characters are not allowed`);
  return `'${value.replaceAll("'", "''")}'`;
}
