import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startAdapterProcess, type AdapterProcess } from "../../../test/support/adapter-process.js";

export type { AdapterProcess, WireMessage } from "../../../test/support/adapter-process.js";

export const MAIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");

/** The built adapter as a real process, spoken to in JSON lines; env is exactly what is given (plus PATH). */
export const startAdapter = (env: Record<string, string> = {}): AdapterProcess => startAdapterProcess(MAIN, { env });
