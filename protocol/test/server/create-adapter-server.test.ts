import { describe, expect, it } from "vitest";
import { AdapterServerError } from "../../src/server/adapter-server-error.js";
import { latch, startServer, TEST_MANIFEST } from "./harness.js";

const rows = { columns: ["x"], rows: [[1]] };

describe("createAdapterServer() initialize", () => {
  it("picks the highest version both sides speak and returns the manifest", async () => {
    const s = startServer({}, { supportedVersions: { min: 1, max: 3 } });
    const res = await s.request(1, "initialize", { config: {}, protocol_versions: { min: 2, max: 5 } });
    expect(res.result).toEqual({ manifest: TEST_MANIFEST, protocol_version: 3 });
    expect(s.server.protocolVersion).toBe(3);
  });

  it("gives a client that offers no range version 1", async () => {
    const s = startServer({}, { supportedVersions: { min: 1, max: 2 } });
    const res = await s.request(1, "initialize", { config: {} });
    expect(res.result).toMatchObject({ protocol_version: 1 });
  });

  it("answers -32050 with both ranges when the versions do not overlap, and keeps running", async () => {
    const s = startServer({}, { supportedVersions: { min: 2, max: 3 } });
    const res = await s.request(1, "initialize", { config: {}, protocol_versions: { min: 1, max: 1 } });
    expect(res.error).toEqual({
      code: -32050,
      message: 'Adapter "memory" speaks protocol versions 2..3 but the host offers 1',
      data: { code: "PROTOCOL_VERSION_MISMATCH", supported: { min: 2, max: 3 }, offered: { min: 1, max: 1 } },
    });
    expect((await s.request(2, "ping", {})).result).toEqual({});
  });

  it("answers -32054 when the config does not match the manifest's config_schema", async () => {
    const s = startServer();
    const res = await s.request(1, "initialize", { config: { nme: "x" } });
    expect(res.error?.code).toBe(-32054);
    expect(res.error?.message).toBe('Invalid config for adapter "memory": / has unknown property "nme"');
  });

  it("passes the config to the initialize handler and answers its failure", async () => {
    const seen: unknown[] = [];
    const s = startServer({
      initialize: (params) => {
        seen.push(params.config);
        throw new AdapterServerError(-32054, "Cannot open the database");
      },
    });
    const res = await s.request(1, "initialize", { config: { name: "a" } });
    expect(seen).toEqual([{ name: "a" }]);
    expect(res.error).toEqual({ code: -32054, message: "Cannot open the database" });
    expect((await s.request(2, "execute_query", { sql: "select 1" })).error?.code).toBe(-32600);
  });
});

describe("createAdapterServer() request checks", () => {
  it("answers -32601 for an unknown method and keeps running", async () => {
    const s = startServer();
    const res = await s.request(1, "no/such_method", {});
    expect(res.error).toMatchObject({ code: -32601, message: 'Unknown method "no/such_method"' });
    expect((await s.request(2, "ping")).result).toEqual({});
  });

  it("answers a malformed line with a parse error of id null and keeps running", async () => {
    const s = startServer();
    s.sendRaw('{"jsonrpc":"2.0","id":1,"method":');
    const res = await s.response(null);
    expect(res).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } });
    expect((await s.request(2, "ping")).result).toEqual({});
  });

  it("answers JSON that is not JSON-RPC 2.0 with -32600 and id null, as the specification says", async () => {
    const s = startServer();
    s.sendRaw('{"id":7,"method":"ping"}');
    expect((await s.response(null)).error?.code).toBe(-32600);
  });

  it("answers -32051 for a method of a capability the manifest does not declare", async () => {
    const s = startServer({ "discovery/list": () => ({ schemas: [] }) });
    await s.initialize();
    const res = await s.request(1, "discovery/list", {});
    expect(res.error).toEqual({
      code: -32051,
      message: 'Adapter "memory" does not support "discovery/list": its manifest does not declare capability "discovery"',
      data: { code: "CAPABILITY_NOT_SUPPORTED", capability: "discovery" },
    });
  });

  it("gates execute_batch by the transactions capability and validates the batch", async () => {
    const batch = { statements: [{ sql: "DELETE FROM t" }, { sql: "INSERT INTO t VALUES (?)", params: [1] }] };
    const handlers = { execute_batch: (p: { statements: unknown[] }) => ({ results: p.statements.map(() => ({ rows_affected: 1 })) }) };
    const without = startServer(handlers);
    await without.initialize();
    expect((await without.request(1, "execute_batch", batch)).error).toMatchObject({ code: -32051, data: { code: "CAPABILITY_NOT_SUPPORTED", capability: "transactions" } });
    const manifest = { ...TEST_MANIFEST, capabilities: { ...TEST_MANIFEST.capabilities, transactions: true } };
    const s = startServer(handlers, { manifest });
    await s.initialize();
    expect((await s.request(1, "execute_batch", batch)).result).toEqual({ results: [{ rows_affected: 1 }, { rows_affected: 1 }] });
    const empty = await s.request(2, "execute_batch", { statements: [] });
    expect(empty.error?.code).toBe(-32602);
    expect(empty.error?.message).toBe('Invalid params for "execute_batch": /statements must NOT have fewer than 1 items');
  });

  it("answers -32602 with the problems when params do not match the schema", async () => {
    const s = startServer({ execute_query: () => rows });
    await s.initialize();
    const res = await s.request(1, "execute_query", { sql: 5, extra: true });
    expect(res.error?.code).toBe(-32602);
    expect(res.error?.message).toBe('Invalid params for "execute_query": / has unknown property "extra"; /sql must be string');
    expect(res.error?.data?.problems).toHaveLength(2);
  });

  it("answers -32600 for a warehouse method before initialize", async () => {
    const s = startServer({ execute_query: () => rows });
    const res = await s.request(1, "execute_query", { sql: "select 1" });
    expect(res.error?.message).toBe('Adapter "memory" cannot answer "execute_query": it has not been initialized; send "initialize" first');
  });

  it("answers -32601 for a declared method without a handler", async () => {
    const s = startServer();
    await s.initialize();
    expect((await s.request(1, "execute_query", { sql: "select 1" })).error?.code).toBe(-32601);
  });

  it("answers -32603 when a handler returns a result that breaks the schema", async () => {
    const s = startServer({ execute_query: () => ({ columns: "x" }) as never });
    await s.initialize();
    const res = await s.request(1, "execute_query", { sql: "select 1" });
    expect(res.error?.code).toBe(-32603);
    expect(res.error?.message).toContain('Adapter produced an invalid result for "execute_query"');
  });
});

