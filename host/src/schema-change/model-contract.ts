import { Methods, type ColumnInfo, type TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Statement } from "../ir/statement.js";
import { selectFrom } from "../models/sql/subquery.js";
import type { Dialect } from "../sql/dialect.js";
import { tableKey } from "../state/state-store.js";
import { assertContract, checkContract, nullViolations, type ContractCheck } from "./check-contract.js";
import type { Contract } from "./contract.js";

/**
 * The columns a SELECT would produce, from the warehouse without reading a row: `SELECT * FROM (q) WHERE 1 = 0` (every
 * engine accepts it; LIMIT is not universal) and its column_types. A type the adapter does not report is "" (unknown); nullability is never known this way.
 */
export async function describeSelect(client: AdapterClient, dialect: Dialect, select: Statement): Promise<ColumnInfo[]> {
  // execute_query, not a cursor: one round trip, and its answer carries column_types.
  const result = await client.request(Methods.executeQuery, { sql: selectFrom(dialect, select.sql, "WHERE 1 = 0"), params: [...select.params] });
  return result.columns.map((name, i) => ({ name, data_type: result.column_types?.[i] ?? "", nullable: true }));
}

export interface ModelContractOptions {
  readonly client: AdapterClient;
  readonly dialect: Dialect;
  readonly contract: Contract;
  readonly target: TableRef;
  /** The model's SELECT with its parameters bound (time_interval: the whole range this run builds). */
  readonly select: Statement;
}

/** Checks a model's output and its existing target against its contract; reads nothing but metadata. */
export async function checkModelContract(o: ModelContractOptions): Promise<ContractCheck> {
  const columns = await describeSelect(o.client, o.dialect, o.select);
  const existing = (await o.client.tableExists(o.target)) ? await o.client.describeTable(o.target) : undefined;
  return checkContract(o.contract, { table: tableKey(o.target), columns, existing, dialect: o.dialect.name });
}

/**
 * Before a model writes: its contract checked on its output columns, then any nullable = false column the schema does not
 * prove NOT NULL on the rows the SELECT yields. Throws ContractViolationError; nothing has been written then.
 */
export async function enforceModelContract(o: ModelContractOptions): Promise<void> {
  const check = await checkModelContract(o);
  const table = tableKey(o.target);
  assertContract(table, check.violations);
  if (check.nullChecks.length === 0) return;
  const counts = check.nullChecks.map((c) => `count(CASE WHEN ${o.dialect.quote(c, "column name")} IS NULL THEN 1 END)`).join(", ");
  const { rows } = await o.client.request(Methods.executeQuery, { sql: selectFrom(o.dialect, o.select.sql).replace(/^SELECT \*/, `SELECT ${counts}`), params: [...o.select.params] });
  assertContract(table, nullViolations({ columns: check.nullChecks, contract: o.contract }, rows[0] ?? []));
}
