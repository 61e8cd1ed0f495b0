import { describe, expect, it } from "vitest";
import { splitCommand } from "../src/split-command.js";

describe("splitCommand()", () => {
  it("splits on whitespace", () => {
    expect(splitCommand("  python3   adapter.py --flag ")).toEqual(["python3", "adapter.py", "--flag"]);
  });

  it("keeps quoted words whole, as a shell would", () => {
    expect(splitCommand(`node "my dir/main.js" 'it''s' a\\ b "say \\"hi\\"" ''`)).toEqual(["node", "my dir/main.js", "its", "a b", 'say "hi"', ""]);
  });

  it("leaves shell syntax alone because no shell runs", () => {
    expect(splitCommand("echo $HOME; rm -rf x | cat")).toEqual(["echo", "$HOME;", "rm", "-rf", "x", "|", "cat"]);
  });

  it("refuses an unterminated quote", () => {
    expect(() => splitCommand(`python3 "adapter.py`)).toThrow('Unterminated double quote in command: python3 "adapter.py');
  });
});
