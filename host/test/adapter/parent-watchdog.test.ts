import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { goneWithin, isAlive } from "./helpers.js";

const REPO = join(import.meta.dirname, "..", "..", "..");
const MIDDLE = join(REPO, "test", "fixtures", "processes", "middle-parent.mjs");

// A third-party adapter may be started without setpriv (another host, macOS): the kits themselves exit with their parent.
describe("the adapter kits' parent watchdog", () => {
  it.each([
    ["the TypeScript kit (duckdb adapter)", [process.execPath, join(REPO, "adapters", "duckdb", "dist", "main.js")]],
    ["sdk-python", ["python3", join(REPO, "sdk-python", "tests", "fixtures", "toy_adapter.py")]],
  ])("%s exits when its parent is killed with SIGKILL while stdin stays open", async (_name, command) => {
    const middle = spawn(process.execPath, [MIDDLE, ...command], { stdio: ["ignore", "pipe", "inherit"] });
    const pid = await new Promise<number>((resolve) => middle.stdout.once("data", (d: Buffer) => resolve(Number(String(d).trim()))));
    await new Promise((r) => setTimeout(r, 300));
    expect(isAlive(pid)).toBe(true);
    middle.kill("SIGKILL");
    try {
      expect(await goneWithin(pid, 5_000)).toBe(true);
    } finally {
      if (isAlive(pid)) process.kill(pid, "SIGKILL");
    }
  });
});
