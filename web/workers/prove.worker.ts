/**
 * Proves a ballot off the main thread: builds the census tree from the frozen leaves, the voter's
 * membership proof, then the Groth16 proof (snarkjs may start its own blob: workers for this). For
 * a secret-ballot referendum it encrypts the votes to the election key here too, with a fresh seed
 * that never leaves the worker: whoever held it could read the votes.
 */
import { buildCensus, generateCensusProof } from "../../protocol/census";
import { createIdentity } from "../../protocol/identity";
import { proveBallot } from "../../protocol/ballot";
import { pointFromWire } from "../../protocol/babyjub";
import { proveSealedBallot } from "../../protocol/sealed-ballot";
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
  const artifacts = { wasm: request.wasm, zkey: request.zkey };
  const referendumId = BigInt(request.referendumId);
  const ballot = request.electionKey
    ? (
        await proveSealedBallot(
          identity,
          censusProof,
          referendumId,
          request.votes,
          request.rules,
          pointFromWire(request.electionKey, "electionKey"),
          artifacts,
          { revision: request.revision },
        )
      ).ballot
    : await proveBallot(identity, censusProof, referendumId, request.votes, request.rules, artifacts, request.revision);
  reply({ type: "proved", ballot });
}

self.addEventListener("message", (event: MessageEvent<ProveRequest>) => {
  prove(event.data).catch((error: unknown) => {
    reply({ type: "failed", reason: "prove-failed", detail: error instanceof Error ? error.message : String(error) });
  });
});
