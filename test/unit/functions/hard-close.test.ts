import { EMPTY_ROOT } from "../../../protocol";
import { BlingError } from "../../../functions/api/errors";
import { anchorReferendum } from "../../../functions/core/anchoring";
import { acceptBallot } from "../../../functions/core/ballot-service";
import { createCensus, issueCodes, register } from "../../../functions/core/census-service";
import { SEAL_SETTLE_MS, sealLog } from "../../../functions/core/closing";
import { sequenceAll } from "../../../functions/core/sequence-and-anchor";
import {
  closeReferendum,
  createReferendum,
  effectiveClose,
  getReferendum,
  isAccepting,
  openReferendum,
  stateAt,
} from "../../../functions/core/referendum-service";
import { integrate } from "../../../functions/core/sequencer";
import { getTally, tallyReferendum } from "../../../functions/core/tally";
import { readHead, readTreeHeads } from "../../../functions/core/ballot-log-table";
import type { ReferendumSpec } from "../../../protocol/spec";
import { coreDeps, draftOf, fakeBallot, FakeChain } from "../../fixtures/core-fixtures";

const COUNCIL = "council-a";

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof BlingError ? error.code : String(error)),
  );

async function openReferendumWith(voters = 3) {
  const deps = coreDeps();
  const census = await createCensus(deps, COUNCIL, "Town");
  const codes = await issueCodes(deps, COUNCIL, census.id, voters);
  for (const [i, code] of codes.entries()) await register(deps, census.id, code, String(500 + i));
  const draft = await createReferendum(deps, COUNCIL, draftOf(census.id, deps.clock.now()));
  const record = await openReferendum(deps, COUNCIL, draft.id);
  const spec = record.spec as ReferendumSpec;
  return { deps, spec, id: record.id, closesAtMs: spec.closesAt * 1000 };
}

describe("# the effective close", () => {
  it("[attack: late ballot] should read closed and accept nothing from closesAt on, without a council action", async () => {
    const { deps, spec, id, closesAtMs } = await openReferendumWith();
    deps.clock.ms = closesAtMs - 1;
    const record = await getReferendum(deps, id);
    expect(isAccepting(record, deps.clock.now())).toBe(true);
    expect(stateAt(record, deps.clock.now())).toBe("open");
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    for (const late of [0, 14, 37, 60_000]) {
      deps.clock.ms = closesAtMs + late;
      expect(stateAt(record, deps.clock.now())).toBe("closed");
      expect(isAccepting(record, deps.clock.now())).toBe(false);
      expect(await codeOf(acceptBallot(deps, id, fakeBallot(spec, 2n, [1, 0])))).toBe("REFERENDUM_NOT_OPEN");
    }
    expect((await getReferendum(deps, id)).state).toBe("open");
  });

  it("should record an early close in whole seconds, rounded up, and close the referendum at it", async () => {
    const { deps, spec, id } = await openReferendumWith();
    deps.clock.advance(60_500);
    const closed = await closeReferendum(deps, COUNCIL, id);
    expect(closed.closedAt).toBe(Math.ceil(deps.clock.now() / 1000));
    expect(effectiveClose(closed)).toBe(closed.closedAt);
    expect(stateAt(closed, deps.clock.now())).toBe("closed");
    expect(await codeOf(acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0])))).toBe("REFERENDUM_NOT_OPEN");
    expect(await codeOf(closeReferendum(deps, COUNCIL, id))).toBe("REFERENDUM_STATE");
  });

  it("should refuse an early close once the scheduled close has passed", async () => {
    const { deps, id, closesAtMs } = await openReferendumWith();
    deps.clock.ms = closesAtMs;
    expect(await codeOf(closeReferendum(deps, COUNCIL, id))).toBe("REFERENDUM_STATE");
  });
});

