/**
 * The core's ProofVerifier on the mcl pairing verifier (circuits/). In a Lambda one request runs at a
 * time, so it verifies in process; the local stack serves many at once and verifies in a pool of
 * worker threads (circuits' batch verifier pool, shared with the observer's audit), so a burst of
 * ballots neither blocks the event loop nor waits for one core, and is verified in batches.
 */
import { cpus } from "node:os";
import { createPairingVerifier } from "../../protocol/pairing-verifier";
import type { VerificationKey } from "../../protocol/statement";
import { createBatchVerifierPool } from "../../protocol/verifier-pool.node";
import type { ProofVerifier } from "../core/ports";

/** Most ballots one worker checks together: bounds the latency of a batch and the cost of a bad one. */
const MAX_BATCH = 64;

export async function inProcessVerifier(vkey: VerificationKey): Promise<ProofVerifier> {
  const check = await createPairingVerifier(vkey);
  return { verify: (ballot) => Promise.resolve(check(ballot)) };
}

export interface PooledVerifier extends ProofVerifier {
  close(): Promise<void>;
}

export function createVerifierPool(vkey: VerificationKey, size = Math.max(1, cpus().length)): PooledVerifier {
  const pool = createBatchVerifierPool(vkey, { size, maxBatch: MAX_BATCH });
  return {
    // Only the proof and signals travel to the worker, whatever else the caller's object holds.
    verify: (ballot) => pool.verify({ proof: ballot.proof, publicSignals: ballot.publicSignals }),
    close: () => pool.close(),
  };
}
