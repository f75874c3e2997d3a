/**
 * The transcript of a phase 2 trusted setup (`bling ceremony`): the record fixed at init, one
 * signed entry per contribution and the beacon entry. Every hash and signature in it can be
 * re-checked offline from the folder's zkeys, the r1cs and the phase 1 file. Browser-safe.
 */
import { z } from "./zod";
import { hex32, signatureHex } from "./wire";
import { canonicalBytes } from "./canonical-json";

const hex64 = z.string().regex(/^[0-9a-f]{128}$/, "must be 64 bytes of lowercase hex");
/** A ceremony id as manifests and specs name it. */
export const CEREMONY_ID = /^ceremony-[a-z0-9_-]{1,64}$/;

export const ceremonyParticipant = z.object({ name: z.string().min(1).max(80), publicKey: hex32 });
export type CeremonyParticipant = z.infer<typeof ceremonyParticipant>;

/** How phase 1 was pinned: a published final file, or a labelled local (test) pin list. */
export const ptauPin = z.object({ file: z.string().min(1), blake2b: hex64, pin: z.string().min(1) });
export type PtauPinRef = z.infer<typeof ptauPin>;

/** `ceremony.json`: fixed by the coordinator at init, before anyone contributes. */
export const ceremonyRecord = z.object({
  version: z.literal(1),
  id: z.string().regex(CEREMONY_ID, "must be ceremony-<lowercase slug>"),
  circuit: z.object({ name: z.string().regex(/^[a-z0-9_]+$/), r1csSha256: hex32 }),
  ptau: ptauPin,
  zkey0Sha256: hex32,
  participants: z.array(ceremonyParticipant).min(1),
  minContributions: z.int().min(1),
  /** An Ethereum L1 block announced before it exists: its hash is the final beacon. */
  beacon: z.object({ chainId: z.int().min(1), blockNumber: z.int().min(0) }),
});
export type CeremonyRecord = z.infer<typeof ceremonyRecord>;

/** `contributions/<index>.json`: one participant's step, signed by them. */
export const contributionEntry = z.object({
  index: z.int().min(1),
  participant: z.string().min(1),
  previousZkeySha256: hex32,
  zkeySha256: hex32,
  /** What snarkjs prints as the contribution hash (64 bytes): the participant writes it down. */
  contributionHash: hex64,
  signature: signatureHex,
});
export type ContributionEntry = z.infer<typeof contributionEntry>;

/** `beacon.json`: the last step, from the block hash the record announced. */
export const beaconEntry = z.object({
  blockNumber: z.int().min(0),
  blockHash: hex32,
  iterationsExp: z.int().min(1).max(63),
  previousZkeySha256: hex32,
  zkeySha256: hex32,
  contributionHash: hex64,
});
export type BeaconEntry = z.infer<typeof beaconEntry>;

/** The bytes a participant signs: everything in their entry but the signature, under the ceremony id. */
export function contributionMessage(ceremonyId: string, entry: Omit<ContributionEntry, "signature">): Uint8Array {
  return canonicalBytes({
    domain: "bling-ceremony-contribution-v1",
    ceremony: ceremonyId,
    index: entry.index,
    participant: entry.participant,
    previousZkeySha256: entry.previousZkeySha256,
    zkeySha256: entry.zkeySha256,
    contributionHash: entry.contributionHash,
  });
}
