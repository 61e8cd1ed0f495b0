// Pipelined pings through the host's runtime, for `node --cpu-prof --import tsx bench/profile-ping.ts [count]`.
import { Methods } from "@rocky/protocol";
import { spawnHostAdapter } from "./lib/host-adapter.js";
import { pipelinedThroughput } from "./lib/measure-calls.js";
import { PEERS } from "./lib/peers.js";

const count = Number(process.argv[2] ?? 200_000);
const client = await spawnHostAdapter("raw-echo", PEERS.rawNodeEcho);
const rps = await pipelinedThroughput(() => client.request(Methods.ping, {}), { inflight: 64, count });
process.stdout.write(`${Math.round(rps)} req/s\n`);
await client.close();
