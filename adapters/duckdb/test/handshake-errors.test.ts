import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useAdapters } from "./adapter-process.js";

const { start, open, path } = useAdapters();

// The database opens during initialize, so whatever keeps it from opening fails the handshake, not a later request.
describe("duckdb adapter handshake errors", () => {
  it("answers -32055 (Unavailable) with data.code LOCKED, not a config error, when another process holds the database file", async () => {
    const file = join(path(), "held.duckdb");
    await open({ path: file });
    const second = start();
    const answer = await second.request("initialize", { config: { path: file } });
    expect(answer.error?.code).toBe(-32055);
    expect(answer.error?.message).toMatch(new RegExp(`^DuckDB database "${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}" is locked by another process \\(.+, pid \\d+\\)$`));
    expect((answer.error?.data as { code?: string; pid?: number } | undefined)?.code).toBe("LOCKED");
    expect(typeof (answer.error?.data as { pid?: number } | undefined)?.pid).toBe("number");
  });

  it("answers -32054 when the path is a directory", async () => {
    const answer = await start().request("initialize", { config: { path: path() } });
    expect(answer.error?.code).toBe(-32054);
    expect(answer.error?.message).toMatch(/^Cannot open DuckDB database "/);
  });
});
