import { AdapterServerError, ErrorCodes, type TableRef } from "@rocky/protocol";

const IDENTIFIER = /^[a-zA-Z0-9_]+$/;

function invalid(message: string): AdapterServerError {
  return new AdapterServerError(ErrorCodes.InvalidParams, message, { code: "INVALID_PARAMS" });
}

/** `` `name` `` for a catalog, schema, table or column this adapter puts in SQL; anything but ^[a-zA-Z0-9_]+$ is refused (-32602). */
export function quoteIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) throw invalid(`Invalid ${what} ${JSON.stringify(name)}: identifiers must match ^[a-zA-Z0-9_]+$`);
  return `\`${name}\``;
}

/** `` `catalog`.`schema`.`table` ``, or `` `schema`.`table` `` when the catalog is empty (the default catalog). */
export function quoteTableRef(ref: { catalog: string; schema: string; table: string }): string {
  const tail = `${quoteIdentifier(ref.schema, "schema name")}.${quoteIdentifier(ref.table, "table name")}`;
  return ref.catalog === "" ? tail : `${quoteIdentifier(ref.catalog, "catalog name")}.${tail}`;
}

/**
 * A principal (user e-mail, group or service principal name) as a backquoted identifier, backquotes doubled, as
 * Databricks SQL escapes them (https://docs.databricks.com/en/sql/language-manual/sql-ref-identifiers.html).
 * Control characters are refused.
 */
export function quotePrincipal(principal: string): string {
  if (principal === "" || /[\0-\x1f\x7f]/.test(principal)) throw invalid(`Invalid principal ${JSON.stringify(principal)}: it must be non-empty, without control characters`);
  return `\`${principal.replaceAll("`", "``")}\``;
}

/**
 * A Databricks SQL string literal for DDL that takes no parameter markers (tag keys and values): backslashes and
 * quotes escaped with a backslash, as Spark SQL reads literals (https://docs.databricks.com/en/sql/language-manual/sql-ref-literals.html).
 */
export function quoteLiteral(value: string): string {
  if (/[\0]/.test(value)) throw invalid(`Invalid literal ${JSON.stringify(value)}: NUL characters are not allowed`);
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'").replaceAll("\n", "\\n").replaceAll("\r", "\\r")}'`;
}

/** Unity Catalog privileges are words (SELECT, USE CATALOG, ALL PRIVILEGES); anything else is refused. */
export function privilegeSql(privilege: string): string {
  const words = privilege.trim().toUpperCase().replace(/_/g, " ").split(/\s+/);
  if (!words.every((w) => /^[A-Z]+$/.test(w))) throw invalid(`Invalid privilege ${JSON.stringify(privilege)}: privileges are words such as SELECT or USE SCHEMA`);
  return words.join(" ");
}

/** The securable a governance target names: CATALOG c, SCHEMA c.s or TABLE c.s.t. */
export function securableSql(target: { catalog: string; schema?: string; table?: string }): { type: "CATALOG" | "SCHEMA" | "TABLE"; sql: string; key: string } {
  if (target.table !== undefined) {
    if (target.schema === undefined) throw invalid("A governance target with a table needs its schema");
    return { type: "TABLE", sql: quoteTableRef(target as TableRef), key: [target.catalog, target.schema, target.table].filter((p) => p !== "").join(".") };
  }
  if (target.schema !== undefined) {
    const schema = quoteIdentifier(target.schema, "schema name");
    return { type: "SCHEMA", sql: target.catalog === "" ? schema : `${quoteIdentifier(target.catalog, "catalog name")}.${schema}`, key: [target.catalog, target.schema].filter((p) => p !== "").join(".") };
  }
  return { type: "CATALOG", sql: quoteIdentifier(target.catalog, "catalog name"), key: target.catalog };
}
