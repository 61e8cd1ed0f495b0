import type { Grant, GovernanceAction, GovernanceBindingsResult, WorkspaceBinding } from "@rocky/protocol";
import { canonicalPrivilege, isOwnership } from "./governance-spec.js";

type Securable = GovernanceAction["securable"];

/**
 * GRANT what the config lists and the warehouse lacks; REVOKE what the warehouse has beyond it, for the principals the
 * config lists at this level (every principal with revokeUnlisted), never ownership.
 */
export function grantDiff(desired: readonly Grant[], current: readonly Grant[], revokeUnlisted: boolean): { grant: Grant[]; revoke: Grant[] } {
  const pair = (g: Grant) => `${g.principal}\0${canonicalPrivilege(g.privilege)}`;
  const wanted = new Set(desired.map(pair));
  const have = new Set(current.map(pair));
  const managed = new Set(desired.map((g) => g.principal));
  const grant = desired.filter((g) => !have.has(pair(g)));
  const revoke = current.filter((g) => !wanted.has(pair(g)) && (revokeUnlisted || managed.has(g.principal)) && !isOwnership(g.privilege));
  return { grant, revoke: [...new Map(revoke.map((g) => [pair(g), g])).values()] };
}

export function grantActions(securable: Securable, target: string, diff: { grant: Grant[]; revoke: Grant[] }): GovernanceAction[] {
  return [
    ...diff.revoke.map((g): GovernanceAction => ({ action: "revoke", securable, target, principal: g.principal, privilege: g.privilege })),
    ...diff.grant.map((g): GovernanceAction => ({ action: "grant", securable, target, principal: g.principal, privilege: g.privilege })),
  ];
}

/** Isolate the catalog if it is open; bind the workspaces missing (or bound with other access); unbind the rest. */
export function bindingActions(catalog: string, desired: readonly WorkspaceBinding[], current: GovernanceBindingsResult): GovernanceAction[] {
  const have = new Map(current.bindings.map((b) => [b.workspace_id, b.access]));
  const wanted = new Set(desired.map((b) => b.workspace_id));
  return [
    ...(current.isolated ? [] : [{ action: "isolate", securable: "catalog", target: catalog } satisfies GovernanceAction]),
    ...desired.filter((b) => have.get(b.workspace_id) !== b.access).map((b): GovernanceAction => ({ action: "bind", securable: "catalog", target: catalog, workspace_id: b.workspace_id, access: b.access })),
    ...current.bindings.filter((b) => !wanted.has(b.workspace_id)).map((b): GovernanceAction => ({ action: "unbind", securable: "catalog", target: catalog, workspace_id: b.workspace_id })),
  ];
}

/** The tags whose value differs from what Rocky last set on this securable (all of them when it never did). */
export function tagsToSet(desired: Readonly<Record<string, string>>, applied: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(desired).filter(([k, v]) => applied?.[k] !== v));
}
