import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/check-catalog.js";
import { ROOT, idsWith, run } from "./helpers.js";

describe("runConformance() on the Python SDK's sqlite example", () => {
  it("passes every core check", async () => {
    const report = await run({ label: "sqlite", command: ["python3", join(ROOT, "sdk-python", "examples", "sqlite_adapter.py")], config: {} });
    const core = report.results.filter((r) => r.tier === "core");
    expect(core.filter((r) => r.status !== "passed").map((r) => `${r.id}: ${r.status} ${r.message}`)).toEqual([]);
    expect(core).toHaveLength(CHECKS.filter((c) => c.tier === "core").length);
    expect(idsWith(report, "failed")).toEqual([]);
    expect(idsWith(report, "passed")).toContain("execute_batch");
    expect(report).toMatchObject({ adapter: "sqlite", protocolVersion: 1, legacyProtocol: false });
  });
});
