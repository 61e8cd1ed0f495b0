import type { AdapterConnection } from "./adapter-connection.js";
import { signalGroup, untrackProcessGroup } from "./live-processes.js";
import type { ExitInfo } from "./types.js";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

async function exitedWithin(conn: AdapterConnection, ms: number): Promise<boolean> {
  if (conn.exitInfo) return true;
  return Promise.race([conn.exited.then(() => true), sleep(ms).then(() => false)]);
}

/** shutdown → stdin close → SIGTERM → SIGKILL, to the whole process group, each step after `graceMs`. */
export async function terminate(conn: AdapterConnection, graceMs: number): Promise<ExitInfo> {
  const pid = conn.pid;
  if (!conn.exitInfo && !conn.failed) {
    await Promise.race([conn.request("shutdown", {}, "AnyResult", { timeoutMs: graceMs }).catch(() => undefined), conn.exited]);
  }
  conn.endInput();
  if (!(await exitedWithin(conn, graceMs))) {
    signalGroup(pid, "SIGTERM");
    if (!(await exitedWithin(conn, graceMs))) signalGroup(pid, "SIGKILL");
  }
  const info = await conn.exited;
  // Whatever the adapter left behind in its group goes too.
  signalGroup(pid, "SIGKILL", true);
  untrackProcessGroup(pid);
  conn.dispose();
  return info;
}
