// One scale measurement in a fresh process: prints {ms, peakMiB, ...}.
//   compile <rocky.toml>     compileProject() in-process (the fallback while the CLI has not landed)
//   discover <landing.duckdb> discovery/list through the DuckDB adapter; adapterPeakMiB from /proc
import { HOST_DIST, spawnHostAdapter } from "../lib/host-adapter.js";
import { PEERS } from "../lib/peers.js";
import { peakRssMiB, selfPeakRssMiB } from "../lib/proc-memory.js";
import { nowMs } from "../lib/stats.js";

const [what, path] = process.argv.slice(2) as [string, string];

if (what === "compile") {
  const { compileProject } = (await import(`${HOST_DIST}/models/compile-project.js`)) as typeof import("../../host/dist/models/compile-project.js");
  const t0 = nowMs();
  const out = await compileProject({ config: path });
  const ms = nowMs() - t0;
  const errors = out.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  process.stdout.write(`${JSON.stringify({ ms, peakMiB: selfPeakRssMiB(), models: out.models.length, errors: errors.slice(0, 3) })}\n`);
} else if (what === "discover") {
  const client = await spawnHostAdapter("landing", PEERS.duckdb, { path, read_only: true });
  const t0 = nowMs();
  const result = await client.discover();
  const ms = nowMs() - t0;
  const tables = result.schemas.reduce((n, s) => n + s.tables.length, 0);
  const adapterPeakMiB = peakRssMiB(client.pid);
  await client.close();
  process.stdout.write(`${JSON.stringify({ ms, peakMiB: selfPeakRssMiB(), adapterPeakMiB, tables, schemas: result.schemas.length, bytes: JSON.stringify(result).length })}\n`);
} else {
  process.stderr.write(`Unknown measurement "${what}"\n`);
  process.exit(2);
}
