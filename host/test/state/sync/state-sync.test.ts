import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig, type LoadedConfig } from "../../../src/config/load-config.js";
import { RockyError } from "../../../src/errors.js";
import { createLogger } from "../../../src/log.js";
import { openStateStore } from "../../../src/state/state-store.js";
import { beginStateSync } from "../../../src/state/sync/state-sync.js";
import { readMarker } from "../../../src/state/sync/sync-marker.js";
import { createValkeyRemote } from "../../../src/state/sync/valkey-remote.js";
import { startRedisServer } from "../../../../test/redis/redis-server.js";
import { startConditionalS3Server, type ConditionalS3Server } from "../../../../test/s3/conditional-s3-server.js";

const logger = createLogger({ level: "silent" });
const orders = { catalog: "wh", schema: "raw", table: "orders" };

/** One "machine": a project directory of its own with [state] pointing at the shared remote. */
async function machine(state: string): Promise<LoadedConfig> {
  const dir = mkdtempSync(join(tmpdir(), "rocky-sync-"));
  writeFileSync(join(dir, "rocky.toml"), `[state]\n${state}\n`);
  return loadConfig(join(dir, "rocky.toml"));
}

async function writeWatermark(config: LoadedConfig, value: string): Promise<void> {
  const store = openStateStore(config.statePath);
  await store.setWatermark(orders, { column: "ts", value, updated_at: new Date().toISOString(), run_id: value });
  await store.close();
}

function watermark(config: LoadedConfig): string | undefined {
  const store = openStateStore(config.statePath, { create: false });
  const value = store?.getWatermark(orders)?.value;
  void store?.close();
  return value;
}

async function failure(p: Promise<unknown>): Promise<RockyError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(RockyError);
  return err as RockyError;
}

async function syncedRun(config: LoadedConfig, value: string, runId = `run-${value}`): Promise<void> {
  const sync = await beginStateSync({ config, runId, logger });
  await writeWatermark(config, value);
  await sync?.finish();
}

