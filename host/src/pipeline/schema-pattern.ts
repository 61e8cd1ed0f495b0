import type { SchemaPatternConfig } from "@rocky/protocol";
import { assertIdentifier } from "../sql/identifiers.js";

export interface PatternComponent {
  readonly name: string;
  /** Written `name...`: takes every part between its neighbours, at least one. */
  readonly variadic: boolean;
}

export interface SchemaPattern {
  readonly prefix: string;
  readonly separator: string;
  readonly components: readonly PatternComponent[];
}

export type SchemaMatch =
  | { readonly matched: true; readonly components: Readonly<Record<string, string>> }
  | { readonly matched: false; readonly reason: string };

export function compileSchemaPattern(config: SchemaPatternConfig): SchemaPattern {
  return {
    prefix: config.prefix,
    separator: config.separator,
    components: config.components.map((c) => (c.endsWith("...") ? { name: c.slice(0, -3), variadic: true } : { name: c, variadic: false })),
  };
}

function describeComponents(pattern: SchemaPattern): string {
  return pattern.components.map((c) => (c.variadic ? `${c.name}...` : c.name)).join(pattern.separator);
}

/** Splits `src__acme__us_west__shopify` into its components; a variadic component's parts are re-joined with the separator. */
export function matchSchemaName(name: string, pattern: SchemaPattern): SchemaMatch {
  if (!name.startsWith(pattern.prefix)) return { matched: false, reason: `does not start with prefix "${pattern.prefix}"` };
  const parts = name.slice(pattern.prefix.length).split(pattern.separator);
  if (parts.some((p) => p === "")) return { matched: false, reason: `has an empty part between separators "${pattern.separator}"` };
  const variadicAt = pattern.components.findIndex((c) => c.variadic);
  const fixed = pattern.components.length - (variadicAt >= 0 ? 1 : 0);
  const expected = variadicAt >= 0 ? `at least ${fixed + 1}` : String(fixed);
  if (variadicAt >= 0 ? parts.length < fixed + 1 : parts.length !== fixed) {
    return { matched: false, reason: `has ${parts.length} part(s) after the prefix, expected ${expected} (${describeComponents(pattern)})` };
  }
  const components: Record<string, string> = {};
  const middle = parts.length - fixed;
  let i = 0;
  for (const c of pattern.components) {
    const take = c.variadic ? middle : 1;
    components[c.name] = parts.slice(i, i + take).join(pattern.separator);
    i += take;
  }
  return { matched: true, components };
}

export type TemplatePart = { readonly literal: string } | { readonly placeholder: string };

/** `staging__{regions}__{connector}` → literal and placeholder parts; undefined when braces are unbalanced. */
export function parseTemplate(template: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  const re = /\{([^{}]*)\}|([^{}]+)/gy;
  let consumed = 0;
  for (const m of template.matchAll(re)) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    parts.push(m[1] !== undefined ? { placeholder: m[1] } : { literal: m[2] ?? "" });
  }
  return consumed === template.length ? parts : undefined;
}

/** Renders a catalog or schema template; the result must be a valid identifier. */
export function renderTemplate(template: string, components: Readonly<Record<string, string>>, what: string): string {
  const parts = parseTemplate(template) ?? [{ literal: template }];
  const rendered = parts.map((p) => ("literal" in p ? p.literal : (components[p.placeholder] ?? `{${p.placeholder}}`))).join("");
  return assertIdentifier(rendered, what, `template "${template}"`);
}
