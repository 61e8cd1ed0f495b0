import { failed, passed, skipped, type Outcome } from "../outcome.js";
import type { ConformanceTimeouts } from "../types.js";
import { replyError } from "../wire/call.js";
import { descendantsOf, killProcess, stillRunning, type ProcessId } from "../wire/process-tree.js";
import { describeExit, type WireSession } from "../wire/wire-session.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone
  }
}

/** shutdown, stdin close, exit; then whether anything the adapter started outlived it. */
export async function finish(main: WireSession, t: ConformanceTimeouts, inspect: boolean): Promise<{ shutdown: Outcome; noOrphans: Outcome }> {
  main.during = "shutdown";
  const before: ProcessId[] = inspect && main.alive ? descendantsOf(main.pid) : [];
  const problems: string[] = [];
  const started = Date.now();
  try {
    const reply = await main.request("shutdown", {}, t.graceMs, { judged: true });
    const error = replyError("shutdown", reply);
    if (error) problems.push(`shutdown answered error ${error.code}: ${error.wireMessage}`);
  } catch (err) {
    problems.push((err as Error).message);
  }
  main.closeInput();
  let exit = await main.waitExit(t.graceMs);
  let killed = false;
  if (!exit) {
    problems.push(`the adapter was still running ${t.graceMs} ms after stdin closed`);
    signal(main.pid, "SIGTERM");
    exit = await main.waitExit(t.graceMs);
    if (!exit) {
      killed = true;
      signal(main.pid, "SIGKILL");
      await main.exited;
    }
  } else if (exit.code !== 0) problems.push(`after shutdown the adapter exited ${describeExit(exit)}; expected code 0`);
  const shutdown = problems.length > 0
    ? failed(problems.join("; "), "Answer shutdown with {}, then exit with code 0 when stdin reaches EOF")
    : passed(`answered and exited with code 0 in ${Date.now() - started} ms`);
  return { shutdown, noOrphans: await orphans(before, inspect, killed, t.graceMs) };
}

async function orphans(before: readonly ProcessId[], inspect: boolean, killed: boolean, graceMs: number): Promise<Outcome> {
  if (!inspect) return skipped("cannot inspect processes here (needs Linux /proc)");
  const deadline = Date.now() + graceMs;
  let left = before.filter(stillRunning);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(50);
    left = left.filter(stillRunning);
  }
  for (const p of left) killProcess(p);
  if (left.length === 0) return passed(before.length > 0 ? `${before.length} child process(es), all gone with the adapter` : undefined);
  if (killed) return skipped(`the adapter had to be killed, so its ${left.length} child process(es) could not stop with it`);
  const names = left.map((p) => `pid ${p.pid} (${p.command})`).join(", ");
  return failed(`${left.length} process(es) started by the adapter still ran ${graceMs} ms after it exited: ${names}`,
    "Stop the processes the adapter starts before it exits (on stdin EOF), or tie their lifetime to the adapter's");
}
