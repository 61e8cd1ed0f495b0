import { AdapterServerError, ErrorCodes, type AdapterHandlers, type GovernanceTarget } from "@rocky/protocol";
import { ident } from "../identifiers.js";
import { literal } from "../sql-api/inline-params.js";
import type { WarehouseSession } from "../warehouse-session.js";

const PRIVILEGE = /^[A-Za-z]+(?:[ _][A-Za-z]+)*$/;

/** A privilege as SQL: words of letters ("SELECT", "ALL PRIVILEGES"; "apply_tag" → "APPLY TAG"). */
function privilege(name: string): string {
  if (!PRIVILEGE.test(name)) throw new AdapterServerError(ErrorCodes.InvalidParams, `Invalid privilege ${JSON.stringify(name)}: expected words of letters such as SELECT or ALL PRIVILEGES`, { code: "INVALID_PARAMS" });
  return name.toUpperCase().replace(/_/g, " ");
}

/** `TABLE db.s.t`, `SCHEMA db.s` or `DATABASE db` for a governance target. */
function objectOf(target: GovernanceTarget): { kind: "TABLE" | "SCHEMA" | "DATABASE"; name: string; schemaPath: string } {
  const catalog = target.catalog === "" ? undefined : ident(target.catalog, "catalog name");
  const prefix = catalog ? `${catalog}.` : "";
  if (target.schema === undefined) {
    if (!catalog) throw new AdapterServerError(ErrorCodes.InvalidParams, "A governance target needs a catalog, a schema or a table", { code: "INVALID_PARAMS" });
    return { kind: "DATABASE", name: catalog, schemaPath: `${catalog}.PUBLIC` };
  }
  const schema = `${prefix}${ident(target.schema, "schema name")}`;
  if (target.table === undefined) return { kind: "SCHEMA", name: schema, schemaPath: schema };
  return { kind: "TABLE", name: `${schema}.${ident(target.table, "table name")}`, schemaPath: schema };
}

/**
 * governance/set_tags: Snowflake object tags, each created in the target's schema when missing, then set with
 * ALTER <object> SET TAG (https://docs.snowflake.com/en/user-guide/object-tagging); one multi-statement request.
 * governance/get_grants: SHOW GRANTS ON <object> (https://docs.snowflake.com/en/sql-reference/sql/show-grants).
 * governance/apply_grants: GRANT ... TO ROLE and REVOKE ... FROM ROLE, one multi-statement request; both are idempotent
 * in Snowflake (https://docs.snowflake.com/en/sql-reference/sql/grant-privilege).
 */
export function governanceHandlers(session: () => WarehouseSession): AdapterHandlers {
  return {
    "governance/set_tags": async (params, ctx) => {
      const o = objectOf(params.target);
      const entries = Object.entries(params.tags);
      if (entries.length === 0) return {};
      const tags = entries.map(([k, v]) => [`${o.schemaPath}.${ident(k, "tag name")}`, String(v)] as const);
      const statements = [
        ...tags.map(([name]) => `CREATE TAG IF NOT EXISTS ${name}`),
        `ALTER ${o.kind} ${o.name} SET TAG ${tags.map(([name, value]) => `${name} = ${literal(value)}`).join(", ")}`,
      ];
      const s = session();
      try {
        await s.api.execute(statements.join("\n;\n"), { statementCount: statements.length, signal: ctx.signal });
      } catch (error) {
        throw s.wire(error);
      }
      return {};
    },

    "governance/apply_grants": async (params, ctx) => {
      const o = objectOf(params.target);
      const statements = [
        ...(params.grant ?? []).map((g) => `GRANT ${privilege(g.privilege)} ON ${o.kind} ${o.name} TO ROLE ${ident(g.principal, "role name")}`),
        ...(params.revoke ?? []).map((g) => `REVOKE ${privilege(g.privilege)} ON ${o.kind} ${o.name} FROM ROLE ${ident(g.principal, "role name")}`),
      ];
      if (statements.length === 0) return {};
      const s = session();
      try {
        await s.api.execute(statements.join("\n;\n"), { ...(statements.length > 1 ? { statementCount: statements.length } : {}), signal: ctx.signal });
      } catch (error) {
        throw s.wire(error);
      }
      return {};
    },

    "governance/get_grants": async (params, ctx) => {
      const o = objectOf(params.target);
      const { rows, columns } = await session().query(`SHOW GRANTS ON ${o.kind} ${o.name}`, undefined, ctx.signal);
      const at = (name: string) => columns.findIndex((c) => c.toLowerCase() === name);
      const privilege = at("privilege");
      const grantee = at("grantee_name");
      return { grants: rows.map((r) => ({ principal: String(r[grantee]), privilege: String(r[privilege]) })) };
    },
  };
}

