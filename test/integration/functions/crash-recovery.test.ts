/**
 * Issue 14 item 4: a crash between any two writes of acceptance, sequencing, anchoring or tally
 * leaves a state that passes `bling verify` once work resumes. Each path is killed at its k-th
 * write for every k until a run gets through, then the work resumes as it would after a restart
 * (the client retries or re-votes, the loops run again) and the real audit judges the result, both
 * right after the resume and once the referendum is driven to its anchored tally.
 */
import type { Receipt } from "../../../protocol/log-objects";
import { verifyReceipt } from "../../../protocol/log-objects";
import type { ReferendumSpec } from "../../../protocol/spec";
import type { BallotSubmission } from "../../../protocol/wire";
import { anchorReferendum } from "../../../functions/core/anchoring";
import { acceptBallot, getReceipt, nullifierStatus } from "../../../functions/core/ballot-service";
import { createCensus, issueCodes, register } from "../../../functions/core/census-service";
import type { ChainAnchor, CoreDeps } from "../../../functions/core/ports";
import { createReferendum, getReferendum, openReferendum } from "../../../functions/core/referendum-service";
import { integrate, integrateAll } from "../../../functions/core/sequencer";
import { tallyReferendum } from "../../../functions/core/tally";
import { SEAL_SETTLE_MS, sealLog } from "../../../functions/core/closing";
import type { AuditReport } from "../../../audit/report";
import { coreDeps, draftOf, fakeBallot, type ManualClock } from "../../fixtures/core-fixtures";
import {
  auditCore,
  bundleOf,
  CrashError,
  CrashStore,
  crashingChain,
  Fuse,
  RecordingChain,
  settle,
} from "../../fixtures/crash-store";

const COUNCIL = "council-crash";
const VOTERS = 4;

/** One referendum and everything the test knows about it from the outside. */
interface World {
  deps: CoreDeps & { clock: ManualClock };
  fuse: Fuse;
  chain: RecordingChain;
  /** The chain as the service reaches it: through the fuse. */
  anchor: ChainAnchor;
  id: string;
  spec: ReferendumSpec;
  /** Every receipt a client was given. */
  receipts: Receipt[];
  /** The vote that must count for each voter (its latest accepted ballot). */
  latest: Map<bigint, number[]>;
  /** Sequencer owners are fresh after each restart, as a new process's would be. */
  restarts: number;
}

/** A revoting yes/no referendum on a census of VOTERS, open, its store and chain behind one fuse. */
async function openWorld(): Promise<World> {
  const base = coreDeps();
  const fuse = new Fuse();
  const deps = { ...base, store: new CrashStore(base.store, fuse) };
  const census = await createCensus(deps, COUNCIL, "Harbour");
  const codes = await issueCodes(deps, COUNCIL, census.id, VOTERS);
  for (const [i, code] of codes.entries()) await register(deps, census.id, code, String(900 + i));
  const draft = await createReferendum(deps, COUNCIL, draftOf(census.id, deps.clock.now(), { revoting: true }));
  const record = await openReferendum(deps, COUNCIL, draft.id);
  const chain = new RecordingChain();
  return {
    deps,
    fuse,
    chain,
    anchor: crashingChain(chain, fuse),
    id: record.id,
    spec: record.spec as ReferendumSpec,
    receipts: [],
    latest: new Map(),
    restarts: 0,
  };
}

/** A voter's ballot at the revision the API names (a device that asks before proving). */
async function ballotOf(w: World, nullifier: bigint, votes: number[], salt = 0) {
  const { nextRevision } = await nullifierStatus(w.deps, w.id, nullifier.toString());
  if (nextRevision === null) throw new Error(`voter ${nullifier} cannot vote again`);
  return fakeBallot(w.spec, nullifier, votes, { revision: nextRevision, salt });
}

/** Casts a ballot and keeps what the voter keeps: the receipt, and which vote must count. */
async function vote(w: World, nullifier: bigint, votes: number[]): Promise<Receipt> {
  const receipt = await acceptBallot(w.deps, w.id, await ballotOf(w, nullifier, votes));
  w.receipts.push(receipt);
  w.latest.set(nullifier, votes);
  return receipt;
}

