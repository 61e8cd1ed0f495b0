// The DuckDB adapter process answers JSON-RPC 2.0 exactly (https://www.jsonrpc.org/specification §4, §5.1, §6):
// invalid Request objects get -32600 with id null, batches an array of answers. Exact bytes from its stdout.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { MAIN } from "./adapter-process.js";

/** Writes `lines` to a fresh adapter, closes its stdin and returns every line of its stdout, sorted, and its exit code. */
async function exchange(lines: string[]): Promise<{ out: string[]; code: number | null }> {
  const child = spawn(process.execPath, [MAIN], { stdio: ["pipe", "pipe", "ignore"] });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const code = new Promise<number | null>((resolve) => child.on("exit", resolve));
  child.stdin.end(`${lines.join("\n")}\n`);
  return { code: await code, out: stdout.split("\n").filter((l) => l !== "").sort() };
}

const invalid = (why: string) =>
  `{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request: ${why}","data":{"code":"INVALID_REQUEST"}}}`;

describe("DuckDB adapter: JSON-RPC 2.0 on the wire", () => {
  it("answers each invalid Request object with -32600 and id null, batches with arrays, and exits 0", async () => {
    const { out, code } = await exchange([
      '{"jsonrpc":"2.0","method":1,"params":"bar"}',
      '{"jsonrpc":"2.0","method":"ping","params":"bar","id":1}',
      '{"method":"ping","id":2}',
      '{"jsonrpc":"2.0","method":"ping","id":{"x":3}}',
      "[]",
      "[1,2]",
      '[{"jsonrpc":"2.0","method":"ping","id":"b1"},{"jsonrpc":"2.0","method":"$/log"},{"jsonrpc":"2.0","method":"ping","id":"b2"}]',
      '[{"jsonrpc":"2.0","method":"$/log"},{"jsonrpc":"2.0","method":"$/progress"}]',
      '{"jsonrpc":"2.0","method":"ping","id":"last"}',
    ]);
    const notObject = invalid("a request must be a JSON object");
    expect(out).toEqual(
      [
        invalid('\\"method\\" must be a string'),
        invalid('\\"params\\" must be an object or an array'),
        invalid('\\"jsonrpc\\" must be exactly \\"2.0\\"'),
        invalid('\\"id\\" must be a string, a number or null'),
        invalid("a batch must hold at least one request"),
        `[${notObject},${notObject}]`,
        '[{"jsonrpc":"2.0","id":"b1","result":{}},{"jsonrpc":"2.0","id":"b2","result":{}}]',
        '{"jsonrpc":"2.0","id":"last","result":{}}',
      ].sort(),
    );
    expect(code).toBe(0);
  });
});
