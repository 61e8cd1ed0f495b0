import { spawn } from "node:child_process";

// One harness for every adapter package's process tests: the adapter under test is a real child process.

export interface WireMessage {
  jsonrpc: "2.0";
  id?: number | string | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: Record<string, unknown> };
}

export interface StartOptions {
  /** The environment, exactly (plus PATH); the test process's own when undefined. */
  readonly env?: Record<string, string> | undefined;
}

/**
 * A built adapter (`node <entry>`) as a real process, spoken to in JSON lines. Every stdout line is kept in
 * `stdoutLines`; one that is not JSON-RPC also lands in `junk`.
 */
export function startAdapterProcess(entry: string, options: StartOptions = {}) {
  const env = options.env === undefined ? process.env : { PATH: process.env.PATH ?? "", ...options.env };
  const child = spawn(process.execPath, [entry], { stdio: ["pipe", "pipe", "pipe"], env });
  const received: WireMessage[] = [];
  const junk: string[] = [];
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
    stdoutLines,
    get stderr() {
      return stderr;
    },
    exited,
    /** `$/log` notifications so far. */
    logs: () => received.filter((m) => m.method === "$/log").map((m) => m.params as { level: string; message: string; fields?: Record<string, unknown> }),
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

export type AdapterProcess = ReturnType<typeof startAdapterProcess>;
