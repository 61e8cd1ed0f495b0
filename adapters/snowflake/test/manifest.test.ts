import { validate } from "@rocky/protocol";
import { describe, expect, it } from "vitest";
import { CONFIG_SCHEMA, MANIFEST } from "../src/manifest.js";

describe("Snowflake adapter manifest", () => {
  it("matches the manifest schema and marks every secret of the config writeOnly", () => {
    expect(validate("AdapterManifest", MANIFEST)).toEqual([]);
    const writeOnly = Object.entries(CONFIG_SCHEMA.properties)
      .filter(([, p]) => (p as { writeOnly?: boolean }).writeOnly === true)
      .map(([k]) => k);
    expect(writeOnly).toEqual(["password", "pat", "oauth_token", "private_key", "private_key_passphrase"]);
  });

  it("declares what the adapter answers, and not discovery", () => {
    const declared = Object.entries(MANIFEST.capabilities).filter(([, v]) => v).map(([k]) => k).sort();
    expect(declared).toEqual([
      "batch_checks", "batch_describe", "cancellation", "create_catalog", "create_schema", "drop_catalog", "governance", "grants",
      "merge", "query_paging", "tablesample", "transactions", "warehouse",
    ]);
  });
});
