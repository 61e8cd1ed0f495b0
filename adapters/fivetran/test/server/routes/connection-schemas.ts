import { failure, ok } from "../envelope.js";
import type { Route } from "./route.js";

// Retrieve a Connection Schema Config: https://fivetran.com/docs/rest-api/api-reference/connection-schema/connection-schema-config
// GET /v1/connections/{connectionId}/schemas (formerly /v1/connectors/...). data: {enable_new_by_default,
// schema_change_handling, schemas: {<name>: {name_in_destination, enabled, tables: {<name>: {name_in_destination,
// enabled, sync_mode}}}}}. A new connection has no schema config until its first sync generates one
// (https://fivetran.com/docs/rest-api/tutorials/connection-schema-configuration-use-cases): answered 404 here.

export const connectionSchemas: Route = {
  pattern: /^\/v1\/(?:connections|connectors)\/([^/]+)\/schemas$/,
  handle(match, _query, account) {
    const id = decodeURIComponent(match[1] ?? "");
    const connection = account.connections.find((c) => c.id === id);
    if (!connection) return failure(404, "NotFound_Connection", `Connection with id '${id}' doesn't exist`);
    if (!connection.schemas) return failure(404, "NotFound_SchemaConfig", `Connection with id '${id}' doesn't have a schema config yet`);
    return ok({ enable_new_by_default: true, schema_change_handling: "ALLOW_ALL", schemas: connection.schemas });
  },
};
