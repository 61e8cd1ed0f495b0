import { AimdController, isHttpError } from "@rocky/adapter-kit";
import type { DiscoveredSchema, DiscoveryListParams, DiscoveryListResult, HandlerContext } from "@rocky/protocol";
import { destinationSchemas } from "./destination-schemas.js";
import type { ApiConnection, FivetranApi } from "./fivetran-api.js";
import type { FivetranConfig } from "./manifest.js";

export interface DiscoverConnectionsOptions {
  readonly api: FivetranApi;
  readonly config: FivetranConfig;
  readonly params: DiscoveryListParams;
  readonly ctx: HandlerContext;
}

/** A connection whose schema config could not be read: `schema` is its destination schema (a database connector's prefix). */
type FailedConnection = NonNullable<DiscoveryListResult["failed"]>[number];

async function catalogOf(o: DiscoverConnectionsOptions): Promise<string> {
  if (o.config.catalog !== undefined) return o.config.catalog;
  const destination = await o.api.destination(o.config.destination_id, o.ctx.signal);
  const named = destination.config?.catalog ?? destination.config?.database;
  return typeof named === "string" ? named : "";
}

/** A connection that never synced has written nothing yet. */
const hasSynced = (c: ApiConnection) => typeof c.succeeded_at === "string" && c.succeeded_at !== "";

/**
 * The destination group's connections (all pages), then each synced one's schema config, `concurrency` at a time (the
 * bound halves while Fivetran answers 429), mapped to the warehouse schemas they write. A connection whose schema
 * config cannot be read is reported in `failed` and left out, so its tables are not copied and are not marked seen.
 */
export async function discoverConnections(o: DiscoverConnectionsOptions): Promise<DiscoveryListResult> {
  const { api, config, params, ctx } = o;
  const [catalog, connections] = await Promise.all([catalogOf(o), api.listConnections(config.destination_id, config.page_size ?? 100, ctx.signal)]);
  if (params.catalog !== undefined && params.catalog.toLowerCase() !== catalog.toLowerCase()) return { schemas: [] };
  const prefix = params.schema_prefix;
  const wanted = connections.filter((c) => hasSynced(c) && (prefix === undefined || c.schema.startsWith(prefix) || c.config?.schema_prefix?.startsWith(prefix)));
  const neverSynced = connections.filter((c) => !hasSynced(c)).length;
  if (neverSynced > 0) ctx.log("info", `${neverSynced} connection(s) never synced: nothing to discover in them yet`);

  const bound = new AimdController({ max: config.concurrency ?? 10 });
  const schemas: DiscoveredSchema[] = [];
  const failed: FailedConnection[] = [];
  let done = 0;
  await Promise.all(
    wanted.map((connection) =>
      bound.run(async (permit) => {
        try {
          const schemaConfig = await api.schemaConfig(connection.id, ctx.signal, (e) => e.rateLimited && permit.rateLimited());
          schemas.push(...destinationSchemas(catalog, connection, schemaConfig).filter((s) => prefix === undefined || s.schema.startsWith(prefix)));
        } catch (error) {
          if (ctx.signal.aborted || !isHttpError(error)) throw error;
          failed.push({ catalog, schema: connection.config?.schema_prefix ?? connection.schema, message: error.message, connector_id: connection.id });
          ctx.log("warn", `Cannot read the schema config of connection "${connection.id}" (${connection.schema}): ${error.message}`);
        } finally {
          ctx.progress(++done, wanted.length, "schema configs");
        }
      }, { signal: ctx.signal }),
    ),
  );
  schemas.sort((a, b) => (a.schema < b.schema ? -1 : a.schema > b.schema ? 1 : 0));
  return { schemas, ...(failed.length > 0 ? { failed } : {}) };
}
