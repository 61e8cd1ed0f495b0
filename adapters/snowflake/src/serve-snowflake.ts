import { PROTOCOL_VERSIONS, type AdapterServer } from "@rocky/protocol";
import { serveStdio } from "@rocky/adapter-kit";
import { MANIFEST } from "./manifest.js";
import { createSnowflakeAdapter } from "./snowflake-adapter.js";

/** Serves the Snowflake adapter on stdin/stdout until stdin ends. */
export function serveSnowflake(): AdapterServer {
  const adapter = createSnowflakeAdapter();
  return serveStdio({
    manifest: MANIFEST,
    supportedVersions: PROTOCOL_VERSIONS,
    handlers: adapter.handlers,
    onExit: () => adapter.close(),
    redactor: () => adapter.redactor,
    exitGraceMs: 2000,
  });
}
