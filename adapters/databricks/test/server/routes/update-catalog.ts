// PATCH /api/2.1/unity-catalog/catalogs/{name}: https://docs.databricks.com/api/workspace/catalogs/update
// This server honours isolation_mode (OPEN | ISOLATED), which decides whether workspace bindings apply.
import { parseJsonBody, sendError, sendJson } from "../http-util.js";
import { catalogExists } from "../catalog-exists.js";
import type { Route } from "../route.js";

export const updateCatalog: Route = {
  name: "update-catalog",
  method: "PATCH",
  pattern: /^\/api\/2\.1\/unity-catalog\/catalogs\/([^/]+)$/,
  auth: true,
  async handle({ res, body, match, server }) {
    const name = decodeURIComponent(match[1] ?? "").toLowerCase();
    if (!(await catalogExists(server.db, name))) return sendError(res, 404, "CATALOG_DOES_NOT_EXIST", `Catalog '${name}' does not exist.`);
    const b = parseJsonBody(body);
    const mode = b?.isolation_mode;
    if (mode !== undefined && mode !== "OPEN" && mode !== "ISOLATED") {
      return sendError(res, 400, "INVALID_PARAMETER_VALUE", `isolation_mode must be OPEN or ISOLATED, got ${JSON.stringify(mode)}`);
    }
    if (mode !== undefined) server.isolation.set(name, mode);
    sendJson(res, 200, { name, isolation_mode: server.isolation.get(name) ?? "OPEN" });
  },
};
