import { compileValidators, type AdapterHandlers } from "@rocky/protocol";
import type { Cursor } from "./cursor.js";
import { DuckDbDatabase } from "./duckdb-database.js";
import { catalogHandlers } from "./handlers/catalogs.js";
import { checksHandlers } from "./handlers/checks.js";
import { dialectHandlers } from "./handlers/dialect.js";
import { discoveryHandlers } from "./handlers/discovery.js";
import { queryPagingHandlers } from "./handlers/query-paging.js";
import { sqlParseHandlers } from "./handlers/sql-parse.js";
import { warehouseHandlers } from "./handlers/warehouse.js";
import { duckDbConfig } from "./manifest.js";

export interface DuckDbAdapter {
  readonly handlers: AdapterHandlers;
  /** Closes cursors, connections and the database. */
  close(): Promise<void>;
}

/** The DuckDB adapter's handlers; the database opens on `initialize`. */
export function createDuckDbAdapter(): DuckDbAdapter {
  let database: DuckDbDatabase | undefined;
  const cursors = new Map<string, Cursor>();
  const db = () => {
    if (!database) throw new Error("The database is not open");
    return database;
  };
  const closeCursors = async () => {
    const open = [...cursors.values()];
    cursors.clear();
    await Promise.all(open.map((c) => c.close()));
  };
  return {
    handlers: {
      initialize: async (params, ctx) => {
        const opening = DuckDbDatabase.open(duckDbConfig(params.config), ctx.log);
        // The server checks the initialize result next: compile that validator while DuckDB opens.
        compileValidators(["InitializeResult"]);
        database = await opening;
        ctx.log("info", `Opened DuckDB database "${database.mainCatalog}"`, { catalogs_dir: database.catalogsDir ?? null });
      },
      shutdown: () => closeCursors(),
      ...warehouseHandlers(db),
      ...queryPagingHandlers(db, cursors),
      ...discoveryHandlers(db),
      ...catalogHandlers(db),
      ...checksHandlers(db),
      ...dialectHandlers(),
      ...sqlParseHandlers(db),
    },
    async close() {
      await closeCursors();
      database?.close();
      database = undefined;
    },
  };
}
