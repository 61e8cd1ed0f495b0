import type { Grant } from "@rocky/protocol";
import { show, type CheckContext, type CheckRun } from "./check-context.js";
import { expectEqual, fail, json } from "./expect.js";

/** A principal every warehouse of the dialect has, so granting to it needs no setup. */
function builtinPrincipal(ctx: CheckContext): string {
  return ctx.builtin.name === "databricks" ? "account users" : "PUBLIC";
}

function hasGrant(grants: readonly Grant[], principal: string, privilege: string): boolean {
  return grants.some((g) => g.principal.toLowerCase() === principal.toLowerCase() && g.privilege.toUpperCase().replace(/ /g, "_") === privilege);
}

/** describe_tables, governance/apply_grants and the workspace bindings methods. */
export const BULK_GOVERNANCE_CHECKS: Record<string, CheckRun> = {
  async batch_describe(ctx) {
    const t = ctx.sql.types;
    const a = ctx.sql.ref("bdesc_a");
    const b = ctx.sql.ref("bdesc_b");
    const missing = ctx.sql.ref("bdesc_missing");
    await ctx.sql.create(a, `id ${t.bigint} NOT NULL, name ${t.string}`);
    await ctx.sql.create(b, `created_at ${t.timestamp}, amount ${t.double}, flag ${t.boolean}`);
    const { tables } = await ctx.call("describe_tables", { tables: [a, missing, b] });
    expectEqual(tables.map((x) => `${x.table.toLowerCase()}:${x.exists}`), [`${a.table}:true`, `${missing.table}:false`, `${b.table}:true`], "describe_tables: tables in the order asked, with exists");
    expectEqual(tables[0]?.columns.map((c) => c.name.toLowerCase()), ["id", "name"], `describe_tables columns of ${show(a)}`);
    expectEqual(tables[2]?.columns.map((c) => c.name.toLowerCase()), ["created_at", "amount", "flag"], `describe_tables columns of ${show(b)}`);
    expectEqual(tables[1]?.columns, [], `describe_tables columns of the missing ${show(missing)}`);
    const single = await ctx.call("describe_table", a);
    expectEqual(tables[0]?.columns, single.columns, `describe_tables and describe_table of ${show(a)}`);
  },

  async apply_grants(ctx) {
    const target = ctx.sql.ref("grants_apply");
    await ctx.sql.create(target, `id ${ctx.sql.types.bigint}`);
    const principal = builtinPrincipal(ctx);
    const grant = [{ principal, privilege: "SELECT" }];
    await ctx.call("governance/apply_grants", { target, grant });
    await ctx.call("governance/apply_grants", { target, grant }).catch((err: unknown) => fail(`granting SELECT twice failed (${(err as Error).message}); apply_grants must be idempotent`));
    const granted = (await ctx.call("governance/get_grants", { target })).grants;
    if (!hasGrant(granted, principal, "SELECT")) fail(`after granting SELECT on ${show(target)} to "${principal}", get_grants lists ${json(granted)}`);
    await ctx.call("governance/apply_grants", { target, revoke: grant });
    const revoked = (await ctx.call("governance/get_grants", { target })).grants;
    if (hasGrant(revoked, principal, "SELECT")) fail(`after revoking SELECT on ${show(target)} from "${principal}", get_grants still lists it: ${json(revoked)}`);
    return `granted and revoked SELECT to "${principal}"`;
  },

  async workspace_bindings(ctx) {
    if (!ctx.has("create_catalog") || !ctx.has("drop_catalog")) return "not exercised: binding needs a scratch catalog (capabilities create_catalog and drop_catalog)";
    const catalog = ctx.sql.name("bind");
    await ctx.call("catalog/create", { catalog });
    try {
      const before = await ctx.call("governance/get_bindings", { catalog });
      // Setting the bindings it has (the workspace in use stays bound) must isolate the catalog and keep them.
      const after = await ctx.call("governance/set_bindings", { catalog, bindings: before.bindings });
      if (!after.isolated) fail(`governance/set_bindings of "${catalog}" answered isolated: false; it must isolate the catalog`);
      const sort = (x: typeof before.bindings) => [...x].sort((p, q) => p.workspace_id - q.workspace_id);
      expectEqual(sort(after.bindings), sort(before.bindings), `bindings of "${catalog}" after setting them unchanged`);
      const again = await ctx.call("governance/get_bindings", { catalog });
      expectEqual({ isolated: again.isolated, bindings: sort(again.bindings) }, { isolated: true, bindings: sort(before.bindings) }, `get_bindings of "${catalog}" after set_bindings`);
      return `isolated "${catalog}" with ${before.bindings.length} binding(s)`;
    } finally {
      await ctx.call("catalog/drop", { catalog }).catch(() => undefined);
    }
  },
};
