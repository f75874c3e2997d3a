/**
 * Phase 2 of a Groth16 trusted setup as a pure module over bytes: zkey 0, one contribution, the
 * beacon, the verification key. snarkjs reads and writes in-memory files (`{ type: "mem", data }`),
 * so the same code runs in Node (`bling ceremony`) and in a browser Web Worker; file I/O stays in
 * the callers. Browser-safe (no node:*; entropy from `crypto.getRandomValues`).
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { blake2b } from "@noble/hashes/blake2.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { powersOfTau, zKey } from "snarkjs";
import {
  contributionMessage,
  type BeaconEntry,
  type CeremonyRecord,
  type ContributionEntry,
  type PtauPinRef,
} from "./ceremony-record";
import { sha256Hex } from "./artifact-check";
import { findPublishedPtau, PUBLISHED_PIN } from "./ptau-pins";

/** The closed set of reasons a ceremony step is refused. */
export type CeremonyErrorCode =
  | "CEREMONY_PTAU_INVALID"
  | "CEREMONY_PTAU_UNPINNED"
  | "CEREMONY_R1CS_MISMATCH"
  | "CEREMONY_ZKEY_HASH_MISMATCH"
  | "CEREMONY_ZKEY_INVALID"
  | "CEREMONY_STEP_OUT_OF_ORDER"
  | "CEREMONY_STEP_SKIPPED"
  | "CEREMONY_UNKNOWN_PARTICIPANT"
  | "CEREMONY_DUPLICATE_PARTICIPANT"
  | "CEREMONY_SIGNATURE_INVALID"
  | "CEREMONY_TOO_FEW_CONTRIBUTIONS"
  | "CEREMONY_NOT_FINALIZED"
  | "CEREMONY_BEACON_MISMATCH"
  | "CEREMONY_BEACON_NOT_YET"
  | "CEREMONY_ALREADY_FINALIZED";

/** A refused step: a stable code, the step it names ("phase1", "zkey 0", "contribution 2", "beacon"). */
export class CeremonyError extends Error {
  constructor(
    readonly code: CeremonyErrorCode,
    readonly step: string,
    /** The reason alone, without the step and code. */
    readonly reason: string,
  ) {
    super(`${step}: ${reason} (${code})`);
    this.name = "CeremonyError";
  }
}

/** A labelled list of locally made phase 1 files (tests, rehearsals): never a published pin. */
export interface LocalPtauPins {
  label: string;
  pins: readonly { file: string; blake2b: string }[];
}

/** The iterations exponent of the beacon (2^10 SHA-256 rounds, as snarkjs's examples). */
export const BEACON_ITERATIONS_EXP = 10;

type MemFile = { type: "mem"; data?: Uint8Array };

/** snarkjs's in-memory file over bytes (typed as snarkjs's file-name argument). */
export function memFile(data?: Uint8Array): string {
  return (data ? { type: "mem", data } : { type: "mem" }) as unknown as string;
}

function memData(file: string): Uint8Array {
  const data = (file as unknown as MemFile).data;
  if (!data) throw new Error("snarkjs wrote no data");
  return data;
}

export { sha256Hex };
/** blake2b-512, as `b2sum` and the published phase 1 hashes. */
export const blake2bHex = (bytes: Uint8Array): string => bytesToHex(blake2b(bytes));

/**
 * Pins a phase 1 file: its hash must be a published final file's, or on the labelled local list
 * the caller passes explicitly; then snarkjs verifies every one of its contributions.
 * @throws CeremonyError CEREMONY_PTAU_UNPINNED or CEREMONY_PTAU_INVALID.
 */
export async function pinPhase1(ptau: Uint8Array, file: string, local?: LocalPtauPins): Promise<PtauPinRef> {
  const hash = blake2bHex(ptau);
  const pin = pinNameOf(hash, local);
  if (!pin) {
    throw new CeremonyError(
      "CEREMONY_PTAU_UNPINNED",
      "phase1",
      `${file} (blake2b ${hash.slice(0, 16)}…) is not pinned`,
    );
  }
  if (!(await powersOfTau.verify(memFile(ptau)))) {
    throw new CeremonyError("CEREMONY_PTAU_INVALID", "phase1", `${file} does not verify`);
  }
  return { file: findPublishedPtau(hash)?.file ?? file, blake2b: hash, pin };
}

/** The pin name of a phase 1 hash: published, or `local:<label>`, or undefined. */
export function pinNameOf(blake2bHexValue: string, local?: LocalPtauPins): string | undefined {
  if (findPublishedPtau(blake2bHexValue)) return PUBLISHED_PIN;
  if (local?.pins.some((pin) => pin.blake2b === blake2bHexValue)) return `local:${local.label}`;
  return undefined;
}

