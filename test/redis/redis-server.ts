import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** A real Valkey/Redis server on loopback, started for tests. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** SIGKILL: the server vanishes mid-command, as a crashed one does. */
  kill(): Promise<void>;
}

function findServer(): string {
  const named = process.env.ROCKY_REDIS_SERVER;
  if (named) return named;
  for (const dir of (process.env.PATH ?? "").split(delimiter).concat(["/usr/bin", "/usr/local/bin"])) {
    for (const program of ["valkey-server", "redis-server"]) if (dir && existsSync(join(dir, program))) return join(dir, program);
  }
  throw new Error("Cannot start Redis for the tests: neither valkey-server nor redis-server is on PATH. Install it (apt-get install -y redis-server, as .ci/run does) or set ROCKY_REDIS_SERVER");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers PING with PONG. */
async function waitForPong(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode}) before accepting connections:\n${output()}`);
    const pong = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
      socket.once("error", () => resolve(false));
      socket.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
      socket.once("data", (data) => (socket.destroy(), resolve(data.toString().startsWith("+PONG"))));
    });
    if (pong) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s:\n${output()}`);
}

/** Starts redis-server (or valkey-server) on 127.0.0.1 and a free port (or `port`, to restart one), without persistence; throws when it cannot. */
export async function startRedisServer(options: { port?: number } = {}): Promise<RedisServer> {
  const program = findServer();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? (await freePort());
    const dir = mkdtempSync(join(tmpdir(), "rocky-redis-"));
    const child = spawn(program, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "yes"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d) => (output += String(d)));
    child.stderr?.on("data", (d) => (output += String(d)));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      await waitForPong(port, child, () => output);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        pid: child.pid ?? -1,
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
          await exited;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      lastError = err;
      child.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new Error(`Cannot start Redis for the tests: ${(lastError as Error).message}`);
}
