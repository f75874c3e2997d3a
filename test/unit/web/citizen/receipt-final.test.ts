/** The receipt page's last check: in the anchored final log, or the signed promise as evidence. */
import { bytesToHex } from "@noble/hashes/utils.js";
import { inclusionRanges, leafHash, rootOf } from "../../../../protocol";
import { promiseOf } from "../../../../audit/receipt-checks";
import type { Receipt } from "../../../../protocol/log-objects";
import { checkFinalInclusion, promiseFile, promiseFileName } from "../../../../web/components/citizen/receipt-final";

const leaves = Array.from({ length: 7 }, (_, i) => leafHash(new Uint8Array([i])));
const root = bytesToHex(rootOf(leaves));
const proofOf = (index: number) => ({
  sequence: index,
  proof: inclusionRanges(index, leaves.length).map(([s, e]) => bytesToHex(rootOf(leaves.slice(s, e)))),
});

describe("# the final check of a receipt", () => {
  it("should find an entry under the anchored root, and call it missing otherwise", () => {
    const final = { logSize: leaves.length, logRoot: root };
    const mine = { entryHash: bytesToHex(leaves[4]!) };
    expect(checkFinalInclusion(mine, final, proofOf(4))).toEqual({ state: "included", position: 5, size: 7 });
    // The service says it is not there, or proves it under another root.
    expect(checkFinalInclusion(mine, final, null)).toEqual({ state: "missing" });
    expect(checkFinalInclusion(mine, { ...final, logRoot: "00".repeat(32) }, proofOf(4))).toEqual({ state: "missing" });
    expect(checkFinalInclusion(mine, final, proofOf(3))).toEqual({ state: "missing" });
    expect(checkFinalInclusion(mine, final, { sequence: 4, proof: ["zz"] })).toEqual({ state: "missing" });
  });

  it("should write the signed promise as a file bling verify --receipts reads", () => {
    const receipt = {
      referendumId: "42",
      ballotId: "b".repeat(64),
      entryHash: "e".repeat(64),
      entry: { type: "bling.ballot.v1", referendumId: "42", revision: 1, receivedAt: 1_800_000_000 },
      promise: { receivedAt: 1_800_000_000, signature: "5".repeat(128) },
      status: "queued",
    } as unknown as Receipt;
    expect(promiseOf(JSON.parse(promiseFile(receipt)))).toEqual({
      type: "bling.promise.v1",
      referendumId: "42",
      entryHash: "e".repeat(64),
      receivedAt: 1_800_000_000,
      signature: "5".repeat(128),
    });
    expect(promiseFileName(receipt)).toBe("bling-promise-eeeeeeeeeeeeeeee.json");
  });
});
