import { describe, expect, it } from "vitest";
import { compileSchemaPattern, matchSchemaName, parseTemplate, renderTemplate } from "../../src/pipeline/schema-pattern.js";
import { createTableFilter } from "../../src/pipeline/table-filter.js";

const pattern = compileSchemaPattern({ prefix: "src__", separator: "__", components: ["tenant", "regions...", "connector"] });

describe("matchSchemaName()", () => {
  it("splits a schema into components, the variadic one taking every middle part", () => {
    expect(matchSchemaName("src__acme__us_west__shopify", pattern)).toEqual({ matched: true, components: { tenant: "acme", regions: "us_west", connector: "shopify" } });
    expect(matchSchemaName("src__acme__us__west__coast__shopify", pattern)).toEqual({
      matched: true,
      components: { tenant: "acme", regions: "us__west__coast", connector: "shopify" },
    });
  });

  it("gives the reason a schema does not match", () => {
    expect(matchSchemaName("analytics", pattern)).toEqual({ matched: false, reason: `does not start with prefix "src__"` });
    expect(matchSchemaName("src__acme__shopify", pattern)).toEqual({
      matched: false,
      reason: "has 2 part(s) after the prefix, expected at least 3 (tenant__regions...__connector)",
    });
    expect(matchSchemaName("src__acme____shopify", pattern)).toEqual({ matched: false, reason: `has an empty part between separators "__"` });
  });

  it("requires the exact number of parts without a variadic component", () => {
    const fixed = compileSchemaPattern({ prefix: "raw_", separator: "_", components: ["source"] });
    expect(matchSchemaName("raw_events", fixed)).toEqual({ matched: true, components: { source: "events" } });
    expect(matchSchemaName("raw_events_v2", fixed)).toEqual({ matched: false, reason: "has 2 part(s) after the prefix, expected 1 (source)" });
  });
});

describe("renderTemplate()", () => {
  const components = { tenant: "acme", regions: "us__west", connector: "shopify" };

  it("fills placeholders from the components", () => {
    expect(renderTemplate("{tenant}_warehouse", components, "catalog name")).toBe("acme_warehouse");
    expect(renderTemplate("staging__{regions}__{connector}", components, "schema name")).toBe("staging__us__west__shopify");
  });

  it("fails with IDENTIFIER_INVALID when a component makes an invalid identifier", () => {
    expect(() => renderTemplate("{tenant}_warehouse", { tenant: "acme-corp" }, "catalog name")).toThrow(
      expect.objectContaining({ code: "IDENTIFIER_INVALID", message: expect.stringContaining(`Invalid catalog name "acme-corp_warehouse" in template "{tenant}_warehouse"`) }),
    );
  });

  it("parses templates into literal and placeholder parts", () => {
    expect(parseTemplate("a_{b}_c")).toEqual([{ literal: "a_" }, { placeholder: "b" }, { literal: "_c" }]);
    expect(parseTemplate("a_{b")).toBeUndefined();
    expect(parseTemplate("a_}b{")).toBeUndefined();
  });
});

describe("createTableFilter()", () => {
  it("applies include then exclude globs and says why a table is left out", () => {
    const filter = createTableFilter({ include: ["order*", "customers"], exclude: ["*_tmp"] });
    expect(filter("orders")).toBeUndefined();
    expect(filter("customers")).toBeUndefined();
    expect(filter("orders_tmp")).toBe(`excluded by tables.exclude "*_tmp"`);
    expect(filter("products")).toBe(`not matched by tables.include ("order*", "customers")`);
    expect(createTableFilter(undefined)("anything")).toBeUndefined();
  });
});
