import { EMPTY_ROOT } from "../../../../protocol";
import { acceptBallot } from "../../../../functions/core/ballot-service";
import { SEAL_SETTLE_MS, sealLog } from "../../../../functions/core/closing";
import { sequenceAll } from "../../../../functions/core/sequence-and-anchor";
import { closeReferendum, getReferendum } from "../../../../functions/core/referendum-service";
import { integrate } from "../../../../functions/core/sequencer";
import { getTally, tallyReferendum } from "../../../../functions/core/tally";
import { readHead, readTreeHeads } from "../../../../functions/core/ballot-log-table";
import { COUNCIL, codeOf, fakeBallot, openReferendumWith } from "../../../fixtures/core-fixtures";

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
