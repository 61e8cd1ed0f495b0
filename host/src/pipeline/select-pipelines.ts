import type { PipelineConfig } from "@rocky/protocol";
import type { LoadedConfig } from "../config/load-config.js";
import { closestMatch } from "../config/closest-match.js";
import { RockyError } from "../errors.js";

/**
 * Pipelines in the order they run: each after those in its depends_on, otherwise in rocky.toml order. The config check
 * has refused unknown names and cycles already.
 */
export function runOrder(pipelines: ReadonlyMap<string, PipelineConfig>): [string, PipelineConfig][] {
  const ordered: [string, PipelineConfig][] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (name: string) => {
    const config = pipelines.get(name);
    if (!config || placed.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const dep of config.depends_on ?? []) place(dep);
    visiting.delete(name);
    placed.add(name);
    ordered.push([name, config]);
  };
  for (const name of pipelines.keys()) place(name);
  return ordered;
}

/** The pipelines a command acts on: the one named by --pipeline, or all of them in run order (see runOrder). */
export function selectPipelines(config: LoadedConfig, name: string | undefined): [string, PipelineConfig][] {
  const all = runOrder(config.pipelines);
  if (name === undefined) {
    if (all.length === 0) {
      throw new RockyError("CONFIG_INVALID", `No pipelines in "${config.file}"`, {
        hint: "Add one: [pipeline.bronze] type = \"replication\" with source and target tables",
        location: { file: config.file },
      });
    }
    return all;
  }
  const found = config.pipelines.get(name);
  if (found) return [[name, found]];
  const suggestion = closestMatch(name, config.pipelines.keys());
  throw new RockyError("USAGE", `No pipeline named "${name}" in "${config.file}"`, {
    hint: suggestion ? `Did you mean "${suggestion}"?` : `Pipelines: ${[...config.pipelines.keys()].join(", ") || "none"}`,
  });
}