/** A new process: the dead one's lease runs out, and the new one has its own name. */
function restart(w: World): string {
  w.deps.clock.advance(31_000);
  return `worker-${++w.restarts}`;
}

/** The background loops after a restart: sequence, then anchor. */
async function runLoops(w: World): Promise<void> {
  await integrate(w.deps, w.id, restart(w));
  await anchorReferendum(w.deps, w.anchor, w.id);
}

const failures = (report: AuditReport) =>
  report.checks.filter((check) => !check.ok).map((check) => `${check.id}: ${check.problems.join("; ")}`);

/** The audit passes; before the tally is anchored, only the tally check may say it is not yet. */
async function expectAuditPasses(w: World, label: string): Promise<void> {
  const report = await auditCore(w.deps, w.chain, w.id);
  const tallyAnchored = w.chain.tally(BigInt(w.id)) !== null;
  const problems = failures(report).filter(
    (problem) =>
      tallyAnchored ||
      !/^(tally: no tally is anchored yet|close: not finished yet: no closing checkpoint)/.test(problem),
  );
  expect({ label, problems }).toEqual({ label, problems: [] });
}

/**
 * Drives the referendum to its end as the service would (close by the clock, sweep, tally, anchor)
 * and requires a full PASS, every receipt verified and in the log, and each voter's latest vote counted.
 */
async function finishAndAudit(w: World, label: string): Promise<void> {
  w.deps.clock.ms = Math.max(w.deps.clock.ms, w.spec.closesAt * 1000 + SEAL_SETTLE_MS);
  await sealLog(w.deps, w.id, restart(w));
  if ((await getReferendum(w.deps, w.id)).state !== "tallied") await tallyReferendum(w.deps, COUNCIL, w.id);
  await anchorReferendum(w.deps, w.anchor, w.id);
  await anchorReferendum(w.deps, w.anchor, w.id);
  const report = await auditCore(w.deps, w.chain, w.id);
  expect({ label, problems: failures(report) }).toEqual({ label, problems: [] });
  expect(report.ok).toBe(true);

  const bundle = await bundleOf(w.deps, w.chain, w.id);
  for (const given of w.receipts) {
    expect(verifyReceipt(given, w.deps.signer.publicKeyHex)).toBe(true);
    const now = await getReceipt(w.deps, w.id, given.ballotId);
    expect(now).toMatchObject({ status: "integrated", entryHash: given.entryHash });
    expect(verifyReceipt(now, w.deps.signer.publicKeyHex)).toBe(true);
    expect(bundle.entries[now.sequence ?? -1]?.entryHash).toBe(given.entryHash);
  }
  const expected = [0, 1].map((option) =>
    String([...w.latest.values()].reduce((sum, votes) => sum + (votes[option] ?? 0), 0)),
  );
  expect({ label, counts: bundle.tally?.counts.slice(0, 2) }).toEqual({ label, counts: expected });
}

/**
 * Kills `operation` at its k-th write for k = 1, 2, ... until a run completes, each on a fresh
 * world from `setup`; after each crash `recover` does what the world does next.
 * @returns how many writes the uncrashed run made.
 */
async function crashAtEveryWrite(
  setup: () => Promise<World>,
  operation: (w: World) => Promise<unknown>,
  recover: (w: World, crashed: boolean, k: number) => Promise<void>,
  lostBefore: readonly number[] = [],
): Promise<number> {
  for (let k = 1; k < 500; k++) {
    const w = await setup();
    w.fuse.arm(
      k,
      lostBefore.map((back) => k - back),
    );
    let outcome: unknown = "hung";
    const run = operation(w).then(
      () => (outcome = null),
      (error: unknown) => (outcome = error),
    );
    await settle();
    // Waiting on a request lost in flight: the kill ends it (its promise never settles).
    if (outcome === "hung") w.fuse.kill();
    else await run;
    await settle();
    const crashed = w.fuse.crashed;
    const writes = w.fuse.writes;
    w.fuse.disarm();
    if (!crashed) expect(outcome).toBeNull();
    else if (outcome !== "hung") expect(outcome).toBeInstanceOf(CrashError);
    await recover(w, crashed, k);
    if (!crashed) return writes;
  }
  throw new Error("the operation never completed");
}

