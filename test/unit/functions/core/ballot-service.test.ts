import { approval } from "../../../../protocol";
import { BlingError } from "../../../../functions/api/errors";
import { verifyReceipt, type Receipt } from "../../../../protocol/log-objects";
import { acceptBallot } from "../../../../functions/core/ballot-service";
import { closeReferendum } from "../../../../functions/core/referendum-service";
import { integrate } from "../../../../functions/core/sequencer";
import { computeTally } from "../../../../functions/core/tally";
import { readAllEntries } from "../../../../functions/core/ballot-log-table";
import { SIGNAL } from "../../../../protocol/constants";
import { COUNCIL, codeOf, fakeBallot, openReferendumWith } from "../../../fixtures/core-fixtures";

describe("# ballot acceptance", () => {
  it("should queue a ballot with a signed promise and answer a retry with the same receipt", async () => {
    const { deps, spec, id } = await openReferendumWith();
    const ballot = fakeBallot(spec, 41n, [1, 0]);
    const receipt = await acceptBallot(deps, id, ballot);
    expect(receipt).toMatchObject({ status: "queued", referendumId: id, entry: { revision: 1 } });
    expect(verifyReceipt(receipt, deps.signer.publicKeyHex)).toBe(true);
    expect(verifyReceipt({ ...receipt, entryHash: "00".repeat(32) }, deps.signer.publicKeyHex)).toBe(false);
    const writes = deps.store.size;
    deps.clock.advance(1000);
    expect(await acceptBallot(deps, id, ballot)).toEqual(receipt);
    expect(deps.store.size).toBe(writes);
  });

  it("should refuse each mismatch with its code and write nothing", async () => {
    const { deps, spec, id } = await openReferendumWith();
    await acceptBallot(deps, id, fakeBallot(spec, 41n, [1, 0]));
    const writes = deps.store.size;
    const cases: [ReturnType<typeof fakeBallot>, string][] = [
      [fakeBallot(spec, 41n, [0, 1]), "BALLOT_NULLIFIER_USED"],
      [fakeBallot(spec, 42n, [1, 0], { root: 1234n }), "BALLOT_CENSUS_ROOT_MISMATCH"],
      [fakeBallot(spec, 42n, [1, 0], { referendumId: 99n }), "BALLOT_REFERENDUM_MISMATCH"],
      [fakeBallot(spec, 42n, [1, 0], { rules: approval(2, 2) }), "BALLOT_RULES_MISMATCH"],
      [fakeBallot(spec, 42n, [0, 0, 1]), "BALLOT_VOTES_INVALID"],
      [fakeBallot(spec, 42n, [1, 0], { tampered: true }), "BALLOT_PROOF_INVALID"],
      [
        {
          ...fakeBallot(spec, 42n, [1, 0]),
          publicSignals: fakeBallot(spec, 42n, [1, 0]).publicSignals.map((s, i) => (i === 0 ? `0${s}` : s)),
        },
        "BALLOT_MALFORMED",
      ],
    ];
    for (const [ballot, code] of cases) expect(await codeOf(acceptBallot(deps, id, ballot))).toBe(code);
    expect(deps.store.size).toBe(writes);
    expect(await codeOf(acceptBallot(deps, "12345", fakeBallot(spec, 43n, [1, 0])))).toBe("REFERENDUM_NOT_FOUND");
  });

  it("should accept ballots only between opening and closing", async () => {
    const { deps, spec, id } = await openReferendumWith();
    deps.clock.advance(-1000);
    expect(await codeOf(acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0])))).toBe("REFERENDUM_NOT_OPEN");
    deps.clock.advance(1000 + 3600 * 1000);
    expect(await codeOf(acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0])))).toBe("REFERENDUM_NOT_OPEN");
    deps.clock.advance(-10_000);
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    await closeReferendum(deps, COUNCIL, id);
    expect(await codeOf(acceptBallot(deps, id, fakeBallot(spec, 2n, [1, 0])))).toBe("REFERENDUM_NOT_OPEN");
  });

  it("should let exactly one of 50 concurrent ballots of one nullifier in when re-voting is off", async () => {
    const { deps, spec, id } = await openReferendumWith();
    // Two different ballots of one voter, each sent 25 times with re-randomised proofs.
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        acceptBallot(deps, id, fakeBallot(spec, 77n, i % 2 ? [1, 0] : [0, 1], { salt: i })).then(
          (receipt) => receipt.ballotId,
          (error: unknown) => (error instanceof BlingError ? error.code : String(error)),
        ),
      ),
    );
    const accepted = results.filter((r) => r !== "BALLOT_NULLIFIER_USED");
    expect(new Set(accepted).size).toBe(1);
    expect(accepted).toHaveLength(25);
    expect((await integrate(deps, id, "seq")).integrated).toBe(1);
  });

  it("should give each revision of a nullifier to exactly one of 20 concurrent ballots, and count only the latest", async () => {
    const { deps, spec, id } = await openReferendumWith({ revoting: true });
    const receipts = [];
    for (let revision = 1; revision <= 3; revision++) {
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          acceptBallot(deps, id, fakeBallot(spec, 77n, [i % 2, 1 - (i % 2)], { revision, salt: i })).catch(
            (error: unknown) => (error instanceof BlingError ? error.code : String(error)),
          ),
        ),
      );
      const won = outcomes.filter((o): o is Receipt => typeof o !== "string");
      expect(new Set(won.map((r) => r.ballotId)).size).toBe(1);
      expect(outcomes.filter((o) => typeof o === "string")).toEqual(
        Array<string>(20 - won.length).fill("BALLOT_REVISION_CONFLICT"),
      );
      receipts.push(won[0]!);
    }
    await integrate(deps, id, "seq");
    const { counts, voters, ballots } = computeTally(await readAllEntries(deps, id, 3));
    expect({ voters, ballots }).toEqual({ voters: 1, ballots: 3 });
    const votes = receipts[2]!.entry.ballot.publicSignals.slice(SIGNAL.vote, SIGNAL.vote + 2);
    expect(counts.slice(0, 2)).toEqual(votes);
  });
});
