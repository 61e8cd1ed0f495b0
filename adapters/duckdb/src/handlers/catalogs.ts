import { AdapterServerError, ErrorCodes, type AdapterHandlers } from "@rocky/protocol";
import type { DuckDbDatabase } from "../duckdb-database.js";
import { quoteIdentifier } from "../identifiers.js";

/** catalog/create (a `<name>.duckdb` file in catalogs_dir, attached), catalog/drop (detached, file deleted) and schema/create. */
export function catalogHandlers(db: () => DuckDbDatabase): AdapterHandlers {
  return {
    "catalog/create": async (params, ctx) => {
      quoteIdentifier(params.catalog, "catalog name");
      if (await db().catalogExists(ctx.signal, params.catalog)) return {};
      if (db().readOnly) {
        throw new AdapterServerError(ErrorCodes.ExecutionFailed, `Cannot create catalog "${params.catalog}": the database is opened read_only`, {
          code: "EXECUTION_FAILED",
        });
      }
      const file = await db().attach(ctx.signal, params.catalog);
      ctx.log("info", `Created catalog "${params.catalog}"`, { file });
      return {};
    },

    "catalog/drop": async (params, ctx) => {
      quoteIdentifier(params.catalog, "catalog name");
      if (db().readOnly) {
        throw new AdapterServerError(ErrorCodes.ExecutionFailed, `Cannot drop catalog "${params.catalog}": the database is opened read_only`, {
          code: "EXECUTION_FAILED",
        });
      }
      const file = await db().drop(ctx.signal, params.catalog);
      ctx.log("info", `Dropped catalog "${params.catalog}"`, file ? { file } : {});
      return {};
    },

    "schema/create": async (params, ctx) => {
      const catalog = params.catalog === "" ? "" : `${quoteIdentifier(params.catalog, "catalog name")}.`;
      const schema = quoteIdentifier(params.schema, "schema name");
      await db().use(ctx.signal, (c) => c.run(`CREATE SCHEMA IF NOT EXISTS ${catalog}${schema}`));
      return {};
    },
  };
}
