import fc from "fast-check";
import { ZeroAddress, type HDNodeWallet } from "ethers";
import { SNARK_FIELD_SIZE, VOTE_OPTIONS } from "../../../protocol/constants";
import {
  approval,
  cumulative,
  quadratic,
  rulesProblems,
  singleChoice,
  yesNo,
  type BallotRules,
} from "../../../protocol/rules";
import { startLocalBling, type LocalBling } from "../../../local/anvil";
import { RegistryClient } from "../../../contracts/src/registry-client";
import { RegistryError, type RegistryErrorName } from "../../../contracts/src/registry-errors";
import type { ReferendumAnchor } from "../../../contracts/src/registry-types";
import { anchorOf, freshReferendumId, hash32, plainRules } from "../../fixtures/chain-fixtures";
import { FUZZ_RUNS } from "../../fixtures/fuzz";

const CENSUS_ROOT = 0x1234n;

let bling: LocalBling;
let councilA: HDNodeWallet;
let councilB: HDNodeWallet;
let outsider: HDNodeWallet;
let asA: RegistryClient;
let asB: RegistryClient;
let asOutsider: RegistryClient;

beforeAll(async () => {
  bling = await startLocalBling([1, 2]);
  councilA = bling.chain.wallet(1);
  councilB = bling.chain.wallet(2);
  outsider = bling.chain.wallet(3);
  asA = bling.registry.connect(councilA);
  asB = bling.registry.connect(councilB);
  asOutsider = bling.registry.connect(outsider);
});

afterAll(async () => {
  await bling.chain.stop();
});

/** Expects a write to be refused with exactly this custom error (and these arguments, when given). */
async function expectRefused(write: Promise<unknown>, name: RegistryErrorName, args?: unknown[]): Promise<void> {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  expect((error as RegistryError).errorName).toBe(name);
  if (args) expect((error as RegistryError).args).toEqual(args);
}

async function openAs(client: RegistryClient, overrides: Partial<ReferendumAnchor> = {}): Promise<ReferendumAnchor> {
  const anchor = anchorOf(await bling.chain.now(), yesNo(), CENSUS_ROOT, overrides);
  await client.openReferendum(anchor);
  return anchor;
}

const tallyOf = (id: bigint, logSize: number, counts: bigint[] = [3n, 2n, 0n, 0n, 0n, 0n, 0n, 0n]) => ({
  id,
  counts,
  logSize,
  logRoot: hash32(`log-${id}-${logSize}`),
  nullifierSetRoot: hash32(`nullifiers-${id}`),
});

describe("# BlingRegistry councils", () => {
  it("should let the owner add and remove councils, and nobody else", async () => {
    expect(await bling.registry.owner()).toBe(bling.owner.address);
    expect(await bling.registry.isCouncil(councilA.address)).toBe(true);
    expect(await bling.registry.isCouncil(outsider.address)).toBe(false);
    await expectRefused(asA.addCouncil(outsider.address), "NotOwner", [councilA.address]);
    await expectRefused(asOutsider.removeCouncil(councilA.address), "NotOwner", [outsider.address]);
    await expectRefused(bling.registry.addCouncil(councilA.address), "CouncilAlreadyAdded", [councilA.address]);
    await expectRefused(bling.registry.addCouncil(ZeroAddress), "ZeroAddress");
    await expectRefused(bling.registry.removeCouncil(outsider.address), "NotCouncil", [outsider.address]);
  });

  it("should stop a removed council from writing even the referenda it opened", async () => {
    const council = bling.chain.wallet(4);
    await bling.registry.addCouncil(council.address);
    const asCouncil = bling.registry.connect(council);
    const anchor = await openAs(asCouncil);
    await asCouncil.checkpoint(anchor.id, 1, hash32("head-1"));
    await bling.registry.removeCouncil(council.address);
    expect(await bling.registry.isCouncil(council.address)).toBe(false);
    await expectRefused(asCouncil.checkpoint(anchor.id, 2, hash32("head-2")), "NotCouncil", [council.address]);
    await expectRefused(
      asCouncil.openReferendum(anchorOf(await bling.chain.now(), yesNo(), CENSUS_ROOT)),
      "NotCouncil",
    );
  });

  it("should hand ownership over, refusing the zero address", async () => {
    const next = bling.chain.wallet(5);
    await expectRefused(bling.registry.transferOwnership(ZeroAddress), "ZeroAddress");
    await bling.registry.transferOwnership(next.address);
    expect(await bling.registry.owner()).toBe(next.address);
    await expectRefused(bling.registry.addCouncil(outsider.address), "NotOwner", [bling.owner.address]);
    await bling.registry.connect(next).transferOwnership(bling.owner.address);
    expect(await bling.registry.owner()).toBe(bling.owner.address);
  });
});

