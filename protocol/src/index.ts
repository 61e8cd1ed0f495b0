export type * from "./generated/types.js";
export { SCHEMAS, TYPE_REFS, type SchemaTypeName } from "./generated/schemas.js";
export { ErrorCodes, normalizeErrorCode, type ErrorCode } from "./error-codes.js";
export { Methods, Notifications, methodSpec, type CapabilityGate, type MethodName } from "./methods.js";
export { validate, validateAgainst, formatProblems, toProblems, type SchemaProblem } from "./validators.js";
export { PROTOCOL_VERSIONS, LEGACY_PROTOCOL_VERSION, pickProtocolVersion, formatRange } from "./versions.js";
export { LineMessageReader, LineMessageWriter, FramingError, type ByteSink, type ByteSource, type LineReaderOptions } from "./line-framing.js";
