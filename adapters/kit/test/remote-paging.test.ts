import { describe, expect, it } from "vitest";
import type { HandlerContext } from "@rocky/protocol";
import { createRemotePaging, type RemoteResult } from "../src/index.js";

const ctx = (): HandlerContext => ({ id: 1, method: "query/fetch", signal: new AbortController().signal, progress: () => undefined, log: () => undefined });

function chunkedResult(chunks: number[][], events: string[]): RemoteResult {
  let i = 0;
  return {
    columns: ["n"],
    columnTypes: ["INT"],
    async next() {
      events.push(`chunk ${i}`);
      const rows = (chunks[i] ?? []).map((n) => [n]);
      i++;
      return { rows, last: i >= chunks.length };
    },
    async close() {
      events.push("close");
    },
  };
}

describe("createRemotePaging()", () => {
  it("pulls one chunk at a time, only when a fetch needs it, and closes the result when done", async () => {
    const events: string[] = [];
    const paging = createRemotePaging({ open: async () => chunkedResult([[1, 2, 3], [4, 5, 6], [7]], events) });
    const h = paging.handlers;
    const opened = await h["query/open"]!({ sql: "SELECT n", batch_rows: 2 }, ctx());
    expect(opened).toMatchObject({ columns: ["n"], column_types: ["INT"] });
    expect(events).toEqual([]);
    const fetch = () => h["query/fetch"]!({ cursor: opened.cursor }, ctx());
    expect(await fetch()).toEqual({ rows: [[1], [2]], done: false });
    expect(events).toEqual(["chunk 0"]);
    expect(await fetch()).toEqual({ rows: [[3], [4]], done: false });
    expect(events).toEqual(["chunk 0", "chunk 1"]);
    expect(await fetch()).toEqual({ rows: [[5], [6]], done: false });
    expect(await fetch()).toEqual({ rows: [[7]], done: true });
    expect(events).toEqual(["chunk 0", "chunk 1", "chunk 2", "close"]);
    expect(paging.openCursors).toBe(0);
    await expect(fetch()).rejects.toMatchObject({ code: -32053 });
  });

  it("query/close frees the remote result of an unfinished cursor", async () => {
    const events: string[] = [];
    const paging = createRemotePaging({ open: async () => chunkedResult([[1, 2], [3]], events) });
    const opened = await paging.handlers["query/open"]!({ sql: "SELECT n" }, ctx());
    await paging.handlers["query/fetch"]!({ cursor: opened.cursor, max_rows: 1 }, ctx());
    expect(await paging.handlers["query/close"]!({ cursor: opened.cursor }, ctx())).toEqual({});
    expect(events).toEqual(["chunk 0", "close"]);
  });

  it("maps a failing chunk through toWireError and closes the cursor", async () => {
    const paging = createRemotePaging({
      open: async () => ({ columns: ["n"], next: () => Promise.reject(new Error("chunk gone")) }),
      toWireError: (e) => new Error(`wire: ${(e as Error).message}`),
    });
    const opened = await paging.handlers["query/open"]!({ sql: "SELECT n" }, ctx());
    await expect(paging.handlers["query/fetch"]!({ cursor: opened.cursor }, ctx())).rejects.toThrow("wire: chunk gone");
    expect(paging.openCursors).toBe(0);
  });
});
