import { Methods, type ExecuteBatchResult, type ExecuteStatementParams } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import { AdapterError } from "./adapter-error.js";
import type { AdapterClient, BatchStatement, ExecuteBatchOptions } from "./types.js";

/**
 * `execute_batch` on adapters that declare `transactions`. Without it, a transactional batch is refused (running it as separate
 * requests could leave half a change behind) and a non-transactional one runs as execute_statement calls, in order.
 */
export async function executeBatch(client: AdapterClient, statements: readonly BatchStatement[], options: ExecuteBatchOptions = {}): Promise<ExecuteBatchResult> {
  const { transaction = true, ...requestOptions } = options;
  const wire = statements.map(toWire);
  const [first, ...rest] = wire;
  if (first === undefined) return { results: [] };
  if (!client.has("transactions")) {
    if (transaction) {
      throw new RockyError(
        "ADAPTER_CAPABILITY_MISSING",
        `Adapter "${client.name}" cannot run ${wire.length} statements in one transaction: it does not declare capability "transactions" (execute_batch)`,
        { hint: "Use an adapter whose manifest declares capabilities.transactions = true; Rocky never runs such a change as separate requests" },
      );
    }
    return sequential(client, wire, requestOptions);
  }
  const result = await client.request(Methods.executeBatch, { statements: [first, ...rest], transaction }, requestOptions);
  if (result.results.length !== wire.length) {
    throw new RockyError(
      "ADAPTER_RESPONSE_INVALID",
      `Adapter "${client.name}" answered "execute_batch" of ${wire.length} statements with ${result.results.length} results`,
      { hint: "execute_batch answers one entry in `results` per statement, in order; this is a bug in the adapter" },
    );
  }
  return result;
}

async function sequential(client: AdapterClient, statements: readonly ExecuteStatementParams[], options: ExecuteBatchOptions): Promise<ExecuteBatchResult> {
  const results: ExecuteBatchResult["results"] = [];
  for (const [index, statement] of statements.entries()) {
    try {
      results.push(await client.request(Methods.executeStatement, statement, options));
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      const data = error.data && typeof error.data === "object" ? error.data : {};
      throw new AdapterError(error.adapter, error.method, error.wireCode, error.wireMessage, { ...data, statement_index: index });
    }
  }
  return { results };
}

function toWire(statement: BatchStatement): ExecuteStatementParams {
  return statement.params && statement.params.length > 0 ? { sql: statement.sql, params: [...statement.params] } : { sql: statement.sql };
}