describe("createAdapterServer() handlers", () => {
  it("maps AdapterServerError to its code and data, anything else to -32603 with the message", async () => {
    const s = startServer({
      describe_table: () => {
        throw new AdapterServerError(-32053, 'Table "s"."t" does not exist', { code: "NOT_FOUND" });
      },
      table_exists: () => {
        throw new Error("disk on fire");
      },
    });
    await s.initialize();
    const ref = { catalog: "c", schema: "s", table: "t" };
    expect((await s.request(1, "describe_table", ref)).error).toEqual({
      code: -32053,
      message: 'Table "s"."t" does not exist',
      data: { code: "NOT_FOUND" },
    });
    expect((await s.request(2, "table_exists", ref)).error).toEqual({ code: -32603, message: 'Request "table_exists" failed: disk on fire' });
  });

  it("runs requests concurrently and answers a fast one before a slow one sent earlier", async () => {
    const gate = latch();
    const s = startServer({
      execute_query: async (params) => {
        if (params.sql === "slow") await gate.opened;
        return { columns: ["sql"], rows: [[params.sql]] };
      },
    });
    await s.initialize();
    const slow = s.request("slow", "execute_query", { sql: "slow" });
    const fast = await s.request("fast", "execute_query", { sql: "fast" });
    expect(fast.result).toEqual({ columns: ["sql"], rows: [["fast"]] });
    expect(s.received.some((m) => m.id === "slow")).toBe(false);
    gate.open();
    expect((await slow).result).toEqual({ columns: ["sql"], rows: [["slow"]] });
    const order = s.received.filter((m) => m.id === "slow" || m.id === "fast").map((m) => m.id);
    expect(order).toEqual(["fast", "slow"]);
  });

  it("aborts the handler's signal on $/cancelRequest and answers -32800", async () => {
    const started = latch();
    const s = startServer({
      execute_query: (_params, ctx) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener("abort", () => reject(new Error("interrupted")));
          started.open();
        }),
    });
    await s.initialize();
    const answer = s.request(9, "execute_query", { sql: "select forever" });
    await started.opened;
    s.send({ method: "$/cancelRequest", params: { id: 9 } });
    expect((await answer).error).toEqual({ code: -32800, message: 'Request "execute_query" (id 9) was cancelled' });
    expect((await s.request(10, "ping")).result).toEqual({});
  });

  it("sends $/progress with the request id as token and $/log before the answer", async () => {
    const s = startServer({
      execute_statement: (_params, ctx) => {
        ctx.progress(1, 2, "half way");
        ctx.log("info", "did a thing", { rows: 3 });
        return { rows_affected: 3 };
      },
    });
    await s.initialize();
    await s.request(4, "execute_statement", { sql: "insert" });
    const tail = s.received.slice(-3);
    expect(tail).toEqual([
      { jsonrpc: "2.0", method: "$/progress", params: { token: 4, current: 1, total: 2, message: "half way" } },
      { jsonrpc: "2.0", method: "$/log", params: { level: "info", message: "did a thing", fields: { rows: 3 } } },
      { jsonrpc: "2.0", id: 4, result: { rows_affected: 3 } },
    ]);
  });
});

describe("createAdapterServer() lifecycle", () => {
  it("answers shutdown with {} and exits with 0 on input EOF", async () => {
    const shutdowns: number[] = [];
    const s = startServer({ shutdown: () => void shutdowns.push(1) });
    await s.initialize();
    expect((await s.request(1, "shutdown", {})).result).toEqual({});
    expect(shutdowns).toEqual([1]);
    expect((await s.request(2, "execute_query", { sql: "x" })).error?.message).toContain("it is shutting down");
    s.end();
    expect(await s.server.exited).toBe(0);
    expect(s.exitCodes).toEqual([0]);
  });

  it("exits on input EOF without shutdown", async () => {
    const s = startServer();
    s.end();
    expect(await s.server.exited).toBe(0);
  });

  it("answers every request that arrived before input EOF, then exits", async () => {
    const s = startServer({ execute_query: () => rows });
    s.sendRaw(
      [
        JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { config: {} } }),
        JSON.stringify({ jsonrpc: "2.0", id: 2, method: "execute_query", params: { sql: "select 1" } }),
      ].join("\n"),
    );
    s.end();
    expect(await s.server.exited).toBe(0);
    expect(s.received.map((m) => [m.id, m.error?.code ?? "ok"])).toEqual([
      [1, "ok"],
      [2, "ok"],
    ]);
  });
});
