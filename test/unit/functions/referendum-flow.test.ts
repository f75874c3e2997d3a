import { hexToBytes } from "@noble/hashes/utils";
import { approval, leafHash, rootOf, verifyConsistency, verifyInclusion } from "../../../protocol";
import { BlingError } from "../../../functions/api/errors";
import { verifyReceipt, verifyTreeHead, type Receipt } from "../../../protocol/log-objects";
import { specHash } from "../../../protocol/spec";
import { anchorReferendum } from "../../../functions/core/anchoring";
import { SEAL_SETTLE_MS, sealLog } from "../../../functions/core/closing";
import { acceptBallot, getReceipt } from "../../../functions/core/ballot-service";
import { createCensus, issueCodes, register } from "../../../functions/core/census-service";
import {
  closeReferendum,
  createReferendum,
  getReferendum,
  openReferendum,
  updateDraft,
} from "../../../functions/core/referendum-service";
import { integrate } from "../../../functions/core/sequencer";
import { computeTally, getTally, tallyReferendum } from "../../../functions/core/tally";
import {
  consistencyBetween,
  inclusionByHash,
  readAllEntries,
  readHead,
} from "../../../functions/core/ballot-log-table";
import type { ReferendumSpec } from "../../../protocol/spec";
import { SIGNAL } from "../../../protocol/constants";
import { coreDeps, draftOf, fakeBallot, FakeChain } from "../../fixtures/core-fixtures";

const COUNCIL = "council-a";

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof BlingError ? error.code : String(error)),
  );

/** A census of `voters` registered commitments and an open referendum on it. */
async function openReferendumWith(options: Parameters<typeof draftOf>[2] = {}, voters = 3) {
  const deps = coreDeps();
  const census = await createCensus(deps, COUNCIL, "Town");
  const codes = await issueCodes(deps, COUNCIL, census.id, voters);
  for (const [i, code] of codes.entries()) await register(deps, census.id, code, String(500 + i));
  const draft = await createReferendum(deps, COUNCIL, draftOf(census.id, deps.clock.now(), options));
  const record = await openReferendum(deps, COUNCIL, draft.id);
  return { deps, record, spec: record.spec as ReferendumSpec, id: record.id };
}

describe("# referendum lifecycle", () => {
  it("should draft, update and open a referendum, freezing census root and spec hash", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, COUNCIL, "Town");
    const draft = await createReferendum(deps, COUNCIL, draftOf(census.id, deps.clock.now()));
    expect(draft.state).toBe("draft");
    expect(await codeOf(openReferendum(deps, COUNCIL, draft.id))).toBe("CENSUS_EMPTY");
    const [code] = await issueCodes(deps, COUNCIL, census.id, 1);
    await register(deps, census.id, code!, "777");
    const updated = await updateDraft(
      deps,
      COUNCIL,
      draft.id,
      draftOf(census.id, deps.clock.now(), { title: "New title" }),
    );
    expect(updated.draft.title).toBe("New title");
    expect(await codeOf(openReferendum(deps, "council-b", draft.id))).toBe("FORBIDDEN");
    const opened = await openReferendum(deps, COUNCIL, draft.id);
    expect(opened.state).toBe("open");
    expect(opened.spec?.census).toMatchObject({ size: 1, depth: 20 });
    expect(opened.specHash).toBe(specHash(opened.spec!));
    expect(opened.spec?.logPublicKey).toBe(deps.signer.publicKeyHex);
    expect(await codeOf(openReferendum(deps, COUNCIL, draft.id))).toBe("REFERENDUM_STATE");
    expect(await codeOf(updateDraft(deps, COUNCIL, draft.id, draftOf(census.id, deps.clock.now())))).toBe(
      "REFERENDUM_STATE",
    );
  });

  it("should refuse a census of another council", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, COUNCIL, "Town");
    expect(await codeOf(createReferendum(deps, "council-b", draftOf(census.id, deps.clock.now())))).toBe("FORBIDDEN");
  });

  it("should refuse approval of more options than there are, and a closing time already past, naming the field", async () => {
    const deps = coreDeps();
    const census = await createCensus(deps, COUNCIL, "Town");
    const now = deps.clock.now();
    const nowSeconds = Math.floor(now / 1000);
    const problem = async (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (error instanceof BlingError ? { code: error.code, details: error.details } : error),
      );
    const approvalOf = (maxApprovals: number) =>
      draftOf(census.id, now, { options: ["A", "B", "C"], rules: { preset: "approval", maxApprovals } });
    const before = deps.store.size;
    expect(await problem(createReferendum(deps, COUNCIL, approvalOf(4)))).toEqual({
      code: "INPUT_INVALID",
      details: [{ path: "rules.maxApprovals", message: expect.stringMatching(/3/) as unknown }],
    });
    for (const closesAt of [nowSeconds, nowSeconds - 1]) {
      expect(
        await problem(createReferendum(deps, COUNCIL, draftOf(census.id, now, { opensAt: closesAt - 60, closesAt }))),
      ).toEqual({ code: "INPUT_INVALID", details: [{ path: "closesAt", message: expect.any(String) as unknown }] });
    }
    expect(deps.store.size).toBe(before);
    // Opening in the past means "open at once".
    const draft = await createReferendum(deps, COUNCIL, draftOf(census.id, now, { opensAt: nowSeconds - 3600 }));
    expect((await createReferendum(deps, COUNCIL, approvalOf(3))).draft.rules).toEqual({
      preset: "approval",
      maxApprovals: 3,
    });
    deps.clock.advance(3_600_000);
    // The same draft, once its closing time has passed, cannot be saved again.
    expect(await problem(updateDraft(deps, COUNCIL, draft.id, draft.draft))).toMatchObject({
      code: "INPUT_INVALID",
      details: [{ path: "closesAt" }],
    });
    expect(
      await problem(updateDraft(deps, COUNCIL, draft.id, { ...approvalOf(5), closesAt: nowSeconds + 7200 })),
    ).toMatchObject({
      code: "INPUT_INVALID",
      details: [{ path: "rules.maxApprovals" }],
    });
    expect(
      await problem(updateDraft(deps, COUNCIL, draft.id, { ...draft.draft, closesAt: nowSeconds + 7200 })),
    ).toBeNull();
  });
});

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

describe("# sequencer and log", () => {
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

  it("should let one sequencer hold a referendum's lease at a time", async () => {
    const { deps, spec, id } = await openReferendumWith();
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    await integrate(deps, id, "seq-1");
    await acceptBallot(deps, id, fakeBallot(spec, 2n, [1, 0]));
    expect((await integrate(deps, id, "seq-2")).leased).toBe(false);
    deps.clock.advance(31_000);
    expect(await integrate(deps, id, "seq-2")).toMatchObject({ leased: true, integrated: 1, size: 2 });
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

describe("# tally and anchoring", () => {
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

  it("should tally only a sealed log, and seal every queued ballot into it", async () => {
    const { deps, spec, id } = await openReferendumWith();
    await acceptBallot(deps, id, fakeBallot(spec, 1n, [1, 0]));
    deps.clock.advance(3600 * 1000);
    expect(await codeOf(tallyReferendum(deps, COUNCIL, id))).toBe("BUSY");
    deps.clock.advance(SEAL_SETTLE_MS);
    await sealLog(deps, id, "seq");
    await tallyReferendum(deps, COUNCIL, id);
    expect((await getTally(deps, id)).logSize).toBe(1);
  });
});
