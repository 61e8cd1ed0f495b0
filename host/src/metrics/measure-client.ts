import { Methods } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { CallRecorder } from "./run-metrics.js";

const TIMED = new Set(["request", "executeStatement", "executeBatch", "query", "describeTable", "tableExists", "discover"]);

function statementsOf(method: string, args: readonly unknown[]): number {
  if (method === "executeStatement") return 1;
  if (method === "executeBatch") return (args[0] as readonly unknown[]).length;
  if (method !== "request") return 0;
  const [spec, params] = args as [{ readonly method: string }, { readonly statements?: readonly unknown[] } | undefined];
  const name = spec.method;
  if (name === Methods.executeStatement.method) return 1;
  if (name === Methods.executeBatch.method) return params?.statements?.length ?? 0;
  return 0;
}

/** The same client, every call it answers timed into `recorder`, every SQL statement it is sent counted, and its $/metrics recorded. */
export function measureClient(client: AdapterClient, recorder: CallRecorder): AdapterClient {
  client.onMetrics((metrics) => recorder.adapter(client.name, metrics));
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof key !== "string" || !TIMED.has(key) || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        recorder.statements(statementsOf(key, args));
        const started = performance.now();
        let ok = false;
        try {
          const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as unknown;
          ok = true;
          return result;
        } finally {
          recorder.call(performance.now() - started, ok);
        }
      };
    },
  });
}
