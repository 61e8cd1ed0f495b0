import { describe, expect, it } from "vitest";
import { backoffDelay, configSecrets, createRedactor, parseRetryAfter, redactSecrets } from "../src/index.js";

describe("createRedactor()", () => {
  it("replaces secrets, their URL-encoded and base64 forms, longest first, ignoring short ones", () => {
    const r = createRedactor(["p@ss/word+1", "abc", undefined, "p@ss/word+1-longer"]);
    const b64 = Buffer.from("p@ss/word+1").toString("base64").replace(/=+$/, "");
    expect(r.redact(`a p@ss/word+1-longer b ${encodeURIComponent("p@ss/word+1")} c ${b64} abc`)).toBe("a [REDACTED] b [REDACTED] c [REDACTED] abc");
    expect(r.redactValue({ m: ["x p@ss/word+1"], n: 1 })).toEqual({ m: ["x [REDACTED]"], n: 1 });
    expect(redactSecrets("no secrets here", [])).toBe("no secrets here");
  });

  it("configSecrets() reads the values the schema marks writeOnly, nested too", () => {
    const schema = {
      type: "object",
      properties: {
        host: { type: "string" },
        token: { type: "string", writeOnly: true },
        oauth: { type: "object", properties: { client_secret: { type: "string", writeOnly: true }, client_id: { type: "string" } } },
      },
    };
    const config = { host: "h", token: "tok-1234", oauth: { client_id: "id", client_secret: "sec-5678" } };
    expect(configSecrets(config, schema, ["env-9999", undefined])).toEqual(["env-9999", "tok-1234", "sec-5678"]);
  });
});

describe("backoff", () => {
  it("backoffDelay() doubles from the base, capped, within ±25% jitter", () => {
    const options = { maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, () => 0.5))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(2, options, () => 0)).toBe(150);
    expect(backoffDelay(2, options, () => 0.999999)).toBe(250);
  });

  it("parseRetryAfter() reads seconds and HTTP dates", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
