import type { PipelineConfig } from "@rocky/protocol";
import type { LoadedConfig } from "../config/load-config.js";
import { closestMatch } from "../config/closest-match.js";
import { RockyError } from "../errors.js";

/** The pipelines a command acts on: the one named by --pipeline, or all of them in rocky.toml order. */
export function selectPipelines(config: LoadedConfig, name: string | undefined): [string, PipelineConfig][] {
  const all = [...config.pipelines];
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