/** zkey 0 of a circuit: deterministic from the r1cs and the phase 1 file. */
export async function newZkey(r1cs: Uint8Array, ptau: Uint8Array): Promise<Uint8Array> {
  const out = memFile();
  await zKey.newZKey(memFile(r1cs), memFile(ptau), out);
  return memData(out);
}

/** What a participant brings to a contribution. */
export interface Contributor {
  name: string;
  secretKey: Uint8Array;
  /** Their own input (typed text, dice): mixed with 64 bytes from the OS. */
  input: string;
}

/**
 * One contribution on the latest zkey, signed by its participant. The caller has verified the
 * chain so far (`verifyCeremony`); this only adds the next step.
 * @throws CeremonyError CEREMONY_UNKNOWN_PARTICIPANT when the key is not the record's for the name.
 */
export async function contribute(
  record: CeremonyRecord,
  previous: Uint8Array,
  index: number,
  who: Contributor,
): Promise<{ zkey: Uint8Array; entry: ContributionEntry }> {
  const step = `contribution ${index}`;
  const listed = record.participants.find((participant) => participant.name === who.name);
  if (listed?.publicKey !== bytesToHex(ed25519.getPublicKey(who.secretKey))) {
    throw new CeremonyError("CEREMONY_UNKNOWN_PARTICIPANT", step, `${who.name} with this key is not a participant`);
  }
  const os = crypto.getRandomValues(new Uint8Array(64));
  const entropy = bytesToHex(sha256(new Uint8Array([...os, ...utf8ToBytes(who.input)])));
  const out = memFile();
  const hash = (await zKey.contribute(memFile(previous), out, who.name, entropy)) as Uint8Array;
  const zkey = memData(out);
  const unsigned = {
    index,
    participant: who.name,
    previousZkeySha256: await sha256Hex(previous),
    zkeySha256: await sha256Hex(zkey),
    contributionHash: bytesToHex(hash),
  };
  const signature = bytesToHex(ed25519.sign(contributionMessage(record.id, unsigned), who.secretKey));
  return { zkey, entry: { ...unsigned, signature } };
}

/** Whether a contribution entry carries its participant's signature. */
export function isSignedBy(record: CeremonyRecord, entry: ContributionEntry): boolean {
  const listed = record.participants.find((participant) => participant.name === entry.participant);
  if (!listed) return false;
  const { signature, ...unsigned } = entry;
  try {
    return ed25519.verify(
      hexToBytes(signature),
      contributionMessage(record.id, unsigned),
      hexToBytes(listed.publicKey),
    );
  } catch {
    return false;
  }
}

/**
 * The last step: snarkjs's beacon over the block hash the record announced (deterministic, so
 * anyone recomputes the final zkey from the last contribution and the hash).
 */
export async function applyBeacon(
  previous: Uint8Array,
  blockNumber: number,
  blockHash: string,
): Promise<{ zkey: Uint8Array; entry: BeaconEntry }> {
  const out = memFile();
  const hash = (await zKey.beacon(
    memFile(previous),
    out,
    `Ethereum block ${blockNumber}`,
    blockHash,
    BEACON_ITERATIONS_EXP,
  )) as Uint8Array | false;
  if (!hash) throw new CeremonyError("CEREMONY_BEACON_MISMATCH", "beacon", `block hash ${blockHash} is not usable`);
  const zkey = memData(out);
  return {
    zkey,
    entry: {
      blockNumber,
      blockHash,
      iterationsExp: BEACON_ITERATIONS_EXP,
      previousZkeySha256: await sha256Hex(previous),
      zkeySha256: await sha256Hex(zkey),
      contributionHash: bytesToHex(hash),
    },
  };
}

/** The verification key of a (final) zkey, as snarkjs exports it. */
export async function exportVerificationKey(zkey: Uint8Array): Promise<unknown> {
  return zKey.exportVerificationKey(memFile(zkey));
}

/** The key file `bling ceremony keygen` writes and the ceremony page offers: one JSON line, hex. */
export function participantKeyFile(key: { secretKey: string; publicKey: string }): string {
  return `${JSON.stringify({ secretKey: key.secretKey, publicKey: key.publicKey })}\n`;
}

/** The key pair in a participant key file, or undefined when the text is not one. */
export function readParticipantKeyFile(text: string): { secretKey: string; publicKey: string } | undefined {
  try {
    const { secretKey } = JSON.parse(text) as { secretKey?: unknown };
    if (typeof secretKey !== "string" || !/^[0-9a-f]{64}$/.test(secretKey)) return undefined;
    return { secretKey, publicKey: bytesToHex(ed25519.getPublicKey(hexToBytes(secretKey))) };
  } catch {
    return undefined;
  }
}

/** A new participant key pair (ed25519), hex. */
export function newParticipantKey(): { secretKey: string; publicKey: string } {
  const secretKey = ed25519.utils.randomSecretKey();
  return { secretKey: bytesToHex(secretKey), publicKey: bytesToHex(ed25519.getPublicKey(secretKey)) };
}
