/** What the audit reads from a bundle: the protocol's schemas, leniently; a malformed item fails its check. */
import { yesNo, type Ballot } from "../../../protocol";
import { auditReferendum, type AuditDeps } from "../../../audit/audit";
import { parseBundle, servedItems, servedTally, type AuditBundle } from "../../../audit/bundle";
import type { AuditReport, CheckId } from "../../../audit/report";
import { buildAuditBundle, unprovedBallot, type BundleOptions } from "../../fixtures/audit-bundle";

const REFERENDUM = 4242n;
const LEAVES = [11n, 22n, 33n];

const ballot = (nullifier: bigint, votes: number[], censusRoot: bigint): Ballot =>
  unprovedBallot(REFERENDUM, nullifier, votes, censusRoot);

function options(ballots: Ballot[]): BundleOptions {
  return {
    referendumId: REFERENDUM,
    censusLeaves: LEAVES,
    options: ["Yes", "No"],
    rules: yesNo(),
    revoting: false,
    ballots,
    circuit: { name: "vote_test", zkeySha256: "a".repeat(64) },
    logKey: new Uint8Array(32).fill(7),
    checkpointSizes: [2],
  };
}

// Every proof verifies here: these tests are about reading the bundle, not about the pairing.
const deps: AuditDeps = {
  circuit: {
    name: "vote_test",
    zkeySha256: "a".repeat(64),
    vkeySha256: "b".repeat(64),
    vkeyFileSha256: "b".repeat(64),
  },
  verifyProofs: (ballots) => Promise.resolve(ballots.map(() => true)),
};

/** An honest bundle as JSON off the wire (or out of a dump): what parseBundle is given. */
function servedJson(): Record<string, unknown> & { entries: unknown[]; heads: unknown[]; tally: unknown } {
  const root = BigInt(buildAuditBundle(options([])).referendum.spec.census.root);
  const bundle = buildAuditBundle(
    options([ballot(1n, [1, 0], root), ballot(2n, [0, 1], root), ballot(3n, [1, 0], root)]),
  );
  const { malformed: _none, ...served } = bundle;
  return JSON.parse(JSON.stringify(served)) as ReturnType<typeof servedJson>;
}

const failedIds = (report: AuditReport): CheckId[] => report.checks.filter((c) => !c.ok).map((c) => c.id);
const problemsOf = (report: AuditReport, id: CheckId): string =>
  report.checks.find((check) => check.id === id)?.problems.join("\n") ?? "";

describe("# parseBundle", () => {
  it("should read an honest bundle with nothing malformed, and audit it to a PASS", async () => {
    const bundle = parseBundle(servedJson(), "dump");
    expect(bundle.malformed).toEqual([]);
    expect(bundle.entries).toHaveLength(3);
    expect(failedIds(await auditReferendum(bundle, deps))).toEqual([]);
  });

  it("should FAIL the ballots and log checks, not throw, for a log entry with a missing field", async () => {
    const served = servedJson();
    const entry = served.entries[1] as { entry: Record<string, unknown> };
    delete entry.entry.receivedAt;
    let bundle: AuditBundle | undefined;
    expect(() => (bundle = parseBundle(served, "dump"))).not.toThrow();
    expect(bundle?.malformed).toMatchObject([{ part: "entries", index: 1, problem: /^entry\.receivedAt: / }]);
    const report = await auditReferendum(bundle!, deps);
    expect(report.ok).toBe(false);
    expect(failedIds(report)).toEqual(expect.arrayContaining(["ballots", "log"]));
    expect(problemsOf(report, "ballots")).toMatch(
      /log entry at position 1 is not a ballot entry the audit can read \(entry\.receivedAt: .+\)/,
    );
    expect(problemsOf(report, "log")).toMatch(/log entry at position 1 cannot be read \(entry\.receivedAt: /);
  });

  it("should FAIL the log check for a tree head whose root is 63 hex digits", async () => {
    const served = servedJson();
    const head = served.heads[0] as { rootHash: string };
    head.rootHash = head.rootHash.slice(1);
    const bundle = parseBundle(served, "dump");
    expect(bundle.malformed).toMatchObject([{ part: "heads", index: 0 }]);
    const report = await auditReferendum(bundle, deps);
    expect(report.ok).toBe(false);
    expect(problemsOf(report, "log")).toMatch(
      /signed head at position 0 cannot be read \(rootHash: must be 32 bytes of lowercase hex\)/,
    );
  });

  it("should FAIL the tally check for a published tally that does not parse", async () => {
    const served = servedJson();
    (served.tally as { counts: unknown }).counts = "1, 2";
    const report = await auditReferendum(parseBundle(served, "dump"), deps);
    expect(failedIds(report)).toEqual(["tally"]);
    expect(problemsOf(report, "tally")).toMatch(/the tally the service publishes cannot be read \(counts: /);
  });

  it("should keep keys the schemas do not name, as the hashes and signatures cover them", async () => {
    const served = servedJson();
    (served.entries[0] as { entry: Record<string, unknown> }).entry.note = "not in v1";
    const bundle = parseBundle(served, "dump");
    expect(bundle.malformed).toEqual([]);
    expect(bundle.entries[0]?.entry).toHaveProperty("note", "not in v1");
    // The entry's bytes changed, so its leaf hash is not the logged one: the log check says so.
    expect(problemsOf(await auditReferendum(bundle, deps), "log")).toMatch(
      /entry #0 hashes to [0-9a-f]{64}, the log states/,
    );
  });

  it("should give back the items as served, the malformed ones in their places, for an export", () => {
    const served = servedJson();
    (served.entries[0] as { sequence: unknown }).sequence = -1;
    (served.entries[2] as { entryHash: unknown }).entryHash = 7;
    served.tally = { counts: 3 };
    const bundle = parseBundle(served, "dump");
    expect(bundle.malformed.map((item) => `${item.part}.${item.index}`)).toEqual(["entries.0", "entries.2", "tally.0"]);
    expect(servedItems(bundle, "entries")).toEqual(served.entries);
    expect(servedItems(bundle, "heads")).toEqual(served.heads);
    expect(servedTally(bundle)).toEqual({ counts: 3 });
  });

  it("should still refuse a bundle whose frame or spec does not parse, naming the field", () => {
    const served = servedJson();
    expect(() => parseBundle({ ...served, format: "other" }, "dump")).toThrow(/^dump: format:/);
    expect(() => parseBundle({ ...served, entries: "none" }, "dump")).toThrow(/^dump: entries:/);
    const referendum = served.referendum as { spec: { census: Record<string, unknown> } };
    delete referendum.spec.census.root;
    expect(() => parseBundle(served, "dump")).toThrow(/^dump: referendum\.spec\.census\.root:/);
    expect(() => parseBundle(null, "x")).toThrow(/^x: \(root\)/);
  });
});
