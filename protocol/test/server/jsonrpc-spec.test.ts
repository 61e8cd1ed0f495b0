// The JSON-RPC 2.0 specification's own examples (https://www.jsonrpc.org/specification, §4, §5.1, §6 and §7), with the
// exact bytes the adapter server writes back.
import { describe, expect, it } from "vitest";
import { startServer } from "./harness.js";

const invalid = (why: string) =>
  `{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request: ${why}","data":{"code":"INVALID_REQUEST"}}}`;
const PARSE_ERROR = '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error: the line is not valid JSON","data":{"code":"PARSE_ERROR"}}}';
const NOT_STRING_METHOD = invalid('\\"method\\" must be a string');
const NOT_OBJECT = invalid("a request must be a JSON object");

/** Sends `line`, then a ping with id "fence": the lines written before the fence's answer are the answer to `line`. */
async function answersTo(line: string): Promise<string[]> {
  const s = startServer();
  s.sendRaw(line);
  s.sendRaw('{"jsonrpc":"2.0","id":"fence","method":"ping"}');
  await s.response("fence");
  const fence = s.lines.indexOf('{"jsonrpc":"2.0","id":"fence","result":{}}');
  return s.lines.filter((_, i) => i !== fence);
}

describe("createAdapterServer() invalid Request objects (§4, §5.1)", () => {
  it.each([
    ['{"jsonrpc":"2.0","method":1,"params":"bar"}', NOT_STRING_METHOD],
    ['{"jsonrpc":"2.0","method":1,"params":"bar","id":3}', NOT_STRING_METHOD],
    ['{"jsonrpc":"2.0","method":null,"id":3}', NOT_STRING_METHOD],
    ['{"jsonrpc":"2.0","id":3}', NOT_STRING_METHOD],
    ['{"jsonrpc":"2.0","method":"ping","params":"bar","id":3}', invalid('\\"params\\" must be an object or an array')],
    ['{"jsonrpc":"2.0","method":"ping","params":null,"id":3}', invalid('\\"params\\" must be an object or an array')],
    ['{"jsonrpc":"2.0","method":"ping","params":7}', invalid('\\"params\\" must be an object or an array')],
    ['{"method":"ping","id":3}', invalid('\\"jsonrpc\\" must be exactly \\"2.0\\"')],
    ['{"jsonrpc":"1.0","method":"ping","id":3}', invalid('\\"jsonrpc\\" must be exactly \\"2.0\\"')],
    ['{"jsonrpc":2,"method":"ping","id":3}', invalid('\\"jsonrpc\\" must be exactly \\"2.0\\"')],
    ['{"jsonrpc":"2.0","method":"ping","id":{"a":1}}', invalid('\\"id\\" must be a string, a number or null')],
    ['{"jsonrpc":"2.0","method":"ping","id":[1]}', invalid('\\"id\\" must be a string, a number or null')],
    ['{"jsonrpc":"2.0","method":"ping","id":true}', invalid('\\"id\\" must be a string, a number or null')],
    ['{"foo":"boo"}', invalid('\\"jsonrpc\\" must be exactly \\"2.0\\"')],
    ["42", NOT_OBJECT],
    ['"ping"', NOT_OBJECT],
    ["null", NOT_OBJECT],
  ])("answers %s with -32600 and id null", async (line, expected) => {
    expect(await answersTo(line)).toEqual([expected]);
  });

  it("answers invalid JSON with -32700 and id null", async () => {
    expect(await answersTo('{"jsonrpc":"2.0","method":"foobar,"params":"bar","baz]')).toEqual([PARSE_ERROR]);
  });

  it("answers a request with id null with id null, and a notification not at all", async () => {
    expect(await answersTo('{"jsonrpc":"2.0","method":"ping","id":null}')).toEqual(['{"jsonrpc":"2.0","id":null,"result":{}}']);
    expect(await answersTo('{"jsonrpc":"2.0","method":"ping"}')).toEqual([]);
    expect(await answersTo('{"jsonrpc":"2.0","method":"no/such","params":[1,2]}')).toEqual([]);
  });

  it("reads params given by position and refuses them where the method takes named ones (-32602)", async () => {
    const [line] = await answersTo('{"jsonrpc":"2.0","method":"ping","params":[1],"id":4}');
    expect(JSON.parse(line as string)).toMatchObject({ jsonrpc: "2.0", id: 4, error: { code: -32602 } });
  });
});

describe("createAdapterServer() batches (§6, §7)", () => {
  it("answers a batch with an array of the answers, in order, and nothing for its notifications", async () => {
    const batch = [
      '{"jsonrpc":"2.0","method":"ping","params":{},"id":"1"}',
      '{"jsonrpc":"2.0","method":"notify_hello","params":[7]}',
      '{"jsonrpc":"2.0","method":"no/such","params":{},"id":"2"}',
      '{"foo":"boo"}',
      '{"jsonrpc":"2.0","method":"foo.get","params":{"name":"myself"},"id":"5"}',
      '{"jsonrpc":"2.0","method":"ping","id":"9"}',
    ];
    expect(await answersTo(`[${batch.join(",")}]`)).toEqual([
      "[" +
        [
          '{"jsonrpc":"2.0","id":"1","result":{}}',
          '{"jsonrpc":"2.0","id":"2","error":{"code":-32601,"message":"Unknown method \\"no/such\\"","data":{"code":"METHOD_NOT_FOUND"}}}',
          invalid('\\"jsonrpc\\" must be exactly \\"2.0\\"'),
          '{"jsonrpc":"2.0","id":"5","error":{"code":-32601,"message":"Unknown method \\"foo.get\\"","data":{"code":"METHOD_NOT_FOUND"}}}',
          '{"jsonrpc":"2.0","id":"9","result":{}}',
        ].join(",") +
        "]",
    ]);
  });

  it("answers an empty array with one -32600, not an array", async () => {
    expect(await answersTo("[]")).toEqual([invalid("a batch must hold at least one request")]);
  });

  it("answers a batch of invalid members with an array of -32600s", async () => {
    expect(await answersTo("[1]")).toEqual([`[${NOT_OBJECT}]`]);
    expect(await answersTo("[1,2,3]")).toEqual([`[${[NOT_OBJECT, NOT_OBJECT, NOT_OBJECT].join(",")}]`]);
  });

  it("answers a batch that is not JSON with one -32700", async () => {
    expect(await answersTo('[{"jsonrpc":"2.0","method":"sum","params":[1,2,4],"id":"1"},{"jsonrpc":"2.0","method"]')).toEqual([PARSE_ERROR]);
  });

  it("answers nothing to a batch of notifications", async () => {
    expect(await answersTo('[{"jsonrpc":"2.0","method":"notify_sum","params":[1,2,4]},{"jsonrpc":"2.0","method":"notify_hello","params":[7]}]')).toEqual([]);
  });

  it("cancels a request named by a $/cancelRequest inside a batch", async () => {
    const s = startServer({
      execute_query: (_params, ctx) => new Promise((_resolve, reject) => ctx.signal.addEventListener("abort", () => reject(new Error("stopped")))),
    });
    await s.initialize();
    s.sendRaw('[{"jsonrpc":"2.0","id":"q","method":"execute_query","params":{"sql":"select 1"}},{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"q"}}]');
    const [answer] = await s.waitForLines(2).then((all) => all.slice(1));
    expect(answer).toBe('[{"jsonrpc":"2.0","id":"q","error":{"code":-32800,"message":"Request \\"execute_query\\" (id \\"q\\") was cancelled"}}]');
  });
});
