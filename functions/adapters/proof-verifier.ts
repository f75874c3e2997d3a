/**
 * The core's ProofVerifier on the mcl pairing verifier (circuits/). In a Lambda one request runs at a
 * time, so it verifies in process; the local stack serves many at once and verifies in a pool of
 * worker threads (circuits' batch verifier pool, shared with the observer's audit), so a burst of
 * ballots neither blocks the event loop nor waits for one core, and is verified in batches.
 */
import { cpus } from "node:os";
import { createPairingVerifier } from "../../protocol/pairing-verifier";
import type { VerificationKey } from "../../protocol/statement";
import { createBatchVerifierPool, type BatchVerifierPool } from "../../protocol/verifier-pool.node";
import type { ProofVerifier } from "../core/ports";

/** Most ballots one worker checks together: bounds the latency of a batch and the cost of a bad one. */
const MAX_BATCH = 64;

/** The service's circuits' verification keys, by circuit name. */
export type VerificationKeys = Readonly<Record<string, VerificationKey>>;

export async function inProcessVerifier(vkeys: VerificationKeys): Promise<ProofVerifier> {
  const checks = new Map(
    await Promise.all(
      Object.entries(vkeys).map(async ([name, vkey]) => [name, await createPairingVerifier(vkey)] as const),
    ),
  );
  return { verify: (ballot, circuit) => Promise.resolve(checks.get(circuit)?.(ballot) ?? false) };
}

export interface PooledVerifier extends ProofVerifier {
  close(): Promise<void>;
}

/**
 * A pool of verifier workers per circuit, each started on the circuit's first ballot: most
 * deployments run one or two of the circuits, and each worker holds its own pairing engine.
 */
export function createVerifierPool(vkeys: VerificationKeys, size = Math.max(1, cpus().length)): PooledVerifier {
  const pools = new Map<string, BatchVerifierPool>();
  const poolOf = (circuit: string): BatchVerifierPool | undefined => {
    const vkey = vkeys[circuit];
    if (!vkey) return undefined;
    let pool = pools.get(circuit);
    if (!pool) pools.set(circuit, (pool = createBatchVerifierPool(vkey, { size, maxBatch: MAX_BATCH })));
    return pool;
  };
  return {
    verify: (ballot, circuit) => {
      const pool = poolOf(circuit);
      // Only the proof and signals travel to the worker, whatever else the caller's object holds.
      return pool ? pool.verify({ proof: ballot.proof, publicSignals: ballot.publicSignals }) : Promise.resolve(false);
    },
    close: async () => {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}
