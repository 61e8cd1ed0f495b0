import type { ReplicationPipelineConfig, RockyConfig } from "@rocky/protocol";
import { governanceProblems } from "../governance/governance-spec.js";
import { parseTemplate } from "../pipeline/schema-pattern.js";
import { isValidIdentifier } from "../sql/identifiers.js";
import { findCycle } from "../dag/find-cycle.js";
import { closestMatch } from "./closest-match.js";
import type { KeyPath } from "./locate-key.js";
import type { ConfigProblem } from "./validate-config.js";

function checkAdapterRef(config: RockyConfig, name: string, path: KeyPath, problems: ConfigProblem[]): void {
  const declared = Object.keys(config.adapter ?? {});
  if (declared.includes(name)) return;
  const suggestion = closestMatch(name, declared);
  problems.push({
    path,
    message: `Unknown adapter "${name}"`,
    hint: suggestion ? `Did you mean "${suggestion}"?` : declared.length > 0 ? `Declared adapters: ${declared.join(", ")}` : `Declare it: [adapter.${name}] type = "duckdb"`,
  });
}

function checkTemplate(template: string, components: readonly string[], path: KeyPath, problems: ConfigProblem[], onBadIdentifier: (path: KeyPath, template: string) => never): void {
  const parts = parseTemplate(template);
  if (!parts) {
    problems.push({ path, message: `Invalid template "${template}": unbalanced "{" or "}"`, hint: "Write placeholders as {component}, e.g. \"staging__{connector}\"" });
    return;
  }
  for (const part of parts) {
    if (!("placeholder" in part) || components.includes(part.placeholder)) continue;
    const suggestion = closestMatch(part.placeholder, components);
    problems.push({
      path,
      message: `Unknown placeholder "{${part.placeholder}}" in template "${template}"`,
      hint: suggestion ? `Did you mean "{${suggestion}}"?` : `Placeholders are the schema_pattern components: ${components.map((c) => `{${c}}`).join(", ")}`,
    });
    return;
  }
  const sample = parts.map((p) => ("literal" in p ? p.literal : "x")).join("");
  if (!isValidIdentifier(sample)) onBadIdentifier(path, template);
}

function checkReplication(config: RockyConfig, name: string, p: ReplicationPipelineConfig, problems: ConfigProblem[], onBadIdentifier: (path: KeyPath, template: string) => never): void {
  const base = ["pipeline", name];
  checkAdapterRef(config, p.source.adapter, [...base, "source", "adapter"], problems);
  checkAdapterRef(config, p.target.adapter, [...base, "target", "adapter"], problems);
  const raw = p.source.schema_pattern.components;
  const components = raw.map((c) => c.replace(/\.\.\.$/, ""));
  if (raw.filter((c) => c.endsWith("...")).length > 1) {
    problems.push({ path: [...base, "source", "schema_pattern", "components"], message: "More than one variadic component (ending in \"...\")", hint: "Only one component may take a variable number of parts" });
  }
  const dup = components.find((c, i) => components.indexOf(c) !== i);
  if (dup) problems.push({ path: [...base, "source", "schema_pattern", "components"], message: `Component "${dup}" is listed twice` });
  if (p.target.catalog_template !== undefined) checkTemplate(p.target.catalog_template, components, [...base, "target", "catalog_template"], problems, onBadIdentifier);
  checkTemplate(p.target.schema_template, components, [...base, "target", "schema_template"], problems, onBadIdentifier);
  const names = new Set<string>();
  (p.metadata_columns ?? []).forEach((m, i) => {
    if (names.has(m.name)) problems.push({ path: [...base, "metadata_columns", i, "name"], message: `Metadata column "${m.name}" is listed twice` });
    names.add(m.name);
    if (m.value === "load_time" && m.type === "string") {
      problems.push({ path: [...base, "metadata_columns", i, "type"], message: `Metadata column "${m.name}" has value "load_time" but type "string"`, hint: "Use type = \"timestamp\" or leave type out" });
    }
    if (typeof m.value === "string" && m.value !== "load_time" && m.type === "timestamp") {
      problems.push({ path: [...base, "metadata_columns", i, "type"], message: `Metadata column "${m.name}" has value "${m.value}" but type "timestamp"`, hint: "Use type = \"string\" or leave type out" });
    }
  });
}

/** Checks what the schema cannot: adapter references, template placeholders, identifiers templates produce. */
/** A remote state backend names where it keeps the state: the bucket for s3 and tiered, the server for valkey and tiered. */
function checkState(config: RockyConfig, problems: ConfigProblem[]): void {
  const state = config.state;
  const backend = state?.backend ?? "local";
  if ((backend === "s3" || backend === "tiered") && !state?.s3_bucket) {
    problems.push({ path: ["state", "backend"], message: `State backend "${backend}" needs s3_bucket`, hint: 'Add s3_bucket = "my-bucket" to [state] (credentials come from the environment, as for the AWS CLI)' });
  }
  if ((backend === "valkey" || backend === "tiered") && !state?.valkey_url) {
    problems.push({ path: ["state", "backend"], message: `State backend "${backend}" needs valkey_url`, hint: 'Add valkey_url = "redis://host:6379" to [state]' });
  }
}

/** depends_on names pipelines of this file, never the pipeline itself, and never in a cycle. */
function checkPipelineDependencies(config: RockyConfig, problems: ConfigProblem[]): void {
  const pipelines = config.pipeline ?? {};
  const names = Object.keys(pipelines);
  const upstream = new Map<string, string[]>();
  for (const [name, pipeline] of Object.entries(pipelines)) {
    const deps = pipeline.depends_on ?? [];
    upstream.set(name, deps);
    deps.forEach((dep, i) => {
      const path = ["pipeline", name, "depends_on", i];
      if (dep === name) problems.push({ path, message: `Pipeline "${name}" depends on itself`, hint: `Remove "${name}" from its depends_on` });
      else if (!(dep in pipelines)) {
        const suggestion = closestMatch(dep, names);
        problems.push({ path, message: `Pipeline "${name}" depends on unknown pipeline "${dep}"`, hint: suggestion ? `Did you mean "${suggestion}"?` : `Pipelines: ${names.join(", ")}` });
      }
    });
  }
  const cycle = findCycle(new Map([...upstream].map(([name, deps]) => [name, deps.filter((d) => d !== name)])));
  if (cycle) {
    const first = cycle[0] as string;
    problems.push({
      path: ["pipeline", first, "depends_on"],
      message: `Pipelines depend on each other in a cycle: ${cycle.join(" → ")}`,
      hint: "Each pipeline in the cycle waits for the next; remove one of these depends_on entries",
    });
  }
}

export function checkConfig(config: RockyConfig, onBadIdentifier: (path: KeyPath, template: string) => never): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  checkState(config, problems);
  checkPipelineDependencies(config, problems);
  for (const [name, pipeline] of Object.entries(config.pipeline ?? {})) {
    if (pipeline.type === "replication") checkReplication(config, name, pipeline, problems, onBadIdentifier);
    else checkAdapterRef(config, pipeline.target.adapter, ["pipeline", name, "target", "adapter"], problems);
    if (pipeline.target.governance) problems.push(...governanceProblems(name, pipeline.target.governance));
  }
  return problems;
}
