import { ErrorCodes } from "../error-codes.js";
import type { ProtocolVersionRange } from "../generated/types.js";
import { LEGACY_PROTOCOL_VERSION, formatRange, pickProtocolVersion } from "../versions.js";
import { AdapterServerError } from "./adapter-server-error.js";

/**
 * The protocol version an adapter answers `initialize` with: the highest in both ranges. A host that offers
 * no range speaks the original protocol (version 1). Throws ProtocolVersionMismatch (-32050) when the ranges do not overlap.
 */
export function negotiateVersion(
  adapter: string,
  offered: ProtocolVersionRange | undefined,
  supported: ProtocolVersionRange,
): number {
  const range = offered ?? { min: LEGACY_PROTOCOL_VERSION, max: LEGACY_PROTOCOL_VERSION };
  const picked = pickProtocolVersion(range, supported);
  if (picked !== undefined) return picked;
  throw new AdapterServerError(
    ErrorCodes.ProtocolVersionMismatch,
    `Adapter "${adapter}" speaks protocol versions ${formatRange(supported)} but the host offers ${formatRange(range)}`,
    { code: "PROTOCOL_VERSION_MISMATCH", supported, offered: range },
  );
}
