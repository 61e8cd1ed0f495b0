import { failure, ok } from "../envelope.js";
import type { Route } from "./route.js";

// Retrieve Destination Details: https://fivetran.com/docs/rest-api/destinations (resource attributes: id, group_id,
// service, region, time_zone_offset, setup_status, config; config.database for Snowflake, config.catalog for Databricks).
// Destinations and groups map 1:1 and share their id.

export const destinationDetails: Route = {
  pattern: /^\/v1\/destinations\/([^/]+)$/,
  handle(match, _query, account) {
    const id = decodeURIComponent(match[1] ?? "");
    const destination = account.destinations.find((d) => d.id === id);
    return destination ? ok(destination) : failure(404, "NotFound_Destination", `Destination with id '${id}' doesn't exist`);
  },
};
