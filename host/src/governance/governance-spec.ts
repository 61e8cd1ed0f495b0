import type { GovernanceConfig, Grant, WorkspaceBinding } from "@rocky/protocol";
import type { KeyPath } from "../config/locate-key.js";
import { RockyError, type SourceLocation } from "../errors.js";

/** [target.governance] checked and normalised: tags prefixed, privileges canonical, bindings as the protocol names them. */
export interface GovernanceSpec {
  /** Undefined: Rocky's behaviour before the key existed (see rocky.schema.json). */
  readonly autoCreateCatalogs: boolean | undefined;
  readonly autoCreateSchemas: boolean | undefined;
  readonly tags: Readonly<Record<string, string>>;
  readonly catalogGrants: readonly Grant[];
  readonly schemaGrants: readonly Grant[];
  readonly revokeUnlisted: boolean;
  /** The catalog's workspace bindings when isolation is enabled; undefined leaves isolation alone. */
  readonly isolation: readonly WorkspaceBinding[] | undefined;
}

export interface ResolveGovernanceOptions {
  readonly pipeline: string;
  readonly config: GovernanceConfig | undefined;
  readonly locate: (path: KeyPath) => SourceLocation;
}

/** The original Rocky's rule: these would end a quoted literal or start a comment in the DDL a warehouse builds. */
const UNSAFE_TAG_TEXT = /['\n\r;]|--|\/\*|\*\/|[\0-\x1f\x7f]/;
/** The original Rocky's principal rule (users, groups, service principals); backquoted by the adapter. */
const PRINCIPAL = /^[a-zA-Z0-9_ \-.@]+$/;
const PRIVILEGE = /^[A-Za-z]+([ _]+[A-Za-z]+)*$/;
/** Never revoked by a diff: ownership is not a grant Rocky manages. */
const OWNERSHIP = new Set(["OWN", "OWNER", "OWNERSHIP"]);

/** A privilege as compared across config and warehouse: upper case, words joined by "_" ("use catalog" = "USE_CATALOG"). */
export function canonicalPrivilege(privilege: string): string {
  return privilege.trim().toUpperCase().split(/[\s_]+/).join("_");
}

export function isOwnership(privilege: string): boolean {
  return OWNERSHIP.has(canonicalPrivilege(privilege));
}

export const governancePath = (pipeline: string, ...rest: (string | number)[]): KeyPath => ["pipeline", pipeline, "target", "governance", ...rest];
const shownKey = (path: KeyPath) => `[pipeline.${String(path[1])}.target.governance] ${path.slice(4).join(".")}`;

export function resolveGovernance(o: ResolveGovernanceOptions): GovernanceSpec {
  const c = o.config ?? {};
  const fail = (path: KeyPath, message: string, hint: string) =>
    new RockyError("CONFIG_INVALID", `Pipeline "${o.pipeline}": ${shownKey(path)} ${message}`, { hint, location: o.locate(path) });
  const tagText = (value: string, path: KeyPath, what: string) => {
    if (UNSAFE_TAG_TEXT.test(value)) {
      throw fail(path, `${what} ${JSON.stringify(value)} contains a quote, ";", "--", "/*", "*/" or a line break`, "Tag keys and values are plain text: remove those characters");
    }
  };
  const prefix = c.tag_prefix ?? "";
  tagText(prefix, governancePath(o.pipeline, "tag_prefix"), "tag prefix");
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(c.tags ?? {})) {
    const path = governancePath(o.pipeline, "tags", key);
    if (key.trim() === "") throw fail(path, "has an empty tag key", "Give every tag a name");
    tagText(key, path, "tag key");
    tagText(value, path, "tag value");
    tags[`${prefix}${key}`] = value;
  }
  const grants = (key: "grants" | "schema_grants"): Grant[] => {
    const out = new Map<string, Grant>();
    (c[key] ?? []).forEach((g, i) => {
      if (!PRINCIPAL.test(g.principal)) {
        throw fail(governancePath(o.pipeline, key, i, "principal"), `principal ${JSON.stringify(g.principal)} is not a valid principal name`, "Principals are user e-mails, group or service principal names: letters, digits, space, _ - . @");
      }
      g.permissions.forEach((p, j) => {
        const path = governancePath(o.pipeline, key, i, "permissions", j);
        if (!PRIVILEGE.test(p.trim())) throw fail(path, `permission ${JSON.stringify(p)} is not a privilege name`, 'Privileges are words, e.g. "USE CATALOG", "USE_SCHEMA", "SELECT"');
        if (isOwnership(p)) throw fail(path, `permission ${JSON.stringify(p)} is ownership, which is not a grant`, "Remove it; transfer ownership in the warehouse");
        const privilege = p.trim().toUpperCase().split(/[\s_]+/).join(" ");
        out.set(`${g.principal}\0${canonicalPrivilege(p)}`, { principal: g.principal, privilege });
      });
    });
    return [...out.values()];
  };
  let isolation: WorkspaceBinding[] | undefined;
  if (c.isolation?.enabled === true) {
    const ids = c.isolation.workspace_ids ?? [];
    if (ids.length === 0) {
      throw fail(governancePath(o.pipeline, "isolation"), "is enabled without workspace_ids: the catalogs would be usable from no workspace", "List the workspaces, e.g. workspace_ids = [{ id = 1234567890, binding_type = \"READ_WRITE\" }]");
    }
    const seen = new Set<number>();
    isolation = ids.map((w, i) => {
      if (seen.has(w.id)) throw fail(governancePath(o.pipeline, "isolation", "workspace_ids", i), `lists workspace ${w.id} twice`, "List each workspace once");
      seen.add(w.id);
      return { workspace_id: w.id, access: w.binding_type === "READ_ONLY" ? "read_only" : "read_write" };
    });
  }
  return {
    autoCreateCatalogs: c.auto_create_catalogs,
    autoCreateSchemas: c.auto_create_schemas,
    tags,
    catalogGrants: grants("grants"),
    schemaGrants: grants("schema_grants"),
    revokeUnlisted: c.revoke_unlisted === true,
    isolation,
  };
}

/** True when the spec asks for anything beyond creating catalogs and schemas. */
export function governsAccess(spec: GovernanceSpec): boolean {
  return Object.keys(spec.tags).length > 0 || spec.catalogGrants.length > 0 || spec.schemaGrants.length > 0 || spec.isolation !== undefined;
}
