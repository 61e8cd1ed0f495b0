// GET /api/2.1/unity-catalog/catalogs/{name}: https://docs.databricks.com/api/workspace/catalogs/get (CatalogInfo:
// name, isolation_mode OPEN | ISOLATED, ...).
import { catalogExists } from "../catalog-exists.js";
import { sendError, sendJson } from "../http-util.js";
import type { Route } from "../route.js";

export const getCatalog: Route = {
  name: "get-catalog",
  method: "GET",
  pattern: /^\/api\/2\.1\/unity-catalog\/catalogs\/([^/]+)$/,
  auth: true,
  async handle({ res, match, server }) {
    const name = decodeURIComponent(match[1] ?? "").toLowerCase();
    if (!(await catalogExists(server.db, name))) return sendError(res, 404, "CATALOG_DOES_NOT_EXIST", `Catalog '${name}' does not exist.`);
    sendJson(res, 200, { name, isolation_mode: server.isolation.get(name) ?? "OPEN", catalog_type: "MANAGED_CATALOG" });
  },
};
