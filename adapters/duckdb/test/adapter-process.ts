import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect } from "vitest";

export const MAIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");

export interface WireMessage {
  jsonrpc: "2.0";
  id?: number | string | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: Record<string, unknown> };
}

/** The built adapter (or `entry`) as a real process, spoken to in JSON lines. Every stdout line that is not JSON-RPC lands in `junk`. */
export function startAdapter(entry = MAIN) {
  const child = spawn(process.execPath, [entry], { stdio: ["pipe", "pipe", "pipe"] });
  const received: WireMessage[] = [];
  const junk: string[] = [];
  let stderr = "";
  let waiters: { match: (m: WireMessage) => boolean; resolve: (m: WireMessage) => void }[] = [];
  let buffered = "";
  let nextId = 1;
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    for (let nl = buffered.indexOf("\n"); nl !== -1; nl = buffered.indexOf("\n")) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      let message: WireMessage;
      try {
        message = JSON.parse(line) as WireMessage;
      } catch {
        junk.push(line);
        continue;
      }
      if (message?.jsonrpc !== "2.0") junk.push(line);
      received.push(message);
      const ready = waiters.filter((w) => w.match(message));
      waiters = waiters.filter((w) => !w.match(message));
      for (const w of ready) w.resolve(message);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );

  const waitFor = (match: (m: WireMessage) => boolean) =>
    new Promise<WireMessage>((resolve) => {
      const seen = received.find(match);
      if (seen) resolve(seen);
      else waiters.push({ match, resolve });
    });
  const sendRaw = (line: string) => void child.stdin.write(`${line}\n`);
  const send = (message: object) => sendRaw(JSON.stringify({ jsonrpc: "2.0", ...message }));
  const response = (id: number | string | null) => waitFor((m) => m.id === id && m.method === undefined);
  /** Sends a request; returns its id and the promise of its answer. */
  const call = (method: string, params: object = {}) => {
    const id = nextId++;
    send({ id, method, params });
    return { id, answer: response(id) };
  };
  const request = (method: string, params: object = {}) => call(method, params).answer;
  /** The result, or a thrown Error carrying the wire error. */
  const result = async <T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> => {
    const m = await request(method, params);
    if (m.error) throw new Error(`${method} failed: ${m.error.code} ${m.error.message}`);
    return m.result as T;
  };
  const initialize = (config: object) => result("initialize", { config, protocol_versions: { min: 1, max: 1 }, client: { name: "test", version: "0" } });

  return {
    child,
    received,
    junk,
    get stderr() {
      return stderr;
    },
    exited,
    send,
    sendRaw,
    call,
    request,
    result,
    initialize,
    waitFor,
    endInput: () => child.stdin.end(),
    /** shutdown, close stdin, wait for the exit. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        await request("shutdown");
        child.stdin.end();
      }
      return exited;
    },
    kill: () => child.kill("SIGKILL"),
  };
}

export type AdapterProcess = ReturnType<typeof startAdapter>;

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), "rocky-duckdb-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Per-test temporary directory and adapter processes, killed after each test, which also checks that no
 * adapter wrote anything but protocol lines to stdout. `open(config)` starts one and initializes it
 * with `path` = `<dir>/warehouse.duckdb` unless the config says otherwise.
 */
export function useAdapters() {
  let dir: ReturnType<typeof tempDir> | undefined;
  let running: AdapterProcess[] = [];
  beforeEach(() => {
    dir = tempDir();
    running = [];
  });
  afterEach(async () => {
    for (const adapter of running) {
      expect(adapter.junk).toEqual([]);
      adapter.kill();
      await adapter.exited;
    }
    dir?.remove();
  });
  const path = () => {
    if (!dir) throw new Error("useAdapters() is used outside a test");
    return dir.path;
  };
  const start = () => {
    const adapter = startAdapter();
    running.push(adapter);
    return adapter;
  };
  const open = async (config: object = {}) => {
    const adapter = start();
    await adapter.initialize({ path: join(path(), "warehouse.duckdb"), ...config });
    return adapter;
  };
  return { start, open, path };
}
