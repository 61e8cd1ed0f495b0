import { describe, expect, it } from "vitest";
import { databricks } from "./fixture.js";

describe("Databricks adapter: batched metadata", () => {
  it("describes (one information_schema scan per 200 tables), counts and checks the freshness (UNION ALL of at most 200 tables) of 450 tables", async () => {
    const { adapter, server } = await databricks();
    const connection = await server.state.db.connect();
    try {
      const tables = Array.from({ length: 450 }, (_, i) => `CREATE TABLE memory.many.t${i} AS SELECT r AS id, TIMESTAMP '2024-01-01' + r * INTERVAL 1 DAY AS updated_at FROM range(${i % 5}) t(r);`);
      await connection.run(`CREATE SCHEMA memory.many; ${tables.join("\n")}`);
    } finally {
      connection.closeSync();
    }
    const refs = Array.from({ length: 450 }, (_, i) => ({ catalog: "memory", schema: "many", table: `t${i}` }));
    const statements = () => server.requests.filter((r) => r === "POST /api/2.0/sql/statements").length;

    let before = statements();
    const described = await adapter.result<{ tables: Array<{ table: string; exists: boolean; columns: unknown[] }> }>("describe_tables", {
      tables: [...refs, { catalog: "memory", schema: "many", table: "missing" }],
    });
    expect(statements() - before).toBe(3);
    expect(described.tables).toHaveLength(451);
    expect(described.tables[449]).toEqual({
      catalog: "memory", schema: "many", table: "t449", exists: true,
      columns: [{ name: "id", data_type: "bigint", nullable: true }, { name: "updated_at", data_type: "timestamp", nullable: true }],
    });
    expect(described.tables[450]).toMatchObject({ table: "missing", exists: false, columns: [] });

    before = statements();
    const { counts } = await adapter.result<{ counts: Array<{ table: string; row_count: number }> }>("checks/row_counts", { tables: refs });
    expect(statements() - before).toBe(3);
    expect(counts.map((c) => c.row_count)).toEqual(refs.map((_, i) => i % 5));

    const { results } = await adapter.result<{ results: Array<{ max_value: string | null }> }>("checks/freshness", {
      tables: refs.slice(0, 5).map((r) => ({ ...r, column: "updated_at" })),
    });
    expect(results.map((r) => r.max_value)).toEqual([null, "2024-01-01 00:00:00", "2024-01-02 00:00:00", "2024-01-03 00:00:00", "2024-01-04 00:00:00"]);

    const { schemas } = await adapter.result<{ schemas: Array<{ catalog: string; schema: string; tables: unknown[] }> }>("discovery/list", { catalog: "memory", schema_prefix: "man" });
    expect(schemas.map((s) => [s.catalog, s.schema, s.tables.length])).toEqual([["memory", "many", 450]]);
  });
});