describe("# the closing checkpoint", () => {
  it("[attack: tally before close] should refuse to tally before the close and before the seal", async () => {
    const { deps, spec, id, closesAtMs } = await openReferendumWith();
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    expect(await codeOf(tallyReferendum(deps, COUNCIL, id))).toBe("REFERENDUM_STATE");
    deps.clock.ms = closesAtMs;
    // Closed, but ballots stamped just before the close may still be landing: not sealed yet.
    expect(await sealLog(deps, id, "seq")).toBeNull();
    expect(await codeOf(tallyReferendum(deps, COUNCIL, id))).toBe("BUSY");
    deps.clock.advance(SEAL_SETTLE_MS);
    const closing = await sealLog(deps, id, "seq");
    expect(closing).toMatchObject({ size: 1, closedAt: spec.closesAt, sealedAt: deps.clock.now() });
    await tallyReferendum(deps, COUNCIL, id);
    expect(await getTally(deps, id)).toMatchObject({ logSize: 1, counts: ["1", "0", "0", "0", "0", "0", "0", "0"] });
  });

  it("should seal an early close and let the council tally at once", async () => {
    const { deps, spec, id } = await openReferendumWith();
    await Promise.all([1n, 2n].map((n) => acceptBallot(deps, id, fakeBallot(spec, n, [0, 1]))));
    await closeReferendum(deps, COUNCIL, id);
    deps.clock.advance(1000 + SEAL_SETTLE_MS);
    await sequenceAll(deps, "worker");
    const { closing } = await getReferendum(deps, id);
    expect(closing).toMatchObject({ size: 2, closedAt: (await getReferendum(deps, id)).closedAt });
    await tallyReferendum(deps, COUNCIL, id);
    expect((await getTally(deps, id)).counts.slice(0, 2)).toEqual(["0", "2"]);
  });

  it("should tally exactly the closing log, even when a write lands in the log after the seal", async () => {
    const { deps, spec, id, closesAtMs } = await openReferendumWith();
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    deps.clock.ms = closesAtMs + SEAL_SETTLE_MS;
    const closing = await sealLog(deps, id, "seq");
    // A ballot stamped before the close whose write lands only after the seal: the acceptance
    // fence takes it back before any receipt leaves, and the sequencer appends nothing more.
    deps.clock.ms = closesAtMs - 1;
    expect(await codeOf(acceptBallot(deps, id, fakeBallot(spec, 2n, [0, 1])))).toBe("REFERENDUM_NOT_OPEN");
    deps.clock.ms = closesAtMs + SEAL_SETTLE_MS + 10;
    await integrate(deps, id, "seq");
    expect((await readHead(deps, id)).size).toBe(1);
    await tallyReferendum(deps, COUNCIL, id);
    const tally = await getTally(deps, id);
    expect(tally).toMatchObject({ logSize: 1, logRoot: closing?.root, ballots: 1 });
    expect(tally.counts.slice(0, 2)).toEqual(["1", "0"]);
  });

  it("should sign a head of size 0 when sealing an empty log, and repeat a seal harmlessly", async () => {
    const { deps, id, closesAtMs } = await openReferendumWith();
    deps.clock.ms = closesAtMs + SEAL_SETTLE_MS;
    const closing = await sealLog(deps, id, "seq");
    expect(closing).toMatchObject({ size: 0, root: Buffer.from(EMPTY_ROOT).toString("hex") });
    const [head] = await readTreeHeads(deps, id, 0, 10);
    expect(head).toMatchObject({ treeSize: 0, rootHash: closing?.root });
    deps.clock.advance(5000);
    expect(await sealLog(deps, id, "seq")).toEqual(closing);
    expect((await getReferendum(deps, id)).closing).toEqual(closing);
  });

  it("should not seal while another sequencer holds the lease", async () => {
    const { deps, id, closesAtMs } = await openReferendumWith();
    deps.clock.ms = closesAtMs + SEAL_SETTLE_MS;
    await integrate(deps, id, "other");
    expect(await sealLog(deps, id, "seq")).toBeNull();
    deps.clock.advance(30_000);
    expect(await sealLog(deps, id, "seq")).not.toBeNull();
  });
});

