/**
 * What the ballot log contains and signs, as JSON anyone can recompute: the entry (a leaf), the
 * signed promise returned at acceptance (as a CT log's SCT) and the signed tree head. Signatures
 * are Ed25519 over the RFC 8785 canonical bytes of the unsigned object.
 */
import { ed25519 } from "@noble/curves/ed25519";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils";
import { canonicalBytes, type JsonValue } from "./canonical-json";
import { leafHash, verifyInclusion } from "./transparency-log";
import type { BallotSubmission } from "./wire";

/** One leaf of a referendum's ballot log. `revision` orders re-votes of one nullifier: the highest counts. */
export interface BallotEntry {
  type: "bling.ballot.v1";
  referendumId: string;
  revision: number;
  /** Unix seconds when the service accepted the ballot (no finer: see DESIGN.md, privacy). */
  receivedAt: number;
  ballot: BallotSubmission;
}

export interface BallotPromise {
  type: "bling.promise.v1";
  referendumId: string;
  entryHash: string;
  receivedAt: number;
}

export interface TreeHead {
  type: "bling.sth.v1";
  referendumId: string;
  treeSize: number;
  rootHash: string;
  timestamp: number;
}

export interface SignedTreeHead extends TreeHead {
  signature: string;
}

/** What a citizen gets back for a ballot: at once the signed promise, later its place in the log. */
export interface Receipt {
  referendumId: string;
  /** Hex SHA-256 of the submission's canonical bytes: the idempotency key. */
  ballotId: string;
  /** Hex RFC 6962 leaf hash of the entry. */
  entryHash: string;
  entry: BallotEntry;
  promise: { receivedAt: number; signature: string };
  status: "queued" | "integrated";
  sequence?: number;
  inclusion?: { treeHead: SignedTreeHead; proof: string[] };
}

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
