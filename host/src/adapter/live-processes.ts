/** Process groups of adapters still running; killed synchronously if the host exits with them alive. */
const live = new Set<number>();
let hooked = false;

function killAll(): void {
  for (const pid of live) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  live.clear();
}

export function trackProcessGroup(pid: number): void {
  if (!hooked) {
    hooked = true;
    process.on("exit", killAll);
  }
  live.add(pid);
}

export function untrackProcessGroup(pid: number): void {
  live.delete(pid);
}

/** Sends a signal to the adapter's whole process group, falling back to the process alone. */
export function signalGroup(pid: number, signal: NodeJS.Signals, groupOnly = false): void {
  try {
    process.kill(-pid, signal);
  } catch {
    if (groupOnly) return;
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
