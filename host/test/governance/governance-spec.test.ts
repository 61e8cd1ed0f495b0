import { describe, expect, it } from "vitest";
import type { GovernanceConfig } from "@rocky/protocol";
import { bindingActions, grantDiff, tagsToSet } from "../../src/governance/governance-diff.js";
import { governanceProblems, resolveGovernance } from "../../src/governance/governance-spec.js";

const refusal = (config: GovernanceConfig): string => governanceProblems("bronze", config).map((p) => `${p.message} | ${p.hint ?? ""}`).join("\n") || "accepted";

describe("resolveGovernance() and governanceProblems()", () => {
  it("prefixes tags, canonicalises privileges, merges repeated grants and maps bindings", () => {
    expect(resolveGovernance({
      tag_prefix: "rocky_", tags: { owner: "data-eng" },
      grants: [{ principal: "analysts", permissions: ["use catalog", "SELECT"] }, { principal: "analysts", permissions: ["USE_CATALOG"] }],
      schema_grants: [{ principal: "Ana Lyst@example.com", permissions: ["all privileges"] }],
      isolation: { enabled: true, workspace_ids: [{ id: 7 }, { id: 8, binding_type: "READ_ONLY" }] },
      auto_create_schemas: false,
    })).toEqual({
      autoCreateCatalogs: undefined,
      autoCreateSchemas: false,
      tags: { rocky_owner: "data-eng" },
      catalogGrants: [{ principal: "analysts", privilege: "USE CATALOG" }, { principal: "analysts", privilege: "SELECT" }],
      schemaGrants: [{ principal: "Ana Lyst@example.com", privilege: "ALL PRIVILEGES" }],
      revokeUnlisted: false,
      isolation: [{ workspace_id: 7, access: "read_write" }, { workspace_id: 8, access: "read_only" }],
    });
    expect(resolveGovernance({ isolation: { enabled: false, workspace_ids: [] } }).isolation).toBeUndefined();
  });

  it("refuses text that could end a literal or start a comment, bad principals and privileges, and unusable isolation", () => {
    expect([
      refusal({ tags: { "a;b": "x" } }),
      refusal({ tags: { a: "x -- y" } }),
      refusal({ tags: { a: "/* x" } }),
      refusal({ tags: { a: "line\nbreak" } }),
      refusal({ tags: { " ": "x" } }),
      refusal({ tag_prefix: "it's_" }),
      refusal({ grants: [{ principal: "x`; DROP", permissions: ["SELECT"] }] }),
      refusal({ schema_grants: [{ principal: "ok", permissions: ["SELECT; DROP TABLE t"] }] }),
      refusal({ grants: [{ principal: "ok", permissions: ["OWNERSHIP"] }] }),
      refusal({ isolation: { enabled: true } }),
      refusal({ isolation: { enabled: true, workspace_ids: [{ id: 1 }, { id: 1, binding_type: "READ_ONLY" }] } }),
      refusal({ tags: { ok: "fine" }, grants: [{ principal: "data-eng@example.com", permissions: ["use catalog"] }] }),
    ]).toEqual([
      'Pipeline "bronze": [pipeline.bronze.target.governance] tags.a;b tag key "a;b" contains a quote, ";", "--", "/*", "*/" or a line break | Tag keys and values are plain text: remove those characters',
      'Pipeline "bronze": [pipeline.bronze.target.governance] tags.a tag value "x -- y" contains a quote, ";", "--", "/*", "*/" or a line break | Tag keys and values are plain text: remove those characters',
      'Pipeline "bronze": [pipeline.bronze.target.governance] tags.a tag value "/* x" contains a quote, ";", "--", "/*", "*/" or a line break | Tag keys and values are plain text: remove those characters',
      'Pipeline "bronze": [pipeline.bronze.target.governance] tags.a tag value "line\\nbreak" contains a quote, ";", "--", "/*", "*/" or a line break | Tag keys and values are plain text: remove those characters',
      'Pipeline "bronze": [pipeline.bronze.target.governance] tags.  has an empty tag key | Give every tag a name',
      'Pipeline "bronze": [pipeline.bronze.target.governance] tag_prefix tag prefix "it\'s_" contains a quote, ";", "--", "/*", "*/" or a line break | Tag keys and values are plain text: remove those characters',
      'Pipeline "bronze": [pipeline.bronze.target.governance] grants.0.principal principal "x`; DROP" is not a valid principal name | Principals are user e-mails, group or service principal names: letters, digits, space, _ - . @',
      'Pipeline "bronze": [pipeline.bronze.target.governance] schema_grants.0.permissions.0 permission "SELECT; DROP TABLE t" is not a privilege name | Privileges are words, e.g. "USE CATALOG", "USE_SCHEMA", "SELECT"',
      'Pipeline "bronze": [pipeline.bronze.target.governance] grants.0.permissions.0 permission "OWNERSHIP" is ownership, which is not a grant | Remove it; transfer ownership in the warehouse',
      'Pipeline "bronze": [pipeline.bronze.target.governance] isolation is enabled without workspace_ids: the catalogs would be usable from no workspace | List the workspaces, e.g. workspace_ids = [{ id = 1234567890, binding_type = "READ_WRITE" }]',
      'Pipeline "bronze": [pipeline.bronze.target.governance] isolation.workspace_ids.1 lists workspace 1 twice | List each workspace once',
      "accepted",
    ]);
  });
});

describe("governance diffs", () => {
  const g = (principal: string, privilege: string) => ({ principal, privilege });

  it("grantDiff() grants what is missing and revokes only managed principals' extras, never ownership, unless revokeUnlisted", () => {
    const desired = [g("analysts", "USE CATALOG"), g("analysts", "SELECT")];
    const current = [g("analysts", "USE_CATALOG"), g("analysts", "MODIFY"), g("analysts", "OWN"), g("auditors", "BROWSE"), g("owner", "OWNERSHIP")];
    expect(grantDiff(desired, current, false)).toEqual({ grant: [g("analysts", "SELECT")], revoke: [g("analysts", "MODIFY")] });
    expect(grantDiff(desired, current, true)).toEqual({ grant: [g("analysts", "SELECT")], revoke: [g("analysts", "MODIFY"), g("auditors", "BROWSE")] });
    expect(grantDiff(desired, [g("analysts", "select"), g("analysts", "use catalog")], true)).toEqual({ grant: [], revoke: [] });
  });

  it("bindingActions() isolates an open catalog, binds missing or changed workspaces and unbinds the rest", () => {
    const desired = [{ workspace_id: 1, access: "read_write" as const }, { workspace_id: 2, access: "read_only" as const }];
    expect(bindingActions("c", desired, { isolated: false, bindings: [{ workspace_id: 2, access: "read_write" }, { workspace_id: 3, access: "read_only" }] })).toEqual([
      { action: "isolate", securable: "catalog", target: "c" },
      { action: "bind", securable: "catalog", target: "c", workspace_id: 1, access: "read_write" },
      { action: "bind", securable: "catalog", target: "c", workspace_id: 2, access: "read_only" },
      { action: "unbind", securable: "catalog", target: "c", workspace_id: 3 },
    ]);
    expect(bindingActions("c", desired, { isolated: true, bindings: desired })).toEqual([]);
  });

  it("tagsToSet() keeps only the tags whose value differs from what was last set", () => {
    expect(tagsToSet({ a: "1", b: "2" }, undefined)).toEqual({ a: "1", b: "2" });
    expect(tagsToSet({ a: "1", b: "2" }, { a: "1", b: "3", c: "4" })).toEqual({ b: "2" });
  });
});
