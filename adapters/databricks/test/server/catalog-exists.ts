import type { DuckDBInstance } from "@duckdb/node-api";

/** Whether a catalog (an attached DuckDB database) exists; names compare case-insensitively, as in Unity Catalog. */
export async function catalogExists(db: DuckDBInstance, name: string): Promise<boolean> {
  const connection = await db.connect();
  try {
    const rows = await (await connection.run("SELECT count(*) FROM duckdb_databases() WHERE database_name = $n", { n: name.toLowerCase() })).getRows();
    return rows[0]?.[0] !== 0n;
  } finally {
    connection.closeSync();
  }
}
