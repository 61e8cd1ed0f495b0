import { afterEach, describe, expect, it } from "vitest";
import { Methods } from "@rocky/protocol";
import { RockyError } from "../../src/errors.js";
import { AdapterError } from "../../src/adapter/adapter-error.js";
import { spawnAdapter } from "../../src/adapter/spawn-adapter.js";
import type { AdapterClient } from "../../src/adapter/types.js";
import { captureLogger, fixtureSpec, goneWithin, isAlive, spawnFixture } from "./helpers.js";

const open: AdapterClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});
async function start(file: string, options: Parameters<typeof spawnFixture>[1] = {}) {
  const c = await spawnFixture(file, options);
  open.push(c);
  return c;
}
async function failure(p: Promise<unknown>): Promise<RockyError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(RockyError);
  return err as RockyError;
}

describe("spawnAdapter()", () => {
  it("negotiates protocol version 1 and exposes the manifest", async () => {
    const c = await start("well-behaved.mjs");
    expect(c.protocolVersion).toBe(1);
    expect(c.legacy).toBe(false);
    expect(c.manifest.name).toBe("fixture");
    expect(c.has("warehouse")).toBe(true);
    expect(c.has("merge")).toBe(false);
    expect(await c.query("SELECT ?", [42])).toEqual({ columns: ["sql", "n"], rows: [["SELECT ?", 42]] });
  });

  it("sends concurrent requests and matches answers by id", async () => {
    const c = await start("well-behaved.mjs");
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => c.query(`q${i}`)));
    expect(results.map((r) => r.rows[0]?.[0])).toEqual(Array.from({ length: 50 }, (_, i) => `q${i}`));
  });

  it("forwards adapter stderr into the log tagged with adapter name and pid", async () => {
    const { logger, lines } = captureLogger();
    const c = await spawnAdapter({ spec: fixtureSpec("well-behaved.mjs"), logger });
    await c.close();
    expect(lines).toContainEqual(expect.objectContaining({ adapter: "well-behaved", pid: c.pid, stream: "stderr", msg: "well-behaved adapter starting" }));
  });

  it("routes $/log into the log and $/progress to the request's listener", async () => {
    const { logger, lines } = captureLogger();
    const c = await spawnAdapter({ spec: fixtureSpec("logs-and-progress.mjs"), logger });
    open.push(c);
    const progress: unknown[] = [];
    await c.request(Methods.executeQuery, { sql: "x" }, { onProgress: (p) => progress.push([p.current, p.total, p.message]) });
    expect(progress).toEqual([[1, 3, "batch 1"], [2, 3, "batch 2"], [3, 3, "batch 3"]]);
    expect(lines).toContainEqual(expect.objectContaining({ adapter: "logs-and-progress", msg: "scanning table", table: "orders", via: "$/log" }));
  });

  it("fails with the exit code, the method and the stderr tail when the adapter crashes mid-request", async () => {
    const c = await start("crashes-mid-request.mjs");
    const err = await failure(c.query("SELECT 1"));
    expect(err.code).toBe("ADAPTER_CRASHED");
    expect(err.message).toContain('Adapter "crashes-mid-request" exited with code 3 during "execute_query"');
    expect(err.message).toContain("| fatal: segfault in the warehouse driver");
    expect((await c.exited).code).toBe(3);
    const again = await failure(c.query("SELECT 2"));
    expect(again.code).toBe("ADAPTER_CRASHED");
  });

  it("reports the exit code and stderr, not a writer error, when the adapter crashes right after initialize", async () => {
    const c = await start("crashes-after-initialize.mjs");
    const err = await failure(c.tableExists({ catalog: "", schema: "main", table: "t" }));
    expect(err.code).toBe("ADAPTER_CRASHED");
    expect(err.message).toBe('Adapter "crashes-after-initialize" exited with code 3 during "table_exists"\nLast stderr lines of the adapter:\n  | fatal: lost the warehouse connection');
    const again = await failure(c.tableExists({ catalog: "", schema: "main", table: "t" }));
    expect(again.message).toBe(err.message);
  });

  it("fails clearly when the adapter dies before the handshake", async () => {
    const err = await failure(spawnFixture("crashes-at-startup.mjs"));
    expect(err.code).toBe("ADAPTER_CRASHED");
    expect(err.message).toContain('Adapter "crashes-at-startup" exited with code 1 during "initialize"');
    expect(err.message).toContain("cannot open credentials file");
  });

  it("gives up on a handshake that never completes and kills the process", async () => {
    const err = await failure(spawnFixture("never-answers-initialize.mjs", { startupTimeoutMs: 300 }));
    expect(err.code).toBe("ADAPTER_STARTUP_TIMEOUT");
    expect(err.message).toMatch(/^Adapter "never-answers-initialize" did not complete the handshake within 300 ms/);
  });

  it("times out a request that is never answered, cancelling it, and keeps the adapter usable", async () => {
    const c = await start("never-answers-query.mjs", { requestTimeoutMs: 200 });
    const err = await failure(c.query("SELECT 1"));
    expect(err.code).toBe("ADAPTER_TIMEOUT");
    expect(err.message).toBe('Adapter "never-answers-query" did not answer "execute_query" within 200 ms');
    expect(await c.tableExists({ catalog: "", schema: "s", table: "t" })).toBe(false);
  });

  it("fails on a non-JSON line on stdout, quoting it", async () => {
    const c = await start("writes-junk-to-stdout.mjs");
    const err = await failure(c.query("SELECT 1"));
    expect(err.code).toBe("ADAPTER_PROTOCOL_VIOLATION");
    expect(err.message).toContain('Adapter "writes-junk-to-stdout" wrote to stdout something that is not a protocol message: Line is not JSON: "Connecting to warehouse... done" during "execute_query"');
  });

  it("fails on a response whose id matches no request", async () => {
    const c = await start("answers-wrong-id.mjs");
    const err = await failure(c.query("SELECT 1"));
    expect(err.code).toBe("ADAPTER_PROTOCOL_VIOLATION");
    expect(err.message).toMatch(/^Adapter "answers-wrong-id" answered under id 100\d, which matches no request in flight during "execute_query"/);
  });

  it("names both ranges when the adapter speaks no offered protocol version", async () => {
    const err = await failure(spawnFixture("unsupported-protocol.mjs"));
    expect(err.code).toBe("ADAPTER_PROTOCOL_MISMATCH");
    expect(err.message).toBe('Adapter "unsupported-protocol" speaks protocol versions 7..9; the host speaks 1: No common protocol version: adapter speaks 7..9, host offered 1..1');
  });

  it("refuses a version the host did not offer", async () => {
    const err = await failure(spawnFixture("picks-unoffered-version.mjs"));
    expect(err.code).toBe("ADAPTER_PROTOCOL_MISMATCH");
    expect(err.message).toBe('Adapter "picks-unoffered-version" picked protocol version 99, outside the host\'s range 1');
  });

  it("rejects an invalid manifest with the schema problems", async () => {
    const err = await failure(spawnFixture("invalid-manifest.mjs"));
    expect(err.code).toBe("ADAPTER_MANIFEST_INVALID");
    expect(err.message).toContain('/manifest is missing required property "sdk_version"');
  });

  it("rejects a response that does not match the schema", async () => {
    const c = await start("invalid-response.mjs");
    const err = await failure(c.query("SELECT 1"));
    expect(err.code).toBe("ADAPTER_RESPONSE_INVALID");
    expect(err.message).toBe('Adapter "invalid-response" answered "execute_query" with an invalid result: /columns must be array; /rows must be array');
  });

  it("validates the adapter's config against the manifest's config_schema", async () => {
    const err = await failure(spawnFixture("well-behaved.mjs", { config: { path: 3, colour: "red" } }));
    expect(err.code).toBe("ADAPTER_CONFIG_INVALID");
    expect(err.message).toBe('Config of adapter "well-behaved" (type "fixture") is invalid: / has unknown property "colour"; /path must be string');
  });

  it("reports a config the adapter rejects in initialize as a config error pointing at rocky.toml", async () => {
    const err = await failure(spawnFixture("rejects-config.mjs", { config: { path: "/root/w.duckdb" } }));
    expect(err.code).toBe("ADAPTER_CONFIG_INVALID");
    expect(err.message).toBe('Adapter "rejects-config" (type "fixture") rejected its config: Database file "/root/w.duckdb" cannot be opened: permission denied');
    expect(err.hint).toBe("Fix [adapter.rejects-config] in rocky.toml; every key there except type and command is the adapter's config");
  });

  it("refuses a method whose capability the manifest does not declare, without sending it", async () => {
    const c = await start("well-behaved.mjs");
    const err = await failure(c.discover());
    expect(err.code).toBe("ADAPTER_CAPABILITY_MISSING");
    expect(err.message).toBe('Adapter "well-behaved" does not declare capability "discovery" needed for "discovery/list"');
  });

  it("kills an adapter that ignores shutdown, stdin EOF and SIGTERM", async () => {
    const c = await spawnFixture("ignores-shutdown.mjs", { shutdownGraceMs: 200 });
    const info = await c.close();
    expect(info.signal).toBe("SIGKILL");
    expect(isAlive(c.pid)).toBe(false);
  });

  it("leaves no process of the adapter's group behind", async () => {
    const c = await spawnFixture("spawns-grandchild.mjs", { shutdownGraceMs: 200 });
    const grandchild = (await c.query("pid")).rows[0]?.[0] as number;
    expect(isAlive(grandchild)).toBe(true);
    await c.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(grandchild)).toBe(false);
  });

  it("closes a well-behaved adapter through shutdown with exit code 0", async () => {
    const c = await spawnFixture("well-behaved.mjs");
    expect(await c.close()).toEqual({ code: 0, signal: null });
    expect(await c.close()).toEqual({ code: 0, signal: null });
  });
});

