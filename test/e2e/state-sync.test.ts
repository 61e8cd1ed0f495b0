import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { describe, expect, inject, it } from "vitest";
import type { RunOutput } from "@rocky/protocol";
import { landData, playgroundCopy, rocky } from "./helpers.js";

/** Two "machines" on one warehouse: rocky-a.toml and rocky-b.toml differ only in where their local state lives. */
function twoMachines(prefix: string): string {
  const dir = playgroundCopy();
  const base = readFileSync(join(dir, "rocky.toml"), "utf8").replace(/\[state\][^[]*$/, "");
  for (const m of ["a", "b"]) {
    writeFileSync(join(dir, `rocky-${m}.toml`), `${base}[state]\npath = ".rocky/state-${m}"\nbackend = "valkey"\nvalkey_url = "${inject("redisUrl")}"\nvalkey_prefix = "${prefix}"\n`);
  }
  return dir;
}

const tables = (run: RunOutput) => run.pipelines.flatMap((p) => p.tables);

describe("rocky run with [state] backend = valkey", () => {
  it("a second machine continues incrementally from the watermarks the first one uploaded", async () => {
    const dir = twoMachines(`e2e-${randomUUID()}:`);
    const first = await rocky(dir, "run", "--config", "rocky-a.toml", "--output", "json");
    expect(first.exitCode, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout) as RunOutput;
    landData(dir, "--append");
    const second = await rocky(dir, "run", "--config", "rocky-b.toml", "--output", "json");
    expect(second.exitCode, second.stderr).toBe(0);
    const b = JSON.parse(second.stdout) as RunOutput;
    const before = new Map(tables(a).map((t) => [t.target, t.watermark_after]));
    // Tables without a timestamp column (the playground's owners) are copied whole every run.
    expect(tables(b).map((t) => [t.target, t.strategy, t.watermark_before])).toEqual(
      tables(b).map((t) => [t.target, before.get(t.target) === null ? "full_refresh" : "incremental", before.get(t.target)]),
    );
    expect(tables(b).filter((t) => t.strategy === "incremental").length).toBeGreaterThan(5);
    expect(tables(b).reduce((n, t) => n + (t.rows_copied ?? 0), 0)).toBeLessThan(tables(a).reduce((n, t) => n + (t.rows_copied ?? 0), 0));
    const history = JSON.parse((await rocky(dir, "history", "--config", "rocky-b.toml", "--output", "json")).stdout) as { runs: RunOutput[] };
    expect(history.runs.map((r) => r.run_id)).toEqual([b.run_id, a.run_id]);
  });

  it("fails at start while another runner holds the lease, naming it, and with --wait runs once it is released", async () => {
    const prefix = `e2e-${randomUUID()}:`;
    const dir = twoMachines(prefix);
    const redis = new Redis(inject("redisUrl"));
    const holder = { run_id: "run-elsewhere", host: "ci-runner-7", pid: 4242, started_at: "2026-12-02T04:00:00.000Z" };
    await redis.set(`${prefix}lease`, JSON.stringify(holder), "PX", 60_000);
    const doctor = JSON.parse((await rocky(dir, "doctor", "--config", "rocky-a.toml", "--output", "json")).stdout) as { checks: { name: string; status: string; message: string }[] };
    expect(doctor.checks.find((c) => c.name === "state.remote")).toMatchObject({
      status: "ok",
      message: `valkey ${inject("redisUrl")} (prefix "${prefix}") reachable, no state uploaded yet, leased by run run-elsewhere (pid 4242 on ci-runner-7, since 2026-12-02T04:00:00.000Z)`,
    });
    const refused = await rocky(dir, "run", "--config", "rocky-a.toml");
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain(`error: The state at valkey ${inject("redisUrl")} (prefix "${prefix}") is held by run "run-elsewhere" (pid 4242 on ci-runner-7, since 2026-12-02T04:00:00.000Z)`);
    expect(refused.stderr).toContain("pass --wait to start when it does");
    const waiting = rocky(dir, "run", "--config", "rocky-a.toml", "--wait");
    await new Promise((r) => setTimeout(r, 1500));
    await redis.del(`${prefix}lease`);
    const ran = await waiting;
    expect(ran.exitCode, ran.stderr).toBe(0);
    expect(await redis.exists(`${prefix}data`, `${prefix}version`)).toBe(2);
    expect(await redis.exists(`${prefix}lease`)).toBe(0);
    await redis.quit();
  });
});

describe("rocky run with [events] valkey_url", () => {
  it("publishes every event, in order, to a subscriber of the channel: the same events as --events FILE", async () => {
    const dir = playgroundCopy();
    const channel = `rocky-events-${randomUUID()}`;
    writeFileSync(join(dir, "rocky.toml"), `${readFileSync(join(dir, "rocky.toml"), "utf8")}\n[events]\nvalkey_url = "${inject("redisUrl")}"\nchannel = "${channel}"\n`);
    const subscriber = new Redis(inject("redisUrl"));
    const received: string[] = [];
    subscriber.on("message", (_channel: string, message: string) => received.push(message));
    await subscriber.subscribe(channel);
    const r = await rocky(dir, "run", "--events", "events.jsonl");
    expect(r.exitCode, r.stderr).toBe(0);
    const written = readFileSync(join(dir, "events.jsonl"), "utf8").trimEnd().split("\n");
    const deadline = Date.now() + 5000;
    while (received.length < written.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual(written);
    expect(received.map((m) => (JSON.parse(m) as { seq: number }).seq)).toEqual(written.map((_, i) => i + 1));
    await subscriber.quit();
  });

  it("runs on with one warning when the Valkey server is unreachable", async () => {
    const dir = playgroundCopy();
    writeFileSync(join(dir, "rocky.toml"), `${readFileSync(join(dir, "rocky.toml"), "utf8")}\n[events]\nvalkey_url = "redis://127.0.0.1:1"\n`);
    const r = await rocky(dir, "run", "--output", "json");
    expect(r.exitCode, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as RunOutput).status).toBe("succeeded");
    expect(r.stderr.match(/Cannot publish run events to redis:\/\/127\.0\.0\.1:1 channel \\"rocky:events\\"/g)).toHaveLength(1);
  });
});
