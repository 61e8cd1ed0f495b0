#!/usr/bin/env node
import { serveStdio } from "@rocky/adapter-kit";
import { PROTOCOL_VERSIONS } from "@rocky/protocol";
import { createDatabricksAdapter } from "./databricks-adapter.js";
import { MANIFEST } from "./manifest.js";

const adapter = createDatabricksAdapter();
serveStdio({
  manifest: MANIFEST,
  supportedVersions: PROTOCOL_VERSIONS,
  handlers: adapter.handlers,
  redactor: adapter.redactor,
  onExit: () => adapter.close(),
  exitGraceMs: 2000,
});
