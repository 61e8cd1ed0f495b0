import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const MAIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");

export interface WireMessage {
  jsonrpc: "2.0";
  id?: number | string | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: Record<string, unknown> };
}

/** The built adapter as a real process, spoken to in JSON lines; env is exactly what is given (plus PATH). */
export function startAdapter(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [MAIN], { stdio: ["pipe", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "", ...env } });
  const received: WireMessage[] = [];
  const stdoutLines: string[] = [];
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
      stdoutLines.push(line);
      const message = JSON.parse(line) as WireMessage;
      received.push(message);
      const ready = waiters.filter((w) => w.match(message));
      waiters = waiters.filter((w) => !w.match(message));
      for (const w of ready) w.resolve(message);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = (match: (m: WireMessage) => boolean) =>
    new Promise<WireMessage>((resolve) => {
      const seen = received.find(match);
      if (seen) resolve(seen);
      else waiters.push({ match, resolve });
    });
  const send = (message: object) => void child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const call = (method: string, params: object = {}) => {
    const id = nextId++;
    send({ id, method, params });
    return { id, answer: waitFor((m) => m.id === id && m.method === undefined) };
  };
  const request = (method: string, params: object = {}) => call(method, params).answer;
  const result = async <T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> => {
    const m = await request(method, params);
    if (m.error) throw new Error(`${method} failed: ${m.error.code} ${m.error.message}`);
    return m.result as T;
  };
  return {
    child,
    received,
    stdoutLines,
    get stderr() {
      return stderr;
    },
    /** `$/log` notifications so far. */
    logs: () => received.filter((m) => m.method === "$/log").map((m) => m.params as { level: string; message: string; fields?: Record<string, unknown> }),
    send,
    call,
    request,
    result,
    initialize: (config: object) => result("initialize", { config, protocol_versions: { min: 1, max: 1 } }),
    async stop(): Promise<number | null> {
      child.stdin.end();
      return exited;
    },
  };
}

export type AdapterProcess = ReturnType<typeof startAdapter>;
