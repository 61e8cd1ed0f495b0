import type { ColumnInfo, ContractViolation } from "@rocky/protocol";
import { RockyError, formatLocation } from "../errors.js";
import { diagnostic, type Diagnostic } from "../models/diagnostics.js";
import type { DialectName } from "../sql/dialect.js";
import { parseColumnType } from "./column-type.js";
import { compareTypes } from "./compare-types.js";
import { contractLocation, type Contract } from "./contract.js";

export interface ContractSubject {
  /** `catalog.schema.table`, or the model's name and target. */
  readonly table: string;
  /** What is about to be written; a column whose type is unknown has data_type "". */
  readonly columns: readonly ColumnInfo[];
  /** The target's columns now, when it exists. */
  readonly existing?: readonly ColumnInfo[] | undefined;
  readonly dialect: DialectName;
  /** Columns Rocky adds itself (replication metadata columns): exempt from no_new_nullable. */
  readonly exempt?: readonly string[];
}

export interface ContractCheck {
  readonly violations: ContractViolation[];
  /** nullable = false columns the schema does not prove NOT NULL: the rows must be checked before they are written. */
  readonly nullChecks: string[];
  /** Declared columns the output does not have (and no rule requires): worth a warning. */
  readonly missingDeclared: string[];
  /** Declared types not checked because the column's type is unknown. */
  readonly unchecked: string[];
}

const lower = (s: string) => s.toLowerCase();

/** A type check passes on the same type or a safe widening of the declared one; a bare Decimal matches any decimal. */
function typeAllowed(declared: string, actual: string, dialect: DialectName): boolean {
  const d = parseColumnType(declared, dialect);
  if (d?.family === "decimal" && !declared.includes("(")) return parseColumnType(actual, dialect)?.family === "decimal";
  const change = compareTypes(declared, actual, dialect);
  return change === "same" || change === "widening";
}

/** Checks columns about to be written against a contract; nothing is read from the warehouse here. */
export function checkContract(contract: Contract, subject: ContractSubject): ContractCheck {
  const { columns: declared = [], rules = {} } = contract.config;
  const byName = new Map(subject.columns.map((c) => [lower(c.name), c]));
  const violations: ContractViolation[] = [];
  const nullChecks: string[] = [];
  const missingDeclared: string[] = [];
  const unchecked: string[] = [];
  const add = (v: Omit<ContractViolation, "location">, path: readonly string[]) => violations.push({ ...v, location: contractLocation(contract, path) });
  const required = new Set((rules.required ?? []).map(lower));

  for (const name of rules.required ?? []) {
    if (byName.has(lower(name))) continue;
    const type = declared.find((c) => lower(c.name) === lower(name))?.type ?? null;
    add({ rule: "required", column: name, old_type: type, new_type: null, message: `required column "${name}" is missing` }, ["rules", "required"]);
  }
  for (const column of declared) {
    const actual = byName.get(lower(column.name));
    if (!actual) {
      if (!required.has(lower(column.name))) missingDeclared.push(column.name);
      continue;
    }
    if (column.type !== undefined) {
      if (actual.data_type === "") unchecked.push(column.name);
      else if (!typeAllowed(column.type, actual.data_type, subject.dialect)) {
        add(
          { rule: "type", column: column.name, old_type: column.type, new_type: actual.data_type, message: `column "${column.name}" is ${actual.data_type}, where the contract says ${column.type} (or a safe widening of it)` },
          ["columns", column.name],
        );
      }
    }
    if (column.nullable === false && actual.nullable !== false) nullChecks.push(actual.name);
  }
  const existing = new Map((subject.existing ?? []).map((c) => [lower(c.name), c]));
  for (const name of rules.protected ?? []) {
    const before = existing.get(lower(name));
    const after = byName.get(lower(name));
    if (!after) {
      add({ rule: "protected", column: name, old_type: before?.data_type ?? null, new_type: null, message: `protected column "${name}" would be dropped` }, ["rules", "protected"]);
      continue;
    }
    if (!before || after.data_type === "") continue;
    const change = compareTypes(before.data_type, after.data_type, subject.dialect);
    if (change === "same" || change === "widening") continue;
    add(
      { rule: "protected", column: name, old_type: before.data_type, new_type: after.data_type, message: `protected column "${name}" would change type from ${before.data_type} to ${after.data_type}, which is not a safe widening` },
      ["rules", "protected"],
    );
  }
  if (rules.no_new_nullable) {
    const known = new Set([...declared.map((c) => lower(c.name)), ...(subject.exempt ?? []).map(lower)]);
    for (const c of subject.columns) {
      if (known.has(lower(c.name)) || c.nullable === false) continue;
      add({ rule: "no_new_nullable", column: c.name, old_type: null, new_type: c.data_type || null, message: `nullable column "${c.name}" is not declared in the contract` }, ["rules", "no_new_nullable"]);
    }
  }
  return { violations, nullChecks, missingDeclared, unchecked };
}

