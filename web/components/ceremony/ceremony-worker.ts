/**
 * Runs one participant's turn in a fresh ceremony worker (web/workers/ceremony.worker.ts): the page
 * stays responsive while the worker verifies the chain and computes the contribution.
 */
import type { CeremonyEvent, CeremonyFailure, CeremonyRequest, CeremonyResult } from "./worker-messages";

export type CeremonyProgress = Extract<CeremonyEvent, { type: "progress" }>;

/** The turn's result, or why it was refused: never throws. */
export function turnInWorker(
  request: CeremonyRequest,
  onProgress: (event: CeremonyProgress) => void,
): Promise<{ ok: true; result: CeremonyResult } | { ok: false; failure: CeremonyFailure }> {
  // Turbopack bundles the worker and its imports (snarkjs, noble, zod) into a script of its own.
  const worker = new Worker(new URL("../../workers/ceremony.worker.ts", import.meta.url));
  return new Promise((resolve) => {
    worker.onmessage = ({ data }: MessageEvent<CeremonyEvent>) => {
      if (data.type === "progress") {
        onProgress(data);
        return;
      }
      worker.terminate();
      resolve(data.type === "done" ? { ok: true, result: data.result } : { ok: false, failure: data.failure });
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ ok: false, failure: { kind: "other", detail: event.message || "the ceremony worker stopped" } });
    };
    const files = request.source.kind === "files" ? request.source.files.map((file) => file.bytes.buffer) : [];
    worker.postMessage(request, files as ArrayBuffer[]);
  });
}
