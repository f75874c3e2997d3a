/**
 * The ceremony page's transcript from loose files: every file goes where its folder name puts it,
 * whatever order the reader picked them in; a missing or malformed file is named.
 */
import { newParticipantKey, participantKeyFile, readParticipantKeyFile } from "../../../../protocol/ceremony";
import {
  TranscriptFilesError,
  transcriptFromFiles,
  type NamedFile,
} from "../../../../web/components/ceremony/transcript-files";

const hex = (byte: string, bytes: number): string => byte.repeat(bytes);
const text = (name: string, value: unknown): NamedFile => ({
  name,
  bytes: new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value)),
});
const raw = (name: string, byte: number): NamedFile => ({ name, bytes: new Uint8Array([byte]) });

const RECORD = {
  version: 1,
  id: "ceremony-unit",
  circuit: { name: "ceremony_test", r1csSha256: hex("11", 32) },
  ptau: { file: "local_final.ptau", blake2b: hex("22", 64), pin: "local:TEST" },
  zkey0Sha256: hex("33", 32),
  participants: [{ name: "alice", publicKey: hex("44", 32) }],
  minContributions: 3,
  beacon: { chainId: 1, blockNumber: 9 },
};
const entry = (index: number) => ({
  index,
  participant: "alice",
  previousZkeySha256: hex("55", 32),
  zkeySha256: hex("66", 32),
  contributionHash: hex("77", 64),
  signature: hex("88", 64),
});
const PINS = { label: "TEST", pins: [{ file: "local_final.ptau", blake2b: hex("22", 64) }] };

function folder(): NamedFile[] {
  return [
    raw("zkeys/0002.zkey", 2),
    text("contributions/0002.json", entry(2)),
    text("verification_key.json", { protocol: "groth16" }),
    text("ceremony.json", RECORD),
    raw("zkeys/0000.zkey", 0),
    raw("local_final.ptau", 9),
    text("local-pins.json", PINS),
    text("contributions/0001.json", entry(1)),
    raw("circuit.r1cs", 7),
    raw("zkeys/0001.zkey", 1),
  ];
}

function refusal(files: NamedFile[]): Pick<TranscriptFilesError, "problem" | "file"> {
  try {
    transcriptFromFiles(files);
  } catch (error) {
    if (error instanceof TranscriptFilesError) return { problem: error.problem, file: error.file };
    throw error;
  }
  throw new Error("accepted");
}

describe("# the ceremony page's transcript files", () => {
  it("should put every file where its name says, in index order", () => {
    const { transcript, localPins } = transcriptFromFiles(folder());
    expect(transcript.record.id).toBe("ceremony-unit");
    expect(transcript.zkeys.map((zkey) => zkey[0])).toEqual([0, 1, 2]);
    expect(transcript.entries.map((e) => e.index)).toEqual([1, 2]);
    expect([transcript.r1cs[0], transcript.ptau[0]]).toEqual([7, 9]);
    expect(transcript.beacon).toBeUndefined();
    expect(localPins).toEqual(PINS);
  });

  it("should read a finalized folder's beacon and final zkey, and no pin list when there is none", () => {
    const beacon = {
      blockNumber: 9,
      blockHash: hex("99", 32),
      iterationsExp: 10,
      previousZkeySha256: hex("66", 32),
      zkeySha256: hex("aa", 32),
      contributionHash: hex("bb", 64),
    };
    const files = [
      ...folder().filter((file) => file.name !== "local-pins.json"),
      text("beacon.json", beacon),
      raw("final.zkey", 3),
    ];
    const { transcript, localPins } = transcriptFromFiles(files);
    expect(transcript.beacon).toEqual(beacon);
    expect(transcript.finalZkey?.[0]).toBe(3);
    expect(localPins).toBeUndefined();
  });

  it("should name a missing or malformed file", () => {
    const without = (name: string): NamedFile[] => folder().filter((file) => file.name !== name);
    expect(refusal(without("ceremony.json"))).toEqual({ problem: "missing", file: "ceremony.json" });
    expect(refusal(without("circuit.r1cs"))).toEqual({ problem: "missing", file: "circuit.r1cs" });
    expect(refusal(without("local_final.ptau"))).toEqual({ problem: "missing", file: ".ptau" });
    expect(refusal(folder().filter((file) => !file.name.endsWith(".zkey")))).toEqual({
      problem: "missing",
      file: "0000.zkey",
    });
    const forged = folder().map((file) =>
      file.name === "contributions/0002.json" ? text(file.name, { ...entry(2), signature: "nope" }) : file,
    );
    expect(refusal(forged)).toEqual({ problem: "invalid", file: "0002.json" });
    expect(refusal([...folder(), raw("other.ptau", 1)])).toEqual({ problem: "invalid", file: "other.ptau" });
    expect(refusal([...without("ceremony.json"), text("ceremony.json", "{")])).toEqual({
      problem: "invalid",
      file: "ceremony.json",
    });
  });
});

describe("# the participant key file", () => {
  it("should read back what keygen and the page write, and nothing else", () => {
    const key = newParticipantKey();
    expect(readParticipantKeyFile(participantKeyFile(key))).toEqual(key);
    // The public key is derived from the secret, never trusted from the file.
    expect(readParticipantKeyFile(JSON.stringify({ ...key, publicKey: hex("00", 32) }))).toEqual(key);
    expect(readParticipantKeyFile("not json")).toBeUndefined();
    expect(readParticipantKeyFile(JSON.stringify({ secretKey: "ABC" }))).toBeUndefined();
  });
});
