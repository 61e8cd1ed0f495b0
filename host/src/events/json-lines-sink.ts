import { closeSync, openSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { RockyError } from "../errors.js";
import type { EventSink } from "./run-events.js";

/**
 * `--events FILE`: one JSON object a line, appended with a synchronous write per event, so a watcher tailing the
 * file sees each event as it happens and a killed run leaves every event it emitted, in order.
 */
export function createJsonLinesSink(path: string): EventSink {
  const file = resolve(path);
  let fd: number;
  try {
    fd = openSync(file, "a");
  } catch (err) {
    throw new RockyError("EVENTS_FAILED", `Cannot open the events file "${file}": ${err instanceof Error ? err.message : String(err)}`, {
      hint: "Pass --events a path in a writable directory",
      cause: err,
    });
  }
  return {
    name: `events file "${file}"`,
    write(event) {
      writeSync(fd, `${JSON.stringify(event)}\n`);
    },
    async close() {
      closeSync(fd);
    },
  };
}
