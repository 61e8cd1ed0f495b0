import { describe, expect, it } from "vitest";
import { reportError } from "../../src/cli/report-error.js";
import { RockyError } from "../../src/errors.js";
import { capture } from "./capture-io.js";

describe("reportError()", () => {
  it("prints a RockyError as message, location and hint and exits 1", () => {
    const c = capture();
    const code = reportError(new RockyError("CONFIG_INVALID", `Unknown key "x"`, { hint: "Did you mean \"y\"?", location: { file: "rocky.toml", line: 3 } }), c.io);
    expect(code).toBe(1);
    expect(c.err()).toBe(`error: Unknown key "x"\n  --> rocky.toml:3\nhint: Did you mean "y"?\n`);
    expect(c.out()).toBe("");
  });

  it("exits 2 for usage errors", () => {
    const c = capture();
    expect(reportError(new RockyError("USAGE", "Unknown argument: x"), c.io)).toBe(2);
    expect(c.err()).toBe("error: Unknown argument: x\n");
  });

  it("prints anything else as an internal error with its stack and cause chain", () => {
    const c = capture();
    const code = reportError(new TypeError("boom", { cause: new Error("root cause") }), c.io);
    expect(code).toBe(1);
    expect(c.err()).toMatch(/^Internal error: boom\nTypeError: boom\n    at [\s\S]*?\ncaused by: Error: root cause\n[\s\S]*hint: This is a bug in rocky; please report it with the output above\n$/);
  });
});
