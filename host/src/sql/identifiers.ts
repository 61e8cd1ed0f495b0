import { RockyError } from "../errors.js";

/** The only shape of identifier that may be interpolated into SQL. Everything else is a bound parameter. */
export const IDENTIFIER_PATTERN = /^[a-zA-Z0-9_]+$/;

export function isValidIdentifier(name: unknown): name is string {
  return typeof name === "string" && IDENTIFIER_PATTERN.test(name);
}

/** Returns `name` unchanged, or throws IDENTIFIER_INVALID naming what it is and where it came from. */
export function assertIdentifier(name: unknown, what: string, origin?: string): string {
  if (isValidIdentifier(name)) return name;
  const shown = typeof name === "string" ? JSON.stringify(name) : String(name);
  throw new RockyError("IDENTIFIER_INVALID", `Invalid ${what} ${shown}${origin ? ` in ${origin}` : ""}: identifiers must match ^[a-zA-Z0-9_]+$`, {
    hint: "Use only letters, digits and underscores; rename the object or map it to a valid name in rocky.toml",
  });
}
