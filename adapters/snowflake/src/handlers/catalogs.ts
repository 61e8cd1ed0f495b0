import type { AdapterHandlers } from "@rocky/protocol";
import { ident } from "../identifiers.js";
import type { WarehouseSession } from "../warehouse-session.js";

/** catalog/create and catalog/drop (Snowflake databases) and schema/create, each idempotent. */
export function catalogHandlers(session: () => WarehouseSession): AdapterHandlers {
  return {
    "catalog/create": async (params, ctx) => {
      await session().statement(`CREATE DATABASE IF NOT EXISTS ${ident(params.catalog, "catalog name")}`, undefined, ctx.signal);
      return {};
    },
    "catalog/drop": async (params, ctx) => {
      await session().statement(`DROP DATABASE IF EXISTS ${ident(params.catalog, "catalog name")}`, undefined, ctx.signal);
      return {};
    },
    "schema/create": async (params, ctx) => {
      const catalog = params.catalog === "" ? "" : `${ident(params.catalog, "catalog name")}.`;
      await session().statement(`CREATE SCHEMA IF NOT EXISTS ${catalog}${ident(params.schema, "schema name")}`, undefined, ctx.signal);
      return {};
    },
  };
}
