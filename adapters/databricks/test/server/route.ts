import type { IncomingMessage, ServerResponse } from "node:http";
import type { DuckDBInstance } from "@duckdb/node-api";
import type { AuthState } from "./auth-state.js";
import type { Fault, FaultQueue } from "./faults.js";
import type { CatalogState } from "./sql-translation.js";
import type { StatementStore } from "./statements.js";

/** What every route sees of the server. */
export interface ServerState {
  readonly db: DuckDBInstance;
  readonly warehouseId: string;
  readonly workspaceId: number;
  readonly auth: AuthState;
  readonly faults: FaultQueue;
  readonly statements: StatementStore;
  readonly catalogs: CatalogState;
  /** securable "catalog/<name>" → workspace bindings. */
  readonly bindings: Map<string, Array<{ workspace_id: number; binding_type: string }>>;
  readonly isolation: Map<string, "OPEN" | "ISOLATED">;
  chunkRows: number;
}

export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly body: string;
  readonly match: RegExpExecArray;
  readonly server: ServerState;
  /** A fault of kind runningPolls taken for this call, for the route to apply. */
  readonly fault: Fault | undefined;
}

export interface Route {
  readonly name: string;
  readonly method: "GET" | "POST" | "PATCH";
  readonly pattern: RegExp;
  /** Needs a bearer token (every route but the token endpoint). */
  readonly auth: boolean;
  handle(ctx: RouteContext): void | Promise<void>;
}
