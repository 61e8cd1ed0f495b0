import type { AdapterServerLogger } from "@rocky/protocol";

/** True unless no process has this pid (EPERM means it exists under another user). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Exits when the host is gone: this process re-parented, or the pid Rocky passes in ROCKY_HOST_PID no longer exists
 * (which also covers a host that died before this process started, and wrappers between host and adapter). A host
 * killed with SIGKILL cannot close stdin first, and an adapter that outlived it would hold the warehouse's lock.
 */
export function exitWithParent(logger: AdapterServerLogger, intervalMs = 500): void {
  const parent = process.ppid;
  const host = Number(process.env.ROCKY_HOST_PID);
  const hostGone = () => (Number.isInteger(host) && host > 1 ? !processExists(host) : false);
  const check = () => {
    if ((parent <= 1 || process.ppid === parent) && !hostGone()) return;
    logger.error(`the host (pid ${Number.isInteger(host) ? host : parent}) is gone; exiting`);
    process.exit(1);
  };
  check();
  setInterval(check, intervalMs).unref();
}
