/**
 * Runs one request in a fresh trustee worker (web/workers/trustee.worker.ts) and settles with its
 * answer: the page stays responsive while the worker judges the transcript or decrypts.
 */
import type { PartialDecryption } from "../../../protocol/threshold";
import type { TrusteeStep } from "../../../protocol/trustee-steps";
import type { DecryptFailure, TrusteeEvent, TrusteeRequest } from "./worker-messages";

/** A refusal or failure in the worker, by kind, so the page says it in the reader's language. */
export class TrusteeWorkerError extends Error {
  constructor(
    readonly kind: DecryptFailure | "step",
    detail: string,
  ) {
    super(detail);
    this.name = "TrusteeWorkerError";
  }
}

type Progress = Extract<TrusteeEvent, { type: "progress" }>;
type Answer = Extract<TrusteeEvent, { type: "step" | "partial" }>;

function run(request: TrusteeRequest, onProgress?: (event: Progress) => void): Promise<Answer> {
  // Turbopack bundles the worker and its imports (noble, ethers, zod) into a script of its own.
  const worker = new Worker(new URL("../../workers/trustee.worker.ts", import.meta.url));
  return new Promise<Answer>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<TrusteeEvent>) => {
      if (data.type === "progress") {
        onProgress?.(data);
        return;
      }
      worker.terminate();
      if (data.type === "failed") reject(new TrusteeWorkerError(data.kind, data.detail));
      else resolve(data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new TrusteeWorkerError("other", event.message || "the trustee worker stopped"));
    };
    worker.postMessage(request);
  });
}

/** The trustee's next step for the transcript (judged in the worker). */
export async function stepInWorker(request: Extract<TrusteeRequest, { type: "step" }>): Promise<TrusteeStep> {
  const answer = await run(request);
  if (answer.type !== "step") throw new TrusteeWorkerError("step", "unexpected answer");
  return answer.step;
}

/** The trustee's partial decryption of the anchored aggregate, with how many ballots it covers. */
export async function decryptInWorker(
  request: Extract<TrusteeRequest, { type: "decrypt" }>,
  onProgress: (event: Progress) => void,
): Promise<{ partial: PartialDecryption; voters: number; logSize: number }> {
  const answer = await run(request, onProgress);
  if (answer.type !== "partial") throw new TrusteeWorkerError("other", "unexpected answer");
  return answer;
}
