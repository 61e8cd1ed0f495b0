import { createRemotePaging, type RemotePaging } from "@rocky/adapter-kit";
import type { Runtime } from "../runtime.js";

/** query/open|fetch|close: a statement's result read chunk by chunk (`result/chunks/{i}`), one chunk in memory at a time. */
export function queryPaging(rt: () => Runtime, toWire: (error: unknown) => unknown): RemotePaging {
  return createRemotePaging({
    toWireError: toWire,
    open: async (params, signal) => {
      const result = await rt().runner.run(params.sql, params.params, signal);
      return {
        columns: result.columns.map((c) => c.name),
        columnTypes: result.columns.map((c) => c.type_text ?? c.type_name ?? "STRING"),
        next: (s) => result.next(s),
      };
    },
  });
}
