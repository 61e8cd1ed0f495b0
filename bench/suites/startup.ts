import { spawn } from "node:child_process";
import { createSuiteResult, figure, type SuiteResult } from "../lib/figure.js";
import { spawnHostAdapter } from "../lib/host-adapter.js";
import { missing, PEERS } from "../lib/peers.js";
import { median, nowMs } from "../lib/stats.js";

const RUNS = 15;

/** Spawn to exit of a program that does nothing: the interpreter's own start-up and teardown. */
function bare(command: readonly string[]): () => Promise<number> {
  return () =>
    new Promise((resolve, reject) => {
      const t0 = nowMs();
      const [file, ...args] = command as [string, ...string[]];
      const child = spawn(file, args, { stdio: "ignore" });
      child.once("error", reject);
      child.once("exit", () => resolve(nowMs() - t0));
    });
}

/** spawnAdapter() to a completed handshake (initialize answered, manifest and config validated); the close is not timed. */
function handshake(name: string, command: readonly string[], config: Record<string, unknown>, firstQuery?: string): () => Promise<number> {
  return async () => {
    const t0 = nowMs();
    const client = await spawnHostAdapter(name, command, config);
    if (firstQuery) await client.query(firstQuery);
    const ms = nowMs() - t0;
    await client.close();
    return ms;
  };
}

export async function startupSuite(): Promise<SuiteResult> {
  const result = createSuiteResult("startup", "Start-up: spawn to completed handshake vs bare interpreter start");
  const variants: Record<string, () => Promise<number>> = {
    "node -e 0": bare([process.execPath, "-e", "0"]),
    "python3 -c pass": bare(["python3", "-c", "pass"]),
    "raw Node echo handshake": handshake("raw-echo", PEERS.rawNodeEcho, {}),
  };
  const duckdbMissing = missing("DuckDB adapter", PEERS.duckdb[1]);
  const sdkMissing = missing("Python SDK example adapter", PEERS.pythonSdk[1]);
  if (!duckdbMissing) {
    variants["DuckDB adapter handshake"] = handshake("duckdb", PEERS.duckdb, { path: ":memory:" });
    variants["DuckDB adapter handshake + SELECT 1"] = handshake("duckdb", PEERS.duckdb, { path: ":memory:" }, "SELECT 1");
  }
  if (!sdkMissing) variants["Python SDK adapter handshake"] = handshake("python-sdk", PEERS.pythonSdk, { path: ":memory:" });

  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const run of Object.values(variants)) await run(); // warm the page cache
  for (let i = 0; i < RUNS; i++) for (const [name, run] of Object.entries(variants)) samples[name]?.push(await run());
  const med = (name: string) => median(samples[name] ?? []);

  const against = (name: string, bareName: string, target: boolean) => {
    if (!(name in samples)) return;
    const over = med(name) - med(bareName);
    result.figures.push(
      figure(`${name} (median of ${RUNS})`, med(name), "ms", {
        baseline: { name: bareName, value: med(bareName) },
        ...(target ? { target: { text: `+${over.toFixed(1)} ms; ≤ +50 ms`, met: over <= 50 } } : {}),
      }),
    );
  };
  against("raw Node echo handshake", "node -e 0", false);
  against("DuckDB adapter handshake", "node -e 0", true);
  against("DuckDB adapter handshake + SELECT 1", "node -e 0", false);
  against("Python SDK adapter handshake", "python3 -c pass", true);
  result.notes.push(
    `${RUNS} runs of each variant, interleaved (one of each per round) after one unmeasured warm-up of each; medians. The target column shows the overhead above the bare interpreter.`,
    "Bare: spawn to exit of `node -e 0` / `python3 -c pass`. Handshake: spawnAdapter() (execa spawn, initialize, manifest and config validation) until it resolves, from the host process; closing is not timed.",
  );
  if (duckdbMissing) result.notes.push(`Skipped DuckDB: ${duckdbMissing}.`);
  if (sdkMissing) result.notes.push(`Skipped Python SDK: ${sdkMissing}.`);
  result.details.samplesMs = samples;
  return result;
}
