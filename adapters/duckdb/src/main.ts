#!/usr/bin/env node
import { PROTOCOL_VERSIONS } from "@rocky/protocol";
import { createDuckDbAdapter } from "./duckdb-adapter.js";
import { MANIFEST } from "./manifest.js";
import { serveStdio } from "./serve-stdio.js";

const adapter = createDuckDbAdapter();
serveStdio({
  manifest: MANIFEST,
  supportedVersions: PROTOCOL_VERSIONS,
  handlers: adapter.handlers,
  onExit: () => adapter.close(),
  exitGraceMs: 2000,
});
