/**
 * The anchor loop's step for one referendum: bring the chain up to what the service holds (spec at
 * open, the latest signed head while open, the closing head once sealed, the tally at the end).
 *
 * The chain decides, not the record: every step reads the chain first and re-sends what it lacks,
 * so a transaction the chain lost (a restarted local chain, a reorg) is sent again. A step counts
 * as anchored once it is visible at the confirmed view; one visible only at the latest block is
 * waited for, not sent twice. The record's `anchors` only report what the chain was last seen to
 * hold. While the chain is unreachable this throws, voting goes on, and the next run catches up.
 */
import { BlingError } from "../api/errors";
import { VOTE_OPTIONS } from "../../protocol/constants";
import type { AnchorProgress, ClosingHead } from "../api/views";
import type { ReferendumSpec } from "../../protocol/spec";
import type { ChainAnchor, ChainView, CoreDeps } from "./ports";
import { getReferendum, saveReferendum, type ReferendumRecord } from "./referendum-service";
import { getTally } from "./tally";
import { readHead, rootOfFrontier } from "./ballot-log-table";

export type AnchorStep = "open" | "checkpoint" | "closing" | "tally";

export interface AnchorRun {
  /** Transactions sent this run. */
  opened: boolean;
  checkpointed: number | null;
  closed: boolean;
  tallied: boolean;
  /** The step that is on chain but not confirmed yet (nothing later was tried), or null. */
  waiting: AnchorStep | null;
}

const hex0x = (hex: string): string => `0x${hex}`;

/**
 * One step against the chain. `holds(view)` says whether the chain holds it at that view. Confirmed:
 * done. At latest only: a transaction is on its way, wait. Absent: send, then done if already
 * confirmed (no confirmations required), else wait.
 */
async function step(
  run: AnchorRun,
  name: AnchorStep,
  holds: (view: ChainView) => Promise<boolean>,
  send: () => Promise<void>,
): Promise<boolean> {
  if (await holds("confirmed")) return true;
  if (!(await holds("latest"))) {
    await send();
    if (await holds("confirmed")) return true;
  }
  run.waiting = name;
  return false;
}

/** One run's view of a referendum being anchored: an opened one (spec and its hash known). */
interface Anchoring {
  deps: CoreDeps;
  chain: ChainAnchor;
  record: ReferendumRecord & { spec: ReferendumSpec; specHash: string };
  chainId: bigint;
  run: AnchorRun;
  /** What the chain was seen to hold, for the record's report. */
  seen: AnchorProgress;
}

export async function anchorReferendum(deps: CoreDeps, chain: ChainAnchor, id: string): Promise<AnchorRun> {
  const record = await getReferendum(deps, id);
  const run: AnchorRun = { opened: false, checkpointed: null, closed: false, tallied: false, waiting: null };
  const { spec, specHash } = record;
  if (!spec || !specHash) return run;
  const seen: AnchorProgress = { opened: false, checkpointSize: 0, closed: false, tallied: false };
  await anchorPhases({ deps, chain, record: { ...record, spec, specHash }, chainId: BigInt(id), run, seen });
  // Only after every read answered: a run that failed part way says nothing about what it did not read.
  await report(deps, record, seen);
  return run;
}

/** The phases in order, each only once the one before is confirmed on chain. */
async function anchorPhases(job: Anchoring): Promise<void> {
  const { record, seen } = job;
  seen.opened = await anchorOpen(job);
  if (!seen.opened) return;
  if (!record.closing) {
    await anchorCheckpoint(job);
    return;
  }
  seen.checkpointSize = await job.chain.lastCheckpointSize(job.chainId, "confirmed");
  seen.closed = await anchorClosing(job, record.closing);
  if (!seen.closed || record.state !== "tallied") return;
  seen.tallied = await anchorTally(job);
}

