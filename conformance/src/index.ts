export { runConformance, DEFAULT_TIMEOUTS } from "./run-conformance.js";
export { CHECKS, CATEGORY_ORDER, checkInfo, isCheckId } from "./check-catalog.js";
export { parseExpectedFailures, type ExpectedFailures } from "./expected-failures.js";
export { splitCommand } from "./split-command.js";
export { formatHuman } from "./report/format-human.js";
export { formatJunit } from "./report/format-junit.js";
export { toJsonOutput } from "./report/to-json-output.js";
export { summarize, type Summary } from "./report/summarize.js";
export type {
  AdapterLaunch,
  BuiltinDialect,
  CheckCategory,
  CheckInfo,
  CheckResult,
  CheckStatus,
  CheckTier,
  ConformanceLogger,
  ConformanceOptions,
  ConformanceReport,
  ConformanceTimeouts,
} from "./types.js";
