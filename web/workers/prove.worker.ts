/**
 * Proves a ballot off the main thread: builds the census tree from the frozen leaves, the voter's
 * membership proof, then the Groth16 proof (snarkjs may start its own blob: workers for this).
 */
import { buildCensus, generateCensusProof } from "../../protocol/census";
import { createIdentity } from "../../protocol/identity";
import { proveBallot } from "../../protocol/ballot";
import type { ProveRequest, ProveResponse } from "../components/citizen/prove-messages";

function reply(message: ProveResponse): void {
  self.postMessage(message);
}

async function prove(request: ProveRequest): Promise<void> {
  const identity = createIdentity(request.privateKey);
  const tree = buildCensus(request.leaves.map(BigInt));
  if (tree.indexOf(identity.commitment) < 0) {
    reply({ type: "failed", reason: "not-in-census", detail: "commitment is not in the census" });
    return;
  }
  const censusProof = generateCensusProof(tree, identity.commitment);
  reply({ type: "census-ready" });
  const ballot = await proveBallot(
    identity,
    censusProof,
    BigInt(request.referendumId),
    request.votes,
    request.rules,
    { wasm: request.wasm, zkey: request.zkey },
    request.revision,
  );
  reply({ type: "proved", ballot });
}

self.addEventListener("message", (event: MessageEvent<ProveRequest>) => {
  prove(event.data).catch((error: unknown) => {
    reply({ type: "failed", reason: "prove-failed", detail: error instanceof Error ? error.message : String(error) });
  });
});
