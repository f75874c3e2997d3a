/** The referendum spec (what is anchored at open) and its hash. */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { z } from "./zod";
import { canonicalBytes } from "./canonical-json";
import { ballotRules, rulesPreset } from "./rules";
import { fieldElement, hex32 } from "./wire";

/** SHA-256 (hex) of the spec's RFC 8785 canonical bytes: what the registry anchors at open. */
export function specHash(spec: ReferendumSpec): string {
  return bytesToHex(sha256(canonicalBytes(spec)));
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
export const referendumSpec = z.object({
  protocol: z.int(),
  id: fieldElement,
  councilId: z.string(),
  title: z.string(),
  description: z.string(),
  options: z.array(z.string()),
  rules: ballotRules.extend({ preset: rulesPreset }),
  revoting: z.boolean(),
  /** Maximum merge delay (seconds): a signed promise whose entry is not in the log this long after its receivedAt is evidence of misbehaviour. */
  maxMergeDelay: z.int().min(0),
  opensAt: z.number(),
  closesAt: z.number(),
  census: z.object({ id: z.string(), root: fieldElement, size: z.int().min(0), depth: z.int().min(0) }),
  circuit: z.object({ name: z.string(), zkeySha256: hex32, ceremony: z.string() }),
  /** Ed25519 public key (hex) that signs the ballot log's promises and tree heads. */
  logPublicKey: hex32,
});
export type ReferendumSpec = z.infer<typeof referendumSpec>;
