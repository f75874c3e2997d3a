import { yesNo, type Ballot } from "../../../protocol";
import { entryLeafHash } from "../../../protocol/log-objects";
import { CLOSE_GRACE_SECONDS } from "../../../protocol/closing-rules";
import type { AuditBundle } from "../../../audit/bundle";
import { checkClose } from "../../../audit/close-checks";
import { formatReport } from "../../../audit/report";
import { buildAuditBundle, unprovedBallot, type BundleOptions } from "../../fixtures/audit-bundle";

const REFERENDUM = 4242n;
const LEAVES = [11n, 22n, 33n];

const ballot = (nullifier: bigint, votes: number[]): Ballot => unprovedBallot(REFERENDUM, nullifier, votes);

function bundleOf(overrides: Partial<BundleOptions> = {}): AuditBundle {
  return structuredClone(
    buildAuditBundle({
      referendumId: REFERENDUM,
      censusLeaves: LEAVES,
      options: ["Yes", "No"],
      rules: yesNo(),
      revoting: false,
      ballots: [ballot(1n, [1, 0]), ballot(2n, [0, 1]), ballot(3n, [1, 0])],
      circuit: { name: "vote_test", zkeySha256: "a".repeat(64) },
      logKey: new Uint8Array(32).fill(7),
      checkpointSizes: [2],
      censusRoot: 1n,
      ...overrides,
    }),
  );
}

/** Sets an entry's stamp as a dishonest service would, keeping its hash consistent. */
function stamp(bundle: AuditBundle, sequence: number, receivedAt: number): void {
  const entry = bundle.entries[sequence]!;
  entry.entry.receivedAt = receivedAt;
  entry.entryHash = entryLeafHash(entry.entry);
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");

describe("# checkClose", () => {
  it("should pass an honest close: nothing late, anchored in time, the tally at the closing head", () => {
    const bundle = bundleOf();
    const check = checkClose(bundle);
    expect(check.problems).toEqual([]);
    expect(check.numbers).toMatchObject({ closing: "anchored", closingSize: 3, lateBallots: 0 });
    expect(check.summary).toMatch(/the closing log of 3 was anchored .*; the tally covers exactly it/);
  });

  it("[attack: late ballot] should fail every entry stamped at or after the scheduled close", () => {
    const bundle = bundleOf();
    const { closesAt } = bundle.referendum.spec;
    stamp(bundle, 1, closesAt);
    stamp(bundle, 2, closesAt + 37);
    const check = checkClose(bundle);
    expect(check.ok).toBe(false);
    expect(check.numbers.lateBallots).toBe(2);
    expect(check.problems).toEqual([
      `ballot #1 was stamped ${iso(closesAt)}, at or after the close ${iso(closesAt)}: the service accepted a late ballot`,
      `ballot #2 was stamped ${iso(closesAt + 37)}, at or after the close ${iso(closesAt)}: the service accepted a late ballot`,
    ]);
  });

  it("should hold entries to an anchored early close, not the scheduled one", () => {
    const bundle = bundleOf();
    const early = bundle.referendum.spec.opensAt;
    bundle.anchors.closing!.closedAt = early;
    bundle.anchors.closing!.anchoredAt = early + 60;
    const check = checkClose(bundle);
    expect(check.problems.join("\n")).toMatch(
      new RegExp(`ballot #2 was stamped .* at or after the close ${iso(early)}`),
    );
  });

  it("should fail a closing anchored after close + MMD + grace, and pass one just in time", () => {
    const bundle = bundleOf();
    const { closesAt, maxMergeDelay } = bundle.referendum.spec;
    const deadline = closesAt + maxMergeDelay + CLOSE_GRACE_SECONDS;
    bundle.anchors.closing!.anchoredAt = deadline;
    expect(checkClose(bundle).ok).toBe(true);
    bundle.anchors.closing!.anchoredAt = deadline + 1;
    expect(checkClose(bundle).problems).toEqual([
      `the closing checkpoint was anchored ${iso(deadline + 1)}, after the deadline ${iso(deadline)} (close + MMD ${maxMergeDelay} s + grace ${CLOSE_GRACE_SECONDS} s)`,
    ]);
  });

  it("should fail a tally that covers another log than the closing one", () => {
    const bundle = bundleOf();
    bundle.anchors.closing!.logSize = 2;
    bundle.anchors.closing!.logRoot = bundle.anchors.checkpoints[0]!.logRoot;
    const problems = checkClose(bundle).problems.join("\n");
    expect(problems).toMatch(/the log holds 1 entry after the closing head of 2: ballots were added after the close/);
    expect(problems).toMatch(
      /the tally covers a log of 3 \(root [0-9a-f]{64}\), not the closing log of 2 \(root [0-9a-f]{64}\)/,
    );
  });

  it("should say 'not finished yet' without a closing until the deadline, then fail naming it", () => {
    const bundle = bundleOf({ tallied: false });
    const { closesAt, maxMergeDelay } = bundle.referendum.spec;
    const deadline = closesAt + maxMergeDelay + CLOSE_GRACE_SECONDS;
    const during = checkClose(bundle);
    expect(during.numbers.closing).toBe("pending");
    expect(during.problems).toEqual([
      `not finished yet: no closing checkpoint is anchored; the service has until ${iso(deadline)} (audit again after it)`,
    ]);
    bundle.anchors.chainTime = deadline;
    expect(checkClose(bundle).numbers.closing).toBe("pending");
    bundle.anchors.chainTime = deadline + 1;
    const late = checkClose(bundle);
    expect(late.numbers.closing).toBe("missing");
    expect(late.problems).toEqual([
      `no closing checkpoint is anchored, and the deadline ${iso(deadline)} (close + MMD ${maxMergeDelay} s + grace ${CLOSE_GRACE_SECONDS} s) passed: the chain is at ${iso(deadline + 1)}`,
    ]);
    expect(formatReport({ referendumId: "4242", ok: false, checks: [late] })).toMatch(
      /FAIL {2}Nothing was stamped after the close[\s\S]*- no closing checkpoint is anchored/,
    );
  });
});
