import { failure, page } from "../envelope.js";
import type { Connection } from "../fixture.js";
import type { Route } from "./route.js";

// List All Connections within a Group: https://fivetran.com/docs/rest-api/api-reference/groups/list-all-connectors-in-group
// GET /v1/groups/{groupId}/connections (formerly .../connectors; both are served) with schema, cursor and limit.
// Items: id, group_id, service, schema, paused, succeeded_at, failed_at, created_at, status {setup_state, sync_state,
// update_state, is_historical_sync, tasks, warnings}, config.

export function connectionItem(c: Connection): Record<string, unknown> {
  return {
    id: c.id,
    group_id: c.group_id,
    service: c.service,
    service_version: 1,
    schema: c.schema,
    connected_by: "concerning_batch",
    created_at: c.created_at,
    succeeded_at: c.succeeded_at,
    failed_at: c.failed_at,
    paused: c.paused,
    pause_after_trial: false,
    sync_frequency: 360,
    schedule_type: "auto",
    status: {
      setup_state: c.succeeded_at === null ? "incomplete" : "connected",
      sync_state: c.paused ? "paused" : "scheduled",
      update_state: "on_schedule",
      is_historical_sync: c.succeeded_at === null,
      tasks: [],
      warnings: [],
    },
    config: { ...c.config },
  };
}

export const listGroupConnections: Route = {
  pattern: /^\/v1\/groups\/([^/]+)\/(?:connections|connectors)$/,
  handle(match, query, account) {
    const groupId = decodeURIComponent(match[1] ?? "");
    if (!account.groups.some((g) => g.id === groupId)) return failure(404, "NotFound_Group", `Group with id '${groupId}' doesn't exist`);
    const schema = query.get("schema");
    const items = account.connections.filter((c) => c.group_id === groupId && (schema === null || c.schema === schema)).map(connectionItem);
    return page(items, query);
  },
};