/** Three voters in the log and anchored; voter 1 may re-vote. */
async function votingWorld(): Promise<World> {
  const w = await openWorld();
  await anchorReferendum(w.deps, w.anchor, w.id);
  await vote(w, 1n, [1, 0]);
  await vote(w, 2n, [0, 1]);
  await vote(w, 3n, [1, 0]);
  await integrate(w.deps, w.id, "worker-0");
  await anchorReferendum(w.deps, w.anchor, w.id);
  return w;
}

describe("# crash recovery: every crash leaves a state that passes the audit once work resumes", () => {
  describe("## acceptance", () => {
    const paths: [string, bigint, number[]][] = [
      ["a first ballot", 4n, [0, 1]],
      ["a re-vote", 1n, [0, 1]],
    ];

    it.each(paths)("should recover %s when the client retries the same submission", async (_name, voter, votes) => {
      // What the browser sent, kept until it has a receipt (one k at a time, so one variable).
      let sent: BallotSubmission | null = null;
      const writes = await crashAtEveryWrite(
        votingWorld,
        async (w) => {
          sent = await ballotOf(w, voter, votes);
          w.receipts.push(await acceptBallot(w.deps, w.id, sent));
          w.latest.set(voter, votes);
        },
        async (w, crashed, k) => {
          if (crashed && sent) {
            w.receipts.push(await acceptBallot(w.deps, w.id, sent));
            w.latest.set(voter, votes);
          }
          await runLoops(w);
          await expectAuditPasses(w, `crash at write ${k}, retried`);
          await finishAndAudit(w, `crash at write ${k}, retried`);
        },
      );
      expect(writes).toBeGreaterThanOrEqual(3);
    });

    it.each(paths)(
      "should recover %s when the voter does not retry but re-votes later at the revision the API names",
      async (_name, voter, votes) => {
        await crashAtEveryWrite(
          votingWorld,
          async (w) => {
            const receipt = await acceptBallot(w.deps, w.id, await ballotOf(w, voter, votes));
            w.receipts.push(receipt);
            w.latest.set(voter, votes);
          },
          async (w, _crashed, k) => {
            // Some time later, from another device: the API says which revision comes next.
            await runLoops(w);
            await vote(w, voter, [1, 0]);
            await runLoops(w);
            await expectAuditPasses(w, `crash at write ${k}, re-voted`);
            await finishAndAudit(w, `crash at write ${k}, re-voted`);
          },
        );
      },
    );
  });

  describe("## sequencing", () => {
    /** Ballots waiting for the log: a re-vote of a logged ballot, a first ballot, and a re-vote of a waiting one. */
    async function queuedWorld(): Promise<World> {
      const w = await votingWorld();
      await vote(w, 1n, [0, 1]);
      await vote(w, 4n, [0, 1]);
      await vote(w, 4n, [1, 0]);
      await vote(w, 2n, [1, 0]);
      return w;
    }

    const runs: [string, (w: World) => Promise<unknown>][] = [
      ["integrate (the queue)", (w) => integrate(w.deps, w.id, "worker-0")],
      ["integrateAll (the sweep)", (w) => integrateAll(w.deps, w.id, "worker-0")],
    ];

    it("should publish the head a run signed but died before publishing (crash between HEAD and STH#<size>)", async () => {
      // Found by this harness: the head item was written, its STH item never, and an idle log
      // never wrote it, so the audit saw a final signed head short of the log (and of the tally).
      const probe = await queuedWorld();
      probe.fuse.arm(Number.POSITIVE_INFINITY);
      await integrate(probe.deps, probe.id, "worker-0");
      const k = probe.fuse.done.findIndex((write) => write.startsWith("put STH#")) + 1;
      expect(probe.fuse.done[k - 2]).toBe("put HEAD");

      const w = await queuedWorld();
      w.fuse.arm(k);
      await expect(integrate(w.deps, w.id, "worker-0")).rejects.toBeInstanceOf(CrashError);
      await settle();
      w.fuse.disarm();
      await runLoops(w);
      await expectAuditPasses(w, "crash before STH");
      await finishAndAudit(w, "crash before STH");
    });

    /** Kills `run` at every k while the writes `lost` places before k were in flight and never landed. */
    async function crashWithLostWrites(run: (w: World) => Promise<unknown>, lost: readonly number[]): Promise<void> {
      await crashAtEveryWrite(
        queuedWorld,
        run,
        async (w, _crashed, k) => {
          const label = `crash at write ${k}, writes ${lost.map((back) => k - back).join(", ")} lost in flight`;
          await runLoops(w);
          await runLoops(w);
          await expectAuditPasses(w, label);
          await finishAndAudit(w, label);
        },
        lost,
      );
    }

    it.each(runs)("should recover %s killed while the write just before was in flight and never landed", (_name, run) =>
      crashWithLostWrites(run, [1]),
    );

    // Entries written in parallel once let a kill leave entry s lost and s + 1 landed: the next run
    // collided with s + 1, took it for a lost lease, and never advanced the log again. They are
    // written in order now, so a lost write stops the run before any later one.
    it.each(runs)(
      "should recover %s killed when a parallel entry write was lost in flight and a later one landed (a gap)",
      async (_name, run) => {
        for (const lost of [[2], [3], [2, 3]]) await crashWithLostWrites(run, lost);
      },
    );

    it.each(runs)("should recover a crash at any write of %s", async (_name, run) => {
      const writes = await crashAtEveryWrite(queuedWorld, run, async (w, _crashed, k) => {
        await runLoops(w);
        await expectAuditPasses(w, `crash at write ${k}`);
        await finishAndAudit(w, `crash at write ${k}`);
      });
      expect(writes).toBeGreaterThan(10);
    });
  });

  describe("## anchoring", () => {
    /** Voting, never anchored: the first anchor run opens and checkpoints. */
    async function unanchoredWorld(): Promise<World> {
      const w = await openWorld();
      await vote(w, 1n, [1, 0]);
      await vote(w, 2n, [0, 1]);
      await integrate(w.deps, w.id, "worker-0");
      return w;
    }
    /** Anchored, with a log grown past the last checkpoint. */
    async function grownWorld(): Promise<World> {
      const w = await votingWorld();
      await vote(w, 4n, [0, 1]);
      await integrate(w.deps, w.id, "worker-0");
      return w;
    }
    /** Closed and tallied, the tally not yet on chain. */
    async function talliedWorld(): Promise<World> {
      const w = await votingWorld();
      await vote(w, 1n, [0, 1]);
      w.deps.clock.ms = w.spec.closesAt * 1000 + SEAL_SETTLE_MS;
      await sealLog(w.deps, w.id, "worker-0");
      await tallyReferendum(w.deps, COUNCIL, w.id);
      return w;
    }

    const worlds: [string, () => Promise<World>][] = [
      ["the open anchor and first checkpoint", unanchoredWorld],
      ["a checkpoint", grownWorld],
      ["the tally", talliedWorld],
    ];

    it.each(worlds)("should recover a crash at any write of anchoring %s", async (_name, setup) => {
      const writes = await crashAtEveryWrite(
        setup,
        (w) => anchorReferendum(w.deps, w.anchor, w.id),
        async (w, _crashed, k) => {
          await runLoops(w);
          await expectAuditPasses(w, `crash at write ${k}`);
          await finishAndAudit(w, `crash at write ${k}`);
        },
      );
      expect(writes).toBeGreaterThanOrEqual(2);
    });
  });

  describe("## tally", () => {
    it("should recover a crash at any write of the tally, the council retrying it", async () => {
      const writes = await crashAtEveryWrite(
        async () => {
          const w = await votingWorld();
          await vote(w, 3n, [0, 1]);
          w.deps.clock.ms = w.spec.closesAt * 1000 + SEAL_SETTLE_MS;
          await sealLog(w.deps, w.id, "worker-0");
          return w;
        },
        (w) => tallyReferendum(w.deps, COUNCIL, w.id),
        async (w, _crashed, k) => {
          if ((await getReferendum(w.deps, w.id)).state !== "tallied") await tallyReferendum(w.deps, COUNCIL, w.id);
          await runLoops(w);
          await expectAuditPasses(w, `crash at write ${k}`);
          await finishAndAudit(w, `crash at write ${k}`);
        },
      );
      expect(writes).toBeGreaterThanOrEqual(2);
    });
  });
});
