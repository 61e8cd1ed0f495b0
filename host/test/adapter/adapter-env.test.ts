import { afterEach, describe, expect, it } from "vitest";
import { spawnFixture } from "./helpers.js";

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
});

describe("spawnAdapter() environment", () => {
  it("keeps Dagster Pipes' bootstrap variables from the adapter and passes everything else", async () => {
    process.env.DAGSTER_PIPES_CONTEXT = "context";
    process.env.DAGSTER_PIPES_MESSAGES = "messages";
    process.env.ROCKY_ENV_PROBE = "1";
    const c = await spawnFixture("reports-env.mjs");
    try {
      expect((await c.query("^(DAGSTER_|ROCKY_ENV_PROBE$)")).rows).toEqual([["ROCKY_ENV_PROBE"]]);
    } finally {
      await c.close();
    }
  });
});
