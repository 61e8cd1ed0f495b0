import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { normalise, rocky } from "./helpers.js";
import { sqlite, sqliteProject } from "./sqlite-project.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("rocky run on an original-protocol adapter (no params on its wire)", () => {
  it("runs an incremental model twice, its watermark written into the SQL as a literal", async () => {
    const dir = sqliteProject();
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
