import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, normalise, rocky } from "./helpers.js";

const ADAPTER = join(REPO, "test", "fixtures", "adapters", "original_sqlite_adapter.py");

/** SQL on the project's SQLite file, through python3's sqlite3 (the adapter is not running). */
function sqlite(dir: string, sql: string, rows: unknown[][] = []): unknown[][] {
  const script = "import json,sqlite3,sys\nc=sqlite3.connect(sys.argv[1]);a=json.loads(sys.argv[3])\nr=c.executemany(sys.argv[2],a).fetchall() if a else c.execute(sys.argv[2]).fetchall()\nc.commit();print(json.dumps(r))";
  return JSON.parse(execFileSync("python3", ["-c", script, join(dir, "warehouse.db"), sql, JSON.stringify(rows)], { encoding: "utf8" })) as unknown[][];
}

function project(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-original-")));
  mkdirSync(join(dir, "models"));
  writeFileSync(join(dir, "rocky.toml"), [
    "[adapter.legacy]", 'type = "original-sqlite"', `command = ["python3", ${JSON.stringify(ADAPTER)}]`, 'path = "warehouse.db"', 'catalog = "wh"', "",
    "[pipeline.silver]", 'type = "transformation"', 'models = "models"', 'target = { adapter = "legacy", catalog = "wh", schema = "main" }', "",
    "[state]", 'path = ".rocky/state"', "",
  ].join("\n"));
  writeFileSync(join(dir, "models", "events_kept.sql"), "SELECT id, kind, created_at FROM wh.main.events WHERE kind <> 'heartbeat'\n");
  writeFileSync(join(dir, "models", "events_kept.toml"), '[strategy]\ntype = "incremental"\ntimestamp_column = "created_at"\n');
  sqlite(dir, "CREATE TABLE events (id BIGINT, kind VARCHAR, created_at TIMESTAMP)");
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("rocky run on an original-protocol adapter (no params on its wire)", () => {
  it("runs an incremental model twice, its watermark written into the SQL as a literal", async () => {
    const dir = project();
    dirs.push(dir);
    const insert = "INSERT INTO events VALUES (?, ?, ?)";
    sqlite(dir, insert, [[1, "click", "2024-01-01 10:00:00"], [2, "heartbeat", "2024-01-01 11:00:00"], [3, "it's", "2024-01-02 09:30:00.250000"]]);
    const first = await rocky(dir, "run");
    expect(first.exitCode).toBe(0);
    expect(normalise(first.stdout)).toMatch(/^wh\.main\.events_kept +full_refresh +\S+ +<t> +ok +first run: target table missing$/m);

    sqlite(dir, insert, [[4, "'; DROP TABLE events; --", "2024-01-03 00:00:00"], [0, "landed late, stamped early", "2024-01-02 09:30:00.100000"]]);
    const second = await rocky(dir, "run");
    expect(second.exitCode).toBe(0);
    expect(normalise(second.stdout)).toMatch(/^wh\.main\.events_kept +incremental +\S+ +<t> +ok +rows with created_at after 2024-01-02 09:30:00\.250000$/m);
    expect(sqlite(dir, "SELECT id, kind, created_at FROM events_kept ORDER BY id")).toEqual([
      [1, "click", "2024-01-01 10:00:00"],
      [3, "it's", "2024-01-02 09:30:00.250000"],
      [4, "'; DROP TABLE events; --", "2024-01-03 00:00:00"],
    ]);
    expect(sqlite(dir, "SELECT count(*) FROM events")).toEqual([[5]]);
    const state = await rocky(dir, "state", "--output", "json");
    expect(JSON.parse(state.stdout)).toMatchObject({ watermarks: [expect.objectContaining({ target: "wh.main.events_kept", value: "2024-01-03 00:00:00" })] });
  });
});
