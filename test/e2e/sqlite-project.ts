import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./helpers.js";

export const ORIGINAL_SQLITE_ADAPTER = join(REPO, "test", "fixtures", "adapters", "original_sqlite_adapter.py");

/** SQL on the project's SQLite file, through python3's sqlite3 (the adapter is not running). */
export function sqlite(dir: string, sql: string, rows: unknown[][] = []): unknown[][] {
  const script = "import json,sqlite3,sys\nc=sqlite3.connect(sys.argv[1]);a=json.loads(sys.argv[3])\nr=c.executemany(sys.argv[2],a).fetchall() if a else c.execute(sys.argv[2]).fetchall()\nc.commit();print(json.dumps(r))";
  return JSON.parse(execFileSync("python3", ["-c", script, join(dir, "warehouse.db"), sql, JSON.stringify(rows)], { encoding: "utf8" })) as unknown[][];
}

/** rocky.toml whose adapter "legacy" runs `command` (default: the original-protocol sqlite adapter) on warehouse.db. */
export function writeRockyToml(dir: string, command: readonly string[] = ["python3", ORIGINAL_SQLITE_ADAPTER]): void {
  writeFileSync(join(dir, "rocky.toml"), [
    "[adapter.legacy]", 'type = "original-sqlite"', `command = ${JSON.stringify(command)}`, 'path = "warehouse.db"', 'catalog = "wh"', "",
    "[pipeline.silver]", 'type = "transformation"', 'models = "models"', 'target = { adapter = "legacy", catalog = "wh", schema = "main" }', "",
    "[state]", 'path = ".rocky/state"', "",
  ].join("\n"));
}

/** A project with one incremental model, events_kept, over a landed table events(id, kind, created_at). */
export function sqliteProject(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-original-")));
  mkdirSync(join(dir, "models"));
  writeRockyToml(dir);
  writeFileSync(join(dir, "models", "events_kept.sql"), "SELECT id, kind, created_at FROM wh.main.events WHERE kind <> 'heartbeat'\n");
  writeFileSync(join(dir, "models", "events_kept.toml"), '[strategy]\ntype = "incremental"\ntimestamp_column = "created_at"\n');
  sqlite(dir, "CREATE TABLE events (id BIGINT, kind VARCHAR, created_at TIMESTAMP)");
  return dir;
}
