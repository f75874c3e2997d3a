/**
 * Re-verifies a ceremony transcript from its bytes: the pinned phase 1, zkey 0, every contribution
 * in order (hash chain, signature, and that it extends its predecessor's contribution list by
 * exactly one), snarkjs's zkey verification of the last zkey against the r1cs and phase 1, then
 * the beacon. Returns the first refused step as a value. Browser-safe.
 *
 * Why the maths runs once, not per step: a zkey carries every contribution so far, and snarkjs's
 * check of the last one verifies each of them (proof of knowledge, delta chain) and the key's
 * sections against zkey 0. Each earlier zkey is bound to the last by the signed hash chain and
 * the byte-for-byte prefix of its contribution list, so checking them all again would only repeat
 * work: n + 1 checks of minutes each on a real circuit. Only when the last zkey fails are earlier
 * ones checked, by bisection, to name the step that broke it.
 */
import { zKey } from "snarkjs";
import type { BeaconEntry, CeremonyRecord, ContributionEntry } from "./ceremony-record";
import {
  applyBeacon,
  blake2bHex,
  CeremonyError,
  isSignedBy,
  memFile,
  newZkey,
  pinNameOf,
  sha256Hex,
  type CeremonyErrorCode,
  type LocalPtauPins,
} from "./ceremony";

/** Everything a verifier reads from a transcript folder, as bytes and parsed JSON. */
export interface CeremonyTranscript {
  record: CeremonyRecord;
  r1cs: Uint8Array;
  ptau: Uint8Array;
  /** zkey 0 to zkey n, in order. */
  zkeys: readonly Uint8Array[];
  /** Entries 1 to n, as published (order and indexes are checked). */
  entries: readonly ContributionEntry[];
  beacon?: BeaconEntry;
  finalZkey?: Uint8Array;
}

export interface VerifyCeremonyOptions {
  /** The labelled local pins the ceremony was made with (tests only). */
  localPins?: LocalPtauPins;
  /** Refuse an unfinished ceremony (no beacon, or fewer contributions than the record's minimum). */
  requireFinal: boolean;
  /** The announced block's hash as the chain reports it; without it the beacon is checked offline only. */
  chainBlockHash?: string;
  /** Called before each step is checked, for progress ("phase1", "zkey 0", "contribution 2", "beacon"). */
  onStep?: (step: string) => void;
}

export type CeremonyVerdict =
  | { ok: true; contributions: { index: number; participant: string; zkeySha256: string }[]; finalized: boolean }
  | { ok: false; code: CeremonyErrorCode; step: string; reason: string; message: string };

/** Verifies a transcript; never throws for a bad transcript (the first failing step is the value). */
export async function verifyCeremony(
  transcript: CeremonyTranscript,
  options: VerifyCeremonyOptions,
): Promise<CeremonyVerdict> {
  try {
    options.onStep?.("phase1");
    await checkInputs(transcript, options.localPins);
    options.onStep?.("zkey 0");
    const init = await checkZkey0(transcript);
    for (let index = 1; index < transcript.zkeys.length || index <= transcript.entries.length; index++) {
      options.onStep?.(`contribution ${index}`);
      await checkContribution(transcript, index);
    }
    // Every step had its entry and its zkey, so the last step is the entries' count.
    const last = transcript.entries.length;
    if (last > 0) {
      options.onStep?.(`contribution ${last}`);
      await checkMaths(transcript, init, last);
    }
    if (transcript.beacon) options.onStep?.("beacon");
    const finalized = await checkEnd(transcript, options);
    return {
      ok: true,
      finalized,
      contributions: transcript.entries.map(({ index, participant, zkeySha256 }) => ({
        index,
        participant,
        zkeySha256,
      })),
    };
  } catch (error) {
    if (!(error instanceof CeremonyError)) throw error;
    return { ok: false, code: error.code, step: error.step, reason: error.reason, message: error.message };
  }
}

function fail(code: CeremonyErrorCode, step: string, message: string): never {
  throw new CeremonyError(code, step, message);
}