/** At open: the spec hash, census root and rules (a different spec on chain is an error, never overwritten). */
async function anchorOpen({ chain, chainId, record, run }: Anchoring): Promise<boolean> {
  const { id, spec, specHash } = record;
  return step(
    run,
    "open",
    async (view) => {
      const anchored = await chain.openedSpecHash(chainId, view);
      if (anchored !== null && anchored !== hex0x(specHash))
        throw new Error(`referendum ${id}: the registry anchors spec ${anchored}, the service holds ${specHash}`);
      return anchored !== null;
    },
    async () => {
      const { options, maxValue, minTotal, maxTotal, costExponent } = spec.rules;
      await chain.open({
        id: chainId,
        specHash: hex0x(specHash),
        censusRoot: BigInt(spec.census.root),
        rules: { options, maxValue, minTotal, maxTotal, costExponent },
        opensAt: spec.opensAt,
        closesAt: spec.closesAt,
      });
      run.opened = true;
    },
  );
}

/** While voting goes on: the latest signed head, once the chain's last checkpoint is smaller. */
async function anchorCheckpoint({ deps, chain, chainId, record, run, seen }: Anchoring): Promise<void> {
  const head = await readHead(deps, record.id);
  seen.checkpointSize = await chain.lastCheckpointSize(chainId, "confirmed");
  if (head.size <= seen.checkpointSize) return;
  const done = await step(
    run,
    "checkpoint",
    async (view) => (await chain.lastCheckpointSize(chainId, view)) >= head.size,
    async () => {
      await chain.checkpoint(chainId, head.size, hex0x(rootOfFrontier(head.frontier)));
      run.checkpointed = head.size;
    },
  );
  if (done) seen.checkpointSize = head.size;
}

/** Once sealed: the closing head, exactly as sealed (a different one on chain is an error, never overwritten). */
async function anchorClosing({ chain, chainId, run }: Anchoring, closing: ClosingHead): Promise<boolean> {
  return step(
    run,
    "closing",
    async (view) => {
      const anchored = await chain.closedLog(chainId, view);
      if (
        anchored &&
        (anchored.logSize !== closing.size ||
          anchored.logRoot !== hex0x(closing.root) ||
          anchored.closedAt !== closing.closedAt)
      )
        throw new Error(
          `referendum ${chainId}: the registry's closing (size ${anchored.logSize}, root ${anchored.logRoot}, at ${anchored.closedAt}) is not the sealed log (size ${closing.size}, root 0x${closing.root}, at ${closing.closedAt})`,
        );
      return anchored !== null;
    },
    async () => {
      await chain.closeLog({
        id: chainId,
        closedAt: closing.closedAt,
        logSize: closing.size,
        logRoot: hex0x(closing.root),
      });
      run.closed = true;
    },
  );
}

/** Once tallied (and the closing confirmed): the counts over the sealed log. */
async function anchorTally({ deps, chain, chainId, record, run }: Anchoring): Promise<boolean> {
  return step(
    run,
    "tally",
    (view) => chain.isTallied(chainId, view),
    async () => {
      const tally = await getTally(deps, record.id);
      await chain.publishTally({
        id: chainId,
        // The registry holds VOTE_OPTIONS counts; a sealed tally has one per slot of its circuit (2 or 8).
        counts: Array.from({ length: VOTE_OPTIONS }, (_, i) => BigInt(tally.counts[i] ?? "0")),
        logSize: tally.logSize,
        logRoot: hex0x(tally.logRoot),
        nullifierSetRoot: hex0x(tally.nullifierSetRoot),
      });
      run.tallied = true;
    },
  );
}

/** Records what the chain was seen to hold (a report only): a concurrent change of the record wins. */
async function report(deps: CoreDeps, record: ReferendumRecord, seen: AnchorProgress): Promise<void> {
  const was = record.anchors;
  const next: AnchorProgress = { ...seen };
  if (
    was.opened === next.opened &&
    was.checkpointSize === next.checkpointSize &&
    (was.closed ?? false) === next.closed &&
    was.tallied === next.tallied
  )
    return;
  try {
    await saveReferendum(deps, { ...record, anchors: next });
  } catch (error) {
    if (!(error instanceof BlingError && error.code === "REFERENDUM_STATE")) throw error;
  }
}
