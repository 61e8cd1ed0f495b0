import type { Redactor } from "@rocky/adapter-kit";
import type { AdapterHandler, AdapterHandlers } from "@rocky/protocol";
import { catalogHandlers } from "./handlers/catalogs.js";
import { checksHandlers } from "./handlers/checks.js";
import { discoveryHandlers } from "./handlers/discovery.js";
import { governanceHandlers } from "./handlers/governance.js";
import { grantsHandlers } from "./handlers/grants.js";
import { queryPaging } from "./handlers/query-paging.js";
import { warehouseHandlers } from "./handlers/warehouse.js";
import { workspaceBindingsHandlers } from "./handlers/workspace-bindings.js";
import type { DatabricksConfig } from "./manifest.js";
import { createRuntime, type Log, type Runtime } from "./runtime.js";
import { toWireError } from "./wire-error.js";

export interface DatabricksAdapter {
  readonly handlers: AdapterHandlers;
  /** Built from the config's secrets at initialize; every stderr line passes through it. */
  readonly redactor: () => Redactor | undefined;
  close(): Promise<void>;
}

/** The Databricks adapter's handlers; the runtime (credentials, HTTP clients, AIMD window) is built on `initialize`. */
export function createDatabricksAdapter(env: NodeJS.ProcessEnv = process.env): DatabricksAdapter {
  let runtime: Runtime | undefined;
  let log: Log = () => undefined;
  const rt = () => {
    if (!runtime) throw new Error("The adapter is not initialized");
    return runtime;
  };
  const toWire = (error: unknown) => toWireError(error, runtime);
  const paging = queryPaging(rt, toWire);
  const handlers: AdapterHandlers = {
    ...warehouseHandlers(rt),
    ...discoveryHandlers(rt),
    ...catalogHandlers(rt),
    ...governanceHandlers(rt),
    ...grantsHandlers(rt),
    ...workspaceBindingsHandlers(rt),
    ...checksHandlers(rt),
    ...paging.handlers,
  };
  // Every handler's failure leaves through toWireError: credentials named, secrets redacted.
  const wrapped = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      (async (params, ctx) => {
        try {
          return await (handler as AdapterHandler<unknown, unknown>)(params, ctx);
        } catch (error) {
          throw toWire(error);
        }
      }) satisfies AdapterHandler<unknown, unknown>,
    ]),
  ) as AdapterHandlers;
  return {
    handlers: {
      ...wrapped,
      initialize: (params, ctx) => {
        log = (level, message, fields) => ctx.log(level, runtime?.redactor.redact(message) ?? message, fields);
        try {
          runtime = createRuntime(params.config as DatabricksConfig, env, (level, message, fields) => log(level, message, fields), (metrics) => ctx.metrics(metrics));
        } catch (error) {
          throw toWire(error);
        }
        log("info", `Connecting to ${runtime.config.host} with ${runtime.authMethod}`, { aimd_window: runtime.aimd.window });
      },
      shutdown: async () => {
        await paging.closeAll();
        await runtime?.runner.flushCancels(1500);
        if (runtime) log("info", "Statement statistics", { ...runtime.aimd.stats, retries_used: runtime.budget.used });
      },
    },
    redactor: () => runtime?.redactor,
    close: async () => {
      await paging.closeAll();
      await runtime?.runner.flushCancels(1500);
    },
  };
}
