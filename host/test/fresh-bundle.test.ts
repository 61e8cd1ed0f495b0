import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundleIsFresh } from "../src/fresh-bundle.js";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "rocky-fresh-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file in the temp dir, modified `secondsAgo` seconds ago. */
function file(name: string, secondsAgo: number): URL {
  const path = join(dir, name);
  writeFileSync(path, "");
  const time = Date.now() / 1000 - secondsAgo;
  utimesSync(path, time, time);
  return pathToFileURL(path);
}

describe("bundleIsFresh()", () => {
  it("is true when the bundle was written after every input", () => {
    expect(bundleIsFresh(file("bundle.js", 10), [file("a.tsbuildinfo", 20), file("b.tsbuildinfo", 30)])).toBe(true);
  });

  it("is false when one input was written after the bundle", () => {
    expect(bundleIsFresh(file("bundle.js", 10), [file("a.tsbuildinfo", 20), file("b.tsbuildinfo", 5)])).toBe(false);
  });

  it("is false without a bundle, and ignores inputs that do not exist", () => {
    expect(bundleIsFresh(pathToFileURL(join(dir, "none.js")), [file("a.tsbuildinfo", 20)])).toBe(false);
    expect(bundleIsFresh(file("bundle.js", 10), [pathToFileURL(join(dir, "none.tsbuildinfo"))])).toBe(true);
  });
});
