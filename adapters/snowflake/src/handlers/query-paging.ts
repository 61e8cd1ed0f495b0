import { createRemotePaging, type RemotePaging } from "@rocky/adapter-kit";
import { toBindings } from "../sql-api/bindings.js";
import { convertRows, typeName } from "../sql-api/row-values.js";
import type { WarehouseSession } from "../warehouse-session.js";

/** query/open, query/fetch, query/close over the kit's remote paging: one Snowflake partition in memory at a time, read in order. */
export function queryPaging(session: () => WarehouseSession): RemotePaging {
  return createRemotePaging({
    toWireError: (error) => session().wire(error),
    open: async (params, signal) => {
      const s = session();
      const first = await s.api.execute(params.sql, { bindings: toBindings(params.params), signal });
      const rowType = first.resultSetMetaData?.rowType ?? [];
      const partitions = first.resultSetMetaData?.partitionInfo?.length ?? 1;
      let next = 0;
      return {
        columns: rowType.map((f) => f.name),
        columnTypes: rowType.map(typeName),
        next: async (fetchSignal) => {
          const index = next++;
          const rows = index === 0 ? (first.data ?? []) : await s.api.partition(first.statementHandle, index, fetchSignal);
          return { rows: convertRows(rows, rowType), last: index >= partitions - 1 };
        },
      };
    },
  });
}
