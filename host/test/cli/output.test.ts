import { describe, expect, it } from "vitest";
import { formatDuration, renderTable } from "../../src/cli/output.js";

describe("renderTable()", () => {
  it("pads columns to their widest cell, right-aligns numbers, and trims line ends", () => {
    const rows = [{ name: "orders", rows: 300, note: "" }, { name: "refunds_long_name", rows: 5, note: "x" }];
    expect(
      renderTable(rows, [
        { header: "TABLE", value: (r) => r.name },
        { header: "ROWS", value: (r) => String(r.rows), align: "right" },
        { header: "NOTE", value: (r) => r.note },
      ]),
    ).toBe("TABLE              ROWS  NOTE\norders              300\nrefunds_long_name     5  x\n");
  });
});

describe("formatDuration()", () => {
  it("shows milliseconds, seconds, then minutes", () => {
    expect([formatDuration(12), formatDuration(1500), formatDuration(125_000)]).toEqual(["12ms", "1.5s", "2m5s"]);
  });
});
