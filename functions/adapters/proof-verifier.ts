/**
 * Groth16 verification off the event loop: a pool of worker threads, each with snarkjs and the
 * ballot verification key, so a burst of ballots neither blocks the API nor queues behind one core.
 */
import { cpus } from "node:os";
import { Worker } from "node:worker_threads";
import type { Ballot, VerificationKey } from "../../circuits/src";
import type { ProofVerifier } from "../core/ports";

// Plain CommonJS evaluated in the worker, so it runs the same under tsx, jest and a bundle.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { groth16, curves } = require(workerData.snarkjs);
// One single-threaded curve per worker, cached where snarkjs looks for it: the pool is the
// parallelism, and a worker started from code cannot start ffjavascript's own threads.
const ready = curves.getCurveFromName("bn128", { singleThread: true }).then((curve) => { globalThis.curve_bn128 = curve; });
parentPort.on("message", async ({ id, ballot }) => {
  await ready;
  let ok = false;
  try { ok = await groth16.verify(workerData.vkey, ballot.publicSignals, ballot.proof); } catch { ok = false; }
  parentPort.postMessage({ id, ok });
});
`;

export interface PooledVerifier extends ProofVerifier {
  close(): Promise<void>;
}

export function createVerifierPool(vkey: VerificationKey, size = Math.max(1, cpus().length)): PooledVerifier {
  const workerData = { vkey, snarkjs: require.resolve("snarkjs") };
  const pending = new Map<number, (ok: boolean) => void>();
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(WORKER, { eval: true, workerData });
    worker.on("message", ({ id, ok }: { id: number; ok: boolean }) => {
      pending.get(id)?.(ok);
      pending.delete(id);
    });
    worker.unref();
    return worker;
  });
  let next = 0;
  return {
    verify(ballot: Ballot): Promise<boolean> {
      const id = next++;
      const worker = workers[id % workers.length] as Worker;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, ballot: { proof: ballot.proof, publicSignals: ballot.publicSignals } });
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((worker) => worker.terminate()));
      for (const resolve of pending.values()) resolve(false);
      pending.clear();
    },
  };
}
