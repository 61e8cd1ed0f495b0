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

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** Adapters live in their own process group, so a terminal's Ctrl-C never reaches them: the host must. */
function onSignal(signal: NodeJS.Signals): void {
  killAll();
  // Only when nobody else (e.g. the CLI's graceful handler) is listening do we end the process ourselves.
  if (process.listenerCount(signal) <= 1) process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 1));
}

export function trackProcessGroup(pid: number): void {
  if (!hooked) {
    hooked = true;
    process.on("exit", killAll);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, onSignal);
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
