import { afterEach, describe, expect, it } from "vitest";
import { startAdapter } from "./adapter-process.js";

describe("DuckDB adapter sql/parse", () => {
  let adapter: ReturnType<typeof startAdapter> | undefined;
  afterEach(async () => {
    await adapter?.stop();
    adapter = undefined;
  });

  it("parses with DuckDB's own grammar without binding: FROM-first, struct and list literals, several statements, errors with their position", async () => {
    adapter = startAdapter();
    await adapter.initialize({ path: ":memory:" });
    // Position 31 is the final "=" (byte 32, after the two-byte é).
    const statements = [
      "FROM missing_table SELECT x",
      "SELECT {'a': 1, 'b': [1, 2]} AS s, [1, 2, 3] AS l FROM t",
      "WITH a AS (SELECT 1 AS x) SELECT * FROM a QUALIFY row_number() OVER () = 1",
      "SELECT 1; SELECT 2",
      "INSERT INTO t VALUES (1)",
      "SELECT 1; DELETE FROM t",
      "SELECT 'é' AS x FROM t WHERE x =",
      "SELEC 1",
    ];
    expect(await adapter.result("sql/parse", { statements })).toEqual({
      results: [
        { valid: true, statements: 1, select: true },
        { valid: true, statements: 1, select: true },
        { valid: true, statements: 1, select: true },
        { valid: true, statements: 2, select: true },
        { valid: true, statements: 1, select: false },
        { valid: true, statements: 2, select: false },
        { valid: false, message: "syntax error at end of input", position: 31 },
        { valid: false, message: 'syntax error at or near "SELEC"', position: 0 },
      ],
    });
  });

  it("refuses an empty list with -32602", async () => {
    adapter = startAdapter();
    await adapter.initialize({ path: ":memory:" });
    expect((await adapter.request("sql/parse", { statements: [] })).error?.code).toBe(-32602);
  });
});
