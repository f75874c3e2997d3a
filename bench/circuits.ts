/**
 * The ballot circuit against Semaphore v4's own circuit (same depth, same dev
 * ceremony, same machine, same run): constraints, artifact sizes, prove and
 * verify times.
 */
import { groth16 } from "snarkjs";
import { loadArtifacts, type LoadedArtifacts } from "../circuits/src/artifacts";
import { ballotInputs, type BallotCircuitInputs } from "../circuits/src/ballot";
import { generateCensusProof } from "../circuits/src/census";
import { BALLOT_CIRCUIT, CENSUS_DEPTH } from "../circuits/src/constants";
import { padVotes, quadratic } from "../circuits/src/rules";
import { censusOf, REFERENDUM_ID } from "../test/fixtures/ballot-fixtures";
import { median, printTable, timeRuns } from "./table";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CENSUS_SIZE = 1024;

interface Measured {
  name: string;
  constraints: number;
  wasmBytes: number;
  zkeyBytes: number;
  proveMs: number;
  verifyMs: number;
}

async function measure(artifacts: LoadedArtifacts, inputs: BallotCircuitInputs): Promise<Measured> {
  const prove = () => groth16.fullProve(inputs, artifacts.wasm, artifacts.zkey);
  const { proof, publicSignals } = await prove();
  const proveTimes = await timeRuns(RUNS, prove);
  const verifyTimes = await timeRuns(RUNS, async () => {
    if (!(await groth16.verify(artifacts.vkey, publicSignals, proof))) throw new Error("proof does not verify");
  });
  return {
    name: artifacts.manifest.name,
    constraints: artifacts.manifest.constraints,
    wasmBytes: artifacts.wasm.length,
    zkeyBytes: artifacts.zkey.length,
    proveMs: median(proveTimes),
    verifyMs: median(verifyTimes),
  };
}

export async function benchCircuits(): Promise<void> {
  const { voters, census } = censusOf(CENSUS_SIZE, "bench");
  const voter = voters[CENSUS_SIZE - 1]!;
  const censusProof = generateCensusProof(census, voter.commitment);
  const ballot = ballotInputs(voter, censusProof, REFERENDUM_ID, padVotes([3, 2, 1]), quadratic(3, 16));
  const semaphore: BallotCircuitInputs = {
    secret: voter.secretScalar.toString(),
    merkleProofLength: String(censusProof.length),
    merkleProofIndex: String(censusProof.index),
    merkleProofSiblings: censusProof.siblings.map(String),
    message: "1",
    scope: REFERENDUM_ID.toString(),
  };
  const ours = await measure(await loadArtifacts(BALLOT_CIRCUIT), ballot);
  const anchor = await measure(await loadArtifacts(`semaphore_d${CENSUS_DEPTH}`), semaphore);

  const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);
  const ms = (value: number): string => value.toFixed(0);
  const ratio = (a: number, b: number): string => (a / b).toFixed(2);
  printTable(
    `Ballot circuit vs Semaphore v4 (depth ${CENSUS_DEPTH}, --O2, dev ceremony; median of ${RUNS} after a warm-up, snarkjs in Node ${process.version})`,
    ["circuit", "constraints", "wasm MB", "zkey MB", "prove ms", "verify ms"],
    [
      ...[ours, anchor].map((m) => [
        m.name,
        m.constraints,
        mb(m.wasmBytes),
        mb(m.zkeyBytes),
        ms(m.proveMs),
        ms(m.verifyMs),
      ]),
      [
        "ratio ours/Semaphore",
        ratio(ours.constraints, anchor.constraints),
        ratio(ours.wasmBytes, anchor.wasmBytes),
        ratio(ours.zkeyBytes, anchor.zkeyBytes),
        ratio(ours.proveMs, anchor.proveMs),
        ratio(ours.verifyMs, anchor.verifyMs),
      ],
    ],
  );
}
