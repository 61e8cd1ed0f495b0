import { listValue } from "@duckdb/node-api";
import type { AdapterHandlers, SqlParseOutcome } from "@rocky/protocol";
import type { DuckDbDatabase } from "../duckdb-database.js";

/**
 * json_serialize_sql() parses without binding (tables need not exist) and serializes only queries; its error says which.
 * Each text's JSON is read once: a success (it starts `{"error":false,`) only for its statement count, an error only for
 * its fields. Without nulls and empty lists the JSON is a fraction of the size. (Extracting five fields from a JSON
 * value parses the whole serialized tree five times; that was two thirds of a 10,000-model cold plan's parse time.)
 */
const PARSE_SQL = `WITH parsed AS MATERIALIZED (SELECT n, json_serialize_sql(s, skip_null := true, skip_empty := true) AS j FROM unnest(?::VARCHAR[]) WITH ORDINALITY t(s, n)),
checked AS (SELECT n, j, starts_with(j, '{"error":false,') AS ok FROM parsed),
fields AS (SELECT n, ok, CASE WHEN ok THEN json_array_length(j, '$.statements') END AS count,
  CASE WHEN NOT ok THEN json_extract_string(j, ['$.error_type', '$.error_message', '$.position']) END AS e FROM checked)
SELECT NOT ok, e[1], e[2], e[3], count FROM fields ORDER BY n`;

/** json_serialize_sql's error for a text that parses but holds a statement that is not a query. */
const NOT_A_QUERY = "not implemented";

/** DuckDB reports positions in bytes of UTF-8; the protocol counts UTF-16 code units. */
function charOffset(text: string, byteOffset: number): number {
  return Buffer.from(text, "utf8").subarray(0, byteOffset).toString("utf8").length;
}

/** sql/parse: DuckDB's own parser, without running or binding anything. */
export function sqlParseHandlers(db: () => DuckDbDatabase): AdapterHandlers {
  return {
    "sql/parse": async (params, ctx) => {
      const { statements } = params;
      const rows = (await db().use(ctx.signal, async (c) => (await c.run(PARSE_SQL, [listValue(statements)])).getRowsJS())) as [
        boolean,
        string | null,
        string | null,
        string | null,
        bigint | number | null,
      ][];
      const results = await Promise.all(
        rows.map(async ([failed, errorType, message, position, count], i): Promise<SqlParseOutcome> => {
          const text = statements[i] as string;
          if (!failed) return { valid: true, statements: Number(count), select: true };
          if (errorType === NOT_A_QUERY) {
            // It parsed; count its statements (extracting parses, nothing runs).
            const extracted = await db().use(ctx.signal, (c) => c.extractStatements(text));
            return { valid: true, statements: extracted.count, select: false };
          }
          const at = position === null ? undefined : Number(position);
          return {
            valid: false,
            message: message ?? "DuckDB cannot parse the SQL",
            ...(at === undefined || !Number.isInteger(at) ? {} : { position: charOffset(text, at) }),
          };
        }),
      );
      return { results };
    },
  };
}