describe("spawnAdapter() with an original-protocol adapter", () => {
  it("accepts a bare manifest, string error codes and a bare describe_table array", async () => {
    const c = await start("original_protocol_adapter.py");
    expect(c.legacy).toBe(true);
    expect(c.protocolVersion).toBe(1);
    expect(c.manifest.name).toBe("echo");
    expect(await c.query("SELECT 1")).toEqual({ columns: ["echo"], rows: [["SELECT 1"]] });
    expect(await c.describeTable({ catalog: "", schema: "main", table: "orders" })).toEqual([{ name: "id", data_type: "INTEGER", nullable: false }]);
    expect(await c.tableExists({ catalog: "", schema: "main", table: "orders" })).toBe(true);
    await c.executeStatement("CREATE TABLE t (id INT)");
    const err = await failure(c.executeStatement("FAIL"));
    expect(err).toBeInstanceOf(AdapterError);
    expect(err.message).toBe('Adapter "original_protocol_adapter" failed "execute_statement": EXECUTION_FAILED: syntax error near FAIL');
    const missing = (await failure(c.describeTable({ catalog: "", schema: "main", table: "nope" }))) as AdapterError;
    expect(missing.wireName).toBe("TABLE_NOT_FOUND");
    expect(missing.wireCode).toBe(-32053);
    expect(await c.close()).toEqual({ code: 0, signal: null });
  });
});

