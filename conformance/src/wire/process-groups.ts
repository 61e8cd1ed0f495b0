/** Process groups of adapters under test; killed if the runner exits with them alive. */
const live = new Set<number>();
let hooked = false;

export function killGroup(pid: number): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

export function trackGroup(pid: number): void {
  if (!hooked) {
    hooked = true;
    process.on("exit", () => {
      for (const p of live) killGroup(p);
    });
  }
  live.add(pid);
}

export function untrackGroup(pid: number): void {
  live.delete(pid);
}
