import { expect, it } from "vitest";
import { clearSecrets, redact, redactDeep, registerSecret } from "../src/redact.js";
it("redact() removes every registered secret, its JSON form and a cut-off start of it, and ignores values too short or common to be secrets", () => {
  clearSecrets();
  registerSecret("pw-env-in-config-9c1d");
  registerSecret('quo"te-secret');
  expect(redact("a pw-env-in-config-9c1d b")).toBe("a [redacted] b");
  expect(redact("password pw-env-in-config-9")).toBe("password [redacted]");
  expect(redact('{"m":"password pw-env-in-config-9"}')).toBe('{"m":"password [redacted]"}');
  expect(redact("cut pw-env-in…\nnext pw-env")).toBe("cut [redacted]…\nnext [redacted]");
  expect(redact("pw-env is fine mid-sentence")).toBe("pw-env is fine mid-sentence");
  expect(redact(JSON.stringify({ v: 'quo"te-secret' }))).toBe('{"v":"[redacted]"}');
  expect(redactDeep({ a: ["x pw-env-in-config-9c1d"] })).toEqual({ a: ["x [redacted]"] });
  registerSecret("true"); registerSecret("123456");
  expect(redact("true 123456")).toBe("true 123456");
});
