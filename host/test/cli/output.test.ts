import { describe, expect, it } from "vitest";
import { formatDuration, printable, renderTable } from "../../src/cli/output.js";

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

describe("printable()", () => {
  it("shows control characters from an adapter as escapes, so they cannot move the cursor or forge lines", () => {
    expect(printable("ok\x1b[2J\nforged\u009b line\x7f")).toBe("ok\\u001b[2J\\u000aforged\\u009b line\\u007f");
  });
});
