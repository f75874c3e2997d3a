/** The referendum spec (what is anchored at open) and its hash. */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import { canonicalBytes, type JsonValue } from "./canonical-json";
import type { BallotRules, RulesPreset } from "./rules";

/** SHA-256 (hex) of the spec's RFC 8785 canonical bytes: what the registry anchors at open. */
export function specHash(spec: ReferendumSpec): string {
  return bytesToHex(sha256(canonicalBytes(spec as unknown as JsonValue)));
}

/**
 * Bounds of a referendum's maximum merge delay (MMD, seconds): every accepted ballot is in the log
 * within it. The floor leaves the sequencer's sweep (every MMD/4) room on a one-minute schedule.
 */
export const MERGE_DELAY = { min: 60, default: 600, max: 86_400 } as const;

/**
 * The public spec of an opened referendum: frozen at open, hashed (SHA-256 of its RFC 8785 bytes)
 * and anchored. Everything an observer needs to check a ballot against it.
 */
export interface ReferendumSpec {
  protocol: number;
  id: string;
  councilId: string;
  title: string;
  description: string;
  options: string[];
  rules: BallotRules & { preset: RulesPreset };
  revoting: boolean;
  /** Maximum merge delay (seconds): a signed promise whose entry is not in the log this long after its receivedAt is evidence of misbehaviour. */
  maxMergeDelay: number;
  opensAt: number;
  closesAt: number;
  census: { id: string; root: string; size: number; depth: number };
  circuit: { name: string; zkeySha256: string; ceremony: string };
  /** Ed25519 public key (hex) that signs the ballot log's promises and tree heads. */
  logPublicKey: string;
}
