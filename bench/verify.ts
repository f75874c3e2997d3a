/**
 * The observer's audit: Groth16 proofs verified per second by snarkjs one by one, by mcl one by
 * one, by the batch verifier on one core and on every core (same run, same ballots), then the time
 * `bling verify --from-dump` takes over whole referenda of 1,000 and 100,000 ballots, built in memory
 * (real proofs, re-randomised; a log signed as the service signs it) and written as an export.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildCensus,
  censusRoot,
  createBatchPairingVerifier,
  createPairingVerifier,
  generateCensusProof,
  padVotes,
  proveBallot,
  verifyBallot,
  yesNo,
  type Ballot,
} from "../protocol";
import { loadArtifacts, type LoadedArtifacts } from "../protocol/artifacts.node";
import { censusRootInWorker } from "../protocol/census-worker.node";
import { createBatchVerifierPool } from "../protocol/verifier-pool.node";
import { auditReferendum } from "../audit/audit";
import { readDump, writeDump } from "../cli/dump";
import { loadTrustedCircuit } from "../cli/trusted-circuit";
import { buildAuditBundle } from "../test/fixtures/audit-bundle";
import { identityFromSeed } from "../test/fixtures/ballot-fixtures";
import { rerandomizedSeries } from "../test/fixtures/rerandomize";
import { printTable } from "./table";

/** Ballots every verifier checks in the throughput table (snarkjs takes about 18 ms each). */
const SAMPLE = Number(process.env.BENCH_VERIFY_SAMPLE ?? 1024);
const REFERENDA = (process.env.BENCH_AUDIT_SIZES ?? "1000,100000").split(",").map(Number);
const VOTERS = 4;
const REFERENDUM_ID = 0xa0d17n;
const LOG_KEY = new Uint8Array(32).fill(9);

async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
}

/** A census of `size` members whose last VOTERS are real identities, and a real ballot of each. */
async function referendumBallots(size: number, artifacts: LoadedArtifacts) {
  const voters = Array.from({ length: VOTERS }, (_, i) => identityFromSeed(`bench-audit-${size}-${i}`));
  // Stand-in members: distinct field elements (no ballot is proved for them).
  const leaves = [
    ...Array.from({ length: size - VOTERS }, (_, i) => BigInt(i + 1) * 7919n),
    ...voters.map((v) => v.commitment),
  ];
  const tree = buildCensus(leaves);
  const real: Ballot[] = [];
  for (const [i, voter] of voters.entries()) {
    const votes = padVotes(i % 2 ? [0, 1] : [1, 0]);
    real.push(
      await proveBallot(voter, generateCensusProof(tree, voter.commitment), REFERENDUM_ID, votes, yesNo(), artifacts),
    );
  }
  return { leaves, root: censusRoot(tree), real };
}

/** `count` distinct valid ballots over the real ones, interleaved as voters re-vote. */
async function manyBallots(artifacts: LoadedArtifacts, real: Ballot[], count: number): Promise<Ballot[]> {
  const series = await Promise.all(
    real.map((ballot) => rerandomizedSeries(artifacts.vkey, ballot, Math.ceil(count / real.length))),
  );
  return Array.from({ length: count }, (_, i) => series[i % real.length]![Math.floor(i / real.length)]!);
}

