import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processesTagged } from "../../conformance/test/processes.js";
import { REPO, ROCKY, type CliResult } from "./helpers.js";
import { ORIGINAL_SQLITE_ADAPTER, sqlite, sqliteProject, writeRockyToml } from "./sqlite-project.js";

const PROXY = join(REPO, "test", "fixtures", "adapters", "misbehaves-on-insert.mjs");
const REQUEST_TIMEOUT_MS = 1500;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(dir: string): Promise<CliResult & { ms: number }> {
  const started = Date.now();
  return new Promise((done) => {
    const env = { ...process.env, ROCKY_LOG: "silent", NO_COLOR: "1", ROCKY_ADAPTER_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) };
    execFile(process.execPath, [ROCKY, "run"], { cwd: dir, env }, (err, stdout, stderr) => {
      done({ stdout, stderr, exitCode: err && typeof err.code === "number" ? err.code : err ? 1 : 0, ms: Date.now() - started });
    });
  });
}

// A first run succeeds; the second meets an adapter that misbehaves at the model's INSERT. That run fails naming the
// adapter and what it did, in bounded time, leaves the watermark and the target as they were, and no process behind.
describe.concurrent("rocky run when the adapter misbehaves writing a model", () => {
  let ranOnce: string;
  beforeAll(async () => {
    ranOnce = sqliteProject();
    dirs.push(ranOnce);
    sqlite(ranOnce, "INSERT INTO events VALUES (?, ?, ?)", [[1, "click", "2024-01-01 10:00:00"]]);
    expect((await run(ranOnce)).exitCode).toBe(0);
    sqlite(ranOnce, "INSERT INTO events VALUES (?, ?, ?)", [[2, "click", "2024-01-05 10:00:00"]]);
  }, 60_000);

  it.each([
    ["exit", 'Adapter "legacy" exited with code 3 during "execute_statement"'],
    ["silence", `Adapter "legacy" did not answer "execute_statement" within ${REQUEST_TIMEOUT_MS} ms`],
    ["wrongId", /Adapter "legacy" answered under id \d+, which matches no request in flight during "execute_statement"/],
    ["garbage", 'Adapter "legacy" wrote to stdout something that is not a protocol message: Line is not JSON: "<html>502 Bad Gateway</html>" during "execute_statement"'],
    ["flood", new RegExp(`Adapter "legacy" did not answer "execute_statement" within ${REQUEST_TIMEOUT_MS} ms; meanwhile it wrote [\\d.]+ MiB on stdout without ending the line`)],
    ["closeStdout", 'Adapter "legacy" closed its stdout but kept running during "execute_statement"'],
  ])("%s: a clear error, in bounded time; no watermark moves", { timeout: 60_000 }, async (kind, expected) => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-misbehaves-")));
    dirs.push(dir);
    cpSync(ranOnce, dir, { recursive: true });
    const tag = `rocky-run-${kind}-${process.pid}`;
    writeRockyToml(dir, [process.execPath, PROXY, kind, "python3", ORIGINAL_SQLITE_ADAPTER, tag]);
    const failed = await run(dir);
    expect(failed.exitCode).toBe(1);
    if (typeof expected === "string") expect(failed.stderr).toContain(expected);
    else expect(failed.stderr).toMatch(expected);
    // Bounded: the request deadline plus start-up and shutdown, generous for a loaded machine.
    expect(failed.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 30_000);
    expect(sqlite(dir, "SELECT id FROM events_kept ORDER BY id")).toEqual([[1]]);
    writeRockyToml(dir);
    const state = await new Promise<string>((done) => execFile(process.execPath, [ROCKY, "state", "--output", "json"], { cwd: dir }, (_e, out) => done(out)));
    expect(JSON.parse(state)).toMatchObject({ watermarks: [expect.objectContaining({ target: "wh.main.events_kept", value: "2024-01-01 10:00:00" })] });
    expect(processesTagged(tag)).toEqual([]);
  });
});
