#!/usr/bin/env node
// Entry point: Rocky runs this process and speaks the protocol on its stdin/stdout.
import { readFileSync } from "node:fs";
import { create{{Name}}Adapter } from "./adapter.js";
import type { Manifest } from "./protocol.js";
import { serve } from "./server.js";

const manifest = JSON.parse(readFileSync(new URL("../manifest.json", import.meta.url), "utf8")) as Manifest;
serve(manifest, create{{Name}}Adapter());