async function checkInputs({ record, r1cs, ptau }: CeremonyTranscript, local?: LocalPtauPins): Promise<void> {
  const hash = blake2bHex(ptau);
  if (hash !== record.ptau.blake2b) fail("CEREMONY_PTAU_UNPINNED", "phase1", "the phase 1 file is not the record's");
  const pin = pinNameOf(hash, local);
  if (pin !== record.ptau.pin) {
    fail("CEREMONY_PTAU_UNPINNED", "phase1", `the record's phase 1 (${record.ptau.pin}) is not pinned here`);
  }
  if ((await sha256Hex(r1cs)) !== record.circuit.r1csSha256)
    fail("CEREMONY_R1CS_MISMATCH", "r1cs", "not the record's circuit");
}

/** zkey 0 is the one the r1cs and phase 1 give (rebuilt here); returns the rebuilt bytes. */
async function checkZkey0({ record, r1cs, ptau, zkeys }: CeremonyTranscript): Promise<Uint8Array> {
  const zkey0 = zkeys[0];
  if (!zkey0 || (await sha256Hex(zkey0)) !== record.zkey0Sha256) {
    fail("CEREMONY_ZKEY_HASH_MISMATCH", "zkey 0", "not the record's zkey 0");
  }
  const invalid = (): never => fail("CEREMONY_ZKEY_INVALID", "zkey 0", "does not verify against the r1cs and phase 1");
  if (mpcContributions(zkey0).count !== 0) invalid();
  const init = await newZkey(r1cs, ptau);
  // Byte equality is the common case; another snarkjs version may lay the same key out differently.
  const same =
    (await sha256Hex(init)) === record.zkey0Sha256 ||
    (await zKey.verifyFromInit(memFile(init), memFile(ptau), memFile(zkey0)));
  if (!same) invalid();
  return init;
}

/**
 * snarkjs's verification of zkey `last` from zkey 0; when it fails, the first zkey that does not
 * verify though its predecessor does is the step named.
 */
async function checkMaths({ ptau, zkeys }: CeremonyTranscript, init: Uint8Array, last: number): Promise<void> {
  const verifies = async (index: number): Promise<boolean> =>
    zKey.verifyFromInit(memFile(init), memFile(ptau), memFile(zkeys[index]));
  if (await verifies(last)) return;
  // zkey lo - 1 verifies (zkey 0 was checked), zkey hi does not.
  let lo = 1;
  let hi = last;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await verifies(mid)) lo = mid + 1;
    else hi = mid;
  }
  fail("CEREMONY_ZKEY_INVALID", `contribution ${hi}`, "its zkey does not verify against the r1cs and phase 1");
}

async function checkContribution(t: CeremonyTranscript, index: number): Promise<void> {
  const step = `contribution ${index}`;
  const entry = t.entries[index - 1];
  const zkey = t.zkeys[index];
  const previous = t.zkeys[index - 1];
  if (!entry || !zkey || !previous) fail("CEREMONY_STEP_SKIPPED", step, "its entry or its zkey is missing");
  if (entry.index !== index) fail("CEREMONY_STEP_OUT_OF_ORDER", step, `the entry says it is step ${entry.index}`);
  if (entry.previousZkeySha256 !== (await sha256Hex(previous))) {
    fail("CEREMONY_STEP_SKIPPED", step, `it does not build on zkey ${index - 1}`);
  }
  if (entry.zkeySha256 !== (await sha256Hex(zkey)))
    fail("CEREMONY_ZKEY_HASH_MISMATCH", step, "its zkey is not the signed one");
  if (t.entries.slice(0, index - 1).some((before) => before.participant === entry.participant)) {
    fail("CEREMONY_DUPLICATE_PARTICIPANT", step, `${entry.participant} already contributed`);
  }
  if (!t.record.participants.some((participant) => participant.name === entry.participant)) {
    fail("CEREMONY_UNKNOWN_PARTICIPANT", step, `${entry.participant} is not in the record`);
  }
  if (!isSignedBy(t.record, entry)) fail("CEREMONY_SIGNATURE_INVALID", step, `not signed by ${entry.participant}`);
  if (!extendsByOne(previous, zkey)) fail("CEREMONY_STEP_SKIPPED", step, `its zkey does not extend zkey ${index - 1}`);
}