async function throughput(artifacts: LoadedArtifacts, ballots: Ballot[]): Promise<(string | number)[][]> {
  const rows: [string, number][] = [];
  const [snarkjs, snarkjsSeconds] = await timed(async () => {
    let ok = 0;
    for (const ballot of ballots) if (await verifyBallot(artifacts.vkey, ballot)) ok++;
    return ok;
  });
  rows.push([`snarkjs groth16.verify, one by one`, ballots.length / snarkjsSeconds]);
  const single = await createPairingVerifier(artifacts.vkey);
  const [, singleSeconds] = await timed(() => ballots.filter((ballot) => single(ballot)).length);
  rows.push(["mcl pairing, one by one (1 core)", ballots.length / singleSeconds]);
  const batch = await createBatchPairingVerifier(artifacts.vkey);
  const [, batchSeconds] = await timed(() => {
    for (let i = 0; i < ballots.length; i += 256) batch(ballots.slice(i, i + 256));
  });
  rows.push(["mcl batch of 256 (1 core)", ballots.length / batchSeconds]);
  const pool = createBatchVerifierPool(artifacts.vkey);
  try {
    await pool.verifyMany(ballots.slice(0, 2 * pool.size)); // the workers load mcl first
    const [answers, poolSeconds] = await timed(() => pool.verifyMany(ballots));
    if (snarkjs !== ballots.length || answers.some((ok) => !ok)) throw new Error("a valid ballot failed to verify");
    rows.push([`mcl batch, ${pool.size} worker threads (all cores)`, ballots.length / poolSeconds]);
  } finally {
    await pool.close();
  }
  const base = rows[0]![1];
  return rows.map(([name, rate]) => [name, rate.toFixed(0), `${(rate / base).toFixed(1)}x`]);
}

async function auditRow(artifacts: LoadedArtifacts, size: number): Promise<(string | number)[]> {
  const { leaves, root, real } = await referendumBallots(size, artifacts);
  const ballots = await manyBallots(artifacts, real, size);
  const tenth = Math.max(1, Math.floor(size / 10));
  const bundle = buildAuditBundle({
    referendumId: REFERENDUM_ID,
    censusLeaves: leaves,
    censusRoot: root,
    options: ["Yes", "No"],
    rules: yesNo(),
    revoting: true,
    ballots,
    circuit: { name: artifacts.manifest.name, zkeySha256: artifacts.manifest.files.zkey.sha256 },
    logKey: LOG_KEY,
    checkpointSizes: Array.from({ length: 9 }, (_, i) => (i + 1) * tenth),
  });
  const dir = await mkdtemp(join(tmpdir(), "bling-bench-audit-"));
  try {
    await writeDump(dir, bundle);
    // What `bling verify --from-dump` does (the census rebuilt on a thread of its own while the
    // proofs are checked), timed in phases.
    const started = performance.now();
    const [read, readSeconds] = await timed(() => readDump(dir));
    const circuit = await loadTrustedCircuit(read.referendum.spec.circuit.name);
    const pool = createBatchVerifierPool(circuit.vkey);
    let proofSeconds = 0;
    try {
      const report = await auditReferendum(read, {
        circuit: circuit.trusted,
        censusRoot: censusRootInWorker,
        verifyProofs: async (all) => {
          const [answers, seconds] = await timed(() => pool.verifyMany(all));
          proofSeconds = seconds;
          return answers;
        },
      });
      if (!report.ok) throw new Error(`the synthetic referendum of ${size} failed its audit`);
    } finally {
      await pool.close();
    }
    const total = (performance.now() - started) / 1000;
    const rest = total - readSeconds - proofSeconds;
    return [
      size.toLocaleString("en-US"),
      readSeconds.toFixed(1),
      proofSeconds.toFixed(1),
      rest.toFixed(1),
      total.toFixed(1),
      (size / total).toFixed(0),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchVerify(): Promise<void> {
  const artifacts = await loadArtifacts();
  const { real } = await referendumBallots(64, artifacts);
  const sample = await manyBallots(artifacts, real, SAMPLE);
  printTable(
    `Groth16 ballot proofs verified per second (${SAMPLE} distinct valid ballots, the same for every row; ${cpus().length} cores, Node ${process.version})`,
    ["verifier", "proofs/s", "vs snarkjs"],
    await throughput(artifacts, sample),
  );
  const rows: (string | number)[][] = [];
  for (const size of REFERENDA) rows.push(await auditRow(artifacts, size));
  printTable(
    `bling verify --from-dump: a whole referendum (census of that many members, ${VOTERS} voters re-voting, 10 checkpoints; seconds)`,
    ["ballots", "read dump", "proofs", "other checks", "total", "ballots/s"],
    rows,
  );
}
