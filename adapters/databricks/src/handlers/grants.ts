import type { AdapterHandlers, Grant } from "@rocky/protocol";
import { privilegeSql, quotePrincipal, securableSql } from "../identifiers.js";
import type { Runtime } from "../runtime.js";

/**
 * governance/apply_grants: one `GRANT privileges ON <securable> TO principal` (or `REVOKE ... FROM`) per principal,
 * in order, revokes first. Both are idempotent in Unity Catalog.
 * https://docs.databricks.com/en/sql/language-manual/security-grant.html and .../security-revoke.html
 */
export function grantsHandlers(rt: () => Runtime): AdapterHandlers {
  return {
    "governance/apply_grants": async (params, ctx) => {
      const securable = securableSql(params.target);
      const statements = [
        ...byPrincipal(params.revoke ?? []).map(([principal, privileges]) => `REVOKE ${privileges.join(", ")} ON ${securable.type} ${securable.sql} FROM ${quotePrincipal(principal)}`),
        ...byPrincipal(params.grant ?? []).map(([principal, privileges]) => `GRANT ${privileges.join(", ")} ON ${securable.type} ${securable.sql} TO ${quotePrincipal(principal)}`),
      ];
      for (const sql of statements) await rt().runner.run(sql, [], ctx.signal);
      if (statements.length > 0) ctx.log("info", `Applied ${statements.length} grant statement(s) on ${securable.type} ${securable.key}`);
      return {};
    },
  };
}

function byPrincipal(grants: readonly Grant[]): Array<[string, string[]]> {
  const map = new Map<string, string[]>();
  for (const g of grants) {
    const privileges = map.get(g.principal) ?? [];
    const privilege = privilegeSql(g.privilege);
    if (!privileges.includes(privilege)) privileges.push(privilege);
    map.set(g.principal, privileges);
  }
  return [...map];
}
