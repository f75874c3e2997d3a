/**
 * Ingest of the local stack: ballots accepted per second over real HTTP (dynalite persisting to
 * disk, proofs verified by the worker pool), and how fast the sequencer moves a backlog into the log.
 * Load generator, API, verifier workers, dynalite and anvil share this machine's cores.
 *
 * Every ballot is a distinct proved ballot of its own voter: a re-randomised copy of a proof is the
 * same ballot (protocol v1.1) and would be answered from the table without any verification. So the
 * proofs are made first (about a second each), and only the submissions are timed.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { buildCensus, generateCensusProof, proveBallot, type Ballot, type Identity } from "../protocol";
import type { ReferendumSpec } from "../protocol/spec";
import { loadArtifacts, type LoadedArtifacts } from "../protocol/artifacts.node";
import { integrate } from "../functions/core/sequencer";
import { startLocalStack, type LocalStack } from "../local/stack";
import {
  apiClient,
  councilCensus,
  expectStatus,
  fetchLeaves,
  openYesNo,
  type ApiCall,
} from "../test/fixtures/api-client";
import { identityFromSeed } from "../test/fixtures/ballot-fixtures";
import { postAll } from "./load-generator";
import { printTable } from "./table";

/** One voter per ballot of the largest run. */
const VOTERS = Number(process.env.BENCH_SERVICE_VOTERS ?? 300);
const HOUR_MS = 3_600_000;
/** Ballots sent before the timed ones, so the table measures a warm service. */
const WARM_UP = 40;
const RUNS: { concurrency: number; sequencer: boolean }[] = [
  { concurrency: 32, sequencer: false },
  { concurrency: 32, sequencer: true },
];

/** A first ballot of every voter for one referendum, proved here (the census tree built once). */
async function proveAll(api: ApiCall, id: string, voters: readonly Identity[], artifacts: LoadedArtifacts) {
  const { spec } = expectStatus(await api<{ spec: ReferendumSpec }>("GET", `/v1/referenda/${id}`), 200);
  const tree = buildCensus((await fetchLeaves(api, spec.census.id)).slice(0, spec.census.size));
  const ballots: Ballot[] = [];
  for (const [i, voter] of voters.entries()) {
    const path = generateCensusProof(tree, voter.commitment);
    ballots.push(await proveBallot(voter, path, BigInt(id), i % 2 ? [1, 0] : [0, 1], spec.rules, artifacts));
  }
  return ballots;
}

/** Runs the sequencer until the queue is empty; entries per second. */
async function drain(stack: LocalStack, id: string): Promise<{ entries: number; perSecond: number }> {
  const owner = `bench-${randomUUID()}`;
  let entries = 0;
  const started = performance.now();
  for (;;) {
    const run = await integrate(stack.deps, id, owner);
    if (run.integrated === 0) break;
    entries += run.integrated;
  }
  return { entries, perSecond: entries / ((performance.now() - started) / 1000) };
}

export async function benchService(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), "bling-bench-"));
  const stack = await startLocalStack({
    dataDir,
    sequencerIntervalMs: HOUR_MS,
    anchorIntervalMs: HOUR_MS,
    log: () => undefined,
  });
  try {
    const api = apiClient(stack.apiUrl);
    const token = await stack.councilToken("bench-council");
    const voters = Array.from({ length: VOTERS }, (_, i) => identityFromSeed(`bench-voter-${i}`));
    const { censusId } = await councilCensus(api, token, voters);
    const artifacts = await loadArtifacts();

    const rows: (string | number)[][] = [];
    const sequencerRows: (string | number)[][] = [];
    for (const [r, run] of RUNS.entries()) {
      const id = await openYesNo(api, token, censusId, `bench ${r}`, {
        opensAt: Math.floor(Date.now() / 1000),
        seconds: 24 * 3600,
      });
      const ballots = await proveAll(api, id, voters, artifacts);

      const live = { sequencing: true };
      const sequencer = run.sequencer
        ? (async () => {
            while (live.sequencing) {
              await integrate(stack.deps, id, "bench-live");
              await new Promise((resolve) => setTimeout(resolve, 250));
            }
          })()
        : Promise.resolve();
      // Untimed first: the verifier workers start and load mcl on the first ballots they see.
      const url = `${stack.apiUrl}/v1/referenda/${id}/ballots`;
      const bodies = ballots.map((ballot) => JSON.stringify(ballot));
      await postAll(url, bodies.slice(0, WARM_UP), run.concurrency);
      const timed = bodies.slice(WARM_UP);
      const result = await postAll(url, timed, run.concurrency);
      live.sequencing = false;
      await sequencer;
      rows.push([
        run.concurrency,
        run.sequencer ? "yes (every 250 ms)" : "no",
        timed.length,
        result.perSecond.toFixed(0),
        result.p50.toFixed(1),
        result.p99.toFixed(1),
      ]);
      const backlog = await drain(stack, id);
      sequencerRows.push([
        run.sequencer ? "left after live sequencing" : "whole run",
        backlog.entries,
        backlog.perSecond.toFixed(0),
      ]);
    }
    printTable(
      `Ballot ingest of the local stack (HTTP on 127.0.0.1, dynalite on disk, mcl verifier in ${cpus().length} worker threads; distinct valid ballots from a load generator in its own thread; all on ${cpus().length} cores)`,
      ["concurrency", "sequencer running", "ballots", "accepted/s", "p50 ms", "p99 ms"],
      rows,
    );
    printTable(
      "Sequencer: queued ballots integrated into the log (batches of 500, one signed head per batch)",
      ["backlog", "entries", "entries/s"],
      sequencerRows,
    );
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
