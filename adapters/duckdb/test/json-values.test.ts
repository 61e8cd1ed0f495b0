import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { chunkRows, columnWriter, resultRows, toJsonValue } from "../src/json-values.js";

// Every type with a column writer of its own, with NULLs, extremes and values out of the fast paths' ranges.
const SQL = `SELECT * FROM (VALUES
  (true, (-128)::TINYINT, (-32768)::SMALLINT, (-2147483648)::INTEGER, 255::UTINYINT, 65535::USMALLINT, 4294967295::UINTEGER,
   1.5::FLOAT, 'NaN'::DOUBLE, 9007199254740991::BIGINT, 18446744073709551615::UBIGINT, 'short', DATE '2024-02-29',
   TIMESTAMP '2024-01-02 03:04:05.1', 1.25::DECIMAL(5,2)),
  (false, 127::TINYINT, 32767::SMALLINT, 2147483647::INTEGER, 0::UTINYINT, 0::USMALLINT, 0::UINTEGER,
   'inf'::FLOAT, '-inf'::DOUBLE, (-9007199254740992)::BIGINT, 9007199254740993::UBIGINT, 'exactly12byt', DATE '0001-01-01',
   TIMESTAMP '1969-12-31 23:59:59.999999', -1.25::DECIMAL(5,2)),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (true, 0::TINYINT, 0::SMALLINT, 0::INTEGER, 1::UTINYINT, 1::USMALLINT, 1::UINTEGER,
   -0.0::FLOAT, 2.5e300::DOUBLE, (-1)::BIGINT, 1::UBIGINT, 'thirteen byte', DATE '9999-12-31',
   TIMESTAMP '2255-06-01 00:00:00', 0::DECIMAL(5,2)),
  (false, 1::TINYINT, 1::SMALLINT, 1::INTEGER, 2::UTINYINT, 2::USMALLINT, 2::UINTEGER,
   3.25::FLOAT, 0.1::DOUBLE, 9223372036854775807::BIGINT, 0::UBIGINT, 'ünï', 'infinity'::DATE,
   'infinity'::TIMESTAMP, 999.99::DECIMAL(5,2)),
  (true, 2::TINYINT, 2::SMALLINT, 2::INTEGER, 3::UTINYINT, 3::USMALLINT, 3::UINTEGER,
   NULL, NULL, NULL, NULL, 'a longer string of unicode: ünïcödé ✓', DATE '1600-03-01',
   TIMESTAMP '1500-01-01 12:30:00.000001', NULL),
  (NULL, 3::TINYINT, NULL, 3::INTEGER, NULL, 4::USMALLINT, NULL, NULL, 1::DOUBLE, NULL, 5::UBIGINT, '', DATE '1970-01-01',
   TIMESTAMP '1970-01-01 00:00:00', NULL)
) t(b, ti, si, i, uti, usi, ui, f, d, bi, ubi, s, dt, ts, dec)`;

async function withConnection<T>(work: (c: Awaited<ReturnType<DuckDBInstance["connect"]>>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("column writers", () => {
  it("convert every value exactly as toJsonValue does, value by value", async () => {
    const [fast, slow] = await withConnection(async (c) => [await resultRows(await c.run(SQL)), await (await c.run(SQL)).convertRows(toJsonValue)]);
    expect(fast).toEqual(slow);
    expect(fast[0]).toEqual([true, -128, -32768, -2147483648, 255, 65535, 4294967295, 1.5, "NaN", 9007199254740991, "18446744073709551615", "short", "2024-02-29", "2024-01-02 03:04:05.100000", "1.25"]);
    expect(fast[1]?.slice(7, 14)).toEqual(["Infinity", "-Infinity", "-9007199254740992", "9007199254740993", "exactly12byt", "0001-01-01", "1969-12-31 23:59:59.999999"]);
    expect(fast[2]).toEqual(new Array(15).fill(null));
    expect(fast[4]?.[13]).toBe("infinity");
    expect(fast[5]?.slice(11, 14)).toEqual(["a longer string of unicode: ünïcödé ✓", "1600-03-01", "1500-01-01 12:30:00.000001"]);
  });

  it("convert a streamed result of several chunks, with NULLs spread over them, like toJsonValue", async () => {
    const sql = `SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE 'v' || i END AS s, TIMESTAMP '2024-01-01' + to_microseconds(i * 1013) AS ts,
      CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS b FROM range(5000) r(i)`;
    const [fast, slow] = await withConnection(async (c) => {
      const stream = await c.stream(sql);
      const writers = stream.columnTypes().map(columnWriter);
      const rows: unknown[][] = [];
      for (let chunk = await stream.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await stream.fetchChunk()) rows.push(...chunkRows(chunk, writers));
      return [rows, await (await c.run(sql)).convertRows(toJsonValue)];
    });
    expect(fast).toHaveLength(5000);
    expect(fast).toEqual(slow);
  });
});
