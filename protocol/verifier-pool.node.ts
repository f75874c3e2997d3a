/**
 * Batch Groth16 verification spread over worker threads (Node only, not in the browser-safe index):
 * the service checks bursts of ballots with it, and an observer's audit checks a whole referendum
 * on every core. Each worker runs `createBatchPairingVerifier`; what queued up while it was busy is
 * checked together as one random linear combination, so a bad ballot only costs a bisection.
 */
import { cpus } from "node:os";
import { Worker } from "node:worker_threads";
import type { VerificationKey } from "./statement";

/** Plain CommonJS evaluated in each worker. The verifier module is TypeScript when run from source
 * (tsx, jest), so the worker registers tsx's require hook before loading it. A message is a list of
 * ballots; messages that arrived meanwhile are merged, up to `maxBatch` ballots, into one batch (a
 * message is never split, so a caller's own batch stays whole). */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
if (workerData.tsx) require(workerData.tsx).register();
const ready = require(workerData.verifier).createBatchPairingVerifier(workerData.vkey);
const queue = [];
let draining = false;
async function drain() {
  const check = await ready;
  while (queue.length > 0) {
    const batch = [queue.shift()];
    let size = batch[0].ballots.length;
    while (queue.length > 0 && size + queue[0].ballots.length <= workerData.maxBatch) {
      size += queue[0].ballots.length;
      batch.push(queue.shift());
    }
    const answers = check(batch.flatMap((message) => message.ballots));
    let at = 0;
    for (const { id, ballots } of batch) {
      parentPort.postMessage({ id, answers: answers.slice(at, at + ballots.length) });
      at += ballots.length;
    }
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

export interface BatchVerifierPoolOptions {
  /** Worker threads; default one per core. */
  size?: number;
  /** Most ballots a worker merges from several messages into one batch (default 64). */
  maxBatch?: number;
}

export interface ManyOptions {
  /** Ballots per message to a worker, one batch each (default: a quarter of each worker's share, 16 to 256). */
  chunk?: number;
  /** Called after each chunk with the number of ballots answered so far. */
  onProgress?: (done: number) => void;
}

export interface BatchVerifierPool {
  readonly size: number;
  /** One ballot, batched with whatever else the chosen worker has queued. Rejects when its worker dies. */
  verify(ballot: unknown): Promise<boolean>;
  /** Many ballots in chunks over every worker, a few chunks in flight per worker; answers in order. */
  verifyMany(ballots: readonly unknown[], options?: ManyOptions): Promise<boolean[]>;
  close(): Promise<void>;
}

interface Pending {
  count: number;
  resolve: (answers: boolean[]) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Ballots sent and not yet answered: where the next message goes. */
  load: number;
}

/** Chunks a worker holds at once in `verifyMany`: one being checked, one waiting, so it never idles. */
const IN_FLIGHT_PER_WORKER = 2;

/** Big enough to share the batch's fixed cost, small enough that every worker gets several. */
const defaultChunk = (count: number, workers: number): number =>
  Math.min(256, Math.max(16, Math.ceil(count / (workers * 4))));

/** Starts `size` verifier workers for one verification key. */
export function createBatchVerifierPool(
  vkey: VerificationKey,
  options: BatchVerifierPoolOptions = {},
): BatchVerifierPool {
  const size = options.size ?? Math.max(1, cpus().length);
  const verifier = require.resolve("./pairing-verifier");
  const workerData = {
    vkey,
    verifier,
    maxBatch: options.maxBatch ?? 64,
    tsx: verifier.endsWith(".ts") ? require.resolve("tsx/cjs/api") : null,
  };
  let closing = false;

  const spawn = (): PoolWorker => {
    const entry: PoolWorker = { worker: new Worker(WORKER, { eval: true, workerData }), pending: new Map(), load: 0 };
    entry.worker.on("message", ({ id, answers }: { id: number; answers: boolean[] }) => {
      const pending = entry.pending.get(id);
      if (!pending) return;
      entry.pending.delete(id);
      entry.load -= pending.count;
      if (entry.pending.size === 0) entry.worker.unref();
      pending.resolve(answers);
    });
    // A dead worker fails its in-flight ballots (a valid ballot is never reported invalid) and is replaced.
    const fail = (error: Error): void => {
      for (const { reject } of entry.pending.values()) reject(error);
      entry.pending.clear();
      entry.load = 0;
      const slot = pool.indexOf(entry);
      if (!closing && slot >= 0) pool[slot] = spawn();
    };
    entry.worker.on("error", fail);
    entry.worker.on("exit", (code) => {
      fail(new Error(`verifier worker exited with code ${code}`));
    });
    // Idle workers never keep a process alive; busy ones do (see `send`).
    entry.worker.unref();
    return entry;
  };
  const pool: PoolWorker[] = Array.from({ length: size }, spawn);

  let next = 0;
  const send = (ballots: readonly unknown[]): Promise<boolean[]> => {
    if (closing) return Promise.reject(new Error("verifier pool is closed"));
    const id = next++;
    const entry = pool.reduce((best, candidate) => (candidate.load < best.load ? candidate : best));
    entry.load += ballots.length;
    // A command line awaiting answers has nothing else keeping it alive.
    entry.worker.ref();
    return new Promise((resolve, reject) => {
      entry.pending.set(id, { count: ballots.length, resolve, reject });
      entry.worker.postMessage({ id, ballots });
    });
  };

  return {
    size,
    async verify(ballot) {
      const [ok] = await send([ballot]);
      return ok === true;
    },
    async verifyMany(ballots, { chunk = defaultChunk(ballots.length, size), onProgress } = {}) {
      const answers: boolean[] = new Array<boolean>(ballots.length);
      let start = 0;
      let done = 0;
      // A fixed number of lanes, each sending its next chunk when the last is answered: memory
      // stays bounded for any referendum size, and every worker always has work queued.
      const lane = async (): Promise<void> => {
        while (start < ballots.length) {
          const from = start;
          start += chunk;
          const part = ballots.slice(from, from + chunk);
          const result = await send(part);
          result.forEach((ok, i) => (answers[from + i] = ok));
          done += part.length;
          onProgress?.(done);
        }
      };
      await Promise.all(Array.from({ length: size * IN_FLIGHT_PER_WORKER }, lane));
      return answers;
    },
    async close() {
      closing = true;
      await Promise.all(pool.map(({ worker }) => worker.terminate()));
    },
  };
}
