import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { CeremonyError, isSignedBy, newParticipantKey, pinNameOf } from "../../../protocol/ceremony";
import { ceremonyRecord, contributionMessage, type CeremonyRecord } from "../../../protocol/ceremony-record";
import { extendsByOne, mpcContributions } from "../../../protocol/ceremony-verify";
import { findPublishedPtau, PUBLISHED_PIN, PUBLISHED_PTAU } from "../../../protocol/ptau-pins";
import { ed25519 } from "@noble/curves/ed25519.js";

/** A zkey-shaped file: the header, one unrelated section, then section 10 with `count` contributions. */
function zkeyWith(count: number, contributions: number[]): Uint8Array {
  const mpc = [...new Array<number>(64).fill(7), count, 0, 0, 0, ...contributions];
  const other = [1, 2, 3];
  const bytes = new Uint8Array(12 + 12 + other.length + 12 + mpc.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode("zkey"), 0);
  view.setUint32(4, 1, true);
  view.setUint32(8, 2, true);
  view.setUint32(12, 1, true);
  view.setBigUint64(16, BigInt(other.length), true);
  bytes.set(other, 24);
  const at = 24 + other.length;
  view.setUint32(at, 10, true);
  view.setBigUint64(at + 4, BigInt(mpc.length), true);
  bytes.set(mpc, at + 12);
  return bytes;
}

const alice = newParticipantKey();
const record: CeremonyRecord = ceremonyRecord.parse({
  version: 1,
  id: "ceremony-unit",
  circuit: { name: "ceremony_test", r1csSha256: "00".repeat(32) },
  ptau: { file: "x.ptau", blake2b: "ab".repeat(64), pin: "local:unit" },
  zkey0Sha256: "11".repeat(32),
  participants: [{ name: "alice", publicKey: alice.publicKey }],
  minContributions: 1,
  beacon: { chainId: 1, blockNumber: 10 },
});
const unsigned = {
  index: 1,
  participant: "alice",
  previousZkeySha256: "11".repeat(32),
  zkeySha256: "22".repeat(32),
  contributionHash: "33".repeat(64),
};
const signed = {
  ...unsigned,
  signature: bytesToHex(ed25519.sign(contributionMessage(record.id, unsigned), hexToBytes(alice.secretKey))),
};

describe("# mpcContributions", () => {
  it("should read the contribution count and bytes of section 10", () => {
    expect(mpcContributions(zkeyWith(2, [9, 9]))).toEqual({ count: 2, bytes: new Uint8Array([9, 9]) });
  });

  it("should reject a file that is not a zkey, or has no phase 2 parameters", () => {
    expect(() => mpcContributions(new TextEncoder().encode("ptau-and-more"))).toThrow(/zkey: not a zkey file/);
    const cut = zkeyWith(0, []).subarray(0, 27);
    expect(() => mpcContributions(cut)).toThrow(CeremonyError);
    expect(() => mpcContributions(cut)).toThrow(/has no phase 2 parameters \(CEREMONY_ZKEY_INVALID\)/);
  });
});

describe("# extendsByOne", () => {
  it("should accept exactly one appended contribution and nothing else", () => {
    expect(extendsByOne(zkeyWith(1, [5]), zkeyWith(2, [5, 6]))).toBe(true);
    expect(extendsByOne(zkeyWith(1, [5]), zkeyWith(2, [4, 6]))).toBe(false);
    expect(extendsByOne(zkeyWith(1, [5]), zkeyWith(3, [5, 6]))).toBe(false);
    expect(extendsByOne(zkeyWith(1, [5]), zkeyWith(2, [5]))).toBe(false);
  });
});

describe("# isSignedBy", () => {
  it("should accept the participant's own signature only", () => {
    expect(isSignedBy(record, signed)).toBe(true);
    expect(isSignedBy(record, { ...signed, index: 2 })).toBe(false);
    expect(isSignedBy(record, { ...signed, participant: "bob" })).toBe(false);
    expect(isSignedBy({ ...record, id: "ceremony-other" }, signed)).toBe(false);
    expect(isSignedBy(record, { ...signed, signature: "zz" })).toBe(false);
  });
});

describe("# pinNameOf", () => {
  it("should name published files, labelled local pins, and nothing else", () => {
    const published = PUBLISHED_PTAU.find((entry) => entry.power === 15)!;
    expect(published.file).toBe("powersOfTau28_hez_final_15.ptau");
    expect(findPublishedPtau(published.blake2b)).toBe(published);
    expect(pinNameOf(published.blake2b)).toBe(PUBLISHED_PIN);
    const local = { label: "rehearsal", pins: [{ file: "x.ptau", blake2b: "ab".repeat(64) }] };
    expect(pinNameOf("ab".repeat(64), local)).toBe("local:rehearsal");
    expect(pinNameOf("ab".repeat(64))).toBeUndefined();
    expect(PUBLISHED_PTAU.every((entry) => /^[0-9a-f]{128}$/.test(entry.blake2b))).toBe(true);
  });
});
