import type { AdapterHandlers } from "@rocky/protocol";
import { quoteIdentifier, quoteTableRef } from "../identifiers.js";

/** dialect/*: DuckDB's SQL for what the host renders; the same text as the host's built-in DuckDB dialect. */
export function dialectHandlers(): AdapterHandlers {
  return {
    "dialect/format_table_ref": (ref) => ({ sql: quoteTableRef(ref) }),
    "dialect/watermark_where": (params) => ({ sql: `WHERE ${quoteIdentifier(params.column, "watermark column")} > CAST(? AS TIMESTAMP)` }),
    "dialect/row_hash": (params) => {
      const parts = params.columns.map((c) => `coalesce(CAST(${quoteIdentifier(c, "column name")} AS VARCHAR), '')`);
      return { sql: `md5(concat_ws('|', ${parts.join(", ")}))` };
    },
  };
}
