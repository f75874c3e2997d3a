/**
 * The messages between the ceremony page and its Web Worker (web/workers/ceremony.worker.ts): the
 * page sends the transcript (files or an address), the participant's key and typed text; the worker
 * verifies the whole chain, contributes and answers the new zkey and the signed entry.
 */
import type { CeremonyErrorCode } from "../../../protocol/ceremony";
import type { ContributionEntry } from "../../../protocol/ceremony-record";
import type { TranscriptAddress } from "./fetch-transcript";
import type { NamedFile } from "./transcript-files";

export interface CeremonyRequest {
  source: { kind: "files"; files: NamedFile[] } | ({ kind: "address" } & TranscriptAddress);
  /** The participant's ed25519 secret key, hex (never leaves the browser). */
  secretKey: string;
  /** The participant's own typed text, mixed with the browser's random bytes. */
  input: string;
}

/** Why a turn was refused: a ceremony step (with its code), the files, or a download. */
export type CeremonyFailure =
  | { kind: "step"; code: CeremonyErrorCode; step: string; detail: string }
  | { kind: "files"; problem: "missing" | "invalid"; file: string }
  | { kind: "download"; url: string }
  | { kind: "other"; detail: string };

export interface CeremonyResult {
  ceremonyId: string;
  circuit: string;
  participant: string;
  /** sha256 of ceremony.json's bytes as downloaded: compare with what the coordinator announced. */
  recordSha256: string;
  /** The contributions verified before this one. */
  verified: { index: number; participant: string }[];
  localPin?: string;
  index: number;
  previousZkeySha256: string;
  zkey: Uint8Array;
  entry: ContributionEntry;
}

export type CeremonyEvent =
  | { type: "progress"; phase: "download"; file: string }
  | { type: "progress"; phase: "check"; step: string }
  | { type: "progress"; phase: "contribute"; index: number }
  | { type: "done"; result: CeremonyResult }
  | { type: "failed"; failure: CeremonyFailure };
