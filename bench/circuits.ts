/**
 * The ballot circuits against Semaphore v4's own circuit (same depth, same dev
 * ceremony, same machine, same run): constraints, artifact sizes, prove and
 * verify times, for the v1.1 ballot and the sealed ballots of protocol v2.
 */
import { groth16, wtns } from "snarkjs";
import { loadArtifacts, type LoadedArtifacts } from "../protocol/artifacts.node";
import { ballotInputs, type BallotCircuitInputs } from "../protocol/ballot";
import { generateCensusProof } from "../protocol/census";
import { mulG } from "../protocol/babyjub";
import { BALLOT_CIRCUIT, CENSUS_DEPTH, sealedCircuitName } from "../protocol/constants";
import { padVotes, quadratic, yesNo } from "../protocol/rules";
import { sealedBallotInputs, type SealedCircuitInputs } from "../protocol/sealed-ballot";
import { SEMAPHORE_CIRCUIT } from "../circuits/scripts/circuit-matrix";
import { censusOf, REFERENDUM_ID, semaphoreInputs } from "../test/fixtures/ballot-fixtures";
import { median, printTable } from "./table";

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const CENSUS_SIZE = 1024;

interface Measured {
  name: string;
  constraints: number;
  wasmBytes: number;
  zkeyBytes: number;
  witnessMs: number;
  proveMs: number;
  verifyMs: number;
}

interface Subject {
  artifacts: LoadedArtifacts;
  inputs: BallotCircuitInputs | SealedCircuitInputs;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/**
 * Times the circuits in alternation (ours, anchor, ours, ...) after a warm-up
 * round, so that drift on the machine (other load, JIT, GC) falls on both
 * alike. Proving is split into witness generation (wasm) and the Groth16
 * prover; "prove" is their sum, what `groth16.fullProve` costs.
 */
async function measureAlternating(subjects: Subject[]): Promise<Measured[]> {
  const samples = subjects.map(() => ({ witness: [] as number[], prove: [] as number[], verify: [] as number[] }));
  for (let round = 0; round <= RUNS; round++) {
    // One proof at a time: each uses every core through snarkjs's worker pool.
    for (const [i, { artifacts, inputs }] of subjects.entries()) {
      const witness = { type: "mem" } as unknown as string;
      const [, witnessMs] = await timed(() => wtns.calculate(inputs, artifacts.wasm, witness));
      const [{ proof, publicSignals }, groth16Ms] = await timed(() => groth16.prove(artifacts.zkey, witness));
      const [valid, verifyMs] = await timed(() => groth16.verify(artifacts.vkey, publicSignals, proof));
      if (!valid) throw new Error(`${artifacts.manifest.name}: proof does not verify`);
      if (round === 0) continue;
      samples[i]!.witness.push(witnessMs);
      samples[i]!.prove.push(witnessMs + groth16Ms);
      samples[i]!.verify.push(verifyMs);
    }
  }
  return subjects.map(({ artifacts }, i) => ({
    name: artifacts.manifest.name,
    constraints: artifacts.manifest.constraints,
    wasmBytes: artifacts.wasm.length,
    zkeyBytes: artifacts.zkey.length,
    witnessMs: median(samples[i]!.witness),
    proveMs: median(samples[i]!.prove),
    verifyMs: median(samples[i]!.verify),
  }));
}

export async function benchCircuits(): Promise<void> {
  const { voters, census } = censusOf(CENSUS_SIZE, "bench");
  const voter = voters[CENSUS_SIZE - 1]!;
  const censusProof = generateCensusProof(census, voter.commitment);
  const ballot = ballotInputs(voter, censusProof, REFERENDUM_ID, padVotes([3, 2, 1]), quadratic(3, 16));
  const semaphore = semaphoreInputs(voter, censusProof, REFERENDUM_ID);
  const electionKey = mulG(0xe1ec7n);
  const sealed = (k: 2 | 8, votes: number[], rules: Parameters<typeof sealedBallotInputs>[4]) =>
    sealedBallotInputs(voter, censusProof, REFERENDUM_ID, votes, rules, electionKey, 0x5eedn, 1, k);
  const sealedRuns = [
    { artifacts: await loadArtifacts(sealedCircuitName(CENSUS_DEPTH, 2)), inputs: sealed(2, [1, 0], yesNo()) },
    {
      artifacts: await loadArtifacts(sealedCircuitName(CENSUS_DEPTH, 8)),
      inputs: sealed(8, [3, 2, 1], quadratic(3, 16)),
    },
  ];
  const [ours, anchor, ...sealedMeasured] = (await measureAlternating([
    { artifacts: await loadArtifacts(BALLOT_CIRCUIT), inputs: ballot },
    { artifacts: await loadArtifacts(SEMAPHORE_CIRCUIT), inputs: semaphore },
    ...sealedRuns,
  ])) as [Measured, Measured, ...Measured[]];

  const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);
  const ms = (value: number): string => value.toFixed(0);
  const ratio = (a: number, b: number): string => (a / b).toFixed(2);
  const ratioRow = (label: string, a: Measured) => [
    label,
    ratio(a.constraints, anchor.constraints),
    ratio(a.wasmBytes, anchor.wasmBytes),
    ratio(a.zkeyBytes, anchor.zkeyBytes),
    ratio(a.witnessMs, anchor.witnessMs),
    ratio(a.proveMs, anchor.proveMs),
    ratio(a.verifyMs, anchor.verifyMs),
  ];
  printTable(
    `Ballot circuits vs Semaphore v4 (depth ${CENSUS_DEPTH}, --O2, dev ceremony; median of ${RUNS} alternating runs after a warm-up, snarkjs in Node ${process.version})`,
    ["circuit", "constraints", "wasm MB", "zkey MB", "witness ms", "prove ms", "verify ms"],
    [
      ...[ours, anchor, ...sealedMeasured].map((m) => [
        m.name,
        m.constraints,
        mb(m.wasmBytes),
        mb(m.zkeyBytes),
        ms(m.witnessMs),
        ms(m.proveMs),
        ms(m.verifyMs),
      ]),
      ratioRow("ratio ours/Semaphore", ours),
      ...sealedMeasured.map((m) => ratioRow(`ratio ${m.name}/Semaphore`, m)),
    ],
  );
}
