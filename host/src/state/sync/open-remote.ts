import type { StateConfig } from "@rocky/protocol";
import { RockyError } from "../../errors.js";
import type { Logger } from "../../log.js";
import type { RemoteState } from "./remote-state.js";
import { createS3Remote } from "./s3-remote.js";
import { createTieredRemote } from "./tiered-remote.js";
import { createValkeyRemote } from "./valkey-remote.js";

/** The remote of [state] `backend`; undefined for local. S3 alone must enforce conditional writes, or be told it need not. */
export async function openRemote(state: StateConfig | undefined, logger: Logger): Promise<RemoteState | undefined> {
  const backend = state?.backend ?? "local";
  if (backend === "local" || !state) return undefined;
  const timeoutMs = (state.transfer_timeout_seconds ?? 300) * 1000;
  const s3 = (conditional: boolean) =>
    createS3Remote({
      bucket: state.s3_bucket as string, prefix: state.s3_prefix ?? "rocky/state/", endpoint: state.s3_endpoint, region: state.s3_region,
      forcePathStyle: state.s3_force_path_style ?? false, timeoutMs, conditional,
    });
  const valkey = () => createValkeyRemote({ url: state.valkey_url as string, prefix: state.valkey_prefix ?? "rocky:state:", timeoutMs });
  if (backend === "valkey") return valkey();
  if (backend === "tiered") return createTieredRemote(valkey(), s3(false));
  const cas = (state.concurrency_control ?? "cas") === "cas";
  const remote = s3(cas);
  if (!cas) {
    logger.warn({ remote: remote.describe }, "State sync without concurrency control: the last runner to upload wins, and two runners at once lose one's updates");
    return remote;
  }
  let enforced: boolean;
  try {
    enforced = await remote.probeConditionalWrites();
  } catch (err) {
    await remote.close();
    throw new RockyError("STATE_SYNC_FAILED", `Cannot reach the remote state at ${remote.describe}: ${err instanceof Error ? err.message : String(err)}`, {
      hint: "Check s3_bucket, s3_endpoint and the AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or a profile)",
      cause: err,
    });
  }
  if (!enforced) {
    await remote.close();
    throw new RockyError("STATE_SYNC_UNSAFE", `The S3 server of ${remote.describe} does not enforce conditional writes (If-None-Match), so two runners could overwrite each other's state`, {
      hint: 'Use backend = "tiered" with valkey_url (Valkey holds the lease and the compare-and-swap, S3 the durable copy), or accept last-writer-wins for a single runner with concurrency_control = "off"',
    });
  }
  return remote;
}
