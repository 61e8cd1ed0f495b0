import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/cli/progress.js";
import { capture } from "./capture-io.js";

describe("createProgress()", () => {
  it("draws on an interactive stderr and erases itself when done", () => {
    const c = capture(true);
    const p = createProgress(c.io, "table");
    p.update("copying", 1, 3);
    p.done();
    expect(c.err()).toBe("\r\x1b[2K[1/3] copying\r\x1b[2K");
  });

  it("stays silent when stderr is not a TTY or the output is JSON", () => {
    for (const [tty, output] of [[false, "table"], [true, "json"]] as const) {
      const c = capture(tty);
      const p = createProgress(c.io, output);
      p.update("copying", 1, 3);
      p.done();
      expect(c.err()).toBe("");
    }
  });
});
