/**
 * `bling ceremony`'s steps on the core (protocol/ceremony*.ts), in one process: init (zkey 0),
 * one contribution, verifying a chain of 1 and 5 contributions, the beacon. On the tests' tiny
 * circuit with a local phase 1 (2^8): the service circuits' r1cs and their 2^14/2^15 published
 * phase 1 files are not in a clean clone; set BENCH_CEREMONY_R1CS and BENCH_CEREMONY_PTAU (a file
 * pinned in protocol/ptau-pins.ts, or with BENCH_CEREMONY_PINS a labelled local pin list) to time one.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  applyBeacon,
  contribute,
  newParticipantKey,
  newZkey,
  pinPhase1,
  sha256Hex,
  type LocalPtauPins,
} from "../protocol/ceremony";
import type { CeremonyRecord, ContributionEntry } from "../protocol/ceremony-record";
import { verifyCeremony } from "../protocol/ceremony-verify";
import { hexToBytes } from "@noble/hashes/utils.js";
import { compileTestCircuit, localPhase1 } from "../test/fixtures/ceremony";
import { printTable } from "./table";

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
}

async function inputs(): Promise<{ label: string; r1cs: Uint8Array; ptau: Uint8Array; pins?: LocalPtauPins }> {
  const r1csFile = process.env.BENCH_CEREMONY_R1CS;
  const ptauFile = process.env.BENCH_CEREMONY_PTAU;
  if (r1csFile && ptauFile) {
    const pinsFile = process.env.BENCH_CEREMONY_PINS;
    return {
      label: r1csFile,
      r1cs: new Uint8Array(await readFile(r1csFile)),
      ptau: new Uint8Array(await readFile(ptauFile)),
      pins: pinsFile ? (JSON.parse(await readFile(pinsFile, "utf8")) as LocalPtauPins) : undefined,
    };
  }
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

export async function benchCeremony(): Promise<void> {
  const { label, r1cs, ptau, pins } = await inputs();
  const people = Array.from({ length: 5 }, (_, i) => ({ name: `p${i + 1}`, ...newParticipantKey() }));
  const [pin, pinSeconds] = await timed(() => pinPhase1(ptau, "phase1.ptau", pins));
  const [zkey0, initSeconds] = await timed(() => newZkey(r1cs, ptau));
  const record: CeremonyRecord = {
    version: 1,
    id: "ceremony-bench",
    circuit: { name: "bench", r1csSha256: sha256Hex(r1cs) },
    ptau: pin,
    zkey0Sha256: sha256Hex(zkey0),
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
  const verifyChain = async (n: number): Promise<number> => {
    const [verdict, seconds] = await timed(() =>
      verifyCeremony(
        { record, r1cs, ptau, zkeys: zkeys.slice(0, n + 1), entries: entries.slice(0, n) },
        { requireFinal: false, localPins: pins },
      ),
    );
    if (!verdict.ok) throw new Error(verdict.message);
    return seconds;
  };
  const [, beaconSeconds] = await timed(() => applyBeacon(zkeys[5]!, 1, "5".repeat(64)));
  const fmt = (s: number): string => s.toFixed(2);
  printTable(
    `bling ceremony on ${label} (zkey ${(zkey0.byteLength / 1024).toFixed(0)} KiB)`,
    ["step", "seconds"],
    [
      ["phase 1: pin + powersOfTau.verify", fmt(pinSeconds)],
      ["init (zkey 0)", fmt(initSeconds)],
      ["contribute (mean of 5)", fmt(contributeSeconds.reduce((a, b) => a + b, 0) / 5)],
      ["verify a chain of 1", fmt(await verifyChain(1))],
      ["verify a chain of 5", fmt(await verifyChain(5))],
      ["finalize (beacon, 2^10 iterations)", fmt(beaconSeconds)],
    ],
  );
}
