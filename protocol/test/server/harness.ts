import { PassThrough } from "node:stream";
import { createAdapterServer } from "../../src/server/create-adapter-server.js";
import type { AdapterManifest } from "../../src/generated/types.js";
import type { AdapterHandlers, AdapterServer, AdapterServerOptions } from "../../src/server/types.js";

export interface WireMessage {
  jsonrpc: "2.0";
  id?: number | string | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { code: number; message: string; data?: Record<string, unknown> };
}

export const TEST_MANIFEST: AdapterManifest = {
  name: "memory",
  version: "0.0.1",
  sdk_version: "0.1.0",
  dialect: "generic",
  capabilities: {
    warehouse: true,
    discovery: false,
    governance: false,
    batch_checks: false,
    create_catalog: false,
    create_schema: false,
    merge: false,
    tablesample: false,
    cancellation: true,
  },
  auth_methods: [],
  config_schema: { type: "object", properties: { name: { type: "string" } }, additionalProperties: false },
};

/** An adapter server on in-memory streams, and a client that writes lines and waits for what comes back. */
export function startServer(handlers: AdapterHandlers = {}, options: Partial<AdapterServerOptions> = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  const received: WireMessage[] = [];
  /** Every line written, exactly as sent. */
  const lines: string[] = [];
  let lineWaiters: { count: number; resolve: () => void }[] = [];
  const exitCodes: number[] = [];
  let waiters: { match: (m: WireMessage) => boolean; resolve: (m: WireMessage) => void }[] = [];
  let buffered = "";
  output.setEncoding("utf8");
  output.on("data", (chunk: string) => {
    buffered += chunk;
    let nl = buffered.indexOf("\n");
    while (nl !== -1) {
      const line = buffered.slice(0, nl);
      const message = JSON.parse(line) as WireMessage;
      buffered = buffered.slice(nl + 1);
      lines.push(line);
      for (const w of lineWaiters.filter((w) => lines.length >= w.count)) w.resolve();
      lineWaiters = lineWaiters.filter((w) => lines.length < w.count);
      received.push(message);
      const ready = waiters.filter((w) => w.match(message));
      waiters = waiters.filter((w) => !w.match(message));
      for (const w of ready) w.resolve(message);
      nl = buffered.indexOf("\n");
    }
  });
  const server: AdapterServer = createAdapterServer({
    manifest: TEST_MANIFEST,
    supportedVersions: { min: 1, max: 1 },
    handlers,
    input,
    output,
    onExit: (code) => void exitCodes.push(code),
    ...options,
  });

  const waitFor = (match: (m: WireMessage) => boolean) =>
    new Promise<WireMessage>((resolve) => {
      const seen = received.find(match);
      if (seen) resolve(seen);
      else waiters.push({ match, resolve });
    });
  /** Resolves with every line written once there are at least `count`. */
  const waitForLines = (count: number) =>
    new Promise<string[]>((resolve) => {
      if (lines.length >= count) resolve([...lines]);
      else lineWaiters.push({ count, resolve: () => resolve([...lines]) });
    });
  const sendRaw = (line: string) => void input.write(`${line}\n`);
  const send = (message: object) => sendRaw(JSON.stringify({ jsonrpc: "2.0", ...message }));
  const response = (id: number | string | null) => waitFor((m) => m.id === id && m.method === undefined);
  const request = (id: number | string, method: string, params?: unknown) => {
    send(params === undefined ? { id, method } : { id, method, params });
    return response(id);
  };
  const initialize = (config: object = {}) => request("init", "initialize", { config, protocol_versions: { min: 1, max: 1 } });

  return { server, received, lines, waitForLines, exitCodes, waitFor, send, sendRaw, request, response, initialize, end: () => input.end() };
}

/** A promise with its resolver outside, to sequence handlers without timers. */
export function latch<T = void>() {
  let open: (value: T) => void = () => undefined;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { open, opened };
}
