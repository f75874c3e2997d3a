/**
 * `bling ceremony` end to end on a tiny circuit with a local, labelled phase 1 and a real anvil
 * chain for the beacon: three participants, a final zkey that proves and verifies, and each
 * attack refused with the step it names.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hexToBytes } from "@noble/hashes/utils.js";
import { groth16 } from "snarkjs";
import { applyBeacon, contribute, sha256Hex } from "../../../protocol/ceremony";
import { ceremonyRecord, type ContributionEntry } from "../../../protocol/ceremony-record";
import { parseManifest } from "../../../protocol/manifest";
import { releaseProverThreads } from "../../../protocol/verify";
import { startLocalChain, type LocalChain } from "../../../local/anvil";
import type { CompiledCircuit } from "../../../circuits/scripts/compile";
import {
  compileTestCircuit,
  contributeArgv,
  initArgv,
  localPhase1,
  TEST_CIRCUIT,
  testArtifacts,
} from "../../fixtures/ceremony";
import { cli as bling } from "../../fixtures/cli-run";

const NAMES = ["alice", "bob", "carol"];
let work: string;
let circuit: CompiledCircuit;
let phase1: { ptau: string; pins: string };
let chain: LocalChain;
let artifacts: string;
let beaconBlock: number;
let twoSteps: string;
const dir = (): string => join(work, "transcript");
const keyFile = (name: string): string => join(work, `${name}.key`);
const secretOf = async (name: string): Promise<Uint8Array> =>
  hexToBytes((JSON.parse(await readFile(keyFile(name), "utf8")) as { secretKey: string }).secretKey);
const pinned = (): string[] => ["--ptau", phase1.ptau, "--ptau-pins", phase1.pins];
const verify = (folder: string, ...more: string[]) =>
  bling("ceremony", "verify", "--dir", folder, ...pinned(), ...more);

async function copyOf(name: string, from = dir()): Promise<string> {
  const target = join(work, name);
  await cp(from, target, { recursive: true });
  return target;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, "utf8")) as T;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "bling-ceremony-"));
  [circuit, phase1, chain] = await Promise.all([
    compileTestCircuit(),
    localPhase1(join(work, "phase1")),
    startLocalChain(),
  ]);
  artifacts = await testArtifacts(join(work, "artifacts"), circuit);
  const participants = [];
  for (const name of [...NAMES, "mallory"]) {
    const made = await bling("ceremony", "keygen", "--key", keyFile(name));
    expect(made.code).toBe(0);
    participants.push({ name, publicKey: /public key: ([0-9a-f]{64})/.exec(made.out)![1]! });
  }
  await writeFile(join(work, "participants.json"), JSON.stringify(participants.slice(0, 3)));
  beaconBlock = (await chain.provider.getBlockNumber()) + 3;
  const init = await bling(
    ...initArgv({
      r1cs: circuit.r1cs,
      pinned: pinned(),
      participants: join(work, "participants.json"),
      beaconBlock,
      chainId: chain.chainId,
      id: "ceremony-test-a",
      out: dir(),
      artifacts,
    }),
  );
  expect(init).toMatchObject({ code: 0 });
  for (const [i, name] of NAMES.entries()) {
    const step = await bling(...contributeArgv(dir(), pinned(), name, keyFile(name)));
    expect(step.err).toBe("");
    expect(step.out).toContain(`contribution ${i + 1} by ${name}`);
    if (i === 1) twoSteps = await copyOf("two-steps");
  }
}, 600000);

afterAll(async () => {
  await chain.stop();
  await releaseProverThreads();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("# bling ceremony", () => {
  it("should refuse to finalize before the announced block exists", async () => {
    const early = await bling(
      "ceremony",
      "finalize",
      "--dir",
      dir(),
      ...pinned(),
      "--rpc",
      chain.rpcUrl,
      "--artifacts",
      artifacts,
    );
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/beacon: block \d+ does not exist yet \(CEREMONY_BEACON_NOT_YET\)/);
  });

  it("should refuse to finalize with fewer contributions than the record requires", async () => {
    const few = await bling(
      "ceremony",
      "finalize",
      "--dir",
      twoSteps,
      ...pinned(),
      "--rpc",
      chain.rpcUrl,
      "--artifacts",
      artifacts,
    );
    expect(few.err).toMatch(/2 contributions, the record requires 3 \(CEREMONY_TOO_FEW_CONTRIBUTIONS\)/);
    expect((await verify(twoSteps)).out).toMatch(/FAIL .*CEREMONY_TOO_FEW_CONTRIBUTIONS/);
    expect((await verify(twoSteps, "--in-progress")).out).toMatch(
      /PASS ceremony-test-a: .*2 contributions, not finalized/,
    );
  });

  it("should refuse an unfinished ceremony, another circuit, an outsider and a second turn", async () => {
    expect((await verify(dir())).out).toMatch(/beacon: the ceremony has no beacon yet \(CEREMONY_NOT_FINALIZED\)/);
    const outsider = await bling(
      ...["ceremony", "contribute", "--dir", dir(), ...pinned(), "--name", "mallory", "--key", keyFile("mallory")],
      ...["--entropy", "x"],
    );
    expect(outsider.err).toMatch(/contribution 4: mallory with this key is not a participant/);
    const otherCircuit = await copyOf("other-circuit");
    await writeFile(join(otherCircuit, "circuit.r1cs"), "not the r1cs");
    expect((await verify(otherCircuit)).out).toMatch(/r1cs: not the record's circuit \(CEREMONY_R1CS_MISMATCH\)/);
    const twice = await copyOf("twice");
    const entry3 = await readJson<ContributionEntry>(join(twice, "contributions", "0003.json"));
    const alice = await signAs("ceremony-test-a", "alice", { ...entry3, participant: "alice" });
    await writeFile(join(twice, "contributions", "0003.json"), JSON.stringify(alice));
    expect((await verify(twice)).out).toMatch(/contribution 3: alice already contributed/);
    const stranger = await signAs("ceremony-test-a", "mallory", { ...entry3, participant: "mallory" });
    await writeFile(join(twice, "contributions", "0003.json"), JSON.stringify(stranger));
    expect((await verify(twice)).out).toMatch(/contribution 3: mallory is not in the record/);
    await rm(join(twice, "zkeys", "0000.zkey"));
    expect((await verify(twice)).out).toMatch(/zkey 0: not the record's zkey 0/);
  });

  it("should finalize three contributions whose zkey proves and verifies, and write the manifest", async () => {
    for (let i = 0; i < 3; i++) await chain.provider.send("evm_mine", []);
    const done = await bling(
      "ceremony",
      "finalize",
      "--dir",
      dir(),
      ...pinned(),
      "--rpc",
      chain.rpcUrl,
      "--artifacts",
      artifacts,
    );
    expect(done.err).toBe("");
    const checked = await verify(dir(), "--rpc", chain.rpcUrl);
    expect(checked.out).toMatch(
      /PASS ceremony-test-a: .*3 contributions, finalized with block \d+ \(checked on the chain\)/,
    );
    const manifest = parseManifest(await readFile(join(artifacts, TEST_CIRCUIT, "manifest.json"), "utf8"));
    expect(manifest.ceremony).toBe("ceremony-test-a");
    expect(manifest.trustedSetup?.contributions.map((c) => c.participant)).toEqual(NAMES);
    expect(manifest.trustedSetup?.beacon.blockNumber).toBe(beaconBlock);
    const folder = join(artifacts, TEST_CIRCUIT);
    const vkey = await readJson<object>(join(folder, "verification_key.json"));
    const { proof, publicSignals } = await groth16.fullProve(
      { a: 3, b: 11 },
      circuit.wasm,
      join(folder, `${TEST_CIRCUIT}.zkey`),
    );
    expect(publicSignals).toEqual(["33"]);
    expect(await groth16.verify(vkey, publicSignals, proof)).toBe(true);
  });

  it("should not verify a proof made with a zkey from another ceremony", async () => {
    const record = ceremonyRecord.parse(await readJson(join(dir(), "ceremony.json")));
    const zkey0 = new Uint8Array(await readFile(join(dir(), "zkeys", "0000.zkey")));
    const other = await contribute(record, zkey0, 1, { name: "alice", secretKey: await secretOf("alice"), input: "x" });
    const final = await applyBeacon(other.zkey, beaconBlock, "11".repeat(32));
    const { proof, publicSignals } = await groth16.fullProve({ a: 3, b: 11 }, circuit.wasm, final.zkey);
    const vkey = await readJson<object>(join(artifacts, TEST_CIRCUIT, "verification_key.json"));
    expect(await groth16.verify(vkey, publicSignals, proof)).toBe(false);
  });

  it("should refuse a tampered intermediate zkey, naming its step", async () => {
    const folder = await copyOf("tampered");
    const file = join(folder, "zkeys", "0002.zkey");
    const bytes = await readFile(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 1;
    await writeFile(file, bytes);
    expect((await verify(folder)).out).toMatch(
      /FAIL .*contribution 2: its zkey is not the signed one \(CEREMONY_ZKEY_HASH_MISMATCH\)/,
    );
  });

  it("should name the step whose signed zkey does not verify, though later steps build on it", async () => {
    // Bob signs a zkey he broke (two H points swapped: well-formed points, wrong ratios); Carol,
    // not checking, contributes on top. The chain of hashes and signatures holds; the maths does not.
    const record = ceremonyRecord.parse(await readJson(join(dir(), "ceremony.json")));
    const zkey1 = new Uint8Array(await readFile(join(dir(), "zkeys", "0001.zkey")));
    const folder = await copyOf("broken-maths", twoSteps);
    const bob = await contribute(record, zkey1, 2, { name: "bob", secretKey: await secretOf("bob"), input: "b" });
    const broken = swapFirstPoints(bob.zkey, 9);
    const signed = await signAs(record.id, "bob", { ...bob.entry, zkeySha256: await sha256Hex(broken) });
    const carol = await contribute(record, broken, 3, {
      name: "carol",
      secretKey: await secretOf("carol"),
      input: "c",
    });
    await writeFile(join(folder, "zkeys", "0002.zkey"), broken);
    await writeFile(join(folder, "contributions", "0002.json"), JSON.stringify(signed));
    await writeFile(join(folder, "zkeys", "0003.zkey"), carol.zkey);
    await writeFile(join(folder, "contributions", "0003.json"), JSON.stringify(carol.entry));
    expect((await verify(folder)).out).toMatch(
      /FAIL .*contribution 2: its zkey does not verify against the r1cs and phase 1 \(CEREMONY_ZKEY_INVALID\)/,
    );
  });

  it("should refuse a contribution that skips its predecessor, even when it claims to build on it", async () => {
    const record = ceremonyRecord.parse(await readJson(join(dir(), "ceremony.json")));
    const zkey1 = new Uint8Array(await readFile(join(dir(), "zkeys", "0001.zkey")));
    const honest = await copyOf("skips", twoSteps);
    const skipped = await contribute(record, zkey1, 3, {
      name: "carol",
      secretKey: await secretOf("carol"),
      input: "x",
    });
    await writeFile(join(honest, "zkeys", "0003.zkey"), skipped.zkey);
    await writeFile(join(honest, "contributions", "0003.json"), JSON.stringify(skipped.entry));
    expect((await verify(honest)).out).toMatch(/contribution 3: it does not build on zkey 2 \(CEREMONY_STEP_SKIPPED\)/);

    const lying = await copyOf("lies", honest);
    const entry2 = await readJson<ContributionEntry>(join(dir(), "contributions", "0002.json"));
    const claimed = await contribute(record, zkey1, 3, {
      name: "carol",
      secretKey: await secretOf("carol"),
      input: "y",
    });
    const relabelled = await signAs(record.id, "carol", {
      ...claimed.entry,
      previousZkeySha256: entry2.zkeySha256,
    });
    await writeFile(join(lying, "zkeys", "0003.zkey"), claimed.zkey);
    await writeFile(join(lying, "contributions", "0003.json"), JSON.stringify(relabelled));
    expect((await verify(lying)).out).toMatch(
      /contribution 3: its zkey does not extend zkey 2 \(CEREMONY_STEP_SKIPPED\)/,
    );
  });

  it("should refuse a contribution signed by someone else, and one out of order", async () => {
    const folder = await copyOf("forged");
    const entry = await readJson<ContributionEntry>(join(folder, "contributions", "0002.json"));
    const forged = await relabelWith("mallory", { ...entry });
    await writeFile(join(folder, "contributions", "0002.json"), JSON.stringify(forged));
    expect((await verify(folder)).out).toMatch(/contribution 2: not signed by bob \(CEREMONY_SIGNATURE_INVALID\)/);

    const reordered = await copyOf("reordered");
    await writeFile(join(reordered, "contributions", "0002.json"), JSON.stringify({ ...entry, index: 3 }));
    expect((await verify(reordered)).out).toMatch(
      /contribution 2: the entry says it is step 3 \(CEREMONY_STEP_OUT_OF_ORDER\)/,
    );
  });

  it("should refuse a beacon from another block", async () => {
    const folder = await copyOf("other-block");
    const zkey3 = new Uint8Array(await readFile(join(folder, "zkeys", "0003.zkey")));
    const other = (await chain.provider.getBlock(beaconBlock - 1))!.hash!.slice(2);
    const fake = await applyBeacon(zkey3, beaconBlock, other);
    await writeFile(join(folder, "final.zkey"), fake.zkey);
    await writeFile(join(folder, "beacon.json"), JSON.stringify(fake.entry));
    expect((await verify(folder)).out).toMatch(/PASS/);
    expect((await verify(folder, "--rpc", chain.rpcUrl)).out).toMatch(
      /beacon: not the hash of block \d+ on the chain \(CEREMONY_BEACON_MISMATCH\)/,
    );
    const moved = await applyBeacon(zkey3, beaconBlock - 1, other);
    await writeFile(join(folder, "final.zkey"), moved.zkey);
    await writeFile(join(folder, "beacon.json"), JSON.stringify(moved.entry));
    expect((await verify(folder)).out).toMatch(
      /beacon: block \d+, the record announced \d+ \(CEREMONY_BEACON_MISMATCH\)/,
    );
  });

  it("should refuse a phase 1 that is not pinned, or that does not verify", async () => {
    const base = [
      "ceremony",
      "init",
      "--circuit",
      TEST_CIRCUIT,
      "--r1cs",
      circuit.r1cs,
      "--participants",
      join(work, "participants.json"),
      "--beacon-block",
      "1",
      "--artifacts",
      artifacts,
    ];
    const unpinned = await bling(...base, "--ptau", phase1.ptau, "--out", join(work, "unpinned"));
    expect(unpinned.err).toMatch(/phase1: local_final\.ptau .* is not pinned \(CEREMONY_PTAU_UNPINNED\)/);
    const broken = join(work, "broken.ptau");
    const bytes = await readFile(phase1.ptau);
    bytes[bytes.length - 70] = bytes[bytes.length - 70]! ^ 1;
    await writeFile(broken, bytes);
    const { blake2bHex } = await import("../../../protocol/ceremony");
    const pins = join(work, "broken-pins.json");
    await writeFile(
      pins,
      JSON.stringify({ label: "broken", pins: [{ file: "broken.ptau", blake2b: blake2bHex(new Uint8Array(bytes)) }] }),
    );
    const invalid = await bling(...base, "--ptau", broken, "--ptau-pins", pins, "--out", join(work, "broken"));
    expect(invalid.err).toMatch(/phase1: broken\.ptau does not verify \(CEREMONY_PTAU_INVALID\)/);
  });
});

/** The entry signed with another participant's key (the record's id: only the signer is wrong). */
async function relabelWith(signer: string, entry: ContributionEntry): Promise<ContributionEntry> {
  const record = ceremonyRecord.parse(await readJson(join(dir(), "ceremony.json")));
  return signAs(record.id, signer, entry);
}

async function signAs(ceremonyId: string, signer: string, entry: ContributionEntry): Promise<ContributionEntry> {
  const { ed25519 } = await import("@noble/curves/ed25519.js");
  const { bytesToHex } = await import("@noble/hashes/utils.js");
  const { contributionMessage } = await import("../../../protocol/ceremony-record");
  const { signature: _old, ...unsigned } = entry;
  return {
    ...unsigned,
    signature: bytesToHex(ed25519.sign(contributionMessage(ceremonyId, unsigned), await secretOf(signer))),
  };
}

/** A copy of the zkey with the first two G1 points of one section swapped (64 bytes each). */
function swapFirstPoints(zkey: Uint8Array, section: number): Uint8Array {
  const copy = zkey.slice();
  const view = new DataView(copy.buffer);
  let at = 12;
  for (let i = 0; i < view.getUint32(8, true); i++) {
    const type = view.getUint32(at, true);
    const size = Number(view.getBigUint64(at + 4, true));
    at += 12;
    if (type === section) {
      const first = copy.slice(at, at + 64);
      copy.copyWithin(at, at + 64, at + 128);
      copy.set(first, at + 64);
      return copy;
    }
    at += size;
  }
  throw new Error(`the zkey has no section ${section}`);
}
