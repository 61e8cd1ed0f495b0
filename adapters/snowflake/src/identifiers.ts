import { AdapterServerError, ErrorCodes } from "@rocky/protocol";

const IDENTIFIER = /^[a-zA-Z0-9_]+$/;

/** A name for SQL text: only ^[a-zA-Z0-9_]+$, left unquoted so Snowflake folds it to upper case as the host's dialect does. */
export function ident(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new AdapterServerError(ErrorCodes.InvalidParams, `Invalid ${what} ${JSON.stringify(name)}: names must match ^[a-zA-Z0-9_]+$`, { code: "INVALID_PARAMS" });
  }
  return name;
}

/** The name as Snowflake stores an unquoted identifier (upper case), for comparisons with INFORMATION_SCHEMA. */
export function storedName(name: string, what: string): string {
  return ident(name, what).toUpperCase();
}

/** `catalog.schema.table`, or `schema.table` when the catalog is "" (the session's database). */
export function tableRef(ref: { readonly catalog: string; readonly schema: string; readonly table: string }): string {
  return `${ref.catalog === "" ? "" : `${ident(ref.catalog, "catalog name")}.`}${ident(ref.schema, "schema name")}.${ident(ref.table, "table name")}`;
}

/** `catalog.INFORMATION_SCHEMA`, or the session database's. */
export function informationSchema(catalog: string): string {
  return catalog === "" ? "INFORMATION_SCHEMA" : `${ident(catalog, "catalog name")}.INFORMATION_SCHEMA`;
}
