import { httpErrorToWire, isHttpError } from "@rocky/adapter-kit";
import { AdapterServerError, ErrorCodes } from "@rocky/protocol";
import type { Runtime } from "./runtime.js";

/** Any failure as the protocol error the host reports: credentials and warehouse problems named, every message redacted. */
export function toWireError(error: unknown, rt: Runtime | undefined): unknown {
  const redact = (s: string) => rt?.redactor.redact(s) ?? s;
  if (error instanceof AdapterServerError) return new AdapterServerError(error.code, redact(error.message), error.data);
  if (isHttpError(error)) {
    const invalidConfig = (message: string) =>
      new AdapterServerError(ErrorCodes.InvalidConfig, redact(message), { code: "INVALID_CONFIG", http_status: error.status, provider_code: error.providerCode });
    if (error.path === "/oidc/v1/token" && (error.status === 400 || error.status === 401 || error.status === 403)) {
      return invalidConfig(`Databricks refused the OAuth token request (auth: ${rt?.authMethod}): ${error.message}; check client_id and client_secret`);
    }
    if (error.status === 401 || error.status === 403) {
      return invalidConfig(`Databricks rejected the credentials (auth: ${rt?.authMethod}): ${error.message}; check that the credentials are valid for ${rt?.config.host}`);
    }
    if (error.status === 404 && error.path === "/api/2.0/sql/statements") {
      return invalidConfig(`The SQL warehouse of http_path "${rt?.config.http_path}" was not found: ${error.message}`);
    }
    return httpErrorToWire(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AdapterServerError(ErrorCodes.InternalError, redact(message), { code: "INTERNAL" });
}
