import type { AdapterHandlers } from "@rocky/protocol";
import { quoteLiteral, securableSql } from "../identifiers.js";
import type { Runtime } from "../runtime.js";
import { readAll } from "../statement-runner.js";

/**
 * governance/set_tags (`ALTER <securable> SET TAGS`, https://docs.databricks.com/en/sql/language-manual/sql-ref-syntax-ddl-set-tag.html)
 * and governance/get_grants (`SHOW GRANTS ON <securable>`, https://docs.databricks.com/en/sql/language-manual/security-show-grant.html:
 * columns Principal, ActionType, ObjectType, ObjectKey; grants inherited from parents are left out).
 */
export function governanceHandlers(rt: () => Runtime): AdapterHandlers {
  return {
    "governance/set_tags": async (params, ctx) => {
      const entries = Object.entries(params.tags);
      if (entries.length === 0) return {};
      const securable = securableSql(params.target);
      const tags = entries.map(([k, v]) => `${quoteLiteral(k)} = ${quoteLiteral(v)}`).join(", ");
      await rt().runner.run(`ALTER ${securable.type} ${securable.sql} SET TAGS (${tags})`, [], ctx.signal);
      return {};
    },

    "governance/get_grants": async (params, ctx) => {
      const securable = securableSql(params.target);
      const rows = await readAll(await rt().runner.run(`SHOW GRANTS ON ${securable.type} ${securable.sql}`, [], ctx.signal), ctx.signal);
      // ObjectKey is fully qualified; a target in the default catalog ("") names fewer parts.
      const key = securable.key.toLowerCase();
      const isOwn = (objectKey: string) => objectKey === key || (params.target.catalog === "" && objectKey.endsWith(`.${key}`));
      const own = rows.filter(([, , type, objectKey]) => String(type).toUpperCase() === securable.type && isOwn(String(objectKey).toLowerCase()));
      return { grants: own.map(([principal, privilege]) => ({ principal: String(principal), privilege: String(privilege) })) };
    },
  };
}
