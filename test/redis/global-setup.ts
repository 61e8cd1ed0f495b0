import type { TestProject } from "vitest/node";
import { startRedisServer } from "./redis-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** redis://127.0.0.1:PORT of the server every test file shares (one that no test kills). */
    redisUrl: string;
  }
}

/** vitest globalSetup: one Redis server for the whole run; the run fails here, loudly, when it cannot start. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startRedisServer();
  project.provide("redisUrl", server.url);
  return () => server.kill();
}
