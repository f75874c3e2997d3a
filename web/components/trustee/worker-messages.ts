/**
 * The messages between the trustee page and its Web Worker (web/workers/trustee.worker.ts): the
 * page asks for the next key-generation step or for the final decryption; the worker does the
 * curve arithmetic and the audit downloads, and the page posts what it answers to the service.
 */
import type { TrusteeSecret, TrusteeStep } from "../../../protocol/trustee-steps";
import type { DkgTranscript } from "../../../protocol/trustee-transcript";
import type { PartialDecryption } from "../../../protocol/threshold";

export type TrusteeRequest =
  | { type: "step"; transcript: DkgTranscript; secret: TrusteeSecret }
  | { type: "decrypt"; api: string; rpc: string; registry: string; secret: TrusteeSecret };

/**
 * Why a decryption was refused: too early (no closing log anchored yet), the served log is not the
 * anchored one, a source could not be read, or anything else.
 */
export type DecryptFailure = "too-early" | "mismatch" | "source" | "other";

export type TrusteeEvent =
  | { type: "step"; step: TrusteeStep }
  | { type: "progress"; phase: "census" | "log" | "decrypting"; done: number; total: number }
  | { type: "partial"; partial: PartialDecryption; voters: number; logSize: number }
  | { type: "failed"; kind: DecryptFailure | "step"; detail: string };
