import { isCheckId } from "./check-catalog.js";

export interface ExpectedFailures {
  readonly ids: ReadonlySet<string>;
  /** `line N: ...` for each entry that names no check. */
  readonly problems: readonly string[];
}

/** Parses an expected-failures file: one check id per line; `#` starts a comment; blank lines are ignored. */
export function parseExpectedFailures(text: string): ExpectedFailures {
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const entry = raw.replace(/#.*$/, "").trim();
    if (entry === "") continue;
    if (isCheckId(entry)) ids.add(entry);
    else problems.push(`line ${i + 1}: "${entry}" is not a conformance check id`);
  }
  return { ids, problems };
}
