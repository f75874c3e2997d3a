/**
 * What the ballot log contains and signs, as JSON anyone can recompute: the entry (a leaf), the
 * signed promise returned at acceptance (as a CT log's SCT) and the signed tree head. Signatures
 * are Ed25519 over the RFC 8785 canonical bytes of the unsigned object.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { z } from "./zod";
import { canonicalBytes, type JsonValue } from "./canonical-json";
import { leafHash, verifyInclusion } from "./transparency-log";
import { ballotSubmission, fieldElement, hex32, signatureHex } from "./wire";

const count = z.int().min(0);

/** One leaf of a referendum's ballot log. `revision` orders re-votes of one nullifier: the highest counts. */
export const ballotEntry = z.object({
  type: z.literal("bling.ballot.v1"),
  referendumId: fieldElement,
  revision: z.int(),
  /** Unix seconds when the service accepted the ballot (no finer: see DESIGN.md, privacy). */
  receivedAt: z.int(),
  ballot: ballotSubmission,
});
export type BallotEntry = z.infer<typeof ballotEntry>;

/** The service's signed word, at acceptance, that the entry will be in the log (as a CT log's SCT). */
export const ballotPromise = z.object({
  type: z.literal("bling.promise.v1"),
  referendumId: fieldElement,
  entryHash: hex32,
  receivedAt: z.int(),
});
export type BallotPromise = z.infer<typeof ballotPromise>;

/** A promise with its signature, as a promise file holds it. */
export const signedPromise = ballotPromise.extend({ signature: signatureHex });
export type SignedPromise = z.infer<typeof signedPromise>;

export const treeHead = z.object({
  type: z.literal("bling.sth.v1"),
  referendumId: fieldElement,
  treeSize: count,
  rootHash: hex32,
  /** Unix milliseconds. */
  timestamp: z.number(),
});
export type TreeHead = z.infer<typeof treeHead>;

export const signedTreeHead = treeHead.extend({ signature: signatureHex });
export type SignedTreeHead = z.infer<typeof signedTreeHead>;

/** Where an entry is in the log: the RFC 6962 audit path (hex node hashes) to a signed head's root. */
export const inclusionProof = z.object({ treeHead: signedTreeHead, proof: z.array(hex32) });
export type InclusionProof = z.infer<typeof inclusionProof>;

/** What a citizen gets back for a ballot: at once the signed promise, later its place in the log. */
export const receipt = z.object({
  referendumId: fieldElement,
  /** Hex SHA-256 of the submission's canonical bytes: the idempotency key. */
  ballotId: hex32,
  /** Hex RFC 6962 leaf hash of the entry. */
  entryHash: hex32,
  entry: ballotEntry,
  promise: z.object({ receivedAt: z.int(), signature: signatureHex }),
  status: z.enum(["queued", "integrated"]),
  sequence: count.optional(),
  inclusion: inclusionProof.optional(),
});
export type Receipt = z.infer<typeof receipt>;

const toJson = (value: object): JsonValue => value as unknown as JsonValue;

export function entryLeafHash(entry: BallotEntry): string {
  return bytesToHex(leafHash(canonicalBytes(toJson(entry))));
}

export function signObject(value: BallotPromise | TreeHead, sign: (message: Uint8Array) => Uint8Array): string {
  return bytesToHex(sign(canonicalBytes(toJson(value))));
}

/** Whether `signature` (hex) is the log key's Ed25519 signature of the object. Never throws. */
export function verifyObjectSignature(
  value: BallotPromise | TreeHead,
  signature: string,
  publicKeyHex: string,
): boolean {
  try {
    return ed25519.verify(hexToBytes(signature), canonicalBytes(toJson(value)), hexToBytes(publicKeyHex));
  } catch {
    return false;
  }
}

export function verifyTreeHead(sth: SignedTreeHead, publicKeyHex: string): boolean {
  const { signature, ...head } = sth;
  return verifyObjectSignature(head, signature, publicKeyHex);
}

/**
 * Whether a receipt holds: its entry hashes to entryHash, the promise is signed by the log key and,
 * once integrated, the inclusion proof shows the entry under a tree head the log key signed.
 */
export function verifyReceipt(receipt: Receipt, publicKeyHex: string): boolean {
  const { referendumId, entryHash, entry, promise } = receipt;
  if (entryLeafHash(entry) !== entryHash || entry.referendumId !== referendumId) return false;
  const promised: BallotPromise = { type: "bling.promise.v1", referendumId, entryHash, receivedAt: promise.receivedAt };
  if (!verifyObjectSignature(promised, promise.signature, publicKeyHex)) return false;
  if (receipt.status === "queued") return true;
  const { inclusion, sequence } = receipt;
  if (!inclusion || sequence === undefined || !verifyTreeHead(inclusion.treeHead, publicKeyHex)) return false;
  const { treeSize, rootHash } = inclusion.treeHead;
  try {
    return verifyInclusion(
      hexToBytes(entryHash),
      sequence,
      treeSize,
      inclusion.proof.map(hexToBytes),
      hexToBytes(rootHash),
    );
  } catch {
    return false;
  }
}
