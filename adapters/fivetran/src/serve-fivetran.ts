import { PROTOCOL_VERSIONS, type AdapterServer } from "@rocky/protocol";
import { serveStdio } from "@rocky/adapter-kit";
import { createFivetranAdapter } from "./fivetran-adapter.js";
import { MANIFEST } from "./manifest.js";

/** Serves the Fivetran adapter on stdin/stdout until stdin ends. */
export function serveFivetran(): AdapterServer {
  const adapter = createFivetranAdapter();
  return serveStdio({ manifest: MANIFEST, supportedVersions: PROTOCOL_VERSIONS, handlers: adapter.handlers, redactor: adapter.redactor, exitGraceMs: 2000 });
}
