// GET and PATCH /api/2.1/unity-catalog/bindings/{securable_type}/{securable_name}:
// https://docs.databricks.com/api/workspace/workspacebindings/getbindings and .../updatebindings
// PATCH body {add: [{workspace_id, binding_type}], remove: [...]}; both answer {bindings: [...]}.
// binding_type: BINDING_TYPE_READ_WRITE | BINDING_TYPE_READ_ONLY.
import { parseJsonBody, sendError, sendJson } from "../http-util.js";
import { catalogExists } from "../catalog-exists.js";
import type { Route } from "../route.js";

const BINDING_TYPES = new Set(["BINDING_TYPE_READ_WRITE", "BINDING_TYPE_READ_ONLY"]);

function route(method: "GET" | "PATCH", name: string): Route {
  return {
    name,
    method,
    pattern: /^\/api\/2\.1\/unity-catalog\/bindings\/([a-z_]+)\/([^/]+)$/,
    auth: true,
    async handle(ctx) {
      const [type, securable] = [ctx.match[1] ?? "", decodeURIComponent(ctx.match[2] ?? "")];
      if (type !== "catalog") return sendError(ctx.res, 400, "INVALID_PARAMETER_VALUE", `This test server binds catalogs only, not "${type}"`);
      if (!(await catalogExists(ctx.server.db, securable))) return sendError(ctx.res, 404, "CATALOG_DOES_NOT_EXIST", `Catalog '${securable}' does not exist.`);
      const key = `catalog/${securable.toLowerCase()}`;
      let bindings = ctx.server.bindings.get(key) ?? [];
      if (method === "PATCH") {
        const b = parseJsonBody(ctx.body);
        const add = (b?.add ?? []) as Array<{ workspace_id?: unknown; binding_type?: unknown }>;
        const remove = (b?.remove ?? []) as Array<{ workspace_id?: unknown }>;
        for (const entry of [...add, ...remove]) {
          if (typeof entry.workspace_id !== "number") return sendError(ctx.res, 400, "INVALID_PARAMETER_VALUE", "workspace_id must be a number");
        }
        for (const entry of add) {
          const bindingType = entry.binding_type ?? "BINDING_TYPE_READ_WRITE";
          if (typeof bindingType !== "string" || !BINDING_TYPES.has(bindingType)) {
            return sendError(ctx.res, 400, "INVALID_PARAMETER_VALUE", `Invalid binding_type ${JSON.stringify(bindingType)}`);
          }
        }
        const removed = new Set(remove.map((r) => r.workspace_id as number));
        const added = new Map(add.map((a) => [a.workspace_id as number, String(a.binding_type ?? "BINDING_TYPE_READ_WRITE")]));
        bindings = bindings.filter((x) => !removed.has(x.workspace_id) && !added.has(x.workspace_id));
        for (const [workspace_id, binding_type] of added) bindings.push({ workspace_id, binding_type });
        bindings.sort((a, b) => a.workspace_id - b.workspace_id);
        ctx.server.bindings.set(key, bindings);
      }
      sendJson(ctx.res, 200, { bindings });
    },
  };
}

export const getBindings = route("GET", "get-bindings");
export const updateBindings = route("PATCH", "update-bindings");
