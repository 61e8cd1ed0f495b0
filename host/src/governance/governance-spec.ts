import type { GovernanceConfig, Grant, WorkspaceBinding } from "@rocky/protocol";
import type { KeyPath } from "../config/locate-key.js";
import type { ConfigProblem } from "../config/validate-config.js";

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

/** What the schema cannot check in [pipeline.NAME.target.governance], every problem at once (rocky.toml is refused on load). */
export function governanceProblems(pipeline: string, c: GovernanceConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const problem = (path: KeyPath, message: string, hint: string) => problems.push({ path, message: `Pipeline "${pipeline}": ${shownKey(path)} ${message}`, hint });
  const tagText = (value: string, path: KeyPath, what: string) => {
    if (UNSAFE_TAG_TEXT.test(value)) problem(path, `${what} ${JSON.stringify(value)} contains a quote, ";", "--", "/*", "*/" or a line break`, "Tag keys and values are plain text: remove those characters");
  };
  tagText(c.tag_prefix ?? "", governancePath(pipeline, "tag_prefix"), "tag prefix");
  for (const [key, value] of Object.entries(c.tags ?? {})) {
    const path = governancePath(pipeline, "tags", key);
    if (key.trim() === "") problem(path, "has an empty tag key", "Give every tag a name");
    tagText(key, path, "tag key");
    tagText(value, path, "tag value");
  }
  for (const key of ["grants", "schema_grants"] as const) {
    (c[key] ?? []).forEach((g, i) => {
      if (!PRINCIPAL.test(g.principal)) {
        problem(governancePath(pipeline, key, i, "principal"), `principal ${JSON.stringify(g.principal)} is not a valid principal name`, "Principals are user e-mails, group or service principal names: letters, digits, space, _ - . @");
      }
      g.permissions.forEach((p, j) => {
        const path = governancePath(pipeline, key, i, "permissions", j);
        if (!PRIVILEGE.test(p.trim())) problem(path, `permission ${JSON.stringify(p)} is not a privilege name`, 'Privileges are words, e.g. "USE CATALOG", "USE_SCHEMA", "SELECT"');
        else if (isOwnership(p)) problem(path, `permission ${JSON.stringify(p)} is ownership, which is not a grant`, "Remove it; transfer ownership in the warehouse");
      });
    });
  }
  if (c.isolation?.enabled === true) {
    const ids = c.isolation.workspace_ids ?? [];
    if (ids.length === 0) {
      problem(governancePath(pipeline, "isolation"), "is enabled without workspace_ids: the catalogs would be usable from no workspace", 'List the workspaces, e.g. workspace_ids = [{ id = 1234567890, binding_type = "READ_WRITE" }]');
    }
    ids.forEach((w, i) => {
      if (ids.findIndex((x) => x.id === w.id) !== i) problem(governancePath(pipeline, "isolation", "workspace_ids", i), `lists workspace ${w.id} twice`, "List each workspace once");
    });
  }
  return problems;
}

/** The spec of a [target.governance] that passed governanceProblems (checked when rocky.toml was loaded). */
export function resolveGovernance(config: GovernanceConfig | undefined): GovernanceSpec {
  const c = config ?? {};
  const prefix = c.tag_prefix ?? "";
  const grants = (key: "grants" | "schema_grants"): Grant[] => {
    const out = new Map<string, Grant>();
    for (const g of c[key] ?? []) {
      for (const p of g.permissions) out.set(`${g.principal}\0${canonicalPrivilege(p)}`, { principal: g.principal, privilege: canonicalPrivilege(p).replaceAll("_", " ") });
    }
    return [...out.values()];
  };
  const isolation = c.isolation?.enabled === true
    ? (c.isolation.workspace_ids ?? []).map((w): WorkspaceBinding => ({ workspace_id: w.id, access: w.binding_type === "READ_ONLY" ? "read_only" : "read_write" }))
    : undefined;
  return {
    autoCreateCatalogs: c.auto_create_catalogs,
    autoCreateSchemas: c.auto_create_schemas,
    tags: Object.fromEntries(Object.entries(c.tags ?? {}).map(([k, v]) => [`${prefix}${k}`, v])),
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
