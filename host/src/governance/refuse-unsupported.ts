import type { Capabilities } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { KeyPath } from "../config/locate-key.js";
import { RockyError, type SourceLocation } from "../errors.js";
import { governancePath, type GovernanceSpec } from "./governance-spec.js";

interface Need {
  readonly key: string;
  readonly asked: boolean;
  readonly capabilities: readonly (keyof Capabilities)[];
}

/**
 * Refuses, before anything runs, a [target.governance] the target adapter cannot honour (DuckDB has no tags, grants or
 * workspaces): silently skipping an access rule would leave data less protected than the config says.
 */
export function refuseUnsupportedGovernance(o: { pipeline: string; spec: GovernanceSpec; adapter: AdapterClient; locate: (path: KeyPath) => SourceLocation }): void {
  const { spec } = o;
  const needs: Need[] = [
    { key: "auto_create_catalogs", asked: spec.autoCreateCatalogs === true, capabilities: ["create_catalog"] },
    { key: "auto_create_schemas", asked: spec.autoCreateSchemas === true, capabilities: ["create_schema"] },
    { key: "tags", asked: Object.keys(spec.tags).length > 0, capabilities: ["governance"] },
    { key: "grants", asked: spec.catalogGrants.length > 0, capabilities: ["governance", "grants"] },
    { key: "schema_grants", asked: spec.schemaGrants.length > 0, capabilities: ["governance", "grants"] },
    { key: "isolation", asked: spec.isolation !== undefined, capabilities: ["workspace_bindings"] },
  ];
  for (const need of needs) {
    const missing = need.capabilities.filter((c) => !o.adapter.has(c));
    if (!need.asked || missing.length === 0) continue;
    const adapter = `"${o.adapter.name}" (${o.adapter.manifest.name})`;
    throw new RockyError(
      "ADAPTER_CAPABILITY_MISSING",
      `Pipeline "${o.pipeline}" sets [pipeline.${o.pipeline}.target.governance] ${need.key}, but its target adapter ${adapter} does not declare capability ${missing.map((c) => `"${c}"`).join(" and ")}`,
      {
        hint: need.key.startsWith("auto_create")
          ? `Remove ${need.key} (or set it to false) and create them beforehand, or target an adapter that can create them`
          : `Remove ${need.key} from [pipeline.${o.pipeline}.target.governance], or target an adapter that supports it (e.g. databricks)`,
        location: o.locate(governancePath(o.pipeline, need.key)),
      },
    );
  }
}