describe("a host process that is interrupted", () => {
  it.each(["SIGINT", "SIGTERM"] as const)("takes its adapters down with it on %s", async (signal) => {
    const { spawn } = await import("node:child_process");
    const { fileURLToPath } = await import("node:url");
    const script = fileURLToPath(new URL("./fixtures/host-holding-adapter.ts", import.meta.url));
    const host = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
    const pid = await new Promise<number>((resolve) => host.stdout.once("data", (d: Buffer) => resolve(Number(String(d).trim()))));
    expect(isAlive(pid)).toBe(true);
    host.kill(signal);
    const code = await new Promise<number | null>((resolve) => host.once("exit", (c) => resolve(c)));
    expect(code).toBe(signal === "SIGINT" ? 130 : 143);
    await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(pid)).toBe(false);
  });

  it("takes an adapter that ignores stdin and SIGTERM down with it on SIGKILL", async () => {
    const { spawn } = await import("node:child_process");
    const { fileURLToPath } = await import("node:url");
    const script = fileURLToPath(new URL("./fixtures/host-holding-adapter.ts", import.meta.url));
    const host = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
    const pid = await new Promise<number>((resolve) => host.stdout.once("data", (d: Buffer) => resolve(Number(String(d).trim()))));
    expect(isAlive(pid)).toBe(true);
    host.kill("SIGKILL");
    expect(await new Promise((resolve) => host.once("exit", (_c, s) => resolve(s)))).toBe("SIGKILL");
    expect(await goneWithin(pid, 5_000)).toBe(true);
  });
});

