import { readdirSync, readFileSync } from "node:fs";

/** A process identified by pid and start time, so a reused pid is not mistaken for it. */
export interface ProcessId {
  readonly pid: number;
  readonly startTime: string;
  readonly command: string;
}

interface Stat {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly state: string;
  readonly startTime: string;
  readonly command: string;
}

function readStat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const command = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    // fields[0] is field 3 of stat(5): state, ppid, pgrp, ... starttime is field 22.
    return { pid, state: fields[0] ?? "", ppid: Number(fields[1]), pgid: Number(fields[2]), startTime: fields[19] ?? "", command };
  } catch {
    return undefined;
  }
}

export function canInspectProcesses(): boolean {
  return process.platform === "linux" && readStat(process.pid) !== undefined;
}

/** Every live process descended from `root`, or in its process group (which catches children that re-parented). */
export function descendantsOf(root: number): ProcessId[] {
  const stats: Stat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s && s.state !== "Z") stats.push(s);
  }
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const found = new Map<number, Stat>();
  const queue = [root];
  while (queue.length > 0) {
    for (const c of children.get(queue.shift() as number) ?? []) {
      if (!found.has(c.pid)) {
        found.set(c.pid, c);
        queue.push(c.pid);
      }
    }
  }
  for (const s of stats) if (s.pgid === root && s.pid !== root) found.set(s.pid, s);
  return [...found.values()].map((s) => ({ pid: s.pid, startTime: s.startTime, command: s.command }));
}

/** True while the same process (pid and start time) runs; a zombie counts as gone. */
export function stillRunning(p: ProcessId): boolean {
  const s = readStat(p.pid);
  return s !== undefined && s.state !== "Z" && s.startTime === p.startTime;
}

export function killProcess(p: ProcessId): void {
  if (!stillRunning(p)) return;
  try {
    process.kill(p.pid, "SIGKILL");
  } catch {
    // gone meanwhile
  }
}