/** A contract broke: the table or model fails before anything is written. */
export class ContractViolationError extends RockyError {
  constructor(
    readonly table: string,
    readonly violations: readonly ContractViolation[],
  ) {
    const [first] = violations;
    const where = first?.location ? ` (${formatLocation(first.location)})` : "";
    const more = violations.length > 1 ? `; and ${violations.length - 1} more: ${violations.slice(1).map((v) => `${v.rule} "${v.column}"`).join(", ")}` : "";
    super("CONTRACT_VIOLATION", `Contract of "${table}" violated, nothing written: ${first?.message ?? ""} [rule ${first?.rule ?? ""}]${where}${more}`, {
      hint: "Change the SQL or source so it keeps the contract, or change the contract if the change is intended",
      ...(first?.location ? { location: first.location } : {}),
    });
  }
}

/** Throws ContractViolationError when there is any violation. */
export function assertContract(table: string, violations: readonly ContractViolation[]): void {
  if (violations.length > 0) throw new ContractViolationError(table, violations);
}

/** The NULLs found in rows about to be written (one count per column, in order) where the contract says nullable = false. */
export function nullViolations(checks: { readonly columns: readonly string[]; readonly contract: Contract }, counts: readonly unknown[]): ContractViolation[] {
  return checks.columns.flatMap((column, i) => {
    const rows = Number(counts[i] ?? 0);
    if (rows === 0) return [];
    const declared = checks.contract.config.columns?.find((c) => lower(c.name) === lower(column));
    return [{
      rule: "nullable" as const,
      column,
      old_type: declared?.type ?? null,
      new_type: null,
      message: `column "${column}" must not be NULL, and ${rows} row(s) about to be written hold NULL in it`,
      location: contractLocation(checks.contract, ["columns", declared?.name ?? column]),
    }];
  });
}

/** `{ violations }` for a run result when `err` is a contract violation. */
export function violationsOf(err: unknown): { violations?: ContractViolation[] } {
  return err instanceof ContractViolationError ? { violations: [...err.violations] } : {};
}

/** `rocky compile`'s view of a check: each violation an error at its rule's line, declared columns not found a warning. */
export function contractDiagnostics(subject: string, contract: Contract, check: ContractCheck): Diagnostic[] {
  return [
    ...violationDiagnostics(subject, check.violations),
    ...check.missingDeclared.map((c) =>
      diagnostic({
        code: "CONTRACT_VIOLATION",
        severity: "warning",
        message: `Contract column "${c}" of "${subject}" is not in its output`,
        hint: `Add "${c}" to the SELECT, or remove it from the contract (add it to [rules] required to make this an error)`,
        location: contractLocation(contract, ["columns", c]),
        model: subject,
      }),
    ),
    ...check.unchecked.map((c) =>
      diagnostic({
        code: "CONTRACT_UNCHECKED",
        severity: "warning",
        message: `The type of column "${c}" of "${subject}" is unknown here, so its contract type is checked before writing`,
        location: contractLocation(contract, ["columns", c]),
        model: subject,
      }),
    ),
  ];
}

/** Each violation as an error at its rule's line. */
export function violationDiagnostics(subject: string, violations: readonly ContractViolation[]): Diagnostic[] {
  return violations.map((v) =>
    diagnostic({
      code: "CONTRACT_VIOLATION",
      message: `"${subject}" breaks its contract: ${v.message} [rule ${v.rule}]`,
      hint: v.rule === "type" ? `CAST "${v.column}" to ${v.old_type ?? "the declared type"} in the SELECT, or change the contract's type` : "Change the SQL or source so it keeps the contract, or change the contract",
      location: v.location,
      model: subject,
    }),
  );
}
