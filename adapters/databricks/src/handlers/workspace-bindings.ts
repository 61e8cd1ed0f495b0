import type { AdapterHandlers, GovernanceBindingsResult, WorkspaceBinding } from "@rocky/protocol";
import { quoteIdentifier } from "../identifiers.js";
import type { Runtime } from "../runtime.js";

// Unity Catalog REST: https://docs.databricks.com/api/workspace/workspacebindings (GET/PATCH
// /api/2.1/unity-catalog/bindings/catalog/{name}, body {add, remove}) and https://docs.databricks.com/api/workspace/catalogs/update
// (isolation_mode OPEN | ISOLATED: only an isolated catalog is limited to its bound workspaces).
const BINDING_TYPE = { read_write: "BINDING_TYPE_READ_WRITE", read_only: "BINDING_TYPE_READ_ONLY" } as const;

interface RestBinding {
  readonly workspace_id: number;
  readonly binding_type?: string;
}

function fromRest(b: RestBinding): WorkspaceBinding {
  return { workspace_id: b.workspace_id, access: b.binding_type === "BINDING_TYPE_READ_ONLY" ? "read_only" : "read_write" };
}

/** governance/get_bindings and governance/set_bindings (desired state: isolate, add what is missing, remove the rest). */
export function workspaceBindingsHandlers(rt: () => Runtime): AdapterHandlers {
  const bindingsPath = (catalog: string) => `/api/2.1/unity-catalog/bindings/catalog/${encodeURIComponent(catalog)}`;
  const catalogPath = (catalog: string) => `/api/2.1/unity-catalog/catalogs/${encodeURIComponent(catalog)}`;
  const read = async (catalog: string, signal: AbortSignal): Promise<GovernanceBindingsResult> => {
    const [{ body: info }, { body }] = await Promise.all([
      rt().http.request<{ isolation_mode?: string }>({ method: "GET", path: catalogPath(catalog), signal }),
      rt().http.request<{ bindings?: RestBinding[] }>({ method: "GET", path: bindingsPath(catalog), signal }),
    ]);
    return { isolated: info.isolation_mode === "ISOLATED", bindings: (body.bindings ?? []).map(fromRest) };
  };
  return {
    "governance/get_bindings": (params, ctx) => {
      quoteIdentifier(params.catalog, "catalog name");
      return read(params.catalog, ctx.signal);
    },

    "governance/set_bindings": async (params, ctx) => {
      quoteIdentifier(params.catalog, "catalog name");
      const current = await read(params.catalog, ctx.signal);
      if (!current.isolated) {
        await rt().http.request({ method: "PATCH", path: catalogPath(params.catalog), json: { isolation_mode: "ISOLATED" }, signal: ctx.signal });
      }
      const wanted = new Map(params.bindings.map((b) => [b.workspace_id, b.access]));
      const have = new Map(current.bindings.map((b) => [b.workspace_id, b.access]));
      const add = [...wanted].filter(([id, access]) => have.get(id) !== access).map(([workspace_id, access]) => ({ workspace_id, binding_type: BINDING_TYPE[access] }));
      const remove = [...have.keys()].filter((id) => !wanted.has(id)).map((workspace_id) => ({ workspace_id }));
      if (add.length === 0 && remove.length === 0) return { isolated: true, bindings: current.bindings };
      const { body } = await rt().http.request<{ bindings?: RestBinding[] }>({ method: "PATCH", path: bindingsPath(params.catalog), json: { add, remove }, signal: ctx.signal });
      ctx.log("info", `Workspace bindings of catalog "${params.catalog}": ${add.length} added, ${remove.length} removed`);
      return { isolated: true, bindings: (body.bindings ?? []).map(fromRest) };
    },
  };
}
