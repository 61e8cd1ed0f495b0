import type { RockyError } from "../errors.js";
import type { KeyPath } from "./locate-key.js";

const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export interface SubstituteEnvOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Builds the error for a variable that is unset and has no default. */
  readonly onMissing: (variable: string, path: KeyPath) => RockyError;
  /** Called with each value taken from the environment (not a default written in the file) and where it went. */
  readonly onSubstituted?: (value: string, path: KeyPath) => void;
}

/** Replaces `${VAR}` and `${VAR:-default}` in every string value (not keys); `$$` is a literal `$`. */
export function substituteEnv(value: unknown, options: SubstituteEnvOptions, path: KeyPath = []): unknown {
  if (typeof value === "string") {
    return value.replace(REFERENCE, (match, name: string | undefined, fallback: string | undefined) => {
      if (match === "$$") return "$";
      const set = options.env[name ?? ""];
      if (set !== undefined && (set !== "" || fallback === undefined)) {
        options.onSubstituted?.(set, path);
        return set;
      }
      if (fallback !== undefined) return fallback;
      throw options.onMissing(name ?? "", path);
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, options, [...path, i]));
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEnv(v, options, [...path, k])]));
  }
  return value;
}
