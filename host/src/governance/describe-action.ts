import type { GovernanceAction } from "@rocky/protocol";

/** One governance change in words, for the human plan and run output (escaped by the caller). */
export function describeAction(a: GovernanceAction): string {
  const on = `${a.securable} ${a.target}`;
  switch (a.action) {
    case "set_tags":
      return `set tags on ${on}: ${Object.entries(a.tags ?? {}).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ")}`;
    case "grant":
      return `grant ${a.privilege ?? ""} on ${on} to ${JSON.stringify(a.principal ?? "")}`;
    case "revoke":
      return `revoke ${a.privilege ?? ""} on ${on} from ${JSON.stringify(a.principal ?? "")}`;
    case "isolate":
      return `isolate ${on} (only bound workspaces may use it)`;
    case "bind":
      return `bind workspace ${a.workspace_id ?? ""} (${a.access ?? "read_write"}) to ${on}`;
    case "unbind":
      return `unbind workspace ${a.workspace_id ?? ""} from ${on}`;
    default:
      return `${a.action} ${on}`;
  }
}

/** The lines of a pipeline's governance report: each change, its status in a run, and why it failed. */
export function governanceLines(actions: readonly GovernanceAction[] | undefined): string[] {
  if (actions === undefined) return [];
  if (actions.length === 0) return ["governance: no change"];
  return actions.map((a) => {
    const status = a.status === undefined || a.status === "planned" ? "" : ` [${a.status}]`;
    return `governance: ${describeAction(a)}${status}${a.error ? `: ${a.error.code}: ${a.error.message}` : ""}`;
  });
}
