import { afterEach, describe, expect, it } from "vitest";
import type { AdapterClient } from "../../src/adapter/types.js";
import { HOSTILE } from "../sql/hostile-strings.js";
import { spawnFixture } from "./helpers.js";

let client: AdapterClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

// The fixture refuses any request that carries "params", as the original protocol never sends them.
describe("AdapterClient on an original-protocol adapter (no params on the wire)", () => {
  it("writes every value into the SQL as a literal, and hostile strings arrive as data", async () => {
    client = await spawnFixture("original_sqlite_adapter.py");
    expect(client.legacy).toBe(true);
    await client.executeStatement("CREATE TABLE x (id BIGINT, s VARCHAR, n DOUBLE, b BOOLEAN, d DATE, ts TIMESTAMP)");
    for (const [i, s] of HOSTILE.entries()) {
      await client.executeStatement("INSERT INTO x VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP))", [i, s, -1.5, i % 2 === 0, "2024-02-29", "2024-02-29 13:45:30.123456"]);
    }
    await client.executeBatch([{ sql: "INSERT INTO x (id, s) VALUES (?, ?)", params: [100, "'); DELETE FROM x; --"] }, { sql: "INSERT INTO x (id, s, b) VALUES (?, ?, ?)", params: [101, null, null] }], { transaction: false });
    const all = await client.query("SELECT s FROM x WHERE id < ? ORDER BY id", [100]);
    expect(all.rows.map((r) => r[0])).toEqual(HOSTILE);
    const first = await client.query("SELECT id, n, b, d, ts FROM x WHERE s = ?", ["'; DROP TABLE x; --"]);
    expect(first.rows).toEqual([[3, -1.5, false, "2024-02-29", "2024-02-29 13:45:30.123456"]]);
    const later = await client.query("SELECT id, s, b FROM x WHERE id >= ? ORDER BY id", [100]);
    expect(later.rows).toEqual([[100, "'); DELETE FROM x; --", null], [101, null, null]]);
    const batches = [];
    for await (const batch of client.queryBatches("SELECT count(*) AS n FROM x WHERE s = ? OR s = ?", ["nul\0in\0side", "\\'"])) batches.push(batch);
    expect(batches).toEqual([{ columns: ["n"], rows: [[2]] }]);
  });

  it("compares timestamps written by the generic dialect as plain strings", async () => {
    client = await spawnFixture("original_sqlite_adapter.py");
    await client.executeStatement("CREATE TABLE e (id BIGINT, at TIMESTAMP)");
    await client.executeStatement("INSERT INTO e VALUES (1, ?), (2, ?)", ["2024-01-01 00:00:00", "2024-01-02 12:00:00"]);
    const { rows } = await client.query(`SELECT id FROM e WHERE "at" > CAST(? AS TIMESTAMP)`, ["2024-01-01 12:00:00"]);
    expect(rows).toEqual([[2]]);
  });

  it("rejects, without sending, a statement whose placeholders and params disagree", async () => {
    client = await spawnFixture("original_sqlite_adapter.py");
    await expect(client.executeStatement("SELECT '?'", [1])).rejects.toThrow('Cannot write 1 parameter(s) into SQL with 0 "?" placeholder(s)');
  });
});
