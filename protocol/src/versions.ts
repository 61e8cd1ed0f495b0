import type { ProtocolVersionRange } from "./generated/types.js";

/** Protocol versions this build of the protocol package speaks. Version 1 is the original Rocky process protocol plus the optional Rocky methods. */
export const PROTOCOL_VERSIONS: ProtocolVersionRange = { min: 1, max: 1 };

/** The version an adapter is taken to speak when its `initialize` result names none (the original protocol). */
export const LEGACY_PROTOCOL_VERSION = 1;

/** The highest version in both ranges, or undefined when they do not overlap. */
export function pickProtocolVersion(offered: ProtocolVersionRange, supported: ProtocolVersionRange): number | undefined {
  const high = Math.min(offered.max, supported.max);
  return high >= Math.max(offered.min, supported.min) ? high : undefined;
}

export function formatRange(range: ProtocolVersionRange): string {
  return range.min === range.max ? `${range.min}` : `${range.min}..${range.max}`;
}
