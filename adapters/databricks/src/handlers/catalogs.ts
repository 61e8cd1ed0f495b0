import type { AdapterHandlers } from "@rocky/protocol";
import { quoteIdentifier } from "../identifiers.js";
import type { Runtime } from "../runtime.js";

/** catalog/create, catalog/drop and schema/create as Unity Catalog DDL, idempotent. */
export function catalogHandlers(rt: () => Runtime): AdapterHandlers {
  const run = async (sql: string, signal: AbortSignal) => {
    await rt().runner.run(sql, [], signal);
    return {};
  };
  return {
    "catalog/create": (p, ctx) => run(`CREATE CATALOG IF NOT EXISTS ${quoteIdentifier(p.catalog, "catalog name")}`, ctx.signal),
    "catalog/drop": (p, ctx) => run(`DROP CATALOG IF EXISTS ${quoteIdentifier(p.catalog, "catalog name")} CASCADE`, ctx.signal),
    "schema/create": (p, ctx) => {
      const catalog = p.catalog === "" ? "" : `${quoteIdentifier(p.catalog, "catalog name")}.`;
      return run(`CREATE SCHEMA IF NOT EXISTS ${catalog}${quoteIdentifier(p.schema, "schema name")}`, ctx.signal);
    },
  };
}
