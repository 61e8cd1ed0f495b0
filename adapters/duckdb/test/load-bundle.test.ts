import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundleIsFresh } from "../src/load-bundle.js";
import { tempDir } from "./adapter-process.js";

const LOADER = resolve(import.meta.dirname, "..", "src", "load-bundle.ts");
let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

/** A file in the temp dir with `content`, modified `secondsAgo` seconds ago. */
function file(name: string, secondsAgo: number, content = ""): string {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  const time = Date.now() / 1000 - secondsAgo;
  utimesSync(path, time, time);
  return path;
}

describe("bundleIsFresh()", () => {
  it("is true when the bundle was written after every input", () => {
    expect(bundleIsFresh(file("bundle.cjs", 10), [file("a.tsbuildinfo", 20), file("b.tsbuildinfo", 30)])).toBe(true);
  });

  it("is false when one input was written after the bundle", () => {
    expect(bundleIsFresh(file("bundle.cjs", 10), [file("a.tsbuildinfo", 20), file("b.tsbuildinfo", 5)])).toBe(false);
  });

  it("is false without a bundle, and ignores inputs that do not exist", () => {
    expect(bundleIsFresh(join(dir.path, "none.cjs"), [file("a.tsbuildinfo", 20)])).toBe(false);
    expect(bundleIsFresh(file("bundle.cjs", 10), [join(dir.path, "none.tsbuildinfo")])).toBe(true);
  });
});

describe("loadBundle()", () => {
  // In a child process: the cache is written when the process exits.
  function load(bundle: string): { answer: number; codeCache: string } {
    const script = `import { loadBundle } from ${JSON.stringify(LOADER)};\nconst { exports, codeCache } = loadBundle(${JSON.stringify(bundle)});\nconsole.log(JSON.stringify({ answer: exports.answer(), codeCache }));`;
    return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" })) as { answer: number; codeCache: string };
  }
  const source = (n: number) => `const { join } = require("node:path");\nexports.answer = () => ${n} + join("a").length - 1;\n`;

  it("runs a CommonJS file, writes its code cache at exit and compiles from it the next time", () => {
    const bundle = file("bundle.cjs", 10, source(42));
    expect(load(bundle)).toEqual({ answer: 42, codeCache: "missing" });
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    expect(load(bundle)).toEqual({ answer: 42, codeCache: "used" });
  });

  it("ignores a cache made from an earlier build of the bundle, even of the same length", () => {
    const bundle = file("bundle.cjs", 10, source(42));
    load(bundle);
    file("bundle.cjs", 5, source(43));
    expect(load(bundle)).toEqual({ answer: 43, codeCache: "missing" });
    expect(load(bundle)).toEqual({ answer: 43, codeCache: "used" });
  });

  it("compiles from source when V8 rejects the cache", () => {
    const bundle = file("bundle.cjs", 10, source(42));
    load(bundle);
    const cache = readFileSync(`${bundle}.cache`);
    writeFileSync(`${bundle}.cache`, Buffer.concat([cache.subarray(0, 16), Buffer.alloc(cache.length - 16, 7)]));
    expect(load(bundle)).toEqual({ answer: 42, codeCache: "rejected" });
  });
});
