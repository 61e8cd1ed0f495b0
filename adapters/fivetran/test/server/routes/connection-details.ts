import { failure, ok } from "../envelope.js";
import { connectionItem } from "./list-group-connections.js";
import type { Route } from "./route.js";

// Retrieve Connection Details: https://fivetran.com/docs/rest-api/api-reference/connections/connection-details
// GET /v1/connections/{connectionId} (formerly /v1/connectors/...): the same object as a list item.

export const connectionDetails: Route = {
  pattern: /^\/v1\/(?:connections|connectors)\/([^/]+)$/,
  handle(match, _query, account) {
    const id = decodeURIComponent(match[1] ?? "");
    const connection = account.connections.find((c) => c.id === id);
    return connection ? ok(connectionItem(connection)) : failure(404, "NotFound_Connection", `Connection with id '${id}' doesn't exist`);
  },
};
