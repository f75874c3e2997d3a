import { hexToBytes } from "@noble/hashes/utils.js";
import { leafHash, rootOf } from "../../../../protocol";
import { anchorReferendum } from "../../../../functions/core/anchoring";
import { acceptBallot } from "../../../../functions/core/ballot-service";
import { SEAL_SETTLE_MS, sealLog } from "../../../../functions/core/closing";
import { getReferendum } from "../../../../functions/core/referendum-service";
import { integrate } from "../../../../functions/core/sequencer";
import { getTally, tallyReferendum } from "../../../../functions/core/tally";
import { COUNCIL, codeOf, fakeBallot, FakeChain, openReferendumWith } from "../../../fixtures/core-fixtures";

describe("# anchoring", () => {
  it("should tally after close, anchor open, checkpoints and tally once each, and catch up after the chain was down", async () => {
    const { deps, spec, id, record } = await openReferendumWith({ options: ["Yes", "No"] }, 4);
    const chain = new FakeChain();
    chain.down = true;
    await expect(anchorReferendum(deps, chain, id)).rejects.toThrow(/unreachable/);
    await Promise.all([1n, 2n, 3n].map((n, i) => acceptBallot(deps, id, fakeBallot(spec, n, i < 2 ? [1, 0] : [0, 1]))));
    chain.down = false;
    await anchorReferendum(deps, chain, id);
    await anchorReferendum(deps, chain, id);
    expect(chain.writes).toEqual([`open ${id}`]);
    expect(chain.opened(BigInt(id))).toBe(`0x${record.specHash}`);

    await integrate(deps, id, "seq");
    await anchorReferendum(deps, chain, id);
    await anchorReferendum(deps, chain, id);
    expect(chain.writes).toEqual([`open ${id}`, `checkpoint ${id} 3`]);

    expect(await codeOf(tallyReferendum(deps, COUNCIL, id))).toBe("REFERENDUM_STATE");
    deps.clock.advance(3600 * 1000 + SEAL_SETTLE_MS);
    expect(await codeOf(getTally(deps, id))).toBe("TALLY_NOT_READY");
    await sealLog(deps, id, "seq");
    await tallyReferendum(deps, COUNCIL, id);
    const tally = await getTally(deps, id);
    expect(tally.counts.slice(0, 2)).toEqual(["2", "1"]);
    expect(tally).toMatchObject({ logSize: 3, voters: 3, ballots: 3 });
    const nullifiers = [1n, 2n, 3n].map((n) => leafHash(hexToBytes(n.toString(16).padStart(64, "0"))));
    expect(tally.nullifierSetRoot).toBe(Buffer.from(rootOf(nullifiers)).toString("hex"));
    expect(await codeOf(tallyReferendum(deps, COUNCIL, id))).toBe("REFERENDUM_STATE");

    chain.down = true;
    await expect(anchorReferendum(deps, chain, id)).rejects.toThrow();
    chain.down = false;
    await anchorReferendum(deps, chain, id);
    await anchorReferendum(deps, chain, id);
    expect(chain.writes).toEqual([`open ${id}`, `checkpoint ${id} 3`, `closing ${id} 3`, `tally ${id}`]);
    expect((await getReferendum(deps, id)).anchors).toEqual({
      opened: true,
      checkpointSize: 3,
      closed: true,
      tallied: true,
    });
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
