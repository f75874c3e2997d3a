/**
 * The verify pages' pure helpers: the verdict (a missing tally is "unfinished", not a failure),
 * the chart's scaling, failures sorted by source, and the independent command.
 */
import type { AuditReport, CheckId, CheckResult } from "../../../../audit/report";
import {
  checkState,
  cliCommand,
  failedChecks,
  failureKindOf,
  isReferendumId,
  progressFraction,
  shortReferendumId,
  verdictOf,
} from "../../../../web/components/verify/view";
import { barRows, percentOf } from "../../../../web/lib/result-rows";

const IDS: CheckId[] = ["spec", "census", "circuit", "ballots", "nullifiers", "log", "checkpoints", "close", "tally"];

function check(id: CheckId, ok: boolean): CheckResult {
  return { id, title: id, ok, summary: ok ? "fine" : "broken", problems: ok ? [] : ["broken"], numbers: {} };
}

function report(failing: CheckId[]): AuditReport {
  const checks = IDS.map((id) => check(id, !failing.includes(id)));
  return { referendumId: "7", ok: failing.length === 0, checks };
}

describe("# verify view", () => {
  it("should pass a report whose every check passed", () => {
    expect(verdictOf(report([]), { tallyAnchored: true })).toBe("passed");
    expect(failedChecks(report([]), { tallyAnchored: true })).toEqual([]);
  });

  it("should call a report whose only failure is a tally not anchored yet unfinished, not failed", () => {
    expect(verdictOf(report(["tally"]), { tallyAnchored: false })).toBe("unfinished");
    expect(checkState(check("tally", false), { tallyAnchored: false })).toBe("pending");
    expect(failedChecks(report(["tally"]), { tallyAnchored: false })).toEqual([]);
  });

  it("should fail a report with a failed tally once one is anchored, or any other failed check", () => {
    expect(verdictOf(report(["tally"]), { tallyAnchored: true })).toBe("failed");
    expect(verdictOf(report(["ballots", "tally"]), { tallyAnchored: false })).toBe("failed");
    expect(failedChecks(report(["ballots", "tally"]), { tallyAnchored: false })).toEqual(["ballots"]);
    expect(checkState(check("log", false), { tallyAnchored: false })).toBe("fail");
  });

  it("should call a closing not anchored before its deadline pending, and a late or missing one a failure", () => {
    const pending = { ...check("close", false), numbers: { closing: "pending" } };
    expect(checkState(pending, { tallyAnchored: false })).toBe("pending");
    const withLateBallot = { ...pending, problems: ["ballot #3 was stamped late", "not finished yet"] };
    expect(checkState(withLateBallot, { tallyAnchored: false })).toBe("fail");
    expect(checkState({ ...pending, numbers: { closing: "missing" } }, { tallyAnchored: false })).toBe("fail");
    const closeAndTally = report(["close", "tally"]);
    closeAndTally.checks.find((c) => c.id === "close")!.numbers.closing = "pending";
    expect(verdictOf(closeAndTally, { tallyAnchored: false })).toBe("unfinished");
  });

  it("should scale bars to the largest count and give each option its share", () => {
    expect(barRows(["Yes", "No", "Blank"], ["3", "1", "0"])).toEqual([
      { option: "Yes", count: 3, percentOfMax: 100, share: 75 },
      { option: "No", count: 1, percentOfMax: (1 / 3) * 100, share: 25 },
      { option: "Blank", count: 0, percentOfMax: 0, share: 0 },
    ]);
  });

  it("should draw no bar and no share when nothing was counted or a count is missing", () => {
    expect(barRows(["Yes", "No"], [])).toEqual([
      { option: "Yes", count: 0, percentOfMax: 0, share: 0 },
      { option: "No", count: 0, percentOfMax: 0, share: 0 },
    ]);
  });

  it("should compute turnout, and none for an empty census", () => {
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(0, 0)).toBe(0);
  });

  it("should sort the audit's download failures by source", () => {
    expect(failureKindOf("cannot reach the chain RPC at http://x: fetch failed")).toBe("rpc");
    expect(failureKindOf("no contract at 0xabc on chain 31337")).toBe("rpc");
    expect(failureKindOf("cannot reach the API at http://x/v1/config: fetch failed")).toBe("api");
    expect(failureKindOf("GET /referenda/99 answered 404 REFERENDUM_NOT_FOUND: No such referendum.")).toBe("notFound");
    expect(failureKindOf("referendum 5 has no public spec yet")).toBe("notOpen");
    expect(failureKindOf("/artifacts/vote_d20_k8/manifest.json answered 500")).toBe("artifacts");
    expect(failureKindOf("something else")).toBe("other");
  });

  it("should give a progress fraction within 0..1, or none while the size is unknown", () => {
    expect(progressFraction(5, 10)).toBe(0.5);
    expect(progressFraction(12, 10)).toBe(1);
    expect(progressFraction(0, 0)).toBeNull();
  });

  it("should write the independent command with every source filled in", () => {
    expect(cliCommand({ api: "https://api.example", rpc: "https://rpc.example", registry: "0xabc" }, "12")).toBe(
      "npx bling verify --api https://api.example --rpc https://rpc.example --registry 0xabc --referendum 12",
    );
  });

  it("should accept only referendum numbers", () => {
    expect(isReferendumId("12")).toBe(true);
    expect(isReferendumId(" 7 ")).toBe(true);
    expect(isReferendumId("9".repeat(78))).toBe(true);
    expect(isReferendumId("9".repeat(79))).toBe(false);
    expect(isReferendumId("012")).toBe(false);
    expect(isReferendumId("0")).toBe(false);
    expect(isReferendumId("1a")).toBe(false);
    expect(isReferendumId("")).toBe(false);
  });

  it("should shorten a long referendum id to its first and last 8 digits, and keep a short one whole", () => {
    const long = "12345678" + "0".repeat(61) + "87654321";
    expect(long).toHaveLength(77);
    expect(shortReferendumId(long)).toBe("12345678…87654321");
    expect(shortReferendumId("9999")).toBe("9999");
    expect(shortReferendumId("1".repeat(20))).toBe("1".repeat(20));
    expect(shortReferendumId("1".repeat(21))).toBe("11111111…11111111");
  });
});