describe("# anchoring reconciled with the chain", () => {
  it("[attack: lost anchor] should re-send the open and the latest checkpoint the chain lost", async () => {
    const { deps, spec, id } = await openReferendumWith();
    const chain = new FakeChain();
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    await integrate(deps, id, "seq");
    await anchorReferendum(deps, chain, id);
    expect((await getReferendum(deps, id)).anchors).toMatchObject({ opened: true, checkpointSize: 1 });
    await acceptBallot(deps, id, fakeBallot(spec, 2n, [1, 0]));
    await integrate(deps, id, "seq");
    // The chain restarts without its state (or a reorg drops the blocks): the record's flags lie.
    chain.reset();
    const run = await anchorReferendum(deps, chain, id);
    expect(run).toMatchObject({ opened: true, checkpointed: 2, waiting: null });
    expect(chain.writes).toEqual([`open ${id}`, `checkpoint ${id} 1`, `open ${id}`, `checkpoint ${id} 2`]);
    expect(chain.checkpoints(BigInt(id))).toEqual([{ size: 2, root: expect.any(String) as string }]);
    expect((await getReferendum(deps, id)).anchors).toMatchObject({ opened: true, checkpointSize: 2 });
  });

  it("should wait for confirmations, never re-sending a write the latest block holds", async () => {
    const { deps, spec, id } = await openReferendumWith();
    const chain = new FakeChain();
    chain.holdConfirmations = true;
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    await integrate(deps, id, "seq");
    expect(await anchorReferendum(deps, chain, id)).toMatchObject({ opened: true, waiting: "open" });
    expect(await anchorReferendum(deps, chain, id)).toMatchObject({ opened: false, waiting: "open" });
    expect(chain.writes).toEqual([`open ${id}`]);
    expect((await getReferendum(deps, id)).anchors.opened).toBe(false);
    chain.confirm();
    expect(await anchorReferendum(deps, chain, id)).toMatchObject({ checkpointed: 1, waiting: "checkpoint" });
    expect((await getReferendum(deps, id)).anchors).toMatchObject({ opened: true, checkpointSize: 0 });
    await anchorReferendum(deps, chain, id);
    expect(chain.writes).toEqual([`open ${id}`, `checkpoint ${id} 1`]);
    chain.confirm();
    await anchorReferendum(deps, chain, id);
    expect((await getReferendum(deps, id)).anchors).toMatchObject({ opened: true, checkpointSize: 1 });
  });

  it("[attack: checkpoint after close] should anchor the closing head and no checkpoint after the seal", async () => {
    const { deps, spec, id, closesAtMs } = await openReferendumWith();
    const chain = new FakeChain();
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    await integrate(deps, id, "seq");
    await anchorReferendum(deps, chain, id);
    deps.clock.ms = closesAtMs + SEAL_SETTLE_MS;
    await sealLog(deps, id, "seq");
    // A write landing after the seal (the race the acceptance fence withdraws) is never anchored.
    deps.clock.ms = closesAtMs - 1;
    expect(await codeOf(acceptBallot(deps, id, fakeBallot(spec, 2n, [1, 0])))).toBe("REFERENDUM_NOT_OPEN");
    deps.clock.ms = closesAtMs + SEAL_SETTLE_MS + 10;
    await integrate(deps, id, "seq");
    await anchorReferendum(deps, chain, id);
    await anchorReferendum(deps, chain, id);
    expect(chain.writes).toEqual([`open ${id}`, `checkpoint ${id} 1`, `closing ${id} 1`]);
    expect(chain.closing(BigInt(id))).toMatchObject({ closedAt: spec.closesAt, logSize: 1 });
    expect((await getReferendum(deps, id)).anchors).toMatchObject({ closed: true, checkpointSize: 1 });
  });

  it("should refuse to go on when the chain holds another closing than the sealed one", async () => {
    const { deps, id, closesAtMs } = await openReferendumWith();
    const chain = new FakeChain();
    await anchorReferendum(deps, chain, id);
    await chain.closeLog({ id: BigInt(id), closedAt: 1, logSize: 5, logRoot: `0x${"ab".repeat(32)}` });
    deps.clock.ms = closesAtMs + SEAL_SETTLE_MS;
    await sealLog(deps, id, "seq");
    await expect(anchorReferendum(deps, chain, id)).rejects.toThrow(/not the sealed log/);
  });
});
