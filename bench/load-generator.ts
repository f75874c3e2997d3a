/**
 * The benchmark's clients in a worker thread of their own: in the field the voters' browsers are
 * not on the API's event loop, so the load generator must not take its turns. Plain JavaScript
 * evaluated in the worker (no TypeScript loader needed there).
 */
import { Worker } from "node:worker_threads";

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, bodies, concurrency } = workerData;
async function post(body) {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      // A kept-alive socket the server closed: the same ballot again gets the same receipt.
      if (attempt >= 3) throw error;
    }
  }
}
(async () => {
  const latencies = [];
  const refusals = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const t = performance.now();
      const answer = await post(body);
      latencies.push(performance.now() - t);
      if (answer.status !== 202) refusals.push(answer.status + " " + answer.text.slice(0, 200));
    }
  }));
  parentPort.postMessage({ seconds: (performance.now() - started) / 1000, latencies, refusals });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** POSTs every body to `url` from `concurrency` clients at once; every answer must be 202. */
export function postAll(url: string, bodies: readonly string[], concurrency: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { url, bodies, concurrency } });
    worker.once("error", reject);
    worker.once("message", (result: { error?: string; seconds: number; latencies: number[]; refusals: string[] }) => {
      void worker.terminate();
      if (result.error) {
        reject(new Error(result.error));
        return;
      }
      if (result.refusals.length > 0) {
        reject(new Error(`${result.refusals.length} refused, first: ${result.refusals[0] ?? ""}`));
        return;
      }
      const sorted = [...result.latencies].sort((a, b) => a - b);
      resolve({
        perSecond: bodies.length / result.seconds,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
      });
    });
  });
}
