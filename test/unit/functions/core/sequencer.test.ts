import { hexToBytes } from "@noble/hashes/utils.js";
import { rootOf } from "../../../../protocol";
import { verifyReceipt } from "../../../../protocol/log-objects";
import { acceptBallot, getReceipt } from "../../../../functions/core/ballot-service";
import { acquireLease, integrate } from "../../../../functions/core/sequencer";
import { readAllEntries, readHead } from "../../../../functions/core/ballot-log-table";
import { fakeBallot, openReferendumWith } from "../../../fixtures/core-fixtures";

describe("# sequencer", () => {
  it("should let one sequencer hold a referendum's lease at a time", async () => {
    const { deps, spec, id } = await openReferendumWith();
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    await integrate(deps, id, "seq-1");
    await acceptBallot(deps, id, fakeBallot(spec, 2n, [1, 0]));
    expect((await integrate(deps, id, "seq-2")).leased).toBe(false);
    deps.clock.advance(31_000);
    expect(await integrate(deps, id, "seq-2")).toMatchObject({ leased: true, integrated: 1, size: 2 });
  });

  it("should let one owner's concurrent renewals all hold the lease (a tick during the loop's own run)", async () => {
    const { deps, id } = await openReferendumWith();
    expect(await acquireLease(deps, id, "owner-a", 30_000)).toBe(true);
    deps.clock.advance(1000);
    const both = await Promise.all([
      acquireLease(deps, id, "owner-a", 30_000),
      acquireLease(deps, id, "owner-a", 30_000),
    ]);
    expect(both).toEqual([true, true]);
    expect(await acquireLease(deps, id, "owner-b", 30_000)).toBe(false);
  });

  it("should recover from a crash at any write: every ballot in the log exactly once, roots consistent", async () => {
    for (let crashAfter = 1; crashAfter < 30; crashAfter++) {
      const { deps, spec, id } = await openReferendumWith();
      const receipts = await Promise.all(
        [1n, 2n, 3n, 4n].map((n) => acceptBallot(deps, id, fakeBallot(spec, n, [1, 0]))),
      );
      const realPut = deps.store.put.bind(deps.store);
      let writes = 0;
      deps.store.put = async (item, condition) => {
        if (++writes > crashAfter) throw new Error("crash");
        return realPut(item, condition);
      };
      await integrate(deps, id, "seq-1").catch(() => undefined);
      deps.store.put = realPut;
      deps.clock.advance(31_000);
      await integrate(deps, id, "seq-2");
      const head = await readHead(deps, id);
      const entries = await readAllEntries(deps, id, head.size);
      expect(entries.map((e) => e.ballotId).sort()).toEqual(receipts.map((r) => r.ballotId).sort());
      expect(head.sth!.rootHash).toBe(Buffer.from(rootOf(entries.map((e) => hexToBytes(e.entryHash)))).toString("hex"));
      for (const receipt of receipts)
        expect(verifyReceipt(await getReceipt(deps, id, receipt.ballotId), deps.signer.publicKeyHex)).toBe(true);
    }
  });
});