describe("state sync through Valkey", () => {
  const valkey = () => `backend = "valkey"\nvalkey_url = "${inject("redisUrl")}"\nvalkey_prefix = "t-${randomUUID()}:"`;

  it("follows the runner: each machine starts from the state the last one uploaded", async () => {
    const state = valkey();
    const a = await machine(state);
    const b = await machine(state);
    await syncedRun(a, "2024-01-01");
    expect(watermark(b)).toBeUndefined();
    await syncedRun(b, "2024-02-01");
    expect(await (async () => { const s = await beginStateSync({ config: a, runId: "peek", logger }); const v = watermark(a); await s?.finish(); return v; })()).toBe("2024-02-01");
    expect(existsSync(`${a.statePath}-previous`)).toBe(true);
    expect(readMarker(a.statePath)).toMatchObject({ pending_upload: false, version: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("refuses a second runner while the lease is held, naming the holder, and with --wait starts when it is released", async () => {
    const state = valkey();
    const a = await machine(state);
    const b = await machine(state);
    const holding = await beginStateSync({ config: a, runId: "run-holder", logger });
    const err = await failure(beginStateSync({ config: b, runId: "run-second", logger }));
    expect(err.code).toBe("STATE_LEASED");
    expect(err.message).toMatch(/^The state at valkey redis:\/\/127\.0\.0\.1:\d+ \(prefix "t-[0-9a-f-]+:"\) is held by run "run-holder" \(pid \d+ on .+, since \d{4}-\d\d-\d\dT[\d:.]+Z\)$/);
    expect(err.hint).toContain("--wait");
    const waiting = beginStateSync({ config: b, runId: "run-second", logger, wait: true });
    await writeWatermark(a, "2024-03-01");
    setTimeout(() => void holding?.finish(), 700);
    const second = await waiting;
    expect(watermark(b)).toBe("2024-03-01");
    await second?.finish();
  });

  it("refuses an upload when another runner wrote since the download, overwriting nothing and keeping this run's state aside", async () => {
    const prefix = `t-${randomUUID()}:`;
    const a = await machine(`backend = "valkey"\nvalkey_url = "${inject("redisUrl")}"\nvalkey_prefix = "${prefix}"`);
    await syncedRun(a, "2024-01-01");
    const sync = await beginStateSync({ config: a, runId: "run-late", logger });
    const other = createValkeyRemote({ url: inject("redisUrl"), prefix, timeoutMs: 5000 });
    const before = await other.download();
    await other.upload(Buffer.from("another runner's state"), before?.version ?? null);
    await writeWatermark(a, "2024-04-01");
    const err = await failure(sync?.finish() ?? Promise.resolve());
    expect(err.code).toBe("STATE_SYNC_CONFLICT");
    expect(err.message).toMatch(/\(expected version [0-9a-f-]{36}, found [0-9a-f-]{36}\)/);
    expect((await other.download())?.bytes.toString()).toBe("another runner's state");
    expect(watermark({ ...a, statePath: `${a.statePath}-conflict-run-late` } as LoadedConfig)).toBe("2024-04-01");
    await other.close();
  });

  it("keeps the local state when the server dies mid-run, fails the upload, and uploads it first on the next run", async () => {
    const server = await startRedisServer();
    const a = await machine(`backend = "valkey"\nvalkey_url = "${server.url}"\ntransfer_timeout_seconds = 2`);
    const sync = await beginStateSync({ config: a, runId: "run-cut", logger });
    await writeWatermark(a, "2024-05-01");
    await server.kill();
    const err = await failure(sync?.finish() ?? Promise.resolve());
    expect(err.code).toBe("STATE_SYNC_FAILED");
    expect(err.hint).toContain("the next rocky run uploads it before anything else");
    expect(watermark(a)).toBe("2024-05-01");
    expect(readMarker(a.statePath)).toMatchObject({ pending_upload: true, run_id: "run-cut" });
    const again = await startRedisServer({ port: server.port });
    try {
      const next = await beginStateSync({ config: a, runId: "run-next", logger });
      expect(readMarker(a.statePath)).toMatchObject({ pending_upload: false, version: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      await next?.finish();
      const b = await machine(`backend = "valkey"\nvalkey_url = "${server.url}"`);
      const peek = await beginStateSync({ config: b, runId: "peek", logger });
      expect(watermark(b)).toBe("2024-05-01");
      await peek?.finish();
    } finally {
      await again.kill();
    }
  });
});

describe("state sync through S3", () => {
  let s3rver: S3rver;
  let s3rverEndpoint: string;
  let conditional: ConditionalS3Server;
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  beforeAll(async () => {
    process.on("warning", onWarning);
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: mkdtempSync(join(tmpdir(), "rocky-s3rver-")), configureBuckets: [{ name: "rocky", configs: [] }] });
    const { port } = (await s3rver.run()) as { port: number };
    s3rverEndpoint = `http://127.0.0.1:${port}`;
    conditional = await startConditionalS3Server("rocky");
  });
  afterAll(async () => {
    process.off("warning", onWarning);
    await s3rver.close();
    await conditional.close();
    // The AWS SDK's notice that its 2027 releases need Node 22 stays off every run's stderr.
    expect(warnings.filter((w) => w.includes("NodeVersionSupportWarning"))).toEqual([]);
  });
  const s3 = (endpoint: string, extra = "") => `backend = "s3"\ns3_bucket = "rocky"\ns3_prefix = "t-${randomUUID()}/"\ns3_endpoint = "${endpoint}"\ns3_force_path_style = true\n${extra}`;

  it("uploads conditionally on the downloaded ETag and takes the lease with a conditional create", async () => {
    const state = s3(conditional.endpoint);
    const a = await machine(state);
    const b = await machine(state);
    await syncedRun(a, "2024-01-01");
    const holding = await beginStateSync({ config: a, runId: "run-holder", logger });
    expect((await failure(beginStateSync({ config: b, runId: "run-b", logger }))).code).toBe("STATE_LEASED");
    await holding?.finish();
    await syncedRun(b, "2024-02-01");
    const peek = await beginStateSync({ config: a, runId: "peek", logger });
    expect(watermark(a)).toBe("2024-02-01");
    await peek?.finish();
    const prefix = /s3_prefix = "([^"]+)"/.exec(state)?.[1] ?? "";
    expect([...conditional.objects.keys()].filter((k) => k.startsWith(prefix))).toEqual([`${prefix}state.mdb`]);
  });

  it("refuses a server that does not enforce conditional writes, unless told last-writer-wins is acceptable", async () => {
    const a = await machine(s3(s3rverEndpoint));
    const err = await failure(beginStateSync({ config: a, runId: "r", logger }));
    expect(err.code).toBe("STATE_SYNC_UNSAFE");
    expect(err.message).toMatch(/^The S3 server of s3:\/\/rocky\/t-[0-9a-f-]+\/ at http:\/\/127\.0\.0\.1:\d+ does not enforce conditional writes \(If-None-Match\), so two runners could overwrite each other's state$/);
    expect(err.hint).toContain('backend = "tiered"');
    const state = s3(s3rverEndpoint, 'concurrency_control = "off"');
    const x = await machine(state);
    const y = await machine(state);
    await syncedRun(x, "2024-06-01");
    const peek = await beginStateSync({ config: y, runId: "peek", logger });
    expect(watermark(y)).toBe("2024-06-01");
    await peek?.finish();
  });

  it("tiered: Valkey serialises the writers, S3 keeps the durable copy that seeds an emptied Valkey", async () => {
    const prefix = `t-${randomUUID()}:`;
    const state = `backend = "tiered"\nvalkey_url = "${inject("redisUrl")}"\nvalkey_prefix = "${prefix}"\ns3_bucket = "rocky"\ns3_prefix = "${prefix}/"\ns3_endpoint = "${s3rverEndpoint}"\ns3_force_path_style = true`;
    const a = await machine(state);
    const b = await machine(state);
    await syncedRun(a, "2024-07-01");
    const raw = new Redis(inject("redisUrl"));
    await raw.del(`${prefix}data`, `${prefix}version`);
    await raw.quit();
    const seeded = await beginStateSync({ config: b, runId: "run-b", logger });
    expect(watermark(b)).toBe("2024-07-01");
    await writeWatermark(b, "2024-08-01");
    await seeded?.finish();
    const peek = await beginStateSync({ config: a, runId: "peek", logger });
    expect(watermark(a)).toBe("2024-08-01");
    await peek?.finish();
    expect(JSON.parse(readFileSync(`${a.statePath}.sync.json`, "utf8"))).toMatchObject({ remote: expect.stringContaining("durable copy s3://rocky/"), pending_upload: false });
  });
});
