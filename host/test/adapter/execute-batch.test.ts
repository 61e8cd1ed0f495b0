import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AdapterError } from "../../src/adapter/adapter-error.js";
import { resolveAdapter } from "../../src/adapter/resolve-adapter.js";
import { spawnAdapter } from "../../src/adapter/spawn-adapter.js";
import type { AdapterClient } from "../../src/adapter/types.js";
import { RockyError } from "../../src/errors.js";
import { silentLogger } from "../../src/log.js";
import { spawnFixture } from "./helpers.js";

const open: AdapterClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fixture(file: string): Promise<AdapterClient> {
  const c = await spawnFixture(file);
  open.push(c);
  return c;
}

async function duckdb(): Promise<AdapterClient> {
  const dir = mkdtempSync(join(tmpdir(), "rocky-batch-"));
  dirs.push(dir);
  const spec = resolveAdapter({ name: "warehouse", type: "duckdb", config: { path: join(dir, "w.duckdb") }, baseDir: dir });
  const c = await spawnAdapter({ spec, logger: silentLogger() });
  open.push(c);
  return c;
}

async function failure<E extends Error>(p: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(type);
  return err as E;
}

describe("AdapterClient.executeBatch() on an adapter without transactions", () => {
  it("refuses a transactional batch and sends none of its statements", async () => {
    const c = await fixture("records-statements.mjs");
    const err = await failure(c.executeBatch([{ sql: "DELETE FROM t" }, { sql: "INSERT INTO t VALUES (1)" }]), RockyError);
    expect(err.code).toBe("ADAPTER_CAPABILITY_MISSING");
    expect(err.message).toBe('Adapter "records-statements" cannot run 2 statements in one transaction: it does not declare capability "transactions" (execute_batch)');
    expect(err.hint).toBe("Use an adapter whose manifest declares capabilities.transactions = true; Rocky never runs such a change as separate requests");
    expect((await c.query("recorded")).rows).toEqual([]);
  });

  it("runs a non-transactional batch as execute_statement calls in order and stops at the failure", async () => {
    const c = await fixture("records-statements.mjs");
    expect(await c.executeBatch([{ sql: "A", params: [1, 2] }, { sql: "B" }], { transaction: false })).toEqual({ results: [{ rows_affected: 2 }, { rows_affected: null }] });
    const err = await failure(c.executeBatch([{ sql: "C" }, { sql: "D FAIL" }, { sql: "E" }], { transaction: false }), AdapterError);
    expect(err.message).toBe('Adapter "records-statements" failed "execute_statement" at statement 2: EXECUTION_FAILED: cannot run "D FAIL"');
    expect(err.statementIndex).toBe(1);
    expect(err.data).toEqual({ code: "EXECUTION_FAILED", sqlstate: "42000", statement_index: 1 });
    expect((await c.query("recorded")).rows).toEqual([["A", [1, 2]], ["B", []], ["C", []], ["D FAIL", []]]);
  });

  it("answers an empty batch without a request", async () => {
    const c = await fixture("records-statements.mjs");
    expect(await c.executeBatch([])).toEqual({ results: [] });
    expect((await c.query("recorded")).rows).toEqual([]);
  });
});

describe("AdapterClient.executeBatch() on an adapter with transactions", () => {
  it("rejects an answer whose results do not match the statements one to one", async () => {
    const c = await fixture("answers-short-batch.mjs");
    const err = await failure(c.executeBatch([{ sql: "A" }, { sql: "B" }]), RockyError);
    expect(err.code).toBe("ADAPTER_RESPONSE_INVALID");
    expect(err.message).toBe('Adapter "answers-short-batch" answered "execute_batch" of 2 statements with 1 results');
  });

  it("undoes the first statement on DuckDB when the second fails, and says which failed", async () => {
    const c = await duckdb();
    await c.executeStatement("CREATE TABLE t (id INTEGER); INSERT INTO t VALUES (1), (2)");
    const err = await failure(c.executeBatch([{ sql: "DELETE FROM t WHERE id = ?", params: [1] }, { sql: "INSERT INTO t VALUES ('x')" }]), AdapterError);
    expect(err.statementIndex).toBe(1);
    expect(err.wireCode).toBe(-32052);
    expect(err.message).toMatch(/^Adapter "warehouse" failed "execute_batch" at statement 2: EXECUTION_FAILED: Conversion Error: /);
    expect((await c.query("SELECT id FROM t ORDER BY id")).rows).toEqual([[1], [2]]);
    expect(await c.executeBatch([{ sql: "DELETE FROM t WHERE id = ?", params: [1] }, { sql: "INSERT INTO t VALUES (3)" }])).toEqual({
      results: [{ rows_affected: 1 }, { rows_affected: 1 }],
    });
    expect((await c.query("SELECT id FROM t ORDER BY id")).rows).toEqual([[2], [3]]);
  });

  it("keeps the statements before the failure on DuckDB without a transaction", async () => {
    const c = await duckdb();
    await c.executeStatement("CREATE TABLE t (id INTEGER)");
    const err = await failure(c.executeBatch([{ sql: "INSERT INTO t VALUES (1)" }, { sql: "INSERT INTO t VALUES ('x')" }], { transaction: false }), AdapterError);
    expect(err.statementIndex).toBe(1);
    expect((await c.query("SELECT id FROM t")).rows).toEqual([[1]]);
  });
});