describe("# BlingRegistry.openReferendum", () => {
  it("should anchor the spec hash, census root, rules and schedule, readable by anyone", async () => {
    const anchor = await openAs(asA, { rules: quadratic(5, 100) });
    const reader = new RegistryClient(bling.deployment.registry, bling.chain.provider, bling.deployment.deployBlock);
    expect(await reader.getReferendum(anchor.id)).toEqual({
      ...anchor,
      rules: plainRules(quadratic(5, 100)),
      electionKey: null,
      council: councilA.address,
    });
    expect(await reader.getReferendum(freshReferendumId())).toBeNull();
  });

  it("should accept the rules of every preset", async () => {
    for (const rules of [yesNo(), singleChoice(8), approval(6, 3), cumulative(4, 65535), quadratic(8, 65535 ** 2)]) {
      const anchor = await openAs(asA, { rules });
      expect((await asA.getReferendum(anchor.id))?.rules).toEqual(plainRules(rules));
    }
  });

  it("should refuse a caller that is not a council", async () => {
    await expectRefused(openAs(asOutsider), "NotCouncil", [outsider.address]);
  });

  it("should open an id only once, whichever council asks", async () => {
    const anchor = await openAs(asA);
    await expectRefused(openAs(asA, { id: anchor.id }), "ReferendumAlreadyOpened", [anchor.id]);
    await expectRefused(openAs(asB, { id: anchor.id, specHash: hash32("other") }), "ReferendumAlreadyOpened");
    expect((await asA.getReferendum(anchor.id))?.specHash).toBe(anchor.specHash);
  });

  it("should refuse ids that are not nonzero field elements", async () => {
    await expectRefused(openAs(asA, { id: 0n }), "InvalidReferendumId", [0n]);
    await expectRefused(openAs(asA, { id: SNARK_FIELD_SIZE }), "InvalidReferendumId", [SNARK_FIELD_SIZE]);
  });

  it("should refuse the empty census (root 0) and roots outside the field", async () => {
    await expectRefused(openAs(asA, { censusRoot: 0n }), "InvalidCensusRoot", [0n]);
    await expectRefused(openAs(asA, { censusRoot: SNARK_FIELD_SIZE }), "InvalidCensusRoot");
  });

  it("should refuse a schedule that closes before it opens or in the past", async () => {
    const now = await bling.chain.now();
    await expectRefused(openAs(asA, { opensAt: now + 10, closesAt: now + 10 }), "InvalidSchedule");
    await expectRefused(openAs(asA, { opensAt: now - 100, closesAt: now - 1 }), "InvalidSchedule");
  });

  it("should refuse each kind of invalid rules", async () => {
    const base = yesNo();
    const invalid: BallotRules[] = [
      { ...base, options: 0 },
      { ...base, options: VOTE_OPTIONS + 1 },
      { ...base, maxValue: 0 },
      { ...base, maxValue: 65536 },
      { ...base, costExponent: 3 as 2 },
      { ...base, minTotal: 2, maxTotal: 1 },
      { ...base, maxTotal: 0, minTotal: 0 },
      { ...base, maxTotal: 2 ** 35 },
      { ...base, minTotal: 3, maxTotal: 3 },
    ];
    for (const rules of invalid) {
      expect(rulesProblems(rules)).not.toEqual([]);
      await expectRefused(openAs(asA, { rules }), "InvalidRules");
    }
  });

  it("[fuzz] should accept exactly the rules protocol/rules.ts accepts", async () => {
    const now = await bling.chain.now();
    const rules = fc.record({
      options: fc.integer({ min: 0, max: 10 }),
      maxValue: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 70000 })),
      minTotal: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2 ** 36 })),
      maxTotal: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2 ** 36 })),
      costExponent: fc.integer({ min: 0, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(rules, async (candidate) => {
        const anchor = anchorOf(now, candidate as BallotRules, CENSUS_ROOT);
        const { id, specHash, censusRoot, opensAt, closesAt } = anchor;
        const accepted = await asA.contract
          .getFunction("openReferendum")
          .staticCall(id, specHash, censusRoot, candidate, [0n, 0n], opensAt, closesAt)
          .then(
            () => true,
            () => false,
          );
        expect(accepted).toBe(rulesProblems(candidate as BallotRules).length === 0);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("# BlingRegistry.checkpoint", () => {
  it("should store and emit log heads whose sizes strictly increase", async () => {
    const { id } = await openAs(asA);
    expect(await asA.getCheckpoints(id)).toEqual([]);
    await asA.checkpoint(id, 3, hash32("h3"));
    await asA.checkpoint(id, 10, hash32("h10"));
    const checkpoints = await asA.getCheckpoints(id);
    expect(checkpoints.map(({ index, logSize, logRoot }) => ({ index, logSize, logRoot }))).toEqual([
      { index: 0, logSize: 3, logRoot: hash32("h3") },
      { index: 1, logSize: 10, logRoot: hash32("h10") },
    ]);
    expect(checkpoints[1]!.anchoredAt).toBeGreaterThanOrEqual(checkpoints[0]!.anchoredAt);
    await expectRefused(asA.checkpoint(id, 10, hash32("h10")), "CheckpointNotGrowing", [10n, 10n]);
    await expectRefused(asA.checkpoint(id, 9, hash32("h9")), "CheckpointNotGrowing", [10n, 9n]);
  });

  it("should refuse an empty first head", async () => {
    const { id } = await openAs(asA);
    await expectRefused(asA.checkpoint(id, 0, hash32("empty")), "CheckpointNotGrowing", [0n, 0n]);
  });

  it("should let only the referendum's own council write it", async () => {
    const { id } = await openAs(asA);
    await expectRefused(asOutsider.checkpoint(id, 1, hash32("x")), "NotCouncil", [outsider.address]);
    await expectRefused(asB.checkpoint(id, 1, hash32("x")), "NotReferendumCouncil", [id, councilB.address]);
    const unknown = freshReferendumId();
    await expectRefused(asA.checkpoint(unknown, 1, hash32("x")), "UnknownReferendum", [unknown]);
  });
});

const closingOf = (id: bigint, closedAt: number, logSize: number) => ({
  id,
  closedAt,
  logSize,
  logRoot: hash32(`log-${id}-${logSize}`),
});

describe("# BlingRegistry.closeLog", () => {
  it("should anchor the closing head once, readable by anyone, and refuse checkpoints after it", async () => {
    const anchor = await openAs(asA);
    await asA.checkpoint(anchor.id, 2, hash32(`log-${anchor.id}-2`));
    expect(await asA.getClosing(anchor.id)).toBeNull();
    const now = await bling.chain.now();
    const receipt = await asA.closeLog(closingOf(anchor.id, now, 4));
    const block = await bling.chain.provider.getBlock(receipt.blockNumber);
    expect(await bling.registry.getClosing(anchor.id)).toEqual({
      ...closingOf(anchor.id, now, 4),
      anchoredAt: block!.timestamp,
    });
    await expectRefused(asA.closeLog(closingOf(anchor.id, now, 4)), "LogAlreadyClosed", [anchor.id]);
    await expectRefused(asA.checkpoint(anchor.id, 5, hash32("after close")), "LogAlreadyClosed", [anchor.id]);
  });

  it("should refuse a close after the scheduled one, in the future, or behind the last checkpoint", async () => {
    const anchor = await openAs(asA);
    await asA.checkpoint(anchor.id, 5, hash32(`log-${anchor.id}-5`));
    const now = await bling.chain.now();
    await expectRefused(asA.closeLog(closingOf(anchor.id, anchor.closesAt + 1, 5)), "ClosingAfterSchedule", [
      BigInt(anchor.closesAt + 1),
      BigInt(anchor.closesAt),
    ]);
    const future = await asA.closeLog(closingOf(anchor.id, now + 600, 5)).catch((e: unknown) => e);
    expect(future).toBeInstanceOf(RegistryError);
    expect((future as RegistryError).errorName).toBe("ClosingInFuture");
    expect((future as RegistryError).args[0]).toBe(BigInt(now + 600));
    await expectRefused(asA.closeLog(closingOf(anchor.id, now, 4)), "ClosingBehindCheckpoint", [5n, 4n]);
    await expectRefused(
      asA.closeLog({ ...closingOf(anchor.id, now, 5), logRoot: hash32("forked") }),
      "ClosingRootMismatch",
      [hash32(`log-${anchor.id}-5`), hash32("forked")],
    );
    await expectRefused(asB.closeLog(closingOf(anchor.id, now, 5)), "NotReferendumCouncil", [
      anchor.id,
      councilB.address,
    ]);
    await expectRefused(asOutsider.closeLog(closingOf(anchor.id, now, 5)), "NotCouncil", [outsider.address]);
    const unknown = freshReferendumId();
    await expectRefused(asA.closeLog(closingOf(unknown, now, 5)), "UnknownReferendum", [unknown]);
    expect(await asA.getClosing(anchor.id)).toBeNull();
    // The scheduled close, once passed, is a valid closing time.
    await bling.chain.increaseTime(3601);
    await asA.closeLog(closingOf(anchor.id, anchor.closesAt, 5));
    expect((await asA.getClosing(anchor.id))?.closedAt).toBe(anchor.closesAt);
  });
});

describe("# BlingRegistry.publishTally", () => {
  it("should refuse a tally before the closing head is anchored, even after the scheduled close", async () => {
    const anchor = await openAs(asA);
    await expectRefused(asA.publishTally(tallyOf(anchor.id, 0)), "LogNotClosed", [anchor.id]);
    await bling.chain.increaseTime(3601);
    await expectRefused(asA.publishTally(tallyOf(anchor.id, 0)), "LogNotClosed", [anchor.id]);
    expect(await asA.getTally(anchor.id)).toBeNull();
  });

  it("should tally an early close at once, covering exactly the closing log", async () => {
    const anchor = await openAs(asA, { rules: approval(3, 2) });
    const other = await openAs(asB);
    await asA.checkpoint(anchor.id, 5, hash32(`log-${anchor.id}-5`));
    // The council closes an hour early: no waiting for the scheduled close.
    await asA.closeLog(closingOf(anchor.id, await bling.chain.now(), 7));

    await expectRefused(asA.publishTally(tallyOf(anchor.id, 5)), "TallyNotAtClosing", [
      7n,
      hash32(`log-${anchor.id}-7`),
    ]);
    await expectRefused(asA.publishTally(tallyOf(anchor.id, 8)), "TallyNotAtClosing");
    await expectRefused(
      asA.publishTally({ ...tallyOf(anchor.id, 7), logRoot: hash32("forked") }),
      "TallyNotAtClosing",
      [7n, hash32(`log-${anchor.id}-7`)],
    );
    await expectRefused(
      asA.publishTally(tallyOf(anchor.id, 7, [1n, 1n, 1n, 1n, 0n, 0n, 0n, 0n])),
      "CountBeyondOptions",
      [3n],
    );
    await expectRefused(asB.publishTally(tallyOf(anchor.id, 7)), "NotReferendumCouncil", [anchor.id, councilB.address]);
    await expectRefused(asOutsider.publishTally(tallyOf(anchor.id, 7)), "NotCouncil");

    const tally = tallyOf(anchor.id, 7, [4n, 3n, 2n, 0n, 0n, 0n, 0n, 0n]);
    const receipt = await asA.publishTally(tally);
    const block = await bling.chain.provider.getBlock(receipt.blockNumber);
    expect(await asA.getTally(anchor.id)).toEqual({ ...tally, publishedAt: block!.timestamp });
    await expectRefused(asA.publishTally(tally), "TallyAlreadyPublished", [anchor.id]);
    await expectRefused(asA.checkpoint(anchor.id, 8, hash32("late")), "LogAlreadyClosed", [anchor.id]);

    // An empty log closes and tallies at size 0.
    await asB.closeLog(closingOf(other.id, await bling.chain.now(), 0));
    await asB.publishTally(tallyOf(other.id, 0, [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n]));
    expect((await asB.getTally(other.id))?.logSize).toBe(0);
  });
});

describe("# RegistryClient events", () => {
  it("should read back from events exactly what was written, for one referendum only", async () => {
    const anchor = await openAs(asB, { rules: cumulative(4, 10) });
    const noise = await openAs(asA);
    await asB.checkpoint(anchor.id, 2, hash32("e2"));
    await asA.checkpoint(noise.id, 1, hash32("noise"));
    await asB.checkpoint(anchor.id, 6, hash32("e6"));
    await bling.chain.increaseTime(3601);
    await asB.closeLog({ id: anchor.id, closedAt: anchor.closesAt, logSize: 6, logRoot: hash32("e6") });
    const tally = tallyOf(anchor.id, 6, [5n, 10n, 1n, 4n, 0n, 0n, 0n, 0n]);
    await asB.publishTally({ ...tally, logRoot: hash32("e6") });

    const reader = new RegistryClient(bling.deployment.registry, bling.chain.provider, bling.deployment.deployBlock);
    const events = await reader.referendumEvents(anchor.id);
    expect(events.map((e) => e.kind)).toEqual([
      "ReferendumOpened",
      "LogCheckpointed",
      "LogCheckpointed",
      "LogClosed",
      "TallyPublished",
    ]);
    expect(events[0]).toMatchObject({
      referendum: { ...anchor, rules: plainRules(cumulative(4, 10)), council: councilB.address },
    });
    expect(events[1]).toMatchObject({ id: anchor.id, index: 0, head: { logSize: 2, logRoot: hash32("e2") } });
    expect(events[2]).toMatchObject({ id: anchor.id, index: 1, head: { logSize: 6, logRoot: hash32("e6") } });
    expect(events[3]).toMatchObject({
      closing: { id: anchor.id, closedAt: anchor.closesAt, logSize: 6, logRoot: hash32("e6") },
    });
    expect(events[4]).toMatchObject({ tally: { ...tally, logRoot: hash32("e6") } });
    const blocks = events.map((e) => e.blockNumber);
    expect([...blocks].sort((x, y) => x - y)).toEqual(blocks);

    // The views agree with the events.
    const views = await reader.getCheckpoints(anchor.id);
    expect(views.map(({ index, logSize, logRoot }) => ({ index, head: { logSize, logRoot } }))).toEqual(
      events.slice(1, 3).map((e) => (e.kind === "LogCheckpointed" ? { index: e.index, head: e.head } : null)),
    );
    expect(await reader.getClosing(anchor.id)).toMatchObject(
      events[3]!.kind === "LogClosed" ? events[3]!.closing : { missing: true },
    );
    expect(await reader.getTally(anchor.id)).toMatchObject(
      events[4]!.kind === "TallyPublished" ? events[4]!.tally : { missing: true },
    );
  });
});
