import { describe, expect, it } from "vitest";
import type { GovernanceAction, RunOutput } from "@rocky/protocol";
import { formatPlan } from "../../src/cli/plan.js";
import { formatRun } from "../../src/cli/run.js";

const actions: GovernanceAction[] = [
  { action: "set_tags", securable: "schema", target: "acme.staging", tags: { owner: "data-eng" }, status: "applied" },
  { action: "isolate", securable: "catalog", target: "acme", status: "applied" },
  { action: "bind", securable: "catalog", target: "acme", workspace_id: 7, access: "read_only", status: "applied" },
  { action: "unbind", securable: "catalog", target: "acme", workspace_id: 9, status: "applied" },
  { action: "revoke", securable: "catalog", target: "acme", principal: "analysts", privilege: "MODIFY", status: "applied" },
  { action: "grant", securable: "catalog", target: "acme", principal: "evil\u001b[2Jname", privilege: "SELECT", status: "failed", error: { code: "ADAPTER_REQUEST_FAILED", message: "denied" } },
];

describe("governance in the human plan and run output", () => {
  it("formatPlan() and formatRun() list each change, its status in a run, and escape untrusted names", () => {
    const pipeline = { pipeline: "bronze", type: "replication", adapter: "dbx", setup: [], tables: [], skipped: [] };
    const planned = actions.map(({ status: _s, error: _e, ...a }) => ({ ...a, status: "planned" as const }));
    expect(formatPlan({ command: "plan", status: "succeeded", pipelines: [{ ...pipeline, governance: planned }, { ...pipeline, pipeline: "silver", governance: [] }] })).toBe(
      [
        '-- pipeline bronze (replication) on adapter "dbx": 0 table(s), 0 skipped\n',
        '-- governance: set tags on schema acme.staging: owner="data-eng"\n-- governance: isolate catalog acme (only bound workspaces may use it)\n' +
          "-- governance: bind workspace 7 (read_only) to catalog acme\n-- governance: unbind workspace 9 from catalog acme\n" +
          '-- governance: revoke MODIFY on catalog acme from "analysts"\n-- governance: grant SELECT on catalog acme to "evil\\u001b[2Jname"\n',
        '-- pipeline silver (replication) on adapter "dbx": 0 table(s), 0 skipped\n',
        "-- governance: no change\n",
      ].join("\n"),
    );
    const run: RunOutput = {
      run_id: "r1", command: "run", status: "failed", started_at: "t", finished_at: "t", duration_ms: 5,
      pipelines: [{ pipeline: "bronze", type: "replication", status: "succeeded", duration_ms: 5, tables: [], skipped: [], governance: actions }],
    };
    const lines = formatRun(run).split("\n").filter((l) => l.includes("governance"));
    expect(lines).toEqual([
      'bronze: governance: set tags on schema acme.staging: owner="data-eng" [applied]',
      "bronze: governance: isolate catalog acme (only bound workspaces may use it) [applied]",
      "bronze: governance: bind workspace 7 (read_only) to catalog acme [applied]",
      "bronze: governance: unbind workspace 9 from catalog acme [applied]",
      'bronze: governance: revoke MODIFY on catalog acme from "analysts" [applied]',
      'bronze: governance: grant SELECT on catalog acme to "evil\\u001b[2Jname" [failed]: ADAPTER_REQUEST_FAILED: denied',
    ]);
  });
});
