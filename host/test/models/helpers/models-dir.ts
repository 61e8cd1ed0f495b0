import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A temporary project with `files` (paths relative to it) written; returns its root. */
export function writeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "rocky-compile-"));
  mkdirSync(join(root, "models"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
