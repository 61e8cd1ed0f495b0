import { AdapterServerError, type ColumnInfo, type TableRef } from "@rocky/protocol";
import type { DuckDbDatabase } from "./duckdb-database.js";
import { quoteTableRef } from "./identifiers.js";

// An empty catalog means the main database; DuckDB matches identifiers case-insensitively.
const WHERE_TABLE =
  "lower(table_catalog) = lower(coalesce(nullif(?, ''), current_database())) AND lower(table_schema) = lower(?) AND lower(table_name) = lower(?)";
const MISSING = /^(Catalog|Binder) Error: .*does not exist/;
const UNBOUND = /^(Catalog|Binder) Error: /;

/** `"catalog"."schema"."table"` as a string value (bound, never spliced into SQL); the main catalog's name may need escaping. */
const qualifiedName = (parts: readonly string[]) => parts.map((p) => `"${p.replaceAll('"', '""')}"`).join(".");

/**
 * The columns of a table or view, undefined when there is none. pragma_table_info looks up one catalog entry;
 * information_schema.columns, the reference answer, builds a row for every column of every catalog (tens of ms at
 * 10,000 tables), so it is asked only for a view that no longer binds, which pragma_table_info cannot describe.
 */
export async function tableColumns(db: DuckDbDatabase, signal: AbortSignal, ref: TableRef): Promise<ColumnInfo[] | undefined> {
  quoteTableRef(ref);
  const name = qualifiedName([ref.catalog === "" ? db.mainCatalog : ref.catalog, ref.schema, ref.table]);
  try {
    const { rows } = await db.query(signal, 'SELECT name, type, "notnull" FROM pragma_table_info(?) ORDER BY cid', [name]);
    return rows.map(([column, type, notNull]) => ({ name: String(column), data_type: String(type), nullable: notNull !== true }));
  } catch (error) {
    if (signal.aborted || !(error instanceof AdapterServerError)) throw error;
    if (!UNBOUND.test(error.message)) throw error;
    if (MISSING.test(error.message) && !(await isView(db, signal, ref))) return undefined;
  }
  const { rows } = await db.query(
    signal,
    `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE ${WHERE_TABLE} ORDER BY ordinal_position`,
    [ref.catalog, ref.schema, ref.table],
  );
  return rows.length === 0 ? undefined : rows.map(([column, type, nullable]) => ({ name: String(column), data_type: String(type), nullable: nullable === "YES" }));
}

/** A view whose query no longer binds (a table it reads was dropped) still exists; duckdb_views() scans views only. */
async function isView(db: DuckDbDatabase, signal: AbortSignal, ref: TableRef): Promise<boolean> {
  const { rows } = await db.query(
    signal,
    `SELECT count(*) FROM duckdb_views() WHERE lower(database_name) = lower(coalesce(nullif(?, ''), current_database()))
       AND lower(schema_name) = lower(?) AND lower(view_name) = lower(?)`,
    [ref.catalog, ref.schema, ref.table],
  );
  return rows[0]?.[0] !== 0;
}
