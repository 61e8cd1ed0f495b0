import { CATEGORY_ORDER } from "../check-catalog.js";
import type { ConformanceReport } from "../types.js";

// Characters XML 1.0 cannot carry at all, even escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function esc(text: string): string {
  return text.replace(INVALID_XML, "\uFFFD").replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** JUnit XML: one testsuite per category, one testcase per check. Expected failures are skipped; stale ones fail. */
export function formatJunit(report: ConformanceReport): string {
  const stale = new Set(report.staleExpectedFailures);
  const suites: string[] = [];
  let tests = 0, failures = 0, skips = 0;
  for (const category of CATEGORY_ORDER) {
    const results = report.results.filter((r) => r.category === category);
    if (results.length === 0) continue;
    const cls = `${report.adapter}.${category}`;
    let f = 0, sk = 0, time = 0;
    const cases = results.map((r) => {
      time += r.durationMs;
      const open = `    <testcase classname="${esc(cls)}" name="${esc(r.id)}" time="${seconds(r.durationMs)}"`;
      const detail = [r.message, r.hint && `hint: ${r.hint}`].filter(Boolean).join("\n");
      if (r.status === "failed" && !r.expected) {
        f++;
        return `${open}>\n      <failure message="${esc(r.message ?? "failed")}" type="${r.tier}">${esc(detail)}</failure>\n    </testcase>`;
      }
      if (r.status === "passed" && stale.has(r.id)) {
        f++;
        return `${open}>\n      <failure message="listed as an expected failure but passed" type="stale-expected-failure">Remove ${esc(r.id)} from the expected-failures file</failure>\n    </testcase>`;
      }
      if (r.status === "skipped" || r.expected) {
        sk++;
        return `${open}>\n      <skipped message="${esc(r.expected ? `expected failure: ${r.message ?? ""}` : (r.message ?? "skipped"))}"/>\n    </testcase>`;
      }
      return `${open}/>`;
    });
    tests += results.length;
    failures += f;
    skips += sk;
    suites.push(`  <testsuite name="${esc(cls)}" tests="${results.length}" failures="${f}" errors="0" skipped="${sk}" time="${seconds(time)}">\n${cases.join("\n")}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rocky test-adapter: ${esc(report.adapter)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skips}" time="${seconds(report.durationMs)}">\n${suites.join("\n")}\n</testsuites>\n`;
}
