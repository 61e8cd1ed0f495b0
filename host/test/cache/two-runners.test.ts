import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { expect, inject, it } from "vitest";
import type { CacheStats } from "@rocky/protocol";

const RUNNER = resolve(import.meta.dirname, "fixtures", "lookup-runner.mjs");

interface RunnerOutput {
  readonly answers: unknown[];
  readonly stats: CacheStats;
}

function startRunner(args: string[]) {
  const child = spawn(process.execPath, [RUNNER, ...args], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ready = lines.next();
  return {
    ready,
    go: () => child.stdin.write("go\n"),
    result: (async () => {
      await ready;
      const line = await lines.next();
      child.stdin.end();
      return JSON.parse(String(line.value)) as RunnerOutput;
    })(),
  };
}

it("20 concurrent identical lookups from two runner processes make one upstream call", async () => {
  let calls = 0;
  const upstream = createServer((_req, res) => {
    calls++;
    // Slow enough that every lookup of both processes arrives while the first is still being answered.
    setTimeout(() => res.end(JSON.stringify({ schemas: ["src__acme__us_west__shopify"] })), 500);
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  try {
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1/groups/g/connectors`;
    const args = [inject("redisUrl"), `two-runners-${randomUUID()}:`, url, "10"];
    const runners = [startRunner(args), startRunner(args)];
    await Promise.all(runners.map((r) => r.ready));
    for (const r of runners) r.go();
    const [a, b] = await Promise.all(runners.map((r) => r.result));
    expect(calls).toBe(1);
    for (const out of [a, b]) expect(out?.answers).toEqual(Array.from({ length: 10 }, () => ({ schemas: ["src__acme__us_west__shopify"] })));
    const stats = [a, b].map((o) => o?.stats as CacheStats);
    // One process asked upstream (1 miss, 9 shared in memory); the other waited on its lock (1 Valkey hit, 9 shared).
    expect(stats.map((s) => s.misses).sort()).toEqual([0, 1]);
    expect(stats.map((s) => s.hits.valkey).sort()).toEqual([0, 1]);
    expect(stats.map((s) => s.hits.memory)).toEqual([9, 9]);
    expect(stats.map((s) => s.waits).sort()).toEqual([0, 1]);
  } finally {
    upstream.closeAllConnections();
    await new Promise<void>((r) => upstream.close(() => r()));
  }
});
