import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/check-catalog.js";
import { ADAPTER_FIXTURES, idsWith, result, run } from "./helpers.js";

describe("runConformance() on an original-protocol adapter (sqlite3, no SDK, no params)", () => {
  it("passes every core check: values reach it as literals, never as params", async () => {
    const report = await run({ label: "original-sqlite", command: ["python3", join(ADAPTER_FIXTURES, "original_sqlite_adapter.py")], config: {} });
    expect(report).toMatchObject({ adapter: "original-sqlite", legacyProtocol: true, protocolVersion: 1 });
    const core = report.results.filter((r) => r.tier === "core");
    expect(core.filter((r) => r.status === "failed").map((r) => `${r.id}: ${r.message}`)).toEqual([]);
    expect(core.filter((r) => r.status === "skipped").map((r) => r.id)).toEqual(["version_negotiation", "batch_requests"].filter((id) => CHECKS.some((c) => c.id === id)));
    expect(idsWith(report, "failed")).toEqual([]);
    expect(result(report, "watermark_where").message).toBe(`WHERE "updated_at" > CAST(? AS TIMESTAMP) (the host's built-in "generic" dialect (manifest dialect "sqlite"))`);
  });
});
