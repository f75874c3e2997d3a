/**
 * A trustee's curve work off the main thread: the next key-generation step (which judges the whole
 * transcript, every proof in it), and after the close the final decryption: download the public
 * log, recompute the aggregate of exactly the log the registry anchored at close, and decrypt that
 * and nothing else. The page posts the answers, so the service's refusals reach the page as ApiErrors.
 */
import { anchoredAggregate } from "../../audit/anchored-aggregate";
import { BundleError, SourceError } from "../../audit/bundle";
import { fetchBundle } from "../../audit/fetch-bundle";
import { createPublicClient } from "../../functions/api/client";
import { finalPartialFor, nextTrusteeStep } from "../../protocol/trustee-steps";
import type { DecryptFailure, TrusteeEvent, TrusteeRequest } from "../components/trustee/worker-messages";

interface WorkerScope {
  postMessage(event: TrusteeEvent): void;
  onmessage: ((message: { data: TrusteeRequest }) => void) | null;
}
const scope = self as unknown as WorkerScope;

async function decrypt(request: Extract<TrusteeRequest, { type: "decrypt" }>): Promise<void> {
  const { secret } = request;
  const bundle = await fetchBundle({
    api: request.api,
    rpc: request.rpc,
    registry: request.registry,
    referendumId: secret.referendumId,
    onProgress: (phase, done, total) => {
      scope.postMessage({ type: "progress", phase: phase === "census" ? "census" : "log", done, total });
    },
  });
  // Said apart from a mismatch: before the closing anchor there is nothing to hold the log to yet.
  if (bundle.anchors.closing === null) throw new DecryptError("too-early", "the closing log is not anchored yet");
  scope.postMessage({ type: "progress", phase: "decrypting", done: 0, total: 0 });
  const counted = anchoredAggregate(bundle);
  const { transcript } = await createPublicClient({ baseUrl: request.api }).dkg(secret.referendumId);
  const partial = finalPartialFor(transcript, secret, counted.aggregate);
  scope.postMessage({ type: "partial", partial, voters: counted.voters, logSize: counted.logSize });
}

class DecryptError extends Error {
  constructor(
    readonly kind: DecryptFailure,
    detail: string,
  ) {
    super(detail);
  }
}

function kindOf(error: unknown): DecryptFailure {
  if (error instanceof DecryptError) return error.kind;
  if (error instanceof BundleError) return "mismatch";
  if (error instanceof SourceError) return "source";
  return "other";
}

scope.onmessage = ({ data }) => {
  if (data.type === "step") {
    try {
      scope.postMessage({ type: "step", step: nextTrusteeStep(data.transcript, data.secret) });
    } catch (error) {
      scope.postMessage({ type: "failed", kind: "step", detail: (error as Error).message });
    }
    return;
  }
  decrypt(data).catch((error: unknown) => {
    scope.postMessage({
      type: "failed",
      kind: kindOf(error),
      detail: error instanceof Error ? error.message : String(error),
    });
  });
};
