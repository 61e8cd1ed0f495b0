import { randomBytes } from "node:crypto";

/** Sortable and readable: `20240601T120000Z-3fa2c1`. */
export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${randomBytes(3).toString("hex")}`;
}
