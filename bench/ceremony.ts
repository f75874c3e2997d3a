/**
 * `bling ceremony`'s steps on the core (protocol/ceremony*.ts), in one process: pin + verify phase
 * 1, init (zkey 0), contribute, verify a chain of 1, 5 and 20 contributions, the beacon. First on
 * the tests' tiny circuit, then at the service circuits' sizes: vote_d20_k8 and sealed_d20_k8
 * compiled here, over the dev phase 1 files in .cache/ptau (dev_13, dev_15: made locally, pinned
 * through a labelled local list, not the published files, which have the same sizes and so the
 * same costs). A size whose phase 1 file is missing is skipped with a note. BENCH_CEREMONY_ONLY=
 * small|vote|sealed runs one; progress goes to stderr so a cut-short run still shows its figures.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hexToBytes } from "@noble/hashes/utils.js";
import {
  applyBeacon,
  blake2bHex,
  contribute,
  newParticipantKey,
  newZkey,
  pinPhase1,
  sha256Hex,
  type LocalPtauPins,
} from "../protocol/ceremony";
import type { CeremonyRecord, ContributionEntry } from "../protocol/ceremony-record";
import { verifyCeremony } from "../protocol/ceremony-verify";
import { CIRCUITS } from "../circuits/scripts/circuit-matrix";
import { compileCircuit, REPO_ROOT } from "../circuits/scripts/compile";
import { compileTestCircuit, localPhase1 } from "../test/fixtures/ceremony";
import { printTable } from "./table";

const CHAINS = [1, 5, 20] as const;
const PARTICIPANTS = Math.max(...CHAINS);

interface Inputs {
  label: string;
  r1cs: Uint8Array;
  ptau: Uint8Array;
  pins: LocalPtauPins;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
}

const progress = (line: string): boolean => process.stderr.write(`[bench ceremony] ${line}\n`);

async function smallInputs(): Promise<Inputs> {
  const [circuit, phase1] = await Promise.all([
    compileTestCircuit(),
    localPhase1(await mkdtemp(join(tmpdir(), "bench-ceremony-"))),
  ]);
  return {
    label: "ceremony_test (2 constraints, local 2^8 phase 1)",
    r1cs: new Uint8Array(await readFile(circuit.r1cs)),
    ptau: new Uint8Array(await readFile(phase1.ptau)),
    pins: JSON.parse(await readFile(phase1.pins, "utf8")) as LocalPtauPins,
  };
}

async function serviceInputs(name: string, ptauName: string): Promise<Inputs | undefined> {
  const ptauFile = join(REPO_ROOT, ".cache", "ptau", ptauName);
  const entry = CIRCUITS[name];
  if (!entry || !existsSync(ptauFile)) {
    progress(`${name}: skipped, ${ptauFile} is missing`);
    return undefined;
  }
  progress(`${name}: compiling the r1cs`);
  const compiled = await compileCircuit(entry, join(REPO_ROOT, ".build", "bench-ceremony", name));
  const ptau = new Uint8Array(await readFile(ptauFile));
  return {
    label: `${name} over ${ptauName} (LOCAL dev phase 1, not a published file)`,
    r1cs: new Uint8Array(await readFile(compiled.r1cs)),
    ptau,
    pins: { label: "local dev phase 1 (.cache/ptau)", pins: [{ file: ptauName, blake2b: blake2bHex(ptau) }] },
  };
}

async function benchOne({ label, r1cs, ptau, pins }: Inputs): Promise<void> {
  const fmt = (s: number): string => s.toFixed(2);
  const rows: string[][] = [];
  const row = (step: string, seconds: number): void => {
    rows.push([step, fmt(seconds)]);
    progress(`${label}: ${step}: ${fmt(seconds)} s`);
  };
  const people = Array.from({ length: PARTICIPANTS }, (_, i) => ({ name: `p${i + 1}`, ...newParticipantKey() }));
  const [pin, pinSeconds] = await timed(() => pinPhase1(ptau, "phase1.ptau", pins));
  row("phase 1: pin + powersOfTau.verify", pinSeconds);
  const [zkey0, initSeconds] = await timed(() => newZkey(r1cs, ptau));
  row(`init (zkey 0, ${(zkey0.byteLength / 1e6).toFixed(1)} MB)`, initSeconds);
  const record: CeremonyRecord = {
    version: 1,
    id: "ceremony-bench",
    circuit: { name: "bench", r1csSha256: await sha256Hex(r1cs) },
    ptau: pin,
    zkey0Sha256: await sha256Hex(zkey0),
    participants: people.map(({ name, publicKey }) => ({ name, publicKey })),
    minContributions: 1,
    beacon: { chainId: 1, blockNumber: 1 },
  };
  const zkeys = [zkey0];
  const entries: ContributionEntry[] = [];
  const contributeSeconds: number[] = [];
  for (const [i, person] of people.entries()) {
    const [step, seconds] = await timed(() =>
      contribute(record, zkeys[i]!, i + 1, {
        name: person.name,
        secretKey: hexToBytes(person.secretKey),
        input: "bench",
      }),
    );
    zkeys.push(step.zkey);
    entries.push(step.entry);
    contributeSeconds.push(seconds);
  }
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  row(`contribute in Node (mean of ${PARTICIPANTS})`, mean(contributeSeconds));
  for (const n of CHAINS) {
    const [verdict, seconds] = await timed(() =>
      verifyCeremony(
        { record, r1cs, ptau, zkeys: zkeys.slice(0, n + 1), entries: entries.slice(0, n) },
        { requireFinal: false, localPins: pins },
      ),
    );
    if (!verdict.ok) throw new Error(verdict.message);
    // zkey 0 rebuilt and snarkjs's check of the last zkey, plus hashes and signatures per step:
    // nearly flat in n (protocol/ceremony-verify.ts says why).
    row(`verify a chain of ${n}`, seconds);
  }
  const [, beaconSeconds] = await timed(() => applyBeacon(zkeys[PARTICIPANTS]!, 1, "5".repeat(64)));
  row("finalize (beacon, 2^10 iterations)", beaconSeconds);
  printTable(`bling ceremony on ${label}`, ["step", "seconds"], rows);
}

export async function benchCeremony(): Promise<void> {
  const only = process.env.BENCH_CEREMONY_ONLY;
  const sizes: [string, () => Promise<Inputs | undefined>][] = [
    ["small", smallInputs],
    ["vote", () => serviceInputs("vote_d20_k8", "dev_13.ptau")],
    ["sealed", () => serviceInputs("sealed_d20_k8", "dev_15.ptau")],
  ];
  for (const [key, inputs] of sizes) {
    if (only !== undefined && only !== key) continue;
    const loaded = await inputs();
    if (loaded) await benchOne(loaded);
  }
}
