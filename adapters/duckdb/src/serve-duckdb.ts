import { PROTOCOL_VERSIONS, type AdapterServer } from "@rocky/protocol";
import { createDuckDbAdapter } from "./duckdb-adapter.js";
import { MANIFEST } from "./manifest.js";
import { serveStdio } from "@rocky/adapter-kit/serve-stdio";

// The bundle's converter, for the benchmark that measures the conversion as it ships (bench/suites/data-worker.ts).
export { chunkRows, columnWriter } from "./json-values.js";

/** Serves the DuckDB adapter on stdin/stdout until stdin ends, then closes the database and exits. */
export function serveDuckDb(): AdapterServer {
  const adapter = createDuckDbAdapter();
  return serveStdio({
    manifest: MANIFEST,
    supportedVersions: PROTOCOL_VERSIONS,
    handlers: adapter.handlers,
    onExit: () => adapter.close(),
    exitGraceMs: 2000,
  });
}
