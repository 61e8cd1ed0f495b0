import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useAdapters } from "./adapter-process.js";

const { start, open, path } = useAdapters();

// The database opens during initialize, so whatever keeps it from opening fails the handshake, not a later request.
describe("duckdb adapter handshake errors", () => {
  it("answers -32054 when another process holds the database file", async () => {
    await open({ path: join(path(), "held.duckdb") });
    const second = start();
    const answer = await second.request("initialize", { config: { path: join(path(), "held.duckdb") } });
    expect(answer.error?.code).toBe(-32054);
    expect(answer.error?.message).toMatch(/^Cannot open DuckDB database ".*held\.duckdb": IO Error: Could not set lock on file/);
  });

  it("answers -32054 when the path is a directory", async () => {
    const answer = await start().request("initialize", { config: { path: path() } });
    expect(answer.error?.code).toBe(-32054);
    expect(answer.error?.message).toMatch(/^Cannot open DuckDB database "/);
  });
});
