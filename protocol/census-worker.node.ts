/**
 * A census root rebuilt on a worker thread (Node only): a 100,000-member census costs seconds of
 * Poseidon hashing, which an audit overlaps with its proof verification instead of waiting for it.
 */
import { Worker } from "node:worker_threads";

// Plain CommonJS evaluated in the worker; it registers tsx when the census module is TypeScript.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
if (workerData.tsx) require(workerData.tsx).register();
const { buildCensus, censusRoot } = require(workerData.census);
parentPort.postMessage(censusRoot(buildCensus(workerData.leaves)));
`;

/** The root of the census of `leaves` (as `censusRoot(buildCensus(leaves))`), computed off this thread. */
export function censusRootInWorker(leaves: readonly bigint[]): Promise<bigint> {
  const census = require.resolve("./census");
  const workerData = { leaves, census, tsx: census.endsWith(".ts") ? require.resolve("tsx/cjs/api") : null };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData });
    worker.once("message", (root: bigint) => {
      resolve(root);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      reject(new Error(`census worker exited with code ${code}`));
    });
  });
}
