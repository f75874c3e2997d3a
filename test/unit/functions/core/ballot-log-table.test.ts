import { hexToBytes } from "@noble/hashes/utils.js";
import { rootOf, verifyConsistency, verifyInclusion } from "../../../../protocol";
import { verifyReceipt, verifyTreeHead, type Receipt } from "../../../../protocol/log-objects";
import { acceptBallot, getReceipt } from "../../../../functions/core/ballot-service";
import { integrate } from "../../../../functions/core/sequencer";
import {
  consistencyBetween,
  inclusionByHash,
  readAllEntries,
  readHead,
} from "../../../../functions/core/ballot-log-table";
import { codeOf, fakeBallot, openReferendumWith } from "../../../fixtures/core-fixtures";

describe("# the RFC 6962 log", () => {
  it("should integrate queued ballots into an RFC 6962 log with signed heads, inclusion and consistency proofs", async () => {
    const { deps, spec, id } = await openReferendumWith({}, 3);
    const first = await Promise.all([1n, 2n, 3n].map((n) => acceptBallot(deps, id, fakeBallot(spec, n, [1, 0]))));
    expect(await integrate(deps, id, "seq-1")).toEqual({ leased: true, integrated: 3, size: 3 });
    const head3 = (await readHead(deps, id)).sth!;
    deps.clock.advance(10);
    await Promise.all([4n, 5n].map((n) => acceptBallot(deps, id, fakeBallot(spec, n, [0, 1]))));
    expect(await integrate(deps, id, "seq-1")).toEqual({ leased: true, integrated: 2, size: 5 });
    const head5 = (await readHead(deps, id)).sth!;
    expect(verifyTreeHead(head5, deps.signer.publicKeyHex)).toBe(true);
    expect(verifyTreeHead({ ...head5, treeSize: 4 }, deps.signer.publicKeyHex)).toBe(false);

    const entries = await readAllEntries(deps, id, 5);
    expect(head5.rootHash).toBe(Buffer.from(rootOf(entries.map((e) => hexToBytes(e.entryHash)))).toString("hex"));
    for (const receipt of first) {
      const current: Receipt = await getReceipt(deps, id, receipt.ballotId);
      expect(current.status).toBe("integrated");
      expect(verifyReceipt(current, deps.signer.publicKeyHex)).toBe(true);
      const byHash = await inclusionByHash(deps, id, receipt.entryHash, 3);
      expect(
        verifyInclusion(
          hexToBytes(receipt.entryHash),
          byHash.sequence,
          3,
          byHash.proof.map(hexToBytes),
          hexToBytes(head3.rootHash),
        ),
      ).toBe(true);
    }
    const proof = await consistencyBetween(deps, id, 3, 5);
    expect(verifyConsistency(3, 5, hexToBytes(head3.rootHash), hexToBytes(head5.rootHash), proof.map(hexToBytes))).toBe(
      true,
    );
    expect(await codeOf(consistencyBetween(deps, id, 3, 6))).toBe("LOG_RANGE_INVALID");
    expect(await codeOf(inclusionByHash(deps, id, first[0]!.entryHash, 9))).toBe("LOG_RANGE_INVALID");
  });
});