async function checkEnd(t: CeremonyTranscript, options: VerifyCeremonyOptions): Promise<boolean> {
  const count = t.entries.length;
  if (options.requireFinal && count < t.record.minContributions) {
    fail(
      "CEREMONY_TOO_FEW_CONTRIBUTIONS",
      "end",
      `${count} contributions, the record requires ${t.record.minContributions}`,
    );
  }
  if (!t.beacon) {
    if (options.requireFinal) fail("CEREMONY_NOT_FINALIZED", "beacon", "the ceremony has no beacon yet");
    return false;
  }
  if (count < t.record.minContributions) {
    fail(
      "CEREMONY_TOO_FEW_CONTRIBUTIONS",
      "end",
      `finalized after ${count} of ${t.record.minContributions} contributions`,
    );
  }
  await checkBeacon(t, t.beacon, options.chainBlockHash);
  return true;
}

async function checkBeacon(t: CeremonyTranscript, beacon: BeaconEntry, chainBlockHash?: string): Promise<void> {
  const last = t.zkeys[t.zkeys.length - 1];
  if (beacon.blockNumber !== t.record.beacon.blockNumber) {
    fail(
      "CEREMONY_BEACON_MISMATCH",
      "beacon",
      `block ${beacon.blockNumber}, the record announced ${t.record.beacon.blockNumber}`,
    );
  }
  if (chainBlockHash !== undefined && chainBlockHash.replace(/^0x/, "").toLowerCase() !== beacon.blockHash) {
    fail("CEREMONY_BEACON_MISMATCH", "beacon", `not the hash of block ${beacon.blockNumber} on the chain`);
  }
  if (!last || !t.finalZkey || beacon.previousZkeySha256 !== (await sha256Hex(last))) {
    fail("CEREMONY_BEACON_MISMATCH", "beacon", "it does not build on the last contribution");
  }
  const again = await applyBeacon(last, beacon.blockNumber, beacon.blockHash);
  if (again.entry.zkeySha256 !== beacon.zkeySha256 || (await sha256Hex(t.finalZkey)) !== beacon.zkeySha256) {
    fail("CEREMONY_BEACON_MISMATCH", "beacon", "the final zkey is not the beacon's over the last contribution");
  }
}

/** The phase 2 contribution list (zkey section 10) of a zkey: its count and serialized bytes. */
export function mpcContributions(zkey: Uint8Array): { count: number; bytes: Uint8Array } {
  const view = new DataView(zkey.buffer, zkey.byteOffset, zkey.byteLength);
  if (zkey.byteLength < 12 || new TextDecoder().decode(zkey.subarray(0, 4)) !== "zkey") {
    fail("CEREMONY_ZKEY_INVALID", "zkey", "not a zkey file");
  }
  const sections = view.getUint32(8, true);
  let at = 12;
  for (let i = 0; i < sections && at + 12 <= zkey.byteLength; i++) {
    const type = view.getUint32(at, true);
    const size = Number(view.getBigUint64(at + 4, true));
    at += 12;
    // Section 10: the circuit hash (64 bytes), the count (u32), then each contribution.
    if (type === 10 && size >= 68 && at + size <= zkey.byteLength) {
      return { count: view.getUint32(at + 64, true), bytes: zkey.subarray(at + 68, at + size) };
    }
    at += size;
  }
  return fail("CEREMONY_ZKEY_INVALID", "zkey", "has no phase 2 parameters");
}

/** Whether `next` keeps every contribution of `previous`, in order, and adds exactly one. */
export function extendsByOne(previous: Uint8Array, next: Uint8Array): boolean {
  const before = mpcContributions(previous);
  const after = mpcContributions(next);
  if (after.count !== before.count + 1 || after.bytes.byteLength <= before.bytes.byteLength) return false;
  return before.bytes.every((byte, i) => after.bytes[i] === byte);
}
