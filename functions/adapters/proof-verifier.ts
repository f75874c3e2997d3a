/**
 * The core's ProofVerifier on the mcl pairing verifier (circuits/). In a Lambda one request runs at a
 * time, so it verifies in process; the local stack serves many at once and verifies in a pool of
 * worker threads, so a burst of ballots neither blocks the event loop nor waits for one core, and is
 * verified in batches.
 */
import { cpus } from "node:os";
import { Worker } from "node:worker_threads";
import { createPairingVerifier } from "../../circuits/src/pairing-verifier";
import type { Ballot, VerificationKey } from "../../circuits/src/statement";
import type { ProofVerifier } from "../core/ports";

/** Most ballots one worker checks together: bounds the latency of a batch and the cost of a bad one. */
const MAX_BATCH = 64;

export async function inProcessVerifier(vkey: VerificationKey): Promise<ProofVerifier> {
  const check = await createPairingVerifier(vkey);
  return { verify: (ballot) => Promise.resolve(check(ballot)) };
}

// Plain CommonJS evaluated in each worker. The verifier module is TypeScript when run from source
// (tsx, jest), so the worker registers tsx's require hook before loading it. Ballots that arrive
// while a batch is being checked are checked together next, by one random linear combination
// (about half the cost per ballot); a lone ballot is checked on its own, at once.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
if (workerData.tsx) require(workerData.tsx).register();
const ready = require(workerData.verifier).createBatchPairingVerifier(workerData.vkey);
const queue = [];
let draining = false;
async function drain() {
  const check = await ready;
  while (queue.length > 0) {
    const batch = queue.splice(0, ${MAX_BATCH});
    const answers = check(batch.map((message) => message.ballot));
    batch.forEach(({ id }, i) => parentPort.postMessage({ id, ok: answers[i] }));
    // Let the messages that arrived meanwhile in before the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  draining = false;
}
parentPort.on("message", (message) => {
  queue.push(message);
  if (!draining) {
    draining = true;
    setImmediate(drain);
  }
});
`;

export interface PooledVerifier extends ProofVerifier {
  close(): Promise<void>;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, { resolve: (ok: boolean) => void; reject: (error: Error) => void }>;
}

export function createVerifierPool(vkey: VerificationKey, size = Math.max(1, cpus().length)): PooledVerifier {
  const verifier = require.resolve("../../circuits/src/pairing-verifier");
  const workerData = { vkey, verifier, tsx: verifier.endsWith(".ts") ? require.resolve("tsx/cjs/api") : null };
  let closing = false;

  const spawn = (): PoolWorker => {
    const entry: PoolWorker = { worker: new Worker(WORKER, { eval: true, workerData }), pending: new Map() };
    entry.worker.on("message", ({ id, ok }: { id: number; ok: boolean }) => {
      entry.pending.get(id)?.resolve(ok);
      entry.pending.delete(id);
    });
    // A dead worker fails its in-flight ballots (the client may retry; a valid ballot is never
    // reported invalid) and is replaced.
    const fail = (error: Error): void => {
      for (const { reject } of entry.pending.values()) reject(error);
      entry.pending.clear();
      const slot = pool.indexOf(entry);
      if (!closing && slot >= 0) pool[slot] = spawn();
    };
    entry.worker.on("error", fail);
    entry.worker.on("exit", (code) => {
      fail(new Error(`verifier worker exited with code ${code}`));
    });
    entry.worker.unref();
    return entry;
  };
  const pool: PoolWorker[] = [];
  for (let i = 0; i < size; i++) pool.push(spawn());

  let next = 0;
  return {
    verify(ballot: Ballot): Promise<boolean> {
      if (closing) return Promise.reject(new Error("verifier pool is closed"));
      const id = next++;
      // The least busy worker: one slow ballot does not hold up the ones behind it.
      const entry = pool.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
      return new Promise((resolve, reject) => {
        entry.pending.set(id, { resolve, reject });
        entry.worker.postMessage({ id, ballot: { proof: ballot.proof, publicSignals: ballot.publicSignals } });
      });
    },
    async close(): Promise<void> {
      closing = true;
      await Promise.all(pool.map(({ worker }) => worker.terminate()));
    },
  };
}
